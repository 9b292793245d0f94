"""The public API of the checks: check, iter_findings, is_valid, the catalog, the rule sets."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from _checks_support import clean_report, with_cells

from govinfo_report import BLANK, FormatVersion, Report
from govinfo_report.checks import (
    CATALOG,
    RULESETS,
    Severity,
    check,
    describe,
    is_valid,
    iter_findings,
    ruleset,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def _broken() -> Report:
    return with_cells(
        clean_report(),
        {
            "applications.new_received.natural_person": 3,  # T3.1, T3.3 errors
            "proactive.fees.amount": BLANK,  # B.1 notice
            "proactive.rules.in_force": 0,
            "proactive.rules.issued": 2,  # X.2 warning
        },
    )


def test_iter_findings_is_lazy() -> None:
    findings = iter_findings(_broken())
    assert isinstance(findings, Iterator)
    assert next(findings).code


def test_check_orders_errors_then_warnings_then_notices() -> None:
    findings = check(_broken())
    assert [f.code for f in findings] == ["T3.1", "T3.3", "X.2", "B.1"]
    assert [f.severity for f in findings] == [
        Severity.ERROR,
        Severity.ERROR,
        Severity.WARNING,
        Severity.NOTICE,
    ]


def test_check_collects_every_finding_rather_than_stopping_at_the_first() -> None:
    report = with_cells(
        clean_report(),
        {f"review_litigation.{r}.upheld": 1 for r in ("review", "litigation_direct")},
    )
    assert len(check(report)) == 2


def test_is_valid_ignores_warnings_and_notices() -> None:
    report = with_cells(clean_report(), {"proactive.fees.amount": BLANK})
    assert check(report)
    assert is_valid(report)


def test_is_valid_is_false_with_an_error() -> None:
    assert not is_valid(_broken())


def test_findings_serialize_to_json() -> None:
    data = [f.to_dict() for f in check(_broken())]
    first = json.loads(json.dumps(data, ensure_ascii=False))[0]
    assert first["code"] == "T3.1"
    assert first["severity"] == "error"
    assert first["status"] == "fail"
    assert first["paths"][0] == "applications.new_received.natural_person"
    assert (first["reported"], first["computed"], first["difference"]) == (3, 0, 3)


def test_every_code_a_rule_can_produce_is_in_the_catalog() -> None:
    codes = {rule.code for rules in RULESETS.values() for rule in rules.values()}
    codes |= {rule.code for rule in ruleset(FormatVersion.V2021, FormatVersion.V2021).values()}
    assert codes == set(CATALOG)


def test_catalog_severity_is_the_severity_of_a_failure() -> None:
    for rules in RULESETS.values():
        for rule in rules.values():
            assert rule.severity is CATALOG[rule.code].severity


def test_describe_an_unknown_code_lists_the_known_ones() -> None:
    expected = re.escape("unknown finding code 'Z.9'; expected one of T3.1, T3.2")
    with pytest.raises(KeyError, match=expected):
        describe("Z.9")


def test_describe_gives_title_and_fix_in_both_languages() -> None:
    info = describe("T3.1")
    assert info.title("en").startswith("Table 3 column balance")
    assert info.fix("zh").startswith("逐列核对")


def test_rule_ids_are_stable_and_readable() -> None:
    rules = RULESETS[FormatVersion.V2021]
    for rule_id in (
        "T3.1.natural_person",
        "T3.2.total",
        "T3.3.other_unpaid_fee",
        "T4.1.litigation_after_review",
        "D.1.applications",
        "D.2.proactive",
        "B.1.review_litigation",
        "X.2.normative_documents",
        "F.1",
        "Y.1",
        "SEC.2",
        "TX.1",
        "TX.2",
    ):
        assert rule_id in rules
    assert "T3.3.other_handling" in RULESETS[FormatVersion.V2019]
    assert "TX.2" in RULESETS[FormatVersion.V2019]  # a fee can be data in either format
    assert "SEC.2" not in RULESETS[FormatVersion.V2019]


def test_cross_year_x2_replaces_the_one_year_form() -> None:
    alone = RULESETS[FormatVersion.V2021]["X.2.rules"]
    paired = ruleset(FormatVersion.V2021, FormatVersion.V2021)["X.2.rules"]
    assert len(alone.paths) == 3
    assert "previous.proactive.rules.in_force" in paired.paths


def test_docs_document_every_code() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [code for code, info in CATALOG.items() if f"### {code} {info.title_zh}" not in text]
    assert missing == []
