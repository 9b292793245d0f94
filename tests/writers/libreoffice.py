"""What the LibreOffice tests of the writers share: the program, a report with a number
in every cell, and one headless conversion of many files."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import attrs

from govinfo_report import Money, Report, blank_report, fill_totals
from govinfo_report.formats import CellKind

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_CALC = ("libsclo.so", "libsclo.dylib", "sclo.dll")


def has_calc() -> bool:
    """Whether LibreOffice has its spreadsheet module (Calc), which reads and writes
    workbooks (.xls, .xlsx): Debian's libreoffice-writer alone has not."""
    if SOFFICE is None:
        return False
    program = Path(SOFFICE).resolve().parent
    return any((program / name).exists() for name in _CALC)


def filled(version: str, year: int) -> Report:
    """A report of ``version`` with a distinct number in every cell, totals filled."""
    report = blank_report(version, year=year, agency="某某市某某局")
    for table in report.tables:
        values = tuple(
            Money(Decimal(f"{i}.5")) if c.kind is CellKind.MONEY else 1000 + i
            for i, c in enumerate(table.spec.cells)
        )
        report = attrs.evolve(report, **{table.spec.id: attrs.evolve(table, values=values)})
    return fill_totals(report)


def convert(folder: Path, target: str, sources: list[Path]) -> None:
    """Convert ``sources`` with filter ``target`` into ``folder``, in one LibreOffice run
    (a private profile, so that parallel runs do not share one)."""
    profile = (folder / "profile").as_uri()
    result = subprocess.run(
        [
            SOFFICE or "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            *("--convert-to", target, "--outdir", str(folder)),
            *map(str, sources),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr + result.stdout, result.stderr + result.stdout
