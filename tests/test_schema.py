"""The generated JSON Schema: a valid 2020-12 schema that accepts what the serializer
writes and rejects what the loader rejects, with the format's labels as titles."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from govinfo_report import FormatVersion, Report, blank_report, get_format
from govinfo_report.errors import ReportLoadError, UnknownFormatError
from govinfo_report.formats import CellKind
from govinfo_report.schema import json_schema
from govinfo_report.serialize import from_data, to_data
from strategies import consistent_reports, leaf_cell_paths, reports

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VERSIONS = [None, *FormatVersion]


def _validator(version: FormatVersion | None) -> Draft202012Validator:
    return Draft202012Validator(json_schema(version))


VALIDATORS = {v: _validator(v) for v in VERSIONS}


def _blank_data(version: FormatVersion = FormatVersion.V2021) -> dict[str, Any]:
    year = 2020 if version is FormatVersion.V2019 else 2024
    return to_data(blank_report(version, year=year, agency="测试局"))


@pytest.mark.parametrize("version", VERSIONS)
def test_schema_is_a_valid_2020_12_schema(version: FormatVersion | None) -> None:
    schema = json_schema(version)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_version_may_be_given_as_a_string() -> None:
    assert json_schema("2019") == json_schema(FormatVersion.V2019)


def test_unknown_version_is_a_clear_error() -> None:
    with pytest.raises(UnknownFormatError, match="'2020'"):
        json_schema("2020")


# --- accepts what the serializer writes ------------------------------------------------


@SETTINGS
@given(report=reports())
def test_any_report_is_accepted(report: Report) -> None:
    data = to_data(report)
    assert list(VALIDATORS[None].iter_errors(data)) == []
    assert list(VALIDATORS[report.metadata.format_version].iter_errors(data)) == []


@SETTINGS
@given(report=consistent_reports())
def test_consistent_report_is_accepted(report: Report) -> None:
    assert list(VALIDATORS[None].iter_errors(to_data(report))) == []


@pytest.mark.parametrize("version", list(FormatVersion))
def test_blank_report_is_accepted(version: FormatVersion) -> None:
    assert VALIDATORS[version].is_valid(_blank_data(version))


# --- rejects corrupted reports ---------------------------------------------------------


@SETTINGS
@given(report=reports(), data=st.data())
def test_corrupted_cell_is_rejected_at_its_path(report: Report, data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(leaf_cell_paths(report)))
    bad = data.draw(st.sampled_from(["x", "十二", True, 1.5, [], {}, "1 2"]))
    tree = to_data(report)
    table, row, column = path.split(".")
    tree[table][row][column] = bad
    errors = list(VALIDATORS[report.metadata.format_version].iter_errors(tree))
    assert [list(e.absolute_path) for e in errors] == [[table, row, column]]


def _corrupt(mutate: Any, version: FormatVersion = FormatVersion.V2021) -> dict[str, Any]:
    data = copy.deepcopy(_blank_data(version))
    mutate(data)
    return data


CORRUPTIONS = [
    pytest.param(lambda d: d.update(extra=1), id="unknown top-level key"),
    pytest.param(lambda d: d["metadata"].update(extra=1), id="unknown metadata key"),
    pytest.param(lambda d: d["sections"][0].update(extra=1), id="unknown section key"),
    pytest.param(lambda d: d["applications"].update(extra={}), id="unknown row"),
    pytest.param(lambda d: d["applications"]["new_received"].update(x=1), id="unknown column"),
    pytest.param(lambda d: d["applications"].pop("carried_forward"), id="missing row"),
    pytest.param(lambda d: d["review_litigation"]["review"].pop("total"), id="missing cell"),
    pytest.param(lambda d: d["metadata"].pop("agency"), id="missing agency"),
    pytest.param(lambda d: d.pop("sections"), id="missing sections"),
    pytest.param(lambda d: d["metadata"].update(year="2024"), id="year as string"),
    pytest.param(lambda d: d["metadata"].update(signing_date="1/22/2021"), id="bad date"),
    pytest.param(lambda d: d["metadata"].update(agency_kind="ministry"), id="bad agency kind"),
    pytest.param(lambda d: d["proactive"]["fees"].update(amount="七千"), id="bad money"),
    pytest.param(lambda d: d["applications"]["new_received"].update(total="12"), id="count str"),
    pytest.param(lambda d: d.update(processing_fee={"amount": "免费"}), id="bad fee"),
    pytest.param(
        lambda d: d["proactive"].update(extra_rows=[{"values": [1]}]), id="extra row no label"
    ),
    pytest.param(lambda d: d["metadata"].update(format_version="2019"), id="2021 tables as 2019"),
]


@pytest.mark.parametrize("mutate", CORRUPTIONS)
@pytest.mark.parametrize("version", [None, FormatVersion.V2021])
def test_corrupted_report_is_rejected_by_schema_and_loader(
    mutate: Any, version: FormatVersion | None
) -> None:
    data = _corrupt(mutate)
    assert not VALIDATORS[version].is_valid(data)
    with pytest.raises(ReportLoadError):
        from_data(data)


def test_single_format_schema_rejects_the_other_format() -> None:
    assert not VALIDATORS[FormatVersion.V2021].is_valid(_blank_data(FormatVersion.V2019))
    assert VALIDATORS[None].is_valid(_blank_data(FormatVersion.V2019))


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("7730.28", True),
        ("251000元", True),
        ("4068.200", True),
        ("", True),
        ("/", True),
        ("7,730", False),
        ("1E+3", False),
        ("元", False),
        (12, False),
    ],
)
def test_money_cell_encoding(value: object, valid: bool) -> None:
    data = _corrupt(lambda d: d["proactive"]["fees"].update(amount=value))
    assert VALIDATORS[FormatVersion.V2021].is_valid(data) is valid


@pytest.mark.parametrize(("value", "valid"), [(0, True), (-3, True), (10**100, True), ("", True)])
def test_count_cell_encoding(value: object, valid: bool) -> None:
    data = _corrupt(lambda d: d["applications"]["new_received"].update(total=value))
    assert VALIDATORS[FormatVersion.V2021].is_valid(data) is valid


# --- generated from the declarations ---------------------------------------------------


@pytest.mark.parametrize("version", list(FormatVersion))
def test_every_cell_of_the_format_is_a_required_property(version: FormatVersion) -> None:
    schema = json_schema(version)
    for table in get_format(version).tables:
        table_schema = schema["$defs"][f"{table.id}_{version.value}"]
        assert table_schema["required"] == [r.id for r in table.rows]
        assert table_schema["additionalProperties"] is False
        cells = [
            f"{row_id}.{column}"
            for row_id, row in table_schema["properties"].items()
            if row_id != "extra_rows"
            for column in row["required"]
        ]
        assert cells == [c.id for c in table.cells]


@pytest.mark.parametrize("version", list(FormatVersion))
def test_cell_titles_carry_the_chinese_labels(version: FormatVersion) -> None:
    schema = json_schema(version)
    for table in get_format(version).tables:
        rows = schema["$defs"][f"{table.id}_{version.value}"]["properties"]
        for cell in table.cells:
            prop = rows[cell.row.id]["properties"][cell.column.id]
            assert prop["title"].endswith(cell.column.label)
            assert cell.row.label in prop["title"]
            assert cell.column.english in prop["description"]
            expected = {CellKind.MONEY: "money", CellKind.SIGNED_COUNT: "signed_count"}
            assert prop["$ref"] == f"#/$defs/{expected.get(cell.kind, 'count')}"


def test_every_object_forbids_additional_properties() -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object":
                assert node["additionalProperties"] is False, node.get("title")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json_schema())


def test_record_descriptions_come_from_the_model_docstrings() -> None:
    metadata = json_schema()["$defs"]["Metadata"]
    assert "成文日期" in metadata["properties"]["signing_date"]["description"]
    assert metadata["required"] == ["agency", "year", "format_version", "agency_kind"]
