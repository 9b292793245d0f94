"""What the commands share: exit codes, error messages, reading an input, finding lines."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from govinfo_report._enums import Status
from govinfo_report._failures import exception_name
from govinfo_report.errors import GovinfoReportError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import IO

    from govinfo_report.findings import Finding, Lang
    from govinfo_report.model import Report
    from govinfo_report.readers import ReadResult

PROG = "govinfo-report"
DEBUG_ENV = "GOVINFO_REPORT_DEBUG"

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNUSABLE = 2
EXIT_BROKEN_PIPE = 128 + 13  # as a command killed by SIGPIPE: the reader of stdout left


class UsageError(GovinfoReportError, ValueError):
    """The command line asks for something that cannot be done."""


def internal_error(exc: BaseException, stderr: IO[str], lang: Lang) -> None:
    """Say that ``exc`` is a bug of ours, in ``lang``; the traceback only when
    :data:`DEBUG_ENV` is set."""
    name = exception_name(exc)
    stderr.write(
        said(
            lang,
            f"{PROG}: internal error: {name}\n"
            f"This is a bug in govinfo-report. Please report it with the command and the "
            f"input; set {DEBUG_ENV}=1 to see the traceback.\n",
            f"{PROG}: 内部错误：{name}\n"
            f"这是 govinfo-report 的缺陷，请连同所用的命令和输入文件报告；"
            f"设置 {DEBUG_ENV}=1 可以看到回溯（traceback）。\n",
        )
    )
    if os.environ.get(DEBUG_ENV):
        import traceback  # here: only a bug's report needs it

        stderr.write("".join(traceback.format_exception(exc)))


def read_input(path: Path, reader: str | None) -> ReadResult:
    """Read the report at ``path`` (``-`` is standard input) with ``reader`` or by detection.

    Raises:
        IsADirectoryError: ``path`` is a folder.
    """
    from govinfo_report.readers import read_report

    if str(path) == "-":  # a FIFO or device as FILE is refused; this is how to stream
        return read_report(sys.stdin.buffer, reader, name="<stdin>")
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder, expected a file", str(path))
    return read_report(path, reader)


def finding_line(path: str, finding: Finding, lang: Lang) -> str:
    """One finding as a line: where, severity, code, first cell, message."""
    where = f"{path} ({finding.location_in(lang)})" if finding.location else path
    severity = finding.severity.label_in(lang)
    if finding.status is Status.UNCERTAIN:
        severity += " (uncertain)" if lang == "en" else "（待定）"
    cell = f" {finding.paths[0]}" if finding.paths else ""
    return f"{where}: {severity} {finding.code}{cell}: {finding.message(lang)}"


def said(lang: Lang, english: str, chinese: str) -> str:
    """``english`` for ``--lang en``, else ``chinese``: a status line in the language asked for."""
    return english if lang == "en" else chinese


def wrote_cells(lang: Lang, output: object, read: int, stated: int) -> str:
    """The line saying a report file was written, and how many table cells were read."""
    return said(
        lang,
        f"wrote {output} ({read} of {stated} table cells read)\n",
        f"已写入 {output}（表格单元格读到 {read} 个，共 {stated} 个）\n",
    )


def output_folder(given: str | Path, source: Path, why: str, why_zh: str) -> Path:
    """The folder ``-o`` names for an input that gives several reports (``why``: what
    ``source`` holds, for the message; ``why_zh`` the same in Chinese).

    Raises:
        UsageError: ``-`` (standard output), an existing path that is not a folder, or a
            new one named as a report file (``out.yaml``: a folder so named is not what
            was meant).
    """
    from pathlib import Path  # here: --help needs no pathlib

    folder = Path(given)
    if (
        str(given) == "-"
        or (folder.exists() and not folder.is_dir())
        or (not folder.exists() and _names_a_report_file(folder))
    ):
        raise UsageError(
            f"{source} {why}: give a folder with -o OUTDIR",
            zh=f"{source} {why_zh}：请用 -o OUTDIR 给出文件夹",
        )
    return folder


def _names_a_report_file(path: Path) -> bool:
    """Whether ``path``'s suffix is one a report file is written with (serialize's)."""
    from govinfo_report.errors import UnknownFormatError
    from govinfo_report.serialize import syntax_for

    try:
        syntax_for(path)
    except UnknownFormatError:
        return False
    return True


def print_findings(
    findings: Sequence[Finding], source: str | Path, lang: Lang, out: IO[str]
) -> None:
    """Every finding of ``source`` as a line on ``out``."""
    for finding in findings:
        out.write(finding_line(str(source), finding, lang) + "\n")


def cell_counts(report: Report) -> tuple[int, int]:
    """(cells holding a value, cells the format states) over the three statistic tables.

    A cell holds a value when it is a number or "/": a blank cell, whether the document
    leaves it empty or the reader could not read it (or did not find its table), is not
    counted, so a document read without its tables shows "0 of 200".
    """
    from govinfo_report.model import BLANK

    tables = report.tables
    read = sum(value is not BLANK for table in tables for value in table.values)
    return read, sum(len(table.values) for table in tables)


def cells_line(counts: tuple[int, int], lang: Lang) -> str:
    """How many table cells were read, as the end of a summary line."""
    read, stated = counts
    if lang == "en":
        return f"table cells read: {read} of {stated}"
    return f"表格单元格读到 {read} 个，共 {stated} 个"
