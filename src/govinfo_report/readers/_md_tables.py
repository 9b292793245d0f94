"""Tables in Markdown as written, before any label is matched: GFM pipe tables from
markdown-it-py's tokens, and HTML tables (with their merges) from lxml.

Each becomes a :class:`RawTable`: the header path of every value column (a composite
name ``申请人情况 / 法人或其他组织 / 商业企业`` split at the separator, or the cells above the
column in an HTML header), the body rows with their label path and value texts, and the
header texts that hint at which statistic table it is (a caption, a corner note).
markdown-it-py pads a short GFM row with empty cells; an extra row must keep only the
cells it was written with, so :func:`split_row` counts them in the source line, by the
same rule as the GFM table extension. HTML spans are read as browsers read them and
clamped to the table; the grid positions of every table count against the document's
:class:`~govinfo_report.readers._limits.CellBudget` before they are created.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs
from lxml import etree
from lxml import html as lxml_html
from markdown_it.token import Token

from govinfo_report.readers._limits import CellBudget, span
from govinfo_report.readers._md_inline import text_of

_SPLIT = re.compile(r"\s+/\s+")
"""Splits a label path or a composite column name (the writer joins with `` / ``)."""
_CELL_PIPE = re.compile(r"(?<!\\)\|")
"""A pipe that separates cells: one without a backslash right before it."""
_MAX_SPAN: Final = 1000
"""Row/column spans above this in an HTML table are read as this (as browsers read
colspan); a rowspan never reaches past the table's last row."""


@attrs.frozen
class RawLine:
    """One body row of a table as written."""

    labels: tuple[str, ...]
    label: str
    values: tuple[str, ...]
    written: int
    """How many value cells the row itself has (an extra row keeps exactly these)."""
    line: int
    after: str | None = None
    pinned: bool = False
    """The row has no label: its values sit under columns that name their row
    (Table 4 as one row of 15 values under three-level headers)."""


@attrs.frozen
class RawTable:
    """A table as written: the header path of each value column, its rows, its hints."""

    columns: tuple[tuple[str, ...], ...]
    rows: tuple[RawLine, ...]
    hints: tuple[str, ...]
    line: int


def split_row(line: str) -> list[str]:
    """The cells of one GFM table row as written, by the GFM table extension's rule.

    The row is split at every ``|`` not preceded by a backslash (``\\|`` is a pipe inside
    a cell, the backslash dropped); the empty text before a leading pipe and after a
    trailing one is not a cell. The cells keep their surrounding spaces and other escapes.
    """
    cells = [cell.replace("\\|", "|") for cell in _CELL_PIPE.split(line.strip())]
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def gfm_table(tokens: Sequence[Token], start: int, source: Sequence[str], offset: int) -> RawTable:
    """The pipe table whose ``table_open`` token is ``tokens[start]``.

    ``source`` holds the lines the tokens' line maps refer to; ``offset`` is the number of
    lines before them in the file (the front matter).
    """
    header: list[str] = []
    rows: list[tuple[list[str], int, int]] = []
    current: list[str] | None = None
    row_line = 0
    # Indexing, not tokens[start:]: a copy of the rest per table is quadratic in tables.
    for k in range(start, len(tokens)):
        tok = tokens[k]
        if tok.type == "table_close":
            break
        if tok.type == "tr_open":
            current, row_line = [], (tok.map[0] if tok.map else 0)
        elif tok.type == "inline" and current is not None:
            current.append(text_of(tok.children))
        elif tok.type == "tr_close" and current is not None:
            if not header and not rows:
                header = current
            else:
                # The parser pads short rows; count what the source line really has.
                rows.append((current, row_line, len(split_row(source[row_line]))))
            current = None
    lines = tuple(
        RawLine(
            labels=tuple(_SPLIT.split(cells[0])) if cells[0] else (),
            label=cells[0],
            values=tuple(cells[1:]),
            written=max(written - 1, 0),
            line=line + offset + 1,
            pinned=k == 0 and not cells[0],
        )
        for k, (cells, line, written) in enumerate(rows)
    )
    columns = tuple(tuple(_SPLIT.split(h)) if h else () for h in header[1:])
    table_line = (tokens[start].map or [0])[0] + offset + 1
    hints = (header[0],) if header else ()
    return RawTable(columns=columns, rows=lines, hints=hints, line=table_line)


# --- HTML tables -----------------------------------------------------------------------


@attrs.frozen
class _HtmlCell:
    text: str
    row: int
    col: int
    colspan: int
    header: bool


_HtmlRow = tuple[list[_HtmlCell], str | None]
"""A row's own cells (those it starts) and its ``data-after`` attribute."""
_Occupied = dict[tuple[int, int], _HtmlCell]
"""Grid position → the cell covering it (merges expanded)."""


def _span(element: Any, name: str) -> int:
    return max(span(element.get(name), _MAX_SPAN), 1)


def _grid(table: Any, line: int, budget: CellBudget) -> tuple[list[_HtmlRow], _Occupied, int]:
    """Own cells per row, the grid position → cell map, the width.

    Raises:
        ReportReadError: the grid would take the document's tables over the cell budget.
    """
    occupied: _Occupied = {}
    rows: list[_HtmlRow] = []
    width = 0
    trs = table.xpath("./tr | ./*/tr")
    what = f"the HTML table at line {line}"
    for r, tr in enumerate(trs):
        own: list[_HtmlCell] = []
        c = 0
        for element in tr:
            if not isinstance(element.tag, str) or element.tag not in ("td", "th"):
                continue
            while (r, c) in occupied:
                c += 1
            rowspan = min(_span(element, "rowspan"), len(trs) - r)
            colspan = _span(element, "colspan")
            # Every position lies in the rows x width rectangle: count it before placing.
            width = max(width, c + colspan)
            budget.check(len(trs) * width, what)
            cell = _HtmlCell(element.text_content(), r, c, colspan, element.tag == "th")
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied[(r + dr, c + dc)] = cell
            own.append(cell)
            c += colspan
        rows.append((own, tr.get("data-after")))
    budget.take(len(trs) * width, what)
    return rows, occupied, width


def _path(occupied: _Occupied, rows: Iterable[int], col: int) -> tuple[str, ...]:
    """The texts of the distinct cells above ``col`` in ``rows``, top down."""
    seen: dict[int, _HtmlCell] = {}
    for r in rows:
        cell = occupied.get((r, col))
        if cell is not None:
            seen.setdefault(id(cell), cell)
    return tuple(cell.text for cell in seen.values())


def _rowspan_of(occupied: _Occupied, cell: _HtmlCell) -> int:
    n = 0
    while occupied.get((cell.row + n, cell.col)) is cell:
        n += 1
    return n


def html_tables(content: str, line: int, budget: CellBudget) -> list[RawTable]:
    """The tables in an HTML block (Table 2 as one table gives one per 第二十条 block).

    Raises:
        ReportReadError: their grids would take the document over ``budget``.
    """
    try:
        fragments = lxml_html.fragments_fromstring(content)
    except (etree.ParserError, ValueError):
        return []
    raws: list[RawTable] = []
    for fragment in fragments:
        if not isinstance(fragment, etree._Element):
            continue
        for table in fragment.iter("table"):
            raws.extend(_html_table(table, line, budget))
    return raws


def _html_table(table: Any, line: int, budget: CellBudget) -> list[RawTable]:
    rows, occupied, width = _grid(table, line, budget)
    if not rows or not rows[0][0]:
        return []
    first = rows[0][0][0]
    if len(rows[0][0]) == 1 and first.colspan == width and width > 1:
        return _html_blocks(rows, line)  # Table 2: starts with a caption row
    # Header rows: the leading rows of <th> cells (at least one).
    header_rows = next(
        (i for i, (own, _) in enumerate(rows) if not all(c.header for c in own)), len(rows)
    )
    header_rows = max(header_rows, 1)
    corner = occupied.get((0, 0))
    labels = 0
    if (
        corner is not None
        and corner.text.strip()
        and any(occupied.get((header_rows, c)) is not None for c in range(width))
    ):
        # Tables 3: the corner cell spans the label columns and the header rows.
        labels = corner.colspan if _rowspan_of(occupied, corner) == header_rows else 0
    columns = tuple(_path(occupied, range(header_rows), c) for c in range(labels, width))
    lines: list[RawLine] = []
    for r in range(header_rows, len(rows)):
        own, after = rows[r]
        if labels:
            # The row's label path: the distinct cells over its label columns, the
            # merged group cells above it included.
            label_path = tuple(
                c.text
                for c in dict.fromkeys(
                    occupied[(r, col)] for col in range(labels) if (r, col) in occupied
                )
            )
            label_cells = [c for c in own if c.col < labels]
            label = label_cells[-1].text if label_cells else ""
            values = [c.text for c in own if c.col >= labels]
        elif r == header_rows and len(own) == len(columns) > 1:
            # Table 4's values row: no label, one cell per header column.
            texts = tuple(c.text for c in own)
            lines.append(
                RawLine(labels=(), label="", values=texts, written=len(own), line=line, pinned=True)
            )
            continue
        else:
            label = own[0].text if own else ""
            label_path = (label,) if label else ()
            values = [c.text for c in own[1:]]
        lines.append(
            RawLine(
                labels=label_path,
                label=label,
                values=tuple(values),
                written=len(values),
                line=line,
                after=after,
            )
        )
    hints = (corner.text if corner else "",)
    return [RawTable(columns=columns, rows=tuple(lines), hints=hints, line=line)]


def _html_blocks(rows: list[_HtmlRow], line: int) -> list[RawTable]:
    """Table 2 as one HTML table: caption rows start blocks, each with its header row."""
    raws: list[RawTable] = []
    caption: str | None = None
    header: list[str] | None = None
    lines: list[RawLine] = []

    def flush() -> None:
        if header is not None:
            columns = tuple((h,) for h in header[1:])
            hints = (caption or "", header[0] if header else "")
            raws.append(RawTable(columns=columns, rows=tuple(lines), hints=hints, line=line))

    for own, after in rows:
        if len(own) == 1 and own[0].header:
            flush()
            caption, header, lines = own[0].text, None, []
        elif header is None:
            header = [c.text for c in own]
        elif own:
            values = tuple(c.text for c in own[1:])
            lines.append(
                RawLine(
                    labels=(own[0].text,) if own[0].text else (),
                    label=own[0].text,
                    values=values,
                    written=len(values),
                    line=line,
                    after=after,
                )
            )
    flush()
    return raws
