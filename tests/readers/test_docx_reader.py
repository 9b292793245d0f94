"""The DOCX reader on reports laid out the way Word and WPS lay them out.

The fixtures (``tests/fixtures/docx/``, built by ``build_fixtures.py``) carry the
content of two published reports: 上海市人民政府办公厅 2019 (Word: heading styles,
list-numbered headings, a content control, a formula field, a tracked change) and
沭阳县发展和改革局 2023 (WPS: direct formatting, legacy merges, label typos and variants,
an extra row). Every table cell is checked against the published value (``published``,
the transcription the other reader tests share); a blank cell must stay blank, never 0.
Where a fixture departs from the published document (the extra row, the label variants)
that departure has a test of its own.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from govinfo_report import NOT_APPLICABLE, FormatVersion, ProcessingFee
from govinfo_report.checks.findings import Finding, Severity
from govinfo_report.readers import ReadResult, detect, read_report
from govinfo_report.readers.docx import DocxReader
from published import (
    SHANGHAI_2019_T2,
    SHANGHAI_2019_T3,
    SHANGHAI_2019_T4,
    SHUYANG_2023_T2,
    SHUYANG_2023_T3,
    SHUYANG_2023_T4,
    rows_of,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docx"


@pytest.fixture(scope="module")
def shanghai() -> ReadResult:
    return read_report(FIXTURES / "shanghai_2019.docx")


@pytest.fixture(scope="module")
def shuyang() -> ReadResult:
    return read_report(FIXTURES / "shuyang_2023.docx")


def errors(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAINS = {
    ".docm": b"application/vnd.ms-word.document.macroEnabled.main+xml",
    ".dotx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ".dotm": b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}


@pytest.mark.parametrize("suffix", list(_MAINS))
def test_macro_documents_and_templates_read_as_docx_and_are_walked(
    suffix: str, tmp_path: Path, shuyang: ReadResult
) -> None:
    import zipfile

    from govinfo_report._scan import expand_paths

    saved = tmp_path / f"报告{suffix}"
    with (
        zipfile.ZipFile(FIXTURES / "shuyang_2023.docx") as source,
        zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for name in source.namelist():
            data = source.read(name)
            if name == "[Content_Types].xml":
                assert _MAIN in data
                data = data.replace(_MAIN, _MAINS[suffix])
            target.writestr(name, data)
    assert [path for path, reason in expand_paths([tmp_path]) if reason is None] == [saved]
    assert read_report(saved).report == shuyang.report


# --- 上海市人民政府办公厅 2019 -------------------------------------------------------------


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
    assert rows_of(shanghai.report.proactive) == SHANGHAI_2019_T2


def test_shanghai_table3_every_cell_blanks_kept(shanghai: ReadResult) -> None:
    assert rows_of(shanghai.report.applications) == SHANGHAI_2019_T3


def test_shanghai_table3_reads_the_inserted_revision_and_the_field_result(
    shanghai: ReadResult,
) -> None:
    t3 = shanghai.report.applications
    assert t3["total_outcomes.natural_person"] == 767  # 766 was deleted as a revision
    assert t3["new_received.total"] == 859  # displayed result of {=SUM(LEFT)}


def test_shanghai_table4_every_cell(shanghai: ReadResult) -> None:
    assert rows_of(shanghai.report.review_litigation) == SHANGHAI_2019_T4


def test_shanghai_has_no_reader_errors(shanghai: ReadResult) -> None:
    assert errors(shanghai.findings) == []


# --- 沭阳县发展和改革局 2023 ----------------------------------------------------------------


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
    assert rows_of(shuyang.report.proactive) == SHUYANG_2023_T2


def test_shuyang_table2_keeps_the_extra_row_with_its_slash_cells(shuyang: ReadResult) -> None:
    (extra,) = shuyang.report.proactive.extra_rows
    assert (extra.label, extra.values) == ("其他主动公开文件", (9, NOT_APPLICABLE, NOT_APPLICABLE))
    assert extra.after == "normative_documents"


def test_shuyang_table3_every_cell_despite_typos_and_half_width(shuyang: ReadResult) -> None:
    assert rows_of(shuyang.report.applications) == SHUYANG_2023_T3


def test_shuyang_label_variants_are_reported(shuyang: ReadResult) -> None:
    variant_paths = {
        path for f in shuyang.findings if f.code == "R.LABEL_VARIANT" for path in f.paths
    }
    assert any(p.startswith("applications.unavailable_to_create") for p in variant_paths)
    assert any(p.startswith("proactive.normative_documents") for p in variant_paths)


def test_shuyang_table4_every_cell(shuyang: ReadResult) -> None:
    assert rows_of(shuyang.report.review_litigation) == SHUYANG_2023_T4


def test_shuyang_has_no_reader_errors(shuyang: ReadResult) -> None:
    assert errors(shuyang.findings) == []
