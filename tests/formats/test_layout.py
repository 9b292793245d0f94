"""The printed layout declaration (formats/layout.py): every cell placed once, the
official spans, and no table id tested outside formats/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govinfo_report import ExtraRow, FormatVersion, get_format
from govinfo_report.formats import TABLE_IDS
from govinfo_report.formats.layout import Output, Shape, layout_of, printed

_OFFICIAL = [Output.DOCX, Output.HTML, Output.XLSX]
_SRC = Path(__file__).resolve().parents[2] / "src" / "govinfo_report"


@pytest.mark.parametrize("version", list(FormatVersion))
@pytest.mark.parametrize("output", _OFFICIAL)
def test_every_cell_is_printed_exactly_once(version: FormatVersion, output: Output) -> None:
    for table in get_format(version).tables:
        placed = [s.cell for line in printed(layout_of(table, output)) for s in line.slots]
        cells = [c for c in placed if c is not None]
        assert sorted(cells) == sorted(c.id for c in table.cells)


@pytest.mark.parametrize("version", list(FormatVersion))
@pytest.mark.parametrize("output", _OFFICIAL)
def test_every_line_covers_the_whole_grid(version: FormatVersion, output: Output) -> None:
    for table in get_format(version).tables:
        layout = layout_of(table, output)
        for line in printed(layout):
            assert sum(s.colspan for s in line.slots) == layout.width


@pytest.mark.parametrize("version", list(FormatVersion))
def test_docx_widths_fit_the_grid(version: FormatVersion) -> None:
    for table in get_format(version).tables:
        layout = layout_of(table, Output.DOCX)
        assert len(layout.widths) == layout.width


@pytest.mark.parametrize("version", list(FormatVersion))
def test_xlsx_widths_fit_the_grid(version: FormatVersion) -> None:
    for table in get_format(version).tables:
        layout = layout_of(table, Output.XLSX)
        assert len(layout.widths) == layout.width


def test_the_workbook_prints_the_official_grid_with_its_short_rows_filled() -> None:
    # The same grid as the Word document: the readers read both the same way.
    for table in get_format("2021").tables:
        docx, xlsx = layout_of(table, Output.DOCX), layout_of(table, Output.XLSX)
        assert xlsx.lines == docx.lines
        assert (xlsx.shape, xlsx.fill_short_extras, xlsx.keep) == (docx.shape, True, None)


@pytest.mark.parametrize(("version", "rows"), [("2019", 20), ("2021", 22)])
def test_outcomes_label_spans_its_rows(version: str, rows: int) -> None:
    layout = layout_of(get_format(version).applications, Output.DOCX)
    spans = [
        s.rowspan for line in printed(layout) for s in line.slots if s.text == "三、本年度办理结果"
    ]
    assert spans == [rows]


def test_table_4_prints_its_rows_side_by_side() -> None:
    layout = layout_of(get_format("2021").review_litigation, Output.DOCX)
    assert layout.shape is Shape.SIDEWAYS
    assert layout.rows_in_header
    assert (layout.width, layout.label_columns, layout.extra_label_span) == (15, 0, 5)
    assert layout.cell_at["review.upheld"] == (3, 0)
    assert layout.cell_at["litigation_after_review.total"] == (3, 14)


def test_gfm_prints_tables_3_and_4_flat() -> None:
    spec = get_format("2021")
    shapes = [layout_of(t, Output.GFM).shape for t in spec.tables]
    assert shapes == [Shape.BLOCKS, Shape.FLAT, Shape.FLAT]


def test_an_extra_row_joins_every_label_group_of_the_row_it_follows() -> None:
    table = get_format("2021").applications
    extra = ExtraRow(label="9.其他", values=(1,), after="withheld_enquiry")
    lines = printed(layout_of(table, Output.HTML), [extra])
    (line,) = [line for line in lines if line.extra == 0]
    assert [(s.col, s.colspan, s.covered) for s in line.slots[:3]] == [
        (0, 1, True),  # under 三、本年度办理结果
        (1, 1, True),  # under （三）不予公开
        (2, 1, False),  # its own label, in the last label column
    ]


def test_no_table_id_is_tested_outside_formats() -> None:
    ids = "|".join(TABLE_IDS)
    # (Report.table checking that an id exists is validation, not layout.)
    test = re.compile(rf"""(==|!=)\s*["']({ids})["']|["']({ids})["']\s*(==|!=)""")
    found = [
        f"{path.relative_to(_SRC)}:{n}"
        for path in _SRC.rglob("*.py")
        if "formats" not in path.relative_to(_SRC).parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if test.search(line)
    ]
    assert found == []
