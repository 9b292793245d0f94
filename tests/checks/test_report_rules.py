"""Document rules: F.1 (format vs year), Y.1–Y.3 (dates, title), SEC.1, SEC.2, TX.2."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from _checks_support import clean_report, of_code, with_meta
from hypothesis import given, settings

from govinfo_report import (
    AgencyKind,
    Finding,
    ProcessingFee,
    Report,
    Section,
    Subsection,
    _stated,
    blank_report,
)
from govinfo_report.checks import Severity, check
from govinfo_report.writers import render
from strategies import reports

# --- F.1 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("version", "year"), [("2019", 2019), ("2019", 2020), ("2021", 2021)])
def test_f1_holds_for_the_prescribed_format(version: str, year: int) -> None:
    assert of_code(check(clean_report(version, year=year)), "F.1") == []


def test_f1_fails_for_a_2022_report_in_the_2019_tables() -> None:
    (finding,) = of_code(check(clean_report("2019", year=2022)), "F.1")
    assert finding.severity is Severity.ERROR
    assert finding.paths == ("metadata.format_version", "metadata.year")
    assert finding.reported == "2019"
    assert "国办公开办函〔2021〕30号" in finding.message_zh


def test_f1_fails_for_a_2020_report_in_the_2021_tables() -> None:
    (finding,) = of_code(check(clean_report("2021", year=2020)), "F.1")
    assert "国办公开办函〔2019〕60号" in finding.message_zh


def test_f1_fails_for_a_year_before_any_format() -> None:
    (finding,) = of_code(check(clean_report("2019", year=2018)), "F.1")
    assert "2018" in finding.message_zh
    assert "predates" in finding.message_en


def test_f1_says_year_1_predates_the_formats() -> None:
    (finding,) = of_code(check(clean_report("2021", year=1)), "F.1")
    assert finding.message_zh.startswith("报告年度 1 年早于统一格式的适用年度（2019 年起）")


# --- Y.1 / Y.2 / Y.3 ------------------------------------------------------------------------


def _signed(kind: AgencyKind, date: dt.date) -> list[object]:
    report = with_meta(clean_report(year=2023, kind=kind), signing_date=date)
    return of_code(check(report), "Y.1")


def test_y1_holds_for_a_department_signing_by_31_january() -> None:
    assert _signed(AgencyKind.DEPARTMENT, dt.date(2024, 1, 31)) == []


def test_y1_fails_for_a_department_signing_on_1_february() -> None:
    (finding,) = _signed(AgencyKind.DEPARTMENT, dt.date(2024, 2, 1))
    assert finding.severity is Severity.WARNING  # type: ignore[attr-defined]
    assert finding.paths == ("metadata.signing_date", "metadata.year")  # type: ignore[attr-defined]
    assert "《条例》第四十九条第一款" in finding.message_zh  # type: ignore[attr-defined]
    assert "逾期 1 天" in finding.message_zh  # type: ignore[attr-defined]


def test_y1_gives_a_government_until_31_march() -> None:
    assert _signed(AgencyKind.GOVERNMENT, dt.date(2024, 3, 31)) == []
    (finding,) = _signed(AgencyKind.GOVERNMENT, dt.date(2024, 4, 1))
    assert finding.severity is Severity.WARNING  # type: ignore[attr-defined]
    assert "第四十九条第二款" in finding.message_zh  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", [AgencyKind.TOWNSHIP, AgencyKind.OTHER])
def test_y1_without_statutory_deadline_is_only_a_notice_after_31_march(kind: AgencyKind) -> None:
    assert _signed(kind, dt.date(2024, 2, 20)) == []
    (finding,) = _signed(kind, dt.date(2024, 4, 2))
    assert finding.severity is Severity.NOTICE  # type: ignore[attr-defined]
    assert "无法定期限" in finding.message_zh  # type: ignore[attr-defined]


def test_y1_fails_for_a_signing_date_within_the_report_year() -> None:
    (finding,) = _signed(AgencyKind.DEPARTMENT, dt.date(2023, 12, 30))
    assert "不在报告年度（2023年）结束之后" in finding.message_zh  # type: ignore[attr-defined]


def test_y1_fails_for_a_signing_date_a_year_too_late() -> None:
    (finding,) = _signed(AgencyKind.DEPARTMENT, dt.date(2025, 1, 10))
    assert "逾期 345 天" in finding.message_zh  # type: ignore[attr-defined]


def test_y1_counts_the_days_late_up_to_the_last_date_there_is() -> None:
    # 9998 is the last year a report can be on: its deadline year is 9999, the last.
    report = with_meta(clean_report(year=9998), signing_date=dt.date(9999, 12, 31))
    (finding,) = of_code(check(report), "Y.1")
    assert "期限 9999年1月31日，逾期 334 天" in finding.message_zh


def test_y1_checks_the_publication_date_too() -> None:
    report = with_meta(clean_report(year=2023), publication_date=dt.date(2024, 2, 10))
    (finding,) = of_code(check(report), "Y.1")
    assert finding.paths[0] == "metadata.publication_date"
    assert finding.reported == "2024-02-10"


def test_y2_fails_without_a_signing_date() -> None:
    findings = check(with_meta(clean_report(), signing_date=None))
    (finding,) = of_code(findings, "Y.2")
    assert finding.paths == ("metadata.signing_date",)
    assert of_code(findings, "Y.1") == []


def test_y2_holds_with_a_signing_date() -> None:
    assert of_code(check(clean_report()), "Y.2") == []


def test_y3_fails_when_the_title_names_another_year() -> None:
    report = with_meta(clean_report(year=2023), title="某县某局2022年政府信息公开工作年度报告")
    (finding,) = of_code(check(report), "Y.3")
    assert (finding.reported, finding.computed, finding.difference) == (2022, 2023, -1)


def test_y3_holds_for_a_title_with_the_report_year() -> None:
    report = with_meta(clean_report(year=2023), title="2023年度某县某局政府信息公开年度报告")
    assert of_code(check(report), "Y.3") == []


# --- SEC.1 ------------------------------------------------------------------------------


def test_sec1_fails_for_a_missing_section() -> None:
    report = clean_report()
    report = attrs.evolve(report, sections=report.sections[:4] + report.sections[5:])
    (finding,) = of_code(check(report), "SEC.1")
    assert finding.message_zh == "缺少「五、存在的主要问题及改进情况」部分"
    assert finding.severity is Severity.WARNING


def test_sec1_fails_for_sections_out_of_order() -> None:
    report = clean_report()
    s = report.sections
    report = attrs.evolve(report, sections=(s[0], s[1], s[2], s[4], s[3], s[5]))
    (finding,) = of_code(check(report), "SEC.1")
    assert finding.paths == ("sections[3]", "sections[4]")
    assert finding.message_zh.startswith("「五、存在的主要问题及改进情况」排在「四、")


def test_sec1_fails_for_an_empty_text_section() -> None:
    report = clean_report()
    empty = Section(id="problems", heading=report.sections[4].heading, paragraphs=("  ",))
    report = attrs.evolve(report, sections=(*report.sections[:4], empty, report.sections[5]))
    (finding,) = of_code(check(report), "SEC.1")
    assert finding.paths == ("sections[4]",)


def test_sec1_counts_table_sections_as_not_empty() -> None:
    report = clean_report()
    assert all(s.is_empty for s in report.sections[1:4])
    assert of_code(check(report), "SEC.1") == []


def test_sec1_counts_a_subsection_as_content() -> None:
    report = clean_report()
    sub = Section(
        id="problems",
        heading=report.sections[4].heading,
        subsections=(Subsection(heading="（一）存在的主要问题", paragraphs=("一是……",)),),
    )
    report = attrs.evolve(report, sections=(*report.sections[:4], sub, report.sections[5]))
    assert of_code(check(report), "SEC.1") == []


@pytest.mark.parametrize("kind", [AgencyKind.GOVERNMENT, AgencyKind.TOWNSHIP])
def test_sec1_fails_for_a_government_report_silent_on_review_and_accountability(
    kind: AgencyKind,
) -> None:
    report = clean_report(kind=kind)
    plain = Section(id="overview", heading=report.sections[0].heading, paragraphs=("总体良好。",))
    report = attrs.evolve(report, sections=(plain, *report.sections[1:]))
    (finding,) = of_code(check(report), "SEC.1")
    assert finding.message_zh.endswith("正文未提及：考核、评议、追究")
    assert "performance review, public evaluation, accountability" in finding.message_en


def test_sec1_holds_for_a_government_report_covering_article_50_4() -> None:
    assert of_code(check(clean_report(kind=AgencyKind.GOVERNMENT)), "SEC.1") == []


def test_sec1_does_not_ask_a_department_about_article_50_4() -> None:
    report = clean_report(kind=AgencyKind.DEPARTMENT)
    plain = Section(id="overview", heading=report.sections[0].heading, paragraphs=("总体良好。",))
    report = attrs.evolve(report, sections=(plain, *report.sections[1:]))
    assert of_code(check(report), "SEC.1") == []


# --- SEC.2 ------------------------------------------------------------------------------


def _without_fee(report_text: str | None) -> list[object]:
    report = attrs.evolve(clean_report(), processing_fee=None)
    paragraphs = (report_text,) if report_text else ()
    other = Section(id="other", heading=report.sections[5].heading, paragraphs=paragraphs)
    report = attrs.evolve(report, sections=(*report.sections[:5], other))
    return of_code(check(report), "SEC.2")


def test_sec2_fails_when_the_fee_is_stated_nowhere() -> None:
    (finding,) = _without_fee("无。")
    assert finding.paths == ("processing_fee", "sections[5]")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "全年收取政府信息公开信息处理费 0 元。",
        "2023年度，县发展和改革局政府信息公开未发生收费情况。",
        "本机关未收取任何费用。",
    ],
)
def test_sec2_holds_when_section_six_mentions_the_fee(text: str) -> None:
    assert _without_fee(text) == []


def test_sec2_holds_with_the_structured_fee() -> None:
    report = attrs.evolve(clean_report(), processing_fee=ProcessingFee(amount=Decimal("20")))
    assert of_code(check(report), "SEC.2") == []


def test_sec2_holds_with_the_structured_fee_because_the_writers_print_it() -> None:
    report = attrs.evolve(
        _with_other(clean_report(), ("无其他需要报告的事项。",)),
        processing_fee=ProcessingFee(amount=Decimal("20")),
    )
    assert of_code(check(report), "SEC.2") == []
    text = render(report, "markdown").decode("utf-8")
    assert "\n本年度收取政府信息公开信息处理费20元。\n" in text


def test_sec2_fails_when_the_structured_fee_has_no_section_to_be_printed_in() -> None:
    report = clean_report()
    report = attrs.evolve(report, sections=report.sections[:5], processing_fee=FEE_120)
    (finding,) = of_code(check(report), "SEC.2")
    assert finding.paths == ("processing_fee", "sections")
    assert "无处写明" in finding.message_zh
    assert "no section 6" in finding.message_en


def test_sec2_does_not_apply_to_the_2019_format() -> None:
    report = attrs.evolve(clean_report("2019"), processing_fee=None)
    assert of_code(check(report), "SEC.2") == []


# --- TX.2 -------------------------------------------------------------------------------

FEE_120 = ProcessingFee(amount=Decimal("120"))


def _with_other(report: Report, paragraphs: tuple[str, ...]) -> Report:
    return report.with_section("other", paragraphs=paragraphs, subsections=())


def _tx2(text: str, fee: ProcessingFee | None = FEE_120, version: str = "2021") -> list[Finding]:
    report = attrs.evolve(_with_other(clean_report(version), (text,)), processing_fee=fee)
    return of_code(check(report), "TX.2")


@pytest.mark.parametrize(
    "text",
    [
        "本年度未收取信息处理费。",
        "本年度没有收取政府信息公开信息处理费。",
        "本机关政府信息公开工作未收费。",
        "本机关未收取任何费用。",
        "2023年度，县发展和改革局政府信息公开未发生收费情况。",
    ],
)
def test_tx2_fails_when_the_text_says_none_was_charged_beside_a_fee(text: str) -> None:
    (finding,) = _tx2(text)
    assert finding.severity is Severity.WARNING
    assert finding.paths == ("sections[5].paragraphs[0]", "processing_fee.amount")
    assert (finding.reported, finding.computed, finding.difference) == (0, 120, -120)
    assert "未收取信息处理费" in finding.message_zh
    assert "processing_fee 为120元" in finding.message_zh
    assert "no fee was charged" in finding.message_en


def test_tx2_fails_on_another_amount() -> None:
    (finding,) = _tx2("全年收取信息处理费80元。")
    assert (finding.reported, finding.computed, finding.difference) == (80, 120, -40)
    assert "信息处理费80元" in finding.message_zh


def test_tx2_fails_on_a_fee_the_text_states_beside_none_held() -> None:
    (finding,) = _tx2("本年度收取信息处理费120元。", fee=ProcessingFee(amount=Decimal(0)))
    assert finding.difference == 120


@pytest.mark.parametrize(
    "text",
    [
        "本年度收取信息处理费120元。",
        "全年收取政府信息公开信息处理费0.012万元。",
        "共收取信息处理费 120.00 元。",
    ],
)
def test_tx2_holds_when_the_text_states_the_same_amount(text: str) -> None:
    assert _tx2(text) == []


def test_tx2_holds_on_a_statement_it_cannot_read_as_one_amount() -> None:
    assert _tx2("收取信息处理费120元，另收取复印费20元。") == []
    assert _tx2("收取信息处理费120元；后退还申请人80元信息处理费。") == []


def test_tx2_says_nothing_without_a_structured_fee_or_a_statement() -> None:
    assert _tx2("本年度未收取信息处理费。", fee=None) == []
    assert _tx2("无其他需要报告的事项。") == []


def test_tx2_compares_the_requests_charged_when_both_give_them() -> None:
    fee = ProcessingFee(amount=Decimal("120"), applications=2)
    (finding,) = _tx2("本年度对3件政府信息公开申请收取信息处理费120元。", fee=fee)
    assert finding.paths == ("sections[5].paragraphs[0]", "processing_fee.applications")
    assert (finding.reported, finding.computed, finding.difference) == (3, 2, 1)
    assert _tx2("本年度收取信息处理费120元。", fee=fee) == []


def test_tx2_reads_the_subsections_of_section_six_and_points_at_the_paragraph() -> None:
    sub = Subsection(
        heading="（二）信息处理费收取情况", paragraphs=("无。", "本年度未收取信息处理费。")
    )
    report = clean_report().with_section("other", paragraphs=(), subsections=(sub,))
    (finding,) = of_code(check(attrs.evolve(report, processing_fee=FEE_120)), "TX.2")
    assert finding.paths[0] == "sections[5].subsections[0].paragraphs[1]"


def test_tx2_applies_to_the_2019_format_too() -> None:
    assert [f.code for f in _tx2("本年度未收取信息处理费。", version="2019")] == ["TX.2"]


@settings(max_examples=40, deadline=None)
@given(reports())
def test_what_the_writers_print_never_makes_a_tx2_or_sec2_finding(report: Report) -> None:
    printed = _stated.as_printed(report).report
    for code in ("TX.2", "SEC.2"):
        assert of_code(check(printed), code) == of_code(check(report), code)


def test_blank_report_lists_what_an_author_must_still_do() -> None:
    findings = check(blank_report("2021", year=2024, agency="某局"))
    assert {f.code for f in findings} == {
        "B.1",
        "T3.1",
        "T3.2",
        "T3.3",
        "T4.1",
        "X.2",
        "Y.2",
        "SEC.1",
        "SEC.2",
    }
    assert not [f for f in findings if f.severity is Severity.ERROR]


def test_y1_gives_the_deadline_and_the_days_late_as_fields() -> None:
    from govinfo_report import Finding

    (finding,) = _signed(AgencyKind.GOVERNMENT, dt.date(2024, 4, 3))
    assert finding.expected == "2024-03-31"  # type: ignore[attr-defined]
    assert finding.difference == 3  # type: ignore[attr-defined]
    assert finding.reported == "2024-04-03"  # type: ignore[attr-defined]
    data = finding.to_dict()  # type: ignore[attr-defined]
    assert data["expected"] == "2024-03-31"
    assert Finding.from_dict(data) == finding
    (early,) = _signed(AgencyKind.DEPARTMENT, dt.date(2023, 12, 30))
    assert "expected" not in early.to_dict()  # type: ignore[attr-defined]
