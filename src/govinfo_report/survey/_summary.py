"""Phase 1 of a survey, in a worker: one file in, its summary out, as plain data.

:func:`summarise` reads one file, checks it, and returns a :class:`FileResult`: the
reports.csv row (all strings), the rule statuses, the findings as JSON Lines and the
extra rows' cells as CSV lines (already rendered, so that the main process only stores
and concatenates them; long findings zstd-compressed), the pairing key, and the tables
(compact JSON) from which the later phases rebuild what they need and cells.csv is
written. No
:class:`Report` leaves the worker. A file that cannot be read is a result with status
``unreadable`` and the reason; a bug of ours on one file is reported the same way
("internal error: ...") and never stops the batch.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from govinfo_report._agency import agency_key
from govinfo_report._input import NotARegularFileError, read_file
from govinfo_report._scan import shown
from govinfo_report.errors import GovinfoReportError, ReportLoadError
from govinfo_report.findings import Finding
from govinfo_report.model.cells import Empty
from govinfo_report.readers import MAX_SOURCE_BYTES
from govinfo_report.survey import _columns as columns
from govinfo_report.survey._archive import ARCHIVE_SUFFIX
from govinfo_report.survey._cells_csv import extra_cells
from govinfo_report.survey._findings_store import (
    Counts,
    counts,
    findings_jsonl,
    rule_statuses,
    unpack,
)
from govinfo_report.survey._json import text
from govinfo_report.survey._payload import encode_tables

Container = tuple[str, str]
"""(name, SHA-256) of the file that holds a report of its own (``("", "")``: none)."""
_NONE: Container = ("", "")


class FileResult(NamedTuple):
    """What phase 1 found in one file: plain data, small, picklable.

    ``row`` holds the reports.csv columns phase 1 knows (not ``previous_file``,
    ``parent`` or the rule columns); ``rules`` the status of every rule code that was
    evaluated (both as the JSON the cache stores, and the sketch pickled: the main
    process, which stores every result, only inserts them); the findings are split into
    those of the cross-year rules (``x_*``), which pairing with last year's report
    replaces, and all the others (``base_*``).
    """

    path: str
    sha256: str
    status: str
    """``ok``, ``errors`` (an error finding) or ``unreadable``."""
    agency_key: str
    year: int | None
    version: str
    """The format version (``2019``/``2021``), ``""`` when unreadable."""
    row: str
    """The reports.csv columns phase 1 knows, as JSON (made here, in the worker)."""
    rules: str
    """Rule code → status, as JSON."""
    base_counts: Counts
    base_findings: bytes
    x_counts: Counts
    x_findings: bytes
    cells: bytes
    """cells.csv lines of this file's extra rows; those of its standard cells are made
    from ``tables`` when the outputs are written (:func:`cells_lines`)."""
    tables: str
    """The three tables' values, for the cross-year and level checks (compact JSON)."""
    sketch: bytes | None
    """The DUP.1 sketch of the text, pickled; None when similarity is not judged."""
    internal_error: bool = False
    container: Container = _NONE
    """For a report inside a file (a zip archive's member, a collection's sheet): that
    file's name and SHA-256, by which a re-run knows whether to read it again."""


class _Sketches:
    """The DUP.1 sketches of one batch of files, made together once every file is read
    (:func:`~govinfo_report.survey._similar.sketches`: one numpy pass for the batch)."""

    def __init__(self) -> None:
        self.pending: list[tuple[FileResult, Any]] = []

    def defer(self, result: FileResult, report: Any) -> FileResult:
        """``result``, whose sketch is made with the batch's (its sections normalised now)."""
        from govinfo_report.survey import _similar  # numpy: only where it is used

        self.pending.append((result, _similar.judged_sections(report)))
        return result

    def fill(self, results: list[FileResult | str]) -> list[FileResult | str]:
        """``results`` with the deferred sketches in place. Should the batch's sketching
        fail (a bug of ours), each file is sketched alone, and one that fails is
        reported as an internal error, as any other bug on one file."""
        if not self.pending:
            return results
        from govinfo_report.survey import _similar

        sketched: dict[int, FileResult] = {}
        try:
            made = _similar.sketches([judged for _, judged in self.pending])
        except Exception:
            made = None
        for k, (result, judged) in enumerate(self.pending):
            try:
                one = made[k] if made is not None else _similar.sketches([judged])[0]
                sketched[id(result)] = result._replace(sketch=pickle.dumps(one, protocol=5))
            except Exception as exc:  # a bug of ours on one file must not stop a survey
                said = internal_error("sketching", exc)
                sketched[id(result)] = unreadable(result.path, result.sha256, *said, internal=True)
        return [sketched.get(id(r), r) if isinstance(r, FileResult) else r for r in results]


def summarise(path: str | Path, *, similar: bool = False, known: str = "") -> FileResult | str:
    """Read, check and summarise the report at ``path``; never raises for one file.

    Args:
        path: the file.
        similar: also compute what DUP.1 needs (the sketch of the text).
        known: the SHA-256 of the summary already stored for ``path``, if any: when the
            file still has it, it is not read again and its path is returned instead.
    """
    return _summarise(path, similar, known, None)


def _summarise(
    path: str | Path, similar: bool, known: str, batch: _Sketches | None
) -> FileResult | str:
    name = shown(str(path))  # the file as the outputs and the cache name it
    data = _read(path, name)
    if isinstance(data, FileResult):
        return data
    sha = hashlib.sha256(data).hexdigest()
    if known and sha == known:
        return name
    return _summarise_bytes(name, data, similar, sha, batch, Path(path).suffix)


def _read(path: str | Path, name: str) -> bytes | FileResult:
    """The file's bytes, or why it cannot be read: as ``read_report`` reads a path,
    never waiting on a FIFO nor reading a device or a file over the readers' cap."""
    try:
        data = read_file(Path(path), MAX_SOURCE_BYTES)
    except NotARegularFileError as exc:
        english = f"cannot read {name}: it is {exc.kind}, not a regular file"
        return unreadable(name, "", english, f"无法读取 {name}：它是{exc.kind_zh}，不是普通文件")
    except OSError as exc:
        from govinfo_report._failures import os_reason

        english = f"cannot read {name}: {shown(os_reason(exc))}"
        return unreadable(name, "", english, f"无法读取 {name}：{shown(os_reason(exc, 'zh'))}")
    if len(data) > MAX_SOURCE_BYTES:
        english = f"{name} is larger than {MAX_SOURCE_BYTES} bytes"
        return unreadable(name, "", english, f"{name} 大于 {MAX_SOURCE_BYTES} 字节")
    return data


COLLECTION_SEPARATOR = "#"
"""Between a collection workbook's path and a sheet name, in the survey's ``file``."""


def summarise_all(
    path: str | Path, *, similar: bool = False, known: str = ""
) -> list[FileResult | str]:
    """:func:`summarise`, but a collection workbook (one department a sheet) gives one
    result per department, its ``file`` being ``PATH#SHEET``, and a zip archive one per
    report in it (``ARCHIVE#MEMBER``); never raises for one file. ``known`` is then the
    SHA-256 the collection or archive had when its rows were stored: unchanged, its
    path is returned, as for a single report."""
    return _summarise_all(path, similar, known, None)


def _summarise_all(
    path: str | Path, similar: bool, known: str, batch: _Sketches | None
) -> list[FileResult | str]:
    suffix = Path(path).suffix.lower()
    if suffix == ARCHIVE_SUFFIX:
        from govinfo_report.survey._archive import summarise_archive

        return summarise_archive(path, similar, known, batch)
    from govinfo_report._departments import is_workbook_name

    if is_workbook_name(suffix):
        from govinfo_report.survey import _workbooks

        return _workbooks.summarise_workbook(path, similar, known, batch)
    return [_summarise(path, similar, known, batch)]


def summarise_bytes(
    name: str, data: bytes, *, similar: bool = False, sha: str | None = None
) -> FileResult:
    """:func:`summarise` on the bytes of the file ``name`` (already read)."""
    return _summarise_bytes(shown(name), data, similar, sha, None, Path(name).suffix)


def _summarise_bytes(
    name: str,
    data: bytes,
    similar: bool,
    sha: str | None,
    batch: _Sketches | None,
    suffix: str,
    container: Container = _NONE,
) -> FileResult:
    """``name``: the file as the outputs name it; ``suffix``: its name's, which guides
    detection (a .json file is JSON); ``container``: the file holding it, if any."""
    from govinfo_report.checks import check
    from govinfo_report.readers import read_report

    if sha is None:
        sha = hashlib.sha256(data).hexdigest()
    stage = "reading"
    try:
        read = read_report(data, name=name, suffix=suffix)
        stage = "checking"
        report = read.report
        findings = (*read.findings, *check(report))
        return _summary(name, sha, report, findings, similar, batch, container)
    except ReportLoadError as exc:
        said = shown(str(exc)), shown(exc.message("zh"))
        return unreadable(name, sha, *said, container=container)
    except (GovinfoReportError, OSError, RecursionError, MemoryError) as exc:
        return unreadable(name, sha, *described(exc), container=container)
    except Exception as exc:  # a bug of ours on one file must not stop a survey
        said = internal_error(stage, exc)
        return unreadable(name, sha, *map(shown, said), internal=True, container=container)


def summarise_batch(
    tasks: Sequence[tuple[str, str]], similar: bool = False
) -> list[FileResult | str]:
    """:func:`summarise` for each ``(path, known SHA-256)``: one task of a worker pool.

    The DUP.1 sketches of the batch are made together at the end, and its legacy
    documents (.doc, .xls) converted by one LibreOffice run at the start (the same as
    one file at a time, for a fraction of the cost)."""
    from govinfo_report._legacy import converted_first

    batch = _Sketches() if similar else None
    with converted_first(tasks):
        results = [r for path, known in tasks for r in _summarise_all(path, similar, known, batch)]
    return results if batch is None else batch.fill(results)


def unreadable(
    name: str,
    sha: str,
    reason: str,
    reason_zh: str,
    *,
    internal: bool = False,
    container: Container = _NONE,
) -> FileResult:
    """The result of a file that could not be read (or checked): why, in English and in
    Chinese (``reason_zh``), and nothing else."""
    row = dict.fromkeys(columns.BASE_COLUMNS, "")
    row.update(file=name, sha256=sha, status="unreadable", reason=reason)
    row.update(reason_zh=reason_zh)
    row.update(cells_read="0", cells_stated="0", errors="0", warnings="0", notices="0")
    return FileResult(
        path=name,
        sha256=sha,
        status="unreadable",
        agency_key="",
        year=None,
        version="",
        row=text(row),
        rules="{}",
        base_counts=(0, 0, 0),
        base_findings=b"",
        x_counts=(0, 0, 0),
        x_findings=b"",
        cells=b"",
        tables="",
        sketch=None,
        internal_error=internal,
        container=container,
    )


_STAGES_ZH = {"reading": "读取", "checking": "检查", "sketching": "比对相似度"}


def internal_error(stage: str, exc: BaseException) -> tuple[str, str]:
    """Why a file failed on a bug of ours while at ``stage`` (``reading``, ``checking``,
    ``sketching``), in English and Chinese."""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return f"internal error while {stage}: {detail}", f"内部错误（{_STAGES_ZH[stage]}时）：{detail}"


def described(exc: BaseException) -> tuple[str, str]:
    """Why a file could not be read, by the error met, in English and Chinese (each as
    the outputs show it: odd bytes of a name as ``\\xNN``)."""
    if isinstance(exc, RecursionError):
        return "the document is nested too deeply to read", "文档嵌套过深，无法读取"
    from govinfo_report._failures import describe_error

    return shown(describe_error(exc)), shown(describe_error(exc, lang="zh"))


def _summary(
    name: str,
    sha: str,
    report: Any,
    findings: Sequence[Finding],
    similar: bool,
    batch: _Sketches | None = None,
    container: Container = _NONE,
) -> FileResult:
    meta = report.metadata
    version = meta.format_version
    tables = report.tables
    values = [t.values for t in tables]
    key = agency_key(meta.agency)

    base = [f for f in findings if not f.code.startswith(columns.CROSS_YEAR_PREFIX)]
    cross = [f for f in findings if f.code.startswith(columns.CROSS_YEAR_PREFIX)]
    base_counts, x_counts = counts(base), counts(cross)
    total = tuple(a + b for a, b in zip(base_counts, x_counts, strict=True))

    row = dict.fromkeys(columns.BASE_COLUMNS, "")
    stated = sum(len(vs) for vs in values)
    read = stated - sum(vs.count(Empty.BLANK) for vs in values)  # count() runs in C
    row.update(
        file=name,
        sha256=sha,
        agency=meta.agency,
        agency_key=key,
        agency_kind=meta.agency_kind.value,
        year=str(meta.year),
        format=version.value,
        status="errors" if total[0] else "ok",
        cells_read=str(read),
        cells_stated=str(stated),
        errors=str(total[0]),
        warnings=str(total[1]),
        notices=str(total[2]),
    )
    for column, table, indices in columns.headline_indices(version):
        row[column] = columns.headline(values[table], indices)
    fee = report.processing_fee
    row["fee_amount"] = "" if fee is None else str(fee.amount)
    row["substantive_disclosure_rate"] = columns.rate(
        [row["disclosed"], row["partially_disclosed"]], row["total_outcomes"]
    )
    row["review_correction_rate"] = columns.rate([row["review_corrected"]], row["review_total"])

    sketch = None
    if similar and batch is None:
        from govinfo_report.survey import _similar  # numpy: only where it is used

        sketch = pickle.dumps(_similar.sketch(report), protocol=5)
    result = FileResult(
        path=name,
        sha256=sha,
        status=row["status"],
        agency_key=key,
        year=meta.year,
        version=version.value,
        row=text(row),
        rules=text(rule_statuses(findings, columns.rule_codes_of(version))),
        base_counts=base_counts,
        base_findings=findings_jsonl(name, base),
        x_counts=x_counts,
        x_findings=findings_jsonl(name, cross),
        cells=extra_cells(name, tables),
        tables=encode_tables(report),
        sketch=sketch,
        container=container,
    )
    return result if batch is None or not similar else batch.defer(result, report)


__all__ = [
    "Counts",
    "FileResult",
    "counts",
    "described",
    "findings_jsonl",
    "internal_error",
    "rule_statuses",
    "summarise",
    "summarise_batch",
    "summarise_bytes",
    "unpack",
    "unreadable",
]
