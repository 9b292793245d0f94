"""The XLSX reader on hostile and broken workbooks: each refused with what and where, or
read without following anything outside the file.

Zip bombs, cells and merged areas beyond the limits and grids that would be too large
are refused before the work is done (the hostile ones in a child capped at 1 GiB, see
:mod:`readers.bounded`); an ``.xls`` or an encrypted workbook says what to do; macros
are never read and external links never followed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from govinfo_report import blank_report, load
from govinfo_report.cli import run
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import read_report
from govinfo_report.readers._xlsx_package import MAX_CELLS, MAX_MERGED_CELLS, MAX_MERGES
from govinfo_report.readers.xlsx import XlsxReader
from govinfo_report.writers import render
from readers.bounded import outcome
from readers.test_doc_reader import ole2

READER = XlsxReader()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SHEET = "xl/worksheets/sheet2.xml"  # Table 2


def workbook() -> bytes:
    return render(load(EXAMPLES / "example_2021.yaml"), "xlsx")


def changed(data: bytes, parts: dict[str, bytes | None]) -> bytes:
    """``data`` with ``parts`` replaced, added (new names) or removed (``None``)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest,
    ):
        for info in source.infolist():
            if info.filename in parts:
                content = parts.pop(info.filename)
                if content is not None:
                    dest.writestr(info.filename, content)
            else:
                dest.writestr(info, source.read(info))
        for name, content in parts.items():
            if content is not None:
                dest.writestr(name, content)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


def sheet_xml(cells: str, merges: str = "") -> bytes:
    merged = f"<mergeCells>{merges}</mergeCells>" if merges else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{cells}</sheetData>{merged}</worksheet>"
    ).encode()


def read_error(data: bytes) -> str:
    with pytest.raises(ReportReadError) as info:
        READER.read(data, source="book.xlsx")
    return str(info.value)


_SETUP = (
    f"EXAMPLE = {str(EXAMPLES / 'example_2021.yaml')!r}\n"
    + """
import io, zipfile
from govinfo_report import load
from govinfo_report.writers import render
from govinfo_report.readers.xlsx import XlsxReader
data = render(load(EXAMPLE), "xlsx")
def changed(name, content):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as s, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as d:
        for info in s.infolist():
            d.writestr(info.filename, content if info.filename == name else s.read(info))
    return out.getvalue()
def sheet(cells, merges=""):
    m = f"<mergeCells>{merges}</mergeCells>" if merges else ""
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{cells}</sheetData>{m}</worksheet>").encode()
"""
)
_READ = "XlsxReader().read(book, source='book.xlsx')"


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    setup = _SETUP + f"book = changed({SHEET!r}, b' ' * (64 << 20))"
    kind, message = outcome(setup, _READ)
    assert kind == "ReportReadError"
    assert message.startswith(f"book.xlsx looks like a zip bomb: entry {SHEET!r} declares")


def test_more_cells_than_the_limit_are_refused() -> None:
    cells = f"''.join(f'<row r=\"{{r}}\"><c r=\"A{{r}}\"><v>1</v></c></row>' for r in range(1, {MAX_CELLS + 2}))"
    kind, message = outcome(_SETUP + f"book = changed({SHEET!r}, sheet({cells}))", _READ)
    assert kind == "ReportReadError"
    assert message == (
        f"book.xlsx: sheet '二、主动公开政府信息情况' brings the workbook to more than {MAX_CELLS} "
        "cells with a value; the limit is per workbook, and a report's tables have a few hundred"
    )


def test_a_merged_area_over_the_whole_sheet_is_refused() -> None:
    setup = _SETUP + (
        f'book = changed({SHEET!r}, sheet(\'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t>'
        "</is></c></row>', '<mergeCell ref=\"A1:XFD1048576\"/>'))"
    )
    kind, message = outcome(setup, _READ)
    assert kind == "ReportReadError"
    assert message.startswith(
        "book.xlsx: sheet '二、主动公开政府信息情况': merged area A1:XFD1048576 brings the "
        f"workbook's merged areas to more than {MAX_MERGED_CELLS} cells"
    )


def test_more_merged_areas_than_the_limit_are_refused() -> None:
    merges = f"''.join(f'<mergeCell ref=\"A{{2 * r + 1}}:B{{2 * r + 1}}\"/>' for r in range({MAX_MERGES + 1}))"
    kind, message = outcome(_SETUP + f"book = changed({SHEET!r}, sheet('', {merges}))", _READ)
    assert kind == "ReportReadError"
    assert f"more than {MAX_MERGES} merged areas" in message


def test_a_grid_too_large_to_build_is_refused_naming_its_area() -> None:
    cells = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>甲{r}</t></is></c>'
        f'<c r="XFD{r}" t="inlineStr"><is><t>乙{r}</t></is></c></row>'
        for r in range(1, 11)
    )
    message = read_error(changed(workbook(), {SHEET: sheet_xml(cells)}))
    assert message.startswith(
        "book.xlsx: sheet '二、主动公开政府信息情况' A1:XFD10 would bring the document's tables "
        "to more than 100000 cells"
    )


def test_a_doctype_is_refused_naming_the_part() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData/></worksheet>"
    )
    message = read_error(changed(workbook(), {SHEET: bomb}))
    assert message == (
        f"book.xlsx: part {SHEET!r} declares a DOCTYPE or entities, which Excel never writes; "
        "refused (entity declarations are never resolved)"
    )


def test_an_xls_workbook_says_how_to_convert_it(tmp_path: Path) -> None:
    # Only when the XLSX reader is asked for: detection sends an .xls to the xls reader
    # (tests/readers/test_xls_reader.py).
    data = ole2("Workbook")
    message = read_error(data)
    assert "Excel 97-2003 workbook (.xls)" in message
    assert "soffice --headless --convert-to xlsx FILE" in message
    path = tmp_path / "old.xls"
    path.write_bytes(data)
    stdout, stderr = io.StringIO(), io.StringIO()
    args = ["import", str(path), "--from", "xlsx", "-o", str(tmp_path / "r.yaml")]
    assert run(args, stdout, stderr) == 2
    assert "soffice --headless --convert-to xlsx" in stderr.getvalue()
    assert not (tmp_path / "r.yaml").exists()


def test_an_encrypted_workbook_says_to_remove_the_password() -> None:
    data = ole2("EncryptedPackage")
    assert read_error(data) == (
        "book.xlsx is an encrypted (password-protected) Excel workbook; remove the password in "
        "Excel or WPS and save it again as .xlsx"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "book.xlsx is empty; expected a .xlsx (zip) document"),
        (b"name,value\n", "book.xlsx is not a .xlsx document: it does not start with a zip header"),
    ],
)
def test_what_is_no_workbook_says_so(data: bytes, message: str) -> None:
    assert read_error(data).startswith(message)


def test_a_truncated_workbook_is_a_corrupt_zip() -> None:
    assert read_error(workbook()[:-200]).startswith("book.xlsx is a corrupt zip")


def test_a_zip_without_a_workbook_part_says_so() -> None:
    data = changed(workbook(), {"xl/workbook.xml": None})
    assert read_error(data) == "book.xlsx is a zip but not a workbook: it has no xl/workbook.xml"


def test_macros_are_never_read() -> None:
    data = workbook()
    rels = part(data, "xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        b'vbaProject" Target="vbaProject.bin"/></Relationships>',
    )
    # Not even a valid compound file: it is never opened.
    data = changed(data, {"xl/_rels/workbook.xml.rels": rels, "xl/vbaProject.bin": b"\x00" * 4096})
    result = READER.read(data, source="book.xlsm")
    (notice,) = [f for f in result.findings if f.code == "R.XLSX.ACTIVE"]
    assert notice.message_en == (
        "the workbook holds macros (not run); the values saved in its cells were read"
    )
    assert result.report.applications == load(EXAMPLES / "example_2021.yaml").applications


def test_an_external_link_is_never_followed_and_its_saved_value_is_read(tmp_path: Path) -> None:
    data = render(blank_report(year=2024, agency="某局", fill=0), "xlsx")
    target = tmp_path / "other.xlsx"  # never created: opening it would fail
    book = part(data, "xl/workbook.xml").replace(
        b"<calcPr",
        b'<externalReferences><externalReference r:id="rIdExt"/></externalReferences><calcPr',
    )
    rels = part(data, "xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdExt" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
    )
    link = (
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        b'<externalBook r:id="rId1"/></externalLink>'
    )
    link_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/externalLinkPath" Target="{target.as_uri()}" TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    sheet = part(data, "xl/worksheets/sheet3.xml").replace(
        b'<c r="D4" s="3"><v>0</v></c>', b'<c r="D4" s="3"><f>[1]Sheet1!A1</f><v>7</v></c>'
    )
    data = changed(
        data,
        {
            "xl/workbook.xml": book,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/externalLinks/externalLink1.xml": link,
            "xl/externalLinks/_rels/externalLink1.xml.rels": link_rels,
            "xl/worksheets/sheet3.xml": sheet,
        },
    )
    result = READER.read(data, source="book.xlsx")
    assert result.report.applications["new_received.natural_person"] == 7
    (notice,) = [f for f in result.findings if f.code == "R.XLSX.ACTIVE"]
    assert "links to other files (not followed)" in notice.message_en
    assert not target.exists()


@pytest.mark.parametrize(
    "target", [b"../../../etc/passwd", b'file:///etc/passwd" TargetMode="External']
)
def test_a_sheet_outside_the_package_is_not_read(target: bytes) -> None:
    data = workbook()
    rels = part(data, "xl/_rels/workbook.xml.rels").replace(
        b'Target="worksheets/sheet2.xml"', b'Target="' + target + b'"'
    )
    result = READER.read(changed(data, {"xl/_rels/workbook.xml.rels": rels}), source="book.xlsx")
    (skipped,) = [f for f in result.findings if f.code == "R.XLSX.SHEET"]
    assert skipped.location == "sheet '二、主动公开政府信息情况'"
    assert "R.TABLE_MISSING" in [f.code for f in result.findings]


def test_read_report_names_a_broken_workbook_by_its_path(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ReportReadError, match=r"broken\.xlsx"):
        read_report(path)


def test_a_long_list_without_a_label_of_the_format_is_named_and_not_read() -> None:
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>申请人{r}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>已答复</t></is></c></row>'
        for r in range(1, 2001)
    )
    data = workbook()
    book = part(data, "xl/workbook.xml").replace(
        b"</sheets>", '<sheet name="申请登记" sheetId="9" r:id="rIdList"/></sheets>'.encode()
    )
    rels = part(data, "xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdList" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/worksheet" Target="worksheets/list.xml"/></Relationships>',
    )
    data = changed(
        data,
        {
            "xl/workbook.xml": book,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/worksheets/list.xml": sheet_xml(rows),
        },
    )
    result = READER.read(data, source="book.xlsx")
    (unknown,) = [f for f in result.findings if f.code == "R.TABLE_UNKNOWN"]
    assert (
        unknown.message_en
        == "sheet '申请登记' A1:B2000 is none of the three statistic tables; not read"
    )
    assert unknown.message_zh == "工作表 '申请登记' A1:B2000不是三张统计表中的任何一张，未读取"
    assert result.report.applications == load(EXAMPLES / "example_2021.yaml").applications
