"""The arithmetic rules, all one shape: :class:`Linear`, a signed sum compared with another.

Built by :func:`sum_equals`, :func:`sums_equal`, :func:`at_least` and :func:`at_most`
(and :func:`compare` underneath). Arithmetic is exact (int / Decimal) with an explicit
tolerance, 0 unless a rule says otherwise; a blank or "/" operand makes the rule
*uncertain*, never a guessed pass or fail. Long for one concept: :class:`Linear` is the
whole engine of the 勾稽关系, its messages in two languages included.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from govinfo_report.checks._rule_core import (
    Context,
    Operand,
    Text,
    empty_text,
    lower,
    number_of,
    severity_of,
)
from govinfo_report.findings import Finding, Number, Severity, Status
from govinfo_report.formats import CellKind
from govinfo_report.model.cells import CellValue, Empty

# --- Linear rules ---------------------------------------------------------------------


class Relation(enum.Enum):
    """How the two sides of a linear rule compare."""

    EQ = "="
    GE = "≥"
    LE = "≤"


Term = tuple[int, Operand]
"""A signed operand: ``(+1, op)`` or ``(-1, op)``."""

_BROKEN = {
    Relation.EQ: ("，差 {d}", ", difference {d}"),
    Relation.GE: ("，应不小于 {r}（差 {d}）", ", should be at least {r} (difference {d})"),
    Relation.LE: ("，应不大于 {r}（差 {d}）", ", should be at most {r} (difference {d})"),
}


def _side_name(terms: Sequence[Term], lang: str) -> str:
    if not terms:
        return "0"
    plus, minus = ("+", "−") if lang == "zh" else (" + ", " − ")
    text = ""
    for i, (sign, op) in enumerate(terms):
        name = op.name.zh if lang == "zh" else op.name.en
        text += (minus if sign < 0 else (plus if i else "")) + name
    return text


@attrs.frozen(kw_only=True)
class Linear:
    """``Σ left  (= | ≥ | ≤)  Σ right``, each side a signed sum of cells.

    ``reported`` is the left side, ``computed`` the right side, ``difference`` left −
    right; the rule holds when the difference is within ``tolerance`` (in the
    direction of the relation).
    """

    code: str
    severity: Severity
    where: Text
    """The context a message starts with: table and column or row."""
    left: tuple[Term, ...]
    relation: Relation
    right: tuple[Term, ...]
    left_name: Text
    right_name: Text
    tolerance: Number = 0
    # Built once from the above (a published report has forty findings of its sums):
    operands: tuple[Operand, ...] = attrs.field(init=False, eq=False, repr=False)
    """Every cell read, left side first."""
    paths: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    """Paths of every operand, the checked cell first."""
    table: str | None = attrs.field(init=False, eq=False, repr=False)
    """The table of every operand, this year's (None: several, or last year's too): its
    values are then read without a call per cell."""
    unsure: tuple[str, str] = attrs.field(init=False, eq=False, repr=False)
    """How an uncertain finding's message starts, in Chinese and English."""

    def __attrs_post_init__(self) -> None:
        cells = tuple(op for _, op in self.left + self.right)
        object.__setattr__(self, "operands", cells)
        object.__setattr__(self, "paths", tuple(op.path for op in cells))
        tables = {op.table for op in cells}
        one = len(tables) == 1 and not any(op.previous for op in cells)
        object.__setattr__(self, "table", tables.pop() if one else None)
        rel, left, right = self.relation.value, self.left_name, self.right_name
        unsure = (
            f"{self.where.zh}：无法核对 {left.zh} {rel} {right.zh}，因为",
            f"{self.where.en}: cannot check {left.en} {rel} {right.en} because ",
        )
        object.__setattr__(self, "unsure", unsure)

    def holds(self, left: Number, right: Number) -> bool:
        """Whether the relation holds between the two sums, within the tolerance."""
        difference: Number = left - right
        tolerance: Number = self.tolerance
        if self.relation is Relation.EQ:
            return bool(difference <= tolerance and difference + tolerance >= 0)
        if self.relation is Relation.GE:
            return bool(difference + tolerance >= 0)
        return bool(difference <= tolerance)

    def findings(self, ctx: Context) -> Iterator[Finding]:
        """A failure, an uncertain finding (a blank or "/" operand), or nothing."""
        if self.table is not None:
            values = getattr(ctx.report, self.table).values
            left = [(sign, op, values[op.index]) for sign, op in self.left]
            right = [(sign, op, values[op.index]) for sign, op in self.right]
        else:
            value = ctx.value
            left = [(sign, op, value(op)) for sign, op in self.left]
            right = [(sign, op, value(op)) for sign, op in self.right]
        empties = [(op, v) for _, op, v in left + right if isinstance(v, Empty)]
        if empties:
            sums = _filled_sum(left), _filled_sum(right)
            certain = self._failure_despite_blanks(left, right, empties, sums)
            yield certain if certain is not None else self._uncertain(left, right, empties, sums)
            return
        lsum = sum((sign * number_of(v) for sign, _, v in left), start=0)
        rsum = sum((sign * number_of(v) for sign, _, v in right), start=0)
        if not self.holds(lsum, rsum):
            yield self.failure(lsum, rsum)

    def failure(self, left: Number, right: Number) -> Finding:
        """The finding for sums ``left`` and ``right`` that break the rule."""
        d = left - right
        tail_zh, tail_en = _BROKEN[self.relation]
        if self.relation is Relation.EQ:
            formula_zh = f"{self.left_name.zh} = {left}，{self.right_name.zh} = {right}"
            formula_en = f"{self.left_name.en} = {left}, {self.right_name.en} = {right}"
            tail = (tail_zh.format(d=d), tail_en.format(d=d))
        else:
            formula_zh = f"{self.left_name.zh} = {left}"
            formula_en = f"{self.left_name.en} = {left}"
            r_zh = f"{self.right_name.zh} = {right}"
            r_en = f"{self.right_name.en} = {right}"
            tail = (tail_zh.format(r=r_zh, d=d), tail_en.format(r=r_en, d=d))
        return Finding(
            code=self.code,
            severity=self.severity,
            status=Status.FAIL,
            message_zh=f"{self.where.zh}：{formula_zh}{tail[0]}",
            message_en=f"{self.where.en}: {formula_en}{tail[1]}",
            paths=self.paths,
            reported=left,
            computed=right,
            difference=d,
        )

    def _failure_despite_blanks(
        self,
        left: list[tuple[int, Operand, CellValue]],
        right: list[tuple[int, Operand, CellValue]],
        empties: list[tuple[Operand, Empty]],
        sums: tuple[Number, Number],
    ) -> Finding | None:
        """The failure when the filled cells already break the rule whatever the blanks hold.

        A blank or "/" cell is a count or an amount that was not written down: never
        negative. When every such cell can only move left − right the same way, and the
        filled cells already break the rule in that direction (e.g. a filled 总计 below
        the filled parts alone), no value of the blanks can mend it: the rule fails for
        sure. Signed counts (2019 本年增/减) can be negative, so they keep it uncertain.
        ``sums`` are the filled cells' sums of the two sides.
        """
        directions = set()
        for side_sign, side in ((1, left), (-1, right)):
            for sign, op, value in side:
                if isinstance(value, Empty):
                    if op.kind is CellKind.SIGNED_COUNT:
                        return None
                    directions.add(side_sign * sign > 0)
        lsum, rsum = sums
        d = lsum - rsum
        tolerance = self.tolerance
        raises, lowers = directions == {True}, directions == {False}
        if self.relation is Relation.EQ:
            fails = (raises and d > tolerance) or (lowers and d + tolerance < 0)
        elif self.relation is Relation.GE:
            fails = lowers and d + tolerance < 0
        else:
            fails = raises and d > tolerance
        if not fails:
            return None
        rel = self.relation.value
        why_zh, why_en = _empties_said(empties)
        return Finding(
            code=self.code,
            severity=self.severity,
            status=Status.FAIL,
            message_zh=(
                f"{self.where.zh}：{self.left_name.zh} {rel} {self.right_name.zh} 不成立："
                f"只计已填数字已是 {lsum} 对 {rsum}，差 {d}；{why_zh}，"
                "空缺的数字不会是负数，只会使差额更大"
            ),
            message_en=(
                f"{self.where.en}: {self.left_name.en} {rel} {self.right_name.en} does not "
                f"hold: the filled cells alone give {lsum} vs {rsum}, difference {d}; "
                f"{why_en}, and no count they could hold closes the gap"
            ),
            paths=self.paths,
            reported=lsum,
            computed=rsum,
            difference=d,
        )

    def _uncertain(
        self,
        left: list[tuple[int, Operand, CellValue]],
        right: list[tuple[int, Operand, CellValue]],
        empties: list[tuple[Operand, Empty]],
        sums: tuple[Number, Number],
    ) -> Finding:
        why_zh, why_en = _empties_said(empties)
        hint_zh = hint_en = ""
        if len(empties) < len(left) + len(right):
            # What the filled cells say, for a reader deciding whether the blanks are 0s.
            lsum, rsum = sums
            hint_zh = f"（只计已填数字：{lsum} 对 {rsum}）"
            hint_en = f" (filled cells only: {lsum} vs {rsum})"
        return Finding(
            code=self.code,
            severity=lower(self.severity),
            status=Status.UNCERTAIN,
            message_zh=f"{self.unsure[0]}{why_zh}{hint_zh}",
            message_en=f"{self.unsure[1]}{why_en}{hint_en}",
            paths=self.paths,
            reported=_side_value(left),
            computed=_side_number(right),
        )


def _empties_said(empties: Sequence[tuple[Operand, Empty]]) -> tuple[str, str]:
    """ "四为空，五为“/”" / "4 is blank; 5 is marked "/"": which operands are empty, and how."""
    why_zh, why_en = [], []
    for kind, zh, en in _EMPTIES_SAID:
        names = [op.name for op, v in empties if v is kind]
        if names:
            why_zh.append("、".join([n.zh for n in names]) + zh)
            verb = " is " if len(names) == 1 else " are "
            why_en.append(", ".join([n.en for n in names]) + verb + en)
    if len(why_zh) == 1:  # the common case: all blank, or all "/"
        return why_zh[0], why_en[0]
    return "，".join(why_zh), "; ".join(why_en)


_EMPTIES_SAID = tuple((kind, empty_text(kind).zh, empty_text(kind).en) for kind in Empty)
"""Each kind of empty cell and how a message says it, in both languages: made once, not
per finding (a published report has forty sums that cannot be checked)."""


def _filled_sum(side: list[tuple[int, Operand, CellValue]]) -> Number:
    return sum((sign * number_of(v) for sign, _, v in side if not isinstance(v, Empty)), start=0)


def _side_number(side: list[tuple[int, Operand, CellValue]]) -> Number | None:
    if any(isinstance(v, Empty) for _, _, v in side):
        return None
    return sum((sign * number_of(v) for sign, _, v in side), start=0)


def _side_value(side: list[tuple[int, Operand, CellValue]]) -> Number | str | None:
    if len(side) == 1 and isinstance(side[0][2], Empty):
        return side[0][2].value  # "" or "/": what the report prints
    return _side_number(side)


def _terms(items: Sequence[Operand | Term]) -> tuple[Term, ...]:
    return tuple(item if isinstance(item, tuple) else (1, item) for item in items)


def compare(
    code: str,
    *,
    left: Sequence[Operand | Term],
    relation: Relation,
    right: Sequence[Operand | Term],
    where: Text,
    left_name: Text | None = None,
    right_name: Text | None = None,
    severity: Severity | None = None,
    tolerance: Number = 0,
) -> Linear:
    """The general linear rule ``Σ left  relation  Σ right``.

    Args:
        code: the finding code (its catalog entry gives the default severity).
        left: operands (or ``(sign, operand)`` terms) of the left side, checked cell first.
        relation: equal, at least, or at most.
        right: the right side; empty means 0.
        where: the context a message starts with (table and column or row).
        left_name: how messages name the left side; by default its operands' names.
        right_name: likewise for the right side.
        severity: overrides the catalog's severity.
        tolerance: the largest difference that still counts as holding (exact: 0).
    """
    lterms, rterms = _terms(left), _terms(right)
    return Linear(
        code=code,
        severity=severity_of(code, severity),
        where=where,
        left=lterms,
        relation=relation,
        right=rterms,
        left_name=left_name or Text(_side_name(lterms, "zh"), _side_name(lterms, "en")),
        right_name=right_name or Text(_side_name(rterms, "zh"), _side_name(rterms, "en")),
        tolerance=Decimal(tolerance) if isinstance(tolerance, Decimal) else tolerance,
    )


def sum_equals(
    code: str,
    *,
    total: Operand,
    parts: Sequence[Operand | Term],
    where: Text,
    parts_name: Text | None = None,
    severity: Severity | None = None,
    tolerance: Number = 0,
) -> Linear:
    """``total == Σ parts``: the cell ``total`` is checked against the sum of ``parts``."""
    return compare(
        code,
        left=(total,),
        relation=Relation.EQ,
        right=parts,
        where=where,
        right_name=parts_name,
        severity=severity,
        tolerance=tolerance,
    )


def sums_equal(
    code: str,
    *,
    left: Sequence[Operand | Term],
    right: Sequence[Operand | Term],
    where: Text,
    severity: Severity | None = None,
    tolerance: Number = 0,
) -> Linear:
    """``Σ left == Σ right`` (e.g. T3.1: 一 + 二 = 三（七） + 四)."""
    return compare(
        code,
        left=left,
        relation=Relation.EQ,
        right=right,
        where=where,
        severity=severity,
        tolerance=tolerance,
    )


def at_least(
    code: str,
    *,
    value: Sequence[Operand | Term],
    bound: Sequence[Operand | Term],
    where: Text,
    severity: Severity | None = None,
) -> Linear:
    """``Σ value ≥ Σ bound`` (an empty ``bound`` is 0)."""
    return compare(
        code, left=value, relation=Relation.GE, right=bound, where=where, severity=severity
    )


def at_most(
    code: str,
    *,
    value: Sequence[Operand | Term],
    bound: Sequence[Operand | Term],
    where: Text,
    severity: Severity | None = None,
) -> Linear:
    """``Σ value ≤ Σ bound``."""
    return compare(
        code, left=value, relation=Relation.LE, right=bound, where=where, severity=severity
    )
