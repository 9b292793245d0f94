"""Field rules: CH.1 (text no output can store), M.1 (an agency name)."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from _checks_support import clean_report, of_code, with_meta

from govinfo_report import (
    Contact,
    ExtraRow,
    Money,
    Report,
    ReportWriteError,
    Severity,
    Status,
    Subsection,
    blank_report,
)
from govinfo_report.checks import check, is_valid
from govinfo_report.model.text import UNSTORABLE as TEXT_UNSTORABLE
from govinfo_report.writers.docx import DocxWriter
from govinfo_report.writers.markdown import MarkdownWriter

# --- CH.1 ----------------------------------------------------------------------------------


def _with_intro(text: str) -> Report:
    return attrs.evolve(clean_report(), intro=(text,))


def _section(report: Report, index: int, **changes: object) -> Report:
    sections = list(report.sections)
    sections[index] = attrs.evolve(sections[index], **changes)
    return attrs.evolve(report, sections=tuple(sections))


WRITERS = {
    "docx": lambda r: DocxWriter().write(r, io.BytesIO()),
    "markdown": lambda r: MarkdownWriter().write(r, io.BytesIO()),
    "markdown html tables": lambda r: MarkdownWriter(tables="html").write(r, io.BytesIO()),
}

UNSTORABLE = ["\x00", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\x9f", "\ud800", "\udfff"]
UNSTORABLE += ["\ufffe", "\uffff"]


def test_ch1_names_the_field_the_character_and_its_position() -> None:
    report = _section(clean_report(), 0, paragraphs=("本机关全面落实《条例》要求，\x0b工作良好。",))
    (finding,) = of_code(check(report), "CH.1")
    assert finding.severity is Severity.ERROR
    assert finding.status is Status.FAIL
    assert finding.paths == ("sections[0].paragraphs[0]",)
    assert finding.reported == "U+000B"
    assert finding.message_zh == (
        "sections[0].paragraphs[0] 第 15 个字符（“关全面落实《条例》要求，”之后）是控制字符 "
        "U+000B，无法写入 Word 或 Markdown 文档"
    )
    assert finding.message_en == (
        "sections[0].paragraphs[0] holds the control character U+000B at character 15 "
        "(after '关全面落实《条例》要求，'), which cannot be written to Word or Markdown"
    )


def test_every_character_ch1_reports_is_unprintable() -> None:
    # CH.1 passes any report whose text is all printable without searching it.
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert not any(c.isprintable() for c in TEXT_UNSTORABLE.findall(every))


def test_ch1_makes_a_report_invalid() -> None:
    assert not is_valid(_with_intro("坏\x00字"))


def test_ch1_gives_one_finding_per_field_with_the_count() -> None:
    (finding,) = of_code(check(_with_intro("\x0c第一页\x0c第二页\x0c")), "CH.1")
    assert finding.message_zh.startswith("intro[0] 第 1 个字符是控制字符 U+000C")
    assert finding.message_zh.endswith("，共 3 处")
    assert finding.message_en.endswith("; 3 in all")


def test_ch1_quotes_only_the_line_before_the_character() -> None:
    (finding,) = of_code(check(_with_intro("第一行\n第二\x07行")), "CH.1")
    assert "（“第二”之后）" in finding.message_zh


@pytest.mark.parametrize(
    ("kind_zh", "kind_en", "char"),
    [("孤立的代理码元", "a lone surrogate", "\udc80"), ("非字符", "the non-character", "\uffff")],
)
def test_ch1_says_what_kind_of_character_it_is(kind_zh: str, kind_en: str, char: str) -> None:
    (finding,) = of_code(check(_with_intro(f"字{char}")), "CH.1")
    assert f"是{kind_zh} U+{ord(char):04X}" in finding.message_zh
    assert f"holds {kind_en} U+{ord(char):04X}" in finding.message_en


def _contact(report: Report, bad: str) -> Report:
    return with_meta(report, contact=Contact(office="办公室", email=bad))


def _extra_row(report: Report, bad: str) -> Report:
    row = ExtraRow(label=bad, values=(1,), after="rules")
    return attrs.evolve(report, proactive=attrs.evolve(report.proactive, extra_rows=(row,)))


def _extra_row_unit(report: Report, bad: str) -> Report:
    row = ExtraRow(label="其他", values=(1, Money(Decimal(2), bad)))
    return attrs.evolve(report, proactive=attrs.evolve(report.proactive, extra_rows=(row,)))


def _cell_unit(report: Report, bad: str) -> Report:
    cells = {"fees.amount": Money(Decimal(3), bad)}
    return attrs.evolve(report, proactive=report.proactive.replace(cells))


def _subsection(report: Report, bad: str) -> Report:
    return _section(report, 0, subsections=(Subsection(heading="（一）", paragraphs=(bad,)),))


FIELDS: list[tuple[str, Callable[[Report, str], Report]]] = [
    ("metadata.agency", lambda r, bad: with_meta(r, agency=bad)),
    ("metadata.title", lambda r, bad: with_meta(r, title=bad)),
    ("metadata.contact.email", _contact),
    ("intro[0]", lambda r, bad: attrs.evolve(r, intro=(bad,))),
    ("sections[2].heading", lambda r, bad: _section(r, 2, heading=bad)),
    ("sections[0].subsections[0].paragraphs[0]", _subsection),
    ("proactive.extra_rows[0].label", _extra_row),
    ("proactive.extra_rows[0].values[1]", _extra_row_unit),
    ("proactive.fees.amount", _cell_unit),
]


@pytest.mark.parametrize(("path", "change"), FIELDS, ids=[p for p, _ in FIELDS])
def test_ch1_reads_every_kind_of_text_field(
    path: str, change: Callable[[Report, str], Report]
) -> None:
    (finding,) = of_code(check(change(clean_report(), "某\x01局")), "CH.1")
    assert finding.paths == (path,)


@pytest.mark.parametrize("char", UNSTORABLE, ids=[f"U+{ord(c):04X}" for c in UNSTORABLE])
@pytest.mark.parametrize("writer", list(WRITERS))
def test_what_ch1_reports_every_writer_refuses(writer: str, char: str) -> None:
    report = _with_intro(f"坏{char}字")
    assert [f.reported for f in of_code(check(report), "CH.1")] == [f"U+{ord(char):04X}"]
    with pytest.raises(ReportWriteError, match=f"U\\+{ord(char):04X}"):
        WRITERS[writer](report)


STORABLE = ["\t", "\n", "\r", " ", "\xa0", "\u3000", "\u2028", "\ufeff", "\ufffd", "😀"]


@pytest.mark.parametrize("char", STORABLE, ids=[f"U+{ord(c):04X}" for c in STORABLE])
@pytest.mark.parametrize("writer", list(WRITERS))
def test_what_ch1_passes_every_writer_writes(writer: str, char: str) -> None:
    report = _with_intro(f"好{char}字")
    assert of_code(check(report), "CH.1") == []
    WRITERS[writer](report)


# --- M.1 -----------------------------------------------------------------------------------


def test_m1_warns_that_a_new_report_names_no_agency() -> None:
    (finding,) = of_code(check(blank_report(year=2024)), "M.1")
    assert finding.severity is Severity.WARNING
    assert finding.paths == ("metadata.agency",)
    assert "2024年政府信息公开工作年度报告" in finding.message_zh
    assert finding.message_en.startswith("the agency name is empty")


@pytest.mark.parametrize("name", [" ", "\u3000", "\t "])
def test_m1_counts_a_name_of_spaces_as_none(name: str) -> None:
    assert len(of_code(check(with_meta(clean_report(), agency=name)), "M.1")) == 1


def test_m1_holds_for_a_named_agency() -> None:
    assert of_code(check(clean_report()), "M.1") == []
