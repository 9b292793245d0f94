"""The fill-in workbook's whole journey on the command line, both formats: ``new --to
xlsx`` writes it, a user fills in the leaf cells (openpyxl, which saves no formula
results, so the totals come back blank), ``import --fill-totals`` computes them,
``validate`` finds no error and ``render --to docx`` writes the Word report."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest

from govinfo_report import cli as cli_module
from govinfo_report import load
from govinfo_report.model import BLANK, Money, Report
from govinfo_report.writers._xlsx_tables import table_sheet

EXAMPLES = Path(__file__).parent.parent / "examples"


def cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


def fill_in(path: Path, report: Report) -> None:
    """Type ``report``'s figures into the workbook at ``path`` as a user would: every
    value cell that is not a formula, at the place the form prints it; totals left
    to their formulas."""
    book = openpyxl.load_workbook(path)
    for table in report.tables:
        sheet = book[table.spec.title]
        _, placed = table_sheet(table)
        for cell_id, (row, col) in placed.items():
            target = sheet.cell(row + 1, col + 1)
            if isinstance(target.value, str) and target.value.startswith("="):
                continue
            value = table[cell_id]
            if value is BLANK:
                continue
            target.value = float(value.amount) if isinstance(value, Money) else value
    book.save(path)


@pytest.mark.parametrize(
    ("example", "version"), [("dongtou_2020.yaml", "2019"), ("example_2021.yaml", "2021")]
)
def test_new_workbook_filled_in_imports_validates_and_renders(
    tmp_path: Path, example: str, version: str
) -> None:
    published = load(EXAMPLES / example)
    meta = published.metadata
    blank = tmp_path / "blank.xlsx"
    code, _, err = cli(
        "new", "--to", "xlsx", "--format", version, "--year", meta.year,
        "--agency", meta.agency, "-o", blank,
    )  # fmt: skip
    assert code == 0, err
    fill_in(blank, published)

    plain = tmp_path / "plain.yaml"
    code, _, err = cli("import", blank, "-o", plain)
    assert code == 0, err
    assert "R.XLSX.FORMULA" in err  # openpyxl saved no results: the totals read blank
    assert load(plain).cell("applications.total_outcomes.total") is BLANK

    filled = tmp_path / "filled.yaml"
    code, _, err = cli("import", blank, "--fill-totals", "-o", filled)
    assert code == 0, err
    report = load(filled)
    assert (report.metadata.agency, report.metadata.year) == (meta.agency, meta.year)
    assert report.metadata.format_version.value == version
    for got, want in zip(report.tables, published.tables, strict=True):
        assert got.values == want.values

    code, out, err = cli("validate", filled)
    assert code == 0, out + err
    document = tmp_path / "report.docx"
    code, _, err = cli("render", filled, "--to", "docx", "-o", document)
    assert code == 0, err
    assert len(docx.Document(str(document)).tables) >= 3


def test_new_workbook_from_the_suffix_has_no_findings_sheet(tmp_path: Path) -> None:
    out = tmp_path / "form.xlsx"
    code, _, err = cli("new", "--lang", "en", "--year", 2025, "-o", out)
    assert code == 0, err
    assert "2021 format, report on 2025" in err
    assert "检查结果" not in openpyxl.load_workbook(out).sheetnames


def test_new_workbook_on_stdout_is_refused(tmp_path: Path) -> None:
    code, out, err = cli("new", "--lang", "en", "--year", 2025, "--to", "xlsx", "-o", "-")
    assert (code, out) == (2, "")
    assert "binary" in err


def test_import_fill_totals_lists_a_typed_total_its_parts_contradict(tmp_path: Path) -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    broken = report.with_cells({"review_litigation.review.total": 99})
    source = tmp_path / "broken.yaml"
    from govinfo_report.serialize import dump

    dump(broken, source)
    code, _, err = cli(
        "import", source, "--fill-totals", "-o", tmp_path / "out.yaml", "--lang", "en"
    )
    assert code == 0, err
    want = report.cell("review_litigation.review.total")
    assert f"total review_litigation.review.total: 99 typed, {want} from its parts" in err
    assert load(tmp_path / "out.yaml").cell("review_litigation.review.total") == want
