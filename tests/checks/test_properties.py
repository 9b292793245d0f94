"""Hypothesis properties of the validator over both formats."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report import Money, Report
from govinfo_report.checks import Finding, Severity, Status, check, is_valid, iter_findings
from govinfo_report.checks._engine import plan_for
from govinfo_report.checks.rules import Context
from govinfo_report.checks.rulesets import ruleset
from govinfo_report.formats import CellKind
from strategies import consistent_reports, evolve_cell, leaf_cell_paths, reports

# reports() draws some 200 cells each from a union of strategies: slow to generate, so
# fewer examples, and no health-check failure when a busy machine makes it slower still.
arbitrary = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])


def _order(f: Finding) -> tuple[object, ...]:
    return (*f.sort_key, f.message_zh)


@given(consistent_reports())
def test_a_report_with_filled_totals_has_no_error(report: Report) -> None:
    errors = [f for f in check(report) if f.severity is Severity.ERROR]
    assert errors == []
    assert is_valid(report)


@given(consistent_reports(), st.data())
def test_changing_a_table_3_or_4_leaf_cell_yields_a_finding_on_that_cell(
    report: Report, data: st.DataObject
) -> None:
    paths = [p for p in leaf_cell_paths(report) if not p.startswith("proactive.")]
    path = data.draw(st.sampled_from(paths), label="path")
    delta = data.draw(st.integers(-1000, 1000).filter(bool), label="delta")
    changed = evolve_cell(report, path, report.cell(path) + delta)
    assert any(path in f.paths for f in check(changed))


@given(consistent_reports(), st.data())
def test_a_negative_table_2_cell_yields_a_finding_on_that_cell(
    report: Report, data: st.DataObject
) -> None:
    # The signed 本年增/减 (2019) may legitimately be negative; X.3's tests cover it.
    signed = {
        f"proactive.{c.id}" for c in report.proactive.spec.cells if c.kind is CellKind.SIGNED_COUNT
    }
    paths = [p for p in leaf_cell_paths(report) if p.startswith("proactive.") and p not in signed]
    path = data.draw(st.sampled_from(paths), label="path")
    value = report.cell(path)
    amount = value.amount if isinstance(value, Money) else value
    delta = data.draw(st.integers(1, 1000), label="delta")
    new = -(abs(amount) + delta)
    changed = evolve_cell(report, path, Money(new) if isinstance(value, Money) else new)
    assert any(f.code in ("D.1", "D.2") and f.paths == (path,) for f in check(changed))


@arbitrary
@given(reports())
def test_fast_path_finds_exactly_what_every_rule_finds_on_its_own(report: Report) -> None:
    rules = ruleset(report.metadata.format_version)
    ctx = Context(report)
    # Document rules answer most reports through a cheap passes(); run their full form.
    naive = sorted(
        (f for rule in rules.values() for f in getattr(rule, "_findings", rule.findings)(ctx)),
        key=_order,
    )
    assert list(check(report)) == naive
    assert plan_for(report.metadata.format_version) is plan_for(report.metadata.format_version)


@arbitrary
@given(reports())
def test_findings_are_sorted_deterministic_and_json_ready(report: Report) -> None:
    findings = check(report)
    assert findings == check(report)
    assert [f.sort_key for f in findings] == sorted(f.sort_key for f in findings)
    assert sorted(iter_findings(report), key=_order) == list(findings)
    json.dumps([f.to_dict() for f in findings], ensure_ascii=False)


@arbitrary
@given(reports())
def test_uncertain_findings_are_never_errors(report: Report) -> None:
    for finding in check(report):
        if finding.status is Status.UNCERTAIN:
            assert finding.severity is not Severity.ERROR
            assert finding.difference is None
