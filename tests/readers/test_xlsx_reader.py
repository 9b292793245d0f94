"""The XLSX reader on workbooks offices make themselves (built with openpyxl, one saved
by LibreOffice): the official tables anywhere on a sheet, merged labels, totals as
formulas, numbers typed as text, a 基本信息 sheet typed by hand, and what it cannot read.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from govinfo_report import BLANK, AgencyKind, FormatVersion, Money, ProcessingFee, get_format, load
from govinfo_report.errors import ReportReadError
from govinfo_report.findings import Severity
from govinfo_report.readers import ReadResult
from govinfo_report.readers._xlsx_meta import serial_date
from govinfo_report.readers._xlsx_package import number_text
from govinfo_report.readers.xlsx import XlsxReader
from govinfo_report.writers import render
from published import (
    SHANGHAI_2019_T2,
    SHANGHAI_2019_T3,
    SHANGHAI_2019_T4,
    SHUYANG_2023_T2,
    SHUYANG_2023_T3,
    SHUYANG_2023_T4,
    rows_of,
)
from readers.xlsx_books import Book, cached, shared
from writers.libreoffice import has_calc

READER = XlsxReader()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE = load(EXAMPLES / "example_2021.yaml")
V2021, V2019 = get_format("2021"), get_format("2019")
TITLE_2023 = "沭阳县发展和改革局2023年政府信息公开工作年度报告"


def read(data: bytes) -> ReadResult:
    return READER.read(data, source="office.xlsx")


def codes(result: ReadResult) -> list[str]:
    return [f.code for f in result.findings]


def one_sheet_2023(**options: bool) -> Book:
    """The 2023 tables one under another on one sheet, from C3, as an office lays them."""
    book = Book(**options).sheet("统计表", row=3, left=3)
    book.line(TITLE_2023, 10).skip()
    book.line("二、主动公开政府信息情况").table2(V2021.proactive, SHUYANG_2023_T2).skip()
    book.line("三、收到和处理政府信息公开申请情况")
    book.table3(V2021.applications, SHUYANG_2023_T3).skip(2)
    book.line("四、政府信息公开行政复议、行政诉讼情况")
    book.table4(V2021.review_litigation, SHUYANG_2023_T4)
    return book


@pytest.fixture(scope="module")
def one_sheet() -> ReadResult:
    book = one_sheet_2023(totals_as_formulas=True)
    return read(cached(book.bytes(), book.totals))


def test_three_tables_on_one_sheet_are_read_by_their_labels(one_sheet: ReadResult) -> None:
    report = one_sheet.report
    assert rows_of(report.proactive) == SHUYANG_2023_T2
    assert rows_of(report.applications) == SHUYANG_2023_T3
    assert rows_of(report.review_litigation) == SHUYANG_2023_T4


def test_the_title_line_gives_agency_and_year(one_sheet: ReadResult) -> None:
    meta = one_sheet.report.metadata
    assert (meta.agency, meta.year, meta.format_version) == (
        "沭阳县发展和改革局",
        2023,
        FormatVersion.V2021,
    )
    assert meta.title is None


def test_the_headings_between_the_tables_are_their_sections(one_sheet: ReadResult) -> None:
    report = one_sheet.report
    assert [s.id for s in report.sections] == ["proactive", "applications", "review_litigation"]
    assert all(s.is_empty for s in report.sections)
    assert report.intro == ()


def test_a_workbook_is_not_reported_for_the_text_it_does_not_carry(one_sheet: ReadResult) -> None:
    assert codes(one_sheet) == ["R.AGENCY_KIND"]


def test_formulas_without_a_saved_result_are_blank_and_reported() -> None:
    book = one_sheet_2023(totals_as_formulas=True)
    result = read(book.bytes())
    (finding,) = [f for f in result.findings if f.code == "R.XLSX.FORMULA"]
    assert finding.severity is Severity.WARNING
    assert finding.location == "sheet '统计表'"
    refs = sorted((ref for _, ref in book.totals), key=lambda r: (int(r[1:]), r[0]))
    assert len(refs) == 28  # 25 rows of Table 3, 3 of Table 4
    assert (
        f"formulas of {', '.join(refs[:10])} and 18 more have no saved result" in finding.message_en
    )
    table = result.report.applications
    assert table["new_received.total"] is BLANK
    assert table["new_received.natural_person"] == SHUYANG_2023_T3["new_received"][0]


def test_numbers_typed_as_text_are_read_as_numbers() -> None:
    result = read(one_sheet_2023(numbers_as_text=True).bytes())
    assert rows_of(result.report.applications) == SHUYANG_2023_T3
    assert codes(result) == ["R.AGENCY_KIND"]


def test_one_table_a_sheet_with_money_in_yuan_is_read() -> None:
    book = Book().sheet("表二").line("上海市人民政府办公厅2019年政府信息公开工作年度报告", 4)
    book.table2(V2019.proactive, SHANGHAI_2019_T2)
    book.sheet("表三", row=2, left=2).table3(V2019.applications, SHANGHAI_2019_T3)
    book.sheet("表四").table4(V2019.review_litigation, SHANGHAI_2019_T4)
    result = read(book.bytes())
    assert rows_of(result.report.proactive) == SHANGHAI_2019_T2
    assert rows_of(result.report.applications) == SHANGHAI_2019_T3
    assert rows_of(result.report.review_litigation) == SHANGHAI_2019_T4
    assert result.report.proactive["procurement.amount"] == Money(Decimal("251000"), "元")


def test_a_double_is_read_as_the_figure_a_spreadsheet_shows() -> None:
    rows = dict(SHUYANG_2023_T2, fees=(Money(Decimal("7730.28")),))
    book = Book().sheet("统计表").line(TITLE_2023).table2(V2021.proactive, rows)
    data = book.bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
    assert "<v>7730.28</v>" in sheet
    noisy = _rezip(
        data, "xl/worksheets/sheet1.xml", sheet.replace(">7730.28<", ">7730.2800000000007<")
    )
    assert read(noisy).report.proactive["fees.amount"] == Money(Decimal("7730.28"))


@pytest.mark.parametrize(
    ("digits", "shown"),
    [
        ("7730.2800000000007", "7730.28"),
        ("5", "5"),
        ("5.0", "5"),
        ("1E3", "1000"),
        ("-0", "0"),
        ("0.1000000000000000055", "0.1"),
        ("123456789012345678", "123456789012345678"),
    ],
)
def test_number_text(digits: str, shown: str) -> None:
    assert number_text(Decimal(digits)) == shown


def test_an_extra_row_and_an_unreadable_value_are_findings() -> None:
    rows = dict(SHUYANG_2023_T3, withheld_enquiry=("约5", *SHUYANG_2023_T3["withheld_enquiry"][1:]))
    book = Book().sheet("统计表").line(TITLE_2023)
    book.table3(
        V2021.applications,
        rows,
        extra=[("not_processed_repeated", "6.其他情形", [1, 0, 0, 0, 0, 0, 1])],
    )
    result = read(book.bytes())
    (extra,) = result.report.applications.extra_rows
    assert (extra.label, extra.values[0], extra.after) == (
        "6.其他情形",
        1,
        "not_processed_repeated",
    )
    (cell,) = [f for f in result.findings if f.code == "R.CELL"]
    assert cell.paths == ("applications.withheld_enquiry.natural_person",)
    assert cell.location is not None
    assert cell.location.startswith("sheet '统计表' row ")
    assert "R.EXTRA_ROW" in codes(result)


def test_a_hidden_sheet_is_named_and_not_read() -> None:
    book = one_sheet_2023()
    other = book.book.create_sheet("旧数据")
    other["A1"] = "沭阳县发展和改革局2022年政府信息公开工作年度报告"
    other.sheet_state = "hidden"
    result = read(book.bytes())
    assert result.report.metadata.year == 2023
    (hidden,) = [f for f in result.findings if f.code == "R.XLSX.SHEET"]
    assert hidden.message_en == "sheet '旧数据' is hidden; not read"


def test_a_workbook_with_neither_title_nor_metadata_says_it_has_no_year() -> None:
    book = Book().sheet("统计表").table4(V2021.review_litigation, SHUYANG_2023_T4)
    with pytest.raises(ReportReadError, match=r"office\.xlsx: .*year"):
        read(book.bytes())


def test_a_workbook_with_no_table_is_no_report() -> None:
    book = Book().sheet("名单")
    book.line("姓名").line("张三")
    with pytest.raises(ReportReadError, match="does not look like a report"):
        read(book.bytes())


def _metadata_sheet(book: Book, values: dict[str, object]) -> None:
    sheet = book.book.create_sheet("基本情况", 0)
    sheet["B2"] = "填报说明：请填写下列各项"
    for i, (label, value) in enumerate(values.items(), 4):
        sheet.cell(i, 2, label)
        sheet.cell(i, 3, value)


def test_a_metadata_sheet_typed_by_hand_is_read_by_its_labels() -> None:
    book = Book().sheet("统计表").table4(V2021.review_litigation, SHUYANG_2023_T4)
    _metadata_sheet(
        book,
        {
            "报告年度": "2023年",
            "机关名称": "某镇人民政府",
            "机关类型": "乡镇人民政府、街道办事处",
            "报告格式": 2021,
            "成文日期": "2024年1月20日",
            "发布日期": dt.datetime(2024, 1, 25),
            "联系电话": 5771234567,
            "信息处理费（元）": "0",
        },
    )
    result = read(book.bytes())
    meta = result.report.metadata
    assert (meta.agency, meta.year, meta.agency_kind) == ("某镇人民政府", 2023, AgencyKind.TOWNSHIP)
    assert (meta.signing_date, meta.publication_date) == (
        dt.date(2024, 1, 20),
        dt.date(2024, 1, 25),
    )
    assert meta.contact is not None
    assert meta.contact.phone == "5771234567"
    assert result.report.processing_fee == ProcessingFee(amount=Decimal("0"))
    assert "R.AGENCY_KIND" not in codes(result)
    assert "R.TABLE_MISSING" in codes(result)  # Tables 2 and 3 are not in this workbook


def test_a_metadata_label_merged_over_two_columns_has_its_value_after_them() -> None:
    book = Book().sheet("统计表").table4(V2021.review_litigation, SHUYANG_2023_T4)
    sheet = book.book.create_sheet("基本情况", 0)
    for row, (label, value) in enumerate(
        [("机关名称", "某局"), ("报告年度", 2023), ("报告格式", "2021")], 1
    ):
        sheet.cell(row, 1, label)
        sheet.merge_cells(start_row=row, end_row=row, start_column=1, end_column=2)
        sheet.cell(row, 3, value)
    meta = read(book.bytes()).report.metadata
    assert (meta.agency, meta.year) == ("某局", 2023)


def test_metadata_it_cannot_read_is_a_finding_naming_the_cell() -> None:
    book = Book().sheet("统计表").line(TITLE_2023).table4(V2021.review_litigation, SHUYANG_2023_T4)
    _metadata_sheet(
        book,
        {
            "机关名称": "沭阳县发展和改革局",
            "报告年度": "二〇二三",
            "机关类型": "事业单位",
            "成文日期": "春节后",
        },
    )
    result = read(book.bytes())
    problems = [f for f in result.findings if f.code == "R.XLSX.META"]
    assert [(f.location, f.reported) for f in problems] == [
        ("sheet '基本情况' C5", "二〇二三"),
        ("sheet '基本情况' C6", "事业单位"),
        ("sheet '基本情况' C7", "春节后"),
    ]
    assert result.report.metadata.year == 2023  # from the title line instead
    assert "R.AGENCY_KIND" in codes(result)


@pytest.mark.parametrize(
    ("number", "date1904", "day"),
    [
        ("45311", False, dt.date(2024, 1, 20)),
        ("45311.75", False, dt.date(2024, 1, 20)),
        ("59", False, dt.date(1900, 2, 28)),
        ("61", False, dt.date(1900, 3, 1)),
        ("60", False, None),  # 1900-02-29, which never was
        ("0", False, None),
        ("43849", True, dt.date(2024, 1, 20)),
    ],
)
def test_spreadsheet_dates(number: str, date1904: bool, day: dt.date | None) -> None:
    assert serial_date(Decimal(number), date1904) == day


def _rezip(data: bytes, name: str, text: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as dest:
        for info in source.infolist():
            dest.writestr(info, text.encode() if info.filename == name else source.read(info))
    return out.getvalue()


def test_shared_strings_are_read() -> None:
    book = one_sheet_2023(totals_as_formulas=True)
    result = read(shared(cached(book.bytes(), book.totals)))
    assert rows_of(result.report.applications) == SHUYANG_2023_T3
    assert result.report.metadata.agency == "沭阳县发展和改革局"


def test_rich_text_and_phonetic_runs_in_shared_strings() -> None:
    data = shared(one_sheet_2023().bytes())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        strings = package.read("xl/sharedStrings.xml").decode()
    # openpyxl writes each Chinese character as a character reference.
    title = "<si><t>" + "".join(c if c.isascii() else f"&#{ord(c)};" for c in TITLE_2023)
    title += "</t></si>"
    assert title in strings
    rich = (
        "<si><r><rPr><b/></rPr><t>沭阳县发展和改革局</t></r><r><t>2023年政府信息公开工作年度报告</t></r>"
        '<rPh sb="0" eb="2"><t>シュヨウ</t></rPh></si>'
    )
    result = read(_rezip(data, "xl/sharedStrings.xml", strings.replace(title, rich)))
    assert (result.report.metadata.agency, result.report.metadata.year) == (
        "沭阳县发展和改革局",
        2023,
    )


def test_a_shared_string_the_workbook_lacks_is_an_error() -> None:
    data = shared(one_sheet_2023().bytes())
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
    broken = re.sub(r'(t="s"[^>]*><v>)0(</v>)', r"\g<1>999\g<2>", sheet, count=1)
    with pytest.raises(ReportReadError, match="shared string '999'"):
        read(_rezip(data, "xl/worksheets/sheet1.xml", broken))


def test_a_workbook_in_the_strict_namespaces_is_read() -> None:
    data = render(EXAMPLE, "xlsx")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as dest:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/") and not info.filename.endswith(".rels"):
                content = content.replace(
                    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                    b"http://purl.oclc.org/ooxml/spreadsheetml/main",
                ).replace(
                    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                    b"http://purl.oclc.org/ooxml/officeDocument/relationships",
                )
            dest.writestr(info, content)
    assert READER.read(out.getvalue()).report.applications == EXAMPLE.applications


@pytest.mark.skipif(not has_calc(), reason="LibreOffice Calc is not installed")
def test_a_workbook_saved_by_libreoffice_is_read(tmp_path: Path) -> None:
    # LibreOffice saves shared strings, its own styles and every formula's result.
    book = one_sheet_2023(totals_as_formulas=True)
    source = tmp_path / "made.xlsx"
    source.write_bytes(book.bytes())
    out = tmp_path / "out"
    soffice = shutil.which("soffice") or "soffice"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    data = (out / "made.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert re.search(rb"<f[^>]*>SUM\(", package.read("xl/worksheets/sheet1.xml"))
    result = read(data)
    assert rows_of(result.report.applications) == SHUYANG_2023_T3
    assert codes(result) == ["R.AGENCY_KIND"]


def test_openpyxl_can_still_open_what_it_wrote() -> None:
    # The helper's workbooks are real ones: openpyxl reads them back with their merges.
    book = openpyxl.load_workbook(io.BytesIO(one_sheet_2023().bytes()))
    assert len(book["统计表"].merged_cells.ranges) > 20
