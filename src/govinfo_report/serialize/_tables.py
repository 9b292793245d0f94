"""Cells and tables: ``{row_id: {column_id: value}}`` in the format's order, plus
``extra_rows``; a fast path for well-formed tables, a detailed one that reports every
problem with its path."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from decimal import Decimal
from itertools import chain
from typing import Any, NamedTuple

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from govinfo_report._unchecked import builder
from govinfo_report.errors import AmountRangeError
from govinfo_report.formats import CellKind, CellSpec, TableSpec
from govinfo_report.model import BLANK, NOT_APPLICABLE, CellValue, Empty, ExtraRow, Money, Table
from govinfo_report.serialize._problems import Problem, UnknownKeys, got, note
from govinfo_report.serialize._scalars import decimal


def structure_cell(spec: CellSpec, value: Any) -> CellValue:
    """One cell from plain data, as its kind requires.

    Raises:
        Problem: the value does not fit the cell.
    """
    if value is None or value == "":
        return BLANK
    if value == "/":
        return NOT_APPLICABLE
    if spec.kind is CellKind.MONEY:
        if isinstance(value, str):
            try:
                return Money.parse(value)
            except AmountRangeError as exc:
                raise Problem(str(exc)) from None
            except ValueError:
                pass
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return Money(decimal(value))
        raise Problem(f"expected an amount ('7730.28' or '251000元'), '' or '/', {got(value)}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise Problem(f"expected a count (whole number), '' or '/', {got(value)}")
    return value


def unstructure_cell(value: CellValue) -> int | str:
    """One cell as plain data: int, money string, ``""`` or ``"/"``."""
    if isinstance(value, Empty):
        return value.value
    if isinstance(value, Money):
        # Fixed-point digits: str(Decimal) may say "1E+20" or "0E-7", which no cell holds.
        return f"{value.amount:f}{value.unit or ''}"
    return value


def _structure_extra_rows(value: Any, spec: TableSpec) -> tuple[ExtraRow, ...]:
    if not isinstance(value, list | tuple):
        raise Problem(f"expected a list of rows, {got(value)}")
    rows: list[ExtraRow] = []
    errors: list[Exception] = []
    row_ids = {r.id for r in spec.rows}
    for i, item in enumerate(value):
        problems: list[Exception] = []
        if not isinstance(item, Mapping):
            problems.append(Problem(f"expected a mapping, {got(item)}"))
        else:
            extra = set(item) - {"label", "values", "after"}
            if extra:
                problems.append(ForbiddenExtraKeysError("", ExtraRow, extra))
            label = item.get("label")
            if not isinstance(label, str):
                problems.append(note(Problem(f"expected a string, {got(label)}"), "label"))
            elif not label.strip():
                problems.append(
                    note(Problem(f"an extra row needs a label, got {label!r}"), "label")
                )
            after = item.get("after")
            if after is not None and (type(after) is not str or after not in row_ids):
                problems.append(
                    note(Problem(f"expected a row id of {spec.id}, {got(after)}"), "after")
                )
            raw_values = item.get("values", [])
            values: list[CellValue] = []
            if not isinstance(raw_values, list | tuple):
                problems.append(note(Problem(f"expected a list, {got(raw_values)}"), "values"))
            else:
                for v in raw_values:
                    if v is None or v == "":
                        values.append(BLANK)
                    elif v == "/":
                        values.append(NOT_APPLICABLE)
                    elif isinstance(v, int) and not isinstance(v, bool):
                        values.append(v)
                    elif isinstance(v, str | float | Decimal):
                        try:
                            values.append(Money.parse(str(v)))
                        except ValueError:
                            problems.append(
                                note(Problem(f"expected a number, '' or '/', {got(v)}"), "values")
                            )
                    else:
                        problems.append(
                            note(Problem(f"expected a number, '' or '/', {got(v)}"), "values")
                        )
            if not problems and isinstance(label, str):
                rows.append(ExtraRow(label=label, values=tuple(values), after=after))
        if problems:
            exc = ClassValidationError(f"extra row {i}", problems, ExtraRow)
            exc.__notes__ = [cattrs.errors.IterableValidationNote(f"@ index {i}", i, ExtraRow)]
            errors.append(exc)
    if errors:
        raise IterableValidationError("invalid extra rows", errors, tuple)
    return tuple(rows)


def structure_table(value: Any, spec: TableSpec) -> Table:
    """A table of ``spec`` from ``{row_id: {column_id: value}}`` (and ``extra_rows``).

    Raises:
        Problem: ``value`` is not a mapping.
        ClassValidationError: every missing, unknown or ill-typed cell, with notes.
    """
    if not isinstance(value, Mapping):
        raise Problem(f"expected a mapping of rows, {got(value)}")
    fast = structure_table_fast(value, spec)
    if fast is not None:
        return fast[0]
    values: list[CellValue] = []
    errors: list[Exception] = []
    for group in spec.groups:
        for row in group.rows:
            raw = value.get(row.id)
            if not isinstance(raw, Mapping):
                errors.append(
                    note(
                        KeyError(row.id)
                        if raw is None and row.id not in value
                        else Problem(f"expected a mapping of columns, {got(raw)}"),
                        row.id,
                    )
                )
                values.extend(BLANK for _ in group.columns)
                continue
            row_errors: list[Exception] = []
            for column in group.columns:
                cell = spec.cells[spec.index[f"{row.id}.{column.id}"]]
                if column.id not in raw:
                    row_errors.append(note(KeyError(column.id), column.id))
                    values.append(BLANK)
                    continue
                try:
                    values.append(structure_cell(cell, raw[column.id]))
                except Problem as exc:
                    row_errors.append(note(exc, column.id))
                    values.append(BLANK)
            extra = set(raw) - {c.id for c in group.columns}
            if extra:
                row_errors.append(UnknownKeys(Table, extra, (c.id for c in group.columns)))
            if row_errors:
                errors.append(note(ClassValidationError(row.id, row_errors, Table), row.id))
    extra_rows: tuple[ExtraRow, ...] = ()
    if "extra_rows" in value:
        try:
            extra_rows = _structure_extra_rows(value["extra_rows"], spec)
        except (Problem, IterableValidationError) as exc:
            errors.append(note(exc, "extra_rows"))
    unknown = set(value) - {r.id for r in spec.rows} - {"extra_rows"}
    if unknown:
        errors.append(UnknownKeys(Table, unknown, (*(r.id for r in spec.rows), "extra_rows")))
    if errors:
        raise ClassValidationError(spec.id, errors, Table)
    return Table(spec=spec, values=tuple(values), extra_rows=extra_rows)


_Pick = Callable[[Any], tuple[Any, ...]]


class _Plan(NamedTuple):
    """How :func:`structure_table_fast` reads a table of one format, computed once."""

    rows_of: _Pick
    """Every row's mapping, in order (KeyError for a missing row)."""
    rows: int
    cells: int
    """The keys of a well-formed table's rows, all told."""
    groups: tuple[tuple[int, int, _Pick], ...]
    """Per group of rows: its first row, its number of rows, a getter of a row's cells."""
    counts_only: bool
    """No cell of the table holds money."""
    counts_of: _Pick
    """The count cells among a table's values (all of them if ``counts_only``)."""
    money: tuple[int, ...]
    """The positions of the money cells among the values."""
    holds_money: tuple[bool, ...]
    """Whether each cell holds money, in values order."""


_PLANS: dict[int, tuple[TableSpec, _Plan]] = {}
_build_table = builder(Table)


def _picker(ids: list[str]) -> _Pick:
    """``mapping -> (mapping[id] for id in ids)`` as a tuple, in C (KeyError for a
    missing id)."""
    if len(ids) == 1:
        (only,) = ids
        return lambda mapping: (mapping[only],)
    pick: _Pick = operator.itemgetter(*ids)
    return pick


def _index_picker(indices: list[int]) -> _Pick:
    """``values -> (values[i] for i in indices)`` as a tuple, in C."""
    if len(indices) == 1:
        (only,) = indices
        return lambda values: (values[only],)
    if not indices:
        return lambda values: ()
    pick: _Pick = operator.itemgetter(*indices)
    return pick


def _plan(spec: TableSpec) -> _Plan:
    cached = _PLANS.get(id(spec))
    if cached is None or cached[0] is not spec:
        groups = []
        first = 0
        for group in spec.groups:
            groups.append((first, len(group.rows), _picker([c.id for c in group.columns])))
            first += len(group.rows)
        money = tuple(c.index for c in spec.cells if c.kind is CellKind.MONEY)
        plan = _Plan(
            rows_of=_picker([row.id for group in spec.groups for row in group.rows]),
            rows=first,
            cells=len(spec.cells),
            groups=tuple(groups),
            counts_only=not money,
            counts_of=_index_picker([c.index for c in spec.cells if c.kind is not CellKind.MONEY]),
            money=money,
            holds_money=tuple(c.kind is CellKind.MONEY for c in spec.cells),
        )
        cached = _PLANS[id(spec)] = (spec, plan)
    return cached[1]


_INT = frozenset({int})
_DICT = frozenset({dict})


def _money_fast(cell: Any) -> CellValue | None:
    """A money cell's value (an amount, blank or "/"), or None if it is none of them."""
    if type(cell) is str:
        if cell == "":
            return BLANK
        if cell == "/":
            return NOT_APPLICABLE
        try:
            return Money.parse(cell)
        except ValueError:
            return None
    return BLANK if cell is None else None


def _cells_fast(cells: tuple[Any, ...], money: tuple[bool, ...]) -> list[CellValue] | None:
    """The values of ``cells`` (``money``: which hold money), or None if one is odd."""
    values: list[CellValue] = []
    append = values.append
    for cell, holds_money in zip(cells, money, strict=True):
        if holds_money:
            value = _money_fast(cell)
            if value is None:
                return None
            append(value)
        elif type(cell) is int:  # exact: a bool is no count
            append(cell)
        elif cell == "" or cell is None:
            append(BLANK)
        elif cell == "/":
            append(NOT_APPLICABLE)
        else:
            return None
    return values


def structure_table_fast(value: Any, spec: TableSpec) -> tuple[Table, int] | None:
    """The table when every cell is well-formed, with the number of mapping keys in
    ``value`` (exact: every mapping in it was checked); ``None`` for anything unusual
    (a missing or extra key, an odd value), which :func:`structure_table`'s detailed
    path then reports.

    Loading a whole report must stay within 2x ``json.loads`` of its text; this is most
    of it. A group of rows whose cells are all whole numbers (nearly every group) is
    taken by a few C-level calls: its rows fetched at once, their lengths and cell types
    tested as sets. The table is then built unchecked (:mod:`govinfo_report._unchecked`):
    every value was checked here, exactly as its validator would.
    """
    if type(value) is not dict:
        return None
    plan = _plan(spec)
    extra = "extra_rows" in value
    if len(value) != plan.rows + extra:
        return None
    try:
        rows = plan.rows_of(value)
    except KeyError:
        return None
    # A row lacking a column fails below (KeyError); so with the right total, no row
    # has a key too many.
    if set(map(type, rows)) != _DICT or sum(map(len, rows)) != plan.cells:
        return None
    try:
        parts = [
            cells_of(rows[first])
            if n == 1
            else tuple(chain.from_iterable(map(cells_of, rows[first : first + n])))
            for first, n, cells_of in plan.groups
        ]
    except KeyError:
        return None
    values: tuple[CellValue, ...] = (
        parts[0] if len(parts) == 1 else tuple(chain.from_iterable(parts))
    )
    counts = values if plan.counts_only else plan.counts_of(values)
    if not set(map(type, counts)) <= _INT:  # a blank or "/" among the counts (or worse)
        odd = _cells_fast(values, plan.holds_money)
        if odd is None:
            return None
        values = tuple(odd)
    elif plan.money:  # every count a whole number: only the money cells are left to read
        cells = list(values)
        for i in plan.money:
            amount = _money_fast(values[i])
            if amount is None:
                return None
            cells[i] = amount
        values = tuple(cells)
    extra_rows: tuple[ExtraRow, ...] = ()
    extra_keys = 0
    if extra:
        raw = value["extra_rows"]
        if type(raw) is not list or set(map(type, raw)) - _DICT:
            return None
        if any(type(r.get("values")) is list and float in map(type, r["values"]) for r in raw):
            return None  # the native parser's float is not exact; json's Decimal is
        try:
            extra_rows = _structure_extra_rows(raw, spec)
        except (Problem, IterableValidationError):
            return None
        extra_keys = sum(map(len, raw))
    return _build_table(spec, tuple(values), extra_rows), plan.cells + len(value) + extra_keys


def unstructure_table(table: Table) -> dict[str, Any]:
    """``{row_id: {column_id: value}}`` in document order, then ``extra_rows`` if any."""
    out: dict[str, Any] = {}
    it = iter(table.values)
    for group in table.spec.groups:
        for row in group.rows:
            out[row.id] = {c.id: unstructure_cell(next(it)) for c in group.columns}
    if table.extra_rows:
        out["extra_rows"] = [
            drop_none(
                {
                    "label": r.label,
                    "values": [unstructure_cell(v) for v in r.values],
                    "after": r.after,
                }
            )
            for r in table.extra_rows
        ]
    return out


def drop_none(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without its None values (TOML has no null; one tree for all syntaxes)."""
    return {k: v for k, v in data.items() if v is not None}
