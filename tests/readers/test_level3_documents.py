"""Level-3 headings (1.…) in documents: printed by the DOCX and Markdown writers, read
back exactly from our own documents, and from documents made elsewhere only where the
source marks them (a DOCX Heading 3 style or outline level, a Markdown ``####``)."""

from __future__ import annotations

import io
import re
import zipfile

import attrs
import docx
import pytest

from govinfo_report import Report, Subsection, load, read_report, render
from model.test_level3 import with_level3

PROBLEMS = 4  # the section of 洞头's report the level-3 headings go into


@pytest.mark.parametrize(
    ("to", "options"), [("docx", {}), ("markdown", {}), ("markdown", {"tables": "html"})]
)
def test_our_documents_read_back_with_their_level3_headings(
    to: str, options: dict[str, str]
) -> None:
    report = with_level3()
    back, _ = read_report(render(report, to, **options))
    assert back.sections == report.sections


@pytest.mark.parametrize("to", ["docx", "markdown"])
def test_closing_paragraphs_after_level3_headings_read_back_as_closing(to: str) -> None:
    report = with_level3(section=5, sub=1)
    other = attrs.evolve(report.sections[5], closing=("特此报告。",))
    report = report.with_section("other", closing=other.closing)
    back, _ = read_report(render(report, to))
    assert back.sections == report.sections


def test_only_run_in_level3_headings_tell_apart_in_the_markdown_front_matter() -> None:
    report = with_level3(
        (
            Subsection(heading="1.一。", paragraphs=["甲。"], run_in=True),
            Subsection(heading="2.二。", paragraphs=["乙。"], run_in=True),
        )
    )
    markdown = render(report, "markdown").decode()
    # 洞头's section 五 runs its two sub-headings in: the second's level-3 headings are
    # run-in headings 2 and 3 of the document.
    assert "\nlevel3_run_in: [2, 3]\n" in markdown
    assert "**1\\.一。** 甲。" in markdown
    assert "level3_run_in" not in render(load("examples/dongtou_2020.yaml"), "markdown").decode()


def test_markdown_prints_level3_headings_as_level4_headings_after_the_subsections_text() -> None:
    markdown = render(with_level3(), "markdown").decode()
    lead = load("examples/dongtou_2020.yaml").sections[PROBLEMS].subsections[1].paragraphs[-1]
    assert markdown.index(lead) < markdown.index("#### 1\\.加强组织领导。\n\n成立工作专班。")
    assert "**2\\.完善制度。** 修订公开指南。\n\n建立台账。" in markdown


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode()


def test_docx_prints_level3_headings_in_heading3_kept_with_the_next_paragraph() -> None:
    xml = _document_xml(render(with_level3(), "docx"))
    heading = re.search(r"<w:p><w:pPr><w:pStyle w:val=\"Heading3\"/>(.*?)</w:p>", xml)
    assert heading is not None
    assert "<w:keepNext/>" in heading[1]
    assert "1.加强组织领导。" in heading[1]
    run_in = re.search(r'<w:rStyle w:val="RunInHeading3"/></w:rPr><w:t[^>]*>([^<]*)<', xml)
    assert run_in is not None
    assert run_in[1] == "2.完善制度。"


def test_the_level3_styles_are_bold_fangsong_indented_like_body_text() -> None:
    document = docx.Document(io.BytesIO(render(with_level3(), "docx")))
    heading3 = document.styles["Heading 3"]
    assert heading3.font.bold is True
    assert heading3.element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == "仿宋_GB2312"
    assert heading3.font.size.pt == 16
    indent = heading3.element.pPr.find(docx.oxml.ns.qn("w:ind"))
    assert indent.get(docx.oxml.ns.qn("w:firstLineChars")) == "200"
    assert document.styles["Run-in Heading 3"].font.bold is True


def _foreign_docx(*paragraphs: tuple[str, str | None, bool]) -> bytes:
    """A document made elsewhere (python-docx's template): (text, style, bold)."""
    document = docx.Document()
    document.add_paragraph("某局2024年政府信息公开工作年度报告", "Title")
    for text, style, bold in paragraphs:
        paragraph = document.add_paragraph(style=style)
        paragraph.add_run(text).bold = bold
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _problems(report: Report) -> tuple[Subsection, ...]:
    section = report.section("problems")
    assert section is not None
    return section.subsections


def test_a_docx_from_elsewhere_gives_level3_headings_for_its_heading3_paragraphs() -> None:
    data = _foreign_docx(
        ("五、存在的主要问题及改进情况", "Heading 1", False),
        ("（一）改进措施", "Heading 2", False),
        ("总的来说。", None, False),
        ("1.加强组织领导", "Heading 3", False),
        ("成立专班。", None, False),
        ("2.完善制度", None, True),  # bold and numbered: as often a list item
        ("（1）细则", "Heading 4", False),
        ("六、其他需要报告的事项", "Heading 1", False),
    )
    report, _ = read_report(data, "docx")
    assert _problems(report) == (
        Subsection(
            heading="（一）改进措施",
            paragraphs=("总的来说。",),
            subsections=(
                Subsection(
                    heading="1.加强组织领导", paragraphs=("成立专班。", "2.完善制度", "（1）细则")
                ),
            ),
        ),
    )


def test_a_heading3_before_any_subheading_is_a_paragraph() -> None:
    data = _foreign_docx(
        ("五、存在的主要问题及改进情况", "Heading 1", False),
        ("1.加强组织领导", "Heading 3", False),
        ("六、其他需要报告的事项", "Heading 1", False),
    )
    report, _ = read_report(data, "docx")
    section = report.section("problems")
    assert section is not None
    assert (section.paragraphs, section.subsections) == (("1.加强组织领导",), ())


MARKDOWN = """# 某局2024年政府信息公开工作年度报告

## 五、存在的主要问题及改进情况

#### （一）存在的问题

一是……

### （二）改进措施

总的来说。

#### 1.加强组织领导

成立专班。

1. 列表项

#### 2.完善制度

修订指南。

## 六、其他需要报告的事项
"""


def test_markdown_from_elsewhere_gives_level3_headings_for_level4_headings_in_a_subsection() -> (
    None
):
    report, _ = read_report(MARKDOWN.encode(), "markdown")
    first, second = _problems(report)
    assert (first.heading, first.paragraphs, first.subsections) == (
        "（一）存在的问题",
        ("一是……",),
        (),
    )
    assert second == Subsection(
        heading="（二）改进措施",
        paragraphs=("总的来说。",),
        subsections=(
            Subsection(heading="1.加强组织领导", paragraphs=("成立专班。", "列表项")),
            Subsection(heading="2.完善制度", paragraphs=("修订指南。",)),
        ),
    )


def test_plain_text_keeps_numbered_paragraphs_as_paragraphs() -> None:
    lines = [
        "某局2024年政府信息公开工作年度报告",
        "五、存在的主要问题及改进情况",
        "（一）改进措施",
        "1.加强组织领导。成立专班。",
        "六、其他需要报告的事项",
    ]
    text = "\n".join(lines)
    report, _ = read_report(text.encode(), "text")
    (sub,) = _problems(report)
    assert sub.subsections == ()
    assert sub.paragraphs == ("1.加强组织领导。成立专班。",)
