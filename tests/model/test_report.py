"""The report: local shape only, blank reports, fill_totals."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from govinfo_report import (
    BLANK,
    NOT_APPLICABLE,
    AgencyKind,
    FormatVersion,
    GovinfoReportError,
    Table,
    blank_report,
    fill_totals,
    get_format,
)


def test_blank_report_uses_the_format_of_the_year():
    assert blank_report(year=2020).metadata.format_version is FormatVersion.V2019
    assert blank_report(year=2024).metadata.format_version is FormatVersion.V2021


def test_blank_report_can_use_an_outdated_format_on_purpose():
    report = blank_report("2019", year=2022)
    assert report.metadata.format_version is FormatVersion.V2019
    assert len(report.proactive.values) == 22


def test_blank_report_has_six_standard_sections():
    report = blank_report(year=2023, agency="某县财政局")
    assert [s.heading for s in report.sections] == [s.heading for s in get_format("2021").sections]
    assert all(s.is_empty for s in report.sections)
    assert report.title == "某县财政局2023年政府信息公开工作年度报告"


def test_a_table_of_the_other_format_is_rejected():
    report = blank_report(year=2023)
    with pytest.raises(ValueError, match="2019 format"):
        attrs.evolve(report, applications=Table.blank(get_format("2019").applications))


def test_a_table_in_the_wrong_slot_is_rejected():
    report = blank_report(year=2023)
    with pytest.raises(ValueError, match="needs its applications table"):
        attrs.evolve(report, applications=report.review_litigation)


def test_metadata_types_are_checked():
    report = blank_report(year=2023)
    with pytest.raises(TypeError):
        attrs.evolve(report.metadata, year="2023")
    with pytest.raises(TypeError):
        attrs.evolve(report.metadata, signing_date="2024-01-01")
    assert attrs.evolve(
        report.metadata, signing_date=dt.date(2024, 1, 17), agency_kind=AgencyKind.GOVERNMENT
    ).signing_date == dt.date(2024, 1, 17)


@pytest.mark.parametrize("year", [0, -5, 9999, 10_000, 10**40])
def test_a_year_outside_1_to_9998_is_refused_with_its_range(year):
    # Year N's deadline falls in N+1, and Python's dates end in 9999.
    with pytest.raises(ValueError, match=f"year must be between 1 and 9998, got {year}$") as info:
        blank_report("2021", year=year)
    assert isinstance(info.value, GovinfoReportError)  # the command line's clear error


@pytest.mark.parametrize("year", [1, 2018, 9998])
def test_every_year_with_a_deadline_year_after_it_is_held(year):
    assert blank_report("2021", year=year).metadata.year == year


def test_a_bool_is_not_a_year():
    with pytest.raises(TypeError, match="year must be an int, got bool"):
        attrs.evolve(blank_report(year=2023).metadata, year=True)


def test_report_cell_addresses_table_row_column():
    report = blank_report(year=2023, fill=2)
    assert report.cell("applications.new_received.natural_person") == 2
    with pytest.raises(KeyError, match="no table"):
        report.cell("nope.x.y")


def test_fill_totals_computes_table3_row_and_column_totals():
    report = fill_totals(blank_report(year=2023, fill=1))
    t3 = report.applications
    # 21 outcome rows in 2021, one per applicant column.
    assert t3["total_outcomes.natural_person"] == 21
    assert t3["new_received.total"] == 6
    assert t3["total_outcomes.total"] == 126


def test_fill_totals_computes_table4_totals():
    report = fill_totals(blank_report(year=2023, fill=3))
    assert [
        report.review_litigation[f"{g}.total"]
        for g in ("review", "litigation_direct", "litigation_after_review")
    ] == [12, 12, 12]


def test_fill_totals_does_not_touch_carried_forward():
    report = fill_totals(blank_report(year=2023, fill=1))
    assert report.applications["carried_forward.natural_person"] == 1


def test_fill_totals_leaves_a_total_blank_when_a_part_is_not_a_number():
    report = blank_report(year=2023, fill=1)
    t3 = report.applications.replace(
        {"disclosed.natural_person": BLANK, "carried_over.research_institution": NOT_APPLICABLE}
    )
    filled = fill_totals(attrs.evolve(report, applications=t3)).applications
    assert filled["total_outcomes.natural_person"] is BLANK
    assert filled["carried_over.total"] is BLANK
    assert filled["new_received.total"] == 6


def test_fill_totals_is_explicit_construction_computes_nothing():
    report = blank_report(year=2023, fill=1)
    assert report.applications["total_outcomes.total"] == 1


def test_with_cells_sets_cells_across_tables_and_computes_nothing():
    report = blank_report(year=2023).with_cells(
        {
            "applications.new_received.natural_person": 12,
            "proactive.licensing.decisions": 312,
            "review_litigation.review.upheld": 1,
        }
    )
    assert report.cell("applications.new_received.natural_person") == 12
    assert report.cell("proactive.licensing.decisions") == 312
    assert report.cell("review_litigation.review.upheld") == 1
    assert report.cell("applications.new_received.total") is BLANK


def test_with_cells_names_an_unknown_path():
    with pytest.raises(KeyError, match="no table 'nope'"):
        blank_report(year=2023).with_cells({"nope.a.b": 1})
    with pytest.raises(KeyError, match=r"no cell 'nope\.total'"):
        blank_report(year=2023).with_cells({"applications.nope.total": 1})


def test_with_section_replaces_only_what_is_given():
    from govinfo_report import Subsection

    report = blank_report(year=2023).with_section(
        "problems",
        paragraphs=("一是……",),
        subsections=(Subsection(heading="（一）存在的主要问题"),),
    )
    problems = report.section("problems")
    assert problems is not None
    assert problems.heading == "五、存在的主要问题及改进情况"
    assert problems.paragraphs == ("一是……",)
    assert [s.heading for s in problems.subsections] == ["（一）存在的主要问题"]
    again = report.with_section("problems", heading="五、存在的主要问题及整改措施")
    assert again.section("problems").paragraphs == ("一是……",)  # type: ignore[union-attr]
    assert again.section("problems").heading == "五、存在的主要问题及整改措施"  # type: ignore[union-attr]


def test_with_section_adds_a_missing_section_in_its_place():
    report = blank_report(year=2023)
    without = attrs.evolve(report, sections=tuple(s for s in report.sections if s.id != "problems"))
    restored = without.with_section("problems", paragraphs=("无。",))
    assert [s.id for s in restored.sections] == [s.id for s in report.sections]
    assert restored.section("problems").heading == "五、存在的主要问题及改进情况"  # type: ignore[union-attr]


def test_with_section_refuses_an_unknown_id():
    with pytest.raises(KeyError, match="no section 'summary'"):
        blank_report(year=2023).with_section("summary", paragraphs=())


def test_a_processing_fee_out_of_range_is_refused():
    from decimal import Decimal

    from govinfo_report import ProcessingFee
    from govinfo_report.model.cells import AmountRangeError

    with pytest.raises(AmountRangeError, match="1000000000 digits before the decimal point"):
        ProcessingFee(amount=Decimal("1e999999999"))
