"""Bad interchange input: every problem is reported at once, each with its ``$.path``;
nothing crashes, nothing is guessed."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govinfo_report import FormatVersion, Money, blank_report
from govinfo_report.errors import ReportLoadError
from govinfo_report.readers import read_report
from govinfo_report.serialize import (
    MAX_INPUT_BYTES,
    SYNTAXES,
    Syntax,
    dumps,
    from_data,
    load,
    loads,
    to_data,
)

Mutation = Callable[[dict[str, Any]], None]


def _data() -> dict[str, Any]:
    report = blank_report(FormatVersion.V2021, year=2024, agency="测试局")
    data = to_data(report)
    data["metadata"]["contact"] = {"office": "办公室"}
    data["sections"][0]["subsections"] = [{"heading": "（一）主动公开", "paragraphs": ["正文"]}]
    data["proactive"]["extra_rows"] = [{"label": "其他主动公开文件", "values": [1]}]
    data["processing_fee"] = {"amount": "0"}
    return data


def _problems(data: Any) -> tuple[str, ...]:
    with pytest.raises(ReportLoadError) as info:
        from_data(data)
    return info.value.problems


def _mutated(mutation: Mutation) -> dict[str, Any]:
    data = copy.deepcopy(_data())
    mutation(data)
    return data


def test_fixture_data_is_valid() -> None:
    from_data(_data())


# --- wrong types ----------------------------------------------------------------------

WRONG_TYPES: list[tuple[Mutation, str]] = [
    (
        lambda d: d["applications"]["new_received"].update(natural_person="12"),
        "expected a count (whole number), '' or '/', got str '12' "
        "@ $.applications.new_received.natural_person",
    ),
    (
        lambda d: d["applications"]["new_received"].update(total=True),
        "got bool True @ $.applications.new_received.total",
    ),
    (
        lambda d: d["applications"]["new_received"].update(total=1.5),
        "got number 1.5 @ $.applications.new_received.total",
    ),
    (
        lambda d: d["proactive"]["fees"].update(amount="七千"),
        "expected an amount ('7730.28' or '251000元'), '' or '/', got str '七千' "
        "@ $.proactive.fees.amount",
    ),
    (
        lambda d: d["metadata"].update(agency=12),
        "expected a string, got int 12 @ $.metadata.agency",
    ),
    (
        lambda d: d["metadata"].update(year="2024"),
        "expected a whole number, got str '2024' @ $.metadata.year",
    ),
    (
        lambda d: d["metadata"].update(format_version="2020"),
        "expected a format version ('2019', '2021'), got str '2020' @ $.metadata.format_version",
    ),
    (
        lambda d: d["metadata"].update(agency_kind="ministry"),
        "got str 'ministry' @ $.metadata.agency_kind",
    ),
    (
        lambda d: d["metadata"].update(signing_date="2025-02-30"),
        "expected a date YYYY-MM-DD, got str '2025-02-30' @ $.metadata.signing_date",
    ),
    (lambda d: d.update(metadata=[1]), "expected a mapping, got list [1] @ $.metadata"),
    (
        lambda d: d.update(sections="一、总体情况"),
        "expected a list, got str '一、总体情况' @ $.sections",
    ),
    (lambda d: d["sections"].__setitem__(2, 5), "expected a mapping, got int 5 @ $.sections[2]"),
    (
        lambda d: d["sections"][0].update(subsections={"heading": "x"}),
        "expected a list, got dict {'heading': 'x'} @ $.sections[0].subsections",
    ),
    (lambda d: d.update(intro=["a", 3]), "expected a string, got int 3 @ $.intro[1]"),
    (
        lambda d: d["sections"][0].update(paragraphs="段落"),
        "expected a list of strings, got str '段落' @ $.sections[0].paragraphs",
    ),
    (
        lambda d: d["metadata"].update(contact="x"),
        "expected a mapping, got str 'x' @ $.metadata.contact",
    ),
    (
        lambda d: d["processing_fee"].update(amount="免费"),
        "expected a decimal number, got str '免费' @ $.processing_fee.amount",
    ),
    (
        lambda d: d.update(applications=[]),
        "expected a mapping of rows, got list [] @ $.applications",
    ),
    (
        lambda d: d["applications"].update(new_received=7),
        "expected a mapping of columns, got int 7 @ $.applications.new_received",
    ),
    (
        lambda d: d["proactive"]["extra_rows"][0].update(values=[True]),
        "got bool True @ $.proactive.extra_rows[0].values",
    ),
    (
        lambda d: d["proactive"]["extra_rows"][0].update(after="nowhere"),
        "expected a row id of proactive, got str 'nowhere' @ $.proactive.extra_rows[0].after",
    ),
    (
        lambda d: d["proactive"]["extra_rows"][0].update(label=" "),
        "an extra row needs a label, got ' ' @ $.proactive.extra_rows[0].label",
    ),
]


@pytest.mark.parametrize(("mutation", "expected"), WRONG_TYPES)
def test_wrong_type_is_reported_with_its_path(mutation: Mutation, expected: str) -> None:
    problems = _problems(_mutated(mutation))
    assert any(p.endswith(expected) for p in problems), problems


def test_every_problem_is_listed_at_once() -> None:
    def many(d: dict[str, Any]) -> None:
        d["metadata"]["year"] = "x"
        d["intro"] = [1]
        d["applications"]["new_received"]["total"] = "x"
        d["review_litigation"]["review"]["upheld"] = "x"
        d["unexpected"] = 1

    problems = _problems(_mutated(many))
    assert [p.rsplit(" @ ", 1)[1] for p in problems] == [
        "$.metadata.year",
        "$.intro[0]",
        "$.applications.new_received.total",
        "$.review_litigation.review.upheld",
        "$",
    ]


# --- negative counts: held, the validator's business ------------------------------------


def test_negative_count_loads_as_is() -> None:
    data = _mutated(lambda d: d["applications"]["new_received"].update(natural_person=-3))
    assert from_data(data).applications["new_received.natural_person"] == -3


@pytest.mark.parametrize("year", [0, 9999, 10_000])
def test_year_out_of_range_is_a_load_problem_with_its_path(year: int) -> None:
    data = _mutated(lambda d: d["metadata"].update(year=year))
    assert _problems(data) == (f"year must be between 1 and 9998, got {year} @ $.metadata.year",)


# --- unknown and missing keys -----------------------------------------------------------

UNKNOWN_KEYS: list[tuple[Mutation, str]] = [
    (lambda d: d.update(extra=1), "unknown key(s) 'extra' @ $"),
    (lambda d: d["metadata"].update(extra=1), "unknown key(s) 'extra' @ $.metadata"),
    (
        lambda d: d["metadata"]["contact"].update(fax="1"),
        "unknown key(s) 'fax' @ $.metadata.contact",
    ),
    (lambda d: d["sections"][1].update(extra=1), "unknown key(s) 'extra' @ $.sections[1]"),
    (
        lambda d: d["sections"][0]["subsections"][0].update(extra=1),
        "unknown key(s) 'extra' @ $.sections[0].subsections[0]",
    ),
    (
        lambda d: d["applications"].update(made_up_row={}),
        "unknown key(s) 'made_up_row' @ $.applications",
    ),
    (
        lambda d: d["applications"]["new_received"].update(minors=1),
        "unknown key(s) 'minors' @ $.applications.new_received",
    ),
    (
        lambda d: d["proactive"]["extra_rows"][0].update(note="x"),
        "unknown key(s) 'note' @ $.proactive.extra_rows[0]",
    ),
    (
        lambda d: d["processing_fee"].update(currency="元"),
        "unknown key(s) 'currency' @ $.processing_fee",
    ),
]


@pytest.mark.parametrize(("mutation", "expected"), UNKNOWN_KEYS)
def test_unknown_key_is_rejected_with_its_path(mutation: Mutation, expected: str) -> None:
    assert expected in _problems(_mutated(mutation))


def _renamed(mapping: dict[str, object], old: str, new: str) -> None:
    mapping[new] = mapping.pop(old)


TYPOS: list[tuple[Mutation, str]] = [
    (
        lambda d: _renamed(d, "sections", "sectons"),
        "unknown key(s) 'sectons' (did you mean 'sections'?) @ $",
    ),
    (
        lambda d: _renamed(d["metadata"], "agency_kind", "agency_knd"),
        "unknown key(s) 'agency_knd' (did you mean 'agency_kind'?) @ $.metadata",
    ),
    (
        lambda d: _renamed(d["applications"], "new_received", "new_recieved"),
        "unknown key(s) 'new_recieved' (did you mean 'new_received'?) @ $.applications",
    ),
    (
        lambda d: _renamed(d["applications"]["new_received"], "natural_person", "natural_persn"),
        "unknown key(s) 'natural_persn' (did you mean 'natural_person'?) "
        "@ $.applications.new_received",
    ),
    (
        lambda d: _renamed(d["proactive"]["extra_rows"][0], "label", "lable"),
        "unknown key(s) 'lable' (did you mean 'label'?) @ $.proactive.extra_rows[0]",
    ),
    (
        lambda d: (_renamed(d["metadata"], "year", "yaer"), d["metadata"].update(fax="1")),
        "unknown key(s) 'fax', 'yaer' (did you mean 'year' for 'yaer'?) @ $.metadata",
    ),
]


@pytest.mark.parametrize(("mutation", "expected"), TYPOS)
def test_a_misspelt_key_is_given_the_one_it_may_mean(mutation: Mutation, expected: str) -> None:
    assert expected in _problems(_mutated(mutation))


MISSING_KEYS: list[tuple[Mutation, str]] = [
    (lambda d: d.pop("metadata"), "$.metadata"),
    (lambda d: d.pop("sections"), "$.sections"),
    (lambda d: d.pop("applications"), "$.applications"),
    (lambda d: d["metadata"].pop("agency"), "$.metadata.agency"),
    (lambda d: d["sections"][3].pop("heading"), "$.sections[3].heading"),
    (lambda d: d["applications"].pop("carried_forward"), "$.applications.carried_forward"),
    (
        lambda d: d["review_litigation"]["review"].pop("total"),
        "$.review_litigation.review.total",
    ),
    (lambda d: d["processing_fee"].pop("amount"), "$.processing_fee.amount"),
]


@pytest.mark.parametrize(("mutation", "path"), MISSING_KEYS)
def test_missing_key_is_reported_with_its_path(mutation: Mutation, path: str) -> None:
    assert f"required key missing @ {path}" in _problems(_mutated(mutation))


def test_wrong_format_tables_list_every_missing_and_unknown_cell() -> None:
    problems = _problems(_mutated(lambda d: d["metadata"].update(format_version="2019")))
    assert "required key missing @ $.proactive.procurement" in problems
    assert "unknown key(s) 'amount' @ $.proactive.fees" in problems


# --- top level that is not a mapping ---------------------------------------------------


@pytest.mark.parametrize(
    ("syntax", "text", "why"),
    [
        ("json", "[1, 2]", "the top level is a list, not a mapping of a report's keys"),
        ("json", '"report"', "the top level is a string, not a mapping of a report's keys"),
        ("json", "null", "the document is empty or null"),
        ("json", "42", "the top level is a number, not a mapping of a report's keys"),
        ("json", '{"a": 1, "b": 2}', "no 'metadata' key at the top level (it has 'a', 'b')"),
        (
            "yaml",
            "- metadata\n- sections\n",
            "the top level is a list, not a mapping of a report's keys",
        ),
        (
            "yaml",
            "just a sentence\n",
            "the top level is a string, not a mapping of a report's keys",
        ),
        ("yaml", "# a comment, no document\n", "the document is empty or null"),
        ("yaml", "a: 1\nb: 2\n", "no 'metadata' key at the top level (it has 'a', 'b')"),
        ("toml", "a = 1\n", "no 'metadata' key at the top level (it has 'a')"),
    ],
)
def test_a_document_without_a_report_says_it_is_not_one(
    syntax: Syntax, text: str, why: str
) -> None:
    with pytest.raises(ReportLoadError) as info:
        loads(text, syntax)
    name = syntax.upper()
    assert info.value.problems == (f"valid {name}, but not a report: {why} @ $",)


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize("text", ["", " \n\t\n", "\u3000"])
def test_an_empty_text_says_it_is_empty(syntax: Syntax, text: str) -> None:
    # Not JSON's "Expecting value at line 1 column 1" nor TOML's "no 'metadata' key".
    with pytest.raises(ReportLoadError) as info:
        loads(text, syntax)
    assert info.value.problems == ("the document is empty",)
    assert info.value.message("zh").endswith("文档为空")


def test_a_mapping_with_metadata_lists_its_problems_rather_than_not_a_report() -> None:
    with pytest.raises(ReportLoadError) as info:
        loads('{"metadata": []}')
    assert info.value.problems[0] == "expected a mapping, got list [] @ $.metadata"


def test_top_level_from_data_must_be_a_mapping() -> None:
    with pytest.raises(ReportLoadError) as info:
        from_data([1, 2])
    assert info.value.problems == ("expected a mapping with a report's keys, got list [1, 2] @ $",)


# --- truncated, undecodable, enormous ----------------------------------------------------


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.97])
def test_truncated_file_is_a_load_error(syntax: Syntax, fraction: float) -> None:
    text = dumps(from_data(_data()), syntax)
    with pytest.raises(ReportLoadError) as info:
        loads(text[: int(len(text) * fraction)], syntax)
    assert info.value.problems
    assert all(p.startswith("invalid ") or " @ $" in p for p in info.value.problems)


def test_truncated_json_names_line_and_column() -> None:
    with pytest.raises(ReportLoadError, match=r"invalid JSON: .* at line 1 column \d+"):
        loads('{"metadata": {"agency": "测')


def test_non_utf8_file_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "gbk.json"
    path.write_bytes(dumps(from_data(_data())).encode("gbk"))
    with pytest.raises(ReportLoadError, match=r"not UTF-8 text: byte 0x[0-9a-f]{2} at offset \d+"):
        load(path)


def test_non_utf8_bytes_through_the_reader_are_a_load_error() -> None:
    data = dumps(from_data(_data())).encode("utf-8").replace("测试局".encode(), b"\xb2\xe2\xca\xd4")
    with pytest.raises(ReportLoadError, match="not UTF-8 text"):
        read_report(data, "json")


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * (20 * 1024 * 1024))
    assert path.stat().st_size > MAX_INPUT_BYTES
    with pytest.raises(ReportLoadError, match=f"larger than {MAX_INPUT_BYTES} bytes"):
        load(path)


def test_twenty_megabyte_junk_through_the_reader_is_refused_like_load(tmp_path: Path) -> None:
    # read_report and serialize.load share one size cap, so neither parses this.
    path = tmp_path / "junk.json"
    path.write_bytes(b'{"metadata": ' + b"[" * (20 * 1024 * 1024))
    with pytest.raises(ReportLoadError, match=f"larger than {MAX_INPUT_BYTES} bytes"):
        read_report(path, "json")


# --- huge numbers ----------------------------------------------------------------------


def test_huge_count_is_held_and_dumps() -> None:
    data = _mutated(lambda d: d["applications"]["new_received"].update(total=10**100))
    report = from_data(data)
    assert report.applications["new_received.total"] == 10**100
    for syntax in ("json", "yaml"):
        assert loads(dumps(report, syntax), syntax) == report


def test_count_with_too_many_digits_is_a_clear_error() -> None:
    text = json.dumps(_data()).replace('"issued": ""', '"issued": ' + "9" * 5000, 1)
    with pytest.raises(ReportLoadError, match="invalid JSON: a number has too many digits"):
        loads(text)


def test_json_1e999_is_never_infinity() -> None:
    text = json.dumps(_data()).replace('"issued": ""', '"issued": 1e999', 1)
    with pytest.raises(ReportLoadError) as info:
        loads(text)
    assert info.value.problems == (
        "expected a count (whole number), '' or '/', got number 1E+999 @ $.proactive.rules.issued",
    )


def test_json_number_in_a_money_cell_with_a_huge_exponent_is_out_of_range() -> None:
    # 1e999999999 would print as a billion digits (3 GB) wherever the amount is written.
    text = json.dumps(_data()).replace('"amount": ""', '"amount": 1e999999999', 1)
    with pytest.raises(ReportLoadError) as info:
        loads(text)
    assert info.value.problems == (
        "amount out of range: 1000000000 digits before the decimal point (at most 15) "
        "@ $.proactive.fees.amount",
    )


def test_json_exact_money_just_within_the_bounds_loads() -> None:
    text = json.dumps(_data()).replace('"amount": ""', '"amount": 999999999999999.999999', 1)
    assert loads(text).proactive["fees.amount"] == Money(Decimal("999999999999999.999999"))


def test_processing_fee_with_a_huge_exponent_is_out_of_range() -> None:
    text = json.dumps(_data()).replace('"amount": "0"', '"amount": 1e999999999')
    with pytest.raises(ReportLoadError) as info:
        loads(text)
    assert info.value.problems == (
        "amount out of range: 1000000000 digits before the decimal point (at most 15) "
        "@ $.processing_fee.amount",
    )


@pytest.mark.parametrize(
    ("syntax", "before", "after", "path"),
    [
        ("toml", 'amount = ""', "amount = 1e999999999", "$.proactive.fees.amount"),
        ("yaml", "amount: ''", "amount: '" + "1" * 40 + "'", "$.proactive.fees.amount"),
        ("yaml", "amount: '0'", "amount: 1e999999999", "$.processing_fee.amount"),
        ("json", '"amount": ""', '"amount": 0.0000001', "$.proactive.fees.amount"),
    ],
)
def test_money_out_of_range_is_a_problem_at_its_path(
    syntax: Syntax, before: str, after: str, path: str
) -> None:
    text = dumps(from_data(_data()), syntax)
    assert before in text
    with pytest.raises(ReportLoadError) as info:
        loads(text.replace(before, after, 1), syntax)
    [problem] = info.value.problems
    assert problem.startswith("amount out of range: ")
    assert problem.endswith(f" @ {path}")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_non_numbers_are_refused(constant: str) -> None:
    text = json.dumps(_data()).replace('"amount": ""', f'"amount": {constant}', 1)
    with pytest.raises(ReportLoadError, match=f"invalid JSON: {constant} is not a number"):
        loads(text)


def test_yaml_infinity_in_a_money_cell_is_refused() -> None:
    data = _data()
    data["proactive"]["fees"]["amount"] = float("inf")
    with pytest.raises(ReportLoadError, match=r"got number inf @ \$\.proactive\.fees\.amount"):
        loads(dumps_yaml(data), "yaml")


def dumps_yaml(data: Any) -> str:
    import yaml

    text: str = yaml.safe_dump(data, allow_unicode=True)
    return text


# --- deep junk, aliases ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("syntax", "text"),
    [
        ("json", "[" * 100_000),
        ("json", '{"intro": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        ("yaml", "[" * 100_000),
        ("toml", "intro = " + "[" * 100_000),
    ],
)
def test_deep_nesting_is_a_clear_error(syntax: Syntax, text: str) -> None:
    with pytest.raises(ReportLoadError, match="nested too deeply"):
        loads(text, syntax)


def test_moderately_deep_junk_in_a_field_is_reported_at_its_path() -> None:
    junk: Any = "x"
    for _ in range(500):
        junk = [junk]
    problems = _problems(_mutated(lambda d: d.update(intro=junk)))
    assert problems == (
        "expected a string, got list [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[... @ $.intro[0]",
    )


def test_yaml_aliases_are_refused() -> None:
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        laughs += f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]\n"
    with pytest.raises(ReportLoadError, match="YAML aliases are not allowed"):
        loads(laughs, "yaml")


def test_yaml_python_tags_are_refused() -> None:
    with pytest.raises(ReportLoadError, match="invalid YAML"):
        loads("metadata: !!python/object/apply:os.system ['true']\n", "yaml")


def test_negative_count_fails_validation_in_the_cli_with_its_path(tmp_path: Path) -> None:
    import io

    from govinfo_report.cli import run

    path = tmp_path / "negative.json"
    data = _mutated(lambda d: d["applications"]["new_received"].update(natural_person=-3))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run(["validate", "--lang", "en", str(path)], out, err)
    assert code == 1
    assert f"{path}: error D.1 applications.new_received.natural_person: " in out.getvalue()
