"""A report printed on an office's template: the template's letterhead on every page, the
writer's A4 GB/T 9704 page setup and styles, the template's own only when asked."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx_grid import render, reopen
from lxml import etree

from govinfo_report.serialize import load

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REPORT = load(EXAMPLES / "example_2021.yaml")
RED_HEAD = "安澜县自然资源局文件"


def save(document: docx.document.Document, path: Path) -> Path:
    document.save(path)
    return path


def red_head(paragraph: docx.text.paragraph.Paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(RED_HEAD)
    run.font.color.rgb = RGBColor(0xFF, 0, 0)
    run.font.size = Pt(26)


@pytest.fixture
def letterhead(tmp_path: Path) -> Path:
    """python-docx's own document (US Letter, Calibri styles) with a 红头 in its header."""
    document = docx.Document()
    red_head(document.sections[0].header.paragraphs[0])
    document.add_paragraph("模板里的示例正文")
    return save(document, tmp_path / "letterhead.docx")


def part_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def header_references(data: bytes) -> dict[str, str]:
    """``w:type`` → the text of the header part each ``w:headerReference`` points at."""
    document = reopen(data)
    sect = document.element.body.find(qn("w:sectPr"))
    texts = {}
    for ref in sect.iterfind(qn("w:headerReference")):
        part = document.part.related_parts[ref.get(qn("r:id"))]
        texts[ref.get(qn("w:type"))] = "".join(t.text or "" for t in part.element.iter(qn("w:t")))
    return texts


def even_and_odd(data: bytes) -> bool:
    return part_xml(data, "word/settings.xml").find(qn("w:evenAndOddHeaders")) is not None


# --- the writer's page setup and styles -----------------------------------------------------


def test_report_on_a_letterhead_is_printed_on_a4_with_our_margins(letterhead: Path) -> None:
    section = reopen(render(REPORT, template=letterhead)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]


def test_report_on_a_letterhead_has_our_line_grid(letterhead: Path) -> None:
    sect = reopen(render(REPORT, template=letterhead)).element.body.find(qn("w:sectPr"))
    assert sect.find(qn("w:docGrid")).get(qn("w:linePitch")) == "579"
    assert [child.tag.split("}")[1] for child in sect][-3:] == ["pgMar", "cols", "docGrid"]


def test_title_style_on_a_letterhead_is_ours(letterhead: Path) -> None:
    document = reopen(render(REPORT, template=letterhead))
    title = document.styles["Title"]
    assert title.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert title.font.size == Pt(22)
    assert title.font.color.rgb is None  # not the template's blue
    assert document.paragraphs[0].style.name == "Title"


def test_body_text_on_a_letterhead_is_ours(letterhead: Path) -> None:
    normal = reopen(render(REPORT, template=letterhead)).styles["Normal"]
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert normal.paragraph_format.line_spacing == Pt(28.95)
    assert normal.paragraph_format.first_line_indent == Pt(32)
    assert normal.element.pPr.find(qn("w:widowControl")).get(qn("w:val")) == "0"


def test_punctuation_on_a_letterhead_is_compressed_as_ours(letterhead: Path) -> None:
    settings = part_xml(render(REPORT, template=letterhead), "word/settings.xml")
    control = settings.find(qn("w:characterSpacingControl"))
    assert control.get(qn("w:val")) == "compressPunctuation"


def test_template_layout_keeps_the_templates_page_size_and_styles(letterhead: Path) -> None:
    data = render(REPORT, template=letterhead, template_layout=True)
    document = reopen(data)
    section = document.sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (215.9, 279.4)
    assert document.styles["Title"].element.rPr.rFonts.get(qn("w:eastAsia")) is None
    control = part_xml(data, "word/settings.xml").find(qn("w:characterSpacingControl"))
    assert control.get(qn("w:val")) == "doNotCompress"  # python-docx's own document's


def test_section_settings_the_writer_does_not_own_are_the_templates(tmp_path: Path) -> None:
    document = docx.Document()
    sect = document.sections[0]._sectPr
    number_type = etree.SubElement(sect, qn("w:pgNumType"))
    number_type.set(qn("w:fmt"), "decimal")
    number_type.set(qn("w:start"), "3")
    sect.find(qn("w:cols")).addprevious(number_type)  # where the schema puts it
    template = save(document, tmp_path / "numbered-from-3.docx")
    result = reopen(render(REPORT, template=template)).element.body.find(qn("w:sectPr"))
    assert result.find(qn("w:pgNumType")).get(qn("w:start")) == "3"
    assert result.find(qn("w:pgSz")).get(qn("w:w")) == "11906"  # A4, not Letter


# --- the letterhead on every page -------------------------------------------------------------


def test_default_header_only_is_on_the_first_and_the_even_pages(letterhead: Path) -> None:
    data = render(REPORT, template=letterhead)
    assert even_and_odd(data)  # the page numbers: odd pages right, even pages left
    # page 1 (no different first page) takes the default header, page 2 the even one
    assert header_references(data) == {"default": RED_HEAD, "even": RED_HEAD}
    section = reopen(data).sections[0]
    assert section.even_page_header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert section.footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert section.even_page_footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_even_header_copy_keeps_the_letterheads_picture(tmp_path: Path) -> None:
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(tiny_png()))
    red_head(header)
    data = render(REPORT, template=save(document, tmp_path / "logo.docx"))
    even = reopen(data).sections[0].even_page_header.part
    blips = list(even.element.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
    assert len(blips) == 1
    assert even.related_parts[blips[0].get(qn("r:embed"))].blob == tiny_png()


def test_template_with_its_own_even_header_keeps_it(tmp_path: Path) -> None:
    document = docx.Document()
    document.settings.odd_and_even_pages_header_footer = True
    red_head(document.sections[0].header.paragraphs[0])
    document.sections[0].even_page_header.paragraphs[0].text = "双页眉"
    data = render(REPORT, template=save(document, tmp_path / "both.docx"))
    assert header_references(data) == {"default": RED_HEAD, "even": "双页眉"}


def test_template_with_its_own_footer_shows_its_header_on_every_page(tmp_path: Path) -> None:
    document = docx.Document()
    red_head(document.sections[0].header.paragraphs[0])
    document.sections[0].footer.paragraphs[0].text = "某某局印发"
    data = render(REPORT, template=save(document, tmp_path / "footer.docx"))
    assert not even_and_odd(data)
    assert header_references(data) == {"default": RED_HEAD}


def test_first_page_red_head_keeps_page_numbers_on_every_page(tmp_path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    red_head(section.first_page_header.paragraphs[0])
    data = render(REPORT, template=save(document, tmp_path / "first.docx"))
    assert header_references(data) == {"first": RED_HEAD}
    result = reopen(data).sections[0]
    assert result.different_first_page_header_footer
    for footer in (result.first_page_footer, result.footer, result.even_page_footer):
        assert footer.paragraphs[0].text.startswith("— ")
    assert result.first_page_footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_letterhead_of_an_earlier_template_section_is_kept(tmp_path: Path) -> None:
    document = docx.Document()
    red_head(document.sections[0].header.paragraphs[0])
    document.add_paragraph("封面")
    document.add_section(WD_SECTION.NEW_PAGE)  # inherits the header: no reference of its own
    assert document.sections[-1].header.is_linked_to_previous
    data = render(REPORT, template=save(document, tmp_path / "two-sections.docx"))
    assert header_references(data) == {"default": RED_HEAD, "even": RED_HEAD}
    assert "封面" not in [p.text for p in reopen(data).paragraphs]


def tiny_png() -> bytes:
    """A 1 × 1 pixel PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
