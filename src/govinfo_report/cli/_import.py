"""``import``: read a published report (Word, web page, Markdown, text) into a report file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO

from govinfo_report._cli_output import checked_output, syntax_for_output
from govinfo_report._io import write_output
from govinfo_report.cli import _common
from govinfo_report.cli._common import EXIT_ERRORS, EXIT_OK, print_findings
from govinfo_report.findings import Severity


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``import FILE -o OUT``: read a published report and write it as a report file."""
    from govinfo_report.serialize import dumps

    source: Path = options.file
    output = checked_output(options.output, options.force, source)
    syntax = syntax_for_output(output)
    # Unpacked, as users do: mypy --strict checks here that ReadResult unpacks typed.
    report, findings = _common.read_input(source, options.reader)
    print_findings(findings, source, options.lang, stderr)
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
