"""Chinese numerals: one policy, checked against an independent spelling of 0..9999.

``spellings(n)`` below writes a number the way the policy in ``govinfo_report._numerals``
says it may be written; the tests check that every spelling reads back as its number and
that nothing else reads at all (every string up to four characters, and random longer
ones), so the accepted set is exactly the documented one.
"""

from __future__ import annotations

import itertools
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report._numerals import NUMERAL_CHARS, parse_numeral

DIGITS = "零一二三四五六七八九"
YEAR_DIGITS = {"〇": 0, "零": 0, **{d: i for i, d in enumerate(DIGITS) if i}}


def standard(n: int) -> str:
    """The standard positional spelling of ``n`` (0 <= n <= 9999)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    out: list[str] = []
    started = pending_zero = False
    for digit, unit in zip(f"{n:04d}", ("千", "百", "十", ""), strict=True):
        if digit == "0":
            pending_zero = pending_zero or started
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[int(digit)] + unit)
        started = True
    return "".join(out)


@cache
def spellings(n: int) -> frozenset[str]:
    """Every accepted positional spelling of ``n``: the standard one and its variants."""
    base = standard(n)
    forms = {base}
    if 10 <= n < 20:
        forms.add("一" + base)  # 一十二 for 十二
    if n == 2:
        forms.add("两")
    if n == 0:
        forms.add("〇")
    # 两 for 二 before 百 or 千, and 〇 for 零, each occurrence on its own.
    options = []
    for i, ch in enumerate(base):
        if ch == "二" and base[i + 1 : i + 2] in ("百", "千"):
            options.append(("二", "两"))
        elif ch == "零" and n:
            options.append(("零", "〇"))
        else:
            options.append((ch,))
    forms.update("".join(p) for p in itertools.product(*options))
    return frozenset(forms)


def year_value(text: str) -> int | None:
    """Four digits, the first not zero, read one by one; else None."""
    if len(text) != 4 or not all(ch in YEAR_DIGITS for ch in text) or text[0] in "〇零":
        return None
    return int("".join(str(YEAR_DIGITS[ch]) for ch in text))


VALUE_OF = {form: n for n in range(10_000) for form in spellings(n)}


def expected(text: str) -> int | None:
    """What the policy says ``text`` reads as."""
    year = year_value(text)
    return year if year is not None else VALUE_OF.get(text)


def test_every_number_to_9999_reads_from_its_standard_spelling() -> None:
    wrong = [n for n in range(10_000) if parse_numeral(standard(n)) != n]
    assert wrong == []


def test_every_variant_spelling_reads_as_its_number() -> None:
    wrong = [(form, n) for form, n in VALUE_OF.items() if parse_numeral(form) != n]
    assert wrong == []


def test_every_string_up_to_four_characters_reads_exactly_as_the_policy_says() -> None:
    wrong = [
        text
        for length in range(1, 5)
        for text in map("".join, itertools.product(NUMERAL_CHARS, repeat=length))
        if parse_numeral(text) != expected(text)
    ]
    assert wrong == []


@given(st.text(alphabet=NUMERAL_CHARS, min_size=5, max_size=12))
def test_longer_strings_read_only_as_spellings_of_their_number(text: str) -> None:
    assert parse_numeral(text) == expected(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十", 10),
        ("十二", 12),
        ("一十二", 12),
        ("二十二", 22),
        ("二百零五", 205),
        ("一百〇五", 105),
        ("一百一十", 110),
        ("一千零一", 1001),
        ("一千零一十", 1010),
        ("两千", 2000),
        ("两百零五", 205),
        ("两", 2),
        ("零", 0),
        ("九千九百九十九", 9999),
        ("二〇二一", 2021),
        ("二零二三", 2023),
        ("二〇一九", 2019),
    ],
)
def test_numerals_reports_write_are_read(text: str, value: int) -> None:
    assert parse_numeral(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "一二",  # 12 digit by digit, or "one or two" (一二件)
        "三四",
        "一二三",  # digit strings other than a year's four digits
        "〇二二一",
        "二百五",  # colloquially 250; its place cannot be told from 二百零五
        "一千五",
        "一千五十",  # a skipped place without its 零
        "一百十",  # the tens digit left out after 百
        "二十零五",  # a 零 that skips no place
        "一千零零五",
        "一千零",
        "零十",
        "十十",
        "十百",
        "两十",
        "十两",
        "廿",
        "一万",
        "12",
    ],
)
def test_text_with_no_single_reading_is_not_a_numeral(text: str) -> None:
    assert parse_numeral(text) is None


def test_chinese_numbers() -> None:
    # Moved from tests/readers/test_labels.py with readers._labels.chinese_number.
    assert [parse_numeral(t) for t in ("十", "十二", "二十二", "二〇二一", "廿")] == [
        10,
        12,
        22,
        2021,
        None,
    ]
