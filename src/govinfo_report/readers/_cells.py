"""Cell texts → cell values, exactly, or a reason why not.

"12", "１２", "1,234", "12件", "-8" (a signed count), "/" and "／" (not applicable), ""
(blank), "251000元", "7,730.28" (money). Anything else ("约5", "十二", "—", "0 0") is not
read: the caller keeps the cell blank and reports the text, since a dash or a word could
mean 0, "/" or "unknown" and the reader must not guess.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal

from govinfo_report.formats import CellKind
from govinfo_report.model import BLANK, NOT_APPLICABLE, CellValue, Money

_COUNT = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3}){1,5}|\d{1,18})(?:件|项|个|次|条)?$")
"""A count has at most 18 digits: a longer run is no count (and int() refuses 4,300)."""
_MONEY = re.compile(r"^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(元|万元|千元|亿元|万)?$")
_SLASHES = frozenset({"/", "\\", "／"})


@functools.lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """The cell text with width folded (NFKC) and every space removed."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(folded.split()).replace("−", "-").replace("－", "-")


@functools.lru_cache(maxsize=8192)
def parse(text: str, kind: CellKind) -> CellValue | None:
    """The value of a cell of ``kind`` printed as ``text``; ``None`` if it is not one."""
    value = clean(text)
    if not value:
        return BLANK
    if value in _SLASHES:
        return NOT_APPLICABLE
    if kind is CellKind.MONEY:
        match = _MONEY.match(value)
        if match is None:
            return None
        sign, digits, fraction, unit = match.groups()
        amount = Decimal(sign + digits.replace(",", "") + (fraction or ""))
        try:
            return Money(amount, unit or None)
        except ValueError:  # more digits than any amount has: not read, like a word
            return None
    match = _COUNT.match(value)
    if match is None:
        return None
    return int(match.group(1) + match.group(2).replace(",", ""))


def parse_any(text: str) -> CellValue | None:
    """A value of a row the format does not declare: a count if it is one, else money."""
    value = parse(text, CellKind.SIGNED_COUNT)
    if value is not None:
        return value
    return parse(text, CellKind.MONEY)


@functools.lru_cache(maxsize=8192)
def is_value(text: str) -> bool:
    """Whether ``text`` is a non-blank value (a number or "/"), as opposed to a label."""
    value = clean(text)
    if not value:
        return False
    return parse_any(value) is not None
