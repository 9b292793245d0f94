"""What TX.1 compares the text with: the figures of the tables a sentence can state
(:class:`Quantity`, the sum of whole rows), and the shape of a statement of one
(:class:`Statement`). The statements themselves are data, in
:mod:`~govinfo_report.checks.text_statements`; the rule, in
:mod:`~govinfo_report.checks.text_rules`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from govinfo_report.checks.rules import Text
from govinfo_report.formats import TABLE_IDS, TableSpec
from govinfo_report.model.cells import CellValue
from govinfo_report.model.report import Report


@attrs.frozen(kw_only=True)
class RowSum:
    """One table row as a quantity: its 总计 cell, or its parts when that is empty."""

    table: str
    row: str
    total: tuple[str, int]
    """The row's total cell: (column id, index in ``table.values``)."""
    parts: tuple[tuple[str, int], ...]
    """The cells that add up to the total: (column id, index), in column order."""


def row_sum(table: TableSpec, row_id: str, total: str, parts: Sequence[str]) -> RowSum:
    """The :class:`RowSum` of row ``row_id`` of ``table``, total column ``total``."""
    return RowSum(
        table=table.id,
        row=row_id,
        total=(total, table.cell(f"{row_id}.{total}").index),
        parts=tuple((p, table.cell(f"{row_id}.{p}").index) for p in parts),
    )


@attrs.frozen(kw_only=True)
class Quantity:
    """A figure of the tables a sentence can state: the sum of whole rows."""

    name: Text
    """How a message names it: "表三予以公开与部分公开合计"."""
    rows: tuple[RowSum, ...]
    totals: tuple[tuple[int, int], ...] = attrs.field(init=False, eq=False, repr=False)
    """Each row's total cell as (table number in ``report.tables``, index in its values)."""

    def __attrs_post_init__(self) -> None:
        cells = tuple((TABLE_IDS.index(row.table), row.total[1]) for row in self.rows)
        object.__setattr__(self, "totals", cells)

    def total_of(self, tables: tuple[tuple[CellValue, ...], ...]) -> int | None:
        """The sum when every row's total cell is a number (no paths built), else None,
        from the values of the report's three tables (``report.tables`` order)."""
        value = 0
        for table, index in self.totals:
            total = tables[table][index]
            if type(total) is not int:
                return None
            value += total
        return value

    def evaluate(self, report: Report) -> tuple[int, list[str], int]:
        """(sum of the numbers found, paths of the cells used, how many are blank or "/").

        A row counts by its total cell; a row whose total is empty counts by its parts,
        and an empty part is not added (never read as 0) but counted as missing.
        """
        value, paths, missing = 0, [], 0
        for row in self.rows:
            values = getattr(report, row.table).values
            column, index = row.total
            total = values[index]
            if type(total) is int:
                value += total
                paths.append(f"{row.table}.{row.row}.{column}")
                continue
            for column, index in row.parts:
                part = values[index]
                paths.append(f"{row.table}.{row.row}.{column}")
                if type(part) is int:
                    value += part
                else:
                    missing += 1
        return value, paths, missing


@attrs.frozen(kw_only=True)
class Statement:
    """A way the text states a table figure.

    ``pattern`` is a regular expression in which ``{n}`` stands for the number
    (:data:`NUMBER`), e.g. ``"不予公开{n}件"``. ``including_carried_over`` is the
    quantity to compare with instead when the statement goes on to say that its
    number includes last year's carried-over requests (``（含上年结转3件）``); without
    it such a statement is skipped, as is any other statement whose sentence talks
    of 结转 in a way this rule does not read.
    """

    pattern: str
    quantity: Quantity
    including_carried_over: Quantity | None = None
    value: int | None = None
    """The number a statement states in words (未收到政府信息公开申请: 0); its pattern then
    has no ``{n}``."""
    marks: tuple[str, ...] = ()
    """For a statement in words: strings one of which its every match holds (a statement
    of a number holds 件, which the rule looks for first)."""


__all__ = ["Quantity", "RowSum", "Statement", "row_sum"]
