"""Rendering many reports at once: one writer, one output file per report, atomically each.

:func:`render_many` renders every report it is given with one writer (a DOCX template is
read once for the whole batch, not once per report) into an output folder, each file
written atomically (:func:`govinfo_report._io.write_output`), and goes on past a report
that fails: each report gets a :class:`RenderResult` saying where it went or why it did
not. With an executor (a :class:`~concurrent.futures.ProcessPoolExecutor`, a Dask
client's ``get_executor()``), the reports are sent in chunks with the writer and read,
rendered and written in the workers. ``govinfo-report render DIR... -o OUTDIR`` runs
the same engine.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import attrs

from govinfo_report import _pool
from govinfo_report._cli_output import same_file
from govinfo_report._failures import describe_error, exception_name
from govinfo_report._io import destination, write_output
from govinfo_report.errors import GovinfoReportError
from govinfo_report.findings import Finding, Severity
from govinfo_report.model import Report

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from govinfo_report.writers import Writer

Source = Report | str | os.PathLike[str]
"""A report, or the path of a file holding one (read with :func:`read_report`)."""

CHUNK = 8
"""Reports per task sent to an executor: the writer travels once per chunk."""
IN_FLIGHT = 16
"""Chunks submitted to an executor at a time (the rest wait, so memory stays bounded)."""


@attrs.frozen(kw_only=True)
class RenderResult:
    """What rendering one report of a batch gave."""

    name: str
    """The report's name in the batch (its output path relative to the folder, as given)."""
    output: Path | None = None
    """The file written, or ``None`` when nothing was."""
    error: str | None = None
    """Why nothing was written (unreadable input, refused output, the writer's error)."""
    error_zh: str | None = None
    """:attr:`error` in Chinese, where the error is worded so (else None)."""
    findings: tuple[Finding, ...] = ()
    """The reader's findings for a report read from a file, then (when the batch
    checks, as the command line does) the report's error findings."""

    @property
    def ok(self) -> bool:
        """Whether the file was written."""
        return self.error is None

    @property
    def has_errors(self) -> bool:
        """Whether a finding is an error (the report or its reading is not one to publish)."""
        return any(f.severity is Severity.ERROR for f in self.findings)


@attrs.frozen(kw_only=True)
class Task:
    """One report of a batch: its name, where it goes, what it is."""

    name: str
    output: Path
    source: Source


@attrs.frozen(kw_only=True)
class Policy:
    """How a batch writes: what :func:`render_many` and ``render DIR...`` each ask for."""

    force: bool
    """Replace a read-only file (and, with ``keep_existing``, any existing file)."""
    keep_existing: bool = False
    """Refuse an existing file unless ``force`` (the command line's policy)."""
    check: bool = False
    """Run the checks and keep their error findings."""
    reader: str | None = None
    """The reader for the report files (None: detect)."""


def render_many(
    reports: Mapping[str | os.PathLike[str], Source]
    | Iterable[tuple[str | os.PathLike[str], Source]],
    out_dir: str | os.PathLike[str],
    to: str = "docx",
    *,
    executor: Executor | None = None,
    force: bool = False,
    **options: Any,
) -> tuple[RenderResult, ...]:
    """Render every report with one writer into ``out_dir``, one file each.

    ``render_many({"dongtou": report, "2024/局.yaml": "reports/局.yaml"}, "out")`` writes
    ``out/dongtou.docx`` and ``out/2024/局.docx``.

    Args:
        reports: ``{name: report}`` or ``(name, report)`` pairs. A name is the output's
            path relative to ``out_dir`` with its suffix replaced by the writer's (none:
            the writer's added); a report is a :class:`Report` or the path of a report
            file of any kind :func:`read_report` reads.
        out_dir: the folder to write into; it and the folders the names need are created.
        to: the writer's name (``docx``, ``markdown``, a plugin's).
        executor: read, render and write in its workers, a chunk of reports per task,
            the writer sent with each chunk; by default all in this process.
        force: replace read-only files too. An existing file is replaced, as
            :func:`write_report` does; the input file of a report is never.
        **options: the writer's options (``template=...`` for docx), given once for
            the one writer of the batch.

    Returns:
        One result per report, in the order given; a report that could not be read or
        written has its ``error`` and the batch goes on.

    Raises:
        UnknownFormatError: no writer has the name ``to``.
        UnknownOptionError: the writer has no such option.
        ReportWriteError: the writer's template cannot be read.
    """
    from govinfo_report.writers import get_writer

    writer = get_writer(to, **options)
    pairs = reports.items() if isinstance(reports, Mapping) else reports
    return run_batch(pairs, Path(out_dir), writer, Policy(force=force), executor)


def run_batch(
    pairs: Iterable[tuple[str | os.PathLike[str], Source]],
    out_dir: Path,
    writer: Writer,
    policy: Policy,
    executor: Executor | None = None,
    *,
    jobs: int = 1,
) -> tuple[RenderResult, ...]:
    """The engine of :func:`render_many` and ``render DIR...``: every result, in order.

    A name that leaves ``out_dir`` (absolute, or with ``..``) and a second report for an
    output already claimed get their error here; the rest are rendered, in this
    process, on ``executor``, or on a process pool of ``jobs`` workers.
    """
    results: dict[int, RenderResult] = {}
    tasks: list[tuple[int, Task]] = []
    claimed: dict[Path, str] = {}
    for i, (given, source) in enumerate(pairs):
        name = os.fspath(given)
        relative = PurePath(name)
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            results[i] = RenderResult(
                name=name, error="the name must be a relative path inside the output folder"
            )
            continue
        output = out_dir / relative.with_suffix(writer.suffix)
        if output in claimed:
            results[i] = RenderResult(
                name=name, error=f"{output} is already the output of {claimed[output]}"
            )
            continue
        claimed[output] = name
        tasks.append((i, Task(name=name, output=output, source=source)))
    for (i, _), result in zip(tasks, _run(tasks, writer, policy, executor, jobs), strict=True):
        results[i] = result
    return tuple(results[i] for i in sorted(results))


def _run(
    tasks: Sequence[tuple[int, Task]],
    writer: Writer,
    policy: Policy,
    executor: Executor | None,
    jobs: int,
) -> Iterator[RenderResult]:
    chunks = [[t for _, t in tasks[i : i + CHUNK]] for i in range(0, len(tasks), CHUNK)]
    if executor is not None:
        yield from _on(executor, chunks, writer, policy)
    elif jobs > 1 and len(tasks) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, mp_context=_pool.context()) as pool:
            yield from _on(pool, chunks, writer, policy)
    else:
        for chunk in chunks:
            yield from render_chunk(chunk, writer, policy)


def _on(
    executor: Executor, chunks: list[list[Task]], writer: Writer, policy: Policy
) -> Iterator[RenderResult]:
    """The chunks' results in order, at most :data:`IN_FLIGHT` chunks submitted at once."""
    pending: list[tuple[Future[list[RenderResult]], list[Task]]] = []
    for chunk in chunks:
        pending.append((executor.submit(render_chunk, chunk, writer, policy), chunk))
        if len(pending) >= IN_FLIGHT:
            yield from _results(*pending.pop(0))
    for future, chunk in pending:
        yield from _results(future, chunk)


def _results(future: Future[list[RenderResult]], chunk: list[Task]) -> list[RenderResult]:
    """A chunk's results; for each of its reports an error if its worker failed."""
    try:
        return future.result()
    except Exception as exc:  # a worker that died (out of memory), a lost connection
        what = exception_name(exc)
        reason = f"internal error: the worker rendering it failed ({what})"
        reason_zh = f"内部错误：生成它的工作进程失败（{what}）"
        return [RenderResult(name=task.name, error=reason, error_zh=reason_zh) for task in chunk]


def render_chunk(chunk: Sequence[Task], writer: Writer, policy: Policy) -> list[RenderResult]:
    """Render and write the reports of one chunk (in a worker, or in this process)."""
    return [_render_one(task, writer, policy) for task in chunk]


def _render_one(task: Task, writer: Writer, policy: Policy) -> RenderResult:
    findings: tuple[Finding, ...] = ()
    try:
        refusal = _refusal(task, policy)
        if refusal is not None:
            return RenderResult(name=task.name, error=refusal)
        if isinstance(task.source, Report):
            report = task.source
        else:
            from govinfo_report.readers import read_report

            report, findings = read_report(Path(task.source), policy.reader)
        buffer = io.BytesIO()
        writer.write(report, buffer)
        task.output.parent.mkdir(parents=True, exist_ok=True)
        write_output(task.output, buffer.getvalue(), force=policy.force)
    except (GovinfoReportError, OSError, MemoryError) as exc:
        source = _source_path(task)
        zh = describe_error(exc, source, "zh")
        english = describe_error(exc, source)
        return RenderResult(
            name=task.name,
            error=english,
            error_zh=zh if zh != english else None,
            findings=findings,
        )
    except Exception as exc:  # a bug of ours: this report fails, the batch goes on
        what = exception_name(exc)
        return RenderResult(
            name=task.name,
            error=f"internal error: {what}",
            error_zh=f"内部错误：{what}",
            findings=findings,
        )
    if policy.check:
        from govinfo_report.checks import check

        errors = tuple(f for f in check(report) if f.severity is Severity.ERROR)
        findings = (*findings, *errors)
    return RenderResult(name=task.name, output=task.output, findings=findings)


def _source_path(task: Task) -> Path | None:
    return None if isinstance(task.source, Report) else Path(task.source)


def _refusal(task: Task, policy: Policy) -> str | None:
    """Why ``task.output`` may not be written, before any work; None if it may."""
    if not isinstance(task.source, Report) and same_file(task.output, Path(task.source)):
        return f"refusing to overwrite the input {task.source}"
    if not policy.keep_existing or not task.output.parent.exists():
        return None  # write_output refuses what cannot be written; a folder is created
    dest = destination(task.output)
    if policy.keep_existing and dest.kind == "replace" and not policy.force:
        what = "exists and is read-only" if dest.read_only else "already exists"
        return f"{task.output} {what}; use --force to overwrite it"
    return None


__all__ = [
    "CHUNK",
    "IN_FLIGHT",
    "Policy",
    "RenderResult",
    "Source",
    "Task",
    "render_chunk",
    "render_many",
    "run_batch",
]
