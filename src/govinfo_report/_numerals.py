"""Chinese numerals as reports write them: one reading, shared by the readers and checks.

Reports write years digit by digit (二〇二一年), months and days positionally (十二月三十一日)
and, now and then, a count in words (收到申请二百零五件). :func:`parse_numeral` reads all
three, and refuses whatever has more than one reading or is not a number, because a
reader or a rule that guesses a figure reports a wrong one. The policy:

- **Positional numerals** from 0 to 9999, in the standard form: a digit before each of
  千, 百, 十 (一千二百三十四), the places from the first one down each written, or a skipped
  run of them marked by one 零 (一千零一, 一千零一十, 二百零五), nothing after the last
  written place (一千, 一千一百). Variants accepted:
  a leading 十 for 一十 (十二; 一十二 is read too), 两 for 二 before 百 or 千 (两千, 两百零五)
  and alone (两 = 2), 〇 for 零 (一百〇五).
- **Digit strings** of exactly four digits from 〇/零 一 … 九, the first not zero: a year
  written digit by digit (二〇二一, 二零二三).
- Everything else is ``None``, in particular:
  ``一二`` (two digits without a unit: 12 digit by digit, but 一二件 means "one or two"),
  ``二百五`` and ``一千五`` (colloquially 250 and 1500, but a reader of 二百五 cannot tell it
  from 二百零五), ``一千五十`` (a skipped place without its 零), ``一百十`` (a tens digit
  left out after a larger place), ``零十``, ``十十``, ``两十``, ``廿``, numbers with 万.

Arabic digits are not this module's business; full-width digits are folded to ASCII by
the readers before anything else.
"""

from __future__ import annotations

from typing import Final

_ZEROS: Final = frozenset("〇零")
_DIGITS: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS: Final = {"千": 1000, "百": 100, "十": 10}
_TWO: Final = "两"

NUMERAL_CHARS: Final = "〇零一二两三四五六七八九十百千"
"""Every character a Chinese numeral may contain, for a regular expression's class."""


def parse_numeral(text: str) -> int | None:
    """The value of the Chinese numeral ``text``, or ``None`` if it is not one.

    ``"十二"`` → 12, ``"二百零五"`` → 205, ``"两千"`` → 2000, ``"二〇二一"`` → 2021;
    ``"一二"``, ``"二百五"`` and ``"十十"`` → ``None``. The module docstring states the
    whole policy.
    """
    if len(text) == 1:
        if text in _ZEROS:
            return 0
        if text == _TWO:
            return 2
        if text == "十":
            return 10
        return _DIGITS.get(text)
    if all(ch in _DIGITS or ch in _ZEROS for ch in text):
        return _digit_string(text)
    return _positional(text)


def _digit_string(text: str) -> int | None:
    """A year written digit by digit; any other length is ambiguous (一二)."""
    if len(text) != 4 or text[0] in _ZEROS:
        return None
    value = 0
    for ch in text:
        value = value * 10 + _DIGITS.get(ch, 0)
    return value


def _positional(text: str) -> int | None:
    total = 0
    place = 10_000  # the unit of the last term read; the first may be any lower one
    gap = False  # a 零 was read since the last term
    i, end = 0, len(text)
    while i < end:
        ch = text[i]
        if ch in _ZEROS:
            # A 零 marks a skipped run of places: never first, doubled or last.
            if i == 0 or gap or i == end - 1:
                return None
            gap = True
            i += 1
            continue
        if ch == "十" and i == 0:
            digit, unit = 1, 10  # 十二: the leading 一 is not written
            i += 1
        elif ch in _DIGITS or ch == _TWO:
            digit = 2 if ch == _TWO else _DIGITS[ch]
            if i + 1 == end:
                # The ones: right after 十, or after a 零 that stands for skipped places.
                if ch == _TWO or not (place >= 100 if gap else place == 10):
                    return None
                return total + digit
            unit_char = text[i + 1]
            if unit_char not in _UNITS:
                return None  # two digits in a row
            unit = _UNITS[unit_char]
            if ch == _TWO and unit == 10:
                return None  # 两十 is not written
            i += 2
        else:
            return None  # a unit without its digit (一百十), or not a numeral at all
        # Places go down; one lower each time, unless a 零 marked those skipped.
        if place != 10_000 and not (unit < place // 10 if gap else unit == place // 10):
            return None
        total += digit * unit
        place, gap = unit, False
    return total
