"""The 信息处理费 read from section 六's text (readers/_fee.py): explicit statements only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report._fee_text import read_fee
from govinfo_report.model import ProcessingFee


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("全年收取政府信息公开信息处理费0元。", "0"),
        ("收取信息处理费 120 元。", "120"),
        ("本年度收取信息处理费１２０.５０元。", "120.50"),
        ("本年度收取信息处理费1,200元。", "1200"),
        ("本年度未收取信息处理费。", "0"),
        ("本机关未向申请人收取信息处理费。", "0"),
        ("本年度没有产生信息处理费。", "0"),
        ("2023年度，县发展和改革局政府信息公开未发生收费情况。", "0"),
        ("政府信息公开未发生收费情况", "0"),
        ("信息处理费为0。", "0"),
        ("信息处理费：无", "0"),
        ("本年度收取信息处理费零元。", "0"),
        ("本年度收取信息处理费0.012万元。", "120"),
        ("本年度行政事业性收费0万元，信息处理费0元。", "0"),
        ("根据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。", "0"),
    ],
)
def test_an_explicit_statement_gives_the_amount_in_yuan(text: str, amount: str) -> None:
    reading = read_fee([text])
    assert reading is not None
    assert reading.fee == ProcessingFee(amount=Decimal(amount))
    assert str(reading.fee.amount) == amount  # digits as printed; 万元 multiplied out exactly


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("本年度收取信息处理费120元，另收取信息处理费80元。", "different amounts are stated"),
        ("收取信息处理费120。", "an amount with neither 元 nor 万元"),
        ("行政事业性收费和信息处理费共计100元。", "stated together with another kind of fee"),
        # 万元 multiplied out could not even be done exactly (decimal.InvalidOperation).
        ("收取信息处理费12345678901234567890123456789万元。", "an amount out of range"),
        ("收取信息处理费1234567890123456789元。", "an amount out of range"),
    ],
)
def test_an_ambiguous_statement_gives_no_fee_and_says_why(text: str, problem: str) -> None:
    reading = read_fee([text])
    assert reading is not None
    assert (reading.fee, reading.problem_en) == (None, problem)
    assert reading.quote == text.rstrip("。")


def test_two_paragraphs_with_different_amounts_are_ambiguous() -> None:
    reading = read_fee(["本年度未收取信息处理费。", "全年收取信息处理费50元。"])
    assert reading is not None
    assert reading.fee is None
    assert reading.quote == "本年度未收取信息处理费 / 全年收取信息处理费50元"


def test_the_same_amount_stated_twice_is_read_and_the_first_statement_quoted() -> None:
    reading = read_fee(
        ["（一）信息处理费收取情况。", "本年度未收取信息处理费。", "信息处理费0元。"]
    )
    assert reading is not None
    assert reading.fee == ProcessingFee(amount=Decimal(0))
    assert (reading.quote, reading.paragraph) == ("本年度未收取信息处理费", 1)


@pytest.mark.parametrize(
    "text",
    [
        "无。",
        "行政事业性收费0万元。",
        "严格执行《政府信息公开信息处理费管理办法》，规范收费行为。",
        "信息处理费收费标准为每件10元。",
        "政府信息公开平台建设费用20万元。",
        "因申请人逾期未按收费通知要求缴纳费用而不再处理的政府信息公开申请0件。",
        "未发生因收取信息处理费引发的投诉。",
        "本年度未收到政府信息公开申请。",
    ],
)
def test_text_that_states_no_processing_fee_gives_nothing(text: str) -> None:
    assert read_fee([text]) is None


def test_the_number_of_requests_charged_when_stated_with_the_amount() -> None:
    reading = read_fee(["本年度共对3件申请收取信息处理费，共计150元。"])
    assert reading is not None
    assert reading.fee == ProcessingFee(amount=Decimal(150), applications=3)


def test_an_amount_in_the_clause_after_the_fee_is_read() -> None:
    reading = read_fee(["收取信息处理费的申请3件，共计120元。"])
    assert reading is not None
    assert reading.fee == ProcessingFee(amount=Decimal(120), applications=3)


def test_a_count_of_requests_beside_a_zero_fee_is_not_taken_for_the_requests_charged() -> None:
    reading = read_fee(["本年度收到申请12件，收取信息处理费0元。"])
    assert reading is not None
    assert reading.fee == ProcessingFee(amount=Decimal(0))


_FRAGMENTS = [
    "信息处理费", "政府信息公开", "收取", "收费", "未", "没有", "无", "並未", "無", "沒有",
    "0", "１２", "零", "3", "件", "元", "万元", "工本费", "标准", "每件", "，", ",", "。",
    "《信息处理费管理办法》", "本年度", "向申请人", "为", "：", "情况", "（一）", "①",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join), st.booleans())
def test_the_quick_test_of_a_sentence_changes_no_reading(sentence: str, ogi: bool) -> None:
    """A sentence with no digit, 零, 未, 没 or 无 and no other kind of fee (once folded)
    is taken to state nothing without reading its clauses: the same as reading them."""
    import re

    from govinfo_report import _fee_text

    quick = _fee_text._statement(sentence, 0, ogi)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_fee_text, "_SIGNAL", re.compile(""))  # matches: clauses always read
        assert _fee_text._statement(sentence, 0, ogi) == quick


def test_the_clause_split_is_the_lookbehind_one_exhaustively() -> None:
    """The split starts with the comma (fast); it is the plain expression's split on
    every string of commas, digits and letters up to eight long."""
    import itertools
    import re

    from govinfo_report._fee_text import _CLAUSE

    plain = re.compile(r"(?<!\d),|,(?!\d{3})")
    for length in range(1, 9):
        for chars in itertools.product(",1a", repeat=length):
            text = "".join(chars)
            assert _CLAUSE.split(text) == plain.split(text), text
