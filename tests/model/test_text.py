"""The text a report holds: the one set of characters no output stores, every text field."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from govinfo_report import (
    Contact,
    ExtraRow,
    Money,
    Report,
    Subsection,
    blank_report,
)
from govinfo_report.formats import TableSpec
from govinfo_report.model import text
from govinfo_report.model.text import UNSTORABLE, text_fields, texts
from strategies import reports

ALL_CHARACTERS = "".join(map(chr, range(sys.maxunicode + 1)))


def _xml_char(point: int) -> bool:
    """XML 1.0's Char production: what a Word file can hold at all."""
    return (
        point in (0x9, 0xA, 0xD)
        or 0x20 <= point <= 0xD7FF
        or 0xE000 <= point <= 0xFFFD
        or 0x10000 <= point <= 0x10FFFF
    )


def test_every_character_xml_forbids_is_unstorable() -> None:
    forbidden = {chr(p) for p in range(sys.maxunicode + 1) if not _xml_char(p)}
    assert forbidden <= set(UNSTORABLE.findall(ALL_CHARACTERS))


def test_beyond_xml_only_del_and_the_c1_controls_are_unstorable() -> None:
    # Markdown has no character reference for them either (CommonMark drops them).
    beyond = {c for c in UNSTORABLE.findall(ALL_CHARACTERS) if _xml_char(ord(c))}
    assert beyond == {chr(p) for p in range(0x7F, 0xA0)}


def _every_field_filled() -> Report:
    """A report with a string in every text field the model has, money units included."""
    report = blank_report("2021", year=2023, agency="某县某局")
    meta = attrs.evolve(
        report.metadata,
        title="某县某局2023年度报告",
        signing_date=dt.date(2024, 1, 15),
        contact=Contact(
            office="办公室", address="路1号", postcode="336500", phone="1", email="a@b"
        ),
    )
    overview = attrs.evolve(
        report.sections[0],
        paragraphs=("段一", "段二"),
        subsections=(Subsection(heading="（一）主动公开", paragraphs=("子段",)),),
    )
    proactive = attrs.evolve(
        report.proactive.replace({"fees.amount": Money(Decimal("1.5"), "万元")}),
        extra_rows=(
            ExtraRow(label="其他文件", values=(3, Money(Decimal(2), "元")), after="rules"),
        ),
    )
    return attrs.evolve(
        report,
        metadata=meta,
        intro=("引言",),
        sections=(overview, *report.sections[1:]),
        proactive=proactive,
    )


def _strings_by_asdict(report: Report) -> list[str]:
    """Every string attrs finds in the report, by brute force, format declarations aside."""
    found: list[str] = []

    def collect(value: Any) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list | tuple):
            for item in value:
                collect(item)

    collect(
        attrs.asdict(
            report,
            filter=lambda _attribute, value: not isinstance(value, TableSpec),
            value_serializer=lambda _i, _a, v: v.unit if isinstance(v, Money) else v,
        )
    )
    return found


def test_every_string_of_the_model_is_a_text_field() -> None:
    report = _every_field_filled()
    assert sorted(t for _, t in text_fields(report)) == sorted(_strings_by_asdict(report))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_texts_are_the_strings_of_the_text_fields(report: Report) -> None:
    assert texts(report) == [t for _, t in text_fields(report)]


def test_text_fields_have_the_paths_findings_use() -> None:
    paths = {t: p for p, t in text_fields(_every_field_filled())}
    assert paths["某县某局"] == "metadata.agency"
    assert paths["a@b"] == "metadata.contact.email"
    assert paths["引言"] == "intro[0]"
    assert paths["段二"] == "sections[0].paragraphs[1]"
    assert paths["（一）主动公开"] == "sections[0].subsections[0].heading"
    assert paths["子段"] == "sections[0].subsections[0].paragraphs[0]"
    assert paths["其他文件"] == "proactive.extra_rows[0].label"
    assert paths["rules"] == "proactive.extra_rows[0].after"


def test_a_money_unit_is_text_at_its_cell_path() -> None:
    fields = text_fields(_every_field_filled())
    assert ("proactive.fees.amount", "万元") in fields
    assert ("proactive.extra_rows[0].values[1]", "元") in fields


def test_a_model_field_the_walk_cannot_read_is_refused() -> None:
    with pytest.raises(TypeError, match="cannot walk a model field of type list"):
        text._holds_text(list[str])
