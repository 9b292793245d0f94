"""``new``: write a blank report (every cell blank, the six standard headings)."""

from __future__ import annotations

import argparse
from typing import IO

from govinfo_report._cli_output import checked_output, syntax_for_output
from govinfo_report._io import write_output
from govinfo_report.cli._common import EXIT_OK
from govinfo_report.model import AgencyKind, blank_report


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``new --year Y -o FILE``: write a blank report to fill in."""
    from govinfo_report.serialize import dumps

    output = checked_output(options.output, options.force)
    syntax = syntax_for_output(output)
    report = blank_report(
        options.format,
        year=options.year,
        agency=options.agency,
        agency_kind=AgencyKind(options.kind),
    )
    text = dumps(report, syntax)
    if output is None:
        stdout.write(text)
        return EXIT_OK
    write_output(output, text.encode("utf-8"), force=options.force)
    version = report.metadata.format_version.value
    stderr.write(f"wrote {output} ({version} format, report on {options.year})\n")
    return EXIT_OK
