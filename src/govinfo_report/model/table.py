"""A statistic table's values, addressed by the cell ids its format declares.

A :class:`Table` is the values of one of Tables 2, 3, 4 of one format version, stored in
the order of ``spec.cells``. Cells are read as ``table["new_received.total"]`` and
changed by returning a new table (``table.replace({...})``); nothing is computed on
construction, so a table can hold whatever a report printed.
"""

from __future__ import annotations

import difflib
import operator
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from govinfo_report.formats import CellKind, CellSpec, TableSpec
from govinfo_report.model._tuples import as_tuple
from govinfo_report.model.cells import BLANK, CellValue, Empty, Money


def _check_value(spec: CellSpec, value: Any) -> None:
    """Local shape only: the value's type must fit the cell's kind. Signs are the checks' job."""
    if isinstance(value, Empty):
        return
    if spec.kind is CellKind.MONEY:
        if not isinstance(value, Money):
            raise TypeError(
                f"cell {spec.id} holds money: expected Money, blank or '/', "
                f"got {type(value).__name__} {value!r}"
            )
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(
            f"cell {spec.id} holds a count: expected int, blank or '/', "
            f"got {type(value).__name__} {value!r}"
        )


def _validate_values(instance: Table, _attribute: Any, values: tuple[CellValue, ...]) -> None:
    spec = instance.spec
    if not isinstance(values, tuple):
        raise TypeError(f"{spec.id} values must be a tuple, got {type(values).__name__}")
    if len(values) != len(spec.cells):
        raise ValueError(
            f"{spec.id} ({spec.version.value} format) has {len(spec.cells)} cells, "
            f"got {len(values)} values"
        )
    counts, money = _kinds(spec)
    # The common case in C: every count an int (not a bool), every amount Money, or
    # blank/"/". Anything else takes the per-cell loop, which names the cell.
    if set(map(type, counts(values))) <= _COUNT_TYPES and (
        not money or set(map(type, money(values))) <= _MONEY_TYPES
    ):
        return
    for cell, value in zip(spec.cells, values, strict=True):
        _check_value(cell, value)


_COUNT_TYPES = frozenset({int, Empty})
_MONEY_TYPES = frozenset({Money, Empty})
_Getter = Callable[[tuple[CellValue, ...]], tuple[CellValue, ...]]
_KINDS: dict[int, tuple[TableSpec, _Getter, _Getter | None]] = {}


def _picker(indices: list[int]) -> _Getter:
    if len(indices) == 1:
        (i,) = indices
        return lambda values: (values[i],)
    pick: _Getter = operator.itemgetter(*indices) if indices else (lambda values: ())
    return pick


def _kinds(spec: TableSpec) -> tuple[_Getter, _Getter | None]:
    """Getters of ``spec``'s count cells and money cells (None: no money), once per spec."""
    # By identity: the specs are the formats' singletons.
    entry = _KINDS.get(id(spec))
    if entry is None or entry[0] is not spec:
        money = [c.index for c in spec.cells if c.kind is CellKind.MONEY]
        counts = [c.index for c in spec.cells if c.kind is not CellKind.MONEY]
        entry = _KINDS[id(spec)] = (
            spec,
            tuple if not money else _picker(counts),
            _picker(money) if money else None,
        )
    return entry[1], entry[2]


def _values(value: tuple[CellValue, ...] | list[CellValue]) -> tuple[CellValue, ...]:
    return as_tuple(value)


def _check_extra_values(_instance: ExtraRow, _attribute: Any, values: Any) -> None:
    if not isinstance(values, tuple):
        raise TypeError(f"extra row values must be a tuple, got {type(values).__name__}")
    for value in values:
        if not isinstance(value, Empty | Money | int) or isinstance(value, bool):
            raise TypeError(
                "extra row values must be int, Money, blank or '/', "
                f"got {type(value).__name__} {value!r}"
            )


def _check_extra_label(_instance: ExtraRow, _attribute: Any, label: str) -> None:
    if not label.strip():
        # Printed, such a row is values with no label: no reader can tell it from values
        # that lost their row, so it would never read back as this row.
        raise ValueError(f"an extra row needs a label with a visible character, got {label!r}")


@attrs.frozen(kw_only=True)
class ExtraRow:
    """A row a published report added that the format does not have (e.g. 其他主动公开文件).

    Kept so that nothing the report says is dropped. ``after`` is the id of the
    standard row it followed, ``None`` if it came first; ``values`` are the cells as
    printed, left to right. Which ids ``after`` may name is the table's business: a
    :class:`Table` refuses an extra row after a row its format does not have.
    """

    label: str = attrs.field(validator=[attrs.validators.instance_of(str), _check_extra_label])
    """What the row is, as printed: never blank (spaces around it are kept)."""
    values: tuple[CellValue, ...] = attrs.field(
        default=(), converter=_values, validator=_check_extra_values
    )
    after: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str))
    )


def _extra_row_tuple(value: tuple[ExtraRow, ...] | list[ExtraRow]) -> tuple[ExtraRow, ...]:
    return as_tuple(value)


def _validate_extra_rows(instance: Table, _attribute: Any, rows: tuple[ExtraRow, ...]) -> None:
    if rows == ():
        return  # most tables: nothing to check on each construction and replace()
    spec = instance.spec
    if not isinstance(rows, tuple) or not all(isinstance(r, ExtraRow) for r in rows):
        raise TypeError(f"{spec.id} extra_rows must be a tuple of ExtraRow")
    row_ids = [r.id for r in spec.rows]
    for i, row in enumerate(rows):
        if row.after is not None and row.after not in row_ids:
            close = difflib.get_close_matches(row.after, row_ids, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(
                f"extra row {i} ({row.label!r}) of {spec.id} ({spec.version.value} format) "
                f"is after {row.after!r}, which is no row of the table{hint}; "
                f"expected None (first) or one of {', '.join(map(repr, row_ids))}"
            )


@attrs.frozen(kw_only=True)
class Table:
    """The values of one statistic table, in ``spec.cells`` order."""

    spec: TableSpec = attrs.field(repr=lambda s: f"<{s.id} {s.version.value}>")
    values: tuple[CellValue, ...] = attrs.field(converter=_values, validator=_validate_values)
    extra_rows: tuple[ExtraRow, ...] = attrs.field(
        default=(), converter=_extra_row_tuple, validator=_validate_extra_rows
    )

    @classmethod
    def blank(cls, spec: TableSpec, fill: CellValue = BLANK) -> Table:
        """A table of ``spec`` with every cell set to ``fill`` (blank by default)."""
        if isinstance(fill, Empty):
            return cls(spec=spec, values=(fill,) * len(spec.cells))
        # A number fills count cells as itself and money cells as that many units.
        amount = fill.amount if isinstance(fill, Money) else Decimal(fill)
        count = int(amount)
        values = tuple(Money(amount) if c.kind is CellKind.MONEY else count for c in spec.cells)
        return cls(spec=spec, values=values)

    @classmethod
    def from_mapping(cls, spec: TableSpec, cells: Mapping[str, CellValue]) -> Table:
        """A table whose cells come from ``{cell_id: value}``; cells not named are blank.

        Raises:
            KeyError: a key names no cell of ``spec``.
        """
        return cls.blank(spec).replace(cells)

    def __getitem__(self, cell_id: str) -> CellValue:
        try:
            return self.values[self.spec.index[cell_id]]
        except KeyError:
            self.spec.cell(cell_id)  # raises the descriptive KeyError
            raise

    def get(self, row_id: str, column_id: str) -> CellValue:
        """The value at ``row_id``, ``column_id``."""
        return self[f"{row_id}.{column_id}"]

    def replace(self, changes: Mapping[str, CellValue]) -> Table:
        """A copy with the cells named in ``changes`` set to the given values."""
        values = list(self.values)
        for cell_id, value in changes.items():
            values[self.spec.cell(cell_id).index] = value
        return attrs.evolve(self, values=tuple(values))

    def items(self) -> Iterator[tuple[CellSpec, CellValue]]:
        """Every cell with its value, in document order."""
        return zip(self.spec.cells, self.values, strict=True)

    def as_dict(self) -> dict[str, CellValue]:
        """``{cell_id: value}`` for every cell, in document order."""
        return {cell.id: value for cell, value in self.items()}
