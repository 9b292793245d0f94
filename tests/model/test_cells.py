"""Cell values: counts, money as stated, blank and "/" kept apart."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govinfo_report import BLANK, NOT_APPLICABLE, Money
from govinfo_report.model import format_value, is_number, numeric


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
