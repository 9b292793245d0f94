"""The printed layout is one: the DOCX and the Markdown HTML tables merge the same cells.

Each table is rendered with an extra row after every one of its rows (so every group of
Table 3 has extra rows inside it and at its edges), and one with no ``after``, through DOCX and Markdown with HTML
tables; both documents are read back as grids (python-docx, lxml) and must hold the same
cells over the same grid positions: which label cells span which rows and columns.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import lxml.html
import pytest
from docx_grid import grid, render, reopen

from govinfo_report import ExtraRow, Report, blank_report
from govinfo_report.writers.markdown import MarkdownWriter

Cell = tuple[str, frozenset[tuple[int, int]]]
"""A printed cell: its text and the grid positions it covers."""


def _with_extra_rows(report: Report) -> Report:
    tables = {}
    for table in report.tables:
        extras = (
            *(
                ExtraRow(label=f"附加{i}", values=(i,), after=row.id)
                for i, row in enumerate(table.spec.rows)
            ),
            ExtraRow(label="附加首行", values=(7,), after=None),
        )
        tables[table.spec.id] = attrs.evolve(table, extra_rows=extras)
    return attrs.evolve(report, **tables)


def _report(version: str) -> Report:
    return _with_extra_rows(blank_report(version, year=2020 if version == "2019" else 2022))


def _docx_cells(report: Report) -> list[set[Cell]]:
    out = []
    for table in reopen(render(report)).tables:
        covers: dict[tuple[int, int], set[tuple[int, int]]] = {}
        texts: dict[tuple[int, int], str] = {}
        for r, row in enumerate(grid(table)):
            for c, pos in enumerate(row):
                if pos.filler:
                    continue  # DOCX only: marks the columns an extra row has no value for
                covers.setdefault(pos.origin, set()).add((r, c))
                texts[pos.origin] = pos.text
        out.append({(texts[o], frozenset(p)) for o, p in covers.items() if texts[o]})
    return out


def _html_grid(table: lxml.html.HtmlElement) -> Iterator[Cell]:
    taken: set[tuple[int, int]] = set()
    for r, tr in enumerate(table.iter("tr")):
        c = 0
        for td in tr:
            while (r, c) in taken:
                c += 1
            rows, cols = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
            cells = frozenset((r + i, c + j) for i in range(rows) for j in range(cols))
            taken |= cells
            c += cols
            if td.text_content():
                yield td.text_content(), cells


def _html_cells(report: Report) -> list[set[Cell]]:
    text = MarkdownWriter(tables="html").render(report)
    tables = []
    for start in range(len(text)):
        if text.startswith("<table>", start):
            end = text.index("</table>", start) + len("</table>")
            tables.append(lxml.html.fragment_fromstring(text[start:end]))
    return [set(_html_grid(t)) for t in tables]


@pytest.mark.parametrize("version", ["2019", "2021"])
@pytest.mark.parametrize("number", [2, 3, 4])
def test_docx_and_html_tables_merge_the_same_cells(version: str, number: int) -> None:
    report = _report(version)
    docx_cells, html_cells = _docx_cells(report), _html_cells(report)
    assert len(docx_cells) == len(html_cells) == 3
    assert docx_cells[number - 2] == html_cells[number - 2]


def _rows_of(cells: set[Cell], text: str) -> set[int]:
    return {r for t, positions in cells if t == text for r, _ in positions}


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_extra_row_after_the_last_row_of_a_group_is_inside_that_group(version: str) -> None:
    report = _report(version)
    spec = report.applications.spec
    index = [r.id for r in spec.rows].index("withheld_enquiry")
    label = f"附加{index}"  # the extra row after 8.属于行政查询事项
    for cells in (_docx_cells(report)[1], _html_cells(report)[1]):
        (row,) = _rows_of(cells, label)
        assert row in _rows_of(cells, "（三）不予公开")
        assert row in _rows_of(cells, "三、本年度办理结果")
