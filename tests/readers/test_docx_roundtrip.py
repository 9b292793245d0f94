"""Our own DOCX output reads back losslessly: model → DocxWriter → DocxReader → model.

Over arbitrary reports (wrong totals, blanks, "/", negative counts, money with units,
extra rows) and consistent ones, in both formats. Printed content is read from the
visible document; the few unprinted fields come from the embedded document property.
"""

from __future__ import annotations

import html
import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from govinfo_report import NOT_APPLICABLE, ExtraRow, ProcessingFee, _embedded, blank_report
from govinfo_report.checks.findings import Severity
from govinfo_report.model import Report
from govinfo_report.readers import read_report
from govinfo_report.readers.docx import EMBEDDED_CODE, DocxReader
from govinfo_report.writers import render
from readers.docx_parts import custom_properties
from strategies import consistent_reports, reports

READER = DocxReader()
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def round_trip(report: Report) -> Report:
    result = READER.read(render(report, "docx"), source="roundtrip.docx")
    assert [f for f in result.findings if f.severity is Severity.ERROR] == []
    return result.report


def as_printed(report: Report) -> Report:
    """``report`` with its extra rows in document order: before the first row, then
    after each row in turn."""
    tables = {}
    for table in report.tables:
        rows = [r.id for r in table.spec.rows]
        order = {None: -1, **{row: i for i, row in enumerate(rows)}}
        # Stable sort: rows printed at the same place keep their order.
        extras = sorted(table.extra_rows, key=lambda e: order[e.after])
        tables[table.spec.id] = attrs.evolve(table, extra_rows=tuple(extras))
    return attrs.evolve(report, **tables)


@SETTINGS
@given(reports().map(as_printed))
def test_any_report_round_trips(report: Report) -> None:
    assert round_trip(report) == report


def with_extra(report: Report, table_id: str, extra: ExtraRow) -> Report:
    table = report.table(table_id)
    return attrs.evolve(report, **{table_id: attrs.evolve(table, extra_rows=(extra,))})


def test_extra_row_with_values_in_table2_round_trips() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    extra = ExtraRow(label="其他主动公开文件", values=(9, NOT_APPLICABLE, 3), after="rules")
    report = with_extra(report, "proactive", extra)
    assert round_trip(report) == report


def test_extra_row_without_values_round_trips() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    report = with_extra(report, "proactive", ExtraRow(label="其他文件", values=(), after="rules"))
    assert round_trip(report) == report


def test_extra_row_in_table3_round_trips() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    extra = ExtraRow(label="其他情形", values=(1, 2), after="not_processed_repeated")
    report = with_extra(report, "applications", extra)
    assert round_trip(report) == report


def test_extra_row_in_table4_round_trips() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    extra = ExtraRow(label="其他", values=(1, 2, 3), after="litigation_after_review")
    report = with_extra(report, "review_litigation", extra)
    assert round_trip(report) == report


@pytest.mark.parametrize("after", ["review", "litigation_direct"])
def test_table4_extra_row_keeps_the_row_it_follows(after: str) -> None:
    # Printed sideways, Table 4 shows such a row below its one line of values like one
    # after 复议后起诉; the embedded property records which row it follows.
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    report = with_extra(
        report, "review_litigation", ExtraRow(label="其他", values=(1,), after=after)
    )
    assert round_trip(report).review_litigation.extra_rows == report.review_litigation.extra_rows


def test_table4_extra_rows_around_and_after_each_row_round_trip() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=1)
    extras = (
        ExtraRow(label="甲", values=(1,), after=None),
        ExtraRow(label="乙", values=(2, 3), after="review"),
        ExtraRow(label="丙", values=(), after="review"),
        ExtraRow(label="丁", values=(4,), after="litigation_direct"),
        ExtraRow(label="戊", values=(5,), after="litigation_after_review"),
    )
    table = attrs.evolve(report.review_litigation, extra_rows=extras)
    report = attrs.evolve(report, review_litigation=table)
    assert round_trip(report) == report


def test_table4_extra_row_below_a_blank_line_of_values_keeps_its_row() -> None:
    # The line of fifteen blank cells has no text; the row below it was read as first.
    report = blank_report(year=2023, agency="沭阳县发展和改革局")
    extra = ExtraRow(label="其他", values=(1,), after="litigation_after_review")
    report = with_extra(report, "review_litigation", extra)
    assert round_trip(report).review_litigation == report.review_litigation


def test_table4_record_is_written_only_when_the_print_cannot_show_the_row() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    last = ExtraRow(label="其他", values=(1,), after="litigation_after_review")
    assert _embedded.SIDEWAYS_AFTER not in json.loads(
        _embedded.dumps(with_extra(report, "review_litigation", last))
    )


def test_table4_extra_rows_stay_as_printed_when_the_record_no_longer_matches() -> None:
    # The document gained or lost extra rows after it was written: the record of two
    # rows cannot say which row the one printed row follows.
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    printed = with_extra(
        report, "review_litigation", ExtraRow(label="其他", values=(1,), after="review")
    )
    record = json.loads(_embedded.dumps(printed))
    record[_embedded.SIDEWAYS_AFTER] = ["review", "litigation_direct"]
    data = _with_custom_xml(
        render(printed, "docx"),
        custom_properties(_embedded.PROPERTY, html.escape(json.dumps(record, ensure_ascii=False))),
    )
    (extra,) = READER.read(data, source="edited.docx").report.review_litigation.extra_rows
    assert extra.after == "litigation_after_review"


def test_table4_record_naming_no_row_is_reported() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    printed = with_extra(
        report, "review_litigation", ExtraRow(label="其他", values=(1,), after="review")
    )
    record = json.loads(_embedded.dumps(printed))
    record[_embedded.SIDEWAYS_AFTER] = ["nowhere"]
    data = _with_custom_xml(
        render(printed, "docx"),
        custom_properties(_embedded.PROPERTY, html.escape(json.dumps(record, ensure_ascii=False))),
    )
    result = READER.read(data, source="edited.docx")
    (finding,) = [f for f in result.findings if f.code == EMBEDDED_CODE]
    assert "review_litigation_after must be a list of row ids" in finding.message_en


def test_table4_values_stay_in_place_after_a_leading_extra_row() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=1)
    extra = ExtraRow(label="其他", values=(7,), after=None)
    report = with_extra(report, "review_litigation", extra)
    assert round_trip(report).review_litigation.values == report.review_litigation.values


@SETTINGS
@given(consistent_reports())
def test_consistent_report_round_trips(report: Report) -> None:
    assert round_trip(report) == report


def test_blank_report_of_each_format_round_trips() -> None:
    for year in (2020, 2023):
        report = blank_report(year=year, agency="沭阳县发展和改革局")
        assert round_trip(report) == report


def test_read_report_detects_our_docx() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    assert read_report(render(report, "docx")).report == report


def _stating_a_fee(report: Report, text: str) -> Report:
    """``report`` whose section 六 prints ``text``."""
    sections = tuple(
        attrs.evolve(s, paragraphs=(text,), subsections=()) if s.id == "other" else s
        for s in report.sections
    )
    return attrs.evolve(report, sections=sections)


def test_embedded_processing_fee_wins_over_the_text_of_section_six() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    report = attrs.evolve(
        _stating_a_fee(report, "本年度收取信息处理费120元。"),
        processing_fee=ProcessingFee(amount=Decimal("80.50"), applications=2),
    )
    result = READER.read(render(report, "docx"), source="ours.docx")
    assert result.report == report
    assert "R.FEE" not in {f.code for f in result.findings}


def test_no_embedded_processing_fee_stays_none_whatever_the_text_says() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    report = _stating_a_fee(report, "本年度未收取信息处理费。")
    assert report.processing_fee is None
    result = READER.read(render(report, "docx"), source="ours.docx")
    assert result.report == report
    assert "R.FEE" not in {f.code for f in result.findings}


def test_text_fee_is_read_when_the_embedded_property_is_unreadable() -> None:
    report = _stating_a_fee(
        blank_report(year=2023, agency="沭阳县发展和改革局", fill=0), "本年度未收取信息处理费。"
    )
    data = _with_custom_xml(
        render(report, "docx"), custom_properties(_embedded.PROPERTY, "{not json")
    )
    result = READER.read(data, source="x.docx")
    assert result.report.processing_fee == ProcessingFee(amount=Decimal(0))
    assert {EMBEDDED_CODE, "R.FEE"} <= {f.code for f in result.findings}


def _with_custom_xml(data: bytes, custom: str) -> bytes:
    """``data`` (a DOCX) with ``docProps/custom.xml`` replaced."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/custom.xml":
                content = custom.encode()
            target.writestr(info.filename, content)
    return out.getvalue()


def test_unreadable_embedded_property_is_a_warning_not_a_crash() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    data = render(report, "docx")
    broken = _with_custom_xml(data, custom_properties(_embedded.PROPERTY, "{not json"))
    result = READER.read(broken, source="x.docx")
    (finding,) = [f for f in result.findings if f.code == EMBEDDED_CODE]
    assert finding.severity is Severity.WARNING
    assert "not JSON" in finding.message_en
    # Printed content is still read.
    assert result.report.metadata.agency == report.metadata.agency


def test_embedded_property_of_an_unknown_version_is_reported() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    data = render(report, "docx")
    other = _with_custom_xml(data, custom_properties(_embedded.PROPERTY, '{"version": 99}'))
    result = READER.read(other, source="x.docx")
    assert [f.code for f in result.findings if f.code == EMBEDDED_CODE] == [EMBEDDED_CODE]


def test_our_docx_gives_no_agency_kind_or_fee_finding() -> None:
    # The kind and the fee come from the embedded property: nothing was inferred.
    report = _stating_a_fee(
        blank_report(year=2023, agency="沭阳县发展和改革局", fill=0), "本年度未收取信息处理费。"
    )
    codes = {f.code for f in READER.read(render(report, "docx"), source="ours.docx").findings}
    assert not codes & {"R.AGENCY_KIND", "R.FEE"}
