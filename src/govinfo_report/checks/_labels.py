"""Human names for cells and rows in findings, derived from the format declarations.

Messages name cells the way the printed table does: Table 3 rows by their ordinals
(一, 二, 三（七）, 四 — read off the labels in ``formats/``), everything else by its
labels. Nothing here spells a table label; it only takes labels apart.
"""

from __future__ import annotations

import re

from govinfo_report.formats import CellSpec, Row, TableSpec

_ORDINAL = re.compile(r"^(?:([一二三四五六七八九十]+)、|(（[一二三四五六七八九十]+）)|(\d+)\.)")


def ordinal(label: str) -> str:
    """The numbering a label starts with: "一、…" → "一", "（七）…" → "（七）", "1.…" → "1"."""
    match = _ORDINAL.match(label)
    if match is None:
        return ""
    return next(group for group in match.groups() if group)


def row_ordinal(row: Row) -> str:
    """A Table 3 row by its numbering: "一", "三（七）", "三（三）1"; its label if unnumbered."""
    numbered = "".join(ordinal(label) for label in row.label_path)
    return numbered or row.label


def cell_zh(table: TableSpec, cell: CellSpec) -> str:
    """The full Chinese name of a cell: table title and every label that names the cell."""
    return f"{table.title}「{' / '.join(cell.labels)}」"


def cell_en(table: TableSpec, cell: CellSpec) -> str:
    """The full English name of a cell."""
    return f"Table {table.number} ({table.english}), {cell.row.english} / {cell.column.english}"


def row_zh(row: Row) -> str:
    """A row's label path as printed, outermost first."""
    return " ".join(row.label_path)
