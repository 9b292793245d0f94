"""Our own workbook reads back losslessly: model → XlsxWriter → XlsxReader → model.

Over arbitrary reports (wrong totals, blanks, "/", negative counts, money with its unit,
extra rows) and consistent ones, in both formats. A workbook carries the figures and
the metadata, not the text: the report read back is the one written without its intro
and sections, and nothing else differs.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report import (
    BLANK,
    NOT_APPLICABLE,
    AgencyKind,
    Contact,
    ExtraRow,
    Money,
    ProcessingFee,
    blank_report,
    check,
    fill_totals,
    load,
)
from govinfo_report.checks.findings import Severity
from govinfo_report.formats import CellKind
from govinfo_report.model import Report
from govinfo_report.readers import detect, read_report
from govinfo_report.readers.xlsx import XlsxReader
from govinfo_report.writers import render
from readers.test_docx_roundtrip import as_printed, with_extra
from strategies import consistent_reports, reports

READER = XlsxReader()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def untold(report: Report) -> Report:
    """``report`` as a workbook holds it: no text."""
    return attrs.evolve(report, intro=(), sections=())


def round_trip(report: Report) -> Report:
    result = READER.read(render(report, "xlsx"), source="roundtrip.xlsx")
    assert [f for f in result.findings if f.severity is Severity.ERROR] == []
    return result.report


@st.composite
def with_money_units(draw: st.DrawFn, report: Report) -> Report:
    """``report`` with some amounts written with a unit in the cell ("12.5万元")."""
    tables = {}
    for table in report.tables:
        values = list(table.values)
        for cell in table.spec.cells:
            value = values[cell.index]
            if cell.kind is CellKind.MONEY and isinstance(value, Money):
                unit = draw(st.sampled_from([None, "元", "万元"]))
                values[cell.index] = Money(value.amount, unit)
        tables[table.spec.id] = attrs.evolve(table, values=tuple(values))
    return attrs.evolve(report, **tables)


@SETTINGS
@given(reports().map(as_printed).flatmap(with_money_units))
def test_any_report_round_trips(report: Report) -> None:
    assert round_trip(report) == untold(report)


@SETTINGS
@given(consistent_reports())
def test_a_consistent_report_round_trips_with_no_finding_but_the_text(report: Report) -> None:
    result = READER.read(render(report, "xlsx"), source="roundtrip.xlsx")
    assert result.report == untold(report)
    assert result.findings == ()


@pytest.mark.parametrize("example", ["example_2021.yaml", "dongtou_2020.yaml"])
def test_the_examples_round_trip(example: str) -> None:
    report = load(EXAMPLES / example)
    assert round_trip(report) == untold(report)


def test_a_blank_report_round_trips_blank() -> None:
    report = blank_report(year=2024, agency="某局")
    assert round_trip(report) == untold(report)


def test_a_workbook_is_detected_by_its_content() -> None:
    data = render(blank_report(year=2024, agency="某局"), "xlsx")
    assert detect(data).name == "xlsx"
    assert detect(data, ".bin").name == "xlsx"


def test_read_report_reads_a_workbook_file(tmp_path: Path) -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    path = tmp_path / "report.xlsx"
    path.write_bytes(render(report, "xlsx"))
    assert read_report(path).report == untold(report)


def test_not_applicable_and_money_with_units_round_trip() -> None:
    report = load(EXAMPLES / "example_2021.yaml").with_cells(
        {
            "proactive.rules.issued": NOT_APPLICABLE,
            "proactive.fees.amount": Money(Decimal("251000"), "元"),
            "applications.new_received.natural_person": NOT_APPLICABLE,
        }
    )
    assert round_trip(report) == untold(report)


def test_counts_beyond_what_a_double_holds_round_trip() -> None:
    report = load(EXAMPLES / "example_2021.yaml").with_cells(
        {"proactive.rules.issued": 10**17 + 1, "proactive.fees.amount": Money(Decimal("1.000001"))}
    )
    assert round_trip(report) == untold(report)


@pytest.mark.parametrize(
    ("table_id", "extra"),
    [
        (
            "proactive",
            ExtraRow(label="其他主动公开文件", values=(9, NOT_APPLICABLE, 3), after="rules"),
        ),
        ("proactive", ExtraRow(label="其他文件", values=(), after="rules")),
        ("applications", ExtraRow(label="其他情形", values=(1, 2), after="not_processed_repeated")),
        ("applications", ExtraRow(label="首行", values=(1,), after=None)),
        ("review_litigation", ExtraRow(label="其他", values=(1, 2, 3), after="review")),
        ("review_litigation", ExtraRow(label="其他", values=(), after=None)),
    ],
)
def test_extra_rows_round_trip(table_id: str, extra: ExtraRow) -> None:
    report = with_extra(
        blank_report(year=2023, agency="沭阳县发展和改革局", fill=0), table_id, extra
    )
    assert round_trip(report) == untold(report)


def test_table4_extra_row_below_a_blank_line_of_values_keeps_its_row() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局")
    extra = ExtraRow(label="其他", values=(1,), after="litigation_after_review")
    report = with_extra(report, "review_litigation", extra)
    assert round_trip(report).review_litigation == report.review_litigation


def test_every_metadata_field_round_trips() -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    meta = attrs.evolve(
        report.metadata,
        agency_kind=AgencyKind.TOWNSHIP,
        title="某镇2024年度政务公开报告",
        signing_date=dt.date(2025, 1, 31),
        publication_date=dt.date(2025, 2, 1),
        contact=Contact(
            office="党政办", address="某镇1号", postcode="325000", phone="0577-1", email="a@b.cn"
        ),
    )
    report = attrs.evolve(
        report, metadata=meta, processing_fee=ProcessingFee(amount=Decimal("12.5"), applications=3)
    )
    assert round_trip(report) == untold(report)


@pytest.mark.parametrize("contact", [None, Contact()])
def test_no_contact_and_an_empty_one_stay_apart(contact: Contact | None) -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    report = attrs.evolve(report, metadata=attrs.evolve(report.metadata, contact=contact))
    assert round_trip(report).metadata.contact == contact


def test_no_fee_stays_no_fee() -> None:
    report = attrs.evolve(load(EXAMPLES / "example_2021.yaml"), processing_fee=None)
    assert round_trip(report).processing_fee is None


def test_text_with_escapes_and_line_breaks_round_trips() -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    meta = attrs.evolve(report.metadata, title=" 标题_x0041_\r\n第二行 ", agency="某局_x005F_")
    report = attrs.evolve(report, metadata=meta)
    assert round_trip(report).metadata == meta


def test_a_workbook_filled_in_with_openpyxl_reads_its_figures_and_says_its_totals_are_not_computed() -> (
    None
):
    # openpyxl, like any program, saves no formula results: the totals read blank with a
    # finding, and fill_totals computes them, as an author would.
    report = blank_report(year=2024, agency="某局", fill=0)
    book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    sheet = book["三、收到和处理政府信息公开申请情况"]
    sheet["D4"], sheet["D6"], sheet["D28"] = 3, 2, 1  # 一, （一）, 四 of 自然人
    buffer = io.BytesIO()
    book.save(buffer)
    result = READER.read(buffer.getvalue(), source="filled.xlsx")
    table = result.report.applications
    assert (table["new_received.natural_person"], table["disclosed.natural_person"]) == (3, 2)
    formulas = [f for f in result.findings if f.code == "R.XLSX.FORMULA"]
    assert [f.location for f in formulas] == [
        "sheet '三、收到和处理政府信息公开申请情况'",
        "sheet '四、政府信息公开行政复议、行政诉讼情况'",
    ]
    assert table["new_received.total"] is BLANK
    completed = fill_totals(result.report)
    assert completed.applications["new_received.total"] == 3
    assert completed.applications["total_outcomes.natural_person"] == 2
    assert [f.code for f in check(completed) if f.code.startswith("T")] == []


def test_the_command_line_renders_a_workbook_and_imports_it_back(tmp_path: Path) -> None:
    from govinfo_report.cli import run

    source = EXAMPLES / "example_2021.yaml"
    book, back = tmp_path / "report.xlsx", tmp_path / "back.yaml"
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run(["render", "--lang", "en", str(source), "-o", str(book)], stdout, stderr) == 0, (
        stderr.getvalue()
    )
    assert run(["import", "--lang", "en", str(book), "-o", str(back)], stdout, stderr) == 0, (
        stderr.getvalue()
    )
    assert "(200 of 200 table cells read)" in stderr.getvalue()
    assert load(back) == untold(load(source))
    refused = io.StringIO()
    args = ["render", "--lang", "en", str(source), "--to", "xlsx", "-o", "-", "--lang", "en"]
    assert run(args, stdout, refused) == 2
    assert "xlsx output is binary" in refused.getvalue()
