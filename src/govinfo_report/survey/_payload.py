"""What the later phases of a survey keep of a report: its tables' values.

Cross-year pairing (X.1-X.3) and 汇总 across levels (H.1) run after every file has been
read, on reports long gone from the workers. They need only the statistic tables, so
phase 1 stores exactly that, as compact JSON in the survey's cache:
:func:`decode_tables` gives the values back as the rules read them, and
:func:`lite_report` rebuilds a :class:`Report` holding them with the metadata that
identify it (extra rows are not kept: no rule of these phases reads them). Blank is
``null``, "/" is ``"/"``, an amount of money ``[digits, unit]``, so every value comes
back exactly.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

import orjson

from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.model import (
    BLANK,
    NOT_APPLICABLE,
    AgencyKind,
    CellValue,
    Metadata,
    Money,
    Report,
    Table,
)
from govinfo_report.survey import _json


def _encode_value(value: CellValue) -> Any:
    if type(value) is int:
        return value
    if isinstance(value, Money):
        return [str(value.amount), value.unit]
    return None if value is BLANK else "/"


def _decode_value(value: Any) -> CellValue:
    if type(value) is int:
        return value
    if value is None:
        return BLANK
    if value == "/":
        return NOT_APPLICABLE
    amount, unit = value
    return Money(Decimal(amount), unit)


class StoredValues:
    """One table's stored values, each decoded when a rule reads it (``values[i]``).

    The cross-year rules read a dozen of a table's two hundred cells, and decoding them
    all was most of the time of pairing 10,000 reports.
    """

    __slots__ = ("_raw",)

    def __init__(self, raw: list[Any]) -> None:
        self._raw = raw

    def __len__(self) -> int:
        return len(self._raw)

    def __getitem__(self, index: int) -> CellValue:
        value = self._raw[index]
        return value if type(value) is int else _decode_value(value)

    def __iter__(self) -> Iterator[CellValue]:
        return (v if type(v) is int else _decode_value(v) for v in self._raw)


class Values(NamedTuple):
    """One table's values, as a rule reads them (``table.values[i]``)."""

    values: StoredValues


class StoredTables(NamedTuple):
    """Tables 2, 3 and 4 as stored: what the cross-year rules read of a report
    (``report.<table>.values``), without building the tables and their checks again."""

    proactive: Values
    applications: Values
    review_litigation: Values


def decode_tables(tables: str) -> StoredTables:
    """The values :func:`encode_tables` stored."""
    t2, t3, t4 = (Values(StoredValues(vs)) for vs in stored_values(tables))
    return StoredTables(t2, t3, t4)


def encode_tables(report: Report) -> str:
    """The values of Tables 2, 3 and 4 as compact JSON.

    Written by orjson (a sixth of json's time in the worker); a count beyond 64 bits,
    or a unit holding a lone surrogate, which orjson refuses, by json, as before."""
    values = [_encoded(table.values) for table in report.tables]
    try:
        return orjson.dumps(values).decode()
    except TypeError:
        return json.dumps(values, separators=(",", ":"))


def stored_values(tables: str) -> list[list[Any]]:
    """The three lists of values that :func:`encode_tables` wrote, exactly.

    Read by :func:`~govinfo_report.survey._json.tree` (orjson: a fifth of json's time;
    the later phases read every report's, one after the other). orjson reads a count
    beyond 64 bits as a float, which no stored value is, so a text holding one is read
    again by json, which keeps it whole."""
    values: list[list[Any]] = _json.tree(tables)
    if any(float in set(map(type, vs)) for vs in values):
        return list(json.loads(tables))
    return values


_INT = frozenset({int})


def _encoded(values: tuple[CellValue, ...]) -> Any:
    """A table's values as stored: as they are when they are all counts (nearly every
    Table 3 and 4; one C-level test), else value by value."""
    if set(map(type, values)) <= _INT:
        return values
    return [v if type(v) is int else _encode_value(v) for v in values]


def lite_report(
    *,
    agency: str,
    year: int,
    version: str,
    kind: str,
    tables: str,
) -> Report:
    """A report holding what phase 1 kept: its metadata and its tables' values."""
    format_version = FormatVersion(version)
    spec = get_format(format_version)
    values = stored_values(tables)
    proactive, applications, review_litigation = (
        Table(spec=table, values=tuple(_decode_value(v) for v in vs))
        for table, vs in zip(spec.tables, values, strict=True)
    )
    return Report(
        metadata=Metadata(
            agency=agency, year=year, format_version=format_version, agency_kind=AgencyKind(kind)
        ),
        sections=(),
        proactive=proactive,
        applications=applications,
        review_litigation=review_litigation,
    )


__all__ = [
    "StoredTables",
    "StoredValues",
    "Values",
    "decode_tables",
    "encode_tables",
    "lite_report",
    "stored_values",
]
