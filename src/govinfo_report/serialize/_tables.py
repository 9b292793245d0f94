"""Cells and tables: ``{row_id: {column_id: value}}`` in the format's order, plus
``extra_rows``; a fast path for well-formed tables, a detailed one that reports every
problem with its path."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from govinfo_report.errors import AmountRangeError
from govinfo_report.formats import CellKind, CellSpec, TableSpec
from govinfo_report.model import BLANK, NOT_APPLICABLE, CellValue, Empty, ExtraRow, Money, Table
from govinfo_report.serialize._problems import Problem, got, note
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
            if after is not None and after not in row_ids:
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
    fast = _structure_table_fast(value, spec)
    if fast is not None:
        return fast
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
                row_errors.append(ForbiddenExtraKeysError("", Table, extra))
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
        errors.append(ForbiddenExtraKeysError("", Table, unknown))
    if errors:
        raise ClassValidationError(spec.id, errors, Table)
    return Table(spec=spec, values=tuple(values), extra_rows=extra_rows)


_Columns = tuple[tuple[str, bool], ...]
_Pick = Callable[[dict[str, Any]], tuple[Any, ...]]
_RowPlan = tuple[str, _Columns, _Pick, bool]
_PLANS: dict[int, tuple[TableSpec, tuple[_RowPlan, ...]]] = {}


def _picker(ids: list[str]) -> _Pick:
    """``row -> (row[id] for id in ids)`` as a tuple, in C (KeyError for a missing id)."""
    if len(ids) == 1:
        (only,) = ids
        return lambda row: (row[only],)
    pick: _Pick = operator.itemgetter(*ids)
    return pick


def _plan(spec: TableSpec) -> tuple[_RowPlan, ...]:
    """Per row: its id, its columns as (id, holds money), a getter of its cells and
    whether any holds money, computed once per format."""
    cached = _PLANS.get(id(spec))
    if cached is None or cached[0] is not spec:
        plan = tuple(
            (
                row.id,
                tuple((c.id, c.kind is CellKind.MONEY) for c in group.columns),
                _picker([c.id for c in group.columns]),
                any(c.kind is CellKind.MONEY for c in group.columns),
            )
            for group in spec.groups
            for row in group.rows
        )
        cached = _PLANS[id(spec)] = (spec, plan)
    return cached[1]


_INT = frozenset({int})


def _structure_table_fast(value: Mapping[str, Any], spec: TableSpec) -> Table | None:
    """The table when every cell is well-formed, else ``None`` for the detailed path.

    Loading a whole report must stay within 2x ``json.loads`` of its text; this loop is
    most of it: a row of whole numbers (nearly every row) is taken by one C-level
    type test. Anything unusual (a missing or extra key, an odd value) falls back to
    :func:`structure_table`'s detailed path, which reports every problem.
    """
    plan = _plan(spec)
    if len(value) != len(plan) + ("extra_rows" in value):
        return None
    values: list[CellValue] = []
    append = values.append
    for row_id, columns, pick, has_money in plan:
        raw = value.get(row_id)
        if type(raw) is not dict or len(raw) != len(columns):
            return None
        try:
            cells = pick(raw)
        except KeyError:
            return None
        if not has_money and set(map(type, cells)) <= _INT:  # not bool: type() is exact
            values.extend(cells)
            continue
        for cell, (_, money) in zip(cells, columns, strict=True):
            kind = type(cell)
            if kind is int and not money:
                append(cell)
            elif kind is str:
                if cell == "":
                    append(BLANK)
                elif cell == "/":
                    append(NOT_APPLICABLE)
                elif money:
                    try:
                        append(Money.parse(cell))
                    except ValueError:
                        return None
                else:
                    return None
            elif cell is None:
                append(BLANK)
            else:
                return None
    extra_rows: tuple[ExtraRow, ...] = ()
    if "extra_rows" in value:
        try:
            extra_rows = _structure_extra_rows(value["extra_rows"], spec)
        except (Problem, IterableValidationError):
            return None
    return Table(spec=spec, values=tuple(values), extra_rows=extra_rows)


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
