"""Collection workbooks: one sheet per department, written by ``new --departments``,
filled in by each department (openpyxl here), read back one report a sheet
(``read_workbook_reports``, ``import -o OUTDIR``, ``survey``) and summed by
``aggregate`` into the parent's report."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from govinfo_report import aggregate, blank_report, check, fill_totals, load
from govinfo_report import cli as cli_module
from govinfo_report.errors import ReportReadError, ReportWriteError
from govinfo_report.findings import Severity
from govinfo_report.model import BLANK, Money, Report
from govinfo_report.readers import read_report
from govinfo_report.readers.xlsx import read_workbook_reports
from govinfo_report.writers._xlsx_collection import department_sheet, sheet_names
from govinfo_report.writers.xlsx import render_collection

EXAMPLES = Path(__file__).parent.parent / "examples"
COUNTY = "安澜县"
DEPARTMENTS = [f"{COUNTY}第{i}局" for i in range(1, 31)]


def cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


def scaled(report: Report, k: int) -> Report:
    """``report``'s figures times ``k``: every 勾稽关系 still holds."""
    changes: dict[str, object] = {}
    for table in report.tables:
        for cell in table.spec.cells:
            value = table[cell.id]
            if isinstance(value, int):
                changes[f"{table.spec.id}.{cell.id}"] = value * k
            elif isinstance(value, Money):
                changes[f"{table.spec.id}.{cell.id}"] = Money(value.amount * k, value.unit)
    return report.with_cells(changes)


def fill_in(path: Path, reports: dict[str, Report]) -> None:
    """Each department types its figures into its sheet, formulas left alone."""
    book = openpyxl.load_workbook(path)
    names = dict(zip(reports, sheet_names(list(reports)), strict=True))
    for department, report in reports.items():
        sheet = book[names[department]]
        _, where = department_sheet(report, department, names[department])
        for path_id, (row, col) in where.items():
            target = sheet.cell(row + 1, col + 1)
            if isinstance(target.value, str) and target.value.startswith("="):
                continue
            value = report.cell(path_id)
            if value is BLANK:
                continue
            target.value = float(value.amount) if isinstance(value, Money) else value
    book.save(path)


@pytest.fixture(scope="module")
def example() -> Report:
    return load(EXAMPLES / "example_2021.yaml")


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory, example: Report) -> Path:
    """``new --departments`` for 30 departments, each filled with the example × k."""
    folder = tmp_path_factory.mktemp("region")
    listing = folder / "depts.txt"
    listing.write_text("# 安澜县的部门\n" + "\n".join(DEPARTMENTS) + "\n\n", encoding="utf-8")
    book = folder / "region.xlsx"
    code, _, err = cli(
        "new", "--to", "xlsx", "--departments", listing, "--year", 2024, "-o", book
    )  # fmt: skip
    assert code == 0, err
    assert "30 个部门" in err  # --lang zh, the default
    fill_in(book, {d: scaled(example, k) for k, d in enumerate(DEPARTMENTS, 1)})
    return book


def test_new_departments_writes_one_sheet_per_department(region: Path) -> None:
    book = openpyxl.load_workbook(region)
    assert book.sheetnames == ["基本信息", *DEPARTMENTS]
    first = book[DEPARTMENTS[0]]
    assert first["A1"].value == f"{DEPARTMENTS[0]}2024年政府信息公开工作年度报告"


def test_each_sheet_reads_back_as_its_departments_report(region: Path, example: Report) -> None:
    results = read_workbook_reports(region)
    assert [name for name, _ in results] == DEPARTMENTS
    for k, (name, (report, findings)) in enumerate(results, 1):
        assert (report.metadata.agency, report.metadata.year) == (name, 2024)
        assert not [f for f in findings if f.severity is Severity.ERROR]
        filled = fill_totals(report)
        want = scaled(example, k)
        for got, expected in zip(filled.tables, want.tables, strict=True):
            assert got.values == expected.values


def test_thirty_departments_sum_into_a_parent_that_validates_clean(
    region: Path, example: Report
) -> None:
    children = [fill_totals(report) for _, (report, _) in read_workbook_reports(region)]
    parent = aggregate(children, agency=f"{COUNTY}人民政府")
    assert [f for f in check(parent) if f.severity is Severity.ERROR] == []
    factor = sum(range(1, 31))
    path = "applications.new_received.total"
    assert parent.cell(path) == example.cell(path) * factor


def test_reading_a_collection_as_one_report_says_how_to_read_it(region: Path) -> None:
    with pytest.raises(ReportReadError, match="30 departments' reports, one a sheet"):
        read_report(region)


def test_import_writes_one_report_file_per_department(region: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = cli("import", region, "--fill-totals", "-o", out)
    assert code == 0, err
    assert f"已从 {region} 导入 30 份报告" in err
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{d}.yaml" for d in DEPARTMENTS)
    code, stdout, err = cli("validate", out)
    assert code == 0, stdout + err


def test_import_of_a_collection_to_a_file_is_refused(region: Path, tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text("", encoding="utf-8")
    code, _, err = cli("import", region, "-o", tmp_path / "one.yaml")
    assert code == 2
    assert "-o OUTDIR" in err


def test_import_of_a_collection_to_a_new_report_file_name_makes_no_folder_of_it(
    region: Path, tmp_path: Path
) -> None:
    code, _, err = cli("import", region, "-o", tmp_path / "new.yaml")
    assert code == 2
    assert f"{region} 含有各部门的报告（每个部门一份）：请用 -o OUTDIR 给出文件夹" in err
    code, _, err = cli("import", region, "-o", tmp_path / "new.yaml", "--lang", "en")
    assert code == 2
    assert "give a folder with -o OUTDIR" in err
    assert not (tmp_path / "new.yaml").exists()


def test_survey_reads_each_department_as_a_report(region: Path, tmp_path: Path) -> None:
    out = tmp_path / "survey"
    code, stdout, err = cli("survey", region, "-o", out, "--jobs", 1, "--quiet")
    assert code == 0, stdout + err
    with (out / "reports.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [row["file"] for row in rows] == sorted(f"{region}#{d}" for d in DEPARTMENTS)
    assert {row["agency"] for row in rows} == set(DEPARTMENTS)
    assert {row["errors"] for row in rows} == {"0"}


def test_sheet_names_are_valid_and_distinct() -> None:
    long = "某" * 40
    names = sheet_names(["a/b", long, long + "乙", "基本信息", "'x'"])
    assert names == ["a_b", "某" * 31, "某" * 28 + "(2)", "基本信息(2)", "x"]


def test_a_department_listed_twice_is_refused() -> None:
    form = blank_report("2021", year=2024)
    with pytest.raises(ReportWriteError, match="listed twice"):
        render_collection(form, ["甲局", "甲局"])


def test_departments_file_listing_a_name_twice_is_a_usage_error(tmp_path: Path) -> None:
    listing = tmp_path / "depts.txt"
    listing.write_text("甲局\n甲局\n", encoding="utf-8")
    code, _, err = cli(
        "new", "--lang", "en", "--year", 2024, "--departments", listing, "-o", tmp_path / "r.xlsx"
    )
    assert code == 2
    assert "twice" in err


def test_departments_need_a_workbook(tmp_path: Path) -> None:
    listing = tmp_path / "depts.txt"
    listing.write_text("甲局\n", encoding="utf-8")
    code, _, err = cli(
        "new", "--lang", "en", "--year", 2024, "--departments", listing, "-o", tmp_path / "r.yaml"
    )
    assert code == 2
    assert "workbook" in err


def test_departments_do_not_start_from_one_agencys_last_year(tmp_path: Path) -> None:
    listing = tmp_path / "depts.txt"
    listing.write_text("甲局\n", encoding="utf-8")
    last = EXAMPLES / "example_2021.yaml"
    code, _, err = cli("new", "--from", last, "--departments", listing, "-o", tmp_path / "r.xlsx")
    assert code == 2
    assert "--from" in err
    assert not (tmp_path / "r.xlsx").exists()


def test_a_blank_collection_reads_without_rows_reported_missing(tmp_path: Path) -> None:
    # A department that has not filled its sheet yet, or leaves whole rows blank (the
    # carried-forward row, Table 4's line of values): the rows are there, only blank.
    book = tmp_path / "blank.xlsx"
    book.write_bytes(render_collection(blank_report(year=2024), DEPARTMENTS[:2]))
    results = read_workbook_reports(book)
    assert [name for name, _ in results] == DEPARTMENTS[:2]
    for _, (report, findings) in results:
        assert [f.code for f in findings] == []
        assert report.metadata.year == 2024


def test_an_unchanged_collection_is_not_read_again(region: Path, tmp_path: Path) -> None:
    from govinfo_report.survey import survey

    folder = tmp_path / "in"
    folder.mkdir()
    book = folder / "region.xlsx"
    book.write_bytes(region.read_bytes())
    out = tmp_path / "out"
    assert survey([folder], out, jobs=1).read == 30
    before = (out / "reports.csv").read_bytes()
    again = survey([folder], out, jobs=1)
    assert (again.read, again.files) == (0, 30)  # its departments' rows are kept
    assert (out / "reports.csv").read_bytes() == before
    workbook = openpyxl.load_workbook(book)
    workbook[DEPARTMENTS[0]]["A1"] = f"{DEPARTMENTS[0]}2024年政府信息公开工作年度报告（修订）"
    workbook.save(book)
    assert survey([folder], out, jobs=1).read == 30  # changed: every sheet read again
