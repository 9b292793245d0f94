"""LibreOffice Calc opens the XLSX writer's workbooks (skipped without soffice and Calc).

One conversion to PDF of a 2021 and a 2019 workbook with a number in every cell and a
检查结果 sheet, and one to CSV (every sheet) of the 2021 one: LibreOffice loads them,
prints every sheet, and shows each table's labels and figures where the official grid
has them. A workbook filled in by hand (with openpyxl, which keeps no computed values)
shows the totals LibreOffice computes from its formulas.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from govinfo_report import blank_report
from govinfo_report.writers.xlsx import XlsxWriter
from writers.libreoffice import convert, filled, has_calc

PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    not has_calc(),
    reason="LibreOffice Calc (soffice with its spreadsheet module) is not installed",
)
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
"""Comma, double quote, UTF-8, from line 1, every sheet to its own file."""


def rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("calc")
    sources = []
    for name, report in {"r2021": filled("2021", 2021), "r2019": filled("2019", 2020)}.items():
        path = folder / f"{name}.xlsx"
        path.write_bytes(XlsxWriter().render(report))
        sources.append(path)
    convert(folder, "pdf", sources)
    convert(folder, CSV_FILTER, sources[:1])
    return folder


@pytest.mark.parametrize("name", ["r2021", "r2019"])
def test_libreoffice_prints_every_sheet(folder: Path, name: str) -> None:
    pdf = folder / f"{name}.pdf"
    assert pdf.stat().st_size > 0
    if PDFTOTEXT is None:
        return
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for label in ("机关名称", "第二十条第（一）项", "申请人情况", "行政复议", "T3.1"):
        assert label in text
    assert "1000" in text


def test_the_tables_are_where_the_official_grid_has_them(folder: Path) -> None:
    report = filled("2021", 2021)
    table3 = rows(folder / "r2021-三、收到和处理政府信息公开申请情况.csv")
    assert table3[0][0].startswith("（本列数据的勾稽关系为")
    assert table3[0][3] == "申请人情况"
    assert table3[3][:3] == ["一、本年新收政府信息公开申请数量", "", ""]
    table = report.applications
    assert table3[3][3:] == [
        str(table.get("new_received", c.id)) for c in table.spec.groups[0].columns
    ]
    table4 = rows(folder / "r2021-四、政府信息公开行政复议、行政诉讼情况.csv")
    assert table4[3] == [str(v) for v in report.review_litigation.values]
    meta = rows(folder / "r2021-基本信息.csv")
    assert meta[1][:2] == ["机关名称", "某某市某某局"]


def test_libreoffice_computes_the_totals_of_a_workbook_filled_in_by_hand(tmp_path: Path) -> None:
    source = tmp_path / "form.xlsx"
    source.write_bytes(XlsxWriter().render(blank_report(year=2024, agency="某局")))
    book = openpyxl.load_workbook(source)
    ws = book["三、收到和处理政府信息公开申请情况"]
    ws["D4"], ws["E4"], ws["D6"], ws["D7"] = 5, 2, 3, 1  # 一: 自然人, 商业企业; （一）, （二）
    book.save(source)
    convert(tmp_path, CSV_FILTER, [source])
    table3 = rows(tmp_path / "form-三、收到和处理政府信息公开申请情况.csv")
    assert table3[3][3:] == ["5", "2", "", "", "", "", "7"]  # 总计 = SUM of the row
    (total,) = [row for row in table3 if row[1] == "（七）总计"]
    assert total[3:] == ["4", "0", "0", "0", "0", "0", "4"]  # （七） = SUM of the outcomes


def test_a_workbook_of_departments_saved_by_libreoffice_reads_back_with_its_totals(
    tmp_path: Path,
) -> None:
    from govinfo_report.readers.xlsx import is_collection, read_workbook_reports
    from govinfo_report.writers.xlsx import render_collection

    source = tmp_path / "filled" / "region.xlsx"
    source.parent.mkdir()
    source.write_bytes(render_collection(blank_report(year=2024), ["甲局", "乙局"]))
    book = openpyxl.load_workbook(source)
    for k, name in enumerate(["甲局", "乙局"], 1):
        ws = book[name]
        (row,) = [
            r
            for r in range(1, ws.max_row + 1)
            if ws.cell(r, 1).value == "四、政府信息公开行政复议、行政诉讼情况"
        ]
        ws.cell(row + 4, 1).value = k  # 行政复议: 结果维持
        ws.cell(row + 4, 2).value = 2 * k  # 结果纠正
    book.save(source)
    convert(tmp_path, "xlsx", [source])  # what a user's spreadsheet does when saving
    saved = (tmp_path / "region.xlsx").read_bytes()
    assert is_collection(saved)  # LibreOffice keeps the document property
    results = read_workbook_reports(saved)
    assert [name for name, _ in results] == ["甲局", "乙局"]
    for k, (_, (report, findings)) in enumerate(results, 1):
        assert "R.XLSX.FORMULA" not in {f.code for f in findings}
        assert report.cell("review_litigation.review.total") == 3 * k  # computed by Calc
