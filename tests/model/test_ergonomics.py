"""Authoring conveniences: lists for tuples, with_metadata, with_extra_rows, the totals
fill_totals changed, and findings read back from their dicts."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import attrs
import pytest

from govinfo_report import (
    BLANK,
    Contact,
    ExtraRow,
    Finding,
    ReportValueError,
    Section,
    Severity,
    Status,
    Subsection,
    Table,
    TotalChange,
    blank_report,
    check,
    fill_totals,
    get_format,
    load,
)

EXAMPLE = "examples/example_2021.yaml"


# --- lists where tuples are stored ------------------------------------------------------------


def test_text_fields_accept_lists_and_store_tuples() -> None:
    sub = Subsection(heading="（一）主动公开", paragraphs=["一段。", "二段。"])
    section = Section(
        id="overview", heading="一、总体情况", paragraphs=["导语。"], subsections=[sub]
    )
    assert sub.paragraphs == ("一段。", "二段。")
    assert section.paragraphs == ("导语。",)
    assert section.subsections == (sub,)
    assert hash(section)  # still immutable and hashable


def test_report_intro_and_sections_accept_lists() -> None:
    report = blank_report(year=2023)
    changed = attrs.evolve(report, intro=["引言。"], sections=list(report.sections))
    assert changed.intro == ("引言。",)
    assert changed.sections == report.sections


def test_table_values_and_extra_rows_accept_lists() -> None:
    spec = get_format("2021").review_litigation
    table = Table(spec=spec, values=[0] * 15, extra_rows=[ExtraRow(label="其他", values=[1, 2])])
    assert table.values == (0,) * 15
    assert table.extra_rows == (ExtraRow(label="其他", values=(1, 2)),)


def test_a_value_that_is_neither_list_nor_tuple_is_still_refused() -> None:
    with pytest.raises(TypeError, match="paragraphs must be a tuple of strings"):
        Subsection(heading="（一）", paragraphs="一段。")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a tuple of strings"):
        Subsection(heading="（一）", paragraphs=["一段。", 2])  # type: ignore[list-item]


def test_with_section_accepts_lists() -> None:
    report = blank_report(year=2023).with_section("problems", paragraphs=["一是……"])
    section = report.section("problems")
    assert section is not None
    assert section.paragraphs == ("一是……",)


# --- with_metadata, with_extra_rows ---------------------------------------------------------------


def test_with_metadata_sets_the_fields_given() -> None:
    report = blank_report(year=2023)
    changed = report.with_metadata(
        agency="某区某局", signing_date=dt.date(2024, 1, 20), contact=Contact(phone="12345")
    )
    assert changed.metadata.agency == "某区某局"
    assert changed.metadata.signing_date == dt.date(2024, 1, 20)
    assert changed.metadata.contact == Contact(phone="12345")
    assert changed.metadata.year == 2023
    assert changed.proactive is report.proactive


def test_with_metadata_refuses_an_unknown_field_naming_the_fields() -> None:
    with pytest.raises(TypeError, match="no metadata field 'agnecy'; expected one of agency, year"):
        blank_report(year=2023).with_metadata(agnecy="x")


def test_with_metadata_validates_as_the_model_does() -> None:
    with pytest.raises(ReportValueError):
        blank_report(year=2023).with_metadata(year=0)


def test_with_metadata_cannot_change_the_format_and_points_at_migrate() -> None:
    report = blank_report(year=2020)
    with pytest.raises(TypeError, match=re.escape("govinfo_report.migrate(report)")):
        report.with_metadata(format_version=get_format("2021").version)
    assert report.with_metadata(format_version=report.metadata.format_version) == report


def test_with_extra_rows_replaces_a_tables_extra_rows() -> None:
    report = blank_report(year=2023)
    row = ExtraRow(label="其他主动公开文件", values=[4, 0, 16], after="normative_documents")
    changed = report.with_extra_rows("proactive", [row])
    assert changed.proactive.extra_rows == (row,)
    assert changed.with_extra_rows("proactive", []).proactive.extra_rows == ()
    assert "E.1" in {f.code for f in check(changed)}


def test_with_extra_rows_refuses_an_after_the_table_lacks() -> None:
    with pytest.raises(ValueError, match="did you mean 'normative_documents'"):
        blank_report(year=2023).with_extra_rows(
            "proactive", [ExtraRow(label="x", after="normative_document")]
        )
    with pytest.raises(KeyError, match="no table 'tables'"):
        blank_report(year=2023).with_extra_rows("tables", [])


# --- fill_totals(changed=True) ---------------------------------------------------------------------


def test_fill_totals_without_changed_returns_the_report_as_before() -> None:
    report = blank_report(year=2023, fill=0)
    assert fill_totals(report) == report


def test_fill_totals_reports_a_typed_total_it_overwrote() -> None:
    report = blank_report(year=2023, fill=0).with_cells(
        {"review_litigation.review.upheld": 2, "review_litigation.review.total": 3}
    )
    filled, changes = fill_totals(report, changed=True)
    assert filled == fill_totals(report)
    assert changes == (TotalChange("review_litigation.review.total", 3, 2),)


def test_fill_totals_reports_blanks_it_filled_and_totals_it_blanked() -> None:
    report = blank_report(year=2023, fill=0).with_cells(
        {
            "applications.new_received.total": BLANK,
            "applications.carried_over.natural_person": BLANK,
            "applications.carried_over.total": 0,
        }
    )
    _, changes = fill_totals(report, changed=True)
    assert changes == (
        TotalChange("applications.new_received.total", BLANK, 0),
        TotalChange("applications.carried_over.total", 0, BLANK),
    )


def test_fill_totals_of_a_consistent_report_changes_nothing() -> None:
    report = load(EXAMPLE)
    assert fill_totals(report, changed=True) == (report, ())


# --- Finding.from_dict -----------------------------------------------------------------------------


def test_a_finding_comes_back_from_its_dict_and_json() -> None:
    report = load(EXAMPLE).with_cells({"applications.new_received.natural_person": 59})
    for finding in check(report):
        data = json.loads(json.dumps(finding.to_dict(), ensure_ascii=False))
        assert Finding.from_dict(data) == finding


def test_decimal_numbers_come_back_as_decimals() -> None:
    finding = Finding(
        code="D.2",
        severity=Severity.ERROR,
        status=Status.FAIL,
        message_zh="金额为负",
        message_en="negative amount",
        paths=("proactive.fees.amount",),
        reported="-1.5",
        computed=Decimal("0"),
        difference=Decimal("-1.5"),
        location="table 2 row 8",
    )
    data = finding.to_dict()
    assert data["location"] == "table 2 row 8"
    assert Finding.from_dict(data) == finding


def test_a_survey_line_with_its_file_key_reads_as_a_finding() -> None:
    finding = check(load(EXAMPLE).with_cells({"proactive.fees.amount": BLANK}))[0]
    assert Finding.from_dict({"file": "a.yaml", **finding.to_dict()}) == finding


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("severity", "fatal", "'fatal' is not a valid Severity"),
        ("computed", "abc", "computed must be an int, a decimal string or null"),
        ("reported", [1], "reported must be an int, a string or null"),
        ("paths", "a.b.c", "paths must be a list of strings"),
    ],
)
def test_a_dict_no_finding_has_is_refused(key: str, value: object, message: str) -> None:
    finding = check(load(EXAMPLE).with_cells({"proactive.fees.amount": BLANK}))[0]
    data = {**finding.to_dict(), key: value}
    with pytest.raises(ValueError, match=message):
        Finding.from_dict(data)
