"""The dashboard's figures, tallied from a survey's exports as they are read.

Each ``reports.csv`` row and each ``findings.jsonl`` line is folded into bounded tallies
(counts per status, year, format, rule and ratio value; the worst reports so far) and
then forgotten. The one tally that grows with the corpus, every agency's figures per
year for the year-over-year table, goes to a private temporary SQLite database on disk
(``sqlite3.connect("")``, removed when closed), which then answers "which agencies have
two years or more, the largest first" exactly, with memory flat whatever the corpus.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import Counter
from collections.abc import Mapping, Sequence
from contextlib import closing
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs
import orjson

from govinfo_report._scan import document_suffix
from govinfo_report.errors import ReportLoadError
from govinfo_report.survey._dashboard._model import (
    AGENCIES_SHOWN,
    COUNT_COLUMNS,
    FIGURES,
    FINDINGS_JSONL,
    RATES,
    REPORTS_CSV,
    REQUIRED_COLUMNS,
    RULE_PREFIX,
    RULE_STATES,
    STATUSES,
    UNREADABLE_SHOWN,
    WORST_SHOWN,
    Agency,
    AgencyYear,
    Survey,
    Worst,
)

# The agency_year table: key, name, year, file, then the figures and the rates by place.
_FIGURE_COLUMNS = tuple(f"f{i}" for i in range(len(FIGURES)))
_RATE_COLUMNS = tuple(f"r{i}" for i in range(len(RATES)))
_NEW_RECEIVED = _FIGURE_COLUMNS[[f.name for f in FIGURES].index("new_received")]
# Each agency's first file of a year (by name) is the one counted; the others are copies
# (the same report as a web page and a PDF) or mistakes, and the survey lists them.
_FIRSTS = (
    "CREATE TABLE firsts AS SELECT * FROM (SELECT *, ROW_NUMBER() OVER"
    " (PARTITION BY key, year ORDER BY file) AS nth FROM agency_year) WHERE nth = 1"
)


def tally(
    folder: Path,
    sources: Mapping[str, Path] | None = None,
    findings: Mapping[tuple[str, str, str], int] | None = None,
) -> Survey:
    """Read ``folder``'s reports.csv (required) and findings.jsonl (if there).

    ``sources``: where to read either instead, by file name (a survey's outputs not
    yet in place); the messages still name the file in ``folder``. ``findings``: the
    count of each (code, status, severity) in findings.jsonl, which is then not read.

    Raises:
        ReportLoadError: reports.csv is missing or malformed, or findings.jsonl holds a
            line that is not a finding; the message names the file and the line.
    """
    survey = Survey()
    with closing(sqlite3.connect("")) as db:
        db.execute(
            "CREATE TABLE agency_year (key TEXT, name TEXT, year INTEGER, file TEXT, "
            f"{', '.join(f'{c} INTEGER' for c in (*_FIGURE_COLUMNS, *_RATE_COLUMNS))})"
        )
        _read_reports(*_source(folder, REPORTS_CSV, sources), survey, db)
        _add_firsts(survey, db)
        _pick_agencies(survey, db)
    if findings is None:
        _read_findings(*_source(folder, FINDINGS_JSONL, sources), survey)
    else:
        survey.findings_read = True
        for (code, status, severity), n in findings.items():
            survey.findings[code][status] += n
            survey.severities[severity] += n
    survey.worst.sort(key=lambda w: w.rank)
    del survey.worst[WORST_SHOWN:]
    return survey


def _source(folder: Path, name: str, sources: Mapping[str, Path] | None) -> tuple[Path, str]:
    """(where to read the file ``name``, what messages call it)."""
    path = folder / name
    return (sources or {}).get(name, path), str(path)


# --- reports.csv ----------------------------------------------------------------------------


class _Bad(ValueError):
    """A bad value in a row; the reader adds the line it is on."""


@attrs.frozen
class _Columns:
    """Where each column the dashboard reads sits in a reports.csv row."""

    names: Sequence[str]
    at: Mapping[str, int]
    rules: tuple[tuple[int, Counter[str]], ...]
    """Each rule column's place and the counter of its states."""
    counts: tuple[tuple[int, str], ...]
    """The places (and names) of the count columns, then of the figures' columns."""

    @classmethod
    def of(cls, header: Sequence[str], survey: Survey) -> _Columns:
        at = {name: i for i, name in reversed(list(enumerate(header)))}  # the first wins
        rules = tuple(
            (i, survey.rule_reports[name.removeprefix(RULE_PREFIX)])
            for name, i in at.items()
            if name.startswith(RULE_PREFIX)
        )
        counts = tuple(
            (at[c], c) for c in (*COUNT_COLUMNS, *(c for f in FIGURES for c in f.columns))
        )
        return cls(tuple(header), at, tuple(sorted(rules, key=lambda r: r[0])), counts)


def _read_reports(path: Path, source: str, survey: Survey, db: sqlite3.Connection) -> None:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ReportLoadError(source, [f"cannot open it: {exc.strerror or exc}"]) from None
    width = 4 + len(_FIGURE_COLUMNS) + len(_RATE_COLUMNS)
    insert = f"INSERT INTO agency_year VALUES ({', '.join('?' * width)})"
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if header is None:
                raise ReportLoadError(source, ["it is empty; expected a header row"])
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                raise ReportLoadError(source, [f"line 1: no column {', '.join(missing)}"])
            columns = _Columns.of(header, survey)
            batch: list[tuple[object, ...]] = []
            for row in reader:
                if len(row) < len(columns.names):  # a short row: the missing cells are blank
                    row += [""] * (len(columns.names) - len(row))
                agency_row = _add_report(survey, row, columns)
                if agency_row is not None:
                    batch.append(agency_row)
                    if len(batch) >= 1000:
                        db.executemany(insert, batch)
                        batch.clear()
            db.executemany(insert, batch)
        except (csv.Error, UnicodeDecodeError, _Bad) as exc:
            raise ReportLoadError(source, [f"line {reader.line_num or 1}: {exc}"]) from None


def _add_report(survey: Survey, row: list[str], columns: _Columns) -> tuple[object, ...] | None:
    """Fold one reports.csv row into ``survey``; its agency-year row for the database."""
    at = columns.at

    def text(column: str) -> str:
        return row[at[column]].strip()

    status = text("status")
    if status not in STATUSES:
        raise _Bad(f"status {status!r}; expected one of {', '.join(map(repr, STATUSES))}")
    file, year = text("file"), text("year")
    if year and not (year.isascii() and year.isdigit()):
        raise _Bad(f"year {year!r}; expected a year such as 2023, or nothing")
    survey.folder = _common_folder(survey.folder if survey.rows else None, file)
    survey.rows += 1
    survey.by_status[status] += 1
    survey.by_year[year][status] += 1
    survey.by_format[text("format")][status] += 1
    survey.by_suffix[document_suffix(file)][status] += 1
    for i, states in columns.rules:
        state = row[i].strip()
        if state in RULE_STATES:
            states[state] += 1
        elif state:
            expected = ", ".join(map(repr, RULE_STATES))
            raise _Bad(f"column {columns.names[i]} holds {state!r}; expected {expected} or nothing")
    if status == "unreadable":
        if len(survey.unreadable) < UNREADABLE_SHOWN:
            # reason_zh is newer than reports.csv files that may be given: optional.
            chinese = text("reason_zh") if "reason_zh" in at else ""
            survey.unreadable.append((file, text("reason"), chinese))
        return None
    numbers = [_count(row[i].strip(), name) for i, name in columns.counts]
    errors, warnings, notices, read, stated = (n or 0 for n in numbers[: len(COUNT_COLUMNS)])
    survey.cells_read += read
    survey.cells_stated += stated
    if errors or warnings:
        survey.worst.append(Worst(errors, warnings, notices, file, text("agency"), year))
        if len(survey.worst) >= 4 * WORST_SHOWN:  # bounded: sort, keep the worst
            survey.worst.sort(key=lambda w: w.rank)
            del survey.worst[WORST_SHOWN:]
    rates = [_rate(text(r.name), r.name) for r in RATES]
    figures = _figures(numbers[len(COUNT_COLUMNS) :])
    key = text("agency_key")
    if key and year:  # counted once per agency and year, from the database
        return (key, text("agency"), int(year), file, *figures, *rates)
    # No agency (or year) to tell a second file of it by: counted as it is.
    if year:
        for total, figure in zip(survey.year_totals[int(year)], figures, strict=True):
            total.add(figure)
    _add_rates(survey, rates)
    return None


def _add_rates(survey: Survey, rates: Sequence[int | None], times: int = 1) -> None:
    for rate, value in zip(RATES, rates, strict=True):
        if value is None:
            survey.unrated[rate.name] += times
        else:
            survey.rates[rate.name][value] += times


def _figures(numbers: Sequence[int | None]) -> tuple[int | None, ...]:
    """Each figure of :data:`FIGURES` from its columns' numbers (in that order)."""
    figures: list[int | None] = []
    start = 0
    for f in FIGURES:
        parts = numbers[start : start + len(f.columns)]
        start += len(f.columns)
        figures.append(None if None in parts else sum(p for p in parts if p is not None))
    return tuple(figures)


def _count(text: str, column: str) -> int | None:
    """A whole number from a reports.csv cell; None for blank or "/"."""
    if text.isdigit() and text.isascii():  # nearly every cell: said first
        return int(text)
    if text in ("", "/"):
        return None
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()):
        raise _Bad(f"column {column} holds {text!r}; expected a whole number")
    return int(text)


def _rate(text: str, column: str) -> int | None:
    """A rate in basis points (its four decimals, exactly); None when not rated."""
    if text in ("", "/"):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value < 0:
        raise _Bad(f"column {column} holds {text!r}; expected a rate such as 0.8125")
    return int((value * 10000).to_integral_value())


def _folder_of(path: str) -> str:
    return path[: max(path.rfind("/"), path.rfind("\\")) + 1]


def _common_folder(folder: str | None, file: str) -> str:
    """The folder ``folder`` and ``file`` share (the first file's own when ``folder`` is None)."""
    if folder is None:
        return _folder_of(file)
    if file.startswith(folder):
        return folder
    same = next((i for i, (a, b) in enumerate(zip(folder, file, strict=False)) if a != b), None)
    return _folder_of(folder[: min(len(folder), len(file)) if same is None else same])


def _add_firsts(survey: Survey, db: sqlite3.Connection) -> None:
    """Each year's figures summed, and the rates counted, over agencies' first files."""
    db.execute("CREATE INDEX agency_year_order ON agency_year (key, year, file)")
    db.execute(_FIRSTS)
    sums = ", ".join(f"SUM({c}), COUNT({c})" for c in _FIGURE_COLUMNS)
    for year, *values in db.execute(f"SELECT year, {sums} FROM firsts GROUP BY year"):
        for i, total in enumerate(survey.year_totals[year]):
            total.total += values[2 * i] or 0
            total.n += values[2 * i + 1]
    rates = ", ".join(_RATE_COLUMNS)
    for n, *values in db.execute(f"SELECT COUNT(*), {rates} FROM firsts GROUP BY {rates}"):
        _add_rates(survey, values, n)
    (rows,) = db.execute("SELECT COUNT(*) FROM agency_year").fetchone()
    (firsts,) = db.execute("SELECT COUNT(*) FROM firsts").fetchone()
    survey.duplicates = rows - firsts


def _pick_agencies(survey: Survey, db: sqlite3.Connection) -> None:
    """The agencies with two years or more: the most 新收 in one year first, then by key."""
    (survey.agency_count,) = db.execute("SELECT COUNT(DISTINCT key) FROM firsts").fetchone()
    multi = (
        f"SELECT key, MAX(COALESCE({_NEW_RECEIVED}, -1)) AS size FROM firsts "
        "GROUP BY key HAVING COUNT(year) >= 2"
    )
    (survey.multi_year_count,) = db.execute(f"SELECT COUNT(*) FROM ({multi})").fetchone()
    picked = db.execute(
        f"SELECT key FROM ({multi}) ORDER BY size DESC, key LIMIT ?", (AGENCIES_SHOWN,)
    ).fetchall()
    agencies = []
    for (key,) in picked:
        years: list[AgencyYear] = []
        name, duplicates = "", 0
        rows = db.execute(
            f"SELECT key, name, year, file, {', '.join(_FIGURE_COLUMNS)} FROM agency_year "
            "WHERE key = ? ORDER BY year, file",
            (key,),
        )
        for _, row_name, year, file, *figures in rows:
            if years and years[-1].year == year:
                duplicates += 1
                continue
            years.append(AgencyYear(year, file, tuple(figures)))
            name = row_name or name
        agencies.append(Agency(key, name or key, tuple(years), duplicates))
    survey.agencies = tuple(agencies)


# --- findings.jsonl -------------------------------------------------------------------------


def _read_findings(path: Path, source: str, survey: Survey) -> None:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReportLoadError(source, [f"cannot open it: {exc.strerror or exc}"]) from None
    survey.findings_read = True
    findings, severities = survey.findings, survey.severities
    # Read as bytes: orjson parses a line's bytes in half the time it takes to decode
    # it and parse the text (200,000 findings of a published corpus: 0.7 s → 0.3 s).
    with handle:
        number = 0
        try:
            for number, raw in enumerate(handle, 1):  # noqa: B007 - the error names it
                if raw.strip():
                    for code, status, severity in _line_findings(raw):
                        findings[code][status] += 1
                        severities[severity] += 1
        except UnicodeDecodeError as exc:
            raise ReportLoadError(source, [f"line {number}: not UTF-8 ({exc.reason})"]) from None
        except ValueError as exc:
            raise ReportLoadError(source, [f"line {number}: {exc}"]) from None


def _line_findings(raw: bytes) -> list[tuple[str, str, str]]:
    """The code, status and severity of the finding on one line of findings.jsonl.

    A line orjson cannot parse is read as text, as a text file's lines are: each part
    between lone carriage returns is a line of its own there, and what orjson refuses
    (a lone surrogate) json may read; else the reason, or UnicodeDecodeError."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        text = raw.decode("utf-8")
        return [_finding(part) for part in io.StringIO(text, newline=None) if part.strip()]
    return [_fields(data)]


def _finding(line: str) -> tuple[str, str, str]:
    """The code, status and severity of one findings.jsonl line."""
    try:
        data: Any = orjson.loads(line)  # a fifth of json's time; the same tree of strings
    except orjson.JSONDecodeError:
        try:  # what orjson refuses (a lone surrogate) json may read; else json's message
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    return _fields(data)


def _fields(data: Any) -> tuple[str, str, str]:
    """The code, status and severity of a finding read from JSON, or ValueError."""
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object (a finding), got {type(data).__name__}")
    fields = []
    for name in ("code", "status", "severity"):
        value = data.get(name)
        if not isinstance(value, str) or not value:
            raise ValueError(f"the finding has no {name} (expected a non-empty string)")
        fields.append(value)
    code, status, severity = fields
    if status not in ("fail", "uncertain"):
        raise ValueError(f"status {status!r}; expected 'fail' or 'uncertain'")
    return code, status, severity


__all__ = ["tally"]
