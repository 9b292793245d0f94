"""Cell texts read as values (readers/_cells.py): what is not a value stays unread."""

from __future__ import annotations

from decimal import Decimal

from govinfo_report.formats import CellKind
from govinfo_report.model import Money
from govinfo_report.readers._cells import parse


def test_money_with_more_digits_than_an_amount_has_is_not_a_value() -> None:
    # The model refuses such an amount; the reader leaves the cell blank with R.CELL.
    assert parse("1" * 20 + "元", CellKind.MONEY) is None


def test_money_at_the_bound_is_read() -> None:
    assert parse("999,999,999,999,999.5万元", CellKind.MONEY) == Money(
        Decimal("999999999999999.5"), "万元"
    )
