"""The XLSX writer: the workbook re-opened with openpyxl, as another program would.

The official grid with its merges on one sheet per table, locked labels and validated
value cells, totals as formulas carrying the report's figures, the 基本信息 sheet with
everything but the text, the 检查结果 sheet with links to the cells, and the same
bytes for the same report.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from govinfo_report import (
    NOT_APPLICABLE,
    AgencyKind,
    Contact,
    ExtraRow,
    Money,
    ProcessingFee,
    Report,
    blank_report,
    check,
    fill_totals,
    load,
    write_report,
)
from govinfo_report.errors import ReportWriteError
from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.writers import render
from govinfo_report.writers._xlsx_tables import totals
from govinfo_report.writers.xlsx import XlsxWriter

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REPORT_2021 = load(EXAMPLES / "example_2021.yaml")
REPORT_2019 = load(EXAMPLES / "dongtou_2020.yaml")


def workbook(report: Report, *, data_only: bool = False, **options: bool) -> openpyxl.Workbook:
    return openpyxl.load_workbook(
        io.BytesIO(render(report, "xlsx", **options)), data_only=data_only
    )


def sheet(book: openpyxl.Workbook, number: int) -> Worksheet:
    """The sheet of Table ``number`` (2, 3 or 4)."""
    ws = book.worksheets[number - 1]
    assert isinstance(ws, Worksheet)
    return ws


def merged(ws: Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def test_the_sheets_are_metadata_the_three_tables_and_the_findings() -> None:
    book = workbook(blank_report(year=2024, agency="某局"))
    spec = get_format("2021")
    assert book.sheetnames == ["基本信息", *(t.title for t in spec.tables), "检查结果"]


def test_no_findings_sheet_without_findings_or_when_not_asked_for() -> None:
    assert check(REPORT_2021) == ()
    assert "检查结果" not in workbook(REPORT_2021).sheetnames
    broken = REPORT_2021.with_cells({"applications.disclosed.natural_person": 22})
    assert "检查结果" not in workbook(broken, findings=False).sheetnames


def test_the_same_report_gives_the_same_bytes() -> None:
    assert render(REPORT_2021, "xlsx") == render(REPORT_2021, "xlsx")
    with zipfile.ZipFile(io.BytesIO(render(REPORT_2021, "xlsx"))) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize(("report", "rows"), [(REPORT_2021, 22), (REPORT_2019, 20)])
def test_table_3_has_the_official_merges(report: Report, rows: int) -> None:
    ws = sheet(workbook(report), 3)
    assert ws["A1"].value == get_format(report.metadata.format_version).applications.corner_note
    assert {"A1:C3", "D1:J1", "E2:I2", "D2:D3", "J2:J3"} <= merged(ws)
    assert f"A6:A{5 + rows}" in merged(ws)  # 三、本年度办理结果 over its rows
    assert ws["A6"].value == "三、本年度办理结果"
    assert ws["A4"].value == "一、本年新收政府信息公开申请数量"
    assert "A4:C4" in merged(ws)


def test_table_4_is_printed_sideways() -> None:
    ws = sheet(workbook(REPORT_2021), 4)
    assert [ws.cell(1, c).value for c in (1, 6)] == ["行政复议", "行政诉讼"]
    assert {"A1:E1", "F1:O1", "F2:J2", "K2:O2", "A2:A3"} <= merged(ws)
    table = REPORT_2021.review_litigation
    assert ws["A4"].value == table["review.upheld"]
    assert ws["K4"].value == table["litigation_after_review.upheld"]


def test_a_narrow_block_of_table_2_spans_its_value_over_the_width() -> None:
    ws = sheet(workbook(REPORT_2021), 2)
    assert ws["A5"].value == "第二十条第（五）项"
    assert {"A5:D5", "B6:D6", "B7:D7"} <= merged(ws)
    assert ws["B7"].value == REPORT_2021.proactive["licensing.decisions"]


def test_labels_are_locked_values_unlocked_and_the_sheet_protected_without_password() -> None:
    ws = sheet(workbook(REPORT_2021), 3)
    assert ws.protection.sheet is True
    assert not ws.protection.password
    assert ws["A4"].protection.locked is True
    assert ws["D4"].protection.locked is False  # 一、自然人
    assert ws["J4"].protection.locked is True  # 一、总计: a formula


def test_totals_are_formulas_of_the_cells_the_rules_add_up() -> None:
    ws = sheet(workbook(REPORT_2021), 3)
    assert ws["J4"].value == "=SUM(D4:I4)"  # T3.3 of 一
    assert ws["D27"].value == "=SUM(D6:D26)"  # T3.2: （七）总计 of 自然人
    t4 = sheet(workbook(REPORT_2021), 4)
    assert [t4[c].value for c in ("E4", "J4", "O4")] == [
        "=SUM(A4:D4)",
        "=SUM(F4:I4)",
        "=SUM(K4:N4)",
    ]


def test_formulas_carry_the_report_figures_as_cached_values() -> None:
    ws = sheet(workbook(REPORT_2021, data_only=True), 3)
    table = REPORT_2021.applications
    assert ws["J4"].value == table["new_received.total"]
    assert ws["D27"].value == table["total_outcomes.natural_person"]


@pytest.mark.parametrize("version", list(FormatVersion))
def test_every_total_is_a_sum_of_its_own_table_and_none_depends_on_itself(
    version: FormatVersion,
) -> None:
    for table in get_format(version).tables:
        found = totals(version, table.id)
        for cell, parts in found.items():
            seen, todo = set(), list(parts)
            while todo:
                part = todo.pop()
                assert part != cell
                assert part in table.index
                if part not in seen:
                    seen.add(part)
                    todo.extend(found.get(part, ()))
    assert totals(version, "proactive") == {}
    assert len(totals(version, "review_litigation")) == 3


def test_a_total_that_does_not_add_up_is_written_as_printed() -> None:
    broken = REPORT_2021.with_cells({"applications.disclosed.natural_person": 22})
    ws = sheet(workbook(broken), 3)
    assert ws["D27"].value == broken.applications["total_outcomes.natural_person"]
    assert ws["D27"].protection.locked is False
    assert ws["J6"].value == broken.applications["disclosed.total"]
    assert ws["J4"].value == "=SUM(D4:I4)"  # the rows that add up keep their formula


def test_a_blank_table_gets_formulas_without_a_figure() -> None:
    report = blank_report(year=2024, agency="某局")
    with zipfile.ZipFile(io.BytesIO(render(report, "xlsx"))) as package:
        xml = package.read("xl/worksheets/sheet3.xml").decode()
    assert '<c r="J4" s="4" t="str"><f>SUM(D4:I4)</f><v></v></c>' in xml
    assert sheet(workbook(report), 3)["J4"].value == "=SUM(D4:I4)"


def test_value_cells_validate_by_kind_and_allow_not_applicable() -> None:
    validations = {
        str(v.sqref): v for v in sheet(workbook(REPORT_2019), 2).data_validations.dataValidation
    }
    by_cell = {ref.split(":")[0]: v for ref, v in validations.items()}
    count, change = by_cell["B3"], by_cell["C7"]  # 规章 本年新制作数量; 行政许可 本年增/减
    assert str(count.sqref) == "B3:D4"
    assert count.type == "custom"
    assert count.formula1 == 'OR(B3="/",AND(ISNUMBER(B3),B3>=0,B3=INT(B3)))'
    assert change.formula1 == 'OR(C7="/",AND(ISNUMBER(C7),C7=INT(C7)))'
    assert "负数" in (change.prompt or "")
    money = by_cell["C18"]  # 2019 采购总金额
    assert money.formula1 == 'OR(C18="/",AND(ISNUMBER(C18),C18>=0))'


def test_money_in_wan_yuan_is_validated_as_a_decimal_and_says_its_unit() -> None:
    ws = sheet(workbook(REPORT_2021), 2)
    (money,) = [v for v in ws.data_validations.dataValidation if "B14" in str(v.sqref)]
    assert money.formula1 == 'OR(B14="/",AND(ISNUMBER(B14),B14>=0))'
    assert "万元" in (money.prompt or "")


def test_cells_hold_numbers_not_applicable_and_money_with_its_unit() -> None:
    report = REPORT_2021.with_cells(
        {
            "proactive.rules.issued": NOT_APPLICABLE,
            "proactive.fees.amount": Money(Decimal("251000"), "元"),
            "proactive.rules.repealed": 10**17,
        }
    )
    ws = sheet(workbook(report), 2)
    assert [ws["B3"].value, ws["C3"].value, ws["B14"].value] == ["/", str(10**17), "251000元"]
    assert sheet(workbook(REPORT_2021), 2)["B14"].value == 86.35


def test_extra_rows_are_placed_as_the_layout_says() -> None:
    report = blank_report(year=2024, agency="某局", fill=0)
    extra = ExtraRow(label="其他情形", values=(1, 2), after="not_processed_repeated")
    table = attrs.evolve(report.applications, extra_rows=(extra,))
    ws = sheet(workbook(attrs.evolve(report, applications=table)), 3)
    rows = {ws.cell(r, 3).value: r for r in range(1, ws.max_row + 1)}
    row = rows["其他情形"]
    assert row == rows["2.重复申请"] + 1
    assert [ws.cell(row, c).value for c in (4, 5)] == [1, 2]
    assert f"F{row}:J{row}" in merged(ws)  # filled out: no value there


def test_the_metadata_sheet_holds_everything_but_the_text() -> None:
    report = attrs.evolve(
        REPORT_2021,
        metadata=attrs.evolve(
            REPORT_2021.metadata,
            agency_kind=AgencyKind.GOVERNMENT,
            title="自定义标题",
            contact=Contact(phone="0577-1234567", postcode="325000"),
        ),
        processing_fee=ProcessingFee(amount=Decimal("120.5"), applications=2),
    )
    ws = workbook(report).worksheets[0]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, ws.max_row + 1)}
    meta = report.metadata
    assert values["机关名称"] == meta.agency
    assert values["机关类型"] == "本级人民政府"
    assert values["报告年度"] == meta.year
    assert values["报告格式"] == "2021"
    assert values["标题"] == "自定义标题"
    assert values["成文日期"] == dt.datetime(2025, 1, 20)
    assert values["联系电话"] == "0577-1234567"
    assert values["邮政编码"] == "325000"
    assert values["电子邮箱"] is None
    assert values["信息处理费（元）"] == 120.5
    assert values["收取信息处理费的申请（件）"] == 2
    assert ws.protection.sheet is True
    assert ws["B2"].protection.locked is False
    kinds = [v for v in ws.data_validations.dataValidation if str(v.sqref) == "B3"]
    assert kinds[0].formula1 == '"本级人民政府,政府部门,乡镇人民政府、街道办事处,其他"'


def test_a_date_before_any_spreadsheet_date_is_written_out() -> None:
    meta = attrs.evolve(REPORT_2021.metadata, signing_date=dt.date(1899, 1, 2))
    ws = workbook(attrs.evolve(REPORT_2021, metadata=meta)).worksheets[0]
    assert ws["B7"].value == "1899-01-02"


def test_the_findings_sheet_lists_the_findings_with_links_to_their_cells() -> None:
    broken = REPORT_2021.with_cells({"applications.disclosed.natural_person": 22})
    found = check(broken)
    ws = workbook(broken).worksheets[-1]
    assert ws.title == "检查结果"
    assert [c.value for c in ws[1]] == ["代码", "级别", "状态", "单元格", "说明", "Description"]
    assert ws.max_row == len(found) + 1
    first = found[0]
    assert [ws["A2"].value, ws["B2"].value, ws["E2"].value] == [
        first.code,
        "错误",
        first.message_zh,
    ]
    assert ws["D2"].value.startswith(first.paths[0])
    assert ws["D2"].hyperlink.location == "'三、收到和处理政府信息公开申请情况'!D27"


def test_text_a_workbook_cannot_hold_is_refused_naming_where() -> None:
    meta = attrs.evolve(REPORT_2021.metadata, agency="某\x01局")
    with pytest.raises(ReportWriteError, match=r"基本信息.*U\+0001"):
        render(attrs.evolve(REPORT_2021, metadata=meta), "xlsx")


def test_a_literal_escape_sequence_and_a_carriage_return_are_escaped() -> None:
    # As Excel writes them: XML would read the carriage return as a line feed, and
    # "_x0041_" as "A".
    meta = attrs.evolve(REPORT_2021.metadata, title="标题_x0041_\r\n续")
    with zipfile.ZipFile(io.BytesIO(render(attrs.evolve(REPORT_2021, metadata=meta), "xlsx"))) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert '<t xml:space="preserve">标题_x005F_x0041__x000D_\n续</t>' in xml


def test_too_many_extra_values_are_refused() -> None:
    report = blank_report(year=2024, agency="某局")
    extra = ExtraRow(label="其他", values=(1,) * 5, after="rules")
    table = attrs.evolve(report.proactive, extra_rows=(extra,))
    with pytest.raises(ReportWriteError, match="room for 3"):
        render(attrs.evolve(report, proactive=table), "xlsx")
    with pytest.raises(ReportWriteError, match="extra row '其他' of table 2 has 5 values; the"):
        render(attrs.evolve(report, proactive=table), "docx")  # the same check


def test_write_report_picks_the_writer_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report(fill_totals(REPORT_2021), path)
    assert path.read_bytes() == XlsxWriter().render(fill_totals(REPORT_2021))
