"""``import``: read a published report (Word, web page, Markdown, text) into a report file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO

from govinfo_report._cli_output import checked_output, syntax_for_output
from govinfo_report._io import write_output
from govinfo_report.cli import _common
from govinfo_report.cli._common import EXIT_ERRORS, EXIT_OK, UsageError, print_findings
from govinfo_report.findings import Lang, Severity
from govinfo_report.model import Report


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``import FILE -o OUT``: read a published report and write it as a report file."""
    from govinfo_report.serialize import dumps

    source: Path = options.file
    if _is_collection(source):
        return _collection(options, source, stderr)
    output = checked_output(options.output, options.force, source)
    syntax = syntax_for_output(output)
    # Unpacked, as users do: mypy --strict checks here that ReadResult unpacks typed.
    report, findings = _common.read_input(source, options.reader)
    print_findings(findings, source, options.lang, stderr)
    if options.fill_totals:
        report = _filled(report, source, options.lang, stderr)
    text = dumps(report, syntax)
    read, stated = _common.cell_counts(report)
    if output is None:
        stdout.write(text)
        stderr.write(f"read {read} of {stated} table cells\n")
    else:
        write_output(output, text.encode("utf-8"), force=options.force)
        stderr.write(f"wrote {output} ({read} of {stated} table cells read)\n")
    errors = any(f.severity is Severity.ERROR for f in findings)
    return EXIT_ERRORS if errors else EXIT_OK


def _filled(report: Report, source: Path, lang: Lang, stderr: IO[str]) -> Report:
    """``report`` with its totals computed; each total that was typed and changes is
    listed, so that a figure the parts contradict is not overwritten unseen."""
    from govinfo_report.model import BLANK, fill_totals

    filled, changes = fill_totals(report, changed=True)
    for change in changes:
        if change.before is BLANK:
            continue
        if lang == "en":
            line = f"total {change.path}: {change.before} typed, {change.after} from its parts"
        else:
            line = f"合计 {change.path}：填写为 {change.before}，按各项计算为 {change.after}"
        stderr.write(f"{source}: {line}\n")
    return filled


def _is_collection(source: Path) -> bool:
    """Whether ``source`` is a workbook of departments (one report a sheet)."""
    if str(source) == "-" or source.suffix.lower() not in (".xlsx", ".xlsm"):
        return False
    from govinfo_report._input import read_file
    from govinfo_report.readers import MAX_SOURCE_BYTES
    from govinfo_report.readers.xlsx import is_collection

    try:
        data = read_file(source, MAX_SOURCE_BYTES)
    except OSError:
        return False  # the ordinary path reports it
    return is_collection(data)


def _collection(options: argparse.Namespace, source: Path, stderr: IO[str]) -> int:
    """``import REGION.xlsx -o OUTDIR``: each department's sheet as OUTDIR/SHEET.yaml."""
    from govinfo_report.readers.xlsx import read_workbook_reports
    from govinfo_report.serialize import dumps

    out_dir = Path(options.output)
    if str(options.output) == "-" or (out_dir.exists() and not out_dir.is_dir()):
        raise UsageError(f"{source} holds one report per department: give a folder with -o OUTDIR")
    results = read_workbook_reports(source)
    out_dir.mkdir(parents=True, exist_ok=True)
    errors = False
    for sheet, (report, findings) in results:
        print_findings(findings, source, options.lang, stderr)
        if options.fill_totals:
            report = _filled(report, source, options.lang, stderr)
        name = sheet if not sheet.startswith(".") else "_" + sheet
        output = checked_output(out_dir / f"{name}.yaml", options.force, source)
        assert output is not None
        write_output(output, dumps(report, "yaml").encode("utf-8"), force=options.force)
        read, stated = _common.cell_counts(report)
        stderr.write(f"wrote {output} ({read} of {stated} table cells read)\n")
        errors = errors or any(f.severity is Severity.ERROR for f in findings)
    stderr.write(f"imported {len(results)} report(s) from {source}\n")
    return EXIT_ERRORS if errors else EXIT_OK
