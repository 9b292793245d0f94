"""compose(): the standard statistic sentences from the tables, which TX.1 always passes.

Over random consistent and arbitrary tables, with and without blank cells, composed
text put where TX.1 reads it (一、总体情况) gives no TX.1 finding, and no number appears
in it that the tables do not hold (a cell, or the sum of the filled cells of a group).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from govinfo_report import (
    BLANK,
    NOT_APPLICABLE,
    Money,
    Report,
    Section,
    Subsection,
    blank_report,
    check,
    compose,
    load,
    with_composed_text,
)
from strategies import consistent_reports, reports

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _tx1(report: Report) -> list[object]:
    return [f for f in check(report) if f.code == "TX.1"]


@st.composite
def with_blanks(draw: st.DrawFn, base: st.SearchStrategy[Report]) -> Report:
    """A report from ``base`` with some of its cells blank or "/"."""
    report = draw(base)
    tables = {}
    for table in report.tables:
        values = list(table.values)
        for i in draw(st.sets(st.integers(0, len(values) - 1), max_size=len(values) // 2)):
            values[i] = draw(st.sampled_from([BLANK, NOT_APPLICABLE]))
        tables[table.spec.id] = attrs.evolve(table, values=tuple(values))
    return attrs.evolve(report, **tables)


def _numbers_the_tables_hold(report: Report) -> set[Decimal]:
    """Every cell's number (a signed count also without its sign), each Table 3 outcome
    group's sum and the two lawsuit rows' sum where every cell added is a count."""
    held: set[Decimal] = {Decimal(report.metadata.year)}
    for table in report.tables:
        for value in table.values:
            if isinstance(value, int):
                held |= {Decimal(value), Decimal(abs(value))}
            elif isinstance(value, Money):
                held.add(value.amount)
    t3 = report.applications
    groups: dict[str, list[str]] = {}
    for row in t3.spec.rows:
        if len(row.label_path) > 1 and row.id != "total_outcomes":
            groups.setdefault(row.label_path[1], []).append(row.id)
    t4 = report.review_litigation
    sums = [[t3[f"{r}.total"] for r in rows] for rows in groups.values()]
    sums.append([t4[f"{r}.total"] for r in ("litigation_direct", "litigation_after_review")])
    for values in sums:
        if all(isinstance(v, int) for v in values):
            held.add(Decimal(sum(v for v in values if isinstance(v, int))))
    return held


def _numbers_in(texts: object) -> set[Decimal]:
    joined = "\n".join(p for paragraphs in texts.values() for p in paragraphs)  # type: ignore[attr-defined]
    return {Decimal(n) for n in re.findall(r"\d+(?:\.\d+)?", joined)}


# --- the properties -------------------------------------------------------------------


@SETTINGS
@given(consistent_reports())
def test_tx1_finds_nothing_in_text_composed_from_consistent_tables(report: Report) -> None:
    assert _tx1(with_composed_text(report)) == []


@SETTINGS
@given(with_blanks(consistent_reports()))
def test_tx1_finds_nothing_when_cells_are_blank(report: Report) -> None:
    assert _tx1(with_composed_text(report)) == []


@SETTINGS
@given(reports())
def test_tx1_finds_nothing_in_text_composed_from_any_tables(report: Report) -> None:
    assert _tx1(with_composed_text(report)) == []


@SETTINGS
@given(with_blanks(reports()))
def test_no_number_is_printed_that_the_tables_do_not_hold(report: Report) -> None:
    assert _numbers_in(compose(report)) <= _numbers_the_tables_hold(report)


FIGURES = (
    "applications.new_received.total",
    "applications.disclosed.total",
    "applications.withheld_internal.total",
    "applications.total_outcomes.total",
    "applications.carried_forward.total",
    "review_litigation.review.total",
    "review_litigation.litigation_after_review.total",
)


@SETTINGS
@given(consistent_reports(), st.sampled_from(FIGURES))
def test_tx1_reads_the_composed_text(report: Report, path: str) -> None:
    # The composed sentences are where TX.1 looks, in words it reads: change a figure
    # after composing and TX.1 points at it. (A year without requests or cases is said
    # in words, 未收到 / 未发生, which TX.1 does not read.)
    composed = with_composed_text(report)
    said = [p for paragraphs in compose(report).values() for p in paragraphs]
    assume(not any("未收到" in p or "未发生" in p for p in said))
    value = report.cell(path)
    assert isinstance(value, int)
    changed = composed.with_cells({path: value + 1})
    assert any(path in f.paths for f in _tx1(changed))  # type: ignore[attr-defined]


# --- the sentences --------------------------------------------------------------------


def test_the_2021_example_gives_the_sentences_of_real_reports() -> None:
    assert compose(load(EXAMPLES / "example_2021.yaml")) == {
        "proactive": (
            "2024年，本机关制发规章0件、行政规范性文件3件，废止规章0件、行政规范性文件1件，"
            "现行有效规章0件、行政规范性文件12件；作出行政许可决定486件、行政处罚决定37件、"
            "行政强制决定2件；行政事业性收费金额86.35万元。",
        ),
        "applications": (
            "2024年，本机关新收政府信息公开申请70件，另有上年结转政府信息公开申请4件；"
            "办结政府信息公开申请69件，其中予以公开27件，部分公开8件，不予公开7件，无法提供21件，"
            "不予处理3件，其他处理3件；结转下年度继续办理5件。",
        ),
        "review_litigation": (
            "2024年，本机关因政府信息公开工作被申请行政复议4件，其中结果维持2件，结果纠正1件，"
            "其他结果0件，尚未审结1件；被提起行政诉讼3件，其中未经复议直接起诉2件，复议后起诉1件。",
        ),
    }


def test_a_year_without_requests_or_cases_says_so() -> None:
    composed = compose(blank_report(year=2024, fill=0))
    assert composed["applications"] == ("2024年，本机关未收到政府信息公开申请，无上年结转申请。",)
    assert composed["review_litigation"] == (
        "2024年，本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
    )


def test_blank_tables_give_no_sentence() -> None:
    assert compose(blank_report(year=2024)) == {
        "proactive": (),
        "applications": (),
        "review_litigation": (),
    }


def test_a_blank_cell_drops_its_clause_never_becomes_zero() -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    report = report.with_cells(
        {"applications.carried_over.total": BLANK, "applications.withheld_internal.total": BLANK}
    )
    (sentence,) = compose(report)["applications"]
    assert "上年结转" not in sentence
    assert "不予公开" not in sentence  # a group with a blank row has no sum
    assert "新收政府信息公开申请70件；办结" in sentence


def test_a_negative_count_is_summed_into_no_total() -> None:
    # Found by test_no_number_is_printed_that_the_tables_do_not_hold: -3 and 1 lawsuits
    # were stated as 被提起行政诉讼-2件, a figure no cell holds.
    report = blank_report(year=2019).with_cells(
        {
            "review_litigation.litigation_direct.total": -3,
            "review_litigation.litigation_after_review.total": 1,
            "applications.withheld_state_secret.total": -1,
            "applications.withheld_internal.total": 4,
        }
    )
    (litigation,) = compose(report)["review_litigation"]
    assert litigation == "2019年，本机关被提起的行政诉讼中，未经复议直接起诉-3件，复议后起诉1件。"
    report = report.with_cells({"applications.new_received.total": 5})
    (applications,) = compose(report)["applications"]
    assert applications.startswith("2019年，本机关新收政府信息公开申请5件")
    assert "不予公开" not in applications  # no sum of -1 and 4
    (english,) = compose(report, "en")["review_litigation"]
    assert "-2" not in english


def test_the_2019_format_states_its_own_columns() -> None:
    report = blank_report("2019", year=2020, fill=0)
    report = report.with_cells(
        {
            "proactive.licensing.items_last_year": 15,
            "proactive.licensing.change": -3,
            "proactive.licensing.decisions": 232,
            "proactive.procurement.amount": Money(Decimal("251000"), "元"),
        }
    )
    (sentence,) = compose(report)["proactive"]
    assert "行政许可上一年15项，本年减少3项，处理决定232件" in sentence
    assert "政府集中采购项目0个，采购总金额251000元" in sentence


def test_english_sentences_state_the_same_figures() -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    english = compose(report, "en")
    assert english["applications"][0].startswith(
        "In 2024 the agency received 70 new requests for government information"
    )
    assert _numbers_in(english) - {Decimal(10), Decimal(0)} <= _numbers_in(compose(report))


def test_english_sentences_read_as_english() -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    english = compose(report, "en")
    (proactive,) = english["proactive"]
    assert "repealed 0 rules and 1 administrative normative document;" in proactive
    assert "fees of 86.35 in units of 10,000 yuan" in proactive
    (applications,) = english["applications"]
    assert "21 could not be provided, 3 not processed and 3 handled otherwise" in applications
    (review,) = english["review_litigation"]
    assert "(2 upheld, 1 corrected, 0 with another outcome and 1 pending)" in review
    assert "and 3 lawsuits (2 brought without prior reconsideration and 1 brought" in review
    one = blank_report(year=2024).with_cells(
        {
            "applications.new_received.total": 1,
            "applications.carried_over.total": 1,
            "review_litigation.review.total": 1,
            "proactive.licensing.decisions": 1,
        }
    )
    singular = compose(one, "en")
    assert singular["applications"] == (
        "In 2024 the agency received 1 new request for government information; "
        "1 was carried over from last year.",
    )
    assert "made 1 decision on administrative licensing" in singular["proactive"][0]
    assert "1 application for administrative reconsideration" in singular["review_litigation"][0]


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="expected 'zh' or 'en'"):
        compose(blank_report(year=2024), "fr")  # type: ignore[arg-type]


# --- where the sentences go -----------------------------------------------------------


def _example_without_overview_text() -> Report:
    report = load(EXAMPLES / "example_2021.yaml")
    return report.with_section("overview", paragraphs=(), subsections=())


def test_into_an_overview_without_sub_headings_makes_the_two_standard_ones() -> None:
    report = _example_without_overview_text()
    overview = with_composed_text(report).section("overview")
    assert overview is not None
    composed = compose(report)
    assert overview.subsections == (
        Subsection(heading="（一）主动公开", paragraphs=composed["proactive"]),
        Subsection(
            heading="（二）依申请公开",
            paragraphs=(*composed["applications"], *composed["review_litigation"]),
        ),
    )


def test_into_the_sub_headings_that_name_them_after_their_text() -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    before = report.section("overview")
    assert before is not None
    after = with_composed_text(report).section("overview")
    assert after is not None
    assert [s.heading for s in after.subsections] == [s.heading for s in before.subsections]
    first = next(i for i, s in enumerate(before.subsections) if "主动公开" in s.heading)
    assert after.subsections[first].paragraphs == (
        *before.subsections[first].paragraphs,
        *compose(report)["proactive"],
    )


def test_other_sub_headings_stay_and_the_text_goes_before_them() -> None:
    report = _example_without_overview_text().with_section(
        "overview", subsections=(Subsection(heading="（一）政府信息管理", paragraphs=("……",)),)
    )
    overview = with_composed_text(report).section("overview")
    assert overview is not None
    assert [s.heading for s in overview.subsections] == ["（一）政府信息管理"]
    assert len(overview.paragraphs) == 3


def test_composing_twice_changes_nothing() -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    once = with_composed_text(report)
    assert with_composed_text(once) == once
    in_sections = with_composed_text(report, into="sections")
    assert with_composed_text(in_sections, into="sections") == in_sections


def test_into_sections_puts_each_sentence_before_its_table() -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    composed = compose(report)
    after = with_composed_text(report, into="sections")
    for section_id, paragraphs in composed.items():
        section = after.section(section_id)
        assert section is not None
        assert section.paragraphs[-len(paragraphs) :] == paragraphs


def test_a_missing_overview_is_added_with_its_heading() -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    report = attrs.evolve(report, sections=report.sections[1:])
    overview = with_composed_text(report).sections[0]
    assert isinstance(overview, Section)
    assert (overview.id, overview.heading) == ("overview", "一、总体情况")


def test_an_unknown_place_is_refused() -> None:
    with pytest.raises(ValueError, match="expected 'overview' or 'sections'"):
        with_composed_text(blank_report(year=2024, fill=0), into="intro")  # type: ignore[arg-type]


def test_composed_cells_of_money_keep_their_unit() -> None:
    report = blank_report(year=2024, fill=0).with_cells(
        {"proactive.fees.amount": Money(Decimal("12"), "元")}
    )
    assert "行政事业性收费金额12元" in compose(report)["proactive"][0]
