"""Published reports, as printed: what the validator says about real defects."""

from __future__ import annotations

import attrs
from _checks_support import of_code
from _published import dongtou_2020, shanghai_2019, shuyang_2023

from govinfo_report import BLANK
from govinfo_report.checks import Severity, Status, check, is_valid


def test_dongtou_2020_validates_with_no_errors() -> None:
    report = dongtou_2020()
    assert is_valid(report)
    assert not [f for f in check(report) if f.severity is Severity.ERROR]


def test_dongtou_2020_blank_totals_are_uncertain_not_failed() -> None:
    findings = check(dongtou_2020())
    t4 = of_code(findings, "T4.1")
    assert [f.status for f in t4] == [Status.UNCERTAIN] * 3
    assert {f.status for f in findings if f.code.startswith("T")} == {Status.UNCERTAIN}


def test_dongtou_2020_notices_every_blank_cell() -> None:
    report = dongtou_2020()
    blanks = {f.paths[0] for f in of_code(check(report), "B.1")}
    expected = {
        f"{t.spec.id}.{cell.id}"
        for t in report.tables
        for cell, value in t.items()
        if value is BLANK
    }
    assert blanks == expected
    assert len(blanks) == 156


def test_shanghai_2019_has_no_error_and_its_filled_columns_balance() -> None:
    findings = check(shanghai_2019())
    assert not [f for f in findings if f.severity is Severity.ERROR]
    balanced = ("applications.new_received.natural_person", "applications.new_received.total")
    t31 = {f.paths[0] for f in of_code(findings, "T3.1")}
    assert not t31 & set(balanced)


def test_shanghai_2019_uncertain_total_shows_what_the_filled_cells_say() -> None:
    findings = check(shanghai_2019())
    (natural,) = [
        f for f in of_code(findings, "T3.2") if f.paths[0].endswith("total_outcomes.natural_person")
    ]
    assert natural.status is Status.UNCERTAIN
    assert natural.reported == 767
    assert natural.message_zh.endswith("（只计已填数字：767 对 767）")


def test_shuyang_2023_blank_legal_person_columns_are_warnings() -> None:
    findings = check(shuyang_2023())
    assert not [f for f in findings if f.severity is Severity.ERROR]
    assert len(of_code(findings, "T3.3")) == 25
    assert of_code(findings, "SEC.2") == []  # "未发生收费情况" states the fee
    assert of_code(findings, "X.2") == []  # 18 in force ≥ 8 issued − 0 repealed


def test_shuyang_2023_with_zeros_for_blanks_is_clean() -> None:
    report = shuyang_2023()
    table = report.applications
    filled = table.replace({c.id: 0 for c, v in table.items() if not isinstance(v, int)})
    assert check(attrs.evolve(report, applications=filled)) == ()
