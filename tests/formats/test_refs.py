"""Format declarations pickle (and copy) by reference: they come back as the same object."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from govinfo_report import blank_report, fill_totals, serialize
from govinfo_report.errors import UnknownFormatError
from govinfo_report.formats import FORMATS, Column, FormatVersion, Row, RowGroup, TableSpec
from govinfo_report.formats._refs import lookup

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "example_2021.yaml"


def declared() -> Iterator[object]:
    """Every object the two formats declare."""
    for spec in FORMATS.values():
        yield spec
        yield from spec.sections
        for table in spec.tables:
            yield table
            yield from table.cells
            for group in table.groups:
                yield group
                yield from group.rows
                yield from group.columns


@pytest.mark.parametrize("protocol", [0, 2, pickle.HIGHEST_PROTOCOL])
def test_every_declared_object_unpickles_as_itself(protocol: int) -> None:
    changed = [
        obj for obj in declared() if pickle.loads(pickle.dumps(obj, protocol=protocol)) is not obj
    ]
    assert changed == []


def test_a_pickled_table_spec_is_a_short_reference() -> None:
    # By value, a table spec carried its whole declaration (several KB).
    assert len(pickle.dumps(FORMATS[FormatVersion.V2021].applications)) < 100


def test_deep_copy_of_a_report_shares_its_specs() -> None:
    report = blank_report(year=2023, agency="沭阳县发展和改革局", fill=0)
    copied = copy.deepcopy(report)
    assert copied.applications.spec is report.applications.spec
    assert fill_totals(attrs.evolve(copied)) == fill_totals(report)


def test_unpickled_report_can_be_evolved_and_filled() -> None:
    report = serialize.load(EXAMPLE)
    unpickled = pickle.loads(pickle.dumps(report))
    assert attrs.evolve(unpickled, intro=()) == attrs.evolve(report, intro=())
    assert fill_totals(unpickled) == fill_totals(report)


def test_pickled_report_is_smaller_than_its_json() -> None:
    report = serialize.load(EXAMPLE)
    assert len(pickle.dumps(report)) < len(serialize.dumps(report, "json").encode("utf-8"))


def test_a_spec_no_format_declares_pickles_by_value() -> None:
    group = RowGroup(
        id="g",
        columns=(Column(id="n", label="数量", english="number"),),
        rows=(Row(id="r", label_path=("行",), english="row"),),
    )
    spec = TableSpec(
        id="custom",
        number=9,
        version=FormatVersion.V2021,
        title="自定义",
        english="custom",
        groups=(group,),
    )
    unpickled = pickle.loads(pickle.dumps(spec))
    assert unpickled == spec
    assert unpickled is not spec
    assert unpickled.cell("r.n").column == spec.cell("r.n").column


def test_a_reference_this_version_does_not_declare_is_a_clear_error() -> None:
    with pytest.raises(UnknownFormatError, match=r"2021/cell/applications/nowhere\.total"):
        lookup("2021", "cell", "applications", "nowhere.total")
