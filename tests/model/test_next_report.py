"""next_report(): this year's report started from last year's, to fill in."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from govinfo_report import (
    BLANK,
    FormatVersion,
    Report,
    Section,
    Status,
    Subsection,
    blank_report,
    check,
    load,
    next_report,
)
from strategies import consistent_reports

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LAST = load(EXAMPLES / "example_2021.yaml")


def test_metadata_is_carried_and_the_year_is_the_next() -> None:
    meta = next_report(LAST).metadata
    before = LAST.metadata
    assert (meta.agency, meta.agency_kind, meta.contact) == (
        before.agency,
        before.agency_kind,
        before.contact,
    )
    assert meta.year == before.year + 1
    assert (meta.signing_date, meta.publication_date, meta.title) == (None, None, None)


def test_the_year_and_format_can_be_given() -> None:
    report = next_report(LAST, year=2030, version="2019")
    assert (report.metadata.year, report.metadata.format_version) == (2030, FormatVersion.V2019)


def test_the_sections_keep_their_headings_and_lose_their_text() -> None:
    report = next_report(LAST)
    assert [(s.id, s.heading) for s in report.sections] == [
        (s.id, s.heading) for s in LAST.sections
    ]
    assert all(not s.paragraphs for s in report.sections)
    assert all(not sub.paragraphs for s in report.sections for sub in s.subsections)
    overview, before = report.sections[0], LAST.sections[0]
    assert [s.heading for s in overview.subsections] == [s.heading for s in before.subsections]
    assert report.intro == ()
    assert report.processing_fee is None


def test_a_standard_section_last_year_lacked_is_added() -> None:
    report = next_report(attrs.evolve(LAST, sections=LAST.sections[:5]))
    assert [s.id for s in report.sections][-1] == "other"


def test_carried_over_is_last_years_carried_forward_column_by_column() -> None:
    report = next_report(LAST)
    for column in report.applications.spec.groups[0].columns:
        carried = report.applications.get("carried_over", column.id)
        assert carried == LAST.applications.get("carried_forward", column.id)
    assert report.applications["carried_over.total"] == 5


def test_in_force_is_carried_and_every_other_cell_is_blank() -> None:
    report = next_report(LAST)
    carried = {"rules.in_force", "normative_documents.in_force"}
    for cell, value in report.proactive.items():
        if cell.id in carried:
            assert value == LAST.proactive[cell.id]
        else:
            assert value is BLANK
    rows = [r for r in report.applications.spec.rows if r.id != "carried_over"]
    assert all(report.applications.get(r.id, c.id) is BLANK for r in rows for c in (r and ()) or ())
    assert all(v is BLANK for v in report.review_litigation.values)
    leaf = [v for cell, v in report.applications.items() if not cell.id.startswith("carried_over.")]
    assert set(leaf) == {BLANK}


def test_the_2019_format_carries_its_item_counts() -> None:
    last = blank_report("2019", year=2019, fill=0).with_cells(
        {"proactive.licensing.items_last_year": 15, "proactive.licensing.change": -3}
    )
    last = last.with_cells({"proactive.fees.change": BLANK})
    report = next_report(last)
    assert report.proactive["licensing.items_last_year"] == 12
    assert report.proactive["fees.items_last_year"] is BLANK  # a blank part: no guess
    failed = [f for f in check(report, previous=last) if f.status is Status.FAIL]
    assert [f.code for f in failed if f.code.startswith("X.")] == []


def test_a_change_of_format_carries_table_3_only() -> None:
    last = blank_report("2019", year=2020, fill=0).with_cells(
        {"applications.carried_forward.natural_person": 2}
    )
    report = next_report(last)
    assert report.metadata.format_version is FormatVersion.V2021
    assert report.applications["carried_over.natural_person"] == 2
    assert set(report.proactive.values) == {BLANK}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_reports())
def test_the_new_report_passes_x1_against_last_years(last: Report) -> None:
    report = next_report(last)
    findings = check(report, previous=last)
    assert [f for f in findings if f.code == "X.1"] == []
    assert any(r.startswith("X.1.") for r in _rules(report, last))


def _rules(report: Report, last: Report) -> list[str]:
    from govinfo_report.checks import ruleset

    return list(ruleset(report.metadata.format_version, last.metadata.format_version))


def test_run_in_sub_headings_keep_their_form() -> None:
    problems = Section(
        id="problems",
        heading="五、存在的主要问题及改进情况",
        subsections=(
            Subsection(heading="（一）存在的问题。", paragraphs=("一是……",), run_in=True),
        ),
    )
    last = LAST.with_section("problems", subsections=problems.subsections)
    (sub,) = next_report(last).section("problems").subsections  # type: ignore[union-attr]
    assert (sub.heading, sub.paragraphs, sub.run_in) == ("（一）存在的问题。", (), True)


def test_a_year_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="year must be between 1 and 9998"):
        next_report(LAST, year=9999)
