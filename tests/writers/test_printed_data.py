"""The writers print the contact details and the fee where the prose does not state them.

The sentence is visible in the document (DOCX and Markdown), appears only when the prose
lacks it, and reading our own output back gives the report that was written, with the
sentence taken out again; read without our record, the document states the contact and
the fee in a form the readers take them from.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import docx
import pytest

from govinfo_report import (
    Contact,
    ProcessingFee,
    Report,
    Subsection,
    _stated,
    blank_report,
    load,
)
from govinfo_report.readers import read_report
from govinfo_report.readers.docx import DocxReader
from govinfo_report.readers.markdown import MarkdownReader
from govinfo_report.writers import render

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONTACT = Contact(
    office="沭阳县发展和改革局办公室",
    address="沭阳县沭城街道苏州东路42号",
    postcode="223600",
    phone="0527-83593059",
)
NO_FEE = ProcessingFee(amount=Decimal(0))
CONTACT_SENTENCE = (
    "如对本报告有疑问，请与沭阳县发展和改革局办公室联系"
    "（地址：沭阳县沭城街道苏州东路42号，邮编：223600，电话：0527-83593059）。"
)


def _report(
    *,
    intro: tuple[str, ...] = ("本报告依据《中华人民共和国政府信息公开条例》编制。",),
    other: tuple[str, ...] = ("无其他需要报告的事项。",),
    fee: ProcessingFee | None = NO_FEE,
    contact: Contact | None = CONTACT,
) -> Report:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    report = report.with_section("other", paragraphs=other)
    meta = attrs.evolve(report.metadata, contact=contact)
    return attrs.evolve(report, metadata=meta, intro=intro, processing_fee=fee)


def _docx_paragraphs(report: Report) -> list[str]:
    document = docx.Document(io.BytesIO(render(report, "docx")))
    return [p.text for p in document.paragraphs]


def _without_property(data: bytes) -> bytes:
    """A DOCX of ours without the custom property that carries our record."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "docProps/custom.xml":
                target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


# --- what is printed ------------------------------------------------------------------


def test_contact_is_printed_at_the_end_of_the_intro_when_the_prose_lacks_it() -> None:
    paragraphs = _docx_paragraphs(_report())
    intro_end = paragraphs.index("一、总体情况") - 1
    assert paragraphs[intro_end] == CONTACT_SENTENCE


def test_fee_is_printed_in_section_six_before_its_sub_headings() -> None:
    report = _report(fee=ProcessingFee(amount=Decimal("120.50"), applications=3))
    other = attrs.evolve(
        report.sections[5], subsections=(Subsection(heading="（一）其他", paragraphs=("无。",)),)
    )
    report = attrs.evolve(report, sections=(*report.sections[:5], other))
    paragraphs = _docx_paragraphs(report)
    six = paragraphs.index("六、其他需要报告的事项")
    assert paragraphs[six + 1 : six + 4] == [
        "无其他需要报告的事项。",
        "本年度对3件政府信息公开申请收取信息处理费120.50元。",
        "（一）其他",
    ]


def test_a_fee_of_nothing_is_printed_as_not_charged() -> None:
    text = render(_report(), "markdown").decode("utf-8")
    assert "\n\n本年度未收取政府信息公开信息处理费。\n\n" in text


def test_amount_is_printed_in_digits_never_as_an_exponent() -> None:
    assert _stated.fee_sentence(ProcessingFee(amount=Decimal("1E+2"))) == (
        "本年度收取政府信息公开信息处理费100元。"
    )


def test_markdown_prints_both_sentences_where_the_docx_does() -> None:
    text = render(_report(), "markdown").decode("utf-8")
    assert f"编制。\n\n{CONTACT_SENTENCE}\n\n## 一、总体情况" in text


def test_contact_stated_in_the_prose_is_not_printed_again() -> None:
    # The 2021 example states its contact in the intro; section 六 of 洞头's report
    # states office and phone in its closing paragraph, with no fee.
    for name in ("example_2021.yaml", "dongtou_2020.yaml"):
        report = load(EXAMPLES / name)
        assert _stated.as_printed(report).added == ()
        assert render(report, "markdown").decode("utf-8").count("如对本报告有") <= 1


def test_contact_details_match_with_other_widths_spaces_and_dashes() -> None:
    stated = (
        "联系电话：０５２７—８３５９ ３０５９，地址：沭阳县沭城街道苏州东路42号，邮编：223600。"
    )
    report = _report(intro=(f"如有疑问请联系沭阳县发展和改革局办公室，{stated}",))
    assert _stated.CONTACT not in _stated.as_printed(report).added


def test_a_contact_detail_missing_from_the_prose_prints_the_whole_sentence() -> None:
    report = _report(intro=("联系电话：0527-83593059。",))
    assert _stated.as_printed(report).report.intro[-1] == CONTACT_SENTENCE


def test_contact_without_an_office_names_the_agency() -> None:
    report = _report(contact=Contact(phone="0527-83593059"))
    assert _stated.as_printed(report).report.intro[-1] == (
        "如对本报告有疑问，请与沭阳县发展和改革局联系（电话：0527-83593059）。"
    )


@pytest.mark.parametrize("contact", [None, Contact(), Contact(office=" ")])
def test_no_contact_detail_prints_no_sentence(contact: Contact | None) -> None:
    assert _stated.CONTACT not in _stated.as_printed(_report(contact=contact)).added


@pytest.mark.parametrize(
    "text",
    [
        "本年度未收取信息处理费。",
        "本机关未收取任何费用。",
        "2023年度，县发展和改革局政府信息公开未发生收费情况。",
        "全年收取政府信息公开信息处理费 35 元。",  # another amount: TX.2's to say
    ],
)
def test_fee_stated_in_section_six_is_not_printed_again(text: str) -> None:
    report = _report(other=(text,))
    assert _stated.as_printed(report).added == (_stated.CONTACT,)


def test_an_ambiguous_fee_statement_does_not_count_as_stated() -> None:
    report = _report(other=("本年度行政事业性收费项目无变化。",))
    assert _stated.FEE in _stated.as_printed(report).added


def test_without_section_six_the_fee_has_nowhere_to_be_printed() -> None:
    report = _report()
    report = attrs.evolve(report, sections=report.sections[:5])
    printed = _stated.as_printed(report)
    assert printed.added == (_stated.CONTACT,)
    assert printed.report.sections == report.sections


def test_no_fee_prints_no_fee_sentence() -> None:
    assert _stated.as_printed(_report(fee=None)).added == (_stated.CONTACT,)


# --- reading our own output back ------------------------------------------------------


@pytest.mark.parametrize("writer", ["docx", "markdown"])
@pytest.mark.parametrize(
    "fee", [ProcessingFee(amount=Decimal(0)), ProcessingFee(amount=Decimal("80.5"), applications=2)]
)
def test_printed_sentences_are_taken_out_again_on_reading(writer: str, fee: ProcessingFee) -> None:
    report = _report(fee=fee)
    assert len(_stated.as_printed(report).added) == 2
    assert read_report(render(report, writer), writer, name=f"x.{writer}").report == report


@pytest.mark.parametrize("writer", ["docx", "markdown"])
def test_report_whose_prose_ends_with_the_sentence_keeps_it(writer: str) -> None:
    # The prose states the contact with exactly our sentence: nothing is printed, and
    # reading back must not take the author's own paragraph for ours.
    report = _report(
        intro=("本报告依据《条例》编制。", CONTACT_SENTENCE),
        other=("一是……", _stated.fee_sentence(ProcessingFee(amount=Decimal(0)))),
    )
    assert _stated.as_printed(report).added == ()
    assert read_report(render(report, writer), writer, name=f"x.{writer}").report == report


@pytest.mark.parametrize("writer", ["docx", "markdown"])
def test_an_empty_intro_and_section_six_read_back_empty(writer: str) -> None:
    report = _report(intro=(), other=())
    report = report.with_section("other", subsections=(Subsection(heading="（一）其他"),))
    read = read_report(render(report, writer), writer, name=f"x.{writer}").report
    assert read == report


def test_a_printed_sentence_edited_after_writing_stays_as_prose() -> None:
    report = _report()
    text = render(report, "markdown").decode("utf-8")
    edited = text.replace("电话：0527-83593059）", "电话：0527-83593000）", 1)
    read = MarkdownReader().read(edited.encode("utf-8"), source="x.md").report
    assert read.intro[-1].endswith("电话：0527-83593000）。")


def test_docx_read_without_our_record_takes_contact_and_fee_from_the_sentences() -> None:
    report = _report(
        intro=("本报告依据《条例》编制。",),
        fee=ProcessingFee(amount=Decimal("120"), applications=3),
    )
    result = DocxReader().read(_without_property(render(report, "docx")), source="x.docx")
    assert result.report.metadata.contact == CONTACT
    assert result.report.processing_fee == report.processing_fee
    assert result.report.intro[-1] == CONTACT_SENTENCE


def test_reading_back_and_writing_again_does_not_print_twice() -> None:
    report = _report()
    once = DocxReader().read(_without_property(render(report, "docx")), source="x.docx").report
    assert _stated.as_printed(once).added == ()


def test_record_names_the_sentences_that_were_added() -> None:
    text = render(_report(fee=None), "markdown").decode("utf-8")
    assert '\nprinted: ["contact"]\n' in text
    assert "\nprinted:" not in render(_report(fee=None, contact=None), "markdown").decode()


@pytest.mark.parametrize("value", ['["signature"]', '"contact"'])
def test_a_record_naming_an_unknown_sentence_is_a_finding(value: str) -> None:
    text = render(_report(), "markdown").decode("utf-8")
    text = text.replace('printed: ["contact", "processing_fee"]', f"printed: {value}")
    result = MarkdownReader().read(text.encode("utf-8"), source="x.md")
    (finding,) = [f for f in result.findings if f.code == "R.MARKDOWN.FRONT_MATTER"]
    assert "embedded printed must be a list of 'contact', 'processing_fee'" in finding.message_en
