"""The survey's dashboard: one self-contained ``index.html`` drawn from its exports.

:func:`write_dashboard` reads a survey's ``reports.csv`` and ``findings.jsonl`` as
streams into a :class:`~._model.Survey` of bounded tallies (:mod:`._tally`, memory
flat; the survey itself gives the findings' counts, stored with them, rather than have
``findings.jsonl`` read back) and writes ``index.html`` beside them (:mod:`._page`):
reports by status, year, format and file type; findings by rule; the worst reports;
totals per year; agencies year over year; the derived ratios. Every chart is static SVG
drawn here (:mod:`._charts`) with its data table beside it; the page needs no script and loads
nothing from elsewhere. Everything from the input passes through one escaping layer
(:mod:`._html`); the same inputs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from govinfo_report._io import Slot, write_output
from govinfo_report.survey._dashboard._model import FINDINGS_JSONL, REPORTS_CSV
from govinfo_report.survey._dashboard._page import page
from govinfo_report.survey._dashboard._tally import tally

INDEX_HTML = "index.html"


def write_dashboard(
    out_dir: Path,
    *,
    staged: Mapping[str, Slot] | None = None,
    findings: Mapping[tuple[str, str, str], int] | None = None,
) -> Path:
    """Write ``out_dir/index.html`` from the survey exports in ``out_dir``.

    Args:
        out_dir: a survey's output folder, holding ``reports.csv`` (required) and
            ``findings.jsonl`` (optional: without it the page says findings are missing).
        staged: the slots of a staging, by file name, whose outputs are not yet in
            ``out_dir``: the exports are read from theirs and the page written to its.
        findings: how many findings of each (code, status, severity) findings.jsonl
            holds, when the caller wrote it and counted them: it is then not read
            again (the survey's own; the page is the same).

    Returns:
        The path of the page written (atomically: a temporary file, then a rename).

    Raises:
        ReportLoadError: ``reports.csv`` is missing or malformed, or ``findings.jsonl``
            holds a line that is not a finding; the message names the file and the line.
        ReportWriteError: ``index.html`` could not be written.
    """
    folder = Path(out_dir)
    target = folder / INDEX_HTML
    if staged is None:
        write_output(target, page(tally(folder, findings=findings)).encode("utf-8"))
        return target
    sources = {name: staged[name].temp for name in (REPORTS_CSV, FINDINGS_JSONL)}
    staged[INDEX_HTML].write((page(tally(folder, sources, findings)).encode("utf-8"),))
    return staged[INDEX_HTML].path


__all__ = ["FINDINGS_JSONL", "INDEX_HTML", "REPORTS_CSV", "write_dashboard"]
