"""Markdown benchmarks: render median ≤ 1 ms per report (issue 3); reading it back.

The report is the bundled 2021 example (``examples/example_2021.yaml``: a number in every
table cell, text in every section), rendered through the public
``render(report, "markdown")`` with GFM tables (the default) and with HTML tables; the
2019 case uses the 洞头 2020 example. Reading our own Markdown back has no target in the
issues; its medians are printed for information.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from govinfo_report.readers.markdown import MarkdownReader
from govinfo_report.serialize import load
from govinfo_report.writers import render

_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
REPORT_2021 = load(_EXAMPLES / "example_2021.yaml")
REPORT_2019 = load(_EXAMPLES / "dongtou_2020.yaml")
_READER = MarkdownReader()
_GFM_2021 = render(REPORT_2021, "markdown")
_HTML_2021 = render(REPORT_2021, "markdown", tables="html")


def _render(report: object, tables: str = "gfm") -> Callable[[], object]:
    return lambda: render(report, "markdown", tables=tables)  # type: ignore[arg-type]


CASES: list[tuple[str, Callable[[], object], float | None]] = [
    ("markdown_render_2021", _render(REPORT_2021), 1_000.0),
    ("markdown_render_2021_html_tables", _render(REPORT_2021, "html"), 1_000.0),
    ("markdown_render_2019", _render(REPORT_2019), 1_000.0),
    ("markdown_read_2021", lambda: _READER.read(_GFM_2021), None),
    ("markdown_read_2021_html_tables", lambda: _READER.read(_HTML_2021), None),
]

RATIOS: list[tuple[str, str, str, float]] = []
