"""Soft rules: S.1 (2019), X.2 and X.3 in their one-year forms, and the cross-year
rules X.1, X.2, X.3 that need last year's report (``previous=``)."""

from __future__ import annotations

import pytest
from _checks_support import clean_report, of_code, with_cells

from govinfo_report import BLANK
from govinfo_report.checks import PreviousReportMismatch, Severity, Status, check, iter_findings

# --- S.1 ---------------------------------------------------------------------------------


def test_s1_fails_when_published_this_year_exceeds_total_published() -> None:
    report = with_cells(
        clean_report("2019"),
        {
            "proactive.rules.made": 3,
            "proactive.rules.published": 13,
            "proactive.rules.total_published": 10,
        },
    )
    (finding,) = of_code(check(report), "S.1")
    assert finding.severity is Severity.WARNING
    assert finding.paths == ("proactive.rules.published", "proactive.rules.total_published")
    assert finding.message_zh == (
        "二、主动公开政府信息情况「第二十条第（一）项 规章」："
        "本年新公开数量 = 13，应不大于 对外公开总数量 = 10（差 3）"
    )


def test_s1_checks_made_this_year_too() -> None:
    report = with_cells(
        clean_report("2019"),
        {
            "proactive.normative_documents.made": 61,
            "proactive.normative_documents.total_published": 60,
        },
    )
    (finding,) = of_code(check(report), "S.1")
    assert finding.paths[0] == "proactive.normative_documents.made"


def test_s1_holds_for_the_shanghai_2019_figures() -> None:
    report = with_cells(
        clean_report("2019", year=2019),
        {
            "proactive.rules.made": 13,
            "proactive.rules.published": 13,
            "proactive.rules.total_published": 524,
        },
    )
    assert of_code(check(report), "S.1") == []


# --- X.2 / X.3, one-year forms ------------------------------------------------------------


def test_x2_fails_when_in_force_is_below_issued_minus_repealed() -> None:
    report = with_cells(
        clean_report(),
        {"proactive.normative_documents.issued": 8, "proactive.normative_documents.in_force": 5},
    )
    (finding,) = of_code(check(report), "X.2")
    assert finding.severity is Severity.WARNING
    assert (finding.reported, finding.computed, finding.difference) == (5, 8, -3)
    assert "现行有效件数 = 5，应不小于 本年制发件数−本年废止件数 = 8（差 -3）" in finding.message_zh
    assert "issued this year − repealed this year = 8" in finding.message_en


def test_x2_holds_for_the_shuyang_2023_figures() -> None:
    report = with_cells(
        clean_report(),
        {"proactive.normative_documents.issued": 8, "proactive.normative_documents.in_force": 18},
    )
    assert check(report) == ()


def test_x2_uncertain_is_a_notice() -> None:
    report = with_cells(clean_report(), {"proactive.rules.repealed": BLANK})
    (finding,) = of_code(check(report), "X.2")
    assert (finding.status, finding.severity) == (Status.UNCERTAIN, Severity.NOTICE)


def test_x3_fails_when_items_plus_change_go_below_zero() -> None:
    report = with_cells(
        clean_report("2019"),
        {"proactive.fees.items_last_year": 2, "proactive.fees.change": -5},
    )
    (finding,) = of_code(check(report), "X.3")
    assert finding.paths == ("proactive.fees.items_last_year", "proactive.fees.change")
    assert (finding.reported, finding.computed) == (-3, 0)


def test_x3_holds_for_a_decrease_within_the_items() -> None:
    report = with_cells(
        clean_report("2019"),
        {"proactive.fees.items_last_year": 8, "proactive.fees.change": -8},
    )
    assert check(report) == ()


# --- Cross-year ------------------------------------------------------------------------------


def test_x1_fails_when_carried_over_differs_from_last_years_carried_forward() -> None:
    report = clean_report(year=2023)
    previous = with_cells(
        clean_report(year=2022),
        {
            "applications.carried_forward.natural_person": 3,
            "applications.carried_forward.total": 3,
            "applications.new_received.natural_person": 3,
            "applications.new_received.total": 3,
        },
    )
    assert check(previous) == ()
    finding, total = of_code(check(report, previous=previous), "X.1")
    assert total.paths[0] == "applications.carried_over.total"
    assert finding.severity is Severity.WARNING
    assert finding.paths == (
        "applications.carried_over.natural_person",
        "previous.applications.carried_forward.natural_person",
    )
    assert "二 = 0，上年报告四 = 3，差 -3" in finding.message_zh


def test_x1_holds_when_the_years_connect() -> None:
    report, previous = clean_report(year=2023), clean_report(year=2022)
    assert check(report, previous=previous) == ()


def test_x1_spans_the_format_change_from_2020_to_2021() -> None:
    report = with_cells(clean_report("2021", year=2021), {"applications.carried_over.other_org": 1})
    previous = clean_report("2019", year=2020)
    found = of_code(check(report, previous=previous), "X.1")
    assert [f.paths[1] for f in found] == ["previous.applications.carried_forward.other_org"]


def test_x2_with_last_year_requires_the_stock_to_carry_over() -> None:
    report = with_cells(
        clean_report(year=2023),
        {"proactive.rules.issued": 2, "proactive.rules.repealed": 1, "proactive.rules.in_force": 4},
    )
    previous = with_cells(clean_report(year=2022), {"proactive.rules.in_force": 4})
    assert of_code(check(report), "X.2") == []  # 4 ≥ 2 − 1 holds on its own
    (finding,) = of_code(check(report, previous=previous), "X.2")
    assert finding.paths == (
        "proactive.rules.in_force",
        "previous.proactive.rules.in_force",
        "proactive.rules.issued",
        "proactive.rules.repealed",
    )
    assert (finding.reported, finding.computed, finding.difference) == (4, 5, -1)


def test_x2_with_last_year_holds_when_the_stock_carries_over() -> None:
    report = with_cells(
        clean_report(year=2023),
        {"proactive.rules.issued": 2, "proactive.rules.repealed": 1, "proactive.rules.in_force": 5},
    )
    previous = with_cells(clean_report(year=2022), {"proactive.rules.in_force": 4})
    assert check(report, previous=previous) == ()


def test_x3_with_last_year_requires_items_to_carry_over() -> None:
    report = with_cells(
        clean_report("2019", year=2020), {"proactive.licensing.items_last_year": 10}
    )
    previous = with_cells(
        clean_report("2019", year=2019),
        {"proactive.licensing.items_last_year": 12, "proactive.licensing.change": -1},
    )
    (finding,) = of_code(check(report, previous=previous), "X.3")
    assert finding.paths == (
        "proactive.licensing.items_last_year",
        "previous.proactive.licensing.items_last_year",
        "previous.proactive.licensing.change",
    )
    assert (finding.reported, finding.computed) == (10, 11)


def test_x3_with_last_year_holds_when_items_carry_over() -> None:
    report = with_cells(
        clean_report("2019", year=2020), {"proactive.licensing.items_last_year": 11}
    )
    previous = with_cells(
        clean_report("2019", year=2019),
        {"proactive.licensing.items_last_year": 12, "proactive.licensing.change": -1},
    )
    assert check(report, previous=previous) == ()


def test_previous_must_be_the_year_before() -> None:
    with pytest.raises(PreviousReportMismatch, match="report on 2022, got a report on 2021"):
        iter_findings(clean_report(year=2023), previous=clean_report(year=2021))


def test_previous_mismatch_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="previous="):
        check(clean_report(year=2023), previous=clean_report(year=2023))
