"""Excel 97-2003 (.xls) and WPS 表格 (.et) workbooks, read through LibreOffice.

``fixtures/xls/report_2021.xls`` is ``examples/example_2021.yaml`` written by our XLSX
writer and saved as .xls by LibreOffice 7 (``soffice --convert-to xls``), so detection is
tested without LibreOffice; reading it is skipped when ``soffice`` is absent.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from govinfo_report import load, write_report
from govinfo_report._scan import expand_paths
from govinfo_report.cli import run
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import detect, read_report
from govinfo_report.readers import doc as doc_module
from govinfo_report.readers._unsupported import ole2_streams, unsupported
from readers.test_doc_reader import needs_calc, needs_soffice, ole2, soffice_convert

ROOT = Path(__file__).parents[2]
XLS = ROOT / "tests" / "fixtures" / "xls" / "report_2021.xls"
EXAMPLE_2021 = ROOT / "examples" / "example_2021.yaml"
DEPARTMENTS = ["安澜县甲局", "安澜县乙局"]


def collection_xls(tmp_path: Path, folder: Path) -> Path:
    """A blank workbook of :data:`DEPARTMENTS` saved as ``folder/region.xls`` by
    LibreOffice (which must have Calc)."""
    from govinfo_report import blank_report
    from govinfo_report.writers.xlsx import render_collection

    book = tmp_path / "region.xlsx"
    book.write_bytes(render_collection(blank_report(year=2024), DEPARTMENTS))
    soffice_convert(book, "xls", folder)
    return folder / "region.xls"


def test_the_xls_fixture_is_detected_by_content_and_by_suffix() -> None:
    data = XLS.read_bytes()
    assert "Workbook" in ole2_streams(data)
    assert detect(data).name == "xls"
    assert detect(data, ".et").name == "xls"  # WPS 表格 writes the same format
    assert detect(data, ".doc").name == "xls"  # the content wins over a wrong suffix
    assert unsupported(data, ".xls") is None  # no longer named as unsupported


@pytest.mark.parametrize("stream", ["Workbook", "Book"])
def test_an_excel_workbook_of_either_generation_is_the_xls_readers(stream: str) -> None:
    assert detect(ole2(stream)).name == "xls"  # Book: Excel 5/95


def test_a_password_protected_package_is_still_named_so() -> None:
    with pytest.raises(ReportReadError, match="password-protected Office document"):
        detect(ole2("EncryptedPackage", "Workbook"), ".xls")


def test_a_word_document_named_xls_is_not_converted_as_a_workbook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(doc_module, "soffice", lambda: pytest.fail("soffice was run"))
    with pytest.raises(ReportReadError, match="not an Excel 97-2003 or WPS 表格 workbook"):
        read_report(ole2("WordDocument"), "xls")


def test_without_libreoffice_the_error_names_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(doc_module, "soffice", lambda: None)
    with pytest.raises(ReportReadError) as info:
        read_report(XLS)
    message = str(info.value)
    assert message.startswith(
        f"{XLS} is an Excel 97-2003 workbook; reading it needs LibreOffice, which is not installed"
    )
    assert "apt-get install libreoffice-calc" in message
    assert "save the workbook as .xlsx" in message


def test_xls_and_et_files_are_walked(tmp_path: Path) -> None:
    for name in ("a.xls", "b.ET", "c.xlt"):
        (tmp_path / name).write_bytes(XLS.read_bytes())
    walked = [path.name for path, reason in expand_paths([tmp_path]) if reason is None]
    assert walked == ["a.xls", "b.ET", "c.xlt"]


@needs_calc
def test_the_xls_fixture_reads_as_the_xlsx_it_was_made_from(tmp_path: Path) -> None:
    report = load(EXAMPLE_2021)
    write_report(report, tmp_path / "r.xlsx")
    direct = read_report(tmp_path / "r.xlsx")
    result = read_report(XLS)
    assert result == direct
    assert result.report.tables == report.tables
    assert result.report.metadata == report.metadata
    (tmp_path / "局.et").write_bytes(XLS.read_bytes())
    assert read_report(tmp_path / "局.et") == direct


@needs_calc
def test_validate_and_import_take_an_xls(tmp_path: Path) -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run(["validate", str(XLS)], stdout, stderr) == 0, stderr.getvalue()
    out = tmp_path / "r.yaml"
    assert run(["import", str(XLS), "-o", str(out)], stdout, stderr) == 0, stderr.getvalue()
    assert load(out).tables == load(EXAMPLE_2021).tables


@needs_soffice
def test_a_damaged_workbook_says_which_file_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "坏.xls"
    data = XLS.read_bytes()[:6000]  # the directory and the stream cut off
    path.write_bytes(data)
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run(["validate", str(path)], stdout, stderr) == 2
    assert str(path) in stderr.getvalue()
    assert "Traceback" not in stderr.getvalue()
    assert path.read_bytes() == data


def test_a_workbook_whose_directory_is_cut_off_is_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "坏.xls"
    data = XLS.read_bytes()[:6000]  # LibreOffice writes the directory after the streams
    path.write_bytes(data)
    assert ole2_streams(data) == set()
    with pytest.raises(ReportReadError) as info:
        read_report(path)
    assert str(info.value) == (
        "this is an old Office compound file with no workbook in it (damaged, or no "
        "Excel 97-2003 or WPS 表格 workbook): open it in Excel or WPS and save it again, or "
        "read the report itself in one of: docx, doc, wps, xlsx, xls, et, pdf and ofd (with a "
        "text layer), html, mht, markdown, text (including pdftotext -layout), json, yaml, toml"
    )


@needs_calc
def test_a_collection_saved_as_xls_is_imported_one_report_a_department(tmp_path: Path) -> None:
    names = DEPARTMENTS
    book = collection_xls(tmp_path, tmp_path)
    stdout, stderr = io.StringIO(), io.StringIO()
    out = tmp_path / "out"
    code = run(["import", "--lang", "en", str(book), "-o", str(out)], stdout, stderr)
    assert code == 0, stderr.getvalue()
    assert "imported 2 report(s) from" in stderr.getvalue()
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.yaml" for n in names)
    assert load(out / f"{names[0]}.yaml").metadata.agency == names[0]


def test_a_web_page_saved_as_xls_is_surveyed_as_the_page(tmp_path: Path) -> None:
    # Portals export tables as HTML named .xls; no LibreOffice is needed for it.
    import csv

    from govinfo_report.survey import survey

    page = ROOT / "tests" / "fixtures" / "html" / "shanghai_2019.html"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "导出.xls").write_bytes(page.read_bytes())
    result = survey([folder], tmp_path / "out", jobs=1, similar=False)
    assert result.unreadable == 0
    with (tmp_path / "out" / "reports.csv").open(encoding="utf-8-sig", newline="") as f:
        [row] = list(csv.DictReader(f))
    assert row["agency"] == read_report(page).report.metadata.agency


@needs_calc
def test_a_collection_saved_as_xls_is_surveyed_one_row_a_department(tmp_path: Path) -> None:
    import csv

    from govinfo_report.survey import survey

    names = DEPARTMENTS
    folder = tmp_path / "in"
    folder.mkdir()
    book = collection_xls(tmp_path, folder)
    (folder / "single.xls").write_bytes(XLS.read_bytes())
    result = survey([folder], tmp_path / "out", jobs=1, similar=False)
    assert (result.files, result.unreadable) == (3, 0)
    with (tmp_path / "out" / "reports.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = {row["file"]: row for row in csv.DictReader(f)}
    assert list(rows) == sorted([f"{book}#{n}" for n in names] + [str(folder / "single.xls")])
    assert rows[f"{book}#{names[1]}"]["agency"] == names[1]
    assert rows[str(folder / "single.xls")]["agency"] == load(EXAMPLE_2021).metadata.agency
    assert survey([folder], tmp_path / "out", jobs=1, similar=False).read == 0


@needs_calc
def test_a_collection_saved_as_xls_is_validated_one_department_at_a_time(tmp_path: Path) -> None:
    # Given, and inside an archive: converted once each, one result a department.
    import json
    import zipfile

    names = DEPARTMENTS
    folder = tmp_path / "in"
    folder.mkdir()
    book = collection_xls(tmp_path, folder)
    with zipfile.ZipFile(folder / "各区.zip", "w") as archive:
        archive.writestr("各区/region.xls", book.read_bytes())
        archive.writestr("各区/single.xls", XLS.read_bytes())
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run(["validate", "--jsonl", str(book), str(folder / "各区.zip")], stdout, stderr)
    assert code == 0, stderr.getvalue()
    files = [json.loads(line).get("file") for line in stdout.getvalue().splitlines()]
    held = f"{folder / '各区.zip'}#各区/region.xls"
    assert files[:-1] == [
        *(f"{book}#{n}" for n in names),
        *(f"{held}#{n}" for n in names),
        f"{folder / '各区.zip'}#各区/single.xls",
    ]
    # Imported, the collection gives a file a department, the single workbook its own.
    out = tmp_path / "out"
    code = run(["import", str(folder / "各区.zip"), "-o", str(out)], stdout, stderr)
    assert code == 0, stderr.getvalue()
    wanted = [*(f"region_{n}.yaml" for n in names), "single.yaml"]
    assert sorted(p.name for p in out.iterdir()) == sorted(wanted)
    assert load(out / "single.yaml").tables == load(EXAMPLE_2021).tables
