"""PDF reader benchmarks: import of a 5-6 page report, median ≤ 150 ms (moonshot 50 ms),
and ≥ 3× faster than pdfplumber's own ``extract_tables()`` over every page (issue 9); and
the OFD reader on the same pages written as OFD (both kinds of text objects).

The files are the committed fixtures: ``full_2023.pdf`` (5 pages, our DOCX output of a
2021-format report with every cell filled, exported by LibreOffice) and
``b_ruled_2021.pdf`` (6 pages, drawn the way WPS exports: filled-rectangle borders,
Table 3 split over two pages). ``pdf_read_*`` is the whole import (PDFium parsing,
layout, tables, the shared assembler); ``pdfplumber_tables_*`` opens the same bytes
with pdfplumber and calls ``extract_tables()`` on every page, which finds the tables
only, with no report read. pdfplumber is a dev dependency; without it only the
reader's own cases run.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from govinfo_report.readers.ofd import OfdReader
from govinfo_report.readers.pdf import PdfReader, extract

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
OURS = (FIXTURES / "pdf" / "full_2023.pdf").read_bytes()
WPS = (FIXTURES / "pdf_wps" / "b_ruled_2021.pdf").read_bytes()
READER = PdfReader()
OFD_RUNS = (FIXTURES / "ofd" / "full_2023_runs.ofd").read_bytes()
OFD_GLYPHS = (FIXTURES / "ofd" / "full_2023_glyphs.ofd").read_bytes()
OFD_READER = OfdReader()


def _plumber(data: bytes) -> Callable[[], object]:
    import pdfplumber

    def run() -> object:
        with pdfplumber.open(io.BytesIO(data)) as document:
            return [page.extract_tables() for page in document.pages]

    return run


CASES: list[tuple[str, Callable[[], object], float | None]] = [
    ("pdf_read_5_pages", lambda: READER.read(OURS, source="bench.pdf"), 150_000.0),
    ("pdf_read_wps_6_pages", lambda: READER.read(WPS, source="bench.pdf"), 150_000.0),
    ("pdf_extract_5_pages", lambda: extract(OURS), None),
    # The same 5 pages as OFD (tests/fixtures/ofd/make.py), a text object per run and
    # one per character: the same layout, so the difference is the OFD parsing.
    ("ofd_read_5_pages_runs", lambda: OFD_READER.read(OFD_RUNS, source="bench.ofd"), 150_000.0),
    (
        "ofd_read_5_pages_glyphs",
        lambda: OFD_READER.read(OFD_GLYPHS, source="bench.ofd"),
        150_000.0,
    ),
]
RATIOS: list[tuple[str, str, str, float]] = []
try:
    import pdfplumber  # noqa: F401
except ImportError:  # pragma: no cover - dev dependency
    pass
else:
    CASES += [
        ("pdfplumber_tables_5_pages", _plumber(OURS), None),
        ("pdfplumber_tables_wps_6_pages", _plumber(WPS), None),
    ]
    RATIOS += [
        ("PDF import vs pdfplumber tables", "pdfplumber_tables_5_pages", "pdf_read_5_pages", 3.0),
        (
            "PDF import vs pdfplumber tables (WPS)",
            "pdfplumber_tables_wps_6_pages",
            "pdf_read_wps_6_pages",
            3.0,
        ),
    ]
