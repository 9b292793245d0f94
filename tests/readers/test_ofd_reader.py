"""The OFD reader: an OFD document reads as the PDF it was made from.

No OFD writer is installed here, so ``fixtures/ofd/make.py`` writes the PDF fixtures'
pages (as the PDF source reads them) into OFD packages, in the two ways producers write
text: a text object per run with ``DeltaX`` advances and a template page (office
programs), and one per character through a CTM in points with filled rectangles for the
rules (PDF converters). Each must read to the very report the PDF reads to: the same
layout analysis reads both, so what is tested here is that the OFD is placed right.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from govinfo_report.cli import run
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import detect, read_report
from govinfo_report.readers._ofd_source import deltas, read_pages
from govinfo_report.readers._pdf_source import MAX_PAGES, open_document
from govinfo_report.readers._pdf_source import read_pages as pdf_pages

FIXTURES = Path(__file__).parents[1] / "fixtures"
OFD = FIXTURES / "ofd"
PDFS = sorted(
    p
    for p in [*(FIXTURES / "pdf").glob("*.pdf"), *(FIXTURES / "pdf_wps").glob("*.pdf")]
    if p.name != "e_image_only.pdf"
)
NS = "http://www.ofdspec.org/2016"


def made(pdf: Path, style: str) -> bytes:
    """The OFD ``make.py`` writes of ``pdf`` in ``style``."""
    from fixtures.ofd import make

    document = open_document(pdf.read_bytes(), pdf.name)
    try:
        pages = pdf_pages(document, pdf.name)
    finally:
        document.close()
    return make.package(pages, style)


@pytest.mark.parametrize("style", ["runs", "glyphs"])
def test_the_committed_fixtures_read_as_their_pdf(style: str) -> None:
    ofd = read_report(OFD / f"full_2023_{style}.ofd")
    pdf = read_report(FIXTURES / "pdf" / "full_2023.pdf")
    assert ofd.report == pdf.report
    assert [f.code for f in ofd.findings] == [f.code for f in pdf.findings]
    assert ofd.report.metadata.year == 2023


@pytest.mark.parametrize("style", ["runs", "glyphs"])
@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_every_pdf_fixture_written_as_ofd_reads_the_same(pdf: Path, style: str) -> None:
    assert read_report(made(pdf, style), suffix=".ofd").report == read_report(pdf).report


def test_an_ofd_is_told_by_its_content_and_named_by_its_suffix() -> None:
    data = (OFD / "full_2023_runs.ofd").read_bytes()
    assert detect(data).name == "ofd"
    assert detect(data, ".zip").name == "ofd"
    with pytest.raises(ReportReadError, match=r"x\.ofd is not a \.ofd document: it does not start"):
        read_report(b"not a zip at all", suffix=".ofd", name="x.ofd")


def test_the_template_header_is_read_and_left_out_as_a_running_header() -> None:
    pages = read_pages((OFD / "full_2023_runs.ofd").read_bytes(), "t.ofd")
    header = "政府信息公开工作年度报告"
    for page in pages:
        top = "".join(c.text for c in page.chars if c.bottom < page.height * 0.1)
        assert header in top
    text = str(read_report(OFD / "full_2023_runs.ofd").report.sections)
    assert len(pages) > 1
    assert text.count(header) == str(
        read_report(FIXTURES / "pdf" / "full_2023.pdf").report.sections
    ).count(header)


def test_validate_and_import_take_an_ofd_and_one_named_zip(tmp_path: Path) -> None:
    out = tmp_path / "r.yaml"
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run(["import", str(OFD / "full_2023_glyphs.ofd"), "-o", str(out)], stdout, stderr) == 0
    assert out.exists()
    zipped = tmp_path / "年报.zip"
    shutil.copy(OFD / "full_2023_runs.ofd", zipped)
    stdout = io.StringIO()
    run(["validate", "--jsonl", str(zipped)], stdout, io.StringIO())
    assert '"status": "unusable"' not in stdout.getvalue()
    assert f"{zipped}#" not in stdout.getvalue()  # read as the document, not as a bundle


def test_deltax_repeats_are_expanded_and_bounded() -> None:
    assert deltas("3 g 3 4.5 1", 10) == [3.0, 4.5, 4.5, 4.5, 1.0]
    assert deltas("g 1000000000 1", 4) == [1.0] * 4  # never more than the run needs
    assert deltas("1 x 2", 10) == [1.0]  # a malformed value ends the list
    assert deltas("g 2", 10) == []
    assert deltas(None, 10) == []
    assert deltas("nan 1", 10) == [0.0, 1.0]


def ofd(page: str, *, document: str | None = None, doc_root: str = "Doc_0/Document.xml") -> bytes:
    """A one-page OFD package with ``page`` as the page's ``Content`` element's inside."""
    if document is None:
        document = (
            f'<ofd:Document xmlns:ofd="{NS}"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>'
            "0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>"
            '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>'
        )
    files = {
        "OFD.xml": f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>{doc_root}'
        "</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": document,
        "Doc_0/Pages/Page_0/Content.xml": f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
        f'<ofd:Layer ID="1">{page}</ofd:Layer></ofd:Content></ofd:Page>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buffer.getvalue()


TEXT = (
    '<ofd:TextObject ID="2" Boundary="20 30 100 10" Size="5"{attrs}>'
    '<ofd:TextCode X="0" Y="4" DeltaX="g 3 5">政府信息</ofd:TextCode></ofd:TextObject>'
)


def test_characters_are_placed_in_points_from_the_page_corner() -> None:
    [page] = read_pages(ofd(TEXT.format(attrs="")), "t.ofd")
    mm = 72 / 25.4
    assert (round(page.width), round(page.height)) == (595, 842)  # A4 in points
    assert "".join(c.text for c in page.chars) == "政府信息"
    first, last = page.chars[0], page.chars[-1]
    assert first.x0 == pytest.approx(20 * mm)
    assert last.x0 == pytest.approx(35 * mm)  # three advances of 5 mm
    assert first.bottom == pytest.approx((30 + 4 + 0.6) * mm)  # baseline + descent
    assert first.size == pytest.approx(5 * mm)


def test_a_short_deltax_goes_on_with_its_last_advance_and_none_with_the_widths() -> None:
    short = TEXT.format(attrs="").replace('DeltaX="g 3 5"', 'DeltaX="6"')
    [page] = read_pages(ofd(short), "t.ofd")
    mm = 72 / 25.4
    assert [round(c.x0 / mm) for c in page.chars] == [20, 26, 32, 38]
    none = TEXT.format(attrs="").replace(' DeltaX="g 3 5"', "").replace("政府信息", "政A信")
    [page] = read_pages(ofd(none), "t.ofd")
    assert [round(c.x0 / mm, 1) for c in page.chars] == [20, 25, 27.5]  # A: half as wide


def test_a_ctm_scales_and_moves_what_it_holds() -> None:
    # Points to millimetres, as PDF converters write: the text sits where it did.
    s = 25.4 / 72
    obj = (
        f'<ofd:TextObject ID="2" Boundary="20 30 100 10" Size="14.17" CTM="{s} 0 0 {s} 0 0">'
        '<ofd:TextCode X="0" Y="11.34">政</ofd:TextCode></ofd:TextObject>'
    )
    [page] = read_pages(ofd(obj), "t.ofd")
    [char] = page.chars
    assert char.x0 == pytest.approx(20 * 72 / 25.4)
    assert char.size == pytest.approx(14.17, rel=1e-3)


def test_a_ctm_of_infinity_and_text_off_the_page_are_not_read() -> None:
    # A CTM of 10^308 puts characters at infinity (and, before, NaN into the watermark
    # search: "cannot convert float NaN to integer"); an object placed beyond the page
    # is not shown. Neither is read; one partly on the page is cut to it.
    objects = (
        TEXT.format(attrs="")
        + '<ofd:TextObject ID="5" Boundary="20 60 100 10" Size="5" CTM="1e308 0 0 1e308 0 0">'
        '<ofd:TextCode X="1" Y="4">无穷</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject ID="6" Boundary="400 30 100 10" Size="5">'
        '<ofd:TextCode X="0" Y="4">外</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject ID="7" Boundary="208 30 100 10" Size="5">'
        '<ofd:TextCode X="0" Y="4">边</ofd:TextCode></ofd:TextObject>'
    )
    [page] = read_pages(ofd(objects), "t.ofd")
    assert "".join(c.text for c in page.chars) == "政府信息边"
    assert page.chars[-1].x1 == pytest.approx(page.width)


def test_lines_are_read_from_strokes_and_thin_fills_and_curves_are_not() -> None:
    paths = (
        '<ofd:PathObject ID="3" Boundary="10 10 100 50"><ofd:AbstractData>M 0 0 L 100 0 '
        "L 100 50 L 0 50 C</ofd:AbstractData></ofd:PathObject>"
        '<ofd:PathObject ID="4" Boundary="10 80 100 0.2" Fill="true" Stroke="false">'
        "<ofd:AbstractData>M0 0L100 0L100 0.2L0 0.2C</ofd:AbstractData></ofd:PathObject>"
        '<ofd:PathObject ID="5" Boundary="10 90 50 50"><ofd:AbstractData>M 0 0 B 10 10 20 20 '
        "30 30</ofd:AbstractData></ofd:PathObject>"
        '<ofd:PathObject ID="6" Boundary="10 90 50 50" Stroke="false"><ofd:AbstractData>'
        "M 0 0 L 50 0</ofd:AbstractData></ofd:PathObject>"
    )
    [page] = read_pages(ofd(paths), "t.ofd")
    mm = 72 / 25.4
    horizontal = sorted(round(e.top / mm, 1) for e in page.edges if e.horizontal)
    vertical = sorted(round(e.x0 / mm, 1) for e in page.edges if not e.horizontal)
    assert horizontal == [10.0, 60.0, 80.1]  # the box's two sides, the thin fill
    assert vertical == [10.0, 110.0]


def test_hidden_objects_malformed_numbers_and_images() -> None:
    page_xml = (
        TEXT.format(attrs=' Visible="false"')
        + '<ofd:TextObject ID="7" Boundary="a b c d" Size="5"><ofd:TextCode X="0" Y="4">坏'
        "</ofd:TextCode></ofd:TextObject>"
        '<ofd:ImageObject ID="8" Boundary="0 0 210 297" ResourceID="9"/>'
    )
    [page] = read_pages(ofd(page_xml), "t.ofd")
    assert page.chars == ()
    assert page.images == 1
    with pytest.raises(ReportReadError, match=r"t\.ofd has no text: its 1 page\(s\) are images"):
        read_report(ofd(page_xml), name="t.ofd")


def test_a_page_located_from_the_root_or_by_a_child_element_is_found() -> None:
    # Both seen in the wild: BaseLoc as an element, and a path from the package's root.
    document = (
        f'<ofd:Document xmlns:ofd="{NS}"><ofd:Pages><ofd:Page ID="1">'
        "<ofd:BaseLoc>Doc_0/Pages/Page_0/Content.xml</ofd:BaseLoc></ofd:Page></ofd:Pages>"
        "</ofd:Document>"
    )
    [page] = read_pages(ofd(TEXT.format(attrs=""), document=document), "t.ofd")
    assert "".join(c.text for c in page.chars) == "政府信息"


def test_a_part_named_outside_the_package_is_refused() -> None:
    with pytest.raises(ReportReadError, match="outside the package"):
        read_pages(ofd(TEXT.format(attrs=""), doc_root="../../etc/passwd"), "t.ofd")
    with pytest.raises(ReportReadError, match=r"has no part 'Doc_1/Document\.xml'"):
        read_pages(ofd(TEXT.format(attrs=""), doc_root="/Doc_1/Document.xml"), "t.ofd")


def test_a_doctype_is_refused_and_too_many_pages_too() -> None:
    evil = ofd(TEXT.format(attrs=""), document='<!DOCTYPE x [<!ENTITY a "b">]><x/>')
    with pytest.raises(ReportReadError, match="DOCTYPE"):
        read_pages(evil, "t.ofd")
    many = "".join(
        f'<ofd:Page ID="{k}" BaseLoc="Pages/Page_0/Content.xml"/>' for k in range(MAX_PAGES + 1)
    )
    document = f'<ofd:Document xmlns:ofd="{NS}"><ofd:Pages>{many}</ofd:Pages></ofd:Document>'
    with pytest.raises(ReportReadError, match=f"has {MAX_PAGES + 1} pages; the limit"):
        read_pages(ofd(TEXT.format(attrs=""), document=document), "t.ofd")


def test_a_zip_without_ofd_xml_is_no_ofd() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("Doc_0/Document.xml", "<x/>")
    with pytest.raises(ReportReadError, match=r"has no part 'OFD\.xml'"):
        read_report(buffer.getvalue(), "ofd", name="t.ofd")


# --- characters that are glyph numbers --------------------------------------------------------


def _in_private_use(ofd_data: bytes, pages: set[str], *, every: bool = False) -> bytes:
    """``ofd_data`` with every CJK character (``every``: every character) of the named
    pages' text written as a Private Use Area stand-in, as producers that know only the
    glyphs write it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ofd_data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if any(item.filename.startswith(f"Doc_0/Pages/{page}/") for page in pages):
                page = etree.fromstring(data)
                for code in page.iter(f"{{{NS}}}TextCode"):
                    code.text = "".join(
                        chr(0xE000 + ord(c) % 0x1000)
                        if (every and not c.isspace()) or "\u4e00" <= c <= "\u9fff"
                        else c
                        for c in code.text or ""
                    )
                data = etree.tostring(page, xml_declaration=True, encoding="UTF-8")
            target.writestr(item, data)
    return out.getvalue()


def test_private_use_characters_are_counted_and_left_out() -> None:
    obj = TEXT.format(attrs="").replace("政府信息", "政\ue001府\ufffd")
    [page] = read_pages(ofd(obj), "t.ofd")
    assert "".join(c.text for c in page.chars) == "政府"
    assert page.unmapped == 2
    mm = 72 / 25.4
    assert [round(c.x0 / mm) for c in page.chars] == [20, 30]  # the advances still apply
    bullet = TEXT.format(attrs="").replace("政府信息", "\uf0b7政府信")  # Word's bullet
    [page] = read_pages(ofd(bullet), "t.ofd")
    assert ("".join(c.text for c in page.chars), page.unmapped) == ("\uf0b7政府信", 0)


def test_a_page_of_glyph_numbers_is_named_by_an_error() -> None:
    data = (OFD / "full_2023_runs.ofd").read_bytes()
    result = read_report(_in_private_use(data, {"Page_1"}), suffix=".ofd", name="p.ofd")
    [glyphs] = [f for f in result.findings if f.code == "R.OFD.GLYPH"]
    assert glyphs.location == "p.ofd: page 2"
    assert glyphs.severity.value == "error"
    assert glyphs.status.value == "uncertain"
    assert "glyph numbers only" in glyphs.message_en
    assert "该页基本无法读取" in glyphs.message_zh


def test_a_document_of_glyph_numbers_only_is_refused_saying_so() -> None:
    data = (OFD / "full_2023_glyphs.ofd").read_bytes()
    pages = {f"Page_{k}" for k in range(10)}
    with pytest.raises(ReportReadError, match=r"p\.ofd holds no readable text: its \d+ charac"):
        read_report(_in_private_use(data, pages, every=True), suffix=".ofd", name="p.ofd")
    # Its CJK only, digits left: no report found, and why.
    with pytest.raises(ReportReadError, match=r"no section heading.*; \d+ of its \d+ charac"):
        read_report(_in_private_use(data, pages), suffix=".ofd", name="p.ofd")
