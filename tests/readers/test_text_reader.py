"""The text reader on the three published example reports and on bad input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report.checks.findings import Status
from govinfo_report.errors import ReportReadError
from govinfo_report.formats import FormatVersion
from govinfo_report.model import BLANK, Contact, ProcessingFee, Subsection
from govinfo_report.readers import ReadResult, detect, read_report
from govinfo_report.readers.text import MAX_TEXT_BYTES, TextReader
from published import (
    DONGTOU_2020_T2,
    DONGTOU_2020_T3,
    DONGTOU_2020_T4,
    SHANGHAI_2019_T2,
    SHANGHAI_2019_T3,
    SHANGHAI_2019_T4,
    SHUYANG_2023_T2,
    SHUYANG_2023_T3,
    SHUYANG_2023_T4,
    rows_of,
)
from readers.fuzzing import read_or_refuse

FIXTURES = Path(__file__).parent.parent / "fixtures" / "text"
DONGTOU = FIXTURES / "01_wenzhou_dongtou_zwfwzx_2020.txt"
SHANGHAI = FIXTURES / "02_shanghai_szfbgt_2019.txt"
SHUYANG = FIXTURES / "03_shuyang_fgj_2023.txt"
READER = TextReader()


@pytest.fixture(scope="module")
def dongtou() -> ReadResult:
    return read_report(DONGTOU)


@pytest.fixture(scope="module")
def shanghai() -> ReadResult:
    return read_report(SHANGHAI)


@pytest.fixture(scope="module")
def shuyang() -> ReadResult:
    return read_report(SHUYANG)


# --- detection -------------------------------------------------------------------------


@pytest.mark.parametrize("path", [DONGTOU, SHANGHAI, SHUYANG])
def test_examples_are_detected_as_text(path: Path) -> None:
    assert detect(path.read_bytes(), path.suffix).name == "text"


# --- 02 上海市人民政府办公厅 2019 ----------------------------------------------------------


def test_shanghai_metadata(shanghai: ReadResult) -> None:
    meta = shanghai.report.metadata
    assert meta.agency == "上海市人民政府办公厅"
    assert meta.year == 2019
    assert meta.format_version is FormatVersion.V2019
    assert meta.publication_date == dt.date(2020, 1, 31)
    assert meta.signing_date is None
    assert meta.title == "2019年上海市人民政府办公厅政府信息公开工作年度报告"


def test_shanghai_publication_date_line_is_not_the_signing_date(shanghai: ReadResult) -> None:
    # "发布日期：2020-01-31" under the title; the report prints no signature date.
    assert not any("发布日期" in p for p in shanghai.report.intro)
    [finding] = [f for f in shanghai.findings if f.code == "R.DATE"]
    assert finding.paths == ("metadata.signing_date",)
    assert finding.message_en == "no signing date was found"


def test_shanghai_table_2_every_cell(shanghai: ReadResult) -> None:
    assert rows_of(shanghai.report.proactive) == SHANGHAI_2019_T2


def test_shanghai_table_3_every_cell(shanghai: ReadResult) -> None:
    assert rows_of(shanghai.report.applications) == SHANGHAI_2019_T3


def test_shanghai_table_4_every_cell(shanghai: ReadResult) -> None:
    assert rows_of(shanghai.report.review_litigation) == SHANGHAI_2019_T4


def test_shanghai_sections_keep_printed_headings(shanghai: ReadResult) -> None:
    assert [(s.id, s.heading) for s in shanghai.report.sections] == [
        ("overview", "一、总体情况"),
        ("proactive", "二、主动公开政府信息情况"),
        ("applications", "三、收到和处理政府信息公开申请情况"),
        ("review_litigation", "四、政府信息公开行政复议、行政诉讼情况"),
        ("problems", "五、政府信息公开工作存在的主要问题及改进情况"),
        ("other", "六、其他需要报告的事项"),
    ]


def test_shanghai_heading_variant_is_a_notice(shanghai: ReadResult) -> None:
    codes = [(f.code, f.reported) for f in shanghai.findings]
    assert ("R.HEADING_VARIANT", "五、政府信息公开工作存在的主要问题及改进情况") in codes


def test_shanghai_table_captions_are_not_section_text(shanghai: ReadResult) -> None:
    section = shanghai.report.section("proactive")
    assert section is not None
    assert section.paragraphs == ()


def test_shanghai_subheadings_without_run_in(shanghai: ReadResult) -> None:
    overview = shanghai.report.section("overview")
    assert overview is not None
    assert [(s.heading, s.run_in) for s in overview.subsections] == [
        ("（一）主动公开方面", False),
        ("（二）依申请公开方面（节选）", False),
    ]


def test_shanghai_other_section_text(shanghai: ReadResult) -> None:
    other = shanghai.report.section("other")
    assert other is not None
    assert other.paragraphs == ("无。",)


def test_shanghai_reads_without_warnings(shanghai: ReadResult) -> None:
    assert {f.code for f in shanghai.findings if f.severity.value != "notice"} == set()


# --- 03 沭阳县发展和改革局 2023 ----------------------------------------------------------


def test_shuyang_metadata(shuyang: ReadResult) -> None:
    meta = shuyang.report.metadata
    assert meta.agency == "沭阳县发展和改革局"
    assert meta.year == 2023
    assert meta.format_version is FormatVersion.V2021
    assert meta.signing_date == dt.date(2024, 1, 17)
    assert meta.title == "沭阳县发展和改革局2023年政府信息公开年度报告"


def test_shuyang_processing_fee_from_section_six(shuyang: ReadResult) -> None:
    # 六: "2023年度，县发展和改革局政府信息公开未发生收费情况。"
    assert shuyang.report.processing_fee == ProcessingFee(amount=Decimal(0))
    [finding] = [f for f in shuyang.findings if f.code == "R.FEE"]
    assert finding.reported == "2023年度，县发展和改革局政府信息公开未发生收费情况"
    assert finding.location == "line 65"


@pytest.mark.parametrize("name", ["dongtou", "shanghai"])
def test_reports_that_state_no_processing_fee_have_none(
    name: str, request: pytest.FixtureRequest
) -> None:
    result: ReadResult = request.getfixturevalue(name)
    assert result.report.processing_fee is None
    assert "R.FEE" not in {f.code for f in result.findings}


def test_shuyang_contact_from_intro(shuyang: ReadResult) -> None:
    assert shuyang.report.metadata.contact == Contact(
        office="沭阳县发展和改革局",
        address="沭阳县沭城街道苏州东路42号",
        postcode="223600",
        phone="0527—83593059",
    )


def test_shuyang_table_2_every_cell(shuyang: ReadResult) -> None:
    assert rows_of(shuyang.report.proactive) == SHUYANG_2023_T2


def test_shuyang_table_3_every_cell(shuyang: ReadResult) -> None:
    assert rows_of(shuyang.report.applications) == SHUYANG_2023_T3


def test_shuyang_table_4_every_cell(shuyang: ReadResult) -> None:
    assert rows_of(shuyang.report.review_litigation) == SHUYANG_2023_T4


def test_shuyang_normative_documents_variant_is_noted(shuyang: ReadResult) -> None:
    variants = [f for f in shuyang.findings if f.code == "R.LABEL_VARIANT"]
    assert any(
        f.reported == "规范性文件" and f.paths == ("proactive.normative_documents",)
        for f in variants
    )


def test_shuyang_run_in_subheadings(shuyang: ReadResult) -> None:
    problems = shuyang.report.section("problems")
    assert problems is not None
    assert problems.heading == "五、存在的主要问题及整改措施"
    assert [(s.heading, s.run_in) for s in problems.subsections] == [
        ("（一）存在的主要问题。", True),
        ("（二）整改措施。", True),
    ]
    assert problems.subsections[0].paragraphs[0].startswith("各科室人员信息公开意识有所松懈")


def test_shuyang_signature_is_not_section_text(shuyang: ReadResult) -> None:
    other = shuyang.report.section("other")
    assert other is not None
    assert other.paragraphs == ("2023年度，县发展和改革局政府信息公开未发生收费情况。",)


# --- 01 温州市洞头区政务服务中心 2020 (flattened, garbled tables) ------------------------


def test_dongtou_metadata_from_signature_and_period(dongtou: ReadResult) -> None:
    meta = dongtou.report.metadata
    assert meta.agency == "温州市洞头区政务服务中心"
    assert meta.year == 2020
    assert meta.signing_date == dt.date(2021, 1, 22)
    assert meta.format_version is FormatVersion.V2019
    assert meta.contact is not None
    assert meta.contact.phone == "59386879"


def test_dongtou_table_2_every_cell(dongtou: ReadResult) -> None:
    assert rows_of(dongtou.report.proactive) == DONGTOU_2020_T2


def test_dongtou_table_3_every_cell(dongtou: ReadResult) -> None:
    assert rows_of(dongtou.report.applications) == DONGTOU_2020_T3


def test_dongtou_table_4_every_cell(dongtou: ReadResult) -> None:
    assert rows_of(dongtou.report.review_litigation) == DONGTOU_2020_T4


DONGTOU_2020_T2_SHORT: dict[str, int] = {
    "rules": 7,
    "normative_documents": 8,
    "licensing": 11,
    "other_services": 12,
    "penalties": 15,
    "enforcement": 16,
}
"""The short rows of Table 2 and the line each is printed on."""

DONGTOU_2020_T3_LINES: dict[str, int] = {
    "new_received": 27,
    "carried_over": 28,
    "disclosed": 29,
    "partially_disclosed": 30,
    "withheld_state_secret": 31,
    "withheld_prohibited": 32,
    "withheld_security": 33,
    "withheld_third_party": 34,
    "withheld_internal": 35,
    "withheld_process": 36,
    "withheld_enforcement": 37,
    "withheld_enquiry": 38,
    "unavailable_not_held": 39,
    "unavailable_to_create": 40,
    "unavailable_unclear": 41,
    "not_processed_petition": 42,
    "not_processed_repeated": 43,
    "not_processed_publication": 44,
    "not_processed_excessive": 45,
    "not_processed_confirmation": 46,
    "other_handling": 47,
    "total_outcomes": 48,
    "carried_forward": 49,
}
"""The line each Table 3 row is printed on, with one value (0) right after its labels."""


def _short_rows(result: ReadResult) -> list[tuple[str | None, str | None, tuple[str, ...]]]:
    return [(f.location, f.reported, f.paths) for f in result.findings if f.code == "R.SHORT_ROW"]


def test_dongtou_each_short_row_is_one_notice_naming_the_cells_placed(
    dongtou: ReadResult,
) -> None:
    t2 = [
        (f"line {line}", "0 | 0", (f"proactive.{row}.{a}", f"proactive.{row}.{b}"))
        for row, line in DONGTOU_2020_T2_SHORT.items()
        for a, b in [
            ("made", "published")
            if row in ("rules", "normative_documents")
            else ("items_last_year", "change")
        ]
    ]
    t3 = [
        (f"line {line}", "0", (f"applications.{row}.natural_person",))
        for row, line in DONGTOU_2020_T3_LINES.items()
    ]
    t4 = [
        (
            "line 54",
            "0 | 0 | 0",
            (
                "review_litigation.review.upheld",
                "review_litigation.review.corrected",
                "review_litigation.review.other",
            ),
        )
    ]
    assert _short_rows(dongtou) == t2 + t3 + t4
    assert {(f.severity.value, f.status) for f in dongtou.findings if f.code == "R.SHORT_ROW"} == {
        ("notice", Status.FAIL)
    }


def test_dongtou_every_cell_not_given_is_uncertain_and_blank(dongtou: ReadResult) -> None:
    not_given = [f for f in dongtou.findings if f.code == "R.CELL"]
    assert all(f.status is Status.UNCERTAIN and len(f.paths) == 1 for f in not_given)
    third = {"rules": "total_published", "normative_documents": "total_published"}
    t2 = [
        (f"line {line}", f"proactive.{row}.{third.get(row, 'decisions')}")
        for row, line in DONGTOU_2020_T2_SHORT.items()
    ]
    others = ["commercial_enterprise", "research_institution", "public_interest_org"]
    others += ["legal_service_org", "other_org", "total"]
    t3 = [
        (f"line {line}", f"applications.{row}.{column}")
        for row, line in DONGTOU_2020_T3_LINES.items()
        for column in others
    ]
    t4 = [
        ("line 54", "review_litigation.review.pending"),
        ("line 54", "review_litigation.review.total"),
    ]
    t4 += [
        ("line 54", f"review_litigation.{row}.{column}")
        for row in ("litigation_direct", "litigation_after_review")
        for column in ("upheld", "corrected", "other", "pending", "total")
    ]
    assert [(f.location, f.paths[0]) for f in not_given] == t2 + t3 + t4
    report = dongtou.report
    assert all(report.cell(f.paths[0]) is BLANK for f in not_given)


def test_dongtou_not_given_finding_says_why_and_never_zero(dongtou: ReadResult) -> None:
    [finding] = [
        f
        for f in dongtou.findings
        if f.code == "R.CELL" and f.paths == ("proactive.rules.total_published",)
    ]
    assert finding.message_en == (
        "row '规章' of table 2 gives no value for cell proactive.rules.total_published "
        "(blank in the source, or lost when the table was flattened to text); left blank"
    )
    assert "原表为空，或转为文本时丢失" in finding.message_zh
    assert finding.reported is None


def test_dongtou_short_row_notice_counts_values_and_cells(dongtou: ReadResult) -> None:
    [t4] = [f for f in dongtou.findings if f.code == "R.SHORT_ROW" and f.location == "line 54"]
    assert t4.message_en == (
        "the values row of table 4 gives 3 value(s) for 15 cells; placed in the first 3 "
        "columns by order, the other cells left blank"
    )
    assert t4.message_zh.startswith("表4的数值行给出3个数值，该行有15个单元格")


def test_dongtou_split_header_is_resolved_by_order_with_a_notice(dongtou: ReadResult) -> None:
    notes = [f for f in dongtou.findings if f.code == "R.LABEL_VARIANT" and f.reported == "本年新"]
    assert [f.paths[0] for f in notes] == ["proactive.rules.made", "proactive.rules.published"]


def test_dongtou_run_in_and_plain_subheadings(dongtou: ReadResult) -> None:
    problems = dongtou.report.section("problems")
    other = dongtou.report.section("other")
    assert problems is not None
    assert other is not None
    assert [(s.heading, s.run_in) for s in problems.subsections] == [
        ("(一)存在的主要问题。", True),
        ("(二)改进措施。", True),
    ]
    assert other.subsections[1] == Subsection(
        heading="(二)建议提案办理结果公开情况。",
        paragraphs=(
            "全年共计收到提案一个,已按期答复,回访满意度100%。",
            "以上为2020年度政府信息公开工作报告。本报告在温州市洞头区人民政府门户网站进行公开。"
            "如对本报告有任何疑问,可联系温州市洞头区政务服务中心办公室(联系电话:59386879)。",
        ),
    )


def test_dongtou_all_six_sections_in_order(dongtou: ReadResult) -> None:
    assert [s.id for s in dongtou.report.sections] == [
        "overview",
        "proactive",
        "applications",
        "review_litigation",
        "problems",
        "other",
    ]


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-16"])
def test_encodings_read_the_same(shuyang: ReadResult, encoding: str) -> None:
    data = SHUYANG.read_text(encoding="utf-8").encode(encoding)
    assert READER.read(data, source="x.txt").report == shuyang.report


def test_undecodable_bytes_are_a_clear_error() -> None:
    data = "政府信息公开".encode() + b"\x81\x30\xff\xfe\x80"
    with pytest.raises(ReportReadError, match="cannot decode"):
        READER.read(data, source="bad.txt")


# --- bad input ---------------------------------------------------------------------------


def test_binary_junk_is_refused() -> None:
    with pytest.raises(ReportReadError, match="binary"):
        READER.read(b"\x00\x01\x02PK\x03\x04" * 100, source="junk.bin")


def test_text_that_is_no_report_is_refused() -> None:
    with pytest.raises(ReportReadError, match="does not look like"):
        READER.read("今天天气很好。\n我们去公园散步。\n".encode(), source="note.txt")


def test_oversized_text_is_refused_before_decoding() -> None:
    with pytest.raises(ReportReadError, match="refused"):
        READER.read(b"a" * (MAX_TEXT_BYTES + 1), source="big.txt")


def _read_or_refuse(data: bytes) -> None:
    read_or_refuse(READER, data, "fuzz.txt")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_random_bytes_never_crash(data: bytes) -> None:
    _read_or_refuse(data)


_LINES = SHANGHAI.read_text(encoding="utf-8").splitlines()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["drop", "dup", "swap", "pipe", "cut"]),
            st.integers(0, len(_LINES) - 1),
            st.integers(0, 200),
        ),
        max_size=12,
    )
)
def test_fuzz_mutated_report_never_crashes(edits: list[tuple[str, int, int]]) -> None:
    lines = list(_LINES)
    for kind, at, arg in edits:
        at %= len(lines) or 1
        if not lines:
            break
        if kind == "drop":
            del lines[at]
        elif kind == "dup":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = arg % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "pipe":
            lines[at] = lines[at].replace(" | ", " |", 1) + " |" * (arg % 3)
        else:
            lines[at] = lines[at][: arg % (len(lines[at]) + 1)]
    _read_or_refuse("\n".join(lines).encode())
