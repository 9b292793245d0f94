"""Batch render benchmarks: one writer for a batch against a writer per report (issue 11).

``batch_20_reports_template_render_many`` renders 20 copies of the 2021 example with an
office letterhead template into a folder through ``render_many`` (one writer: the
template is read once); ``batch_20_reports_template_write_report_loop`` does what a
script without it does, ``write_report(report, path, template=...)`` in a loop, which
makes a writer, and so reads the template, for every report. Both write the same 20
files atomically. The ratio printed is loop / batch; the ``_plain`` pair is the same
without a template, where sharing the writer saves little.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import docx

from govinfo_report import load, render_many, write_report

_EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
REPORT = load(_EXAMPLES / "example_2021.yaml")
N = 20

_FOLDER = Path(tempfile.mkdtemp(prefix="govinfo-bench-batch-"))
atexit.register(shutil.rmtree, _FOLDER, True)
_TEMPLATE = _FOLDER / "letterhead.docx"
_letterhead = docx.Document()
_letterhead.sections[0].header.paragraphs[0].text = "安澜县自然资源局文件"
_letterhead.save(_TEMPLATE)
_REPORTS = {f"r{i:02}": REPORT for i in range(N)}


def _many(**options: object) -> Callable[[], object]:
    out = _FOLDER / ("many_t" if options else "many")

    def run() -> object:
        results = render_many(_REPORTS, out, "docx", **options)
        assert all(r.ok for r in results)
        return results

    return run


def _loop(**options: object) -> Callable[[], object]:
    out = _FOLDER / ("loop_t" if options else "loop")
    out.mkdir(exist_ok=True)

    def run() -> None:
        for name, report in _REPORTS.items():
            write_report(report, out / f"{name}.docx", **options)

    return run


CASES: list[tuple[str, Callable[[], object], float | None]] = [
    ("batch_20_reports_template_render_many", _many(template=_TEMPLATE), None),
    ("batch_20_reports_template_write_report_loop", _loop(template=_TEMPLATE), None),
    ("batch_20_reports_plain_render_many", _many(), None),
    ("batch_20_reports_plain_write_report_loop", _loop(), None),
]

RATIOS: list[tuple[str, str, str, float]] = [
    (
        "20 reports on a template: write_report loop / render_many",
        "batch_20_reports_template_write_report_loop",
        "batch_20_reports_template_render_many",
        2.0,
    ),
    (
        "20 plain reports: write_report loop / render_many",
        "batch_20_reports_plain_write_report_loop",
        "batch_20_reports_plain_render_many",
        0.9,
    ),
]
