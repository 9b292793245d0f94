"""What the table reader reads from and with: the source rows of a grid, and the label
indexes of one table declaration (built once per table).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from govinfo_report.formats import FormatVersion, RowGroup, TableSpec, get_format
from govinfo_report.formats.layout import layout_of, row_variants
from govinfo_report.readers._labels import LabelIndex, normalize

Slot = tuple[str | None, str]
"""(row id or None, column id): what a header position names."""


@attrs.frozen
class SourceRow:
    """One row of a grid as the table reader sees it: its distinct cells in order."""

    texts: tuple[str, ...]
    """Cell texts, one per distinct cell (merged cells once)."""
    cols: tuple[tuple[int, ...], ...]
    """For each cell, the grid columns it covers (flattened text: its own slot index)."""
    location: str
    loose: bool
    """True when the grid does not know its merges (flattened text)."""
    width: int = 0
    """Columns of the grid the row belongs to."""
    raw: tuple[str, ...] = ()
    """The cell texts as written (``texts`` are stripped), when the grid knows its
    merges: an extra row's label keeps its spaces."""


_DITTO = frozenset({"〃", '"', "”", "“", "同上"})


def is_ditto(text: str) -> bool:
    """Whether a label cell holds only a ditto mark (〃, 同上): no label of its own."""
    return text.strip() in _DITTO


def grid_rows(
    cells: Sequence[Sequence[str]],
    origin: Sequence[Sequence[tuple[int, int]]] | None,
    locations: Sequence[str],
) -> list[SourceRow]:
    """The rows of a grid as :class:`SourceRow` s, merged cells collapsed to one."""
    rows: list[SourceRow] = []
    width = max((len(line) for line in cells), default=0)
    for r, line in enumerate(cells):
        texts: list[str] = []
        raw: list[str] = []
        cols: list[tuple[int, ...]] = []
        if origin is None:
            for c, text in enumerate(line):
                texts.append(text.strip())
                cols.append((c,))
        else:
            seen: dict[tuple[int, int], int] = {}
            for c, text in enumerate(line):
                key = origin[r][c] if c < len(origin[r]) else (r, c)
                if key in seen:
                    i = seen[key]
                    cols[i] = (*cols[i], c)
                    continue
                seen[key] = len(texts)
                texts.append(text.strip())
                raw.append(text)
                cols.append((c,))
        rows.append(
            SourceRow(tuple(texts), tuple(cols), locations[r], origin is None, width, tuple(raw))
        )
    return rows


@attrs.frozen
class TableIndex:
    """Lookup tables for one TableSpec, built once."""

    table: TableSpec
    rows: LabelIndex[str]
    columns: dict[str, LabelIndex[str]]
    """Per group id."""
    captions: LabelIndex[str]
    header_words: LabelIndex[str]
    t4_rows: LabelIndex[str]
    """Row labels as header texts, for a table whose header names its rows (Table 4)."""
    sideways: bool
    """The official layout prints the rows side by side, named in the header."""
    group_of: dict[str, RowGroup]
    outer: frozenset[str]
    """Normalised labels that name a group of rows (三、本年度办理结果, （五）不予处理)."""


@functools.cache
def spec_index(table: TableSpec) -> TableIndex:
    """The (cached) label indexes of ``table``."""
    rows: LabelIndex[str] = LabelIndex(ordinals_optional=True)
    for row in table.rows:
        rows.add(row.label, row.id)
    for variant, row_id in row_variants(table):
        canonical = next(r.label for r in table.rows if r.id == row_id)
        rows.add(variant, row_id, variant=True, canonical=canonical)
    columns: dict[str, LabelIndex[str]] = {}
    captions: LabelIndex[str] = LabelIndex()
    words: LabelIndex[str] = LabelIndex()
    group_of: dict[str, RowGroup] = {}
    for group in table.groups:
        index: LabelIndex[str] = LabelIndex()
        for column in group.columns:
            index.add(column.label, column.id)
            words.add(column.label, "column")
            if column.parent:
                words.add(column.parent, "parent")
        columns[group.id] = index
        if group.caption:
            captions.add(group.caption, group.id)
        if group.header_first_cell:
            words.add(group.header_first_cell, "first")
        for row in group.rows:
            group_of[row.id] = group
    if table.corner_note:
        words.add(table.corner_note, "corner")
    if table.column_group:
        words.add(table.column_group, "group")
    t4_rows: LabelIndex[str] = LabelIndex()
    sideways = layout_of(table).rows_in_header
    if sideways:
        for row in table.rows:
            t4_rows.add(row.label, row.id)
            for outer in row.label_path[:-1]:
                words.add(outer, "parent")
    groups = frozenset(normalize(label) for row in table.rows for label in row.label_path[:-1])
    return TableIndex(table, rows, columns, captions, words, t4_rows, sideways, group_of, groups)


def signature_labels(table: TableSpec) -> LabelIndex[str]:
    """Every label of ``table`` (rows, columns, captions, notes), keyed by itself."""
    index: LabelIndex[str] = LabelIndex()
    for group in table.groups:
        for label in (group.caption, group.header_first_cell):
            if label:
                index.add(label, normalize(label))
        for column in group.columns:
            index.add(column.label, normalize(column.label))
        for row in group.rows:
            for label in row.label_path:
                index.add(label, normalize(label))
    for label in (table.corner_note, table.column_group):
        if label:
            index.add(label, normalize(label))
    return index


@functools.cache
def caption_index() -> LabelIndex[str]:
    """The Table 2 group captions (第二十条第（一）项…) of both formats, keyed by group id:
    a paragraph that is one belongs to Table 2, not to the text."""
    index: LabelIndex[str] = LabelIndex()
    for version in FormatVersion:
        for group in get_format(version).proactive.groups:
            if group.caption:
                index.add(group.caption, group.id)
    return index
