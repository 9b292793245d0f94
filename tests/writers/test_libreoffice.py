"""LibreOffice opens and converts the DOCX writer's output (skipped without ``soffice``).

One conversion run for a 2021 and a 2019 report with a number in every cell, in a
private LibreOffice profile (a shared one fails when another instance is running). With
``pdftotext`` installed the PDF's text is checked too: title, table labels, values and
"— N —" page numbers all made it onto the pages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govinfo_report import Money, Report, blank_report, fill_totals
from govinfo_report.formats import CellKind
from govinfo_report.writers.docx import DocxWriter

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def filled(version: str, year: int) -> Report:
    report = blank_report(version, year=year, agency="某某市某某局")
    for table in report.tables:
        values = tuple(
            Money(Decimal(f"{i}.5")) if c.kind is CellKind.MONEY else 1000 + i
            for i, c in enumerate(table.spec.cells)
        )
        report = attrs.evolve(report, **{table.spec.id: attrs.evolve(table, values=values)})
    return fill_totals(report)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Report, Path]]:
    folder = tmp_path_factory.mktemp("libreoffice")
    reports = {"r2021": filled("2021", 2021), "r2019": filled("2019", 2020)}
    sources = []
    for name, report in reports.items():
        path = folder / f"{name}.docx"
        path.write_bytes(DocxWriter().render(report))
        sources.append(str(path))
    profile = (folder / "profile").as_uri()
    result = subprocess.run(
        [
            SOFFICE or "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            *("--convert-to", "pdf", "--outdir", str(folder)),
            *sources,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {name: (report, folder / f"{name}.pdf") for name, report in reports.items()}


@pytest.mark.parametrize("name", ["r2021", "r2019"])
def test_libreoffice_converts_the_document_to_pdf(
    converted: dict[str, tuple[Report, Path]], name: str
) -> None:
    _, pdf = converted[name]
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler) is not installed")
@pytest.mark.parametrize("name", ["r2021", "r2019"])
def test_converted_pages_show_title_tables_and_page_numbers(
    converted: dict[str, tuple[Report, Path]], name: str
) -> None:
    report, pdf = converted[name]
    text = subprocess.run(
        [PDFTOTEXT or "pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert report.metadata.agency in text
    assert report.applications.spec.rows[-1].label in text  # 四、结转下年度继续办理
    assert str(report.review_litigation["review.upheld"]) in text
    assert str(report.applications["total_outcomes.total"]) in text
    # pdftotext drops the spaces beside the dashes
    assert re.search(r"—\s*1\s*—", text)
    assert re.search(r"—\s*2\s*—", text)
