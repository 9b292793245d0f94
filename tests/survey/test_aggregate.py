"""aggregate(): a parent's tables as the exact sums of its children's."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report import (
    BLANK,
    NOT_APPLICABLE,
    ExtraRow,
    FormatVersion,
    Money,
    ProcessingFee,
    Report,
    ReportValueError,
    Severity,
    aggregate,
    blank_report,
    check,
)
from govinfo_report.aggregate import sum_cells
from strategies import consistent_reports, reports


def _child(agency: str, cells: dict[str, object], *, year: int = 2024) -> Report:
    report = blank_report("2021", year=year, agency=agency, fill=0)
    return report.with_cells(cells)  # type: ignore[arg-type]


def test_counts_are_summed_cell_by_cell() -> None:
    a = _child("甲区", {"applications.new_received.natural_person": 3})
    b = _child("乙区", {"applications.new_received.natural_person": 4})
    total = aggregate([a, b], agency="某市人民政府")
    assert total.cell("applications.new_received.natural_person") == 7
    assert total.cell("review_litigation.review.total") == 0
    assert total.metadata.agency == "某市人民政府"
    assert (total.metadata.year, total.metadata.format_version) == (2024, FormatVersion.V2021)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1, 2, 3], 6),
        ([NOT_APPLICABLE, NOT_APPLICABLE], NOT_APPLICABLE),
        ([2, NOT_APPLICABLE, 5], 7),  # "/" contributes nothing
        ([2, BLANK, 5], BLANK),  # one unknown part: the total is unknown
        ([NOT_APPLICABLE, BLANK], BLANK),
        ([BLANK], BLANK),
        ([0], 0),
    ],
)
def test_blank_and_not_applicable_rules(values: list[object], expected: object) -> None:
    assert sum_cells(values) == expected  # type: ignore[arg-type]


def test_money_in_one_unit_keeps_it() -> None:
    assert sum_cells([Money(Decimal("1.5")), Money(Decimal("2.25"))], unit="万元") == Money(
        Decimal("3.75")
    )
    assert sum_cells([Money(Decimal("100"), "元"), Money(Decimal("5"), "元")], unit="") == Money(
        Decimal("105"), "元"
    )


def test_money_in_different_units_is_converted_exactly() -> None:
    # 7730.28 万元 + 251000 元 (= 25.1 万元) + 0.01 元 (= 0.000001 万元)
    total = sum_cells(
        [Money(Decimal("7730.28")), Money(Decimal("251000"), "元"), Money(Decimal("0.01"), "元")],
        unit="万元",
    )
    assert total == Money(Decimal("7755.380001"))
    assert isinstance(total, Money)
    assert total.unit is None


def test_money_without_a_column_unit_is_converted_to_yuan() -> None:
    total = sum_cells([Money(Decimal("2"), "万元"), Money(Decimal("300"), "元")], unit="")
    assert total == Money(Decimal("20300"), "元")


def test_money_of_unknown_unit_is_refused_when_units_differ() -> None:
    with pytest.raises(ReportValueError, match=re.escape("乙 states 5 with no unit")):
        sum_cells([Money(Decimal("2"), "元"), Money(Decimal("5"))], unit="", names=["甲", "乙"])
    with pytest.raises(ReportValueError, match="unit '美元'"):
        sum_cells([Money(Decimal("2"), "美元"), Money(Decimal("5"))], unit="万元")


def test_fees_of_the_2021_table_in_yuan_and_wan_yuan() -> None:
    a = _child("甲", {"proactive.fees.amount": Money(Decimal("12.5"))})
    b = _child("乙", {"proactive.fees.amount": Money(Decimal("5000"), "元")})
    total = aggregate([a, b]).cell("proactive.fees.amount")
    assert total == Money(Decimal("13"))
    assert str(total) == "13"  # 0.5000万元 converted, trailing zeros dropped


def test_mixed_years_are_refused_naming_the_reports() -> None:
    a, b, c = _child("甲区", {}), _child("乙区", {}, year=2023), _child("丙区", {})
    message = "cannot aggregate reports of different years (2023: 乙区 (2023); 2024: 甲区 (2024), 丙区 (2024))"
    with pytest.raises(ReportValueError, match=re.escape(message)):
        aggregate([a, b, c])


def test_mixed_formats_are_refused() -> None:
    a = blank_report("2021", year=2020, agency="甲", fill=0)
    b = blank_report("2019", year=2020, agency="乙", fill=0)
    with pytest.raises(
        ReportValueError, match=re.escape("different formats (2019: 乙 (2020); 2021: 甲 (2020))")
    ):
        aggregate([a, b])


def test_nothing_to_aggregate() -> None:
    with pytest.raises(ReportValueError, match="no reports"):
        aggregate([])


def _with_extra(report: Report, *rows: ExtraRow) -> Report:
    return attrs.evolve(report, proactive=attrs.evolve(report.proactive, extra_rows=rows))


def test_extra_rows_are_summed_by_label() -> None:
    a = _with_extra(_child("甲", {}), ExtraRow(label="其他主动公开文件", values=(3,), after="fees"))
    b = _with_extra(
        _child("乙", {}), ExtraRow(label=" 其他主动公开文件", values=(4,), after="fees")
    )
    (row,) = aggregate([a, b]).proactive.extra_rows
    assert (row.values, row.after) == ((7,), "fees")


def test_an_extra_row_one_child_lacks_is_blank() -> None:
    a = _with_extra(_child("甲", {}), ExtraRow(label="其他主动公开文件", values=(3,)))
    (row,) = aggregate([a, _child("乙", {})]).proactive.extra_rows
    assert row.values == (BLANK,)


def test_extra_rows_of_different_widths_are_refused() -> None:
    a = _with_extra(_child("甲", {}), ExtraRow(label="其他", values=(3,)))
    b = _with_extra(_child("乙", {}), ExtraRow(label="其他", values=(3, 4)))
    with pytest.raises(ReportValueError, match=re.escape("甲 (2024): 1, 乙 (2024): 2")):
        aggregate([a, b])


def test_processing_fee_is_summed_only_when_every_child_states_it() -> None:
    a = attrs.evolve(_child("甲", {}), processing_fee=ProcessingFee(amount=Decimal("10.5")))
    b = attrs.evolve(_child("乙", {}), processing_fee=ProcessingFee(amount=Decimal("0")))
    assert aggregate([a, b]).processing_fee == ProcessingFee(amount=Decimal("10.5"))
    assert aggregate([a, _child("丙", {})]).processing_fee is None


def _distinct_extra_labels(report: Report) -> bool:
    labels = ["".join(r.label.split()) for t in report.tables for r in t.extra_rows]
    return len(labels) == len(set(labels))


@settings(max_examples=40, deadline=None)
@given(reports().filter(_distinct_extra_labels))
def test_aggregate_of_one_is_its_tables(report: Report) -> None:
    total = aggregate([report])
    for mine, theirs in zip(total.tables, report.tables, strict=True):
        assert mine.values == theirs.values
        assert sorted(map(repr, mine.extra_rows)) == sorted(map(repr, theirs.extra_rows))


@settings(max_examples=30, deadline=None)
@given(st.lists(consistent_reports(FormatVersion.V2021), min_size=2, max_size=4), st.randoms())
def test_aggregate_does_not_depend_on_order(children: list[Report], random: object) -> None:
    children = [attrs.evolve(c, metadata=attrs.evolve(c.metadata, year=2024)) for c in children]
    shuffled = list(children)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert aggregate(children).tables == aggregate(shuffled).tables


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_cross_checks_hold_on_the_aggregate_of_consistent_reports(data: st.DataObject) -> None:
    version = data.draw(st.sampled_from(list(FormatVersion)))
    children = data.draw(st.lists(consistent_reports(version), min_size=1, max_size=4))
    year = children[0].metadata.year
    children = [attrs.evolve(c, metadata=attrs.evolve(c.metadata, year=year)) for c in children]
    errors = [
        f.code
        for f in check(aggregate(children, agency="某市人民政府"))
        if f.severity is Severity.ERROR and f.code.startswith(("T3.", "T4."))
    ]
    assert errors == []
