"""The engine's short cuts give what the rules themselves give, finding for finding.

A clean table is checked by compiled sums, a table with a few blank, "/" or negative
cells by its per-cell rules over those cells only and its sums wherever they read no
such cell. Here every rule is run on its own path (``rule.findings`` over the whole
report), in the engine's order, and the two are compared on reports Hypothesis makes:
any values at all, and consistent reports with a few odd cells dropped in.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report.checks import _engine
from govinfo_report.checks.rules import Context, Linear
from govinfo_report.findings import Finding
from govinfo_report.model import BLANK, NOT_APPLICABLE, Report
from strategies import consistent_reports, evolve_cell, leaf_cell_paths, reports


def _every_rule_on_its_own(report: Report) -> list[Finding]:
    plan = _engine.plan_for(report.metadata.format_version)
    ctx = Context(report, None)
    found: list[Finding] = []
    for table in plan.tables:
        for each in table.cell_rules:
            found.extend(each.findings(ctx))
        for linear in table.linear:
            found.extend(linear.findings(ctx))
    for other in plan.others:
        found.extend(other.findings(ctx))
    return found


@settings(max_examples=150, deadline=None)
@given(reports())
def test_any_report_gets_the_rules_own_findings(report: Report) -> None:
    assert _engine.collect(report) == _every_rule_on_its_own(report)
    assert list(_engine.run(report)) == _every_rule_on_its_own(report)


@st.composite
def _nearly_clean(draw: st.DrawFn) -> Report:
    report = draw(consistent_reports())
    paths = leaf_cell_paths(report)
    for path in draw(st.lists(st.sampled_from(paths), min_size=1, max_size=4, unique=True)):
        odd = draw(st.sampled_from([BLANK, NOT_APPLICABLE, -3]))
        if odd == -3 and path.startswith("proactive.") and "amount" in path:
            odd = NOT_APPLICABLE  # a negative amount is a Money of its own; "/" will do
        report = evolve_cell(report, path, odd)
    return report


@settings(max_examples=200, deadline=None)
@given(_nearly_clean())
def test_a_report_with_a_few_odd_cells_gets_the_rules_own_findings(report: Report) -> None:
    assert _engine.collect(report) == _every_rule_on_its_own(report)


# --- the cross-year rules, compiled for a pair of reports -----------------------------------


def _pair_rules(report: Report, previous: Report) -> list[Any]:
    from govinfo_report.checks import ruleset

    version, before = report.metadata.format_version, previous.metadata.format_version
    return [r for r in ruleset(version, before).values() if r.code.startswith("X.")]


def _carried_over(report: Report, previous: Report) -> Report:
    """``report`` with last year's 结转下年度 as its 上年结转, column by column: X.1 holds."""
    for column in ("natural_person", "commercial_enterprise", "total"):
        value = previous.applications.get("carried_forward", column)
        report = evolve_cell(report, f"applications.carried_over.{column}", value)
    return report


@settings(max_examples=150, deadline=None)
@given(st.one_of(consistent_reports(), _nearly_clean()), consistent_reports(), st.booleans())
def test_a_pair_gets_the_cross_year_rules_own_findings(
    report: Report, previous: Report, carried: bool
) -> None:
    if carried:
        report = _carried_over(report, previous)
    rules = _pair_rules(report, previous)
    ctx = Context(report, previous)
    own = [f for rule in rules if isinstance(rule, Linear) for f in rule.findings(ctx)]
    own += [f for rule in rules if not isinstance(rule, Linear) for f in rule.findings(ctx)]
    assert _engine.PairPlan.of(rules, "test").findings(ctx) == own
