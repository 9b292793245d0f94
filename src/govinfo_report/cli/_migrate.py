"""``migrate``: move a report into another statutory format (2019 试行 → 2021)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO

from govinfo_report._cli_output import checked_output, syntax_for_output
from govinfo_report._io import write_output
from govinfo_report.cli import _common
from govinfo_report.cli._common import EXIT_ERRORS, EXIT_OK, print_findings, said
from govinfo_report.findings import Severity


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``migrate FILE -o OUT``: read a report, migrate it, write it as a report file."""
    from govinfo_report.migrate import migrate
    from govinfo_report.serialize import dumps

    source: Path = options.file
    output = checked_output(options.output, options.force, source)
    syntax = syntax_for_output(output)
    report, read_findings = _common.read_input(source, options.reader)
    print_findings(read_findings, source, options.lang, stderr)
    was = report.metadata.format_version.value
    migrated, findings = migrate(report, options.to)
    print_findings(findings, source, options.lang, stderr)
    text = dumps(migrated, syntax)
    if was == options.to:
        done, done_zh = f"already in the {was} format, unchanged", f"已是 {was} 格式，未改动"
    else:
        n = len(findings)
        done = f"{was} → {options.to} format, {n} findings"
        done_zh = f"{was} → {options.to} 格式，{n} 条检查结果"
    if output is None:
        stdout.write(text)
        stderr.write(said(options.lang, f"migrated ({done})", f"已迁移（{done_zh}）") + "\n")
    else:
        write_output(output, text.encode("utf-8"), force=options.force)
        english, chinese = f"wrote {output} ({done})", f"已写入 {output}（{done_zh}）"
        stderr.write(said(options.lang, english, chinese) + "\n")
    errors = any(f.severity is Severity.ERROR for f in read_findings)
    return EXIT_ERRORS if errors else EXIT_OK
