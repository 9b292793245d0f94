"""``new``: write a blank report, or this year's report started from last year's."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO

from govinfo_report._cli_output import checked_output, syntax_for_output
from govinfo_report._io import write_output
from govinfo_report.cli import _common
from govinfo_report.cli._common import EXIT_OK, UsageError, print_findings, said
from govinfo_report.findings import Lang
from govinfo_report.model import AgencyKind, Report, blank_report, next_report


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``new --year Y -o FILE`` or ``new --from LAST -o FILE``: write a report to fill in."""
    import attrs

    from govinfo_report.serialize import dumps

    if options.previous is None and options.year is None:
        raise UsageError(
            "say which year with --year, or start from last year's with --from",
            zh="请用 --year 指定年度，或用 --from 从上一年度的报告开始",
        )
    output = checked_output(options.output, options.force, options.previous)
    workbook = _to_workbook(options, output)
    if options.departments is not None and not workbook:
        raise UsageError(
            "--departments writes a workbook: give -o FILE.xlsx or --to xlsx",
            zh="--departments 写出的是工作簿：请给出 -o FILE.xlsx 或 --to xlsx",
        )
    if options.departments is not None and options.previous is not None:
        # Last year's carried-over figures are one agency's: not every department's.
        raise UsageError(
            "--departments starts every department blank; it does not take --from",
            zh="--departments 让每个部门都从空白开始；不能与 --from 一起使用",
        )
    syntax = "yaml" if workbook else syntax_for_output(output)
    if options.previous is None:
        report = blank_report(
            options.format,
            year=options.year,
            agency=options.agency or "",
            agency_kind=AgencyKind(options.kind or AgencyKind.DEPARTMENT.value),
        )
        origin = ("", "")
    else:
        read = _common.read_input(options.previous, None)
        print_findings(read.findings, options.previous, options.lang, stderr)
        report = next_report(read.report, year=options.year, version=options.format)
        changes = {}
        if options.agency is not None:
            changes["agency"] = options.agency
        if options.kind is not None:
            changes["agency_kind"] = AgencyKind(options.kind)
        if changes:
            report = attrs.evolve(report, metadata=attrs.evolve(report.metadata, **changes))
        origin = (f", from {options.previous}", f"，基于 {options.previous}")
    if workbook:
        assert output is not None  # _to_workbook refuses stdout
        return _write_workbook(options, report, output, origin, stderr)
    text = dumps(report, syntax)
    if output is None:
        stdout.write(text)
        return EXIT_OK
    write_output(output, text.encode("utf-8"), force=options.force)
    stderr.write(_wrote(options.lang, output, report, origin))
    return EXIT_OK


def _to_workbook(options: argparse.Namespace, output: Path | None) -> bool:
    """Whether ``new`` writes the fill-in workbook: ``--to xlsx``, or ``-o`` ending .xlsx.

    Raises:
        UsageError: a workbook asked for on stdout.
    """
    to: str | None = options.to
    if to is None:
        to = "xlsx" if output is not None and output.suffix.lower() == ".xlsx" else "report"
    if to == "xlsx" and output is None:
        raise UsageError(
            "a workbook is binary; give -o FILE.xlsx instead of -o -",
            zh="工作簿是二进制文件；请用 -o FILE.xlsx，不要用 -o -",
        )
    if to == "xlsx" and output is not None and _names_a_report_file(output):
        raise UsageError(  # Excel could not open it, nor load() read it
            f"--to xlsx would write a workbook to {output}, a name for a report file; "
            "give -o FILE.xlsx, or leave out --to",
            zh=f"--to xlsx 会把工作簿写到 {output}，而这是报告文件的文件名；"
            "请给出 -o FILE.xlsx，或去掉 --to",
        )
    return to == "xlsx"


def _names_a_report_file(output: Path) -> bool:
    """Whether ``output``'s suffix is a report file's (one the loader reads by its
    syntax): a workbook written under it is a mistake."""
    from govinfo_report.errors import UnknownFormatError
    from govinfo_report.serialize import syntax_for

    try:
        syntax_for(output)
    except UnknownFormatError:
        return False
    return True


def _write_workbook(
    options: argparse.Namespace,
    report: Report,
    output: Path,
    origin: tuple[str, str],
    stderr: IO[str],
) -> int:
    """The fill-in workbook of ``report`` (one sheet per department with --departments)."""
    from govinfo_report.writers.xlsx import XlsxWriter, render_collection

    # A blank form's findings (every cell blank) are no help to whoever fills it in.
    if options.departments is None:
        data = XlsxWriter(findings=False).render(report)
        what = ("", "")
    else:
        names = _department_names(options.departments)
        data = render_collection(report, names)
        what = (f", {len(names)} departments", f"，{len(names)} 个部门")
    write_output(output, data, force=options.force)
    stderr.write(_wrote(options.lang, output, report, (what[0] + origin[0], what[1] + origin[1])))
    return EXIT_OK


def _department_names(path: Path) -> list[str]:
    """The departments listed in ``path``: one a line, blank lines and # comments skipped.

    Raises:
        UsageError: the file lists none, or one twice.
    """
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not names:
        raise UsageError(
            f"{path} lists no department (one name a line)",
            zh=f"{path} 中没有列出部门（每行一个名称）",
        )
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise UsageError(f"{path} lists {name!r} twice", zh=f"{path} 把 {name!r} 列了两次")
        seen.add(name)
    return names


def _wrote(lang: Lang, output: object, report: Report, more: tuple[str, str]) -> str:
    """The line saying the new report was written: its format and year, and ``more``."""
    version, year = report.metadata.format_version.value, report.metadata.year
    english = f"wrote {output} ({version} format, report on {year}{more[0]})"
    return (
        said(lang, english, f"已写入 {output}（{version} 格式，{year} 年度报告{more[1]}）") + "\n"
    )
