"""XLSX benchmarks: write and read one report, median ≤ 30 ms each (issue 12).

The reports are full: a 2021-format report and a 2019-format one with every table cell
filled (non-zero, consistent totals; ``tests/fixtures/pdf/reports.py``, the reports the
DOCX and PDF benchmarks use), written through the public ``render(report, "xlsx")``
(a 检查结果 sheet included when the report has findings) and read back by
``XlsxReader``. ``xlsx_write_2021_no_findings`` leaves out ``check(report)`` and its
sheet. ``openpyxl_*`` time openpyxl on the same workbook, for the ratios: saving it
(what writing it with openpyxl costs at least), and loading it (with its merges) as
``data_only=True`` and again for the formulas, as a reader that needs both would.
``xlsx_*_collection_30`` write and read a workbook of 30 departments (a sheet each,
the 2021 full report's tables on every sheet): the target is 30 reports' worth.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl

from govinfo_report.readers.xlsx import XlsxReader
from govinfo_report.writers import render
from govinfo_report.writers.xlsx import render_collection

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pdf"))
from reports import full

READER = XlsxReader()
REPORT_2021, REPORT_2019 = full(2023), full(2020)
XLSX_2021 = render(REPORT_2021, "xlsx")
XLSX_2019 = render(REPORT_2019, "xlsx")
_BOOK_2021 = openpyxl.load_workbook(io.BytesIO(XLSX_2021))
DEPARTMENTS = [f"某某县第{i}局" for i in range(1, 31)]
COLLECTION = render_collection(REPORT_2021, DEPARTMENTS)


def _openpyxl_save() -> bytes:
    buffer = io.BytesIO()
    _BOOK_2021.save(buffer)
    return buffer.getvalue()


def _openpyxl_load() -> object:
    values = openpyxl.load_workbook(io.BytesIO(XLSX_2021), data_only=True)
    formulas = openpyxl.load_workbook(io.BytesIO(XLSX_2021))
    return values, formulas


CASES: list[tuple[str, Callable[[], object], float | None]] = [
    ("xlsx_write_2021_full", lambda: render(REPORT_2021, "xlsx"), 30_000.0),
    ("xlsx_write_2019_full", lambda: render(REPORT_2019, "xlsx"), 30_000.0),
    ("xlsx_write_2021_no_findings", lambda: render(REPORT_2021, "xlsx", findings=False), None),
    ("xlsx_read_2021_full", lambda: READER.read(XLSX_2021, source="bench.xlsx"), 30_000.0),
    ("xlsx_read_2019_full", lambda: READER.read(XLSX_2019, source="bench.xlsx"), 30_000.0),
    (
        "xlsx_write_collection_30",
        lambda: render_collection(REPORT_2021, DEPARTMENTS),
        30 * 30_000.0,
    ),
    (
        "xlsx_read_collection_30",
        lambda: READER.read_sheets(COLLECTION, source="bench.xlsx"),
        30 * 30_000.0,
    ),
    ("openpyxl_save_2021_full", _openpyxl_save, None),
    ("openpyxl_load_2021_full", _openpyxl_load, None),
]
RATIOS: list[tuple[str, str, str, float]] = [
    ("openpyxl save / our xlsx write", "openpyxl_save_2021_full", "xlsx_write_2021_full", 1.0),
    ("openpyxl load / our xlsx read", "openpyxl_load_2021_full", "xlsx_read_2021_full", 1.0),
]
