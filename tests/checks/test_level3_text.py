"""The rules and tools that read a report's prose read its level-3 headings' text too:
TX.1 and TX.2 (figures and fee stated), SEC.2 (the fee stated), DUP.1 (a copied
section), MIG.TEXT (a citation of the old format), next_report (the headings carried,
the text not) and with_composed_text (a sentence already there is not added again)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from checks._checks_support import clean_report
from govinfo_report import (
    ProcessingFee,
    Report,
    Subsection,
    check,
    compose,
    load,
    migrate,
    next_report,
    with_composed_text,
)
from govinfo_report.survey._similar import compare_previous, section_text

EXAMPLE = "examples/example_2021.yaml"


def _under(report: Report, section_id: str, level3: Subsection) -> Report:
    """``report`` with one sub-heading in section ``section_id``, ``level3`` under it."""
    sub = Subsection(heading="（一）工作情况", subsections=(level3,))
    return report.with_section(section_id, paragraphs=(), subsections=(sub,))


def test_tx1_reads_a_figure_stated_under_a_level3_heading() -> None:
    level3 = Subsection(heading="1.依申请公开", paragraphs=("全年共收到政府信息公开申请999件。",))
    report = _under(load(EXAMPLE), "overview", level3)
    tx = [f for f in check(report) if f.code == "TX.1"]
    assert any("sections[0].subsections[0].subsections[0]" in f.paths for f in tx)


def test_tx2_and_sec2_read_the_fee_stated_under_a_level3_heading() -> None:
    report = attrs.evolve(clean_report(), processing_fee=ProcessingFee(amount=Decimal("120")))
    level3 = Subsection(heading="1.收费情况", paragraphs=("本年度未收取信息处理费。",))
    report = _under(report, "other", level3)
    (tx2,) = [f for f in check(report) if f.code == "TX.2"]
    assert tx2.paths[0] == "sections[5].subsections[0].subsections[0].paragraphs[0]"
    unstated = _under(attrs.evolve(report, processing_fee=None), "other", level3)
    assert [f for f in check(unstated) if f.code == "SEC.2"] == []


FEE_SENTENCE = "本年度未收取信息处理费。"
_SECTION_SIX = {
    "paragraphs[1]": ((("导语。", FEE_SENTENCE)), ()),
    "subsections[0].heading": ((), (Subsection(heading=FEE_SENTENCE),)),
    "subsections[1].paragraphs[1]": (
        ("导语。",),
        (
            Subsection(heading="（一）", paragraphs=("一。",)),
            Subsection(heading="（二）", paragraphs=("二。", FEE_SENTENCE)),
        ),
    ),
    "subsections[0].subsections[1].heading": (
        (),
        (
            Subsection(
                heading="（一）",
                paragraphs=("一。",),
                subsections=(
                    Subsection(heading="1.", paragraphs=("甲。",)),
                    Subsection(heading=FEE_SENTENCE),
                ),
            ),
        ),
    ),
}


@pytest.mark.parametrize("where", list(_SECTION_SIX))
def test_tx2_quotes_the_path_of_the_text_that_states_the_fee(where: str) -> None:
    """Only the quoted text's path is built; it is the one its place in section 六 has,
    after paragraphs, sub-headings and level-3 headings alike."""
    paragraphs, subsections = _SECTION_SIX[where]
    report = attrs.evolve(clean_report(), processing_fee=ProcessingFee(amount=Decimal("120")))
    report = report.with_section("other", paragraphs=paragraphs, subsections=subsections)
    (tx2,) = [f for f in check(report) if f.code == "TX.2"]
    assert tx2.paths[0] == f"sections[5].{where}"


def test_dup1_compares_the_text_under_level3_headings() -> None:
    base = load(EXAMPLE)
    copied = "本机关持续推进政务公开标准化规范化建设，" * 20
    level3 = Subsection(heading="1.标准化建设", paragraphs=(copied,))
    assert copied in section_text(_under(base, "overview", level3).sections[0])
    previous = _under(base.with_metadata(year=base.metadata.year - 1), "overview", level3)
    current = _under(base, "overview", level3)
    assert any(f.paths == ("sections[0]",) for f in compare_previous(current, previous))


def test_migration_points_at_a_citation_under_a_level3_heading() -> None:
    level3 = Subsection(heading="1.依据", paragraphs=("本报告根据国办公开办函〔2019〕60号编制。",))
    report = _under(clean_report("2019"), "overview", level3)
    _, findings = migrate(report)
    (text,) = [f for f in findings if f.code == "MIG.TEXT"]
    assert text.paths == ("sections[0].subsections[0].subsections[0]",)


def test_next_report_keeps_the_level3_headings_without_their_text() -> None:
    level3 = Subsection(heading="1.标准化建设", paragraphs=("去年的文字。",), run_in=True)
    previous = _under(load(EXAMPLE), "overview", level3)
    following = next_report(previous)
    (sub,) = following.sections[0].subsections
    assert sub.subsections == (attrs.evolve(level3, paragraphs=()),)


def test_composing_does_not_repeat_a_sentence_a_level3_heading_already_states() -> None:
    report = load(EXAMPLE)
    (sentence,) = compose(report)["proactive"]
    level3 = Subsection(heading="1.主动公开数据", paragraphs=(sentence,))
    sub = Subsection(heading="（一）主动公开", subsections=(level3,))
    report = report.with_section("overview", paragraphs=(), subsections=(sub,))
    composed = with_composed_text(report)
    assert composed.sections[0].subsections[0].texts.count(sentence) == 1
