"""A workbook of departments (one report a sheet) is split wherever a report is read:
``validate`` of the workbook, and a workbook inside a zip archive in ``validate``,
``survey`` and ``import``. Each department is named ``WORKBOOK#SHEET``
(``ARCHIVE#MEMBER#SHEET``), its findings its own."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from govinfo_report import cli as cli_module
from govinfo_report import load
from govinfo_report.survey import survey
from govinfo_report.writers._xlsx_collection import department_sheet, sheet_names
from govinfo_report.writers.xlsx import render_collection

EXAMPLE = Path(__file__).parent.parent / "examples" / "example_2021.yaml"
EAST, WEST = "安澜县东区局", "安澜县西区局"
TOTAL = "applications.new_received.total"


def cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Two departments' reports of the example's figures; 西区局 typed its 新收 total 5
    too high (T3.1), 东区局's is right. (Saved with the formulas' values as values, as
    openpyxl keeps no formula's saved value.)"""
    report = load(EXAMPLE)
    path = tmp_path_factory.mktemp("book") / "region.xlsx"
    path.write_bytes(render_collection(report, [EAST, WEST]))
    workbook = openpyxl.load_workbook(path, data_only=True)
    name = sheet_names([EAST, WEST])[1]
    _, where = department_sheet(report, WEST, name)
    row, col = where[TOTAL]
    workbook[name].cell(row + 1, col + 1).value = report.cell(TOTAL) + 5
    workbook.save(path)
    return path.read_bytes()


def bundle(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def region_bundle(path: Path, book: bytes) -> Path:
    """An archive of the workbook and one report, in a folder: ``各区/region.xlsx`` and
    ``各区/one.yaml``."""
    return bundle(path, {"各区/region.xlsx": book, "各区/one.yaml": EXAMPLE.read_bytes()})


def jsonl(stdout: str) -> dict[str, dict[str, object]]:
    lines = [json.loads(line) for line in stdout.splitlines()]
    return {line["file"]: line for line in lines if "file" in line}


def codes(result: dict[str, object]) -> set[str]:
    findings = result["findings"]
    assert isinstance(findings, list)
    return {f["code"] for f in findings if f["severity"] == "error"}


def test_validate_checks_each_department_of_a_workbook(book: bytes, tmp_path: Path) -> None:
    path = tmp_path / "region.xlsx"
    path.write_bytes(book)
    code, stdout, err = cli("validate", "--jsonl", path)
    assert code == 1, err  # 西区局's error; the workbook itself is read
    results = jsonl(stdout)
    assert list(results) == [f"{path}#{EAST}", f"{path}#{WEST}"]
    assert codes(results[f"{path}#{EAST}"]) == set()
    assert "T3.1" in codes(results[f"{path}#{WEST}"])
    assert results[f"{path}#{EAST}"]["cells"] == {"read": 200, "stated": 200}


def test_validate_names_a_department_in_its_lines(book: bytes, tmp_path: Path) -> None:
    path = tmp_path / "region.xlsx"
    path.write_bytes(book)
    code, stdout, _ = cli("validate", "--lang", "en", path)
    assert code == 1
    assert f"{path}#{WEST}: error T3.1" in stdout
    assert f"{path}#{EAST}: error" not in stdout
    assert "2 report(s) in 1 file(s) checked: 1 with errors, 0 unusable" in stdout


def test_validate_counts_the_reports_of_a_workbook_and_the_files_apart(
    book: bytes, tmp_path: Path
) -> None:
    # It said "共检查 2 个文件" of one workbook: a department counted as a file.
    path = tmp_path / "region.xlsx"
    path.write_bytes(book)
    single = tmp_path / "one.yaml"
    single.write_bytes(EXAMPLE.read_bytes())
    code, stdout, _ = cli("validate", path, single)
    assert code == 1
    assert stdout.splitlines()[-1].startswith(
        "共检查 2 个文件中的 3 份报告：1 份有错误，0 份无法读取"
    )
    code, stdout, _ = cli("validate", "--json", path, single)
    summary = json.loads(stdout)["summary"]
    assert (summary["files"], summary["input_files"], summary["with_errors"]) == (3, 2, 1)
    code, stdout, _ = cli("validate", single)
    assert stdout.splitlines()[-1].startswith("共检查 1 个文件：0 个有错误，0 个无法读取")


def test_validate_checks_each_department_of_a_workbook_in_an_archive(
    book: bytes, tmp_path: Path
) -> None:
    archive = region_bundle(tmp_path / "各单位.zip", book)
    code, stdout, err = cli("validate", "--jsonl", archive)
    assert code == 1, err
    results = jsonl(stdout)
    held = f"{archive}#各区/region.xlsx"
    assert list(results) == [f"{held}#{EAST}", f"{held}#{WEST}", f"{archive}#各区/one.yaml"]
    assert "T3.1" in codes(results[f"{held}#{WEST}"])
    assert codes(results[f"{held}#{EAST}"]) == set()


def test_a_damaged_workbook_in_an_archive_is_named_not_split(tmp_path: Path) -> None:
    archive = bundle(tmp_path / "a.zip", {"坏.xlsx": b"PK\x03\x04 not a workbook"})
    code, stdout, err = cli("validate", "--jsonl", archive)
    assert code == 2
    assert f"{archive}#坏.xlsx" in err or f"{archive}#坏.xlsx" in stdout


def test_a_single_report_workbook_is_still_one_report(tmp_path: Path) -> None:
    from govinfo_report import write_report

    path = tmp_path / "one.xlsx"
    write_report(load(EXAMPLE), path)
    code, stdout, err = cli("validate", "--jsonl", path)
    assert code == 0, err
    assert list(jsonl(stdout)) == [str(path)]


@pytest.mark.parametrize(
    ("file", "suffix"),
    [
        ("各区/报告.DOCX", "docx"),
        ("r.xlsx#东区局", "xlsx"),
        ("r.xlsx#东区.一局", "xlsx"),  # a sheet named with a dot
        ("a.zip#各区/局.pdf", "pdf"),
        ("a.zip#各区/r.xls#东区局", "xls"),
        ("报告#1.docx", "docx"),  # a # in a file's own name
        ("README", ""),
        (".hidden", ""),
        ("x.odt", "odt"),
    ],
)
def test_a_reports_file_type_is_its_documents(file: str, suffix: str) -> None:
    from govinfo_report._scan import document_suffix

    assert document_suffix(file) == suffix


def _rows(out: Path) -> dict[str, dict[str, str]]:
    with (out / "reports.csv").open(encoding="utf-8", newline="") as stream:
        return {row["file"]: row for row in csv.DictReader(stream)}


def test_survey_gives_a_row_per_department_of_a_workbook_in_an_archive(
    book: bytes, tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    archive = region_bundle(tmp_path / "in" / "各单位.zip", book)
    out = tmp_path / "out"
    result = survey([tmp_path / "in"], out, jobs=1)
    rows = _rows(out)
    held = f"{archive}#各区/region.xlsx"
    assert list(rows) == [f"{archive}#各区/one.yaml", f"{held}#{EAST}", f"{held}#{WEST}"]
    assert (rows[f"{held}#{EAST}"]["agency"], rows[f"{held}#{EAST}"]["status"]) == (EAST, "ok")
    assert (rows[f"{held}#{WEST}"]["agency"], rows[f"{held}#{WEST}"]["status"]) == (
        WEST,
        "errors",
    )
    assert rows[f"{held}#{WEST}"]["rule:T3.1"] == "fail"
    assert (result.files, result.unreadable) == (3, 0)
    # The dashboard counts a department by its workbook's type, not as "xlsx#安澜县东区局".
    from govinfo_report.survey._dashboard._tally import tally

    assert {k: sum(v.values()) for k, v in tally(out).by_suffix.items()} == {"xlsx": 2, "yaml": 1}
    # Unchanged, the archive is not read again, its departments' rows kept.
    before = (out / "reports.csv").read_bytes()
    again = survey([tmp_path / "in"], out, jobs=1)
    assert (again.read, again.files) == (0, 3)
    assert (out / "reports.csv").read_bytes() == before


def test_import_writes_a_file_per_department_of_a_workbook_in_an_archive(
    book: bytes, tmp_path: Path
) -> None:
    archive = region_bundle(tmp_path / "各单位.zip", book)
    out = tmp_path / "out"
    code, _, err = cli("import", "--lang", "en", archive, "-o", out)
    assert code == 0, err
    assert "imported 3 report(s)" in err
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"region_{EAST}.yaml", f"region_{WEST}.yaml", "one.yaml"]
    )
    west = load(out / f"region_{WEST}.yaml")
    assert (west.metadata.agency, west.cell(TOTAL)) == (WEST, load(EXAMPLE).cell(TOTAL) + 5)


def test_import_of_an_archive_checks_the_departments_outputs_first(
    book: bytes, tmp_path: Path
) -> None:
    archive = bundle(tmp_path / "a.zip", {"region.xlsx": book, "one.yaml": EXAMPLE.read_bytes()})
    out = tmp_path / "out"
    out.mkdir()
    (out / f"region_{WEST}.yaml").write_text("mine", encoding="utf-8")
    code, _, err = cli("import", archive, "-o", out)
    assert code == 2
    assert f"region_{WEST}.yaml" in err
    # Nothing was written: not the other department, not the other member.
    assert sorted(p.name for p in out.iterdir()) == [f"region_{WEST}.yaml"]
    assert (out / f"region_{WEST}.yaml").read_text(encoding="utf-8") == "mine"
