"""The survey's outputs: reports.csv, reports.xlsx, cells.csv and findings.jsonl.

Each is written from the cache in path order, streaming (a chunk of rows at a time,
never the whole table in memory), to the temporary file of its
:class:`~govinfo_report._io.Slot`; the survey puts them all in place once every one is
written (:class:`~govinfo_report._io.Staging`), so a reader of the folder sees the
previous survey's outputs or the new ones, never some of each. CSV is UTF-8 without a
byte-order mark, ``\\n`` line ends, fields quoted only where needed (for Excel there
is the workbook). The workbook is the same table with numbers as numbers
(:mod:`._xlsx`), with fixed timestamps, so the same survey gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

from govinfo_report._failures import os_reason
from govinfo_report._io import Slot, Staging
from govinfo_report._temp_files import is_temporary
from govinfo_report.errors import ReportWriteError, SurveyError
from govinfo_report.survey import _columns as columns
from govinfo_report.survey._cache import Cache, Stored
from govinfo_report.survey._cells_csv import cells_lines
from govinfo_report.survey._findings_store import Tally, tally_of, unpack
from govinfo_report.survey._xlsx import Sheet, xlsx_chunks


def output_slots(staging: Staging, folder: Path) -> tuple[Path, dict[str, Slot]]:
    """``folder`` (created if missing) and the slot of each output in it, by name.

    Every output is checked, and its temporary file made, before anything is read: one
    that cannot be written stops the survey at once, not after the corpus.

    Raises:
        SurveyError: ``folder`` is a file, or holds other files and no survey.
        ReportWriteError: it cannot be created, or an output in it cannot be written.
    """
    if folder.exists() and not folder.is_dir():
        raise SurveyError(
            f"{folder} is not a folder; give a folder for the survey's outputs",
            zh=f"{folder} 不是文件夹；请给出存放调查输出的文件夹",
        )
    if folder.is_dir():
        # Our temporary files, which a killed survey may have left, are no other files.
        names = {p.name for p in folder.iterdir() if not is_temporary(p.name)}
        if names and columns.CACHE_NAME not in names and not names <= set(columns.OUTPUTS):
            raise SurveyError(
                f"{folder} holds other files and no survey; give a new or empty folder "
                "(or a previous survey's)",
                zh=f"{folder} 中有其他文件，且没有调查结果；请给出新的或空的文件夹"
                "（或以前某次调查的文件夹）",
            )
    else:
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise ReportWriteError(
                f"cannot create {folder}: {os_reason(exc)}",
                zh=f"无法创建 {folder}：{os_reason(exc, 'zh')}",
            ) from None
    return folder, {name: staging.reserve(folder / name) for name in columns.OUTPUTS}


_CHUNK = 512  # rows per write: large enough to be cheap, small enough to stay flat

_INTEGER_COLUMNS = frozenset(
    {
        "year",
        "cells_read",
        "cells_stated",
        "errors",
        "warnings",
        "notices",
        *columns.HEADLINE_CELLS,
    }
)
_DECIMAL_COLUMNS = frozenset(
    {"fee_amount", "substantive_disclosure_rate", "review_correction_rate"}
)


def report_row(stored: Stored) -> list[str]:
    """The reports.csv row of one stored file, every later phase merged in."""
    row = dict(stored.row)
    errors, warnings, notices = stored.counts
    row.update(
        errors=str(errors),
        warnings=str(warnings),
        notices=str(notices),
        previous_file=stored.previous_file,
        maybe_previous_file=stored.maybe_previous_file,
        parent=stored.parent,
    )
    if stored.status != "unreadable":
        row["status"] = "errors" if errors else "ok"
    out = [row[c] for c in columns.BASE_COLUMNS]
    rules = stored.rules
    out.extend(rules.get(code, "n/a") for code in columns.RULE_CODES)
    return out


def _csv_lines(rows: Iterable[list[str]]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for n, row in enumerate(rows, 1):
        writer.writerow(row)
        if n % _CHUNK == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def write_reports_csv(cache: Cache, slot: Slot, tally: dict[str, int]) -> None:
    """reports.csv; ``tally`` gets the count of files by final status."""

    def rows() -> Iterator[list[str]]:
        yield list(columns.REPORT_COLUMNS)
        for stored in cache.rows():
            row = report_row(stored)
            status = row[7]
            tally[status] = tally.get(status, 0) + 1
            yield row

    slot.write(_csv_lines(rows()))


def write_cells_csv(cache: Cache | Path, slot: Slot) -> None:
    """cells.csv: every cell of every readable file, in path order.

    ``cache``: the survey's cache, or the path of its database, which is then opened
    read-only here (so that another process can write cells.csv while this one writes
    the other outputs)."""
    if isinstance(cache, Path):
        db = sqlite3.connect(f"{cache.resolve().as_uri()}?mode=ro", uri=True)
    else:
        db = cache.db

    def chunks() -> Iterator[bytes]:
        header = ",".join(columns.CELL_COLUMNS) + "\n"
        yield header.encode()
        query = (
            "SELECT path, version, tables, cells FROM files "
            "WHERE status != 'unreadable' ORDER BY path"
        )
        for path, version, tables, extra in db.execute(query):
            yield cells_lines(path, version, tables, extra)

    try:
        slot.write(chunks())
    finally:
        if db is not getattr(cache, "db", None):
            db.close()


def write_findings_jsonl(cache: Cache, slot: Slot) -> Tally:
    """findings.jsonl: every finding of every file (reader's, checks', later phases');
    how many of each (code, status, severity) it holds, from the parts' tallies."""
    counted: Tally = {}

    def chunks() -> Iterator[bytes]:
        for part in cache.findings():
            if part:
                for key, n in tally_of(part).items():
                    counted[key] = counted.get(key, 0) + n
                yield unpack(part)

    slot.write(chunks())
    return counted


def _typed(column: str, value: str) -> Any:
    """A reports.csv value as the workbook holds it: numbers as numbers, "" as empty."""
    if value == "":
        return None
    if column in _INTEGER_COLUMNS and value.isdigit():
        return int(value)
    if column in _DECIMAL_COLUMNS and value != "/":
        return Decimal(value)
    return value


def write_reports_xlsx(csv_path: Path, slot: Slot) -> None:
    """reports.xlsx: the rows of ``csv_path`` (reports.csv) in one sheet, numbers as
    numbers, and a second sheet (列说明) saying in Chinese what each column holds."""
    from govinfo_report.survey import _column_notes as notes

    explained = Sheet(notes.SHEET, notes.HEADER, notes.column_notes(), notes.WIDTHS)
    with csv_path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        slot.write(xlsx_chunks("reports", header, _typed_rows(header, reader), more=[explained]))


def _typed_rows(header: Sequence[str], rows: Iterable[list[str]]) -> Iterator[list[Any]]:
    """The rows with :func:`_typed`'s values: the number columns converted one by one,
    every other column's "" made empty in one pass (most of a row is rule statuses)."""
    numbers = [
        (i, column)
        for i, column in enumerate(header)
        if column in _INTEGER_COLUMNS or column in _DECIMAL_COLUMNS
    ]
    for row in rows:
        typed: list[Any] = [None if value == "" else value for value in row]
        for i, column in numbers:
            typed[i] = _typed(column, row[i])
        yield typed


class Outputs:
    """Every output, from the cache, into its slot (``slots``: by file name), in two
    local processes beside this one when ``workers`` allows (else all here): cells.csv,
    which needs phase 1 alone, from :meth:`start` while this process runs the later
    phases; then reports.csv and findings.jsonl here, the workbook (from reports.csv)
    there, and the dashboard (from both) here (:meth:`finish`). Leaving the ``with``
    block waits for the processes.
    """

    def __init__(
        self,
        cache: Cache,
        slots: dict[str, Slot],
        workers: int,
        context: Callable[[], Any],
    ) -> None:
        self.cache, self.slots = cache, slots
        self.pool = (
            ProcessPoolExecutor(max_workers=2, mp_context=context()) if workers > 1 else None
        )
        self.long_form: Future[None] | None = None

    def __enter__(self) -> Outputs:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def start(self) -> None:
        """Begin cells.csv in a process of its own: phase 1 is committed, and the later
        phases change nothing it reads (it opens the cache read-only)."""
        if self.pool is not None:
            self.long_form = self.pool.submit(
                write_cells_csv, self.cache.path, self.slots["cells.csv"]
            )

    def finish(self) -> tuple[tuple[Path, ...], dict[str, int]]:
        """Write the rest, once the later phases are committed; every output's path and
        the files by status. The outputs are in their slots, not yet in place."""
        from govinfo_report.survey._dashboard import write_dashboard

        cache, slots = self.cache, self.slots
        tally: dict[str, int] = {}
        reports, xlsx = slots["reports.csv"], slots["reports.xlsx"]
        cells, findings = slots["cells.csv"], slots["findings.jsonl"]
        if self.pool is None:
            write_reports_csv(cache, reports, tally)
            write_reports_xlsx(reports.temp, xlsx)
            counted = write_findings_jsonl(cache, findings)
            write_cells_csv(cache, cells)
            write_dashboard(reports.path.parent, staged=slots, findings=counted)
        else:
            write_reports_csv(cache, reports, tally)
            made = self.pool.submit(write_reports_xlsx, reports.temp, xlsx)
            counted = write_findings_jsonl(cache, findings)
            write_dashboard(reports.path.parent, staged=slots, findings=counted)
            if self.long_form is not None:
                self.long_form.result()
            made.result()
        return tuple(slot.path for slot in slots.values()), tally


__all__ = [
    "Outputs",
    "output_slots",
    "report_row",
    "write_cells_csv",
    "write_findings_jsonl",
    "write_reports_csv",
    "write_reports_xlsx",
]
