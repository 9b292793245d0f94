"""``render``: write a report as a Word document, Markdown, an Excel workbook or with a
plugin writer.

The document is written even when the report has errors (an office may want to see it),
but the exit code then says, as ``validate`` would, that it is not one to publish.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import IO, Any

from govinfo_report._cli_output import checked_output
from govinfo_report._io import write_output
from govinfo_report.cli import _common
from govinfo_report.cli._common import EXIT_ERRORS, EXIT_OK, UsageError, print_findings
from govinfo_report.findings import Severity


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``render FILE``: write the report with a writer, then say if its numbers are wrong."""
    from govinfo_report.writers import get_writer, writer_for_path

    source: Path = options.file
    if options.to is None and options.output in (None, "-"):
        raise UsageError("say which writer with --to (docx, markdown, xlsx, ...) or give -o FILE")
    if options.output is None and str(source) == "-":
        raise UsageError("reading standard input: give -o FILE, or -o - for text output")
    name = options.to or writer_for_path(options.output)
    writer_options: dict[str, Any] = {}
    if options.template is not None:
        if not options.template.is_file():
            raise FileNotFoundError(2, "no such template", str(options.template))
        writer_options["template"] = options.template
        if options.template_layout:
            writer_options["template_layout"] = True
    elif options.template_layout:
        raise UsageError("--template-layout needs --template T.docx")
    if options.html_tables:
        writer_options["tables"] = "html"
    try:
        writer = get_writer(name, **writer_options)
    except TypeError:
        given = ", ".join(sorted(writer_options))
        raise UsageError(f"writer {name!r} does not accept the option(s) {given}") from None
    except ImportError as exc:  # a writer whose module or dependency is missing
        raise UsageError(f"writer {name!r} is not available: {exc}") from None
    output = checked_output(
        options.output or source.with_suffix(writer.suffix), options.force, source
    )
    if output is None and writer.binary:
        raise UsageError(f"{name} output is binary; give -o FILE instead of -o -")
    read = _common.read_input(source, options.reader)
    print_findings(read.findings, source, options.lang, stderr)
    buffer = io.BytesIO()
    writer.write(read.report, buffer)
    if output is None:
        stdout.write(buffer.getvalue().decode("utf-8"))
    else:
        write_output(output, buffer.getvalue(), force=options.force)
        stderr.write(f"wrote {output}\n")
    # The document is written either way (an office may want to see it), but a report
    # whose numbers do not add up is not one to publish: say so, and exit as validate.
    from govinfo_report.checks import check

    errors = [f for f in check(read.report) if f.severity is Severity.ERROR]
    print_findings(errors, source, options.lang, stderr)
    reader_errors = any(f.severity is Severity.ERROR for f in read.findings)
    return EXIT_ERRORS if errors or reader_errors else EXIT_OK
