"""The statistic tables of a Markdown report: which table a raw table is, and its cells.

A :class:`~govinfo_report.readers._md_tables.RawTable` is scored against every
:class:`~govinfo_report.formats.TableSpec` by how many of its labels the spec declares;
the best one (or, with no label known, the table of the section it stands in) reads it.
:class:`TableReader` matches rows and columns by label, never by position: the label
path exactly (our own output always matches here), then the shared matching of every
reader (:mod:`~govinfo_report.readers._labels`: normalised, a known variant, a note added
or dropped, a small typo), then — Markdown's own tolerance, as documented — the one label
that contains the printed one or is contained in it ("予以公开" for （一）予以公开). Values
are read exactly as the writer wrote them first (so every cell of our own output reads
back equal, money with any unit), then by the shared cell reading of
:mod:`~govinfo_report.readers._cells`. What cannot be placed or read is a finding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Protocol, TypeVar

from govinfo_report._markdown_conventions import PATH_SEPARATOR
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import (
    FORMATS,
    CellKind,
    CellSpec,
    Column,
    FormatVersion,
    Row,
    RowGroup,
    TableSpec,
)
from govinfo_report.model import BLANK, CellValue, ExtraRow, Money, Table
from govinfo_report.readers import _cells
from govinfo_report.readers._findings import CELL, EXTRA_ROW, LABEL_VARIANT, ROW_MISSING, finding
from govinfo_report.readers._labels import LabelIndex, normalize
from govinfo_report.readers._md_tables import RawLine, RawTable
from govinfo_report.readers._tables import spec_index


class _Labelled(Protocol):
    @property
    def label(self) -> str: ...


T = TypeVar("T")
L = TypeVar("L", bound=_Labelled)
_INT = re.compile(r"[+-]?\d{1,18}")
"""A count in an extra row; a longer run of digits is no count (and int() refuses 4,300)."""
_Target = tuple[Row | None, Column] | None
"""What a value column names: (the row it pins, or None), the column; None for nothing."""


# --- which table -----------------------------------------------------------------------


_Known = tuple[frozenset[str], frozenset[str], frozenset[str]]
_KNOWN: dict[int, tuple[TableSpec, _Known]] = {}


def _known(spec: TableSpec) -> _Known:
    """The normalised row labels (and whole label paths), column labels and hints of ``spec``.

    Cached by identity: a TableSpec hashes by value, deeply, which costs more than
    scoring a table (this runs for every raw table against all six table specs).
    """
    cached = _KNOWN.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    rows = {normalize(r.label) for r in spec.rows} | {
        normalize("".join(r.label_path)) for r in spec.rows
    }
    columns = {normalize(c.label) for g in spec.groups for c in g.columns}
    hints = {normalize(h) for h in (spec.corner_note, spec.column_group) if h} | {
        normalize(h) for g in spec.groups for h in (g.caption, g.header_first_cell) if h
    }
    known = (frozenset(rows), frozenset(columns), frozenset(hints))
    _KNOWN[id(spec)] = (spec, known)
    return known


def score(raw: RawTable, spec: TableSpec) -> int:
    """How many of ``raw``'s labels ``spec`` declares (a hint counts twice)."""
    rows, columns, hints = _known(spec)
    total = sum(
        1
        for line in raw.rows
        if line.labels
        and (normalize(line.labels[-1]) in rows or normalize("".join(line.labels)) in rows)
    )
    total += sum(1 for path in raw.columns if path and normalize(path[-1]) in columns)
    total += sum(2 for h in raw.hints if normalize(h) in hints)
    return total


def best_spec(raw: RawTable) -> TableSpec | None:
    """The statistic table (of either format) that ``raw`` matches best, if any."""
    scored = [(score(raw, t), t) for f in FORMATS.values() for t in f.tables]
    best = max(s for s, _ in scored)
    return next(t for s, t in scored if s == best) if best else None


def detect_version(raws: Sequence[RawTable]) -> FormatVersion | None:
    """The format whose tables the raw tables match best, if exactly one does."""
    scores = {v: sum(score(raw, t) for raw in raws for t in f.tables) for v, f in FORMATS.items()}
    best = max(scores.values(), default=0)
    winners = [v for v, s in scores.items() if s == best]
    return winners[0] if best and len(winners) == 1 else None


# --- labels and values -------------------------------------------------------------------


def _unique(candidates: Sequence[T]) -> T | None:
    return candidates[0] if len(candidates) == 1 else None


def _label(text: str, index: LabelIndex[str], candidates: Mapping[str, L]) -> L | None:
    """The candidate (by key) ``text`` names: by the shared matching, else by containment.

    Containment is the Markdown reader's own tolerance: the one candidate whose label
    contains the text or is contained in it, both of two characters or more.
    """
    match = index.match(text)
    if match is not None and match.key in candidates:
        return candidates[match.key]
    n = normalize(text)
    if len(n) < 2:
        return None
    hits = []
    for obj in candidates.values():
        label = normalize(obj.label)
        if len(label) >= 2 and (label in n or n in label):
            hits.append(obj)
    return _unique(hits)


def cell_value(text: str, kind: CellKind) -> CellValue | None:
    """A standard cell's value; ``None`` if ``text`` is not one.

    Money is read by :meth:`Money.parse` first, the inverse of what the writer prints (so
    a unit of any kind reads back as written); everything else, and money the model's
    parser does not take, by the shared :func:`~govinfo_report.readers._cells.parse`.
    """
    if kind is CellKind.MONEY:
        try:
            return Money.parse(text.strip())
        except ValueError:
            pass
    return _cells.parse(text, kind)


def extra_value(text: str) -> CellValue | None:
    """A value of an extra row (no declared kind): a whole number as a count, then money
    as :meth:`Money.parse` reads it (``5件`` keeps its unit, as the writer printed it),
    then the shared reading; ``None`` if ``text`` is none of these."""
    stripped = text.strip()
    if _INT.fullmatch(stripped):
        return int(stripped)
    try:
        return Money.parse(stripped)
    except ValueError:
        return _cells.parse_any(text)


# --- one statistic table ---------------------------------------------------------------


class TableReader:
    """Turns the raw tables recognised as one statistic table into a :class:`Table`."""

    def __init__(self, spec: TableSpec, findings: list[Finding], source: str) -> None:
        self.spec = spec
        self.index = spec_index(spec)
        self.findings = findings
        self.source = source
        self.group_headers = {
            normalize(h) for g in spec.groups for c in g.columns for h in (c.parent,) if h
        } | ({normalize(spec.column_group)} if spec.column_group else set())

    def _loc(self, line: int) -> str:
        return f"{self.source}: line {line}"

    def _rows(self, lines: Sequence[RawLine]) -> list[Row | None]:
        spec = self.spec
        matched: list[Row | None] = [None] * len(lines)
        claimed: set[str] = set()
        by_path = {r.label_path: r for r in spec.rows}
        for i, line in enumerate(lines):
            row = by_path.get(line.labels)
            if row is not None and row.id not in claimed:
                matched[i] = row
                claimed.add(row.id)
        for i, line in enumerate(lines):
            if matched[i] is not None or not line.labels:
                continue
            free = {r.id: r for r in spec.rows if r.id not in claimed}
            whole = normalize("".join(line.labels))
            row = _unique([r for r in free.values() if normalize("".join(r.label_path)) == whole])
            if row is None:
                row = _label(line.labels[-1], self.index.rows, free)
            if row is None:
                continue
            matched[i] = row
            claimed.add(row.id)
            path = PATH_SEPARATOR.join(row.label_path)
            self.findings.append(
                finding(
                    LABEL_VARIANT,
                    Severity.NOTICE,
                    f"行标签“{line.label}”与格式中的“{path}”不完全一致，按后者读取",
                    f"row label {line.label!r} read as the format's {path!r}",
                    paths=(f"{spec.id}.{row.id}",),
                    reported=line.label,
                    location=self._loc(line.line),
                )
            )
        return matched

    def _columns(self, raw: RawTable, group: RowGroup) -> list[_Target]:
        out: list[_Target] = []
        index = self.index.columns[group.id]
        choices = {c.id: c for c in group.columns}
        by_path = {r.label_path: r for r in group.rows}
        for path in raw.columns:
            column = _label(path[-1], index, choices) if path else None
            if column is None:
                out.append(None)
                continue
            prefix = tuple(p for p in path[:-1] if normalize(p) not in self.group_headers)
            pin = None
            if prefix:
                wanted = tuple(map(normalize, prefix))
                pin = by_path.get(prefix) or _unique(
                    [r for r in group.rows if tuple(map(normalize, r.label_path)) == wanted]
                )
            out.append((pin, column))
        return out

    def _uncertain(self, path: str, text: str, line: int) -> None:
        self.findings.append(
            finding(
                CELL,
                Severity.WARNING,
                f"单元格 {path} 的内容“{text}”不是数字、空白或“/”，按空白读取",
                f"cell {path} holds {text!r}, which is not a number, blank or '/'; read as blank",
                paths=(path,),
                reported=text,
                location=self._loc(line),
                uncertain=True,
            )
        )

    def _value(self, text: str, cell: CellSpec, path: str, line: int) -> CellValue:
        value = cell_value(text, cell.kind)
        if value is None:
            self._uncertain(path, text, line)
            return BLANK
        return value

    def _extra_value(self, text: str, path: str, line: int) -> CellValue:
        value = extra_value(text)
        if value is None:
            self._uncertain(path, text, line)
            return BLANK
        return value

    def read(self, raws: Sequence[RawTable]) -> Table:
        """The table the raw tables hold together (Table 2 comes in several)."""
        spec = self.spec
        pairs = [(raw, line) for raw in raws for line in raw.rows]
        matched = self._rows([line for _, line in pairs])
        cells: dict[str, CellValue] = {}
        extras: list[ExtraRow] = []
        maps: dict[tuple[int, str], list[_Target]] = {}
        last: str | None = None
        row_ids = {r.id for r in spec.rows}
        for (raw, line), row in zip(pairs, matched, strict=True):
            if row is None:
                # A values row under pinned columns (Table 4 written as one row of 15).
                group = spec.groups[0]
                colmap = maps.setdefault((id(raw), group.id), self._columns(raw, group))
                if line.pinned and colmap and all(t is not None and t[0] for t in colmap):
                    self._place(line, colmap, None, cells)
                    continue
                after = line.after if line.after in row_ids else last
                extras.append(self._extra_row(line, len(extras), after))
                continue
            group = spec.group_of(row.id)
            colmap = maps.setdefault((id(raw), group.id), self._columns(raw, group))
            self._place(line, colmap, row, cells)
            last = row.id
        self._missing(cells)
        values = tuple(cells.get(c.id, BLANK) for c in spec.cells)
        return Table(spec=spec, values=values, extra_rows=tuple(extras))

    def _extra_row(self, line: RawLine, k: int, after: str | None) -> ExtraRow:
        path = f"{self.spec.id}.extra_rows[{k}]"
        values = tuple(
            self._extra_value(v, f"{path}.values[{j}]", line.line)
            for j, v in enumerate(line.values[: line.written])
        )
        self.findings.append(
            finding(
                EXTRA_ROW,
                Severity.NOTICE,
                f"表格中有格式之外的行“{line.label}”，已作为附加行保留",
                f"a row the format does not have, {line.label!r}, is kept as an extra row",
                paths=(path,),
                reported=line.label,
                location=self._loc(line.line),
            )
        )
        return ExtraRow(label=line.label, values=values, after=after)

    def _place(
        self,
        line: RawLine,
        colmap: list[_Target],
        row: Row | None,
        cells: dict[str, CellValue],
    ) -> None:
        spec = self.spec
        for j, text in enumerate(line.values):
            target = colmap[j] if j < len(colmap) else None
            if target is None or (target[0] is None and row is None):
                if text.strip():
                    self.findings.append(
                        finding(
                            CELL,
                            Severity.WARNING,
                            f"“{text}”所在的列无法对应到表格的任何一列，未读取",
                            f"{text!r} is in a column that matches none of the table's; not read",
                            paths=(f"{spec.id}.{row.id}" if row else spec.id,),
                            reported=text,
                            location=self._loc(line.line),
                            uncertain=True,
                        )
                    )
                continue
            pin, column = target
            target_row = pin or row
            assert target_row is not None
            cell_id = f"{target_row.id}.{column.id}"
            if cell_id in cells:
                continue
            cells[cell_id] = self._value(
                text, spec.cell(cell_id), f"{spec.id}.{cell_id}", line.line
            )

    def _missing(self, cells: dict[str, CellValue]) -> None:
        spec = self.spec
        for group in spec.groups:
            for row in group.rows:
                lost = [
                    f"{spec.id}.{row.id}.{c.id}"
                    for c in group.columns
                    if f"{row.id}.{c.id}" not in cells
                ]
                if not lost:
                    continue
                # A row not in the table at all, or cells under no column of it.
                path = PATH_SEPARATOR.join(row.label_path)
                self.findings.append(
                    finding(
                        ROW_MISSING if len(lost) == len(group.columns) else CELL,
                        Severity.WARNING,
                        f"表格中找不到“{path}”的 {len(lost)} 个单元格，按空白读取",
                        f"{len(lost)} cell(s) of row {path!r} are not in the table; read as blank",
                        paths=tuple(lost),
                        uncertain=True,
                    )
                )
