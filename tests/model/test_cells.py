"""Cell values: counts, money as stated, blank and "/" kept apart."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from govinfo_report import BLANK, NOT_APPLICABLE, Money
from govinfo_report.model import format_value, is_number, numeric
from govinfo_report.model.cells import AmountRangeError


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("7730.28", Decimal("7730.28"), None),
        ("251000元", Decimal("251000"), "元"),
        ("12 万元", Decimal("12"), "万元"),
        ("4068.200", Decimal("4068.200"), None),
        ("1,234.5", Decimal("1234.5"), None),
    ],
)
def test_money_parse_keeps_exact_digits_and_unit(text, amount, unit):
    money = Money.parse(text)
    assert (money.amount, money.unit) == (amount, unit)
    assert str(money.amount) == str(amount)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "元", "--1"])
def test_money_parse_rejects_non_amounts(text):
    with pytest.raises(ValueError, match="not an amount"):
        Money.parse(text)


def test_money_refuses_float_and_nan():
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="finite"):
        Money(Decimal("NaN"))


@pytest.mark.parametrize(
    ("amount", "reason"),
    [
        ("1E+15", "16 digits before the decimal point (at most 15)"),
        ("1e999999999", "1000000000 digits before the decimal point (at most 15)"),
        ("0E+20", "21 digits before the decimal point (at most 15)"),
        ("0.0000001", "7 decimal places (at most 6)"),
        ("1E-999999999", "999999999 decimal places (at most 6)"),
    ],
)
def test_money_refuses_an_amount_with_more_digits_than_any_report_states(amount, reason):
    # Printing Decimal("1e999999999") in full takes a billion digits (3 GB).
    with pytest.raises(AmountRangeError, match=rf"^amount out of range: {re.escape(reason)}$"):
        Money(Decimal(amount))


@pytest.mark.parametrize("amount", ["999999999999999.999999", "-999999999999999", "0.000001"])
def test_money_at_the_bounds_is_held(amount):
    assert Money(Decimal(amount)).amount == Decimal(amount)


def test_money_parse_says_an_amount_is_out_of_range():
    with pytest.raises(AmountRangeError, match="40 digits before the decimal point"):
        Money.parse("1" * 40 + "元")


def test_money_prints_as_stated():
    assert str(Money(Decimal("251000"), "元")) == "251000元"
    assert format_value(Money(Decimal("0.50"))) == "0.50"


def test_blank_and_not_applicable_are_not_numbers():
    assert numeric(BLANK) is None
    assert numeric(NOT_APPLICABLE) is None
    assert not is_number(BLANK)
    assert format_value(BLANK) == ""
    assert format_value(NOT_APPLICABLE) == "/"
    assert numeric(0) == 0
    assert is_number(0)
