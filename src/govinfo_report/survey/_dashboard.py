"""The survey's dashboard: one self-contained ``index.html`` drawn from its exports.

:func:`write_dashboard` reads a survey's ``reports.csv`` and ``findings.jsonl`` as
streams and writes ``index.html`` beside them: reports by status, year, format and file
type; findings by rule; the worst reports; the figures per year and per agency year over
year; the derived ratios. Every chart is a static SVG drawn here, with its data table
beside it; the page loads nothing (no script, no font, no style sheet from elsewhere) and
prints on A4.

Memory stays flat whatever the corpus: each row is folded into bounded tallies (counts
per status, year, format, rule and ratio value; the 20 worst reports) as it is read. The
one tally that grows with the corpus, the figures of each agency and year that the
year-over-year table picks from, goes to a private temporary SQLite database on disk
(``sqlite3.connect("")``), which also answers "which agencies have two years" exactly.

Everything that comes from the input (agency names, file names, reasons, codes) passes
through one small HTML layer (:class:`_Safe`, :func:`_el`) that escapes text and
attributes, so a name with ``<script>`` in it is shown, never run. Output is
deterministic: every list is sorted by an explicit key, no clock is read.

The module is long for this package (one page, its tallies and its charts): they are
kept together because they change together, and each part is a small pure function.
"""

from __future__ import annotations

import csv
import html
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

import attrs

from govinfo_report._io import write_output
from govinfo_report.catalog import describe
from govinfo_report.errors import ReportLoadError

REPORTS_CSV = "reports.csv"
FINDINGS_JSONL = "findings.jsonl"
INDEX_HTML = "index.html"

WORST_SHOWN = 20
"""How many of the worst reports the page lists."""
AGENCIES_SHOWN = 40
"""How many agencies (with two years or more) the year-over-year table shows."""
UNREADABLE_SHOWN = 20
"""How many unreadable files the page lists with their reasons."""

STATUSES = ("ok", "errors", "unreadable")
_STATUS_TITLES = {
    "ok": ("无错误", "no errors"),
    "errors": ("有错误", "with errors"),
    "unreadable": ("无法读取", "unreadable"),
}

# The headline figures, each the sum of one or two reports.csv columns; a sum with a
# blank operand is unknown, never a guess.
_FIGURES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("new_received", "新收申请", "new requests", ("new_received",)),
    ("total_outcomes", "办结", "outcomes", ("total_outcomes",)),
    (
        "disclosed",
        "予以公开+部分公开",
        "disclosed in full or part",
        ("disclosed", "partially_disclosed"),
    ),
    ("review_total", "行政复议", "reconsiderations", ("review_total",)),
    ("review_corrected", "复议纠正", "reconsiderations corrected", ("review_corrected",)),
    ("litigation_total", "行政诉讼", "lawsuits", ("litigation_total",)),
    ("litigation_corrected", "诉讼纠正", "lawsuits corrected", ("litigation_corrected",)),
)
_RATES: tuple[tuple[str, str, str, str], ...] = (
    (
        "substantive_disclosure_rate",
        "实质公开率",
        "substantive disclosure rate",
        "(予以公开 + 部分公开) / 办理结果总计",
    ),
    (
        "review_correction_rate",
        "复议纠错率",
        "reconsideration correction rate",
        "结果纠正 / 行政复议总计",
    ),
)
_COUNT_COLUMNS = ("errors", "warnings", "notices", "cells_read", "cells_stated")
_REQUIRED = (
    "file",
    "agency",
    "agency_key",
    "year",
    "format",
    "status",
    "reason",
    *_COUNT_COLUMNS,
    *sorted({c for f in _FIGURES for c in f[3]}),
    *(r[0] for r in _RATES),
)
_RULE_PREFIX = "rule:"
_RULE_STATES = ("fail", "uncertain", "pass", "n/a")
_BINS = 10  # ratio histogram: tenths, plus one bin above 100 % for inconsistent reports


def write_dashboard(out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` from the survey exports in ``out_dir``.

    Args:
        out_dir: a survey's output folder, holding ``reports.csv`` (required) and
            ``findings.jsonl`` (optional: without it the page says findings are missing).

    Returns:
        The path of the page written.

    Raises:
        ReportLoadError: ``reports.csv`` is missing or malformed, or ``findings.jsonl``
            holds a line that is not a finding; the message names the file and line.
        ReportWriteError: ``index.html`` could not be written.
    """
    folder = Path(out_dir)
    survey = _tally(folder)
    page = _page(survey)
    target = folder / INDEX_HTML
    write_output(target, page.encode("utf-8"))
    return target


# --- reading: bounded tallies ---------------------------------------------------------------


@attrs.define
class _Sum:
    """A figure summed over the reports that state it (``n`` of them)."""

    total: int = 0
    n: int = 0

    def add(self, value: int | None) -> None:
        if value is not None:
            self.total += value
            self.n += 1


@attrs.frozen
class _Worst:
    errors: int
    warnings: int
    notices: int
    file: str
    agency: str
    year: str

    @property
    def rank(self) -> tuple[int, int, int, str]:
        return (-self.errors, -self.warnings, -self.notices, self.file)


@attrs.frozen
class _AgencyYear:
    year: int
    file: str
    figures: tuple[int | None, ...]


@attrs.frozen
class _Agency:
    key: str
    name: str
    years: tuple[_AgencyYear, ...]
    duplicates: int
    """Files beyond the first for one of its years (the first in file order is shown)."""


@attrs.define
class _Survey:
    """Everything the page shows, tallied from the exports."""

    rows: int = 0
    by_status: Counter[str] = attrs.field(factory=Counter)
    by_year: defaultdict[str, Counter[str]] = attrs.field(factory=lambda: defaultdict(Counter))
    by_format: defaultdict[str, Counter[str]] = attrs.field(factory=lambda: defaultdict(Counter))
    by_suffix: defaultdict[str, Counter[str]] = attrs.field(factory=lambda: defaultdict(Counter))
    cells_read: int = 0
    cells_stated: int = 0
    rule_reports: defaultdict[str, Counter[str]] = attrs.field(factory=lambda: defaultdict(Counter))
    worst: list[_Worst] = attrs.field(factory=list)
    unreadable: list[tuple[str, str]] = attrs.field(factory=list)
    year_totals: defaultdict[int, list[_Sum]] = attrs.field(
        factory=lambda: defaultdict(lambda: [_Sum() for _ in _FIGURES])
    )
    rates: dict[str, Counter[int]] = attrs.field(factory=lambda: {r[0]: Counter() for r in _RATES})
    unrated: Counter[str] = attrs.field(factory=Counter)
    agency_count: int = 0
    multi_year_count: int = 0
    agencies: tuple[_Agency, ...] = ()
    findings_read: bool = False
    findings: defaultdict[str, Counter[str]] = attrs.field(factory=lambda: defaultdict(Counter))
    severities: Counter[str] = attrs.field(factory=Counter)


def _tally(folder: Path) -> _Survey:
    survey = _Survey()
    with closing(sqlite3.connect("")) as db:
        db.execute(
            "CREATE TABLE agency_year (key TEXT, name TEXT, year INTEGER, file TEXT, "
            + ", ".join(f"f{i} INTEGER" for i in range(len(_FIGURES)))
            + ")"
        )
        _read_reports(folder / REPORTS_CSV, survey, db)
        _pick_agencies(survey, db)
    _read_findings(folder / FINDINGS_JSONL, survey)
    return survey


def _read_reports(path: Path, survey: _Survey, db: sqlite3.Connection) -> None:
    source = str(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ReportLoadError(source, [f"cannot open it: {exc.strerror or exc}"]) from None
    insert = f"INSERT INTO agency_year VALUES ({', '.join('?' * (4 + len(_FIGURES)))})"
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ReportLoadError(source, [f"line 1: {exc}"]) from None
        if header is None:
            raise ReportLoadError(source, ["it is empty; expected a header row"])
        missing = [c for c in _REQUIRED if c not in header]
        if missing:
            raise ReportLoadError(source, [f"line 1: missing column(s) {', '.join(missing)}"])
        rules = [c for c in header if c.startswith(_RULE_PREFIX)]
        batch: list[tuple[object, ...]] = []
        try:
            for row in reader:
                where = f"line {reader.line_num}"
                agency_row = _add_report(survey, row, rules, where)
                if agency_row is not None:
                    batch.append(agency_row)
                    if len(batch) >= 1000:
                        db.executemany(insert, batch)
                        batch.clear()
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ReportLoadError(source, [f"line {reader.line_num}: {exc}"]) from None
        except ValueError as exc:
            raise ReportLoadError(source, [str(exc)]) from None
        db.executemany(insert, batch)


def _add_report(
    survey: _Survey, row: Mapping[str, str | None], rules: Sequence[str], where: str
) -> tuple[object, ...] | None:
    """Fold one reports.csv row into ``survey``; its agency-year row for the database."""

    def text(column: str) -> str:
        value = row.get(column)
        return "" if value is None else value.strip()

    status = text("status")
    if status not in STATUSES:
        raise ValueError(
            f"{where}: status {status!r}; expected one of {', '.join(map(repr, STATUSES))}"
        )
    file, year = text("file"), text("year")
    if year and not year.isdigit():
        raise ValueError(f"{where}: year {year!r}; expected a year such as 2023 or nothing")
    survey.rows += 1
    survey.by_status[status] += 1
    survey.by_year[year][status] += 1
    survey.by_format[text("format")][status] += 1
    survey.by_suffix[_suffix(file)][status] += 1
    for column in rules:
        state = text(column)
        if state:
            survey.rule_reports[column[len(_RULE_PREFIX) :]][state] += 1
    if status == "unreadable":
        if len(survey.unreadable) < UNREADABLE_SHOWN:
            survey.unreadable.append((file, text("reason")))
        return None
    counts = {c: _count(text(c), c, where) for c in _COUNT_COLUMNS}
    survey.cells_read += counts["cells_read"] or 0
    survey.cells_stated += counts["cells_stated"] or 0
    errors, warnings = counts["errors"] or 0, counts["warnings"] or 0
    if errors or warnings:
        survey.worst.append(
            _Worst(errors, warnings, counts["notices"] or 0, file, text("agency"), year)
        )
        if len(survey.worst) >= 4 * WORST_SHOWN:
            survey.worst.sort(key=lambda w: w.rank)
            del survey.worst[WORST_SHOWN:]
    for rate, *_ in _RATES:
        value = _rate(text(rate), rate, where)
        if value is None:
            survey.unrated[rate] += 1
        else:
            survey.rates[rate][value] += 1
    figures = tuple(_figure(row, columns, where) for *_, columns in _FIGURES)
    if year:
        for total, value in zip(survey.year_totals[int(year)], figures, strict=True):
            total.add(value)
    key = text("agency_key")
    if not key or not year:
        return None
    return (key, text("agency"), int(year), file, *figures)


def _figure(row: Mapping[str, str | None], columns: Sequence[str], where: str) -> int | None:
    values = [_count((row.get(c) or "").strip(), c, where) for c in columns]
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None)


def _count(text: str, column: str, where: str) -> int | None:
    """A whole number from a reports.csv cell; None for blank or "/"."""
    if text in ("", "/"):
        return None
    digits = text[1:] if text.startswith("-") else text
    if not digits.isdigit() or not digits.isascii():
        raise ValueError(f"{where}: column {column} holds {text!r}; expected a whole number")
    return int(text)


def _rate(text: str, column: str, where: str) -> int | None:
    """A rate in basis points (its four decimals exactly); None when not rated."""
    if text in ("", "/"):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or value < 0:
        raise ValueError(f"{where}: column {column} holds {text!r}; expected a rate such as 0.8125")
    return int((value * 10000).to_integral_value())


def _suffix(file: str) -> str:
    name = PureWindowsPath(file).name if "\\" in file else PurePosixPath(file).name
    suffix = PurePosixPath(name).suffix.lower()
    return suffix[1:] if suffix else ""


def _pick_agencies(survey: _Survey, db: sqlite3.Connection) -> None:
    """The agencies with two years or more, the largest (most 新收 in a year) first."""
    (survey.agency_count,) = db.execute("SELECT COUNT(DISTINCT key) FROM agency_year").fetchone()
    multi = (
        "SELECT key, MAX(COALESCE(f0, -1)) AS size FROM agency_year "
        "GROUP BY key HAVING COUNT(DISTINCT year) >= 2"
    )
    (survey.multi_year_count,) = db.execute(f"SELECT COUNT(*) FROM ({multi})").fetchone()
    keys = [
        k
        for (k,) in db.execute(
            f"SELECT key FROM ({multi}) ORDER BY size DESC, key LIMIT ?", (AGENCIES_SHOWN,)
        )
    ]
    agencies = []
    for key in keys:
        years: list[_AgencyYear] = []
        name, duplicates = "", 0
        rows = db.execute(
            "SELECT * FROM agency_year WHERE key = ? ORDER BY year, file", (key,)
        ).fetchall()
        for _, row_name, year, file, *figures in rows:
            if years and years[-1].year == year:
                duplicates += 1
                continue
            years.append(_AgencyYear(year, file, tuple(figures)))
            name = row_name or name
        agencies.append(_Agency(key, name or key, tuple(years), duplicates))
    survey.agencies = tuple(agencies)


def _read_findings(path: Path, survey: _Survey) -> None:
    source = str(path)
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReportLoadError(source, [f"cannot open it: {exc.strerror or exc}"]) from None
    survey.findings_read = True
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    code, status, severity = _finding(line, f"line {number}")
                    survey.findings[code][status] += 1
                    survey.severities[severity] += 1
        except UnicodeDecodeError as exc:
            raise ReportLoadError(source, [f"not UTF-8 text: {exc}"]) from None
        except ValueError as exc:
            raise ReportLoadError(source, [str(exc)]) from None


def _finding(line: str, where: str) -> tuple[str, str, str]:
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a JSON object (a finding), got {type(data).__name__}")
    fields = []
    for name in ("code", "status", "severity"):
        value = data.get(name)
        if not isinstance(value, str) or not value:
            raise ValueError(f"{where}: the finding has no {name} (expected a non-empty string)")
        fields.append(value)
    code, status, severity = fields
    if status not in ("fail", "uncertain"):
        raise ValueError(f"{where}: status {status!r}; expected 'fail' or 'uncertain'")
    return code, status, severity


# --- HTML and SVG through one door ----------------------------------------------------------


class _Safe(str):
    """Markup built by :func:`_el`: its text escaped, its attributes quoted."""

    __slots__ = ()


_VOID = frozenset({"br", "col", "meta", "rect", "circle", "line", "polyline", "path", "stop"})


def _esc(value: str) -> _Safe:
    return value if isinstance(value, _Safe) else _Safe(html.escape(value, quote=True))


def _attr(value: object) -> str:
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text[:-2] if text.endswith(".0") else text
    return str(value)


def _el(tag: str, attrs: Mapping[str, object] | None = None, *children: str | None) -> _Safe:
    """``<tag attrs>children</tag>``: plain ``str`` children are escaped, markup is kept."""
    opening = tag + "".join(
        f' {name}="{html.escape(_attr(value), quote=True)}"'
        for name, value in (attrs or {}).items()
        if value is not None
    )
    if tag in _VOID and not children:
        return _Safe(f"<{opening}/>")
    return _Safe(f"<{opening}>{_join(children)}</{tag}>")


def _join(parts: Iterable[str | None]) -> _Safe:
    return _Safe("".join(_esc(p) for p in parts if p is not None))


def _num(value: int | None) -> str:
    """A count with thousands separators; an em dash for an unknown value."""
    return "—" if value is None else f"{value:,}"


def _pct(part: int, whole: int) -> str:
    return "—" if not whole else f"{100 * part / whole:.1f}%"


def _bi(zh: str, en: str) -> _Safe:
    """A bilingual label: Chinese first, English beside it."""
    return _join([zh, _el("span", {"class": "en"}, en)])


def _text_width(text: str, size: float = 12) -> float:
    """Roughly how wide ``text`` is drawn: a CJK character is one em, Latin about half."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.58 for ch in text)


# --- charts -----------------------------------------------------------------------------------


@attrs.frozen
class _Series:
    zh: str
    en: str
    fill: str


_INK = "#1d2733"
_MUTED = "#5b6675"
_LINE = "#d9dee5"
_PRIMARY = "#2b5c8a"
_LIGHT = "#9dbbd6"
# Picked to stay apart in greyscale too: dark, middle, light (+ hatching).
_STATUS_SERIES = (
    _Series("无错误", "no errors", _PRIMARY),
    _Series("有错误", "with errors", "#e0902f"),
    _Series("无法读取", "unreadable", "url(#hatch)"),
)
_FINDING_SERIES = (
    _Series("不通过", "fail", "#a33a2c"),
    _Series("不确定", "uncertain", "#f2c48d"),
)
_WORST_SERIES = (
    _Series("错误", "errors", "#a33a2c"),
    _Series("警告", "warnings", "#f2c48d"),
)
_DEFS = _Safe(
    '<svg width="0" height="0" aria-hidden="true" style="position:absolute">'
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e3e6ea"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#6b7380" stroke-width="2"/></pattern></defs>'
    "</svg>"
)


def _svg(chart_id: str, width: float, height: float, title: str, desc: str, body: str) -> _Safe:
    return _el(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {_attr(float(width))} {_attr(float(height))}",
            "width": _attr(float(width)),
            "role": "img",
            "aria-labelledby": f"{chart_id}-t {chart_id}-d",
        },
        _el("title", {"id": f"{chart_id}-t"}, title),
        _el("desc", {"id": f"{chart_id}-d"}, desc),
        body,
    )


def _legend(series: Sequence[_Series], y: float = 4) -> _Safe:
    parts, x = [], 0.0
    for s in series:
        label = f"{s.zh} {s.en}"
        parts.append(_el("rect", {"x": x, "y": y, "width": 11, "height": 11, "fill": s.fill}))
        parts.append(_el("text", {"x": x + 16, "y": y + 10, "class": "small"}, label))
        x += 16 + _text_width(label, 11) + 18
    return _join(parts)


def _hbars(
    chart_id: str,
    title: str,
    desc: str,
    rows: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[_Series],
    width: float = 620,
) -> _Safe:
    """Horizontal bars, one per row, stacked by series, the row's total at the end."""
    label_w = min(max((_text_width(label) for label, _ in rows), default=0) + 14, 240)
    label_w = max(label_w, 40)
    top, row_h = 26 if len(series) > 1 else 4, 24
    bar_w = width - label_w - 64
    height = top + row_h * len(rows) + 4
    biggest = max((sum(values) for _, values in rows), default=0) or 1
    parts = [_legend(series)] if len(series) > 1 else []
    for i, (label, values) in enumerate(rows):
        y = top + i * row_h
        parts.append(_el("text", {"x": label_w - 8, "y": y + 16, "text-anchor": "end"}, label))
        x = float(label_w)
        for value, s in zip(values, series, strict=True):
            if value:
                w = max(value * bar_w / biggest, 1.5)
                parts.append(
                    _el(
                        "rect",
                        {"x": x, "y": y + 4, "width": w, "height": 16, "fill": s.fill},
                        _el("title", None, f"{label} · {s.zh} {s.en}: {_num(value)}"),
                    )
                )
                x += w
        parts.append(_el("text", {"x": x + 6, "y": y + 16, "class": "value"}, _num(sum(values))))
    return _svg(chart_id, width, height, title, desc, _join(parts))


def _columns(
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    values: Sequence[int | None],
    width: float = 260,
    height: float = 150,
    fill: str = _PRIMARY,
) -> _Safe:
    """Vertical columns, one per label, the value above each (an unknown one is "—")."""
    top, bottom = 20, 22
    plot_h = height - top - bottom
    slot = width / max(len(labels), 1)
    col_w = min(slot * 0.62, 46)
    biggest = max((v for v in values if v is not None and v > 0), default=0) or 1
    parts = [
        _el(
            "line",
            {"x1": 0, "y1": top + plot_h, "x2": width, "y2": top + plot_h, "stroke": _LINE},
        )
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        cx = slot * i + slot / 2
        h = 0.0 if value is None or value <= 0 else max(value * plot_h / biggest, 1.5)
        if h:
            parts.append(
                _el(
                    "rect",
                    {
                        "x": cx - col_w / 2,
                        "y": top + plot_h - h,
                        "width": col_w,
                        "height": h,
                        "fill": fill,
                    },
                    _el("title", None, f"{label}: {_num(value)}"),
                )
            )
        parts.append(
            _el(
                "text",
                {"x": cx, "y": top + plot_h - h - 5, "text-anchor": "middle", "class": "value"},
                _num(value),
            )
        )
        parts.append(
            _el(
                "text", {"x": cx, "y": height - 6, "text-anchor": "middle", "class": "small"}, label
            )
        )
    return _svg(chart_id, width, height, title, desc, _join(parts))


def _sparkline(
    chart_id: str, title: str, years: Sequence[int], values: Sequence[int | None]
) -> _Safe:
    """A small line over the years (gaps where a value is unknown), its last point marked."""
    width, height, pad = 112.0, 30.0, 4.0
    first, last = years[0], years[-1]
    span = max(last - first, 1)
    biggest = max((v for v in values if v is not None and v > 0), default=0) or 1

    def point(year: int, value: int) -> tuple[float, float]:
        x = pad + (year - first) * (width - 2 * pad) / span
        return x, height - pad - max(value, 0) * (height - 2 * pad) / biggest

    parts: list[str] = []
    run: list[tuple[float, float]] = []
    known = [(y, v) for y, v in zip(years, values, strict=True) if v is not None]
    for year, value in zip(years, values, strict=True):
        if value is None:
            run = _flush(run, parts)
        else:
            run.append(point(year, value))
    _flush(run, parts)
    for i, (year, value) in enumerate(known):
        x, y = point(year, value)
        end = i == len(known) - 1
        parts.append(
            _el(
                "circle",
                {"cx": x, "cy": y, "r": 2.6 if end else 1.8, "fill": _INK if end else _PRIMARY},
            )
        )
    desc = "; ".join(f"{y}: {_num(v)}" for y, v in zip(years, values, strict=True))
    return _svg(chart_id, width, height, title, desc, _join(parts))


def _flush(run: list[tuple[float, float]], parts: list[str]) -> list[tuple[float, float]]:
    if len(run) > 1:
        points = " ".join(f"{_attr(x)},{_attr(y)}" for x, y in run)
        parts.append(
            _el(
                "polyline",
                {
                    "points": points,
                    "fill": "none",
                    "stroke": _PRIMARY,
                    "stroke-width": 1.6,
                    "stroke-linejoin": "round",
                },
            )
        )
    return []


# --- tables -----------------------------------------------------------------------------------


def _table(
    caption: str,
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    numeric: Iterable[int] = (),
    css: str | None = None,
) -> _Safe:
    """A data table; the ``numeric`` columns are right-aligned, figures in tabular digits."""
    right = set(numeric)

    def cls(i: int) -> str | None:
        return "n" if i in right else None

    return _el(
        "table",
        {"class": css},
        _el("caption", None, caption),
        _el(
            "thead",
            None,
            _el(
                "tr",
                None,
                _join(_el("th", {"class": cls(i), "scope": "col"}, h) for i, h in enumerate(head)),
            ),
        ),
        _el(
            "tbody",
            None,
            _join(
                _el("tr", None, _join(_el("td", {"class": cls(i)}, c) for i, c in enumerate(row)))
                for row in rows
            ),
        ),
    )


def _pair(chart: str, table: str, stacked: bool = False) -> _Safe:
    """A chart with its data table beside it (below it when the table is wide)."""
    css = "pair stacked" if stacked else "pair"
    return _el(
        "div",
        {"class": css},
        _el("div", {"class": "chart"}, chart),
        _el("div", {"class": "data"}, table),
    )


def _section(anchor: str, zh: str, en: str, *body: str) -> _Safe:
    return _el("section", {"id": anchor}, _el("h2", None, _bi(zh, en)), *body)


def _none(zh: str, en: str) -> _Safe:
    return _el("p", {"class": "none"}, _bi(zh, en))


# --- the page ---------------------------------------------------------------------------------


def _page(survey: _Survey) -> str:
    survey.worst.sort(key=lambda w: w.rank)
    del survey.worst[WORST_SHOWN:]
    if survey.rows:
        body = [
            _overview(survey),
            _contents(),
            _status_section(survey),
            _rules_section(survey),
            _worst_section(survey),
            _years_section(survey),
            _agencies_section(survey),
            _rates_section(survey),
            _unreadable_section(survey),
        ]
    else:
        body = [_none("这次调查没有任何报告。", "This survey holds no reports.")]
    title = "政府信息公开工作年度报告调查 Survey of annual reports on open government information"
    document = _el(
        "html",
        {"lang": "zh-CN"},
        _el(
            "head",
            None,
            _el("meta", {"charset": "utf-8"}),
            _el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
            _el("title", None, title),
            _el("style", None, _Safe(_CSS)),
        ),
        _el(
            "body",
            None,
            _DEFS,
            _el(
                "main",
                None,
                _el(
                    "header",
                    None,
                    _el(
                        "p",
                        {"class": "kicker"},
                        _bi(
                            "政府信息公开工作年度报告",
                            "Annual reports on open government information",
                        ),
                    ),
                    _el("h1", None, _bi("调查总览", "Survey overview")),
                ),
                *body,
                _footer(),
            ),
        ),
    )
    return f"<!DOCTYPE html>\n{document}\n"


def _overview(s: _Survey) -> _Safe:
    years = sorted(int(y) for y in s.by_year if y)
    span = "—" if not years else str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    findings = sum(sum(c.values()) for c in s.findings.values())
    cards = [
        ("报告", "reports", _num(s.rows), "份文件 files"),
        ("无错误", "no errors", _num(s.by_status["ok"]), _pct(s.by_status["ok"], s.rows)),
        ("有错误", "with errors", _num(s.by_status["errors"]), _pct(s.by_status["errors"], s.rows)),
        (
            "无法读取",
            "unreadable",
            _num(s.by_status["unreadable"]),
            _pct(s.by_status["unreadable"], s.rows),
        ),
        (
            "机关",
            "agencies",
            _num(s.agency_count),
            f"{_num(s.multi_year_count)} 个有两年以上 with ≥ 2 years",
        ),
        ("年度", "years", span, f"{len(years)} 个年度 years"),
        (
            "单元格读取",
            "cells read",
            _pct(s.cells_read, s.cells_stated),
            f"{_num(s.cells_read)} / {_num(s.cells_stated)}",
        ),
        (
            "发现",
            "findings",
            _num(findings) if s.findings_read else "—",
            "、".join(f"{_num(s.severities[k])} {k}" for k in ("error", "warning", "notice"))
            if s.findings_read
            else "findings.jsonl 缺失 missing",
        ),
    ]
    return _el(
        "div",
        {"class": "kpis"},
        _join(
            _el(
                "div",
                {"class": "kpi"},
                _el("span", {"class": "label"}, _bi(zh, en)),
                _el("b", None, value),
                _el("span", {"class": "sub"}, sub),
            )
            for zh, en, value, sub in cards
        ),
    )


_CONTENTS = (
    ("status", "报告状态", "Reports by status"),
    ("rules", "按规则统计的发现", "Findings by rule"),
    ("worst", "问题最多的报告", "Worst reports"),
    ("years", "逐年合计", "Totals per year"),
    ("agencies", "各机关逐年对比", "Agencies year over year"),
    ("rates", "派生比率", "Derived ratios"),
    ("unreadable", "无法读取的文件", "Unreadable files"),
)


def _contents() -> _Safe:
    return _el(
        "nav",
        None,
        _el(
            "ol",
            None,
            _join(
                _el("li", None, _el("a", {"href": f"#{anchor}"}, _bi(zh, en)))
                for anchor, zh, en in _CONTENTS
            ),
        ),
    )


def _status_rows(
    groups: Mapping[str, Counter[str]], order: Sequence[str], unknown: tuple[str, str]
) -> list[tuple[str, list[int]]]:
    return [
        (key or f"{unknown[0]} {unknown[1]}", [groups[key][s] for s in STATUSES]) for key in order
    ]


def _status_table(caption: str, head: str, rows: Sequence[tuple[str, Sequence[int]]]) -> _Safe:
    return _table(
        caption,
        [head, *(_bi(*_STATUS_TITLES[s]) for s in STATUSES), _bi("合计", "total")],
        ([label, *map(_num, values), _num(sum(values))] for label, values in rows),
        numeric=range(1, len(STATUSES) + 2),
    )


def _status_section(s: _Survey) -> _Safe:
    overall = [("全部 all", [s.by_status[k] for k in STATUSES])]
    years = sorted((y for y in s.by_year if y), key=int) + ([""] if "" in s.by_year else [])
    formats = sorted(f for f in s.by_format if f) + ([""] if "" in s.by_format else [])
    suffixes = sorted(f for f in s.by_suffix if f) + ([""] if "" in s.by_suffix else [])
    by_year = _status_rows(s.by_year, years, ("未知", "unknown"))
    by_format = _status_rows(s.by_format, formats, ("未知", "unknown"))
    by_suffix = _status_rows(s.by_suffix, suffixes, ("无后缀", "none"))
    parts = [
        _el(
            "p",
            {"class": "lead"},
            _bi(
                "“无错误”指读取成功且没有错误级发现；“无法读取”的文件不参与其余统计。",
                "“No errors”: read, with no error finding. Unreadable files count here only.",
            ),
        )
    ]
    for chart_id, zh, en, head, rows in (
        ("status", "全部报告", "All reports", _bi("范围", "scope"), overall),
        ("status-year", "按年度", "By year", _bi("年度", "year"), by_year),
        ("status-format", "按格式", "By format", _bi("格式", "format"), by_format),
        ("status-suffix", "按文件类型", "By file type", _bi("文件类型", "file type"), by_suffix),
    ):
        title = f"报告状态{zh} Reports by status, {en.lower()}"
        desc = "; ".join(
            f"{label}: "
            + ", ".join(
                f"{t[1]} {_num(v)}"
                for t, v in zip(map(_STATUS_TITLES.get, STATUSES), values, strict=True)
                if t
            )
            for label, values in rows
        )
        parts.append(_el("h3", None, _bi(zh, en)))
        parts.append(
            _pair(
                _hbars(chart_id, title, desc, rows, _STATUS_SERIES),
                _status_table(_bi(f"报告状态{zh}", f"Reports by status, {en.lower()}"), head, rows),
            )
        )
    return _section("status", "报告状态", "Reports by status", *parts)


def _title(code: str) -> tuple[str, str]:
    try:
        info = describe(code)
    except KeyError:
        return "", ""
    return info.title_zh, info.title_en


def _rules_section(s: _Survey) -> _Safe:
    parts: list[str] = []
    if not s.findings_read:
        parts.append(
            _none(
                "没有 findings.jsonl：无法按规则统计发现。",
                "No findings.jsonl: findings cannot be counted by rule.",
            )
        )
    else:
        codes = sorted(s.findings, key=lambda c: (-sum(s.findings[c].values()), c))
        if not codes:
            parts.append(_none("没有任何发现。", "No findings at all."))
        else:
            rows = [(c, [s.findings[c]["fail"], s.findings[c]["uncertain"]]) for c in codes]
            desc = "; ".join(f"{c}: fail {_num(f)}, uncertain {_num(u)}" for c, (f, u) in rows)
            table = _table(
                _bi("各规则的发现数", "Findings per rule"),
                [
                    _bi("代码", "code"),
                    _bi("规则", "rule"),
                    _bi("不通过", "fail"),
                    _bi("不确定", "uncertain"),
                ],
                ([c, _rule_title(c), _num(f), _num(u)] for c, (f, u) in rows),
                numeric=(2, 3),
            )
            parts.append(
                _pair(
                    _hbars(
                        "rules", "按规则统计的发现 Findings by rule", desc, rows, _FINDING_SERIES
                    ),
                    table,
                )
            )
    if s.rule_reports:
        codes = sorted(
            s.rule_reports,
            key=lambda c: (-s.rule_reports[c]["fail"], -s.rule_reports[c]["uncertain"], c),
        )
        parts.append(_el("h3", None, _bi("各规则的报告数", "Reports per rule")))
        parts.append(
            _table(
                _bi(
                    "每条规则下各状态的报告数（reports.csv 的 rule: 列）",
                    "Reports in each state per rule (reports.csv's rule: columns)",
                ),
                [
                    _bi("代码", "code"),
                    _bi("规则", "rule"),
                    _bi("不通过", "fail"),
                    _bi("不确定", "uncertain"),
                    _bi("通过", "pass"),
                    _bi("不适用", "n/a"),
                    _bi("不通过占比", "fail share"),
                ],
                (
                    [
                        c,
                        _rule_title(c),
                        *(_num(s.rule_reports[c][k]) for k in _RULE_STATES),
                        _pct(
                            s.rule_reports[c]["fail"],
                            s.rule_reports[c]["fail"]
                            + s.rule_reports[c]["uncertain"]
                            + s.rule_reports[c]["pass"],
                        ),
                    ]
                    for c in codes
                ),
                numeric=range(2, 7),
            )
        )
    return _section("rules", "按规则统计的发现", "Findings by rule", *parts)


def _rule_title(code: str) -> _Safe:
    zh, en = _title(code)
    return _bi(zh, en) if zh or en else _esc("—")


def _worst_section(s: _Survey) -> _Safe:
    if not s.worst:
        return _section(
            "worst",
            "问题最多的报告",
            "Worst reports",
            _none("没有报告有错误或警告。", "No report has an error or a warning."),
        )
    rows = [(f"#{i}", [w.errors, w.warnings]) for i, w in enumerate(s.worst, 1)]
    desc = "; ".join(
        f"#{i} {w.agency or w.file}: {_num(w.errors)} errors, {_num(w.warnings)} warnings"
        for i, w in enumerate(s.worst, 1)
    )
    table = _table(
        _bi(
            f"错误最多的 {len(s.worst)} 份报告（其次按警告数）",
            f"The {len(s.worst)} reports with most errors (then warnings)",
        ),
        [
            "#",
            _bi("机关", "agency"),
            _bi("年度", "year"),
            _bi("文件", "file"),
            _bi("错误", "errors"),
            _bi("警告", "warnings"),
            _bi("提示", "notices"),
        ],
        (
            [
                str(i),
                w.agency or "—",
                w.year or "—",
                _el("span", {"class": "file"}, w.file),
                _num(w.errors),
                _num(w.warnings),
                _num(w.notices),
            ]
            for i, w in enumerate(s.worst, 1)
        ),
        numeric=(0, 4, 5, 6),
    )
    chart = _hbars("worst", "问题最多的报告 Worst reports", desc, rows, _WORST_SERIES, width=420)
    return _section("worst", "问题最多的报告", "Worst reports", _pair(chart, table))


def _years_section(s: _Survey) -> _Safe:
    years = sorted(s.year_totals)
    if not years:
        return _section(
            "years", "逐年合计", "Totals per year", _none("没有可读的报告。", "No readable report.")
        )
    labels = [str(y) for y in years]
    charts = []
    for i, (name, zh, en, _) in enumerate(_FIGURES):
        values = [s.year_totals[y][i].total if s.year_totals[y][i].n else None for y in years]
        desc = "; ".join(f"{y}: {_num(v)}" for y, v in zip(labels, values, strict=True))
        charts.append(
            _el(
                "figure",
                {"class": "mini"},
                _el("figcaption", None, _bi(zh, en)),
                _columns(f"year-{name}", f"{zh} {en}", desc, labels, values),
            )
        )
    head = [_bi("年度", "year")]
    for _, zh, en, _ in _FIGURES:
        head.append(_bi(zh, en))
        head.append(_bi("报告数", "n"))
    table = _table(
        _bi(
            "各年度合计（只计填写了该项的报告；n 为报告数）",
            "Totals per year (over the reports that state the figure; n of them)",
        ),
        head,
        (
            [
                str(y),
                *(x for t in s.year_totals[y] for x in (_num(t.total if t.n else None), _num(t.n))),
            ]
            for y in years
        ),
        numeric=range(1, 1 + 2 * len(_FIGURES)),
        css="wide",
    )
    return _section(
        "years",
        "逐年合计",
        "Totals per year",
        _pair(_el("div", {"class": "multiples"}, *charts), table, stacked=True),
    )


def _agencies_section(s: _Survey) -> _Safe:
    title = ("各机关逐年对比", "Agencies year over year")
    if not s.agencies:
        return _section(
            "agencies",
            *title,
            _none("没有机关有两个年度以上的报告。", "No agency has reports for two years or more."),
        )
    shown = len(s.agencies)
    lead = _el(
        "p",
        {"class": "lead"},
        _bi(
            f"有两个年度以上报告的机关共 {_num(s.multi_year_count)} 个，"
            f"按单年最多新收申请列出前 {_num(shown)} 个；"
            "同一机关同一年度有多份文件时取文件名最前的一份。",
            f"{_num(s.multi_year_count)} agencies have two years or more; the {_num(shown)} with "
            "most new requests in a year are shown. Of two files for one agency and year, the "
            "first by name counts.",
        ),
    )
    spark = (0, 1, 2, 3, 5)  # 新收, 办结, 公开, 复议, 诉讼; 纠正 goes under 复议 and 诉讼
    head = [
        _bi("机关", "agency"),
        _bi("年度", "years"),
        *(_bi(_FIGURES[i][1], _FIGURES[i][2]) for i in spark),
    ]
    rows = []
    for a_index, agency in enumerate(s.agencies):
        years = [y.year for y in agency.years]
        cells: list[str] = [
            _join(
                [
                    agency.name,
                    _el(
                        "span",
                        {"class": "note"},
                        f"另有 {agency.duplicates} 份重复 +{agency.duplicates} duplicate(s)",
                    )
                    if agency.duplicates
                    else None,
                ]
            ),
            ", ".join(map(str, years)),
        ]
        for i in spark:
            values = [y.figures[i] for y in agency.years]
            name, zh, en, _ = _FIGURES[i]
            series = " → ".join(map(_num, values))
            extra = None
            if name in ("review_total", "litigation_total"):
                corrected = " → ".join(_num(y.figures[i + 1]) for y in agency.years)
                extra = _el("span", {"class": "sub"}, f"纠正 corrected {corrected}")
            cells.append(
                _join(
                    [
                        _sparkline(
                            f"a{a_index}-{name}", f"{agency.name} · {zh} {en}", years, values
                        ),
                        _el("span", {"class": "series"}, series),
                        extra,
                    ]
                )
            )
        rows.append(cells)
    table = _table(
        _bi(
            "各机关逐年数字（折线：从左到右为各年度，空缺为未填写）",
            "Figures per agency and year (lines run over the years; gaps are blanks)",
        ),
        head,
        rows,
        css="agencies",
    )
    return _section("agencies", *title, lead, table)


def _quantile(counts: Counter[int], q: float) -> int:
    """The nearest-rank ``q`` quantile of the values counted in ``counts``."""
    n = sum(counts.values())
    rank = max(1, -(-int(q * n * 1000) // 1000))  # ceil(q * n), exact for our q
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= rank:
            return value
    raise ValueError("no values")  # pragma: no cover - counts is never empty here


def _bp(value: int) -> str:
    return f"{value / 100:.2f}%"


def _rates_section(s: _Survey) -> _Safe:
    parts: list[str] = [
        _el(
            "p",
            {"class": "lead"},
            _bi(
                "只统计给出了比率的报告：分母不足 30 件或有空白操作数时不评价。",
                "Only reports with a rate count: none is given below N = 30 "
                "or with a blank operand.",
            ),
        )
    ]
    for name, zh, en, formula in _RATES:
        counts = s.rates[name]
        rated = sum(counts.values())
        parts.append(_el("h3", None, _bi(zh, en)))
        parts.append(_el("p", {"class": "formula"}, f"{zh} = {formula}"))
        if not rated:
            parts.append(
                _none(
                    f"没有报告给出{zh}（{_num(s.unrated[name])} 份未评价）。",
                    f"No report is rated ({_num(s.unrated[name])} not rated).",
                )
            )
            continue
        bins = [0] * (_BINS + 1)
        for value, n in counts.items():
            bins[min(value // (10000 // _BINS), _BINS - 1) if value <= 10000 else _BINS] += n
        labels = [f"{10 * i}–{10 * (i + 1)}%" for i in range(_BINS)]
        if not bins[-1]:
            bins.pop()
        else:
            labels.append(">100%")
        short = [f"{10 * i}" for i in range(_BINS)] + ([">100"] if len(bins) > _BINS else [])
        desc = "; ".join(f"{label}: {_num(n)}" for label, n in zip(labels, bins, strict=True))
        chart = _columns(
            f"rate-{name}",
            f"{zh}分布 Distribution of the {en}",
            desc,
            short,
            bins,
            width=520,
            height=180,
        )
        summary = [
            (_bi("已评价", "rated"), _num(rated)),
            (_bi("未评价", "not rated"), _num(s.unrated[name])),
            (_bi("下四分位", "lower quartile"), _bp(_quantile(counts, 0.25))),
            (_bi("中位数", "median"), _bp(_quantile(counts, 0.5))),
            (_bi("上四分位", "upper quartile"), _bp(_quantile(counts, 0.75))),
        ]
        table = _table(
            _bi(f"{zh}分布（报告数）", f"Distribution of the {en} (reports)"),
            [_bi("区间", "range"), _bi("报告数", "reports")],
            [
                *([label, _num(n)] for label, n in zip(labels, bins, strict=True)),
                *([label, value] for label, value in summary),
            ],
            numeric=(1,),
        )
        parts.append(
            _pair(
                _el(
                    "figure",
                    {"class": "hist"},
                    chart,
                    _el(
                        "figcaption",
                        {"class": "axis"},
                        _bi("横轴：比率区间（%）", "x: rate range (%)"),
                    ),
                ),
                table,
            )
        )
    return _section("rates", "派生比率", "Derived ratios", *parts)


def _unreadable_section(s: _Survey) -> _Safe:
    total = s.by_status["unreadable"]
    title = ("无法读取的文件", "Unreadable files")
    if not total:
        return _section("unreadable", *title, _none("所有文件都已读取。", "Every file was read."))
    caption = _bi(
        f"无法读取的文件（共 {_num(total)} 份，列出前 {_num(len(s.unreadable))} 份）",
        f"Unreadable files ({_num(total)}; the first {_num(len(s.unreadable))} listed)",
    )
    return _section(
        "unreadable",
        *title,
        _table(
            caption,
            [_bi("文件", "file"), _bi("原因", "reason")],
            ([_el("span", {"class": "file"}, f), r or "—"] for f, r in s.unreadable),
        ),
    )


def _footer() -> _Safe:
    from govinfo_report._version import package_version  # the footer's one use of it

    return _el(
        "footer",
        None,
        _el(
            "p",
            None,
            _bi(
                "数据来源：本文件夹中的 reports.csv 与 findings.jsonl。"
                "合计只计填写了的单元格，空白不当作 0。",
                "Sources: reports.csv and findings.jsonl in this folder. Totals add stated cells "
                "only; a blank is never taken as 0.",
            ),
        ),
        _el("p", None, f"govinfo-report {package_version()}"),
    )


_CSS = """
:root{--ink:#1d2733;--muted:#5b6675;--line:#d9dee5;--panel:#f4f6f9;--primary:#2b5c8a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;
font:15px/1.55 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:1200px;margin:0 auto;padding:36px 28px 56px}
header{border-bottom:3px solid var(--ink);padding-bottom:14px;margin-bottom:22px}
.kicker{margin:0 0 4px;color:var(--muted);font-size:14px;letter-spacing:.04em}
h1{margin:0;font-size:30px;line-height:1.25}
h2{font-size:22px;margin:0 0 12px;padding-top:10px;border-top:1px solid var(--line)}
h3{font-size:16px;margin:22px 0 6px}
.en{color:var(--muted);font-weight:400;margin-left:.45em;font-size:.82em}
h1 .en{font-size:.62em}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px}
.kpi{background:var(--panel);border-left:4px solid var(--primary);padding:10px 14px 12px}
.kpi .label{display:block;font-size:13px;color:var(--muted)}
.kpi .label .en{margin-left:.3em}
.kpi b{display:block;font-size:28px;line-height:1.2;font-variant-numeric:tabular-nums;margin:2px 0}
.kpi .sub{display:block;font-size:12px;color:var(--muted)}
nav{margin:22px 0 8px}
nav ol{display:flex;flex-wrap:wrap;gap:6px 22px;margin:0;padding:0;list-style:none;font-size:14px}
nav ol{counter-reset:toc}
nav li{counter-increment:toc}
nav li::before{content:counter(toc) ". ";color:var(--muted)}
a{color:var(--primary)}
section{margin-top:34px}
.lead,.formula{color:var(--muted);font-size:14px;margin:0 0 8px}
.formula{font-style:italic}
.none{background:var(--panel);padding:12px 16px;color:var(--muted)}
.pair{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:12px 28px;
align-items:start;margin:6px 0 18px}
.pair.stacked{grid-template-columns:minmax(0,1fr)}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:8px 18px}
figure{margin:0}
figure.mini figcaption{font-size:13px;font-weight:600}
figcaption.axis{font-size:12px;color:var(--muted)}
svg{display:block;max-width:100%;height:auto;overflow:visible}
svg text{font-family:inherit;font-size:12px;fill:var(--ink)}
svg text.small{font-size:11px;fill:var(--muted)}
svg text.value{font-size:11px;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;font-size:13px}
caption{text-align:left;font-weight:600;padding:0 0 6px;font-size:13px}
caption .en{font-size:1em}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink);font-weight:600;vertical-align:bottom}
th .en,td .en{display:block;margin-left:0;font-size:11px}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
.file{word-break:break-all;font-size:12px}
table.wide{font-size:12px}
table.agencies td{padding:6px 8px}
table.agencies svg{margin:2px 0}
.series{display:block;font-size:12px;font-variant-numeric:tabular-nums;white-space:nowrap}
td .sub,td .note{display:block;font-size:11px;color:var(--muted)}
footer{margin-top:44px;border-top:1px solid var(--line);padding-top:10px;font-size:12px;
color:var(--muted)}
footer p{margin:2px 0}
@media (max-width:860px){.pair{grid-template-columns:minmax(0,1fr)}main{padding:20px 14px}}
@media print{
@page{size:A4;margin:14mm 12mm}
body{font-size:10.5pt}
main{max-width:none;padding:0}
nav{display:none}
section,.pair,tr,figure{break-inside:avoid}
h2,h3{break-after:avoid}
tbody tr:nth-child(even){background:none}
a{color:inherit;text-decoration:none}
}
"""

__all__ = ["FINDINGS_JSONL", "INDEX_HTML", "REPORTS_CSV", "write_dashboard"]
