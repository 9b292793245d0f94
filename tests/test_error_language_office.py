"""The Word, Excel and zip package readers' errors, said in Chinese too: each real error
keeps its English text (``str(exc)``) and gives its Chinese (``exc.message("zh")``), with
the file's name, part names, numbers and third-party texts as they are."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from govinfo_report import _package, blank_report, load, render
from govinfo_report._package import MAX_ENTRIES, MAX_RATIO
from govinfo_report.errors import GovinfoReportError, ReportReadError, ReportWriteError
from govinfo_report.readers import doc as doc_module
from govinfo_report.readers._docx_package import Package
from govinfo_report.readers._unsupported import unsupported
from govinfo_report.readers.doc import DocReader
from govinfo_report.readers.docx import DocxReader
from govinfo_report.readers.xls import XlsReader
from govinfo_report.readers.xlsx import XlsxReader
from govinfo_report.writers.docx import DocxWriter
from govinfo_report.writers.xlsx import render_collection
from readers.docx_parts import document, p, package, patch_central_directory
from readers.test_doc_reader import fake_soffice, ole2, zipped
from readers.test_xlsx_bad_input import SHEET, changed, workbook

ROOT = Path(__file__).resolve().parent
DOC = ROOT / "fixtures" / "doc" / "report_2021.doc"
PROTECTED_DOC = ROOT / "fixtures" / "protected" / "report_2021.doc"
PROTECTED_XLS = ROOT / "fixtures" / "protected" / "report_2021.xls"
ENCRYPTED = ole2("EncryptionInfo", "EncryptedPackage")


def _docx_error(data: bytes, source: str = "报告.docx") -> ReportReadError:
    with pytest.raises(ReportReadError) as info:
        DocxReader().read(data, source=source)
    return info.value


def _xlsx_error(data: bytes, source: str = "报告.xlsx") -> ReportReadError:
    with pytest.raises(ReportReadError) as info:
        XlsxReader().read(data, source=source)
    return info.value


def _said(error: GovinfoReportError) -> tuple[str, str]:
    assert error.message("en") == str(error)
    assert error.zh is not None
    return str(error), error.message("zh")


def test_a_truncated_zip_is_a_damaged_zip() -> None:
    data = package(p("一、总体情况"))
    en, zh = _said(_docx_error(data[: len(data) // 2]))
    assert en == (
        "报告.docx is a corrupt zip: no end-of-central-directory record "
        "(truncated or not a complete .docx)"
    )
    assert zh == "报告.docx 是已损坏的 zip：没有中央目录结束记录（文件被截断，或不是完整的 .docx）"


def test_a_zip_that_zipfile_refuses_keeps_its_words() -> None:
    data = patch_central_directory(package(p("x")), extract_version=84)
    en, zh = _said(_docx_error(data))
    assert en.startswith("报告.docx is a corrupt zip: ")
    reason = en.removeprefix("报告.docx is a corrupt zip: ")
    assert "zip file version" in reason  # zipfile's own text, as it says it
    assert zh == f"报告.docx 是已损坏的 zip：{reason}"


def test_an_encrypted_docx_says_to_remove_the_password() -> None:
    en, zh = _said(_docx_error(ENCRYPTED))
    assert en == (
        "报告.docx is an encrypted (password-protected) Word document; remove the password "
        "in Word or WPS and save it again as .docx"
    )
    assert zh == "报告.docx 是密码加密的 Word 文档；请在 Word 或 WPS 中取消密码，再另存为 .docx"


def test_an_encrypted_xlsx_names_excel() -> None:
    en, zh = _said(_xlsx_error(ENCRYPTED))
    assert en.startswith("报告.xlsx is an encrypted (password-protected) Excel workbook; ")
    assert zh == (
        "报告.xlsx 是密码加密的 Excel 工作簿；请在 Excel 或 WPS 中取消密码，再另存为 .xlsx"
    )


def test_a_doc_given_as_docx_says_to_save_it_as_docx() -> None:
    en, zh = _said(_docx_error(DOC.read_bytes(), "report.doc.docx"))
    assert en == (
        "report.doc.docx is a Word 97-2003 (.doc) or other OLE compound file, not a .docx; "
        "save it as .docx (Word 2007 or later) first"
    )
    assert zh == (
        "report.doc.docx 是 Word 97-2003 文档（.doc）或其他 OLE 复合文件，不是 .docx；"
        "请先另存为 .docx（Word 2007 或更高版本）"
    )


def test_an_xls_given_as_xlsx_gives_the_libreoffice_command() -> None:
    en, zh = _said(_xlsx_error(ole2("Workbook")))
    assert en.startswith("报告.xlsx is an Excel 97-2003 workbook (.xls) or other OLE")
    assert zh.startswith("报告.xlsx 是 Excel 97-2003 工作簿（.xls）或其他 OLE 复合文件")
    assert zh.endswith("或用 LibreOffice 转换：soffice --headless --convert-to xlsx FILE")


def test_empty_and_not_a_zip() -> None:
    assert _said(_docx_error(b""))[1] == "报告.docx 是空文件；应为 .docx（zip）文档"
    en, zh = _said(_docx_error("2019年政府信息公开工作年度报告".encode()))
    assert en.startswith("报告.docx is not a .docx document: it does not start with a zip header")
    assert (
        zh == "报告.docx 不是 .docx 文档：开头不是 zip 文件头（开头字节为 32 30 31 39 e5 b9 b4 e6）"
    )


def test_a_zip_with_the_encryption_flag() -> None:
    data = patch_central_directory(package(p("x")), flag_bits=0x1)
    en, zh = _said(_docx_error(data))
    assert en.startswith("报告.docx is an encrypted zip (entry ")
    assert zh.startswith("报告.docx 是密码加密的 zip（条目 '")
    assert zh.endswith("已加密）；请取消密码后重新保存")


def test_a_zip_bomb_gives_its_sizes_and_the_ratio_limit() -> None:
    data = package(document_xml=document(p("0" * (8 * 1024 * 1024))).encode())
    en, zh = _said(_docx_error(data))
    assert en.startswith("报告.docx looks like a zip bomb: entry 'word/document.xml' declares ")
    assert zh.startswith("报告.docx 疑似压缩炸弹：条目 'word/document.xml' 压缩后 ")
    assert zh.endswith(f"字节（压缩比上限 {MAX_RATIO}）")


def test_too_many_entries() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for i in range(MAX_ENTRIES + 1):
            zf.writestr(f"f{i}", b"")
    en, zh = _said(_docx_error(out.getvalue()))
    assert en == (
        f"报告.docx has {MAX_ENTRIES + 1} zip entries; a Word document has far fewer "
        f"(limit {MAX_ENTRIES})"
    )
    assert (
        zh
        == f"报告.docx 有 {MAX_ENTRIES + 1} 个 zip 条目；Word 文档的条目远少于此（上限 {MAX_ENTRIES}）"
    )


def test_a_doctype_is_refused_with_its_part() -> None:
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    en, zh = _said(_docx_error(package(document_xml=xxe.encode())))
    assert en == (
        "报告.docx: part 'word/document.xml' declares a DOCTYPE or entities, which Word never "
        "writes; refused (entity declarations are never resolved)"
    )
    assert zh == (
        "报告.docx：部件 'word/document.xml' 声明了 DOCTYPE 或实体，Word 从不写入这些声明；"
        "已拒绝（实体声明一概不予解析）"
    )


def test_a_doctype_in_a_worksheet_names_excel() -> None:
    doctype = b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet/>'
    en, zh = _said(_xlsx_error(changed(workbook(), {SHEET: doctype})))
    assert en.startswith(f"报告.xlsx: part '{SHEET}' declares a DOCTYPE or entities, which Excel")
    assert zh.startswith(f"报告.xlsx：部件 '{SHEET}' 声明了 DOCTYPE 或实体，Excel 从不写入")


def test_malformed_xml_keeps_lxmls_words() -> None:
    en, zh = _said(_docx_error(package(document_xml=b"<w:document><w:body>")))
    assert en.startswith("报告.docx: part 'word/document.xml' is not well-formed XML: ")
    reason = en.removeprefix("报告.docx: part 'word/document.xml' is not well-formed XML: ")
    assert zh == f"报告.docx：部件 'word/document.xml' 是格式不正确的 XML：{reason}"


def test_a_malformed_worksheet_keeps_lxmls_words() -> None:
    en, zh = _said(_xlsx_error(changed(workbook(), {SHEET: b"<worksheet><sheetData>"})))
    where = "报告.xlsx: sheet '二、主动公开政府信息情况' is not well-formed XML: "
    assert en.startswith(where), en
    reason = en.removeprefix(where)
    assert zh == f"报告.xlsx：工作表 '二、主动公开政府信息情况' 是格式不正确的 XML：{reason}"


def test_a_missing_part() -> None:
    error = _docx_error(zipped("hello.txt"))
    assert _said(error) == (
        "报告.docx is a zip but not a Word document: it has no word/document.xml",
        "报告.docx 是 zip，但不是 Word 文档：没有 word/document.xml",
    )
    with pytest.raises(ReportReadError) as info:
        Package(package(p("x")), "报告.docx").read("word/styles.xml")
    assert _said(info.value) == (
        "报告.docx has no part 'word/styles.xml'",
        "报告.docx 没有部件 'word/styles.xml'",
    )


def test_a_zip_without_a_workbook() -> None:
    assert _said(_xlsx_error(zipped("hello.txt"))) == (
        "报告.xlsx is a zip but not a workbook: it has no xl/workbook.xml",
        "报告.xlsx 是 zip，但不是工作簿：没有 xl/workbook.xml",
    )


def test_the_package_xml_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_package, "MAX_XML_BYTES", 100)
    en, zh = _said(_docx_error(package(p("一、总体情况" * 20))))
    assert en.startswith("报告.docx: part ")
    assert "; the limit is 100 (a long report has a few megabytes)" in en
    assert zh.startswith("报告.docx：部件 ")
    assert zh.endswith("字节；上限为 100 字节（篇幅长的报告也只有几兆字节）")


def test_a_workbook_of_departments_read_as_one_report() -> None:
    book = render_collection(blank_report(year=2024), ["甲局", "乙局"])
    assert _said(_xlsx_error(book, "各部门.xlsx")) == (
        "各部门.xlsx is a workbook of 2 departments' reports, one a sheet: read each with "
        "read_workbook_reports(), or `govinfo-report import FILE -o FOLDER`",
        "各部门.xlsx 是汇集 2 个部门报告的工作簿，每个工作表一份：请用 read_workbook_reports() "
        "逐份读取，或运行 `govinfo-report import FILE -o FOLDER`",
    )


def test_a_password_protected_doc_and_xls_say_what_to_do() -> None:
    with pytest.raises(ReportReadError) as info:
        DocReader().read(PROTECTED_DOC.read_bytes(), source="加密.doc")
    assert _said(info.value) == (
        "加密.doc: this is a password-protected Word 97-2003 document (.doc, .wps): open it "
        "with its password in Word or WPS, save an unprotected copy and read that",
        "加密.doc：这是密码加密的 Word 97-2003 文档（.doc、.wps）：请在 Word 或 WPS 中用密码"
        "打开，保存一份未加密的副本后再读取",
    )
    with pytest.raises(ReportReadError) as info:
        XlsReader().read(PROTECTED_XLS.read_bytes(), source="加密.xls")
    en, zh = _said(info.value)
    assert en.startswith("加密.xls: this is a password-protected Excel 97-2003 workbook")
    assert zh == (
        "加密.xls：这是密码加密的 Excel 97-2003 工作簿（.xls、.et）：请在 Excel 或 WPS 中用"
        "密码打开，保存一份未加密的副本后再读取"
    )


def test_a_workbook_given_as_doc_is_no_word_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doc_module, "soffice", lambda: pytest.fail("soffice was run"))
    with pytest.raises(ReportReadError) as info:
        DocReader().read(ole2("Workbook"), source="表.doc")
    assert _said(info.value) == (
        "表.doc is not a Word document (.doc, or a WPS 文字 .wps): no OLE2 WordDocument stream",
        "表.doc 不是 Word 文档（.doc，或 WPS 文字的 .wps）：没有 OLE2 WordDocument 流",
    )


@pytest.mark.parametrize(
    ("data", "suffix", "zh"),
    [
        (
            zipped("ppt/presentation.xml"),
            ".pptx",
            "这是 PowerPoint 演示文稿（.pptx），暂不支持读取；请读取以下格式之一的报告本身：",
        ),
        (
            zipped("mimetype", "application/vnd.oasis.opendocument.text"),
            ".odt",
            "这是 OpenDocument 文本文档（.odt），暂不支持读取；请另存为 Word 文档（.docx）后再读取",
        ),
        (
            b"\x00\x01binary",
            ".ods",
            "这是 OpenDocument 电子表格（.ods），暂不支持读取；请另存为 Excel 工作簿（.xlsx）后"
            "再读取，或用 LibreOffice 转换：soffice --headless --convert-to xlsx FILE",
        ),
        (ENCRYPTED, ".docx", "这是密码加密的 Office 文档：请保存一份未加密的副本后再读取"),
        (
            b"\x89PNG\r\n\x1a\n" + bytes(40),
            "",
            "这是 PNG 图片，暂不支持读取；图片中没有可读取的文字",
        ),
    ],
)
def test_an_unsupported_format_is_named_in_chinese(data: bytes, suffix: str, zh: str) -> None:
    en = unsupported(data, suffix)
    assert en is not None
    assert en.startswith("this is ")
    said = unsupported(data, suffix, lang="zh")
    assert said is not None
    assert said.startswith(zh), said


def test_unknown_bytes_are_unknown_in_chinese_too() -> None:
    assert unsupported(b"\x00\x01", "", lang="zh") is None


def test_without_libreoffice_the_doc_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(doc_module, "soffice", lambda: None)
    with pytest.raises(ReportReadError) as info:
        DocReader().read(DOC.read_bytes(), source="旧报告.doc")
    en, zh = _said(info.value)
    assert en.startswith(
        "旧报告.doc is a legacy Word document; reading it needs LibreOffice, which is not "
        "installed: install it (Debian/Ubuntu: apt-get install libreoffice-writer;"
    )
    assert zh == (
        "旧报告.doc 是旧版 Word 文档，读取它需要 LibreOffice，但未安装：请安装 LibreOffice"
        "（Debian/Ubuntu：apt-get install libreoffice-writer；其他系统：https://www.libreoffice.org），"
        "使 soffice 在 PATH 中，或在 Word 或 WPS 中将文档另存为 .docx"
    )


def test_a_failing_conversion_keeps_libreoffices_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = fake_soffice(tmp_path, "echo 'Error: source file could not be loaded'\nexit 1\n")
    monkeypatch.setattr(doc_module, "soffice", lambda: command)
    with pytest.raises(ReportReadError) as info:
        DocReader().read(DOC.read_bytes(), source="旧报告.doc")
    assert _said(info.value) == (
        "LibreOffice could not convert 旧报告.doc to .docx: soffice exited with status 1: "
        "Error: source file could not be loaded",
        "LibreOffice 无法将 旧报告.doc 转换为 .docx：soffice 退出，状态码为 1："
        "Error: source file could not be loaded",
    )


def test_a_conversion_that_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    command = fake_soffice(tmp_path, "exit 0\n")
    monkeypatch.setattr(doc_module, "soffice", lambda: command)
    with pytest.raises(ReportReadError) as info:
        DocReader().read(DOC.read_bytes(), source="旧报告.doc")
    assert _said(info.value)[1] == "LibreOffice 无法将 旧报告.doc 转换为 .docx：它没有写出任何文档"


def test_too_wide_a_table() -> None:
    from govinfo_report.readers._docx_blocks import MAX_COLUMNS

    cells = "".join(f"<w:tc>{p(str(i))}</w:tc>" for i in range(MAX_COLUMNS + 1))
    en, zh = _said(_docx_error(package(f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>")))
    assert en == (
        f"报告.docx: word/document.xml: table 1 is 1 rows by {MAX_COLUMNS + 1} grid columns "
        f"(limit {MAX_COLUMNS} columns); Word never makes such a table"
    )
    assert zh == (
        f"报告.docx：word/document.xml：表格 1 有 1 行、{MAX_COLUMNS + 1} 个网格列"
        f"（上限 {MAX_COLUMNS} 列）；Word 从不生成这样的表格"
    )


def test_a_bad_template_is_said_in_chinese_by_the_writer(tmp_path: Path) -> None:
    good = render(load(ROOT.parent / "examples" / "example_2021.yaml"), "docx")
    path = tmp_path / "模板.docx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(ReportWriteError) as info:
        DocxWriter(template=path)
    en, zh = _said(info.value)
    assert en == (
        f"template {path} is a corrupt zip: no end-of-central-directory record "
        "(truncated or not a complete .docx)"
    )
    assert str(path) in zh
    assert zh.endswith(" 是已损坏的 zip：没有中央目录结束记录（文件被截断，或不是完整的 .docx）")
