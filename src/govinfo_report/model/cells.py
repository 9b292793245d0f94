"""Cell values: a count, an amount of money, blank, or not applicable.

A published table cell holds a number, nothing at all (the office did not fill it), or
"/" (the office marked it not applicable). The three are kept apart: a blank is never
read as 0, so a check can say "uncertain" instead of guessing.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal, InvalidOperation
from typing import Final, TypeAlias

import attrs

from govinfo_report.errors import AmountRangeError as AmountRangeError  # re-export: documented here


class Empty(enum.Enum):
    """A cell without a number."""

    BLANK = ""
    """Not filled in."""
    NOT_APPLICABLE = "/"
    """Marked "/" (not applicable)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


BLANK = Empty.BLANK
NOT_APPLICABLE = Empty.NOT_APPLICABLE

_MONEY_RE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*([^\d\s.\-][^\d]*)?\s*$")


MAX_INTEGER_DIGITS: Final = 15
"""Digits an amount may have before the decimal point: amounts are below 10^15.

Reports state money in 万元 or 元, and no real amount reaches 10^12. The bound keeps
printing an amount cheap (``f"{Decimal('1e999999999'):f}"`` is a billion digits) and
sums exact within the default 28-digit decimal context."""
MAX_DECIMAL_PLACES: Final = 6
"""Digits an amount may have after the decimal point: 0.000001万元 is one 分."""


def check_amount(value: Decimal) -> Decimal:
    """``value`` if it can be an amount of money: finite, and within the digit bounds.

    Raises:
        TypeError: ``value`` is not a Decimal.
        ValueError: ``value`` is NaN or infinite.
        AmountRangeError: more than :data:`MAX_INTEGER_DIGITS` digits before the point
            or :data:`MAX_DECIMAL_PLACES` after it.
    """
    if not isinstance(value, Decimal):
        raise TypeError(f"money amount must be a Decimal, got {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"money amount must be finite, got {value}")
    # Both from the exponent, never from the digits written out (which is the danger).
    integer_digits = value.adjusted() + 1
    places = -int(value.as_tuple().exponent)
    if integer_digits > MAX_INTEGER_DIGITS:
        raise AmountRangeError(
            f"amount out of range: {integer_digits} digits before the decimal point "
            f"(at most {MAX_INTEGER_DIGITS})",
            zh=f"金额超出范围：小数点前 {integer_digits} 位（最多 {MAX_INTEGER_DIGITS} 位）",
        )
    if places > MAX_DECIMAL_PLACES:
        raise AmountRangeError(
            f"amount out of range: {places} decimal places (at most {MAX_DECIMAL_PLACES})",
            zh=f"金额超出范围：小数 {places} 位（最多 {MAX_DECIMAL_PLACES} 位）",
        )
    return value


@attrs.frozen(kw_only=False)
class Money:
    """An amount as a report states it: exact decimal digits and, if the cell wrote one,
    the unit written in the cell ("251000元"). ``unit=None`` means the column's unit.
    """

    amount: Decimal = attrs.field(validator=lambda _i, _a, v: check_amount(v))
    unit: str | None = None

    @classmethod
    def parse(cls, text: str) -> Money:
        """Read "7730.28", "251000元" or "12 万元" exactly.

        Raises:
            AmountRangeError: a number with too many digits (a ``ValueError``).
            ValueError: the text is not a number with an optional unit.
        """
        match = _MONEY_RE.match(text.replace(",", "").replace("，", ""))
        if match is None:
            raise ValueError(f"not an amount of money: {text!r}")
        try:
            amount = Decimal(match.group(1))
        except InvalidOperation:  # pragma: no cover - the regex admits only digits
            raise ValueError(f"not an amount of money: {text!r}") from None
        return cls(amount, match.group(2) or None)

    def __str__(self) -> str:
        return f"{self.amount}{self.unit or ''}"


CellValue: TypeAlias = int | Money | Empty
"""What one statistic cell holds."""


def is_number(value: CellValue) -> bool:
    """Whether ``value`` is a number (a count or an amount), not blank or "/"."""
    return not isinstance(value, Empty)


def numeric(value: CellValue) -> int | Decimal | None:
    """The number in ``value`` (``Money`` → its amount), or ``None`` for blank and "/"."""
    if isinstance(value, Empty):
        return None
    if isinstance(value, Money):
        return value.amount
    return value


def format_value(value: CellValue) -> str:
    """The cell as a report prints it: digits, "251000元", "" for blank, "/"."""
    if isinstance(value, Empty):
        return value.value
    return str(value)
