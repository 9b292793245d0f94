"""The engine: runs a rule set over a report, fast when the tables are clean.

A rule set is compiled once per (format, last year's format) into a :class:`Plan`: for
each table, the per-cell rules and the linear rules whose operands all sit in that
table, with the linear rules also turned into index getters over ``table.values``.
When a table is *clean* (no blank or "/", every count and amount non-negative) its
per-cell rules cannot find anything and its linear rules reduce to integer sums over
the values tuple; a rule object builds a finding only when its sum fails. A table with
some blank, "/" or negative cells (most published reports have a few) runs its per-cell
rules over those cells only, and each linear rule on its own path when it reads one of
them, else by its compiled sum. Every other rule goes through its own ``findings``;
``tests/checks/test_engine_paths.py`` compares every short cut with that.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any

import attrs

from govinfo_report.checks.cell_rules import CellCondition
from govinfo_report.checks.rules import Context, EachCell, Linear, Operand, Relation, Rule
from govinfo_report.checks.rulesets import ruleset
from govinfo_report.errors import PreviousReportMismatch
from govinfo_report.findings import Finding
from govinfo_report.formats import TABLE_IDS, CellKind, FormatVersion, get_format
from govinfo_report.model.cells import CellValue, Empty, Money
from govinfo_report.model.report import Report

Getter = Callable[[Sequence[CellValue]], tuple[Any, ...]]


def _getter(indices: Sequence[int]) -> Getter:
    """A function returning the values at ``indices`` as a tuple (always a tuple)."""
    if not indices:
        return lambda values: ()
    if len(indices) == 1:
        (i,) = indices
        return lambda values: (values[i],)
    get: Getter = itemgetter(*indices)
    return get


def _identity(values: Sequence[CellValue]) -> tuple[Any, ...]:
    return tuple(values)


_FAILS = {Relation.EQ: "{p} != {q}", Relation.GE: "{p} < {q}", Relation.LE: "{p} > {q}"}
_FAILS_WITHIN = {
    Relation.EQ: "abs({p} - ({q})) > {t}",
    Relation.GE: "{p} - ({q}) < -{t}",
    Relation.LE: "{p} - ({q}) > {t}",
}


def compile_sums(
    rules: Sequence[Linear], name: str, index: Callable[[Operand], int] | None = None
) -> Callable[[Sequence[Any]], list[int]]:
    """A function of a table's values returning the positions in ``rules`` that fail
    (``index``: where an operand's value is in them; its index in its table if None).

    The linear rules are written out as one Python function of integer sums over
    constant indices (``v[0] + v[7] != v[161] + v[168]``), compiled once per format, as
    attrs does for ``__init__``: one function call per table instead of two getter
    calls and two ``sum`` calls per rule, which is what keeps a full validation within
    its 50 µs budget. Only valid for values that are all numbers (a clean table).
    """
    lines = ["def failing(v):", "    out = []"]
    tolerances: dict[str, Any] = {}
    at = index or _table_index
    for n, rule in enumerate(rules):
        # left − right = (left+ ∪ right−) − (left− ∪ right+)
        pos = [at(op) for s, op in rule.left if s > 0] + [at(op) for s, op in rule.right if s < 0]
        neg = [at(op) for s, op in rule.left if s < 0] + [at(op) for s, op in rule.right if s > 0]
        p = " + ".join(f"v[{i}]" for i in pos) or "0"
        q = " + ".join(f"v[{i}]" for i in neg) or "0"
        if rule.tolerance:
            tolerances[f"tol{n}"] = rule.tolerance
            test = _FAILS_WITHIN[rule.relation].format(p=p, q=q, t=f"tol{n}")
        else:
            test = _FAILS[rule.relation].format(p=p, q=q)
        lines.append(f"    if {test}:")
        lines.append(f"        out.append({n})")
    lines.append("    return out")
    namespace: dict[str, Any] = dict(tolerances)
    exec(compile("\n".join(lines), f"<checks plan: {name}>", "exec"), namespace)
    failing: Callable[[Sequence[Any]], list[int]] = namespace["failing"]
    return failing


def _table_index(op: Operand) -> int:
    return op.index


_INT = frozenset({int})


@attrs.frozen(kw_only=True)
class PairPlan:
    """The rules reading a report and last year's together (the cross-year rules),
    compiled as a table's: when every cell their linear rules read is a whole number,
    one function (:func:`compile_sums`) tells which of them fail, and only those build
    a finding; otherwise, and for any other rule, each rule runs on its own."""

    linear: tuple[Linear, ...]
    others: tuple[Rule, ...]
    cells: tuple[tuple[bool, int, int], ...]
    """Each cell the linear rules read once: (last year's?, table number, index)."""
    failing: Callable[[Sequence[Any]], list[int]]
    """Positions in ``linear`` of the rules that fail, from the values of ``cells``."""

    @classmethod
    def of(cls, rules: Sequence[Rule], name: str) -> PairPlan:
        linear = tuple(r for r in rules if isinstance(r, Linear))
        cells: dict[tuple[bool, int, int], int] = {}
        for rule in linear:
            for op in rule.operands:
                cells.setdefault((op.previous, TABLE_IDS.index(op.table), op.index), len(cells))

        def at(op: Operand) -> int:
            return cells[op.previous, TABLE_IDS.index(op.table), op.index]

        return cls(
            linear=linear,
            others=tuple(r for r in rules if not isinstance(r, Linear)),
            cells=tuple(cells),
            failing=compile_sums(linear, name, at),
        )

    def findings(self, ctx: Context) -> list[Finding]:
        """Every finding of the rules, the linear rules' first, each in rule order.

        ``ctx``'s reports may be anything with the three tables' ``values`` (the survey
        passes what it stored of them)."""
        report, previous = ctx.report, ctx.previous
        found: list[Finding] = []
        if previous is not None:
            tables = (
                (report.proactive, report.applications, report.review_litigation),
                (previous.proactive, previous.applications, previous.review_litigation),
            )
            values = [tables[p][t].values[i] for p, t, i in self.cells]
            if set(map(type, values)) <= _INT:
                for position in self.failing(values):
                    found.extend(self.linear[position].findings(ctx))
                return found + [f for rule in self.others for f in rule.findings(ctx)]
        for rule in (*self.linear, *self.others):
            found.extend(rule.findings(ctx))
        return found


@attrs.frozen(kw_only=True)
class TablePlan:
    """The rules of one table, ready to run."""

    table: str
    counts: Getter
    signed: tuple[int, ...]
    money: tuple[int, ...]
    cell_rules: tuple[EachCell, ...]
    linear: tuple[Linear, ...]
    failing: Callable[[Sequence[Any]], list[int]]
    """Positions in ``linear`` of the rules a clean table breaks (see :func:`compile_sums`)."""
    by_index: tuple[dict[int, tuple[int, Operand]], ...]
    """For each cell rule: cell index → (its place among the rule's operands, operand)."""
    touches: tuple[frozenset[int], ...]
    """For each linear rule: the indices of its operands."""
    fails: tuple[Callable[[Sequence[Any]], list[int]], ...]
    """For each linear rule: :func:`compile_sums` of it alone."""

    def is_clean(self, values: Sequence[CellValue]) -> bool:
        """No blank or "/", counts ≥ 0, amounts ≥ 0: the per-cell rules find nothing."""
        try:
            # min() of ints; an Empty among them raises TypeError (enums do not order).
            if min(self.counts(values), default=0) < 0:
                return False
        except TypeError:
            return False
        for i in self.signed:
            if type(values[i]) is not int:
                return False
        for i in self.money:
            value = values[i]
            if type(value) is not Money or value.amount < 0:
                return False
        return True

    def odd(self, values: Sequence[CellValue]) -> set[int]:
        """The indices of the cells :meth:`is_clean` objects to (blank, "/", negative):
        the only ones a per-cell rule can report."""
        found = {i for i, value in enumerate(values) if type(value) is not int or value < 0}
        found.difference_update(i for i in self.signed if type(values[i]) is int)
        for i in self.money:
            value = values[i]
            if type(value) is Money and value.amount >= 0:
                found.discard(i)
        return found

    def unclean_findings(self, ctx: Context, values: Sequence[CellValue]) -> list[Finding]:
        """The findings of a table that is not clean, as its rules' own ``findings``
        give them, in the same order: each per-cell rule over the odd cells only, each
        linear rule on its own path when it reads an odd cell, else by its sum."""
        odd = self.odd(values)
        # Each per-cell rule is given the odd cells its condition can hold: a blank is
        # no "/" and no negative number (three rules over every blank cell of a
        # published report, when it has a hundred, were a third of checking it).
        none, slash = Empty.BLANK, Empty.NOT_APPLICABLE  # members read once
        blank = {i for i in odd if values[i] is none}
        marked = {i for i in odd if values[i] is slash}
        kinds = {
            CellCondition.BLANK: blank,
            CellCondition.NOT_APPLICABLE: marked,
            CellCondition.NEGATIVE: odd - blank - marked,
        }
        found: list[Finding] = []
        for each, by_index in zip(self.cell_rules, self.by_index, strict=True):
            cells = kinds[each.condition]
            if cells:
                positions = sorted(by_index[i][0] for i in cells if i in by_index)
                found.extend(each.findings_at(ctx, positions))
        for linear, touches, fails in zip(self.linear, self.touches, self.fails, strict=True):
            if not touches.isdisjoint(odd) or fails(values):
                found.extend(linear.findings(ctx))
        return found


@attrs.frozen(kw_only=True)
class Plan:
    """A compiled rule set: per-table plans, then every other rule in rule-set order."""

    tables: tuple[TablePlan, ...]
    others: tuple[Rule, ...]


def _single_table(rule: Linear | EachCell) -> str | None:
    ops = rule.operands
    tables = {op.table for op in ops}
    if len(tables) != 1 or any(op.previous for op in ops):
        return None
    if isinstance(rule, Linear) and any(op.kind is CellKind.MONEY for op in ops):
        return None  # money sums stay on the generic path (Decimal, Money objects)
    return tables.pop()


def compile_plan(rules: Mapping[str, Rule], version: FormatVersion) -> Plan:
    """Sort ``rules`` into per-table plans and the rest; precompute index getters."""
    spec = get_format(version)
    cell_rules: dict[str, list[EachCell]] = {t.id: [] for t in spec.tables}
    linear: dict[str, list[Linear]] = {t.id: [] for t in spec.tables}
    others: list[Rule] = []
    for rule in rules.values():
        home = _single_table(rule) if isinstance(rule, Linear | EachCell) else None
        if home is None:
            others.append(rule)
        elif isinstance(rule, EachCell):
            cell_rules[home].append(rule)
        else:
            assert isinstance(rule, Linear)
            linear[home].append(rule)
    plans = []
    for table in spec.tables:
        by_kind: dict[CellKind, list[int]] = {kind: [] for kind in CellKind}
        for cell in table.cells:
            by_kind[cell.kind].append(cell.index)
        counts = by_kind[CellKind.COUNT]
        plans.append(
            TablePlan(
                table=table.id,
                # Tables 3 and 4 hold only counts: read the values tuple as it is.
                counts=_identity if len(counts) == len(table.cells) else _getter(counts),
                signed=tuple(by_kind[CellKind.SIGNED_COUNT]),
                money=tuple(by_kind[CellKind.MONEY]),
                cell_rules=tuple(cell_rules[table.id]),
                linear=tuple(linear[table.id]),
                failing=compile_sums(linear[table.id], f"{version.value} {table.id}"),
                by_index=tuple(
                    {op.index: (k, op) for k, op in enumerate(each.operands)}
                    for each in cell_rules[table.id]
                ),
                touches=tuple(frozenset(op.index for op in r.operands) for r in linear[table.id]),
                fails=tuple(
                    compile_sums([r], f"{version.value} {table.id} {r.code}")
                    for r in linear[table.id]
                ),
            )
        )
    return Plan(tables=tuple(plans), others=tuple(others))


@functools.cache
def plan_for(version: FormatVersion, previous: FormatVersion | None = None) -> Plan:
    """The compiled plan for a report of ``version`` (and last year's of ``previous``)."""
    return compile_plan(ruleset(version, previous), version)


def _prepare(report: Report, previous: Report | None) -> tuple[Plan, Context]:
    if previous is not None and previous.metadata.year != report.metadata.year - 1:
        raise PreviousReportMismatch(
            f"previous= must be the report on {report.metadata.year - 1}, "
            f"got a report on {previous.metadata.year}",
            zh=f"previous= 应为 {report.metadata.year - 1} 年度的报告，实际为 "
            f"{previous.metadata.year} 年度的",
        )
    prior = previous.metadata.format_version if previous is not None else None
    return plan_for(report.metadata.format_version, prior), Context(report, previous)


def run(report: Report, previous: Report | None = None) -> Iterator[Finding]:
    """Every finding for ``report``, lazily, in rule-set order (table by table, then the rest).

    Raises:
        PreviousReportMismatch: ``previous`` is not a report on the year before.
    """
    return _run(*_prepare(report, previous))


def collect(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every finding for ``report``, in :func:`run`'s order, gathered in one list: no
    generator stands between the rules and the caller (a tenth of a whole check).

    Raises:
        PreviousReportMismatch: ``previous`` is not a report on the year before.
    """
    plan, ctx = _prepare(report, previous)
    found: list[Finding] = []
    extend = found.extend
    report = ctx.report
    for table in plan.tables:
        values = getattr(report, table.table).values
        if table.is_clean(values):
            for position in table.failing(values):
                extend(table.linear[position].findings(ctx))
        else:
            extend(table.unclean_findings(ctx, values))
    for other in plan.others:
        extend(other.findings(ctx))
    return found


def _run(plan: Plan, ctx: Context) -> Iterator[Finding]:
    report = ctx.report
    for table in plan.tables:
        values = getattr(report, table.table).values
        if table.is_clean(values):
            for position in table.failing(values):
                yield from table.linear[position].findings(ctx)
        else:
            yield from table.unclean_findings(ctx, values)
    for other in plan.others:
        yield from other.findings(ctx)
