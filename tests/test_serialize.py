"""The interchange format: lossless round trips through JSON, YAML and TOML, and the
exact encoding of cells, money, dates and text."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from govinfo_report import (
    BLANK,
    NOT_APPLICABLE,
    ExtraRow,
    FormatVersion,
    Money,
    ProcessingFee,
    Report,
    blank_report,
)
from govinfo_report.errors import UnknownFormatError
from govinfo_report.serialize import (
    SYNTAXES,
    Syntax,
    dump,
    dumps,
    from_data,
    load,
    loads,
    syntax_for,
    to_data,
)
from strategies import consistent_reports, evolve_cell, reports

ROUND_TRIP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _report(**cells: object) -> Report:
    report = blank_report(FormatVersion.V2021, year=2023, agency="沭阳县发展和改革局")
    for path, value in cells.items():
        report = evolve_cell(report, path.replace("__", "."), value)
    return report


# --- round trips ----------------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
@ROUND_TRIP
@given(report=reports())
def test_any_report_round_trips(syntax: Syntax, report: Report) -> None:
    assert loads(dumps(report, syntax), syntax) == report


@pytest.mark.parametrize("syntax", SYNTAXES)
@ROUND_TRIP
@given(report=consistent_reports())
def test_consistent_report_round_trips(syntax: Syntax, report: Report) -> None:
    assert loads(dumps(report, syntax), syntax) == report


@ROUND_TRIP
@given(report=reports())
def test_plain_tree_round_trips(report: Report) -> None:
    assert from_data(to_data(report)) == report


@ROUND_TRIP
@given(report=reports())
def test_the_three_syntaxes_share_one_tree(report: Report) -> None:
    data = to_data(report)
    assert json.loads(dumps(report, "json")) == data
    assert yaml.safe_load(dumps(report, "yaml")) == data
    assert tomllib.loads(dumps(report, "toml")) == data


@pytest.mark.parametrize("version", list(FormatVersion))
def test_blank_report_of_each_format_round_trips(version: FormatVersion) -> None:
    report = blank_report(version, year=2020 if version is FormatVersion.V2019 else 2024)
    for syntax in SYNTAXES:
        assert loads(dumps(report, syntax), syntax) == report


# --- cells ------------------------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_blank_zero_and_not_applicable_stay_distinct(syntax: Syntax) -> None:
    report = _report(
        applications__new_received__natural_person=BLANK,
        applications__new_received__commercial_enterprise=0,
        applications__new_received__research_institution=NOT_APPLICABLE,
    )
    loaded = loads(dumps(report, syntax), syntax).applications
    assert loaded["new_received.natural_person"] is BLANK
    assert loaded["new_received.commercial_enterprise"] == 0
    assert not isinstance(loaded["new_received.commercial_enterprise"], bool)
    assert loaded["new_received.research_institution"] is NOT_APPLICABLE


def test_cells_are_written_as_empty_string_integer_and_slash() -> None:
    report = _report(
        applications__new_received__natural_person=BLANK,
        applications__new_received__commercial_enterprise=0,
        applications__new_received__research_institution=NOT_APPLICABLE,
    )
    row = to_data(report)["applications"]["new_received"]
    assert (row["natural_person"], row["commercial_enterprise"], row["research_institution"]) == (
        "",
        0,
        "/",
    )


def test_null_cell_reads_as_blank() -> None:
    data = to_data(_report())
    data["applications"]["new_received"]["natural_person"] = None
    assert from_data(data).applications["new_received.natural_person"] is BLANK


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_money_keeps_trailing_zeros(syntax: Syntax) -> None:
    report = _report(proactive__fees__amount=Money(Decimal("4068.200")))
    text = dumps(report, syntax)
    assert "4068.200" in text
    amount = loads(text, syntax).proactive["fees.amount"].amount
    assert amount.as_tuple() == Decimal("4068.200").as_tuple()


def test_money_is_written_as_a_string() -> None:
    report = _report(proactive__fees__amount=Money(Decimal("7730.28")))
    assert to_data(report)["proactive"]["fees"]["amount"] == "7730.28"


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_money_unit_written_in_the_cell_is_kept(syntax: Syntax) -> None:
    report = blank_report(FormatVersion.V2019, year=2019, agency="上海市人民政府办公厅")
    report = evolve_cell(report, "proactive.procurement.amount", Money(Decimal("251000"), "元"))
    assert to_data(report)["proactive"]["procurement"]["amount"] == "251000元"
    assert loads(dumps(report, syntax), syntax) == report


@pytest.mark.parametrize(
    ("amount", "written"), [("1E+2", "100"), ("0E-6", "0.000000"), ("1.5E-3", "0.0015")]
)
def test_money_is_written_without_exponent(amount: str, written: str) -> None:
    report = _report(proactive__fees__amount=Money(Decimal(amount)))
    assert to_data(report)["proactive"]["fees"]["amount"] == written
    assert loads(dumps(report)) == report


def test_json_number_in_a_money_cell_keeps_its_digits() -> None:
    text = dumps(_report()).replace('"amount": ""', '"amount": 4068.200')
    assert str(loads(text).proactive["fees.amount"]) == "4068.200"


def test_signed_count_round_trips_negative() -> None:
    report = blank_report(FormatVersion.V2019, year=2020)
    report = evolve_cell(report, "proactive.licensing.change", -8)
    for syntax in SYNTAXES:
        assert loads(dumps(report, syntax), syntax).proactive["licensing.change"] == -8


def test_huge_count_round_trips() -> None:
    report = _report(applications__new_received__natural_person=10**100)
    for syntax in ("json", "yaml"):
        loaded = loads(dumps(report, syntax), syntax)
        assert loaded.applications["new_received.natural_person"] == 10**100


def test_extra_rows_round_trip() -> None:
    report = _report()
    table = attrs.evolve(
        report.proactive,
        extra_rows=(
            ExtraRow(label="其他主动公开文件", values=(12, BLANK, NOT_APPLICABLE), after="rules"),
            ExtraRow(label="收费（万元）", values=(Money(Decimal("3.50")),)),
        ),
    )
    report = attrs.evolve(report, proactive=table)
    for syntax in SYNTAXES:
        assert loads(dumps(report, syntax), syntax) == report


def test_tables_are_written_in_the_format_order() -> None:
    report = _report()
    data = to_data(report)
    assert list(data["applications"]) == [r.id for r in report.applications.spec.rows]
    assert list(data) == [
        "metadata",
        "intro",
        "sections",
        "proactive",
        "applications",
        "review_litigation",
    ]


# --- metadata, dates, text ------------------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_dates_round_trip(syntax: Syntax) -> None:
    report = _report()
    meta = attrs.evolve(
        report.metadata,
        signing_date=dt.date(2024, 1, 17),
        publication_date=dt.date(2024, 1, 19),
    )
    report = attrs.evolve(report, metadata=meta)
    assert "2024-01-17" in dumps(report, syntax)
    assert loads(dumps(report, syntax), syntax) == report


def test_native_yaml_and_toml_dates_are_accepted() -> None:
    data = to_data(_report())
    data["metadata"]["signing_date"] = dt.date(2024, 1, 17)
    text = yaml.safe_dump(data, allow_unicode=True)
    assert "signing_date: 2024-01-17\n" in text
    assert loads(text, "yaml").metadata.signing_date == dt.date(2024, 1, 17)
    toml = dumps(_report(), "toml").replace(
        'agency_kind = "department"', 'agency_kind = "department"\nsigning_date = 2024-01-17'
    )
    assert loads(toml, "toml").metadata.signing_date == dt.date(2024, 1, 17)


def test_none_fields_are_left_out() -> None:
    metadata = to_data(_report())["metadata"]
    assert "signing_date" not in metadata
    assert "contact" not in metadata
    assert "processing_fee" not in to_data(_report())


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_chinese_is_written_unescaped(syntax: Syntax) -> None:
    text = dumps(_report(), syntax)
    assert "沭阳县发展和改革局" in text
    assert "\\u" not in text


def test_processing_fee_amount_keeps_its_digits() -> None:
    report = attrs.evolve(_report(), processing_fee=ProcessingFee(amount=Decimal("0.00")))
    for syntax in SYNTAXES:
        loaded = loads(dumps(report, syntax), syntax)
        assert loaded.processing_fee is not None
        assert str(loaded.processing_fee.amount) == "0.00"


def test_agency_kind_accepts_its_chinese_name() -> None:
    data = to_data(_report())
    data["metadata"]["agency_kind"] = "本级人民政府"
    assert from_data(data).metadata.agency_kind.value == "government"


# --- files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "syntax"),
    [("r.json", "json"), ("r.yaml", "yaml"), ("r.YML", "yaml"), ("r.toml", "toml")],
)
def test_syntax_from_suffix(name: str, syntax: Syntax) -> None:
    assert syntax_for(name) == syntax


def test_unknown_suffix_is_a_clear_error() -> None:
    with pytest.raises(UnknownFormatError, match=r"'\.txt'"):
        syntax_for("report.txt")


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".toml"])
def test_file_round_trip_leaves_no_temporary_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"report{suffix}"
    report = _report(applications__new_received__total=3)
    dump(report, path)
    assert load(path) == report
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(_report()).encode())
    assert load(path) == _report()


def test_yaml_puts_one_paragraph_per_item_and_one_table_row_per_line() -> None:
    from govinfo_report import Section, blank_report

    report = blank_report(year=2023, agency="某县财政局", fill=0)
    report = attrs.evolve(
        report,
        sections=(
            Section(id="overview", heading="一、总体情况", paragraphs=("第一段。", "第二段。")),
        ),
    )
    text = dumps(report, "yaml")
    assert "  paragraphs:\n  - 第一段。\n  - 第二段。\n" in text
    assert (
        "  new_received: {natural_person: 0, commercial_enterprise: 0, research_institution: 0,"
        in text
    )
    assert "metadata:\n  agency: 某县财政局\n  year: 2023\n" in text
    assert loads(text, "yaml") == report


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_yaml_names_every_table_row_and_column_in_a_chinese_comment(version: str) -> None:
    from govinfo_report import get_format

    report = blank_report(FormatVersion(version), year=2020 if version == "2019" else 2023)
    extra = ExtraRow(label="其他（自行增加的行）", values=(1, 2, 3, 4, 5, 6, 21))
    report = attrs.evolve(
        report, applications=attrs.evolve(report.applications, extra_rows=(extra,))
    )
    text = dumps(report, "yaml")
    lines = text.splitlines()
    for table in get_format(FormatVersion(version)).tables:
        at = lines.index(f"{table.id}:")
        assert f"# {table.title}" in lines[:at]
        for row in table.rows:
            key = next(i for i, line in enumerate(lines) if line.startswith(f"  {row.id}: "))
            assert lines[key - 1] == f"  # {' / '.join(row.label_path)}"
    assert "# 列：natural_person 自然人，commercial_enterprise 商业企业，" in text
    # Each comment stands above a row of the format: not above a row's wrapped second
    # line, nor above the extra rows.
    rows = {row.id for table in get_format(FormatVersion(version)).tables for row in table.rows}
    for i, line in enumerate(lines):
        if line.startswith("  # "):
            assert lines[i + 1].partition(":")[0].strip() in rows, lines[i + 1]
    assert "  extra_rows:" in lines
    assert loads(text, "yaml") == report
