"""cells.csv, the long form: one line per report × cell, made from what the cache holds.

A worker renders only the lines of a report's extra rows (:func:`extra_cells`, few
reports have any); the lines of its standard cells are made when the outputs are
written, from its tables as stored (:func:`cells_lines`), with blank and "/" kept
apart and money with its unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from govinfo_report.formats import FormatVersion
from govinfo_report.model.cells import CellValue, Money
from govinfo_report.survey import _columns as columns
from govinfo_report.survey._payload import stored_values


def csv_field(text: str) -> str:
    """``text`` as one CSV field (quoted when it holds a comma, quote or line break)."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def extra_cells(name: str, tables: Sequence[Any]) -> bytes:
    """The cells.csv lines of the extra rows of ``tables`` (most reports have none)."""
    file = csv_field(name) + ","
    lines = []
    for table in tables:
        for i, extra in enumerate(table.extra_rows):
            label = csv_field(extra.label)
            for j, cell in enumerate(extra.values):
                lines.append(f"{file}{table.spec.id},extra.{i}.{j},{_extra_value(cell)},{label}\n")
    return "".join(lines).encode()


def cells_lines(name: str, version: str, tables: str, extra: bytes) -> bytes:
    """The cells.csv lines of the file ``name``: every standard cell, from its tables as
    stored (:func:`~govinfo_report.survey._payload.encode_tables`), then ``extra``.

    Made when the outputs are written, not in the worker: formatting 200 lines and
    compressing them for the cache cost a worker more than a tenth of a report, and
    the stored values are already there, exactly (an amount as its digits, blank as
    ``null``, "/" as ``"/"``)."""
    format_version = FormatVersion(version)
    template, money = columns.cells_template(format_version)
    t2, t3, t4 = stored_values(tables)
    values = t2 + t3 + t4
    if None in values:
        values = ["" if v is None else v for v in values]
    pieces = list(template)
    # str() writes a whole number as the file holds it and "/" as itself: only blanks
    # (None) and the money cells ([amount, unit]) need a value of their own.
    for position, unit in zip(money, columns.money_units(format_version), strict=True):
        value = values[position]
        if type(value) is list:
            values[position] = value[0]
            pieces[4 * position + 3] = f",{csv_field(value[1] or unit)},\n"
    pieces[0::4] = [csv_field(name) + ","] * len(values)
    pieces[2::4] = map(str, values)
    return "".join(pieces).encode() + extra


def _extra_value(value: CellValue) -> str:
    if isinstance(value, Money):
        return f"{value.amount},{csv_field(value.unit or '')}"
    return f"{columns.cell_text(value)},"


__all__ = ["cells_lines", "csv_field", "extra_cells"]
