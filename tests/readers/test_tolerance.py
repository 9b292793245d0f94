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
from govinfo_report.readers import ReadResult, read_report

FIXTURE = Path(__file__).parents[1] / "fixtures" / "text" / "03_shuyang_fgj_2023.txt"
BASE = FIXTURE.read_text(encoding="utf-8")
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
    from govinfo_report.formats import FormatVersion

    shanghai = (FIXTURE.parent / "02_shanghai_szfbgt_2019.txt").read_text(encoding="utf-8")
    text = shanghai.replace("2019年上海市人民政府办公厅", "2023年上海市人民政府办公厅", 1)
    result = _read(text)
    meta = result.report.metadata
    assert (meta.year, meta.format_version) == (2023, FormatVersion.V2019)
    assert "R.FORMAT" not in _codes(result)  # the labels told it; nothing was assumed
    assert result.report.proactive["procurement.projects"] == 6  # a 2019-only row, read
    assert [f.code for f in check(result.report) if f.code == "F.1"] == ["F.1"]
