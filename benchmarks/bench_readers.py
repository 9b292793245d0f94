"""Text and HTML reader benchmarks: import median ≤ 5 ms (text, and layout text: issue 9)
and ≤ 10 ms (HTML) per report (issue 4).

The inputs are the repository's fixtures: the three published reports as text (01 the
flattened extraction, 02 the 2019 format with every table complete, 03 the 2021 format)
and the three portal-style pages (Shanghai 2019 UTF-8, Shuyang 2023 GBK, a Hubei-style
2020 page in a layout table), and ``pdftotext -layout`` texts of report PDFs (the WPS-like
2021 report, with stacked headers and a vertical label, and a LibreOffice export of a
2023 report with every cell filled). Each case times the whole import from bytes: decoding,
parsing, the block walk and the shared engine. ``html_blocks_*`` times the HTML half
alone (decode, lxml, walk, main-content selection).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from govinfo_report.readers.html import HtmlReader, to_blocks
from govinfo_report.readers.text import TextReader

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
TEXT_TARGET_US = 5_000.0
HTML_TARGET_US = 10_000.0

_TEXT = {
    "dongtou_2020": FIXTURES / "text" / "01_wenzhou_dongtou_zwfwzx_2020.txt",
    "shanghai_2019": FIXTURES / "text" / "02_shanghai_szfbgt_2019.txt",
    "shuyang_2023": FIXTURES / "text" / "03_shuyang_fgj_2023.txt",
}
_LAYOUT = {
    "wps_2021": FIXTURES / "pdf_wps" / "b_ruled_2021.layout.txt",
    "libreoffice_2023": FIXTURES / "pdf_wps" / "libreoffice" / "full_2023.layout.txt",
}
_HTML = {
    "shanghai_2019": FIXTURES / "html" / "shanghai_2019.html",
    "shuyang_2023_gbk": FIXTURES / "html" / "shuyang_2023_gbk.html",
    "hubei_style_2020": FIXTURES / "html" / "hubei_style_2020.html",
}


def _text_case(data: bytes) -> Callable[[], object]:
    reader = TextReader()
    return lambda: reader.read(data, source="bench.txt")


def _html_case(data: bytes) -> Callable[[], object]:
    reader = HtmlReader()
    return lambda: reader.read(data, source="bench.html")


def _blocks_case(data: bytes) -> Callable[[], object]:
    return lambda: to_blocks(data, "bench.html")


CASES: list[tuple[str, Callable[[], object], float | None]] = [
    *(
        (f"text_read_{name}", _text_case(p.read_bytes()), TEXT_TARGET_US)
        for name, p in _TEXT.items()
    ),
    *(
        (f"layout_text_read_{name}", _text_case(p.read_bytes()), TEXT_TARGET_US)
        for name, p in _LAYOUT.items()
    ),
    *(
        (f"html_read_{name}", _html_case(p.read_bytes()), HTML_TARGET_US)
        for name, p in _HTML.items()
    ),
    *((f"html_blocks_{name}", _blocks_case(p.read_bytes()), None) for name, p in _HTML.items()),
]

RATIOS: list[tuple[str, str, str, float]] = []
