"""The ``govinfo-report`` command: validate, create, import and render reports.

``main(argv)`` is the console script; ``run(args, stdout, stderr)`` does the work on
given streams so that tests and other programs can call it. Every subcommand returns an
exit code: 0 done / no errors, 1 the report has errors, 2 unusable input or a failure.
No input produces a traceback: library errors print ``govinfo-report: error: ...``, and
an unexpected exception prints a short "internal error" line with a hint.

Every command that writes a file (``new``, ``import``, ``render``, ``schema``) follows
one policy (:mod:`govinfo_report._cli_output`): ``-o -`` is stdout; an existing regular
file is replaced only with ``--force``; the input is never overwritten; devices and
FIFOs are written in place and anything else that is not a regular file is refused.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

import attrs

from govinfo_report._cli_output import POLICY, checked_output, syntax_for_output
from govinfo_report._io import write_output
from govinfo_report.errors import GovinfoReportError, ReportLoadError
from govinfo_report.findings import Finding, Lang, Severity, Status
from govinfo_report.formats import FormatVersion
from govinfo_report.model import AgencyKind, Report, blank_report

if TYPE_CHECKING:
    from govinfo_report.readers import ReadResult

PROG = "govinfo-report"
DEBUG_ENV = "GOVINFO_REPORT_DEBUG"

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNUSABLE = 2
EXIT_BROKEN_PIPE = 128 + 13  # as a command killed by SIGPIPE: the reader of stdout left

_SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.NOTICE: "提示"}
_SEVERITY_EN = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "notice"}


class _Exit(Exception):
    """argparse wants to stop (``--help``, a usage error): carries the exit code."""

    def __init__(self, code: int) -> None:
        self.code = code


class _UsageError(GovinfoReportError, ValueError):
    """The command line asks for something that cannot be done."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that writes to ``out``/``err`` and never calls sys.exit.

    Each run binds its streams in a subclass (argparse builds subparsers from a class).
    """

    out: IO[str]
    err: IO[str]

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            (self.err if file is sys.stderr else self.out).write(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self.err.write(message)
        raise _Exit(status)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNUSABLE, f"{self.prog}: error: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """The console script: ``run`` on the process's arguments and streams."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show Chinese gets escapes, not a UnicodeEncodeError.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        code = run(sys.argv[1:] if argv is None else list(argv), sys.stdout, sys.stderr)
        sys.stdout.flush()  # here, not at exit, where a closed pipe would print a warning
    except BrokenPipeError:  # `govinfo-report validate ... | head`: stop quietly
        # The interpreter flushes stdout again at exit: let that go nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    return code


def run(args: Sequence[str], stdout: IO[str], stderr: IO[str]) -> int:
    """Run one command.

    Args:
        args: the arguments after the program name, e.g. ``["validate", "r.yaml"]``.
        stdout: where results go.
        stderr: where errors and the reader's findings go.

    Returns:
        The exit code: 0 no errors, 1 errors in a report, 2 unusable input or failure.

    Raises:
        BrokenPipeError: ``stdout`` was closed by its reader; :func:`main` ends quietly.
    """
    parser = _build_parser(stdout, stderr)
    try:
        options = parser.parse_args(list(args))
    except _Exit as stop:
        return stop.code
    command: Callable[[argparse.Namespace, IO[str], IO[str]], int] = options.command
    try:
        return command(options, stdout, stderr)
    except BrokenPipeError:  # our stdout, not a file: outputs raise ReportWriteError
        raise
    except (GovinfoReportError, OSError, MemoryError) as exc:
        stderr.write(f"{PROG}: error: {_describe(exc, getattr(options, 'file', None))}\n")
    except KeyboardInterrupt:
        stderr.write(f"{PROG}: interrupted\n")
        return 130
    except Exception as exc:
        _internal_error(exc, stderr)
    return EXIT_UNUSABLE


def _describe(exc: BaseException, path: Path | None = None) -> str:
    """A message for an error met while working on ``path`` (the input, if any)."""
    if isinstance(exc, MemoryError):  # its message is usually empty
        where = f" while processing {path}" if path is not None else ""
        detail = f" ({exc})" if str(exc) else ""
        return f"out of memory{where}{detail}; the input is too large or too complex"
    if isinstance(exc, OSError) and not isinstance(exc, GovinfoReportError):
        where = f" {exc.filename}" if exc.filename else ""
        return f"cannot access{where}: {exc.strerror or exc}"
    return str(exc) or type(exc).__name__


def _exception_name(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _internal_error(exc: BaseException, stderr: IO[str]) -> None:
    stderr.write(
        f"{PROG}: internal error: {_exception_name(exc)}\n"
        f"This is a bug in govinfo-report. Please report it with the command and the input; "
        f"set {DEBUG_ENV}=1 to see the traceback.\n"
    )
    if os.environ.get(DEBUG_ENV):
        stderr.write("".join(traceback.format_exception(exc)))


# --- the parser ---------------------------------------------------------------------------


def _build_parser(stdout: IO[str], stderr: IO[str]) -> _Parser:
    class Parser(_Parser):
        out = stdout
        err = stderr

    parser = Parser(
        prog=PROG,
        description="政府信息公开工作年度报告: validate, create, import and render reports.",
        epilog="Exit codes: 0 no errors, 1 a report has errors, 2 unusable input or failure. "
        + POLICY,
    )
    from govinfo_report import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    commands.required = True

    p = commands.add_parser(
        "validate",
        help="check reports against the 勾稽关系 and the other rules",
        description="Check reports (files or folders) and print every finding.",
    )
    p.add_argument(
        "files", nargs="+", metavar="FILE", type=Path, help="report file or folder (- = stdin)"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="message language")
    output_format = p.add_mutually_exclusive_group()
    output_format.add_argument("--json", action="store_true", help="one JSON document on stdout")
    output_format.add_argument(
        "--jsonl",
        action="store_true",
        help="JSON Lines: one line per file as it is checked, then a summary line "
        "(for large batches)",
    )
    p.add_argument(
        "--min-severity",
        "--severity",
        dest="min_severity",
        choices=[s.value for s in Severity],
        default=Severity.NOTICE.value,
        help="show findings of this severity and worse (the exit code counts all)",
    )
    p.add_argument("--previous", type=Path, metavar="FILE", help="last year's report")
    p.add_argument("--from", dest="reader", metavar="FORMAT", help="input format (default: detect)")
    p.add_argument("--explain", action="store_true", help="print how to fix each finding")
    p.set_defaults(command=_validate)

    p = commands.add_parser(
        "new",
        help="write a blank report to fill in",
        description="Write a blank report (every cell blank, the six standard headings).",
        epilog=POLICY,
    )
    p.add_argument("--year", type=int, required=True, help="the year reported on")
    p.add_argument(
        "--format",
        choices=[v.value for v in FormatVersion],
        help="statutory format (default: the one prescribed for --year)",
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, help=".yaml, .json or .toml (- = YAML)"
    )
    p.add_argument("--agency", default="", help="the agency's full name")
    p.add_argument(
        "--kind",
        choices=[k.value for k in AgencyKind],
        default=AgencyKind.DEPARTMENT.value,
        help="agency kind (decides deadline and required content)",
    )
    p.add_argument(
        "--force", action="store_true", help="replace an existing file, even a read-only one"
    )
    p.set_defaults(command=_new)

    p = commands.add_parser(
        "schema",
        help="print the JSON Schema of the report file format",
        description="Print the JSON Schema (draft 2020-12) of a report file.",
        epilog=POLICY,
    )
    p.add_argument(
        "--format",
        choices=[v.value for v in FormatVersion],
        help="one format only (default: either, chosen by metadata.format_version)",
    )
    p.add_argument("-o", "--output", type=Path, help="write to a file instead of stdout")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file, even a read-only one"
    )
    p.set_defaults(command=_schema)

    p = commands.add_parser(
        "render",
        help="write a report as a Word document or Markdown",
        description="Render a report with a writer (docx, markdown or a plugin).",
        epilog=POLICY,
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the report (- = stdin)")
    p.add_argument("--to", metavar="WRITER", help="docx, markdown, ... (default: from -o)")
    p.add_argument(
        "-o", "--output", help="output file (default: FILE with the writer's suffix; - = stdout)"
    )
    p.add_argument("--template", type=Path, metavar="T.docx", help="Word template (docx)")
    p.add_argument(
        "--html-tables", action="store_true", help="Markdown: HTML tables with exact merges"
    )
    p.add_argument("--from", dest="reader", metavar="FORMAT", help="input format (default: detect)")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file, even a read-only one"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the findings")
    p.set_defaults(command=_render)

    p = commands.add_parser(
        "import",
        help="read a published report (Word, web page, text) into a report file",
        description="Read a report and write it as YAML, JSON or TOML.",
        epilog=POLICY,
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the published report (- = stdin)")
    p.add_argument("-o", "--output", required=True, help=".yaml, .json or .toml (- = YAML)")
    p.add_argument("--from", dest="reader", metavar="FORMAT", help="input format (default: detect)")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file, even a read-only one"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the findings")
    p.set_defaults(command=_import)
    return parser


# --- validate -------------------------------------------------------------------------------


@attrs.frozen
class FileResult:
    """What validating one file gave: the findings to show and the count of all of them,
    or the reason it could not be read.

    Only the findings that pass the severity filter are kept, and in a plain-text or
    JSON Lines batch not even those once printed: a batch over thousands of reports
    holds one report's findings at a time.
    """

    path: str
    findings: tuple[Finding, ...] = ()
    """The findings to show (those at or above ``--min-severity``)."""
    counts: Counter[Severity] = attrs.field(factory=Counter)
    """All findings by severity, shown or not."""
    error: str | None = None
    problems: tuple[str, ...] = ()

    @classmethod
    def checked(
        cls, path: str, findings: Sequence[Finding], shown: Callable[[Finding], bool]
    ) -> FileResult:
        """The result of a file that was read and checked."""
        return cls(
            path,
            tuple(f for f in findings if shown(f)),
            Counter(f.severity for f in findings),
        )

    def summarised(self) -> FileResult:
        """This result without its findings: what a streaming batch keeps."""
        return attrs.evolve(self, findings=())

    @property
    def status(self) -> str:
        """``unusable``, ``errors`` or ``ok``."""
        if self.error is not None:
            return "unusable"
        return "errors" if self.counts[Severity.ERROR] else "ok"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: file, status, counts, the shown findings, or the error."""
        data: dict[str, Any] = {"file": self.path, "status": self.status}
        if self.error is not None:
            data["error"] = self.error
            data["problems"] = list(self.problems)
            return data
        data["counts"] = {s.value: self.counts[s] for s in Severity}
        data["findings"] = [f.to_dict() for f in self.findings]
        return data


def _validate(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from govinfo_report.checks import check

    lang: Lang = options.lang
    previous = None
    if options.previous is not None:
        previous = _read(options.previous, options.reader).report
    threshold = Severity(options.min_severity).rank

    def shown(finding: Finding) -> bool:
        return finding.severity.rank <= threshold

    results: list[FileResult] = []
    for path, unusable in _expand(options.files):
        try:
            if unusable is not None:
                result = FileResult(str(path), error=unusable)
            else:
                read = _read(path, options.reader)
                findings = (*read.findings, *check(read.report, previous=previous))
                result = FileResult.checked(str(path), findings, shown)
        except ReportLoadError as exc:
            result = FileResult(str(path), error=str(exc), problems=exc.problems)
        except (GovinfoReportError, OSError, RecursionError, MemoryError) as exc:
            result = FileResult(str(path), error=_describe(exc, path))
        except Exception as exc:  # a reader's bug must not stop a batch of thousands
            result = FileResult(str(path), error=f"internal error: {_exception_name(exc)}")
        if options.json:
            results.append(result)
            continue
        if options.jsonl:
            stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            _print_result(result, lang, options.explain, stdout, stderr)
        results.append(result.summarised())
    code = _exit_code(results)
    if options.json:
        document = {
            "files": [r.to_dict() for r in results],
            "summary": _summary(results),
            "exit_code": code,
        }
        stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif options.jsonl:
        summary = {"summary": _summary(results), "exit_code": code}
        stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
    else:
        stdout.write(_summary_line(results, lang) + "\n")
    return code


def _read(path: Path, reader: str | None) -> ReadResult:
    from govinfo_report.readers import read_report

    if str(path) == "-":  # a FIFO or device as FILE is refused; this is how to stream
        return read_report(sys.stdin.buffer, reader, name="<stdin>")
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder, expected a file", str(path))
    return read_report(path, reader)


def _expand(paths: Sequence[Path]) -> Iterator[tuple[Path, str | None]]:
    """Files as given; folders recursively, keeping the suffixes some reader accepts.

    Each path comes with None, or with why it is unusable: a folder holding no report
    is one (``validate empty/`` must not say all is well).
    """
    suffixes: set[str] | None = None
    for path in paths:
        if not path.is_dir():
            yield path, None
            continue
        if suffixes is None:
            suffixes = _readable_suffixes()
        empty = True
        for found in sorted(path.rglob("*")):
            relative = found.relative_to(path).parts
            if any(part.startswith(".") for part in relative):
                continue  # hidden files, our own temporary files, .git
            if found.is_file() and found.suffix.lower() in suffixes:
                empty = False
                yield found, None
        if empty:
            looked = ", ".join(sorted(suffixes))
            yield path, f"no report files in this folder or below (looked for {looked})"


def _readable_suffixes() -> set[str]:
    from govinfo_report.readers import available_readers, get_reader

    return {s for name in available_readers() for s in get_reader(name).suffixes}


def _print_result(
    result: FileResult,
    lang: Lang,
    explain: bool,
    stdout: IO[str],
    stderr: IO[str],
) -> None:
    if result.error is not None:
        # Most messages already name the file ("cannot load x.json: ..."); say it once.
        named = result.path in result.error
        stderr.write(f"{PROG}: error: {'' if named else result.path + ': '}{result.error}\n")
        return
    for finding in result.findings:
        stdout.write(_finding_line(result.path, finding, lang) + "\n")
        if explain:
            hint = _fix_hint(finding.code, lang)
            if hint:
                stdout.write(f"    {hint}\n")
    if not result.findings and not result.counts[Severity.ERROR]:
        stdout.write(f"{result.path}: {'no errors' if lang == 'en' else '无错误'}\n")


def _finding_line(path: str, finding: Finding, lang: Lang) -> str:
    where = f"{path} ({finding.location})" if finding.location else path
    severity = (_SEVERITY_EN if lang == "en" else _SEVERITY_ZH)[finding.severity]
    if finding.status is Status.UNCERTAIN:
        severity += " (uncertain)" if lang == "en" else "（待定）"
    cell = f" {finding.paths[0]}" if finding.paths else ""
    return f"{where}: {severity} {finding.code}{cell}: {finding.message(lang)}"


def _fix_hint(code: str, lang: Lang) -> str | None:
    # One lookup for the checks' codes and the readers' (R.CELL, R.DOCX.EMBEDDED, ...).
    from govinfo_report.catalog import CATALOG

    info = CATALOG.get(code)
    if info is None:
        return None
    return f"{'fix' if lang == 'en' else '修改'}: {info.fix(lang)}"


def _exit_code(results: Sequence[FileResult]) -> int:
    if any(r.error is not None for r in results):
        return EXIT_UNUSABLE
    if any(r.counts[Severity.ERROR] for r in results):
        return EXIT_ERRORS
    return EXIT_OK


def _summary(results: Sequence[FileResult]) -> dict[str, Any]:
    totals: Counter[Severity] = Counter()
    for result in results:
        totals.update(result.counts)
    return {
        "files": len(results),
        "with_errors": sum(r.status == "errors" for r in results),
        "unusable": sum(r.status == "unusable" for r in results),
        "findings": {s.value: totals[s] for s in Severity},
    }


def _summary_line(results: Sequence[FileResult], lang: Lang) -> str:
    s = _summary(results)
    n = s["findings"]
    if lang == "en":
        return (
            f"{s['files']} file(s) checked: {s['with_errors']} with errors, "
            f"{s['unusable']} unusable; findings: {n['error']} error(s), "
            f"{n['warning']} warning(s), {n['notice']} notice(s)"
        )
    return (
        f"共检查 {s['files']} 个文件：{s['with_errors']} 个有错误，{s['unusable']} 个无法读取；"
        f"错误 {n['error']} 条，警告 {n['warning']} 条，提示 {n['notice']} 条"
    )


# --- new, schema ------------------------------------------------------------------------------


def _new(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
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


def _schema(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from govinfo_report.schema import json_schema

    output = None if options.output is None else checked_output(options.output, options.force)
    text = json.dumps(json_schema(options.format), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        stdout.write(text)
    else:
        write_output(output, text.encode("utf-8"), force=options.force)
    return EXIT_OK


# --- render, import ---------------------------------------------------------------------------


def _render(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from govinfo_report.writers import get_writer, writer_for_path

    source: Path = options.file
    if options.to is None and options.output in (None, "-"):
        raise _UsageError("say which writer with --to (docx, markdown, ...) or give -o FILE")
    if options.output is None and str(source) == "-":
        raise _UsageError("reading standard input: give -o FILE, or -o - for text output")
    name = options.to or writer_for_path(options.output)
    writer_options: dict[str, Any] = {}
    if options.template is not None:
        if not options.template.is_file():
            raise FileNotFoundError(2, "no such template", str(options.template))
        writer_options["template"] = options.template
    if options.html_tables:
        writer_options["tables"] = "html"
    try:
        writer = get_writer(name, **writer_options)
    except TypeError:
        given = ", ".join(sorted(writer_options))
        raise _UsageError(f"writer {name!r} does not accept the option(s) {given}") from None
    except ImportError as exc:  # a writer whose module or dependency is missing
        raise _UsageError(f"writer {name!r} is not available: {exc}") from None
    output = checked_output(
        options.output or source.with_suffix(writer.suffix), options.force, source
    )
    if output is None and writer.binary:
        raise _UsageError(f"{name} output is binary; give -o FILE instead of -o -")
    read = _read(source, options.reader)
    _print_findings(read.findings, source, options.lang, stderr)
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
    _print_findings(errors, source, options.lang, stderr)
    reader_errors = any(f.severity is Severity.ERROR for f in read.findings)
    return EXIT_ERRORS if errors or reader_errors else EXIT_OK


def _print_findings(findings: Sequence[Finding], source: Path, lang: Lang, out: IO[str]) -> None:
    for finding in findings:
        out.write(_finding_line(str(source), finding, lang) + "\n")


def _import(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from govinfo_report.serialize import dumps

    source: Path = options.file
    output = checked_output(options.output, options.force, source)
    syntax = syntax_for_output(output)
    read = _read(source, options.reader)
    report: Report = read.report
    _print_findings(read.findings, source, options.lang, stderr)
    text = dumps(report, syntax)
    if output is None:
        stdout.write(text)
    else:
        write_output(output, text.encode("utf-8"), force=options.force)
        stderr.write(f"wrote {output}\n")
    errors = any(f.severity is Severity.ERROR for f in read.findings)
    return EXIT_ERRORS if errors else EXIT_OK


__all__ = ["main", "run"]
