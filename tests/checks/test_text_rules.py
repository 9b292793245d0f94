"""TX.1: the counts the text of 一、总体情况 (and the intro) states, against Tables 3 and 4."""

from __future__ import annotations

import attrs
import pytest
from _checks_support import clean_report, of_code, with_cells
from _published import shanghai_2019, shuyang_2023
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report import BLANK, NOT_APPLICABLE, Report, Subsection, fill_totals
from govinfo_report.checks import Finding, Severity, Status, check
from govinfo_report.checks.report_rules import parse_count
from strategies import consistent_reports

# A clean 2023 report with a different count in every row the text can name: each row's
# 自然人 cell, the 总计 column and （七）总计 from fill_totals, 四 chosen so T3.1 holds.
_NATURAL = {
    "disclosed": 20,
    "partially_disclosed": 3,
    "withheld_state_secret": 1,
    "withheld_process": 4,
    "unavailable_not_held": 6,
    "unavailable_unclear": 2,
    "not_processed_petition": 5,
    "other_other": 1,
    "carried_over": 3,
    "carried_forward": 2,
}
# outcomes 42 + forward 2 − carried over 3 = 41 new requests
_NEW = 41


def _numbers() -> Report:
    report = clean_report()
    cells = {f"applications.{row}.natural_person": n for row, n in _NATURAL.items()}
    cells["applications.new_received.natural_person"] = _NEW
    cells["review_litigation.review.upheld"] = 2
    cells["review_litigation.litigation_direct.pending"] = 1
    cells["review_litigation.litigation_after_review.corrected"] = 3
    return fill_totals(with_cells(report, cells))


def _said(text: str, report: Report | None = None) -> list[Finding]:
    """TX.1's findings when 一、总体情况 (二) says ``text``."""
    report = report if report is not None else _numbers()
    overview = (Subsection(heading="（二）依申请公开情况", paragraphs=(text,)),)
    return of_code(check(report.with_section("overview", subsections=overview)), "TX.1")


def test_the_numbers_report_is_consistent() -> None:
    assert check(_numbers()) == ()


# --- each phrase: the table's figure passes, another fails --------------------------------

PHRASES = [
    # (sentence with {n}, the figure of the tables it states, paths of the cells used)
    ("本年度共收到政府信息公开申请{n}件。", _NEW, ("applications.new_received.total",)),
    ("新收政府信息公开申请{n}件。", _NEW, ("applications.new_received.total",)),
    ("全年受理依申请公开申请{n}件。", _NEW, ("applications.new_received.total",)),
    ("我局共收到依申请信息公开{n}件。", _NEW, ("applications.new_received.total",)),
    (
        "予以公开及部分公开{n}件。",
        23,
        ("applications.disclosed.total", "applications.partially_disclosed.total"),
    ),
    (
        "予以公开和部分公开{n}件。",
        23,
        ("applications.disclosed.total", "applications.partially_disclosed.total"),
    ),
    ("其中予以公开{n}件。", 20, ("applications.disclosed.total",)),
    ("部分公开{n}件。", 3, ("applications.partially_disclosed.total",)),
    (
        "不予公开{n}件。",
        5,
        tuple(
            f"applications.withheld_{r}.total"
            for r in (
                "state_secret",
                "prohibited",
                "security",
                "third_party",
                "internal",
                "process",
                "enforcement",
                "enquiry",
            )
        ),
    ),
    (
        "因本机关不掌握等原因无法提供{n}件。",
        8,
        tuple(f"applications.unavailable_{r}.total" for r in ("not_held", "to_create", "unclear")),
    ),
    (
        "不予处理{n}件。",
        5,
        tuple(
            f"applications.not_processed_{r}.total"
            for r in (
                "petition",
                "repeated",
                "publication",
                "excessive",
                "confirmation",
            )
        ),
    ),
    (
        "其他处理{n}件。",
        1,
        tuple(
            f"applications.{r}.total"
            for r in ("other_no_amendment", "other_unpaid_fee", "other_other")
        ),
    ),
    ("答复政府信息公开申请{n}件。", 42, ("applications.total_outcomes.total",)),
    ("办结政府信息公开申请{n}件。", 42, ("applications.total_outcomes.total",)),
    ("结转下年度继续办理{n}件。", 2, ("applications.carried_forward.total",)),
    ("另有{n}件申请按照《条例》顺延到下年度答复。", 2, ("applications.carried_forward.total",)),
    ("被申请行政复议{n}件。", 2, ("review_litigation.review.total",)),
    (
        "提起行政诉讼{n}件。",
        4,
        (
            "review_litigation.litigation_direct.total",
            "review_litigation.litigation_after_review.total",
        ),
    ),
]


@pytest.mark.parametrize(("sentence", "figure", "paths"), PHRASES)
def test_tx1_holds_when_the_text_states_the_tables_figure(
    sentence: str, figure: int, paths: tuple[str, ...]
) -> None:
    assert _said(sentence.format(n=figure)) == []


@pytest.mark.parametrize(("sentence", "figure", "paths"), PHRASES)
def test_tx1_fails_when_the_text_states_another_figure(
    sentence: str, figure: int, paths: tuple[str, ...]
) -> None:
    (finding,) = _said(sentence.format(n=figure + 7))
    assert finding.severity is Severity.WARNING
    assert finding.status is Status.FAIL
    assert finding.paths == ("sections[0].subsections[0]", *paths)
    assert (finding.reported, finding.computed, finding.difference) == (figure + 7, figure, 7)
    assert f"{figure + 7}件" in finding.message_zh.split("”")[0]
    assert finding.message_zh.endswith(f"{figure}件，差 7")


def test_tx1_message_quotes_the_statement_and_names_the_table_figure() -> None:
    (finding,) = _said("予以公开及部分公开30件，占50%。")
    assert (
        finding.message_zh == "正文“予以公开及部分公开30件”，表三予以公开与部分公开合计23件，差 7"
    )
    assert "“予以公开及部分公开30件”" in finding.message_en
    assert "difference 7" in finding.message_en


def test_tx1_reads_chinese_numerals() -> None:
    assert _said("不予公开五件，部分公开三件。") == []
    (finding,) = _said("予以公开二十一件。")
    assert (finding.reported, finding.computed) == (21, 20)


def test_tx1_reads_the_intro_and_the_section_paragraphs() -> None:
    report = _numbers()
    report = attrs.evolve(report, intro=("本年度共收到政府信息公开申请40件。",))
    report = report.with_section("overview", paragraphs=("全年予以公开19件。",))
    findings = of_code(check(report), "TX.1")
    assert [f.paths[0] for f in findings] == ["intro", "sections[0]"]


def test_tx1_reads_received_including_carried_over_as_new_plus_carried_over() -> None:
    assert _said(f"共收到政府信息公开申请{_NEW + 3}件（含上年结转3件）。") == []
    (finding,) = _said(f"共收到政府信息公开申请{_NEW}件（含上年结转3件）。")
    assert finding.computed == _NEW + 3
    assert finding.paths[1:] == (
        "applications.new_received.total",
        "applications.carried_over.total",
    )


def test_tx1_reads_received_with_carried_over_apart_as_new_only() -> None:
    assert _said(f"共受理政府信息公开申请{_NEW}件，另有上年结转申请3件。") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "上年予以公开10件。",  # another year
        "与去年同期相比，受理政府信息公开申请99件。",
        "2022年受理政府信息公开申请99件。",  # a year other than the report's
        "予以公开、部分公开99件。",  # a sum stated as a list: 部分公开 alone is not 99
        "不予公开、无法提供及不予处理共99件。",
        "行政复议、行政诉讼99件。",
        "通过网络受理政府信息公开申请99件。",  # a part of the requests
        "自然人申请中予以公开99件。",
        "全市各级行政机关共受理政府信息公开申请99件。",  # other agencies
        "未答复申请99件。",
        "复议后提起行政诉讼99件。",  # only one kind of lawsuit
        "直接提起行政诉讼99件。",
        "加上上年结转的申请，共收到政府信息公开申请99件。",  # 结转 read otherwise
        "共收到政府信息公开申请99件，上年结转的均已办结。",
        "全年受理网络问政182件。",  # not disclosure requests
        "办结99件。",  # what was finished is not said
        "受理政府信息公开申请99件次。",  # 件次
        "予以公开二百五件。",  # ambiguous numeral
        "诉讼99件，均获维持。",  # 诉讼 alone is not read
        "予以公开占33.9%，较去年回落12.3%，发布政府信息249条。",
    ],
)
def test_tx1_leaves_ambiguous_sentences_alone(sentence: str) -> None:
    assert _said(sentence) == []


# --- no request, in words -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度未收到政府信息公开申请。",
        "全年没有收到任何依申请公开申请。",
        "我局未接到信息公开申请。",
    ],
)
def test_tx1_reads_no_request_received_in_words_as_zero(sentence: str) -> None:
    [finding] = _said(sentence)
    assert finding.status is Status.FAIL
    assert (finding.reported, finding.computed, finding.difference) == (0, _NEW, -_NEW)
    assert finding.paths[1:] == ("applications.new_received.total",)
    assert "表三本年新收政府信息公开申请数量41件，差 -41" in finding.message_zh
    assert _said(sentence, clean_report()) == []  # every cell 0: the text agrees


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度未收到政府信息公开申请3件。",  # a number follows: not a statement of none
        "本年度未受理政府信息公开申请。",  # not accepted, not none received
        "上年未收到政府信息公开申请。",  # another year
        "通过信函方式未收到政府信息公开申请。",  # a part of the requests
        "其中未收到依申请公开申请。",
        "未收到群众投诉。",
    ],
)
def test_tx1_leaves_other_sentences_of_none_alone(sentence: str) -> None:
    assert _said(sentence) == []


def test_tx1_says_nothing_of_none_received_when_the_tables_are_blank() -> None:
    blank = clean_report().with_cells({"applications.new_received.total": BLANK})
    assert _said("本年度未收到政府信息公开申请。", blank) == []  # its parts are 0
    unknown = with_cells(blank, {"applications.new_received.natural_person": BLANK})
    assert _said("本年度未收到政府信息公开申请。", unknown) == []  # blanks have B.1
    some = with_cells(unknown, {"applications.new_received.other_org": 2})
    [finding] = _said("本年度未收到政府信息公开申请。", some)
    assert finding.status is Status.FAIL  # the filled cells alone exceed 0
    assert (finding.reported, finding.computed) == (0, 2)


# --- blank and "/" cells ----------------------------------------------------------------


def test_tx1_counts_a_row_by_its_applicant_cells_when_its_total_is_blank() -> None:
    report = with_cells(_numbers(), {"applications.disclosed.total": BLANK})
    assert _said("予以公开20件。", report) == []
    (finding,) = _said("予以公开21件。", report)
    assert finding.status is Status.FAIL
    assert finding.paths[1:] == tuple(
        f"applications.disclosed.{c}"
        for c in (
            "natural_person",
            "commercial_enterprise",
            "research_institution",
            "public_interest_org",
            "legal_service_org",
            "other_org",
        )
    )


def test_tx1_is_uncertain_when_a_needed_cell_is_blank_and_the_filled_ones_disagree() -> None:
    report = with_cells(
        _numbers(),
        {
            "applications.disclosed.total": BLANK,
            "applications.disclosed.research_institution": BLANK,
        },
    )
    (finding,) = _said("予以公开25件。", report)
    assert finding.status is Status.UNCERTAIN
    assert finding.severity is Severity.NOTICE
    assert finding.reported == 25
    assert finding.computed is None
    assert finding.message_zh.endswith("1 个单元格为空或为“/”（只计已填数字：20件，差 5）")
    assert "filled cells only: 20" in finding.message_en


def test_tx1_says_nothing_when_the_filled_cells_agree_despite_a_blank() -> None:
    report = with_cells(
        _numbers(),
        {"applications.disclosed.total": NOT_APPLICABLE, "applications.disclosed.other_org": BLANK},
    )
    assert _said("予以公开20件。", report) == []


# --- published reports ------------------------------------------------------------------


def test_shanghai_2019_text_disagrees_with_table_3_twice() -> None:
    # The table leaves cells blank, but its filled cells alone already exceed both
    # figures of the text: blanks can only add, so both mismatches are certain.
    findings = of_code(check(shanghai_2019()), "TX.1")
    assert [(f.reported, f.computed, f.difference, f.message_zh) for f in findings] == [
        (
            258,
            275,
            -17,
            "正文“予以公开及部分公开258件”，表三予以公开与部分公开合计仅已填数字就有275件"
            "（另有 7 个单元格为空或为“/”），差 -17",
        ),
        (
            265,
            337,
            -72,
            "正文“无法提供265件”，表三无法提供合计仅已填数字就有337件"
            "（另有 12 个单元格为空或为“/”），差 -72",
        ),
    ]
    assert {(f.status, f.severity) for f in findings} == {(Status.FAIL, Severity.WARNING)}
    assert {f.paths[0] for f in findings} == {"sections[0].subsections[1]"}


def test_tx1_fails_when_the_filled_cells_alone_exceed_the_text_despite_a_blank() -> None:
    report = with_cells(
        _numbers(),
        {
            "applications.disclosed.total": BLANK,
            "applications.disclosed.research_institution": BLANK,
        },
    )
    (finding,) = _said("予以公开15件。", report)
    assert (finding.status, finding.severity) == (Status.FAIL, Severity.WARNING)
    assert (finding.reported, finding.computed, finding.difference) == (15, 20, -5)
    assert "filled cells of" in finding.message_en
    assert "alone add up to 20 (1 more blank" in finding.message_en


def test_shanghai_2019_other_figures_are_read_and_agree() -> None:
    report = shanghai_2019()
    # Change the cells behind 受理859件, 答复805件, 顺延72件, 行政复议7件: each is now read.
    changed = with_cells(
        report,
        {
            "applications.new_received.total": 860,
            "applications.total_outcomes.total": 806,
            "applications.carried_forward.total": 73,
            "review_litigation.review.total": 8,
        },
    )
    stated = sorted(int(str(f.reported)) for f in of_code(check(changed), "TX.1"))
    assert stated == [7, 72, 258, 265, 805, 859]


def test_shuyang_2023_received_26_agrees_with_table_3() -> None:
    report = shuyang_2023()
    assert of_code(check(report), "TX.1") == []
    changed = with_cells(report, {"applications.new_received.total": 27})
    (finding,) = of_code(check(changed), "TX.1")
    assert (
        finding.message_zh
        == "正文“收到依申请信息公开26件”，表三本年新收政府信息公开申请数量27件，差 -1"
    )


# --- properties ---------------------------------------------------------------------------


def _t(report: Report, row: str, table: str = "applications") -> object:
    return report.table(table).get(row, "total")


@given(consistent_reports())
def test_a_text_that_restates_a_consistent_reports_tables_passes(report: Report) -> None:
    withheld = sum(
        report.applications.get(r.id, "total")  # type: ignore[misc]
        for r in report.format.applications.rows
        if r.id.startswith("withheld_")
    )
    text = (
        f"{report.metadata.year}年，本机关共收到政府信息公开申请{_t(report, 'new_received')}件，"
        f"办结政府信息公开申请{_t(report, 'total_outcomes')}件，其中予以公开"
        f"{_t(report, 'disclosed')}件，部分公开{_t(report, 'partially_disclosed')}件，"
        f"不予公开{withheld}件；结转下年度继续办理{_t(report, 'carried_forward')}件。"
        f"被申请行政复议{_t(report, 'review', 'review_litigation')}件。"
    )
    assert _said(text, report) == []


READ_CHARS = "予以公开及部分不无法提供处理其他件次0123456789十二百零,，。；（）含上年度结转下受理收到政府信息申请行政复议诉讼办结答复另有"


@given(st.text(alphabet=READ_CHARS, max_size=120))
def test_tx1_never_fails_on_arbitrary_text(text: str) -> None:
    for finding in _said(text):
        assert finding.code == "TX.1"
        assert finding.severity in (Severity.WARNING, Severity.NOTICE)


@pytest.mark.parametrize(
    ("text", "value"),
    [("859", 859), ("1,234", 1234), ("十二", 12), ("二百零五", 205), ("十", 10), ("两千", 2000)],
)
def test_parse_count_reads_digits_and_chinese_numerals(text: str, value: int) -> None:
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["一二", "十十", "二百五", "零十"])
def test_parse_count_refuses_malformed_or_ambiguous_numerals(text: str) -> None:
    assert parse_count(text) is None
