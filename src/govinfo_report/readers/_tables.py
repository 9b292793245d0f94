"""Statistic tables from grids: rows and columns found by their labels, values placed
only where the document determines the cell.

A :class:`TableReader` is fed the source rows of one statistic table (from one or more
grids, plus caption paragraphs such as 第二十条第（一）项) and returns the
:class:`~govinfo_report.model.Table` and the findings.

The rules, in order:

- A **header row** holds no value and at least one header word (a column label, 信息内容,
  the Table 3 corner note, 申请人情况, 法人或其他组织, 行政诉讼). Consecutive header rows
  form one header; a column's label is the lowest header text that names a column
  (so 自然人 under 申请人情况 wins). Header cells cut at a line break ("本年新", "本年新")
  are resolved only when exactly as many unclaimed columns start with that text, in
  printed order.
- A **data row** is named by its most specific label (the last label cell, then the ones
  before it). Label cells are the leading text cells; ditto marks (〃) are skipped.
- Where the grid knows its merges (``Grid.origin``), a value is placed in the column its
  grid position falls under. Where it does not (flattened text), the data cells of the
  official tables are never merged and a flattener writes a row's cells left to right,
  an empty cell as an empty field, then pads rows to one width. So: when the grid is
  padded (rows filled to a common width, so a trailing empty field proves nothing),
  trailing empty fields are dropped first; a row with exactly one field per column
  (columns in the header's order) is placed whole; a *short* row whose k values follow
  its labels with no empty field before or among them gives its first k columns, in
  order (``R.SHORT_ROW``), and each of its other cells stays blank with an uncertain
  ``R.CELL`` (not given: blank in the source or lost in flattening, never 0). A short
  row with an empty field among its values, a row with more values than columns, or a
  short row under a header that does not name every column is not placed at all: its
  values are quoted in an ``R.CELL`` finding, since which column a value belongs to is
  unknown. A row with exactly one field (or cell) per column of the format under a
  header that names only some columns (a merged 法人或其他组织 over columns it does not
  name) is read in the format's column order, with ``R.HEADER_MISSING``, provided every
  value under a named column sits where that order puts it.
- Rows that match no label but carry values are kept as extra rows (Tables 2 and 3),
  unless their place determines the official row they misprint (:mod:`._table_position`).
  Table 4 printed as three 5-column tables: each line of values goes to the part its
  caption or title row names (:mod:`._table_parts`).

The stages live in their own modules, with plain data passed between them: the label
indexes and source rows (:mod:`._table_index`), the header (:mod:`._table_header`: what
each header cell names, the column map or field order under it), the values
(:mod:`._table_values`: each data row placed under the header it was read with,
:class:`~._table_values.PendingRow`), and the findings (:mod:`._table_notes`). This
module classifies the rows (caption, header, data, extra) and keeps the extra rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import TableSpec
from govinfo_report.model import BLANK, CellValue, ExtraRow, Table
from govinfo_report.readers import _findings as rf
from govinfo_report.readers._cells import is_value, parse_any
from govinfo_report.readers._labels import normalize
from govinfo_report.readers._table_header import HeaderReader
from govinfo_report.readers._table_index import (
    Slot,
    SourceRow,
    TableIndex,
    grid_rows,
    is_ditto,
    signature_labels,
    spec_index,
)
from govinfo_report.readers._table_notes import TableNotes
from govinfo_report.readers._table_parts import part_for, part_of
from govinfo_report.readers._table_position import Unmatched, by_position, neighbours
from govinfo_report.readers._table_values import PendingRow, ValuePlacer


@attrs.frozen
class _Header:
    """The header the next data rows are read under: the last run of header rows met,
    numbered (``version``) so that what is derived from one header can be cached, and
    ``open`` while the run may still grow (no other row has come since)."""

    rows: tuple[SourceRow, ...] = ()
    version: int = 0
    open: bool = False

    def add(self, row: SourceRow) -> _Header:
        """This header with one more row, or a new header starting with ``row``."""
        if self.open:
            return attrs.evolve(self, rows=(*self.rows, row))
        return _Header(rows=(row,), version=self.version + 1, open=True)

    def close(self) -> _Header:
        """The same header, no longer growing: a row other than a header row came."""
        return attrs.evolve(self, open=False) if self.open else self


class TableReader:
    """Reads one statistic table from the rows it is fed."""

    def __init__(self, table: TableSpec, number: int) -> None:
        self.spec = spec_index(table)
        self.table = table
        self.number = number
        self.notes = TableNotes(table, number, self.spec)
        self.heads = HeaderReader(table, self.spec, self.notes)
        self.placer = ValuePlacer(table, number, self.spec, self.notes, self.heads)
        # What the rows read so far leave behind: the extra rows kept, the header in
        # force, and the last official row met (where an extra row after it goes).
        self.extra: list[ExtraRow] = []
        self._header = _Header()
        self._last_row: str | None = None
        self._caption_part: str | None = None  # the Table 4 part the grid's caption names
        self._grid_start = 0  # the header version the grid started under

    @property
    def findings(self) -> list[Finding]:
        """The findings of the rows read so far (the table's own list, appended to)."""
        return self.notes.findings

    # --- feeding ------------------------------------------------------------------------

    def caption(self, text: str, location: str) -> bool:
        """Feed a paragraph that may be a Table 2 caption; whether it was one."""
        match = self.spec.captions.match(text)
        if match is None:
            return False
        self.notes.note_label(match, text, location)
        self._header = self._header.close()
        return True

    def feed(self, rows: Sequence[SourceRow], caption: str | None = None) -> None:
        """Feed the rows of one grid; ``caption``: the paragraph just above it, if any."""
        self._caption_part = None
        if caption is not None and self.spec.sideways:
            self._caption_part = part_of(self.table, caption)
        self._grid_start = self._header.version
        items: list[PendingRow | Unmatched] = []
        for row in rows:
            self._row(row, items)
        self._header = self._header.close()
        pending = self._resolve(items)
        padded = self._padded(rows, pending)
        for item in pending:
            self.placer.place(item, padded=padded)

    def _padded(
        self,
        rows: Sequence[SourceRow],
        pending: Sequence[PendingRow],
    ) -> bool:
        """A flattened grid whose rows were filled to one width: trailing empties are
        padding, not blank cells."""
        loose = [r for r in rows if r.loose]
        if not loose:
            return False
        for item in pending:
            if len(item.values) > self._width(item.row_id):
                return True
        widths = {len(r.texts) for r in loose}
        label_counts = {len(item.labels) for item in pending}
        return len(loose) >= 3 and len(widths) == 1 and len(label_counts) > 1

    def _width(self, row_id: str) -> int:
        if row_id == "":
            return len(self.table.cells)
        return len(self.spec.group_of[row_id].columns)

    def _resolve(self, items: Sequence[PendingRow | Unmatched]) -> list[PendingRow]:
        """The data rows of a grid, each unmatched row read as an official row where its
        place determines one (:mod:`._table_position`), else kept as an extra row."""
        claimed = set(self.placer.seen_rows)
        claimed.update(i.row_id for i in items if isinstance(i, PendingRow))
        pending: list[PendingRow] = []
        for index, item in enumerate(items):
            if isinstance(item, PendingRow):
                pending.append(item)
                continue
            placed = None
            if item.labels and item.has_values and not self.spec.sideways:
                before, behind, crowded = neighbours(items, index, item.after)
                if not crowded:
                    placed = by_position(self.table, item.labels[-1], before, behind, claimed)
            if placed is None:
                row, labels, values = item.row, item.labels, item.values
                self._unmatched(row, labels, values, item.has_values, item.raw, item.after)
                continue
            claimed.add(placed.row_id)
            self.notes.note_position(item.labels[-1], placed, item.row.location)
            pending.append(
                PendingRow(
                    item.row, placed.row_id, item.labels, item.values, item.header, item.version
                )
            )
        return pending

    def _row(
        self,
        row: SourceRow,
        pending: list[PendingRow | Unmatched],
    ) -> None:
        texts = row.texts
        nonempty = [t for t in texts if t]
        if not nonempty:
            if (
                self.spec.sideways
                and self._header.rows
                and not row.loose
                and self._last_row is None
            ):
                # Table 4's line of values, all blank: its rows are there, blank.
                part = self._line_part(self._header)
                self.placer.seen_rows.update([part] if part else (r.id for r in self.table.rows))
            return
        has_values = any(is_value(t) for t in nonempty)
        if not has_values and not self._blank_data_row(row):
            first = nonempty[0]
            caption = self.spec.captions.match(first)
            if caption is not None and len(set(nonempty)) == 1:
                self.notes.note_label(caption, first, row.location)
                self._header = self._header.close()
                return
            if any(self.heads.header_word(t) for t in nonempty):
                self._header = self._header.add(row)
                return
        self._header = self._header.close()
        header = self._header
        split = self._split(row)
        own = [i for i in range(split) if texts[i] and not is_ditto(texts[i])]
        label_texts = [texts[i] for i in own]
        values = [(texts[i], row.cols[i]) for i in range(split, len(texts))]
        row_id = self._match_row(label_texts, row.location)
        if row_id is None:
            if self.spec.sideways and not label_texts and has_values:
                # A line of values: of one part printed as its own table, or of all 15.
                part = self._line_part(header)
                pending.append(PendingRow(row, part or "", [], values, header.rows, header.version))
                return
            raw = [row.raw[i] for i in own] if row.raw else label_texts
            # Its place may make it an official row: decided once the grid is seen (every
            # unmatched row waits, so that the extra rows keep their printed order).
            after = self._last_row
            waiting = Unmatched(
                row, label_texts, values, tuple(raw), after, header.rows, header.version, has_values
            )
            pending.append(waiting)
            return
        self._last_row = row_id
        pending.append(PendingRow(row, row_id, label_texts, values, header.rows, header.version))

    def _line_part(self, header: _Header) -> str | None:
        """The Table 4 part a line of values gives (None: all 15); extra rows follow it."""
        mine = header.version > self._grid_start
        part = part_for(self.table, self.heads, header.rows, mine, self._caption_part)
        self._last_row = part or self.table.rows[-1].id
        return part

    def _blank_data_row(self, row: SourceRow) -> bool:
        """Under a header, a grid row with text only left of the header's value columns
        and every cell under them empty: a row whose values are all blank (its labels
        may be header words elsewhere: Table 4's 行政复议 printed row by row), not
        another header row."""
        if row.loose or not self._header.rows:
            return False
        first = self.heads.first_mapped_column(self._header.rows)
        if first is None or not any(c >= first for cols in row.cols for c in cols):
            return False
        return all(
            not text or max(cols) < first for text, cols in zip(row.texts, row.cols, strict=True)
        )

    def _split(self, row: SourceRow) -> int:
        """Index of the first value cell: after the last label before the first value."""
        texts = row.texts
        if not row.loose:
            first_mapped = self.heads.first_mapped_column(self._header.rows)
            if first_mapped is not None:
                split = len(texts)
                for i, cols in enumerate(row.cols):
                    if min(cols) >= first_mapped:
                        split = i
                        break
                head = texts[0] if texts else ""
                labelled = bool(head) and not is_value(head)
                # A text with digits in one column is a garbled value ("约5"), not a label.
                if labelled and any(ch.isdigit() for ch in head) and len(row.cols[0]) == 1:
                    labelled = False
                if split > 0 or not labelled:
                    return split
                # No label column (Table 4): a leading text is still the row's label.
        end = 0
        for i, text in enumerate(texts):
            if is_value(text):
                break
            if text:
                end = i + 1
        return end

    # --- rows ---------------------------------------------------------------------------

    def _match_row(self, labels: list[str], location: str) -> str | None:
        for text in reversed(labels):
            match = self.spec.rows.match(text)
            if match is not None:
                self.notes.note_label(match, text, location, (f"{self.table.id}.{match.key}",))
                return match.key
        return None

    def _unmatched(
        self,
        row: SourceRow,
        labels: list[str],
        values: list[tuple[str, tuple[int, ...]]],
        has_values: bool,
        raw: Sequence[str],
        after: str | None,
    ) -> None:
        distinct = {normalize(t) for t in row.texts if t}
        text_only = not has_values and (len(distinct) == 1 or not any(t for t, _ in values))
        if text_only and not row.loose and labels:
            # A grid that knows its cells: a text across the whole width is a note; a
            # label in the label column with empty cells beside it is a row (our own
            # output writes an extra row without values that way).
            spanned = {
                c for text, cols in zip(row.texts, row.cols, strict=True) if text for c in cols
            }
            text_only = len(spanned) >= row.width
        if text_only:
            if self._is_own_label(row.texts):
                return
            shown = " ".join(t for t in row.texts if t)
            self.findings.append(
                rf.finding(
                    rf.TABLE_NOTE,
                    Severity.NOTICE,
                    f"表{self.number}中的文字行未作为数据读取：“{shown}”",
                    f"a text-only row of table {self.number} was not read as data: {shown!r}",
                    location=row.location,
                )
            )
            return
        if not labels:
            self.notes.unplaced(row, [], values)
            return
        specific = list(raw or labels)
        while len(specific) > 1 and normalize(specific[0]) in self.spec.outer:
            specific.pop(0)  # the row group it sits in, not its own label
        label = " / ".join(specific)
        parsed: list[CellValue] = []
        index = len(self.extra)
        for text, _cols in values:
            value = parse_any(text)
            if value is None:
                self.notes.bad_value(f"{self.table.id}.extra_rows[{index}]", text, row.location)
                value = BLANK
            parsed.append(value)
        while parsed and parsed[-1] is BLANK and row.loose:
            parsed.pop()  # padding of a flattened row, not cells
        self.extra.append(ExtraRow(label=label, values=tuple(parsed), after=after))
        self.findings.append(
            rf.finding(
                rf.EXTRA_ROW,
                Severity.NOTICE,
                f"表{self.number}有格式之外的行“{label}”，已作为附加行保留",
                f"table {self.number} has a row the format does not declare, {label!r}; "
                "kept as an extra row",
                paths=(f"{self.table.id}.extra_rows[{index}]",),
                reported=label,
                location=row.location,
            )
        )

    def _is_own_label(self, texts: Sequence[str]) -> bool:
        """A row repeating the table's own title or a header word: nothing to report."""
        for text in texts:
            if not text:
                continue
            norm = normalize(text)
            if norm == normalize(self.table.title) or self.heads.header_word(text):
                return True
        return False

    # --- result -------------------------------------------------------------------------

    def result(self, location: str | None) -> tuple[Table, list[Finding]]:
        """The table read so far, and every finding (missing rows included)."""
        table = Table.from_mapping(self.table, self.placer.values)
        if self.extra:
            table = attrs.evolve(table, extra_rows=tuple(self.extra))
        return table, [*self.findings, *self.placer.closing_findings(location)]


__all__ = [
    "Slot",
    "SourceRow",
    "TableIndex",
    "TableReader",
    "grid_rows",
    "signature_labels",
    "spec_index",
]
