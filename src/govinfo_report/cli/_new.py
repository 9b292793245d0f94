"""``new``: write a blank report, or this year's report started from last year's."""

from __future__ import annotations

import argparse
from typing import IO

from govinfo_report._cli_output import checked_output, syntax_for_output
from govinfo_report._io import write_output
from govinfo_report.cli import _common
from govinfo_report.cli._common import EXIT_OK, UsageError, print_findings
from govinfo_report.model import AgencyKind, blank_report, next_report


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``new --year Y -o FILE`` or ``new --from LAST -o FILE``: write a report to fill in."""
    import attrs

    from govinfo_report.serialize import dumps

    if options.previous is None and options.year is None:
        raise UsageError("say which year with --year, or start from last year's with --from")
    output = checked_output(options.output, options.force, options.previous)
    syntax = syntax_for_output(output)
    if options.previous is None:
        report = blank_report(
            options.format,
            year=options.year,
            agency=options.agency or "",
            agency_kind=AgencyKind(options.kind or AgencyKind.DEPARTMENT.value),
        )
        origin = ""
    else:
        read = _common.read_input(options.previous, None)
        print_findings(read.findings, options.previous, "zh", stderr)
        report = next_report(read.report, year=options.year, version=options.format)
        changes = {}
        if options.agency is not None:
            changes["agency"] = options.agency
        if options.kind is not None:
            changes["agency_kind"] = AgencyKind(options.kind)
        if changes:
            report = attrs.evolve(report, metadata=attrs.evolve(report.metadata, **changes))
        origin = f", from {options.previous}"
    text = dumps(report, syntax)
    if output is None:
        stdout.write(text)
        return EXIT_OK
    write_output(output, text.encode("utf-8"), force=options.force)
    version = report.metadata.format_version.value
    year = report.metadata.year
    stderr.write(f"wrote {output} ({version} format, report on {year}{origin})\n")
    return EXIT_OK
