"""The per-cell rules (:class:`EachCell`): blank cells, "/" cells, negative numbers.

Built by :func:`blank_cells`, :func:`not_applicable_cells` and :func:`non_negative`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence

import attrs

from govinfo_report.checks._rule_core import (
    Context,
    Operand,
    number_of,
    severity_of,
)
from govinfo_report.findings import Finding, Severity, Status
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

    @property
    def paths(self) -> tuple[str, ...]:
        """Paths of every cell the rule looks at."""
        return tuple(op.path for op in self.operands)

    def findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding for each cell that meets the condition, in table order."""
        return self.findings_among(ctx, self.operands)

    def findings_among(self, ctx: Context, operands: Sequence[Operand]) -> Iterator[Finding]:
        """:meth:`findings` over ``operands`` only (some of the rule's, in its order): the
        engine leaves out the cells that cannot meet any condition."""
        zh, en = _CELL_MESSAGES[self.condition]
        for op in operands:
            value = ctx.value(op)
            if not _matches(self.condition, value):
                continue
            number = None if isinstance(value, Empty) else number_of(value)
            yield Finding(
                code=self.code,
                severity=self.severity,
                status=Status.FAIL,
                message_zh=f"{op.label.zh}：{zh.format(v=number)}",
                message_en=f"{op.label.en}: {en.format(v=number)}",
                paths=(op.path,),
                reported=value.value if isinstance(value, Empty) else number,
            )


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
