"""The PDF and OFD readers' errors are worded in Chinese too: each refusal keeps its
English text (``str(exc)``) and says the same in Chinese (``exc.message("zh")``), naming
the file, and the command line says it in the language of ``--lang``.

The inputs are made as the readers' own tests make them (:mod:`readers.test_pdf_limits`,
:mod:`readers.test_ofd_reader`); every error here is raised by the reader itself.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from govinfo_report.cli import run
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import read_report
from govinfo_report.readers._pdf_source import MAX_PAGE_CHARS, MAX_PAGES
from govinfo_report.readers._pdf_streams import MAX_CONTENT
from govinfo_report.readers._pdf_tables import MAX_EDGES
from govinfo_report.readers.pdf import PdfReader
from readers.test_ofd_reader import NS, TEXT, ofd
from readers.test_pdf_limits import BIG, pdf

SCAN = Path(__file__).parent / "fixtures" / "pdf_wps" / "e_image_only.pdf"
LINE = b"BT /F1 12 Tf 72 700 Td (Annual report on open government information) Tj ET\n"


def _pdf_error(data: bytes, source: str) -> ReportReadError:
    with pytest.raises(ReportReadError) as info:
        PdfReader().read(data, source=source)
    return info.value


def _ofd_error(data: bytes, source: str = "t.ofd") -> ReportReadError:
    with pytest.raises(ReportReadError) as info:
        read_report(data, "ofd", name=source)
    return info.value


# --- PDF --------------------------------------------------------------------------------


def test_an_encrypted_pdf() -> None:
    error = _pdf_error(pdf([LINE], encrypt=True), "locked.pdf")
    assert str(error) == (
        "locked.pdf is an encrypted PDF that needs a password to open; save an unprotected "
        "copy (print to PDF, or remove the password) and read that"
    )
    assert error.message("en") == str(error)
    assert error.message("zh") == (
        "locked.pdf 是有密码加密的 PDF，需要密码才能打开；请另存一份不加密的副本"
        "（打印为 PDF，或去掉密码）再读取"
    )


def test_a_damaged_pdf_quotes_pdfium_as_it_is() -> None:
    error = _pdf_error(b"%PDF-1.7\n" + b"\x00garbage" * 100, "bad.pdf")
    english = str(error)
    assert english.startswith("bad.pdf is not a readable PDF (PDFium: ")
    assert english.endswith("); it is damaged or not a PDF")
    pdfium = english.removeprefix("bad.pdf is not a readable PDF (PDFium: ")
    pdfium = pdfium.removesuffix("); it is damaged or not a PDF")
    assert (
        error.message("zh") == f"bad.pdf 不是可读取的 PDF（PDFium：{pdfium}）；文件已损坏或不是 PDF"
    )


def test_a_scanned_pdf() -> None:
    error = _pdf_error(SCAN.read_bytes(), "扫描件.pdf")
    assert str(error) == (
        "扫描件.pdf has no text layer: its 2 page(s) are images (a scan); run OCR on it "
        "first (e.g. ocrmypdf, or the scanner's 'searchable PDF') and read the result"
    )
    assert error.message("zh") == (
        "扫描件.pdf 没有文本层：它的 2 页是图像（扫描件）；请先做 OCR 文字识别"
        "（例如用 ocrmypdf，或扫描仪的“可搜索 PDF”功能），再读取识别结果"
    )


def test_a_pdf_with_too_little_text() -> None:
    error = _pdf_error(pdf([b"BT /F1 12 Tf 72 700 Td (hello world) Tj ET"]), "x.pdf")
    assert str(error) == (
        "x.pdf has no text: its 1 page(s) hold 10 character(s), and a report holds thousands"
    )
    assert error.message("zh") == "x.pdf 没有文字：它的 1 页共有 10 个字符，而一份报告有几千个"


def test_a_pdf_of_too_many_pages() -> None:
    error = _pdf_error(pdf([b""] * (MAX_PAGES + 1)), "long.pdf")
    assert str(error) == (
        f"long.pdf has {MAX_PAGES + 1} pages; the limit is {MAX_PAGES} pages, and a report "
        "has five to twenty"
    )
    assert error.message("zh") == (
        f"long.pdf 有 {MAX_PAGES + 1} 页；上限是 {MAX_PAGES} 页，一份报告只有五到二十页"
    )


def test_a_page_too_large_is_named_by_its_number() -> None:
    error = _pdf_error(pdf([LINE], side=20_000), "big.pdf")
    assert str(error) == (
        "big.pdf: page 1 is 20000 × 20000 pt; the limit is 14,400 pt a side (200 inches), "
        "and a report's page is A4 (595 × 842)"
    )
    assert error.message("zh") == (
        "big.pdf 第 1 页的大小是 20000 × 20000 pt；每边上限是 14,400 pt（200 英寸），"
        "报告的页面是 A4（595 × 842）"
    )


def test_a_page_of_too_many_characters() -> None:
    content = b"BT /F1 1 Tf 10 10 Td " + b"(xy) Tj " * (MAX_PAGE_CHARS // 2 + 10) + b"ET"
    error = _pdf_error(pdf([content], compress=True), "dense.pdf")
    count = MAX_PAGE_CHARS + 20
    assert str(error) == (
        f"dense.pdf: page 1 has {count} characters; the limit is {MAX_PAGE_CHARS} a page, "
        "and a report's page has about 1,500"
    )
    assert error.message("zh") == (
        f"dense.pdf 第 1 页有 {count} 个字符；每页上限是 {MAX_PAGE_CHARS} 个，"
        "报告的一页约有 1,500 个"
    )


def test_a_content_stream_bomb() -> None:
    error = _pdf_error(pdf([b" " * (MAX_CONTENT + 1024)], compress=True), "bomb.pdf")
    assert str(error) == (
        f"bomb.pdf: its page content inflates to more than {MAX_CONTENT} bytes; the limit "
        f"is {MAX_CONTENT} bytes, and a report's PDF holds a few megabytes (a compression bomb?)"
    )
    assert error.message("zh") == (
        f"bomb.pdf 的页面内容解压后超过 {MAX_CONTENT} 字节；上限是 {MAX_CONTENT} 字节，"
        "一份报告的 PDF 只有几兆字节（可能是压缩炸弹）"
    )


def test_a_page_of_too_many_ruling_lines() -> None:
    lines = b"".join(b"%d 0 m %d 800 l S\n" % (x, x) for x in range(0, 3 * (MAX_EDGES + 10), 3))
    error = _pdf_error(pdf([LINE + lines], compress=True, side=BIG), "ruled.pdf")
    assert str(error) == (
        f"ruled.pdf: page 1 has {MAX_EDGES + 10} distinct ruling lines; the limit is "
        f"{MAX_EDGES} a page, and a report's page has a few hundred"
    )
    chinese = error.message("zh")
    assert chinese.startswith("ruled.pdf")
    assert chinese.endswith(
        f"有 {MAX_EDGES + 10} 条不同的表格线；每页上限是 {MAX_EDGES} 条，报告的一页只有几百条"
    )


def test_a_mesh_over_the_document_cell_limit() -> None:
    mesh = b"".join(b"0 %d m 1200 %d l S\n" % (y, y) for y in range(0, 1200, 3))
    mesh += b"".join(b"%d 0 m %d 1200 l S\n" % (x, x) for x in range(0, 1200, 3))
    error = _pdf_error(pdf([LINE + mesh], compress=True, side=BIG), "mesh.pdf")
    assert str(error).startswith(
        "mesh.pdf: table 1 would bring the document's tables to more than 100000 cells"
    )
    chinese = error.message("zh")
    assert chinese.startswith("mesh.pdf（")
    assert chinese.endswith(
        "）：到这里，文档中表格的单元格将超过 100000 个（合并单元格按展开后计算）；"
        "每个文档上限是 100000 个单元格，一份报告只有几百个"
    )


# --- OFD --------------------------------------------------------------------------------


def test_an_ofd_naming_a_part_outside_the_package() -> None:
    error = _ofd_error(ofd(TEXT.format(attrs=""), doc_root="../../etc/passwd"))
    assert str(error) == "t.ofd: OFD.xml's DocRoot names '../../etc/passwd', outside the package"
    assert error.message("zh") == "t.ofd 中 OFD.xml 的 DocRoot 指向包外的 '../../etc/passwd'"


def test_an_ofd_naming_no_part() -> None:
    error = _ofd_error(ofd(TEXT.format(attrs=""), doc_root=""))
    assert str(error) == "t.ofd: OFD.xml's DocRoot names no part"
    assert error.message("zh") == "t.ofd 中 OFD.xml 的 DocRoot 没有指明部件"


def test_an_ofd_page_naming_no_part() -> None:
    document = (
        f'<ofd:Document xmlns:ofd="{NS}"><ofd:Pages><ofd:Page ID="1" BaseLoc=""/>'
        "</ofd:Pages></ofd:Document>"
    )
    error = _ofd_error(ofd(TEXT.format(attrs=""), document=document), "p.ofd")
    assert str(error) == "p.ofd: page 1 names no part"
    assert error.message("zh") == "p.ofd 第 1 页没有指明部件"


def test_an_ofd_of_too_many_pages() -> None:
    many = "".join(
        f'<ofd:Page ID="{k}" BaseLoc="Pages/Page_0/Content.xml"/>' for k in range(MAX_PAGES + 1)
    )
    document = f'<ofd:Document xmlns:ofd="{NS}"><ofd:Pages>{many}</ofd:Pages></ofd:Document>'
    error = _ofd_error(ofd(TEXT.format(attrs=""), document=document))
    assert str(error) == f"t.ofd has {MAX_PAGES + 1} pages; the limit is {MAX_PAGES}"
    assert error.message("zh") == f"t.ofd 有 {MAX_PAGES + 1} 页；上限是 {MAX_PAGES} 页"


def test_a_scanned_ofd() -> None:
    image = '<ofd:ImageObject ID="8" Boundary="0 0 210 297" ResourceID="9"/>'
    error = _ofd_error(ofd(image), "扫描.ofd")
    assert str(error) == (
        "扫描.ofd has no text: its 1 page(s) are images (a scan); run OCR on it first and "
        "read the result"
    )
    assert error.message("zh") == (
        "扫描.ofd 没有文字：它的 1 页是图像（扫描件）；请先做 OCR 文字识别，再读取识别结果"
    )


def test_an_ofd_of_glyph_numbers_only() -> None:
    glyphs = TEXT.format(attrs="").replace("政府信息", "\ue001" * 25)
    error = _ofd_error(ofd(glyphs), "g.ofd")
    assert str(error) == (
        "g.ofd holds no readable text: its 25 character(s) are glyph numbers only (Private "
        "Use Area), which only its embedded fonts can tell; export it again from the "
        "program that made it, or read the PDF or Word version"
    )
    assert error.message("zh") == (
        "g.ofd 没有可读取的文字：它的 25 个字符都只是字形编号（私用区字符），只有内嵌字体"
        "才知道是什么字；请用生成它的程序重新导出，或改为读取 PDF 或 Word 版本"
    )


# --- the command line -------------------------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "import"])
def test_the_command_line_says_it_in_chinese_by_default_and_in_english_when_asked(
    tmp_path: Path, command: str
) -> None:
    path = tmp_path / "年报.pdf"
    path.write_bytes(pdf([LINE], encrypt=True))
    args = [command, str(path)] + (["-o", str(tmp_path / "r.yaml")] if command == "import" else [])
    said = {}
    for lang in ("zh", "en"):
        stdout, stderr = io.StringIO(), io.StringIO()
        chosen = [] if lang == "zh" else ["--lang", "en"]
        assert run([*args, *chosen], stdout, stderr) == 2
        said[lang] = stderr.getvalue()
    assert f"{path} 是有密码加密的 PDF，需要密码才能打开" in said["zh"]
    assert "encrypted" not in said["zh"]
    assert f"{path} is an encrypted PDF that needs a password to open" in said["en"]
    assert "密码" not in said["en"]
    assert not (tmp_path / "r.yaml").exists()
