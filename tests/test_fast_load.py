"""The loader's fast path gives the report the detailed path gives, and never lets a
repeated key through (it finds them by counting keys against the text's colons)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from govinfo_report import FormatVersion, blank_report, load
from govinfo_report._unchecked import builder
from govinfo_report.errors import ReportLoadError
from govinfo_report.model import (
    Contact,
    ExtraRow,
    ProcessingFee,
    Report,
    Section,
    Subsection,
)
from govinfo_report.serialize import CONVERTER, dumps, loads, to_data
from govinfo_report.serialize._fast import string_colons, structure_report_fast
from strategies import reports

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


def _keys(tree: Any) -> int:
    if isinstance(tree, dict):
        return len(tree) + sum(_keys(v) for v in tree.values())
    if isinstance(tree, list):
        return sum(_keys(v) for v in tree)
    return 0


def _detailed(tree: Any) -> Report:
    """The detailed path alone: each part through the converter's own hooks."""
    fields = {
        name: CONVERTER.structure(tree[name], attrs.fields_dict(Report)[name].type)  # type: ignore[arg-type]
        for name in ("metadata", "intro", "sections")
        if name in tree
    }
    if "processing_fee" in tree:
        fields["processing_fee"] = CONVERTER.structure(tree["processing_fee"], ProcessingFee)
    from govinfo_report.formats import get_format
    from govinfo_report.serialize import structure_table

    spec = get_format(fields["metadata"].format_version)
    for table in spec.tables:
        fields[table.id] = structure_table(tree[table.id], table)
    return Report(**fields)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_examples_take_the_fast_path_and_count_every_key(path: Path) -> None:
    report = load(path)
    tree = json.loads(dumps(report, "json"))
    fast = structure_report_fast(tree)
    assert fast is not None
    assert fast[0] == report == _detailed(tree)
    assert fast[1] == _keys(tree)


@settings(max_examples=150, deadline=None)
@given(reports())
def test_fast_and_detailed_paths_agree(report: Report) -> None:
    tree = json.loads(dumps(report, "json"))
    fast = structure_report_fast(tree)
    assert fast is not None, "a report we wrote is well-formed"
    assert fast[0] == report == _detailed(tree)
    assert fast[1] == _keys(tree)
    assert loads(dumps(report, "json")) == report


def _text() -> str:
    report = blank_report(FormatVersion.V2021, year=2023, agency="某局")
    return dumps(report, "json")


def _problems(text: str) -> tuple[str, ...]:
    with pytest.raises(ReportLoadError) as info:
        loads(text, "json")
    return info.value.problems


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('"year": 2023,', '"year": 2023, "year": 2023,', "duplicate key 'year' @ $.metadata"),
        ('"id": "overview",', '"id": "overview", "id": "overview",', "duplicate key 'id'"),
        ('"total": ""', '"total": "", "total": ""', "duplicate key 'total'"),
        ('"intro": []', '"intro": [], "intro": []', "duplicate key 'intro' @ $"),
    ],
)
def test_a_repeated_key_with_the_same_value_is_still_found(
    old: str, new: str, problem: str
) -> None:
    """The tree is well-formed (the last value wins and equals the first), so only the
    count of keys against colons can tell."""
    text = _text().replace(old, new, 1)
    assert any(p.startswith(problem) for p in _problems(text))


def test_colons_in_prose_do_not_hide_a_repeated_key() -> None:
    """A ``:`` inside a string makes the colons outnumber the keys without a repeat;
    the strings' colons are then counted, and a repeat is still found."""
    tree = to_data(load(EXAMPLES[0]))
    tree["intro"] = ["网址：http://www.example.gov.cn 时间:9:00"]
    text = json.dumps(tree, ensure_ascii=False)
    assert loads(text) == CONVERTER.structure(tree, Report)  # no repeat: loads
    repeated = text.replace('"agency": ', '"agency": "x", "agency": ', 1)
    assert _problems(repeated) == ("duplicate key 'agency' @ $.metadata",)


def test_an_escaped_colon_does_not_hide_a_repeated_key() -> None:
    r"""``\u003a`` is a colon in the string but not in the text: it must not be taken
    off the text's count (that would hide one repeated key)."""
    tree = to_data(load(EXAMPLES[0]))
    tree["intro"] = ["时间:9点"]
    text = json.dumps(tree, ensure_ascii=False).replace("时间:9点", "时间\\u003a9点")
    text = text.replace('"agency": ', '"agency": "x", "agency": ', 1)
    assert _problems(text) == ("duplicate key 'agency' @ $.metadata",)
    escaped = json.dumps(tree)  # ensure_ascii: every Chinese character escaped too
    assert loads(escaped) == CONVERTER.structure(tree, Report)


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        (("applications", "new_received", "total"), True, "expected a count"),
        (("applications", "new_received", "total"), "3", "expected a count"),
        (("applications", "new_received", "total"), 1.5, "expected a count"),
        (("proactive", "fees", "amount"), [1], "expected an amount"),
        (("sections", 0, "paragraphs"), [["x"]], "expected a string"),
        (("sections", 0, "heading"), None, "expected a string"),
        (("metadata", "year"), 0, "year must be between"),
        (("metadata", "signing_date"), "2024-13-01", "expected a date"),
        (("metadata", "contact"), {"phone": 1}, "expected a string"),
        (("processing_fee",), {"amount": "x"}, "expected a decimal number"),
    ],
)
def test_what_the_fast_path_declines_the_detailed_path_reports(
    path: tuple[Any, ...], value: Any, problem: str
) -> None:
    tree = to_data(load(EXAMPLES[-1]))
    tree.setdefault("processing_fee", {"amount": "0"})
    node = tree
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    assert structure_report_fast(tree) is None
    assert any(problem in p for p in _problems(json.dumps(tree, ensure_ascii=False)))


def _colons(tree: Any) -> int:
    if isinstance(tree, dict):
        return sum(_colons(k) + _colons(v) for k, v in tree.items())
    if isinstance(tree, list):
        return sum(_colons(v) for v in tree)
    return tree.count(":") if isinstance(tree, str) else 0


@settings(max_examples=100, deadline=None)
@given(reports())
def test_string_colons_counts_the_colon_of_every_string(report: Report) -> None:
    marked = attrs.evolve(
        report,
        intro=(*report.intro, "a:b"),
        metadata=attrs.evolve(report.metadata, title="t:", contact=Contact(email="m:x")),
    )
    for each in (report, marked):
        assert string_colons(each) == _colons(to_data(each))


@pytest.mark.parametrize(
    "instance",
    [
        Subsection(heading="（一）", paragraphs=("a",), run_in=True),
        Section(id="overview", heading="一、总体情况", paragraphs=("p",), subsections=()),
        Contact(office="办公室", phone="1"),
        ProcessingFee(amount=Decimal("1.5"), applications=2),
        load(EXAMPLES[0]).metadata,
        load(EXAMPLES[0]).applications,
        ExtraRow(label="其他", values=(1,), after=None),
    ],
    ids=lambda i: type(i).__name__,
)
def test_an_unchecked_builder_makes_what_the_constructor_makes(instance: Any) -> None:
    cls = type(instance)
    build = builder(cls)
    values = attrs.astuple(instance, recurse=False)
    made = build(*values)
    assert type(made) is cls
    assert made == instance
    assert hash(made) == hash(instance)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.x = 1  # still frozen


def test_a_builder_refuses_what_it_cannot_build() -> None:
    with pytest.raises(TypeError, match="not a plain attrs class"):
        builder(dict)

    @attrs.frozen
    class Later:
        x: int

        def __attrs_post_init__(self) -> None:
            pass

    with pytest.raises(TypeError, match="not a plain attrs class"):
        builder(Later)


# --- the native parser (orjson) under the fast path -----------------------------------------


def _reference(text: str) -> Report | tuple[str, ...]:
    """What the detailed path alone makes of ``text``: json's tree (exact decimals), every
    part through the converter; or the problems it reports."""
    from govinfo_report import _parse
    from govinfo_report.serialize._converter import from_data

    try:
        return from_data(_parse.parse(text, "json", source="<text>"), source="<text>")
    except ReportLoadError as exc:
        return exc.problems


def _loaded(text: str) -> Report | tuple[str, ...]:
    try:
        return loads(text, "json")
    except ReportLoadError as exc:
        return exc.problems


@settings(max_examples=100, deadline=None)
@given(reports())
def test_the_native_tree_and_json_s_take_the_fast_path_alike(report: Report) -> None:
    import orjson

    text = dumps(report, "json")
    assert structure_report_fast(orjson.loads(text)) == structure_report_fast(json.loads(text))


@pytest.mark.parametrize(
    ("path", "value", "printed"),
    [
        (("processing_fee", "amount"), "86.350", "86.350"),
        (("processing_fee", "amount"), "1e2", "1E+2"),
        (("proactive", "extra_rows"), '[{"label": "其他", "values": [4068.200]}]', "4068.200"),
    ],
)
def test_an_amount_written_as_a_json_number_keeps_its_digits(
    path: tuple[str, str], value: str, printed: str
) -> None:
    """orjson reads ``86.350`` as a float; the fast path takes no float, and json's exact
    Decimal is read instead: the digits as written, never a float's."""
    tree = to_data(load(EXAMPLES[-1]))
    tree.setdefault("processing_fee", {"amount": "0"})
    tree[path[0]][path[1]] = "@"
    text = json.dumps(tree, ensure_ascii=False).replace('"@"', value)
    report = loads(text, "json")
    assert report == _reference(text)
    amount = (
        report.processing_fee.amount  # type: ignore[union-attr]
        if path[0] == "processing_fee"
        else report.proactive.extra_rows[0].values[0].amount  # type: ignore[union-attr]
    )
    assert str(amount) == printed


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"intro": []', '"intro": ["\\ud800"]'),  # a lone surrogate: json reads it
        ('"total": 0', '"total": 123456789012345678901234567890'),  # beyond 64 bits
        ('"total": 0', '"total": -9223372036854775809'),
        ('"total": 0', '"total": NaN'),
        ('"total": 0', '"total": 1e400'),
        ('"year": 2023', '"year": 2023.0'),
    ],
)
def test_what_orjson_refuses_or_reads_otherwise_loads_as_json_reads_it(old: str, new: str) -> None:
    text = _text().replace('"total": ""', '"total": 0')
    assert old in text
    text = text.replace(old, new, 1)
    assert _loaded(text) == _reference(text)
