"""Reading a rendered DOCX back for the DOCX writer's tests: tables as grids, cell ids.

``grid(table)`` expands a python-docx table into grid positions (merges resolved to
their origin cell); ``expected_cells(table)`` says, from the format declaration alone,
which grid position must hold which model value, so the tests compare the document
with the model without trusting the writer's own layout code.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import attrs
import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from govinfo_report import Report
from govinfo_report.model import ExtraRow, Table, format_value
from govinfo_report.writers.docx import DocxWriter

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(report: Report, **options: object) -> bytes:
    return DocxWriter(**options).render(report)  # type: ignore[arg-type]


def reopen(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def writable(report: Report) -> bool:
    """Whether every string of the report can be stored in XML (Hypothesis draws U+FFFF)."""
    return not _ILLEGAL.search(repr(attrs.asdict(report, recurse=True)))


@attrs.frozen
class Pos:
    """One grid position: text, origin (row, col) of the cell covering it, the tc element."""

    text: str
    origin: tuple[int, int]
    span: int
    filler: bool


def grid(table: DocxTable) -> list[list[Pos]]:
    """The table as rows of grid positions, horizontal and vertical merges resolved."""
    rows: list[list[Pos]] = []
    for r, tr in enumerate(table._tbl.tr_lst):
        row: list[Pos] = []
        for tc in tr.tc_lst:
            col = len(row)
            span = tc.grid_span
            if tc.vMerge == "continue":
                above = rows[r - 1][col]
                row.extend([above] * span)
                continue
            text = "\n".join(p.text for p in _paragraphs(tc))
            tcpr = tc.tcPr
            filler = tcpr is not None and tcpr.find(qn("w:hideMark")) is not None
            row.extend([Pos(text, (r, col), span, filler)] * span)
        rows.append(row)
    return rows


def _paragraphs(tc: object) -> Iterator[Paragraph]:
    for p in tc.p_lst:  # type: ignore[attr-defined]
        yield Paragraph(p, None)  # type: ignore[arg-type]


def expected_cells(table: Table) -> dict[tuple[int, int], str]:
    """Grid position → the text the model says must be there, for every table cell.

    Positions follow the official layout: Table 2 blocks of caption row, header row and
    rows on a four-column grid (single-value blocks span three columns); Table 3 three
    header rows and three label columns; Table 4 three header rows and one row of 15.
    Extra rows sit right after the row they follow and are checked separately.
    """
    spec = table.spec
    extras_after: dict[str | None, int] = {}
    for extra in table.extra_rows:
        extras_after[extra.after] = extras_after.get(extra.after, 0) + 1
    out: dict[tuple[int, int], str] = {}
    if spec.id == "proactive":
        r = 0
        for b, group in enumerate(spec.groups):
            r += 2  # caption, 信息内容 header
            if b == 0:  # extra rows with no ``after``: first in the first block
                r += extras_after.get(None, 0)
            for row in group.rows:
                for c, column in enumerate(group.columns):
                    out[(r, 1 + c)] = format_value(table.get(row.id, column.id))
                r += 1 + extras_after.get(row.id, 0)
    elif spec.id == "applications":
        r = 3 + extras_after.get(None, 0)
        for row in spec.rows:
            for c, column in enumerate(spec.groups[0].columns):
                out[(r, 3 + c)] = format_value(table.get(row.id, column.id))
            r += 1 + extras_after.get(row.id, 0)
    else:  # Table 4: its extra rows print below the line of values
        r = 3
        for cell, value in table.items():
            out[(r, cell.index)] = format_value(value)
    return out


def extra_row_positions(table: Table) -> list[tuple[int, ExtraRow]]:
    """Grid row of each extra row, by the rule "right after the row it follows"."""
    spec = table.spec
    by_after: dict[str | None, list[ExtraRow]] = {}
    for extra in table.extra_rows:
        by_after.setdefault(extra.after, []).append(extra)
    out: list[tuple[int, ExtraRow]] = []
    if spec.id == "proactive":
        r = 0
        for b, group in enumerate(spec.groups):
            r += 2
            if b == 0:
                for extra in by_after.get(None, []):
                    out.append((r, extra))
                    r += 1
            for row in group.rows:
                r += 1
                for extra in by_after.get(row.id, []):
                    out.append((r, extra))
                    r += 1
        return out
    r = 3
    if spec.id == "applications":
        for extra in by_after.get(None, []):
            out.append((r, extra))
            r += 1
        for row in spec.rows:
            r += 1
            for extra in by_after.get(row.id, []):
                out.append((r, extra))
                r += 1
    else:  # Table 4: below its line of values, those with no ``after`` first
        r += 1
        for after in (None, *(row.id for row in spec.rows)):
            for extra in by_after.get(after, []):
                out.append((r, extra))
                r += 1
    return out


def read_extra_row(row: list[Pos], label_columns: int) -> tuple[str, tuple[str, ...]]:
    """An extra row's label (its last label cell) and value texts (up to the filler)."""
    cells: list[Pos] = []
    for pos in row:
        if not cells or pos is not cells[-1]:
            cells.append(pos)
    label_cells = [p for p in cells if p.origin[1] < label_columns]
    values = tuple(p.text for p in cells if p.origin[1] >= label_columns and not p.filler)
    return label_cells[-1].text, values
