"""The 勾稽关系 of Tables 3 and 4 (T3.1, T3.2, T3.3, T4.1): pass, fail, uncertain."""

from __future__ import annotations

import pytest
from _checks_support import clean_report, of_code, with_cells

from govinfo_report import BLANK, NOT_APPLICABLE, fill_totals
from govinfo_report.checks import Severity, Status, check


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_clean_report_has_no_findings(version: str) -> None:
    assert check(clean_report(version)) == ()


def test_t31_holds_when_new_plus_carried_equals_outcomes_plus_forward() -> None:
    report = fill_totals(
        with_cells(
            clean_report(),
            {
                "applications.new_received.natural_person": 10,
                "applications.carried_over.natural_person": 5,
                "applications.disclosed.natural_person": 11,
                "applications.carried_forward.natural_person": 4,
            },
        )
    )
    assert check(report) == ()


def test_t31_fails_with_the_message_of_the_issue() -> None:
    report = with_cells(
        clean_report(),
        {
            "applications.new_received.natural_person": 10,
            "applications.carried_over.natural_person": 5,
            "applications.total_outcomes.natural_person": 14,
        },
    )
    (finding,) = of_code(check(report), "T3.1")
    assert finding.severity is Severity.ERROR
    assert finding.status is Status.FAIL
    assert finding.message_zh == (
        "三、收到和处理政府信息公开申请情况 自然人列：一+二 = 15，三（七）+四 = 14，差 1"
    )
    assert "column 'natural persons'" in finding.message_en
    assert "difference 1" in finding.message_en
    assert finding.paths == (
        "applications.new_received.natural_person",
        "applications.carried_over.natural_person",
        "applications.total_outcomes.natural_person",
        "applications.carried_forward.natural_person",
    )
    assert (finding.reported, finding.computed, finding.difference) == (15, 14, 1)


def test_t31_is_checked_for_each_of_the_seven_columns() -> None:
    report = with_cells(
        clean_report(),
        {f"applications.new_received.{c}": 1 for c in _columns()},
    )
    found = of_code(check(report), "T3.1")
    assert len(found) == 7
    assert {f.paths[0].rsplit(".", 1)[1] for f in found} == set(_columns())


def _columns() -> tuple[str, ...]:
    return tuple(c.id for c in clean_report().applications.spec.groups[0].columns)


def test_t32_fails_when_total_outcomes_is_not_the_sum_of_outcome_rows() -> None:
    report = with_cells(clean_report(), {"applications.withheld_process.research_institution": 2})
    (finding,) = of_code(check(report), "T3.2")
    assert finding.message_zh == (
        "三、收到和处理政府信息公开申请情况 科研机构列：三（七） = 0，三（一）至（六）各项之和 = 2，差 -2"
    )
    assert finding.paths[0] == "applications.total_outcomes.research_institution"
    assert "applications.withheld_process.research_institution" in finding.paths
    assert len(finding.paths) == 1 + 21  # the total and the 21 outcome rows of 2021
    assert (finding.reported, finding.computed, finding.difference) == (0, 2, -2)


def test_t32_uses_the_single_other_handling_row_in_2019() -> None:
    report = with_cells(clean_report("2019"), {"applications.other_handling.natural_person": 1})
    (finding,) = of_code(check(report), "T3.2")
    assert "applications.other_handling.natural_person" in finding.paths
    assert len(finding.paths) == 1 + 19


def test_t32_holds_after_fill_totals() -> None:
    report = with_cells(
        clean_report(),
        {
            "applications.other_unpaid_fee.natural_person": 3,
            "applications.new_received.natural_person": 3,
        },
    )
    assert check(fill_totals(report)) == ()


def test_t33_fails_when_the_total_column_is_not_the_sum_of_applicants() -> None:
    report = with_cells(clean_report(), {"applications.withheld_state_secret.total": 4})
    (finding,) = of_code(check(report), "T3.3")
    assert finding.message_zh == (
        "三、收到和处理政府信息公开申请情况「三、本年度办理结果 （三）不予公开 1.属于国家秘密」："
        "总计 = 4，自然人至其他6列之和 = 0，差 4"
    )
    assert finding.message_en.startswith(
        "Table 3 (Disclosure requests received and handled), row 'withheld: state secret'"
    )
    assert finding.paths[0] == "applications.withheld_state_secret.total"
    assert len(finding.paths) == 7


def test_t33_holds_when_the_row_adds_up() -> None:
    report = with_cells(
        clean_report(),
        {
            "applications.carried_over.legal_service_org": 2,
            "applications.carried_over.total": 2,
            "applications.carried_forward.legal_service_org": 2,
            "applications.carried_forward.total": 2,
        },
    )
    assert check(report) == ()


def test_t41_fails_when_a_total_is_not_the_sum_of_outcomes() -> None:
    report = with_cells(clean_report(), {"review_litigation.litigation_after_review.pending": 1})
    (finding,) = of_code(check(report), "T4.1")
    assert finding.message_zh == (
        "四、政府信息公开行政复议、行政诉讼情况「行政诉讼 复议后起诉」："
        "总计 = 0，结果维持+结果纠正+其他结果+尚未审结 = 1，差 -1"
    )
    assert "upheld + corrected + other outcome + pending = 1" in finding.message_en
    assert finding.paths == tuple(
        f"review_litigation.litigation_after_review.{c}"
        for c in ("total", "upheld", "corrected", "other", "pending")
    )


def test_t41_holds_for_each_group_when_totals_add_up() -> None:
    report = with_cells(
        clean_report(),
        {
            "review_litigation.review.upheld": 5,
            "review_litigation.review.pending": 2,
            "review_litigation.review.total": 7,
        },
    )
    assert check(report) == ()


def test_blank_operand_makes_the_rule_uncertain_one_notch_lower() -> None:
    report = with_cells(clean_report(), {"applications.carried_forward.natural_person": BLANK})
    (finding,) = of_code(check(report), "T3.1")
    assert finding.status is Status.UNCERTAIN
    assert finding.severity is Severity.WARNING
    assert finding.message_zh == (
        "三、收到和处理政府信息公开申请情况 自然人列：无法核对 一+二 = 三（七）+四，"
        "因为四为空（只计已填数字：0 对 0）"
    )
    assert finding.reported == 0
    assert finding.computed is None
    assert finding.difference is None


def test_not_applicable_operand_makes_the_rule_uncertain() -> None:
    report = with_cells(clean_report(), {"review_litigation.review.total": NOT_APPLICABLE})
    (finding,) = of_code(check(report), "T4.1")
    assert finding.status is Status.UNCERTAIN
    assert finding.reported == "/"
    assert finding.computed == 0
    assert "总计为“/”" in finding.message_zh
    assert 'total is marked "/"' in finding.message_en


def test_uncertain_even_when_the_known_parts_already_disagree() -> None:
    # Never a guessed fail: a blank might hold anything the office did not write.
    report = with_cells(
        clean_report(),
        {"applications.disclosed.natural_person": 9, "applications.disclosed.total": BLANK},
    )
    found = of_code(check(report), "T3.3")
    assert [f.status for f in found] == [Status.UNCERTAIN]
    assert found[0].paths[0] == "applications.disclosed.total"


def test_blank_operand_gets_its_own_notice_besides_the_uncertain_rules() -> None:
    report = with_cells(clean_report(), {"applications.disclosed.total": BLANK})
    findings = check(report)
    assert [f.paths for f in of_code(findings, "B.1")] == [("applications.disclosed.total",)]
    # 总计 of 予以公开 is in the 总计 column's T3.2 and in its row's T3.3, not in any T3.1.
    assert {f.code for f in findings if f.status is Status.UNCERTAIN} == {"T3.2", "T3.3"}


def test_fails_for_sure_when_filled_parts_already_exceed_a_filled_total() -> None:
    # Blank parts are counts not written down: they can only add to 9 + 3 > 10.
    report = with_cells(
        clean_report(),
        {
            "applications.disclosed.natural_person": 9,
            "applications.disclosed.commercial_enterprise": 3,
            "applications.disclosed.research_institution": BLANK,
            "applications.disclosed.total": 10,
        },
    )
    (finding,) = of_code(check(report), "T3.3")
    assert (finding.status, finding.severity) == (Status.FAIL, Severity.ERROR)
    assert (finding.reported, finding.computed, finding.difference) == (10, 12, -2)
    assert finding.paths[0] == "applications.disclosed.total"
    assert "只计已填数字已是 10 对 12，差 -2" in finding.message_zh
    assert "科研机构为空，空缺的数字不会是负数，只会使差额更大" in finding.message_zh
    assert (
        "research institutions is blank, and no count they could hold closes the gap"
        in finding.message_en
    )


def test_stays_uncertain_when_the_blanks_could_still_close_the_gap() -> None:
    report = with_cells(
        clean_report(),
        {
            "applications.disclosed.natural_person": 9,
            "applications.disclosed.research_institution": BLANK,
            "applications.disclosed.total": 10,
        },
    )
    (finding,) = of_code(check(report), "T3.3")
    assert finding.status is Status.UNCERTAIN


def test_stays_uncertain_when_blanks_stand_on_both_sides() -> None:
    # T3.1: a blank 一 and a blank 四 pull the two sides in opposite directions.
    report = with_cells(
        clean_report(),
        {
            "applications.new_received.natural_person": BLANK,
            "applications.carried_over.natural_person": 9,
            "applications.carried_forward.natural_person": BLANK,
        },
    )
    (finding,) = of_code(check(report), "T3.1")[:1]
    assert finding.status is Status.UNCERTAIN


def test_a_filled_total_below_the_filled_outcomes_fails_for_sure_in_table_4() -> None:
    # 总计 filled (3) but the filled outcomes already make 5: no blank can mend it.
    report = with_cells(
        clean_report(),
        {
            "review_litigation.review.upheld": 5,
            "review_litigation.review.pending": BLANK,
            "review_litigation.review.total": 3,
        },
    )
    (finding,) = of_code(check(report), "T4.1")
    assert (finding.status, finding.severity) == (Status.FAIL, Severity.ERROR)
    assert (finding.reported, finding.computed) == (3, 5)
