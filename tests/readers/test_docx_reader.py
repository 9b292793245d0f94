"""The DOCX reader on reports laid out the way Word and WPS lay them out.

The fixtures (``tests/fixtures/docx/``, built by ``build_fixtures.py``) carry the
content of two published reports: 上海市人民政府办公厅 2019 (Word: heading styles,
list-numbered headings, a content control, a formula field, a tracked change) and
沭阳县发展和改革局 2023 (WPS: direct formatting, legacy merges, label typos and variants,
an extra row). Every table cell is checked against the published value; a blank cell
must stay blank, never 0.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from govinfo_report import BLANK, NOT_APPLICABLE, FormatVersion, Money, ProcessingFee, Report
from govinfo_report.checks.findings import Finding, Severity
from govinfo_report.readers import ReadResult, detect, read_report
from govinfo_report.readers.docx import DocxReader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docx"
B = BLANK


@pytest.fixture(scope="module")
def shanghai() -> ReadResult:
    return read_report(FIXTURES / "shanghai_2019.docx")


@pytest.fixture(scope="module")
def shuyang() -> ReadResult:
    return read_report(FIXTURES / "shuyang_2023.docx")


def errors(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def rows(report: Report, table: str, columns: tuple[str, ...]) -> dict[str, list[object]]:
    t = report.table(table)
    return {row.id: [t.get(row.id, c) for c in columns] for row in t.spec.rows}


T3_COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_interest_org",
    "legal_service_org",
    "other_org",
    "total",
)
T4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")

# --- 上海市人民政府办公厅 2019 -------------------------------------------------------------

SHANGHAI_T2 = {
    "rules.made": 13,
    "rules.published": 13,
    "rules.total_published": 524,
    "normative_documents.made": 60,
    "normative_documents.published": 60,
    "normative_documents.total_published": 368,
    "licensing.items_last_year": 0,
    "licensing.change": 0,
    "licensing.decisions": 0,
    "other_services.items_last_year": 0,
    "other_services.change": 0,
    "other_services.decisions": 0,
    "penalties.items_last_year": 0,
    "penalties.change": 0,
    "penalties.decisions": 0,
    "enforcement.items_last_year": 0,
    "enforcement.change": 0,
    "enforcement.decisions": 0,
    "fees.items_last_year": 0,
    "fees.change": 0,
    "procurement.projects": 6,
    "procurement.amount": Money(Decimal(251000), "元"),
}

SHANGHAI_T3 = {
    "new_received": [821, 35, B, B, 2, 1, 859],
    "carried_over": [18, B, B, B, B, B, 18],
    "disclosed": [258, 12, B, B, 1, 1, B],
    "partially_disclosed": [3, B, B, B, B, B, B],
    "withheld_state_secret": [14, B, B, B, B, B, B],
    "withheld_prohibited": [B] * 7,
    "withheld_security": [B] * 7,
    "withheld_third_party": [B] * 7,
    "withheld_internal": [5, B, B, B, B, B, B],
    "withheld_process": [3, 1, B, B, B, B, B],
    "withheld_enforcement": [B] * 7,
    "withheld_enquiry": [10, 2, B, B, B, B, B],
    "unavailable_not_held": [252, 12, B, B, 1, B, B],
    "unavailable_to_create": [44, 3, B, B, B, B, B],
    "unavailable_unclear": [25, B, B, B, B, B, B],
    "not_processed_petition": [148, 1, B, B, B, B, B],
    "not_processed_repeated": [5, 4, B, B, B, B, B],
    "not_processed_publication": [B] * 7,
    "not_processed_excessive": [B] * 7,
    "not_processed_confirmation": [B] * 7,
    "other_handling": [B] * 7,
    "total_outcomes": [767, 35, B, B, 2, 1, 805],
    "carried_forward": [72, B, B, B, B, B, 72],
}

SHANGHAI_T4 = {
    "review": [5, B, B, 2, 7],
    "litigation_direct": [8, B, B, 1, 9],
    "litigation_after_review": [B] * 5,
}


def test_shanghai_is_detected_as_docx() -> None:
    data = (FIXTURES / "shanghai_2019.docx").read_bytes()
    assert isinstance(detect(data, ".docx"), DocxReader)
    assert isinstance(detect(data), DocxReader)


def test_shanghai_metadata(shanghai: ReadResult) -> None:
    meta = shanghai.report.metadata
    assert (meta.agency, meta.year, meta.format_version) == (
        "上海市人民政府办公厅",
        2019,
        FormatVersion.V2019,
    )
    assert shanghai.report.title == "2019年上海市人民政府办公厅政府信息公开工作年度报告"
    assert meta.signing_date is None


def test_shanghai_sections_come_from_list_numbered_heading_styles(shanghai: ReadResult) -> None:
    report = shanghai.report
    assert [s.id for s in report.sections] == [
        "overview",
        "proactive",
        "applications",
        "review_litigation",
        "problems",
        "other",
    ]
    assert report.sections[4].heading == "五、政府信息公开工作存在的主要问题及改进情况"
    overview = report.sections[0]
    assert [s.heading for s in overview.subsections] == [
        "（一）主动公开方面",
        "（二）依申请公开方面（节选）",
    ]
    assert report.sections[5].paragraphs == ("无。",)
    assert report.intro[0].startswith("本年度报告根据《中华人民共和国政府信息公开条例》")


def test_shanghai_table2_every_cell(shanghai: ReadResult) -> None:
    assert shanghai.report.proactive.as_dict() == SHANGHAI_T2


def test_shanghai_table3_every_cell_blanks_kept(shanghai: ReadResult) -> None:
    assert rows(shanghai.report, "applications", T3_COLUMNS) == SHANGHAI_T3


def test_shanghai_table3_reads_the_inserted_revision_and_the_field_result(
    shanghai: ReadResult,
) -> None:
    t3 = shanghai.report.applications
    assert t3["total_outcomes.natural_person"] == 767  # 766 was deleted as a revision
    assert t3["new_received.total"] == 859  # displayed result of {=SUM(LEFT)}


def test_shanghai_table4_every_cell(shanghai: ReadResult) -> None:
    assert rows(shanghai.report, "review_litigation", T4_COLUMNS) == SHANGHAI_T4


def test_shanghai_has_no_reader_errors(shanghai: ReadResult) -> None:
    assert errors(shanghai.findings) == []


# --- 沭阳县发展和改革局 2023 ----------------------------------------------------------------

SHUYANG_T2 = {
    "rules.issued": 0,
    "rules.repealed": 0,
    "rules.in_force": 0,
    "normative_documents.issued": 8,
    "normative_documents.repealed": 0,
    "normative_documents.in_force": 18,
    "licensing.decisions": 0,
    "penalties.decisions": 0,
    "enforcement.decisions": 0,
    "fees.amount": Money(Decimal(0)),
}


def _natural_only(n: int) -> list[object]:
    return [n, B, B, B, B, B, n]


SHUYANG_T3 = {
    "new_received": _natural_only(26),
    "carried_over": _natural_only(0),
    "disclosed": _natural_only(26),
    **{
        row: _natural_only(0)
        for row in (
            "partially_disclosed",
            "withheld_state_secret",
            "withheld_prohibited",
            "withheld_security",
            "withheld_third_party",
            "withheld_internal",
            "withheld_process",
            "withheld_enforcement",
            "withheld_enquiry",
            "unavailable_not_held",
            "unavailable_to_create",
            "unavailable_unclear",
            "not_processed_petition",
            "not_processed_repeated",
            "not_processed_publication",
            "not_processed_excessive",
            "not_processed_confirmation",
            "other_no_amendment",
            "other_unpaid_fee",
            "other_other",
        )
    },
    "total_outcomes": _natural_only(26),
    "carried_forward": _natural_only(0),
}

SHUYANG_T4 = {
    "review": [0, 0, 0, 1, 1],
    "litigation_direct": [0] * 5,
    "litigation_after_review": [0] * 5,
}


def test_shuyang_metadata_title_on_two_lines_and_signature(shuyang: ReadResult) -> None:
    meta = shuyang.report.metadata
    assert (meta.agency, meta.year, meta.format_version) == (
        "沭阳县发展和改革局",
        2023,
        FormatVersion.V2021,
    )
    assert shuyang.report.title == "沭阳县发展和改革局2023年政府信息公开年度报告"
    assert meta.signing_date == dt.date(2024, 1, 17)


def test_shuyang_sections_from_direct_formatting_and_variant_heading(shuyang: ReadResult) -> None:
    report = shuyang.report
    assert [s.heading for s in report.sections] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及整改措施",
        "六、其他需要报告的事项",
    ]
    assert report.sections[0].subsections[0].heading == "（一）主动公开政府信息情况"
    assert report.sections[5].paragraphs == (
        "2023年度，县发展和改革局政府信息公开未发生收费情况。",
    )


def test_shuyang_processing_fee_from_section_six(shuyang: ReadResult) -> None:
    # No embedded data (a WPS document): the fee comes from the text of 六.
    assert shuyang.report.processing_fee == ProcessingFee(amount=Decimal(0))
    assert [f.code for f in shuyang.findings].count("R.FEE") == 1


def test_shanghai_states_no_processing_fee(shanghai: ReadResult) -> None:
    assert shanghai.report.processing_fee is None


def test_shuyang_table2_every_cell(shuyang: ReadResult) -> None:
    assert shuyang.report.proactive.as_dict() == SHUYANG_T2


def test_shuyang_table2_keeps_the_extra_row_with_its_slash_cells(shuyang: ReadResult) -> None:
    (extra,) = shuyang.report.proactive.extra_rows
    assert (extra.label, extra.values) == ("其他主动公开文件", (9, NOT_APPLICABLE, NOT_APPLICABLE))
    assert extra.after == "normative_documents"


def test_shuyang_table3_every_cell_despite_typos_and_half_width(shuyang: ReadResult) -> None:
    assert rows(shuyang.report, "applications", T3_COLUMNS) == SHUYANG_T3


def test_shuyang_label_variants_are_reported(shuyang: ReadResult) -> None:
    variant_paths = {
        path for f in shuyang.findings if f.code == "R.LABEL_VARIANT" for path in f.paths
    }
    assert any(p.startswith("applications.unavailable_to_create") for p in variant_paths)
    assert any(p.startswith("proactive.normative_documents") for p in variant_paths)


def test_shuyang_table4_every_cell(shuyang: ReadResult) -> None:
    assert rows(shuyang.report, "review_litigation", T4_COLUMNS) == SHUYANG_T4


def test_shuyang_has_no_reader_errors(shuyang: ReadResult) -> None:
    assert errors(shuyang.findings) == []
