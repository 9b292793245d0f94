"""DOCX writer benchmarks: render median ≤ 15 ms per report, ≥ 10× python-docx (issue 3).

The report is the bundled 2021 example (``examples/example_2021.yaml``: a number in every
table cell, text in every section). ``docx_render_2021`` renders it with our writer
through the public ``render(report, "docx")``; ``docx_baseline_python_docx_2021``
renders the same content with python-docx's public API (``benchmarks/baseline_docx.py``:
``table.cell(r, c).text = ...``, ``cell.merge(...)``). The 2019 case uses the 洞头 2020
example.

``docx_render_2021_template`` renders the 2021 example with one writer made from an
office template (python-docx's default document with a 红头 line in its header, the
docs' example: a megabyte of styles, a theme, a thumbnail). The template's parts are
prepared and deflated once per writer, so the ratio printed, plain render / template
render, should stay near 1 (it was 0.29 when every part was deflated for each report).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import docx
from baseline_docx import render_baseline

from govinfo_report.serialize import load
from govinfo_report.writers import render
from govinfo_report.writers.docx import DocxWriter

_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
REPORT_2021 = load(_EXAMPLES / "example_2021.yaml")
REPORT_2019 = load(_EXAMPLES / "dongtou_2020.yaml")


def _ours(report: object) -> Callable[[], object]:
    return lambda: render(report, "docx")  # type: ignore[arg-type]


def _with_template(report: object) -> Callable[[], object]:
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "安澜县自然资源局文件"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letterhead.docx"
        letterhead.save(path)
        writer = DocxWriter(template=path)  # the template is read here, once
    return lambda: writer.render(report)  # type: ignore[arg-type]


CASES: list[tuple[str, Callable[[], object], float | None]] = [
    ("docx_render_2021", _ours(REPORT_2021), 15_000.0),
    ("docx_render_2019", _ours(REPORT_2019), 15_000.0),
    ("docx_render_2021_template", _with_template(REPORT_2021), 15_000.0),
    ("docx_baseline_python_docx_2021", lambda: render_baseline(REPORT_2021), None),
]

RATIOS: list[tuple[str, str, str, float]] = [
    (
        "DOCX writer vs plain python-docx (2021 report)",
        "docx_baseline_python_docx_2021",
        "docx_render_2021",
        10.0,
    ),
    (
        "DOCX plain render / render with a template",
        "docx_render_2021",
        "docx_render_2021_template",
        0.5,
    ),
]
