"""The 信息处理费 a text states, read only from an explicit statement.

Published reports give the fee in prose ("全年收取政府信息公开信息处理费0元",
"收取信息处理费 120 元", "未收取信息处理费", "政府信息公开未发生收费情况"). A clause (the
text between commas) counts when it names the 信息处理费, or speaks of 收费/收取 in a
sentence about 政府信息公开 or 依申请公开; a law's title (《…信息处理费管理办法》) is
removed first, and a clause about a rate (标准, 每件…) states nothing. The statements of
the section must agree on one amount, in 元 (万元 multiplied out exactly). Two different
amounts, a non-zero amount with neither 元 nor 万元, or a fee clause that also names
another kind of fee (行政事业性收费, 工本费…) make the statement ambiguous: no fee is
taken, and the reason is given.

One reading for the whole package: the readers take a document's fee from it
(``readers/_fee.py``), and the checks and the writers can read the same statements in a
report's own text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

import attrs

from govinfo_report._traditional import fold
from govinfo_report.errors import AmountRangeError
from govinfo_report.model.cells import check_amount
from govinfo_report.model.report import ProcessingFee

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
# Text is folded (，→ ,) first; the comma of 1,200 does not end a clause. Any comma but one
# with a digit before it and three after: ``(?<!\d),|,(?!\d{3})``, written to start with
# the comma, so that re looks for commas at C speed (0.45 µs a sentence, from 1.6).
_CLAUSE = re.compile(r",(?:(?<!\d,)|(?!\d{3}))")
_BOOK_TITLE = re.compile(r"《[^《》]*》")
_FEE = "信息处理费"
_OGI = re.compile(r"政府信息公开|依申请公开")
_OTHER_FEE = re.compile(r"行政事业性收费|工本费|复制费|复印费|打印费|邮寄费|邮递费|检索费|其他费用")
_SIGNAL = re.compile(r"[\d零未没无]")
"""What any statement of the fee holds once folded: a digit or 零 (:data:`_AMOUNT`,
:data:`_BARE`), or the 未, 没 or 无 of every negation (:data:`_NONE`)."""
_RATE = re.compile(r"标准|每件|每页|每份|按件|按量|超出")
_RATE_OR_OTHER = re.compile(f"{_RATE.pattern}|{_OTHER_FEE.pattern}")
_NOT = r"(?:未|没有|并未|均未|从未|无)"
_NONE = re.compile(
    rf"{_NOT}(?:向[^,]{{1,12}}?)?(?:收取|收(?!到))"  # 未收取…, 未向申请人收取…
    rf"|{_NOT}(?:产生|发生)(?:任何)?(?:信息处理费|收费|费用)"  # 未发生收费情况
    r"|信息处理费\s*(?:为|:)?\s*无"
)
_NUMBER = r"(\d[\d,]*(?:\.\d+)?|零)"
_AMOUNT = re.compile(_NUMBER + r"\s*(万元|元)")
# A number after the fee with no unit: 0 is 0 in any unit, anything else is ambiguous.
_BARE = re.compile(
    r"(?:信息处理费|收费|费用)[^\d,]{0,8}?"
    r"(\d[\d,]*(?:\.\d+)?)(?![\d.,]|\s*(?:万元|元|件|个|次|项|%|年|月|日|人))"
)
# A count has at most 18 digits (int() refuses 4,300), never the tail of a longer run.
_APPLICATIONS = re.compile(
    r"(?<!\d)(\d{1,18})\s*件[^,\d]{0,8}?(?:收取|收费|缴纳)|(?:涉及|对|向)(\d{1,18})\s*件"
    r"|(?:收取|收费)[^,\d]{0,12}?申请(\d{1,18})\s*件"
)


@attrs.frozen
class FeeReading:
    """What section 六 says about the fee: a fee, or why none could be taken."""

    quote: str
    """The sentence that states it (the first, when several agree)."""
    paragraph: int
    """The index, in the paragraphs given, of the paragraph quoted."""
    fee: ProcessingFee | None = None
    problem_zh: str | None = None
    problem_en: str | None = None


@attrs.frozen
class _Statement:
    sentence: str
    paragraph: int
    amount: Decimal | None = None
    applications: int | None = None
    problem: tuple[str, str] | None = None


def _may_state(text: str) -> bool:
    """Whether ``text``, before folding, may have a clause that names the fee or a
    charge: it holds 费, 費 or 收取 (收费 holds 费; folding makes neither 费 nor 收取 out
    of other characters). Three string tests cost a third of one regular expression's
    search, and a paragraph without any is not split into sentences."""
    return "费" in text or "收取" in text or "費" in text


_ZEROS = frozenset(["0", "零"])
_ZERO = Decimal(0)


def _decimal(number: str, unit: str) -> Decimal:
    """The amount in 元, exact: 万元 multiplied out, digits as printed otherwise.

    Raises:
        AmountRangeError: more digits than an amount can have (checked before 万元 is
            multiplied out, which could not be done exactly).
    """
    if number in _ZEROS:
        return _ZERO  # 0 in either unit, the amount most reports state
    value = check_amount(Decimal(number.replace(",", "")))
    if unit != "万元":
        return value
    yuan = value * 10000
    # 0.012万元 is 120元, not 120.000元.
    return check_amount(
        yuan.quantize(Decimal(1)) if yuan == yuan.to_integral_value() else yuan.normalize()
    )


def _clauses(sentence: str, assume_ogi: bool) -> Iterable[tuple[str, str | None]]:
    """(clause, the clause after it) for the clauses of ``sentence`` that speak of the fee."""
    clauses = [c.strip() for c in _CLAUSE.split(sentence)]
    about_ogi = assume_ogi or _OGI.search(sentence) is not None
    for i, clause in enumerate(clauses):
        # A charge (收费, 收取) by two string tests: they cost less than one regex search.
        if _FEE in clause or (about_ogi and ("收费" in clause or "收取" in clause)):
            yield clause, clauses[i + 1] if i + 1 < len(clauses) else None


def _statement(sentence: str, paragraph: int, assume_ogi: bool) -> _Statement | None:
    """What one sentence states about the fee, or ``None`` if it states nothing."""
    try:
        return _stated(sentence, paragraph, assume_ogi)
    except AmountRangeError:
        return _Statement(sentence, paragraph, problem=("金额超出范围", "an amount out of range"))


def _stated(sentence: str, paragraph: int, assume_ogi: bool) -> _Statement | None:
    if not _may_state(sentence):
        # No clause can name the fee (信息处理费) or a charge (收费, 收取): nothing to
        # fold (NFKC over a long sentence costs more than the rest of the reading).
        return None
    text = fold(sentence)
    if "《" in text:
        text = _BOOK_TITLE.sub("", text)
    if _SIGNAL.search(text) is None and _OTHER_FEE.search(text) is None:
        # No digit or 零 (no amount), no 未/没有/无 (no "none charged"), no other kind of
        # fee (no ambiguity): whatever the clauses, nothing is stated ("（一）收取信息处理费情况").
        return None
    amounts: set[Decimal] = set()
    none = False
    for clause, after in _clauses(text, assume_ogi):
        if _RATE_OR_OTHER.search(clause) is not None:  # most clauses: one scan, not two
            if _RATE.search(clause):
                continue
            if _OTHER_FEE.search(clause):
                return _Statement(
                    sentence,
                    paragraph,
                    problem=("与其他收费写在一起", "stated together with another kind of fee"),
                )
        # Each regex below is tried only where a string it must hold is there: every
        # amount holds 元, every negation 未, 没 or 无 (most clauses hold one of the two).
        found = [_decimal(n, u) for n, u in _AMOUNT.findall(clause)] if "元" in clause else []
        bare = None if found else _BARE.search(clause)
        if bare is not None:
            value = check_amount(Decimal(bare.group(1).replace(",", "")))
            if value != 0:
                return _Statement(
                    sentence,
                    paragraph,
                    problem=("金额没有写明单位", "an amount with neither 元 nor 万元"),
                )
            found = [value]
        if ("未" in clause or "没" in clause or "无" in clause) and _NONE.search(clause):
            none = True
        elif not found and after is not None and _FEE not in after and not _RATE.search(after):
            found = [_decimal(n, u) for n, u in _AMOUNT.findall(after)] if "元" in after else []
        amounts.update(found)
    if none:
        amounts.add(Decimal(0))
    if not amounts:
        return None
    if len(amounts) > 1:
        return _Statement(
            sentence, paragraph, problem=("写了不同的金额", "different amounts are stated")
        )
    [amount] = amounts
    applications = None
    if amount:  # the requests charged: only where something was charged
        counts = {int(next(g for g in m.groups() if g)) for m in _APPLICATIONS.finditer(text)}
        applications = counts.pop() if len(counts) == 1 else None
    return _Statement(sentence, paragraph, amount, applications)


def read_fee(paragraphs: Iterable[str], *, assume_ogi: bool = False) -> FeeReading | None:
    """The fee that ``paragraphs`` (section 六's text) state, or ``None`` if they say nothing.

    A :class:`FeeReading` without ``fee`` carries the reason, in both languages, why the
    statement could not be read.

    Args:
        paragraphs: the texts to read.
        assume_ogi: take every sentence as one about 政府信息公开, so that a clause of
            收费 or 收取 counts without its sentence naming 政府信息公开 or 依申请公开
            ("本机关未收取任何费用"). A reader of a published document does not assume it;
            the check of section 六 against the structured fee and the writers do.
    """
    statements = [
        statement
        for index, paragraph in enumerate(paragraphs)
        if _may_state(paragraph)  # most paragraphs: one test, no sentences split
        for sentence in _SENTENCE.findall(paragraph)
        if (statement := _statement(sentence.strip(), index, assume_ogi)) is not None
    ]
    if not statements:
        return None
    for statement in statements:
        if statement.problem is not None:
            zh, en = statement.problem
            return FeeReading(statement.sentence, statement.paragraph, problem_zh=zh, problem_en=en)
    amounts = {s.amount for s in statements}
    if len(amounts) > 1:
        quote = " / ".join(dict.fromkeys(s.sentence for s in statements))
        return FeeReading(
            quote,
            statements[0].paragraph,
            problem_zh="写了不同的金额",
            problem_en="different amounts are stated",
        )
    first = statements[0]
    assert first.amount is not None
    counts = {s.applications for s in statements if s.applications is not None}
    applications = counts.pop() if len(counts) == 1 else None
    fee = ProcessingFee(amount=first.amount, applications=applications)
    return FeeReading(first.sentence, first.paragraph, fee)
