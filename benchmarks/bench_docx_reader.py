"""DOCX reader benchmarks: import median ≤ 30 ms per report (issue 4).

The reports are full: a 2021-format report and a 2019-format one with every table cell
filled (non-zero, consistent totals) and a few paragraphs in each section, written by
our DocxWriter. They are the reports behind the PDF fixtures ``full_2023.pdf`` and
``full_2020.pdf`` (``tests/fixtures/pdf/reports.py``), so the DOCX and PDF import
benchmarks read the same report. ``docx_extract_*`` times the first half alone (unzip,
parse, blocks), ``docx_read_*`` the whole import (blocks assembled into a report,
embedded data applied).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from govinfo_report.readers.docx import DocxReader, extract
from govinfo_report.writers import render

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "pdf"))
from reports import full

READER = DocxReader()
DOCX_2021 = render(full(2023), "docx")
DOCX_2019 = render(full(2020), "docx")

CASES: list[tuple[str, Callable[[], object], float | None]] = [
    ("docx_read_2021_full", lambda: READER.read(DOCX_2021, source="bench.docx"), 30_000.0),
    ("docx_read_2019_full", lambda: READER.read(DOCX_2019, source="bench.docx"), 30_000.0),
    ("docx_extract_2021_full", lambda: extract(DOCX_2021), None),
]
RATIOS: list[tuple[str, str, str, float]] = []
