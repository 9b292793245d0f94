"""What real documents do that the engine reads, each value placed only where the
document determines it (issue 9): misprinted labels, rows without their ordinals, a
Markdown mark left in the title.

The documents are the in-repo text fixture of 沭阳县发展和改革局 2023 with one departure
each, so every other cell is known (``published.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report.findings import Severity
from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.model import BLANK
from govinfo_report.readers import ReadResult, read_report
from govinfo_report.readers._assemble import assemble
from govinfo_report.readers._document import Block, Grid, Paragraph

FIXTURE = Path(__file__).parents[1] / "fixtures" / "text" / "03_shuyang_fgj_2023.txt"
BASE = FIXTURE.read_text(encoding="utf-8")
T3 = get_format(FormatVersion.V2021).applications
_DOC: list[Block] = [
    Paragraph(text="某县审计局2023年政府信息公开工作年度报告"),
    *(Paragraph(text=s.heading) for s in get_format(FormatVersion.V2021).sections),
]
"""Title and six headings: a grid inserted after the third heading is in section 三."""
PROHIBITED = "（三）不予公开 / 2.其他法律行政法规禁止公开 | 0 |  |  |  |  |  | 0"


def _read(text: str) -> ReadResult:
    return read_report(text.encode("utf-8"), "text")


def _variants(result: ReadResult) -> list[str]:
    return [f.message_en for f in result.findings if f.code == "R.LABEL_VARIANT"]


def _codes(result: ReadResult) -> set[str]:
    return {f.code for f in result.findings}


# --- a misprinted label, read by its place -------------------------------------------------


def test_a_misprinted_label_between_its_official_neighbours_is_read_as_its_row() -> None:
    assert BASE.count(PROHIBITED) == 1
    text = BASE.replace(PROHIBITED, "（三）不予公开 / 2.其他法律行政止公开 | 3 |  |  |  |  |  | 3")
    result = _read(text)
    table = result.report.applications
    assert (table["withheld_prohibited.natural_person"], table["withheld_prohibited.total"]) == (
        3,
        3,
    )
    assert table.extra_rows == ()
    assert {"R.EXTRA_ROW", "R.ROW_MISSING"}.isdisjoint(_codes(result))
    [notice] = [f for f in result.findings if "by its place" in f.message_en]
    assert notice.severity is Severity.NOTICE
    assert notice.paths == ("applications.withheld_prohibited",)
    assert notice.reported == "2.其他法律行政止公开"
    assert notice.message_en == (
        "'2.其他法律行政止公开' in table 3 matches no official label; read as "
        "'2.其他法律行政法规禁止公开' by its place (after '1.属于国家秘密', before "
        "'3.危及“三安全一稳定”')"
    )


def test_a_misprinted_label_whose_row_is_printed_elsewhere_stays_an_extra_row() -> None:
    # The official row is printed too: the misprint is another row, not a guess at it.
    text = BASE.replace(
        PROHIBITED, PROHIBITED + "\n（三）不予公开 / 2.其他法律行政止公开 | 3 |  |  |  |  |  | 3"
    )
    result = _read(text)
    assert [r.label for r in result.report.applications.extra_rows] == ["2.其他法律行政止公开"]
    assert result.report.applications["withheld_prohibited.natural_person"] == 0


def test_a_label_unlike_the_row_its_place_leaves_open_is_not_read_as_it() -> None:
    text = BASE.replace(PROHIBITED, "（三）不予公开 / 2.本年度新增事项 | 3 |  |  |  |  |  | 3")
    result = _read(text)
    assert [r.label for r in result.report.applications.extra_rows] == ["2.本年度新增事项"]
    assert "R.ROW_MISSING" in _codes(result)


def test_two_unmatched_rows_between_the_same_neighbours_are_not_placed() -> None:
    text = BASE.replace(
        PROHIBITED,
        "（三）不予公开 / 2.其他法律行政止公开 | 3 |  |  |  |  |  | 3\n"
        "（三）不予公开 / 2.法律禁止公开 | 4 |  |  |  |  |  | 4",
    )
    result = _read(text)
    assert len(result.report.applications.extra_rows) == 2
    assert "R.ROW_MISSING" in _codes(result)


# --- rows without their ordinals -----------------------------------------------------------


def test_rows_printed_without_their_ordinals_are_matched_with_a_notice() -> None:
    text = (
        BASE.replace("三、本年度办理结果 / （一）予以公开", "三、本年度办理结果 / 予以公开")
        .replace("三、本年度办理结果 / （二）部分公开", "三、本年度办理结果 / 部分公开")
        .replace("（七）总计 |", "总计 |")
    )
    result = _read(text)
    table = result.report.applications
    assert table["disclosed.natural_person"] == 26
    assert table["partially_disclosed.natural_person"] == 0
    assert table["total_outcomes.total"] == 26
    assert table.extra_rows == ()
    assert "R.ROW_MISSING" not in _codes(result)
    assert "'予以公开' in table 3 was read as '（一）予以公开' (printed without its ordinal)" in (
        _variants(result)
    )


def test_a_section_heading_is_never_matched_without_its_ordinal() -> None:
    # 总体情况 alone in the text is body, not the heading 一、总体情况.
    text = BASE.replace("（一）主动公开政府信息情况\n", "总体情况\n")
    result = _read(text)
    general = result.report.section("overview")
    assert general is not None
    assert "总体情况" in [p for s in general.subsections for p in s.paragraphs] + list(
        general.paragraphs
    )


# --- the title -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "# 沭阳县发展和改革局2023年政府信息公开年度报告",
        "## 沭阳县发展和改革局2023年政府信息公开年度报告",
        "＃ 沭阳县发展和改革局2023年政府信息公开年度报告",
        "沭阳县发展和改革局2023 年政府信息公开年度报告",
    ],
)
def test_a_title_with_a_markdown_mark_or_a_spaced_year_names_the_agency(title: str) -> None:
    text = BASE.replace("沭阳县发展和改革局2023年政府信息公开年度报告", title, 1)
    meta = _read(text).report.metadata
    assert (meta.agency, meta.year) == ("沭阳县发展和改革局", 2023)
    assert "R.AGENCY" not in _codes(_read(text))


# --- the format comes from the labels, not the year ----------------------------------------


def test_a_2023_report_in_the_2019_format_is_read_as_such_and_f1_reports_it() -> None:
    from govinfo_report.checks import check

    shanghai = (FIXTURE.parent / "02_shanghai_szfbgt_2019.txt").read_text(encoding="utf-8")
    text = shanghai.replace("2019年上海市人民政府办公厅", "2023年上海市人民政府办公厅", 1)
    result = _read(text)
    meta = result.report.metadata
    assert (meta.year, meta.format_version) == (2023, FormatVersion.V2019)
    assert "R.FORMAT" not in _codes(result)  # the labels told it; nothing was assumed
    assert result.report.proactive["procurement.projects"] == 6  # a 2019-only row, read
    assert [f.code for f in check(result.report) if f.code == "F.1"] == ["F.1"]


# --- a header naming only some columns -----------------------------------------------------

_T3_HEADER = "列: 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计"


def test_flattened_rows_with_one_field_per_column_under_a_partial_header_are_placed() -> None:
    [line] = [x for x in BASE.splitlines() if x.startswith(_T3_HEADER)]
    result = _read(BASE.replace(line, "自然人 | 法人或其他组织 | 总计"))
    table = result.report.applications
    assert (table["new_received.natural_person"], table["new_received.total"]) == (26, 26)
    assert table["new_received.commercial_enterprise"] is BLANK  # an empty field: blank
    assert table["total_outcomes.total"] == 26
    assert "R.CELL" not in _codes(result)
    [note] = [f for f in result.findings if f.code == "R.HEADER_MISSING"]
    assert note.message_en == (
        "the column header of table 3 names only some of the columns; rows with one field "
        "per column were read in the format's column order"
    )


def _t3_grid(header: list[list[str]], origin_header: list[list[tuple[int, int]]]) -> Grid:
    """Table 3 as a grid that knows its merges: two label columns, seven value columns,
    the given header rows, then every official row with its values 1…7 (total 21)."""
    rows = [list(h) for h in header]
    origin = [list(o) for o in origin_header]
    for row in T3.rows:
        r = len(rows)
        labels = list(row.label_path) if len(row.label_path) == 2 else [row.label_path[0]] * 2
        rows.append([*labels, "1", "2", "3", "4", "5", "6", "21"])
        left = [(r, 0), (r, 1)] if len(row.label_path) == 2 else [(r, 0), (r, 0)]
        origin.append([*left, *((r, c) for c in range(2, 9))])
    return Grid(
        cells=tuple(tuple(r) for r in rows),
        origin=tuple(tuple(o) for o in origin),
        location="table 2",
    )


def test_grid_rows_under_a_header_whose_merged_group_names_no_column_are_placed() -> None:
    # The PDF header: 自然人 | 法人或其他组织 (merged over five columns) | 总计, and the
    # row of the five organisation columns under it lost.
    header = [["", "", "自然人", *["法人或其他组织"] * 5, "总计"]]
    origin = [[(0, 0), (0, 0), (0, 2), *[(0, 3)] * 5, (0, 8)]]
    result = assemble([*_DOC[:4], _t3_grid(header, origin), *_DOC[4:]])
    table = result.report.applications
    assert [table[f"new_received.{c.id}"] for c in T3.groups[0].columns] == [1, 2, 3, 4, 5, 6, 21]
    assert "R.CELL" not in _codes(result)
    assert "R.HEADER_MISSING" in _codes(result)


def test_grid_rows_whose_named_columns_disagree_with_the_format_order_are_not_placed() -> None:
    # 总计 printed first: the header contradicts the format's order, so order proves nothing.
    header = [["", "", "总计", *["法人或其他组织"] * 5, "自然人"]]
    origin = [[(0, 0), (0, 0), (0, 2), *[(0, 3)] * 5, (0, 8)]]
    result = assemble([*_DOC[:4], _t3_grid(header, origin), *_DOC[4:]])
    assert result.report.applications["new_received.commercial_enterprise"] is BLANK
    assert "R.CELL" in _codes(result)
