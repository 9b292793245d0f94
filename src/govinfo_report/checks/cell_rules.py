"""The per-cell rules (:class:`EachCell`): blank cells, "/" cells, negative numbers.

Built by :func:`blank_cells`, :func:`not_applicable_cells` and :func:`non_negative`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence

import attrs

from govinfo_report.checks._rule_core import (
    Context,
    Operand,
    number_of,
    severity_of,
)
from govinfo_report.findings import Finding, Number, Severity, Status
from govinfo_report.model.cells import CellValue, Empty

# --- Per-cell rules -------------------------------------------------------------------


class CellCondition(enum.Enum):
    """What a per-cell rule looks for."""

    BLANK = "blank"
    NOT_APPLICABLE = "not_applicable"
    NEGATIVE = "negative"


_CELL_MESSAGES = {
    CellCondition.BLANK: (
        "单元格为空（未填写），涉及它的勾稽关系无法核对",
        "cell is blank (not filled in); the cross-checks that need it are uncertain",
    ),
    CellCondition.NOT_APPLICABLE: (
        "单元格标为“/”（不适用），涉及它的勾稽关系无法核对",
        'cell is marked "/" (not applicable); the cross-checks that need it are uncertain',
    ),
    CellCondition.NEGATIVE: ("{v} 为负数，不得为负", "{v} is negative; it cannot be"),
}


def _matches(condition: CellCondition, value: CellValue) -> bool:
    if condition is CellCondition.BLANK:
        return value is Empty.BLANK
    if condition is CellCondition.NOT_APPLICABLE:
        return value is Empty.NOT_APPLICABLE
    if isinstance(value, Empty):
        return False
    return number_of(value) < 0


@attrs.frozen(kw_only=True)
class EachCell:
    """One finding per operand cell that meets ``condition``."""

    code: str
    severity: Severity
    condition: CellCondition
    operands: tuple[Operand, ...]
    made: list[Finding | None] = attrs.field(init=False, eq=False, repr=False)
    """Each operand's finding when it does not depend on the value (a blank, a "/"),
    made the first time that cell is blank: a value, the same for every report with
    that cell blank (a published report has a hundred blank cells, and making each
    finding anew was a fifth of checking it). Unused for a negative number, whose
    finding says the number."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "made", [None] * len(self.operands))

    def _made(self, k: int, target: Empty) -> Finding:
        """The finding of operand ``k`` holding ``target``, made and kept."""
        zh, en = _CELL_MESSAGES[self.condition]
        finding = self.made[k] = self._finding(self.operands[k], zh, en, target.value)
        return finding

    def _finding(self, op: Operand, zh: str, en: str, reported: Number | str) -> Finding:
        """The finding of ``op``, its messages after the cell's label."""
        return Finding(
            code=self.code,
            severity=self.severity,
            status=Status.FAIL,
            message_zh=f"{op.label.zh}：{zh}",
            message_en=f"{op.label.en}: {en}",
            paths=(op.path,),
            reported=reported,
        )

    @property
    def paths(self) -> tuple[str, ...]:
        """Paths of every cell the rule looks at."""
        return tuple(op.path for op in self.operands)

    def findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding for each cell that meets the condition, in table order."""
        return iter(self.findings_at(ctx, range(len(self.operands))))

    def findings_at(self, ctx: Context, positions: Iterable[int]) -> list[Finding]:
        """:meth:`findings` over the operands at ``positions`` only (ascending): the
        engine leaves out the cells that cannot meet any condition."""
        condition, operands = self.condition, self.operands
        value_of = ctx.value
        found = []
        target = _TARGETS.get(condition)
        if target is not None:  # a blank or a "/": its finding is made once
            made = self.made
            for k in positions:
                if value_of(operands[k]) is target:
                    found.append(made[k] or self._made(k, target))
            return found
        zh, en = _CELL_MESSAGES[condition]
        for k in positions:
            op = operands[k]
            value = value_of(op)
            if not _matches(condition, value):
                continue
            number = number_of(value)  # a negative number
            found.append(self._finding(op, zh.format(v=number), en.format(v=number), number))
        return found


_TARGETS = {CellCondition.BLANK: Empty.BLANK, CellCondition.NOT_APPLICABLE: Empty.NOT_APPLICABLE}
"""The value each condition that is one value looks for."""


def _each(
    code: str, condition: CellCondition, operands: Sequence[Operand], severity: Severity | None
) -> EachCell:
    return EachCell(
        code=code,
        severity=severity_of(code, severity),
        condition=condition,
        operands=tuple(operands),
    )


def blank_cells(
    code: str, *, cells: Sequence[Operand], severity: Severity | None = None
) -> EachCell:
    """A finding for each of ``cells`` that is blank (not filled in)."""
    return _each(code, CellCondition.BLANK, cells, severity)


def not_applicable_cells(
    code: str, *, cells: Sequence[Operand], severity: Severity | None = None
) -> EachCell:
    """A finding for each of ``cells`` marked "/"."""
    return _each(code, CellCondition.NOT_APPLICABLE, cells, severity)


def non_negative(
    code: str, *, cells: Sequence[Operand], severity: Severity | None = None
) -> EachCell:
    """A finding for each of ``cells`` holding a negative number (count or money)."""
    return _each(code, CellCondition.NEGATIVE, cells, severity)
