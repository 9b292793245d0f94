"""Cell rules as small frozen values, built by public factories.

A rule knows its finding ``code``, its ``severity``, the cells it reads (operands, with
their paths and human names) and how to turn a report into findings. The arithmetic
rules are all one shape, :class:`Linear` (a signed sum compared with another), built by
:func:`sum_equals`, :func:`sums_equal`, :func:`at_least` and :func:`at_most`; the per-cell
rules (:class:`EachCell`) by :func:`blank_cells`, :func:`not_applicable_cells` and
:func:`non_negative`. Arithmetic is exact (int / Decimal) with an explicit tolerance, 0
unless a rule says otherwise. A blank or "/" operand makes a rule *uncertain*, never a
guessed pass or fail.

The rules live by family: what they share in ``_rule_core``, the arithmetic in
:mod:`~govinfo_report.checks.linear_rules`, the per-cell rules in
:mod:`~govinfo_report.checks.cell_rules`; this module gathers them, as before.
"""

from __future__ import annotations

from govinfo_report.checks._rule_core import (
    PREVIOUS,
    Context,
    Operand,
    Rule,
    Text,
    lower,
    operand,
    severity_of,
)
from govinfo_report.checks.cell_rules import (
    CellCondition,
    EachCell,
    blank_cells,
    non_negative,
    not_applicable_cells,
)
from govinfo_report.checks.linear_rules import (
    Linear,
    Relation,
    Term,
    at_least,
    at_most,
    compare,
    sum_equals,
    sums_equal,
)

__all__ = [
    "PREVIOUS",
    "CellCondition",
    "Context",
    "EachCell",
    "Linear",
    "Operand",
    "Relation",
    "Rule",
    "Term",
    "Text",
    "at_least",
    "at_most",
    "blank_cells",
    "compare",
    "lower",
    "non_negative",
    "not_applicable_cells",
    "operand",
    "severity_of",
    "sum_equals",
    "sums_equal",
]
