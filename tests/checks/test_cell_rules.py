"""Per-cell rules: D.1 and D.2 (no negatives), B.1 and B.2 (blank, "/"), E.1 (extra rows)."""

from __future__ import annotations

from decimal import Decimal

import attrs
from _checks_support import clean_report, of_code, with_cells

from govinfo_report import BLANK, NOT_APPLICABLE, ExtraRow, Money
from govinfo_report.checks import Severity, Status, check


def test_d1_fails_for_a_negative_count() -> None:
    report = with_cells(clean_report(), {"proactive.penalties.decisions": -3})
    (finding,) = of_code(check(report), "D.1")
    assert finding.severity is Severity.ERROR
    assert finding.paths == ("proactive.penalties.decisions",)
    assert finding.reported == -3
    assert finding.message_zh == (
        "二、主动公开政府信息情况「第二十条第（六）项 / 行政处罚 / 本年处理决定数量」："
        "-3 为负数，不得为负"
    )


def test_d1_holds_for_zero_and_positive_counts() -> None:
    report = with_cells(clean_report(), {"proactive.penalties.decisions": 12})
    assert of_code(check(report), "D.1") == []


def test_d1_spares_the_signed_change_column_of_2019() -> None:
    report = with_cells(
        clean_report("2019"),
        {"proactive.licensing.items_last_year": 10, "proactive.licensing.change": -8},
    )
    assert check(report) == ()


def test_d1_covers_table_3_and_table_4_counts() -> None:
    report = with_cells(
        clean_report(),
        {"applications.carried_over.other_org": -1, "review_litigation.review.upheld": -2},
    )
    paths = [f.paths[0] for f in of_code(check(report), "D.1")]
    assert paths == ["applications.carried_over.other_org", "review_litigation.review.upheld"]


def test_negative_count_still_enters_the_arithmetic() -> None:
    report = with_cells(clean_report(), {"review_litigation.review.upheld": -2})
    (finding,) = of_code(check(report), "T4.1")
    assert (finding.status, finding.computed) == (Status.FAIL, -2)


def test_d2_fails_for_a_negative_amount() -> None:
    report = with_cells(clean_report(), {"proactive.fees.amount": Money(Decimal("-0.5"))})
    (finding,) = of_code(check(report), "D.2")
    assert finding.paths == ("proactive.fees.amount",)
    assert finding.reported == Decimal("-0.5")
    assert finding.to_dict()["reported"] == "-0.5"


def test_d2_holds_for_a_decimal_amount() -> None:
    report = with_cells(clean_report(), {"proactive.fees.amount": Money(Decimal("7730.28"))})
    assert check(report) == ()


def test_d2_covers_the_2019_procurement_amount() -> None:
    report = with_cells(clean_report("2019"), {"proactive.procurement.amount": Money(Decimal(-1))})
    assert [f.paths for f in of_code(check(report), "D.2")] == [("proactive.procurement.amount",)]


def test_b1_notices_each_blank_cell_with_its_path() -> None:
    report = with_cells(
        clean_report(),
        {"applications.new_received.research_institution": BLANK, "proactive.fees.amount": BLANK},
    )
    found = of_code(check(report), "B.1")
    assert [f.paths for f in found] == [
        ("applications.new_received.research_institution",),
        ("proactive.fees.amount",),
    ]
    assert all(f.severity is Severity.NOTICE for f in found)
    assert found[0].reported == ""
    assert "「一、本年新收政府信息公开申请数量 / 法人或其他组织 / 科研机构」" in found[0].message_zh


def test_b1_is_silent_without_blank_cells() -> None:
    assert of_code(check(clean_report()), "B.1") == []


def test_b2_notices_each_cell_marked_not_applicable() -> None:
    report = with_cells(clean_report(), {"proactive.licensing.decisions": NOT_APPLICABLE})
    (finding,) = of_code(check(report), "B.2")
    assert finding.paths == ("proactive.licensing.decisions",)
    assert finding.reported == "/"
    assert of_code(check(report), "B.1") == []


def test_e1_notices_each_extra_row_and_where_it_stood() -> None:
    report = clean_report("2019")
    extra = ExtraRow(label="其他主动公开文件", values=(5, 5, 20), after="normative_documents")
    report = attrs.evolve(report, proactive=attrs.evolve(report.proactive, extra_rows=(extra,)))
    (finding,) = of_code(check(report), "E.1")
    assert finding.severity is Severity.NOTICE
    assert finding.paths == ("proactive.extra_rows[0]",)
    assert "「其他主动公开文件」（「规范性文件」之后）" in finding.message_zh


def test_e1_is_silent_without_extra_rows() -> None:
    assert of_code(check(clean_report("2019")), "E.1") == []
