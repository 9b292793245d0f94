"""``survey(paths, out_dir)``: read and check a corpus, pair it, and write its exports.

Phase 1 reads and checks every file in workers (a process pool, or any
:class:`concurrent.futures.Executor` such as a Dask client's), sent as chunks of paths;
each comes back as plain data and goes straight into the cache in the output folder,
so a re-run reads only what changed. Phase 2 pairs each report with its agency's
previous year (X.1-X.3), phase 3 checks parents against their children (H.1) when a
hierarchy is given, and 雷同 (DUP.1) is judged across the corpus when its module is
present. The outputs are then written from the cache in path order: whatever the
scheduling, the same corpus gives the same bytes.
"""

from __future__ import annotations

import math
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from govinfo_report import _pool
from govinfo_report._io import Staging
from govinfo_report._legacy import LEGACY_SUFFIXES
from govinfo_report._scan import expand_paths, shown, unusable_zh
from govinfo_report.errors import SurveyError
from govinfo_report.survey._columns import OUTPUTS
from govinfo_report.survey._summary import (
    FileResult,
    counts,
    findings_jsonl,
    rule_statuses,
    summarise_batch,
    unreadable,
)

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from govinfo_report.survey._cache import Cache
    from govinfo_report.survey._hierarchy import Hierarchy
    from govinfo_report.survey._renamed import Renamed


_MAX_CHUNK = 64
_NOT_JUDGED = ("DUP.1 (雷同): not judged (similar=False)", "DUP.1（雷同）：未判断（similar=False）")
"""What SurveyResult.skipped says, in English and Chinese, when DUP.1 is not judged."""


@attrs.frozen(kw_only=True)
class SurveyResult:
    """What a survey did: how many files, what became of them, and where it wrote."""

    out_dir: Path
    files: int
    """Documents surveyed, a row of reports.csv each: a file, a report in an archive, a
    department of a workbook (a folder without reports counts as one unreadable)."""
    input_files: int
    """Files found on disk (and folders without reports), each counted once: fewer than
    :attr:`files` when an archive holds several reports or a workbook several
    departments."""
    ok: int
    with_errors: int
    unreadable: int
    internal_errors: int
    """Files on which the library failed (counted among ``unreadable``): bugs to report."""
    read: int
    """Files read in this run (an unreadable one too); the others were unchanged since
    the last one (cached)."""
    dropped: int
    """Files of the previous run no longer surveyed, dropped from the cache."""
    pairs: int
    """Reports checked against their agency's previous year."""
    duplicates: tuple[tuple[str, int, tuple[str, ...]], ...]
    """``(agency key, year, files)`` of agency-years with several files; the first is the
    one the next year is paired with."""
    renamed: tuple[Renamed, ...]
    """Reports that may continue another agency key's of the year before (a name with
    its region one year, without it the next): not paired, for a person to judge."""
    parents: int
    """Parents checked against their children (H.1)."""
    outputs: tuple[Path, ...]
    skipped: tuple[str, ...]
    """What was not done, and why (a module or an optional library absent)."""
    skipped_zh: tuple[str, ...] = ()
    """:attr:`skipped` in Chinese, one for one."""
    seconds: dict[str, float] = attrs.field(factory=dict, eq=False)
    """Wall-clock time of each phase: ``read``, ``years``, ``levels``, ``similar``,
    ``outputs``."""


def survey(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    hierarchy: str | os.PathLike[str] | Hierarchy | None = None,
    similar: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> SurveyResult:
    """Survey the reports at ``paths`` and write the exports into ``out_dir``.

    Args:
        paths: files and folders (walked recursively for the suffixes readers take).
        out_dir: the output folder: created if missing; an existing one must be empty or
            hold a previous survey (its cache), whose unchanged files are not read again.
        jobs: worker processes (default: all cores); 1 reads in this process.
        executor: any :class:`concurrent.futures.Executor` to read with instead (a Dask
            client's ``get_executor()``); ``jobs`` is then ignored.
        hierarchy: a hierarchy file (YAML, parent → children; see docs/aggregate.md), a
            :class:`~govinfo_report.survey._hierarchy.Hierarchy`, or ``"auto"`` (from the
            agencies' names: parents linked, no H.1), for rule H.1; None for none.
        similar: judge 雷同 (DUP.1): each section against the other agencies' of its year
            and its agency's previous year.
        progress: called with (files done, files in all) as phase 1 goes.

    Returns:
        What was surveyed and written.

    Raises:
        SurveyError: no paths, or ``out_dir`` is not a survey's folder.
        ReportLoadError: the hierarchy file cannot be read or has a bad shape (before
            any report is read).
        ReportWriteError: an output could not be written.
    """
    given = list(paths)  # as given: each becomes a Path when the scan reaches it
    if not given:
        raise SurveyError(
            "nothing to survey: give at least one file or folder",
            zh="没有可调查的内容：请至少给出一个文件或文件夹",
        )
    tree = _hierarchy_of(hierarchy)
    from govinfo_report.survey._exports import Outputs, output_slots

    skipped = [] if similar else [_NOT_JUDGED]
    from govinfo_report import __version__
    from govinfo_report.survey._cache import Cache

    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(phase: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[phase] = now - clock
        clock = now

    with Staging(force=True) as staging:
        folder, slots = output_slots(staging, Path(out_dir))
        cache = Cache(folder, __version__)
        try:
            read, inputs = _phase1(cache, given, similar, jobs, executor, progress)
            dropped = cache.drop_others()
            cache.commit()
            lap("read")
            from govinfo_report.survey._later import cross_year, levels, renamed, similarity

            workers = 1 if executor is None and jobs == 1 else (jobs or os.cpu_count() or 1)
            with Outputs(cache, slots, workers, _context) as exports:
                # cells.csv needs phase 1 alone: written while the later phases run.
                exports.start()
                pairs, duplicates = cross_year(cache)
                maybe_renamed = tuple(renamed(cache))
                lap("years")
                parents = 0
                if hierarchy is not None:
                    parents = levels(cache, tree)
                    lap("levels")
                if similar:
                    similarity(cache)
                    lap("similar")
                cache.commit()
                outputs, tally = exports.finish()
            # All written: put them in place together, the old set or the new one.
            staging.commit()
            lap("outputs")
            query = "SELECT count(*) FROM files WHERE internal = 1"
            internal = cache.db.execute(query).fetchone()[0]
        finally:
            cache.close()
    return SurveyResult(
        out_dir=folder,
        files=sum(tally.values()),
        input_files=inputs,
        ok=tally.get("ok", 0),
        with_errors=tally.get("errors", 0),
        unreadable=tally.get("unreadable", 0),
        internal_errors=internal,
        read=read,
        dropped=dropped,
        pairs=pairs,
        duplicates=duplicates,
        renamed=maybe_renamed,
        parents=parents,
        outputs=outputs,
        skipped=tuple(en for en, _ in skipped),
        skipped_zh=tuple(zh for _, zh in skipped),
        seconds=seconds,
    )


def _hierarchy_of(given: str | os.PathLike[str] | Hierarchy | None) -> Hierarchy | None:
    """The hierarchy to check by: loaded now, so that a bad file stops the survey before
    it reads anything; None for none or ``auto`` (built from the names once read)."""
    if given is None or (isinstance(given, str) and given == "auto"):
        return None
    from govinfo_report.survey._hierarchy import Hierarchy, load_hierarchy

    if isinstance(given, Hierarchy):
        return given
    return load_hierarchy(Path(given))


def _phase1(
    cache: Cache,
    given: Sequence[str | os.PathLike[str]],
    similar: bool,
    jobs: int | None,
    executor: Executor | None,
    progress: Callable[[int, int], None] | None,
) -> tuple[int, int]:
    """Read what changed, store every summary; the number of documents read, and of
    files (and folders without reports) found."""
    known = cache.known(similar)
    todo: list[str] = []
    ours = _OwnOutputs(cache.path.parent.resolve())
    read = read_by_scan = 0
    for path, reason in expand_paths(given):  # each file once, however often named
        name = str(path)
        if ours.holds(path):
            continue  # our own outputs (index.html), when OUTDIR is under a PATH
        if reason is not None:
            # Found unreadable by the scan itself (a folder without reports): looked at
            # again on every run, so read in this one, never "unchanged".
            said = shown(reason), shown(unusable_zh(reason))
            cache.store(unreadable(shown(name), "", *said), similar)
            read += 1
            read_by_scan += 1
        else:
            todo.append(name)
    total = len(todo)
    for done, result in enumerate(_results(todo, known, similar, jobs, executor), 1):
        if isinstance(result, str):
            cache.keep(result)
        else:
            read += 1
            cache.store(result, similar)
        if progress is not None:
            progress(done, total)
        if done % 4096 == 0:
            cache.commit()
    return read, total + read_by_scan


class _OwnOutputs:
    """Whether a file is in the survey's own output folder, its real path told by its
    folder's: resolving every file costs a system call per path component (40 µs a
    file), its folder is resolved once for all its files, and only a file that is
    itself a link is resolved on its own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._inside: dict[Path, bool] = {}

    def holds(self, path: Path) -> bool:
        if path.is_symlink():
            return self.folder in path.resolve().parents
        parent = path.parent
        inside = self._inside.get(parent)
        if inside is None:
            real = parent.resolve()
            inside = self._inside[parent] = real == self.folder or self.folder in real.parents
        return inside


def _chunks(
    todo: Sequence[str], known: dict[str, str], workers: int
) -> Iterator[list[tuple[str, str]]]:
    """``todo`` as the tasks of ``workers``: the legacy documents first, one chunk per
    worker, then the rest in four chunks per worker (at most :data:`_MAX_CHUNK` files
    a chunk, either way).

    A chunk's legacy documents are converted by one LibreOffice run, whose start costs
    several times a conversion: cut finer, eight .doc files started LibreOffice four
    times with ``--jobs 1``. The other files are cut finer, for the workers to share
    them evenly and for the progress bar to move.
    """
    legacy: list[str] = []
    others: list[str] = []
    for path in todo:  # splitext, not Path: this runs over every file of a corpus
        (legacy if os.path.splitext(path)[1].lower() in LEGACY_SUFFIXES else others).append(path)
    for group, parts in ((legacy, workers), (others, workers * 4)):
        size = max(1, min(_MAX_CHUNK, math.ceil(len(group) / parts)))
        for start in range(0, len(group), size):
            yield [(p, known.get(shown(p), "")) for p in group[start : start + size]]


def _results(
    todo: Sequence[str],
    known: dict[str, str],
    similar: bool,
    jobs: int | None,
    executor: Executor | None,
) -> Iterator[FileResult | str]:
    """Every file's summary (or its path, when unchanged), in no particular order."""
    if (executor is None and (jobs or os.cpu_count() or 1) <= 1) or len(todo) <= 1:
        for chunk in _chunks(todo, known, 1):
            yield from summarise_batch(chunk, similar)
        return
    if executor is not None:
        yield from _run_on(executor, _chunks(todo, known, 8), similar, 16)
        return
    workers = jobs or os.cpu_count() or 1
    yield from _run_on_pool(workers, _chunks(todo, known, workers), similar)


def _run_on_pool(
    workers: int, chunks: Iterator[list[tuple[str, str]]], similar: bool
) -> Iterator[FileResult | str]:
    """Summaries from a process pool that outlives the death of a worker.

    A worker killed while reading (a crash in a native library, the kernel's
    out-of-memory killer) breaks the whole pool. The chunks in flight then are read
    again one file per fresh process, so that only the file that kills its process is
    lost (reported unreadable, as an internal error); the rest go on in a new pool.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunks = iter(chunks)
    while True:
        pending: deque[tuple[Future[list[FileResult | str]], list[tuple[str, str]]]] = deque()
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
                for chunk in chunks:
                    pending.append((pool.submit(summarise_batch, chunk, similar), chunk))
                    if len(pending) >= workers * 3:
                        done = pending[0][0].result()
                        pending.popleft()
                        yield from done
                while pending:
                    done = pending[0][0].result()
                    pending.popleft()
                    yield from done
            return
        except BrokenProcessPool:
            suspects = [task for _, chunk in pending for task in chunk]
        for task in suspects:
            yield _alone(task, similar)


def _alone(task: tuple[str, str], similar: bool) -> FileResult | str:
    """One file read in a process of its own; unreadable if that process dies."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1, mp_context=_context()) as pool:
        try:
            return pool.submit(summarise_batch, [task], similar).result()[0]
        except BrokenProcessPool:
            reason = "internal error: the process reading it died (a crash, or out of memory)"
            reason_zh = "内部错误：读取它的进程意外终止（崩溃或内存不足）"
            return unreadable(shown(task[0]), "", reason, reason_zh, internal=True)


def _context() -> Any:
    """The pools' start method (:func:`govinfo_report._pool.context`)."""
    return _pool.context()


def _run_on(
    executor: Executor,
    chunks: Iterator[list[tuple[str, str]]],
    similar: bool,
    in_flight: int,
) -> Iterator[FileResult | str]:
    """Submit ``chunks`` keeping at most ``in_flight`` pending; results as they finish."""
    pending: deque[Future[list[FileResult | str]]] = deque()
    for chunk in chunks:
        pending.append(executor.submit(summarise_batch, chunk, similar))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


__all__ = [
    "OUTPUTS",
    "SurveyError",
    "SurveyResult",
    "counts",
    "findings_jsonl",
    "rule_statuses",
    "survey",
]
