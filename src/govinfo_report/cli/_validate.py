"""``validate``: check reports, files or whole folders, and print every finding.

Plain lines, one JSON document (``--json``) or JSON Lines as each file is checked
(``--jsonl``); a batch keeps one report's findings at a time.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from govinfo_report._departments import is_workbook_name
from govinfo_report._failures import describe_error, exception_name
from govinfo_report._load_messages import LoadProblem
from govinfo_report._scan import expand_paths
from govinfo_report._scan import shown as _shown
from govinfo_report.cli import _common
from govinfo_report.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNUSABLE,
    PROG,
    finding_line,
)
from govinfo_report.cli._validate_summary import summary, summary_line
from govinfo_report.errors import (
    GovinfoReportError,
    PreviousReportMismatch,
    ReportLoadError,
    ReportReadError,
)
from govinfo_report.findings import Finding, Lang, Severity

if TYPE_CHECKING:
    from govinfo_report.model import Report
    from govinfo_report.readers import ReadResult


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
    details: tuple[LoadProblem, ...] = ()
    """A load error's problems, each with its path apart and its Chinese message."""
    error_zh: str | None = None
    """``error`` in Chinese (printed under ``--lang zh``; in the JSON output beside it)."""
    cells: tuple[int, int] = (0, 0)
    """Table cells holding a value, and cells the report's format states."""

    @classmethod
    def checked(
        cls,
        path: str,
        findings: Sequence[Finding],
        shown: Callable[[Finding], bool],
        cells: tuple[int, int],
    ) -> FileResult:
        """The result of a file that was read and checked."""
        return cls(
            path,
            tuple(f for f in findings if shown(f)),
            Counter(f.severity for f in findings),
            cells=cells,
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
            data["error_zh"] = self.error_zh or self.error
            data["problems"] = list(self.problems)
            if self.details:
                data["load_problems"] = [
                    {"path": p.path, "message_en": p.message_en, "message_zh": p.message_zh}
                    for p in self.details
                ]
            return data
        data["counts"] = {s.value: self.counts[s] for s in Severity}
        data["cells"] = {"read": self.cells[0], "stated": self.cells[1]}
        data["findings"] = [f.to_dict() for f in self.findings]
        return data


_CHUNK = 16
"""Files read at a time: their legacy documents (.doc, .xls) converted by one
LibreOffice run (:mod:`govinfo_report._legacy`)."""


def _chunks(
    paths: Iterable[tuple[Path, str | None]],
) -> Iterator[list[tuple[Path, str | None]]]:
    chunk: list[tuple[Path, str | None]] = []
    for item in paths:
        chunk.append(item)
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _converted_first(
    chunk: list[tuple[Path, str | None]], reader: str | None
) -> contextlib.AbstractContextManager[int]:
    """The legacy documents of ``chunk`` converted together, unless another reader than
    the legacy ones is asked for (standard input, ``-``, has no legacy suffix)."""
    if reader not in (None, "doc", "xls"):
        return contextlib.nullcontext(0)
    from govinfo_report._legacy import converted_first

    return converted_first([(str(path), "") for path, unusable in chunk if unusable is None])


_ARCHIVE_SUFFIX = ".zip"
""":data:`govinfo_report._archive.ARCHIVE_SUFFIX`, not imported for every validate (a
test keeps them one)."""
_Checked = Callable[[str, Callable[[], "ReadResult"], Path], "FileResult"]


def _archive_results(path: Path, name: str, checked: _Checked) -> Iterator[FileResult] | None:
    """The result of each report in the zip archive at ``path``, named
    ``ARCHIVE#MEMBER`` (:mod:`govinfo_report._archive`), or the archive's own when it
    cannot be opened or holds none; None when it is a document's package named .zip (a
    .docx), to be read as the document it is."""
    from govinfo_report._archive import NO_REPORT, NO_REPORT_ZH, SEPARATOR, Archive

    try:
        opened = Archive(path, name)
    except ReportReadError as exc:  # the archive as a whole
        return iter([FileResult(name, error=str(exc), error_zh=exc.message("zh"))])
    if not opened.holds_reports():
        opened.close()
        if opened.document:
            return None
        return iter([FileResult(name, error=NO_REPORT, error_zh=NO_REPORT_ZH)])

    def each() -> Iterator[FileResult]:
        from govinfo_report._legacy import converted_members
        from govinfo_report.readers import read_report

        with opened, converted_members(opened):
            for member, data in opened.members():
                where = _shown(f"{name}{SEPARATOR}{member}")
                suffix = Path(member).suffix
                if not isinstance(data, bytes):
                    error = data.error(where)
                    yield FileResult(where, error=str(error), error_zh=error.message("zh"))
                elif is_workbook_name(suffix):
                    yield from _workbook_results(where, data, suffix, path, checked)
                else:
                    reading = functools.partial(read_report, data, name=where, suffix=suffix)
                    yield checked(where, reading, path)

    return each()


def _workbook_results(
    name: str, data: bytes, suffix: str, path: Path, checked: _Checked
) -> Iterator[FileResult]:
    """The result of the workbook ``data`` (a file, or an archive's member, ``name``):
    one per department, named ``NAME#SHEET``, when it is a workbook of departments (one
    report a sheet), else its own. An ``.xls`` is converted once, either way."""
    from govinfo_report._departments import as_xlsx, department_reports, sheet_name
    from govinfo_report.readers import read_report

    try:
        data, suffix = as_xlsx(data, name, suffix)
        sheets = department_reports(data, name)
    except Exception as exc:  # said as a reading's failure is: checked() names it
        failure = exc

        def failing() -> ReadResult:
            raise failure

        yield checked(name, failing, path)
        return
    if sheets is None:
        yield checked(name, functools.partial(read_report, data, name=name, suffix=suffix), path)
        return
    for sheet, result in sheets:
        yield checked(_shown(sheet_name(name, sheet)), functools.partial(_given, result), path)


def _given(result: ReadResult) -> ReadResult:
    return result


def _workbook_bytes(path: Path) -> bytes | None:
    """The bytes of the workbook at ``path``; None when it cannot be read as a file."""
    from govinfo_report._input import read_file
    from govinfo_report.readers import MAX_SOURCE_BYTES

    try:
        data = read_file(path, MAX_SOURCE_BYTES)
    except OSError:
        return None
    return data if len(data) <= MAX_SOURCE_BYTES else None


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``validate FILE...``: read and check every file, print the findings and a summary."""
    from govinfo_report.checks import check

    lang: Lang = options.lang
    previous = None
    if options.previous is not None:
        previous = _common.read_input(options.previous, options.reader).report
    threshold = Severity(options.min_severity).rank

    def shown(finding: Finding) -> bool:
        return finding.severity.rank <= threshold

    def checked(name: str, reading: Callable[[], ReadResult], path: Path) -> FileResult:
        try:
            read = reading()
            if previous is not None and not options.force_previous:
                _same_agency(read.report, previous, options.previous)
            findings = (
                *read.findings,
                *check(read.report, previous=previous, other_agency=True),
            )
            return FileResult.checked(name, findings, shown, _common.cell_counts(read.report))
        except ReportLoadError as exc:
            return FileResult(
                name,
                error=_shown(str(exc)),
                problems=exc.problems,
                details=exc.details,
                error_zh=_shown(exc.message("zh")),
            )
        except (GovinfoReportError, OSError, RecursionError, MemoryError) as exc:
            return FileResult(
                name,
                error=_shown(describe_error(exc, path)),
                error_zh=_shown(describe_error(exc, path, "zh")),
            )
        except Exception as exc:  # a reader's bug must not stop a batch of thousands
            what = exception_name(exc)
            return FileResult(name, error=f"internal error: {what}", error_zh=f"内部错误：{what}")

    def of_file(path: Path, unusable: str | None) -> Iterator[FileResult]:
        # A name that is not UTF-8 (GBK) is said with its odd bytes as \xNN, as a survey
        # says it: JSON output stays UTF-8 that any parser takes.
        name = _shown(str(path))
        if unusable is not None:
            from govinfo_report._scan import unusable_zh

            yield FileResult(name, error=unusable, error_zh=unusable_zh(unusable))
            return
        if options.reader is None and path.suffix.lower() == _ARCHIVE_SUFFIX:
            bundle = _archive_results(path, name, checked)
            if bundle is not None:
                yield from bundle
                return
        if options.reader is None and is_workbook_name(path.suffix):
            data = _workbook_bytes(path)
            if data is not None:  # else read as any file, which says why it cannot be
                yield from _workbook_results(name, data, path.suffix, path, checked)
                return
        yield checked(name, lambda: _common.read_input(path, options.reader), path)

    results: list[FileResult] = []
    inputs = 0  # files on disk: a workbook or an archive gives a result a report
    for chunk in _chunks(expand_paths(options.files)):
        with _converted_first(chunk, options.reader):
            for path, unusable in chunk:
                inputs += 1
                for result in of_file(path, unusable):
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
            "summary": summary(results, inputs),
            "exit_code": code,
        }
        stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    elif options.jsonl:
        last = {"summary": summary(results, inputs), "exit_code": code}
        stdout.write(json.dumps(last, ensure_ascii=False) + "\n")
    else:
        stdout.write(summary_line(results, inputs, lang) + "\n")
    return code


def _same_agency(report: Report, previous: Report, path: Path) -> None:
    """Refuse ``--previous`` of another agency (as :func:`check` does, in CLI words)."""
    from govinfo_report._agency import different_agencies

    if different_agencies(report.metadata.agency, previous.metadata.agency):
        raise PreviousReportMismatch(
            f"--previous {path} is a report of {previous.metadata.agency}, not of "
            f"{report.metadata.agency}; give that agency's report on "
            f"{report.metadata.year - 1}, or --force-previous to compare them anyway",
            zh=f"--previous {path} 是{previous.metadata.agency}的报告，不是"
            f"{report.metadata.agency}的；请给出该机关 {report.metadata.year - 1} 年度的报告，"
            "或用 --force-previous 仍然比较",
        )


def _print_result(
    result: FileResult,
    lang: Lang,
    explain: bool,
    stdout: IO[str],
    stderr: IO[str],
) -> None:
    if result.error is not None:
        # Most messages already name the file ("cannot load x.json: ..."); say it once.
        error = (result.error_zh if lang == "zh" else None) or result.error
        named = result.path in error
        stderr.write(f"{PROG}: error: {'' if named else result.path + ': '}{error}\n")
        return
    for finding in result.findings:
        stdout.write(finding_line(result.path, finding, lang) + "\n")
        if explain:
            hint = _fix_hint(finding.code, lang)
            if hint:
                stdout.write(f"    {hint}\n")
    if not result.findings and not result.counts[Severity.ERROR]:
        stdout.write(f"{result.path}: {'no errors' if lang == 'en' else '无错误'}\n")


def _fix_hint(code: str, lang: Lang) -> str | None:
    # One lookup for the checks' codes and the readers' (R.CELL, R.DOCX.EMBEDDED, ...).
    from govinfo_report.catalog import CATALOG

    info = CATALOG.get(code)
    if info is None:
        return None
    return f"fix: {info.fix(lang)}" if lang == "en" else f"修改：{info.fix(lang)}"


def _exit_code(results: Sequence[FileResult]) -> int:
    if any(r.error is not None for r in results):
        return EXIT_UNUSABLE
    if any(r.counts[Severity.ERROR] for r in results):
        return EXIT_ERRORS
    return EXIT_OK
