"""The value stage of the table reader: a data row's values placed in their cells,
under the header that preceded the row (passed in with the row, as plain data).

Where the grid knows its merges, a value goes to the column its grid position falls
under; in flattened text, by the order of fields when the header names every column
(see the rules in :mod:`govinfo_report.readers._tables`). Cells are filled once: a
second, different value is a conflict, reported, and the first one kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import TableSpec
from govinfo_report.model import BLANK, CellValue
from govinfo_report.readers import _findings as rf
from govinfo_report.readers._cells import parse
from govinfo_report.readers._table_header import HeaderReader
from govinfo_report.readers._table_index import Slot, SourceRow, TableIndex
from govinfo_report.readers._table_notes import TableNotes

_Head = tuple[Sequence[SourceRow], int]
"""The header rows a data row was read under, and that header's version number."""


@attrs.frozen
class PendingRow:
    """A data row waiting for the whole grid to be seen (to tell padding from blanks)."""

    row: SourceRow
    row_id: str
    labels: list[str]
    values: list[tuple[str, tuple[int, ...]]]
    header: Sequence[SourceRow]
    version: int


class ValuePlacer:
    """Places the values of one table's data rows; ``values`` is the result."""

    def __init__(
        self,
        table: TableSpec,
        number: int,
        spec: TableIndex,
        notes: TableNotes,
        heads: HeaderReader,
    ) -> None:
        self.table = table
        self.number = number
        self.spec = spec
        self.notes = notes
        self.heads = heads
        self.findings = notes.findings
        self.values: dict[str, CellValue] = {}
        self.placed_from: dict[str, str] = {}
        """Cell id → the text its value was read from (to quote in a conflict)."""
        self.seen_rows: set[str] = set()
        self._not_given: dict[str, tuple[tuple[str, str], str]] = {}
        """Cells a short flattened row does not give: cell id → (the row named in zh and
        en, location)."""
        self._header_missing_noted = False
        self._partial_noted = False
        self._maps: dict[tuple[int, str], dict[int, Slot]] = {}
        self._sequences: dict[tuple[int, str], Sequence[Slot] | None] = {}
        self._row_maps: dict[tuple[int, str], dict[int, Slot]] = {}
        self._covered: dict[tuple[int, str, str], bool] = {}
        """(header version, kind of reading, row id) → whether the header names every
        column of the row (see :meth:`_partial`)."""

    def place(self, item: PendingRow, *, padded: bool) -> None:
        """Place the values of one data row under the header that preceded it.

        ``padded``: the row's grid was filled to one width, so trailing empty fields are
        padding, not blank cells.
        """
        row, row_id, values = item.row, item.row_id, item.values
        head = (item.header, item.version)
        if row_id:
            self.seen_rows.add(row_id)
        else:
            self.seen_rows.update(r.id for r in self.table.rows)
        assigned: dict[Slot, list[str]] = {}
        if row.loose:
            texts = [t for t, _ in values]
            if padded:
                while texts and not texts[-1]:
                    texts.pop()
            sequence = self._loose_slots(head, row_id)
            if sequence is None:
                sequence = self._headerless(head, row_id, len(texts), row.location)
            elif self._partial(head, "loose", sequence, row_id, len(texts)):
                sequence = self._in_format_order(row_id, row.location)
            if (
                sequence is not None
                and len(texts) < len(sequence)
                and self._short_row(row, row_id, texts, sequence)
            ):
                return
            if sequence is None or len(texts) != len(sequence):
                self.notes.unplaced(row, [row_id] if row_id else [], values)
                return
            for slot, text in zip(sequence, texts, strict=True):
                assigned.setdefault(slot, []).append(text)
        else:
            mapped = self._positional_slots(head, row_id, values, row.location)
            if mapped is None:
                guess = self._headerless(head, row_id, len(values), row.location)
                if guess is None:
                    self.notes.unplaced(row, [row_id] if row_id else [], values)
                    return
                for slot, (text, _) in zip(guess, values, strict=True):
                    assigned.setdefault(slot, []).append(text)
            else:
                assigned = mapped
        self._commit(row, row_id, assigned)

    def _short_row(
        self, row: SourceRow, row_id: str, texts: list[str], sequence: Sequence[Slot]
    ) -> bool:
        """Place a flattened row with fewer values than columns in its first columns,
        when order alone determines them; whether it was placed.

        The values must follow the labels directly and one another (an empty field
        before or among them could be a blank cell or padding, so the columns of the
        values after it are unknown), and the header must name every column of the row.
        """
        given = list(texts)
        while given and not given[-1]:
            given.pop()
        if not given or not all(given) or len(given) >= len(sequence):
            return False
        expected = self.heads.expected_slots(row_id)
        if len(sequence) != len(expected) or set(sequence) != set(expected):
            return False
        who = self._row_named(row_id)
        k, n = len(given), len(sequence)
        first = ("第1列", "the first column") if k == 1 else (f"前{k}列", f"the first {k} columns")
        placed = [self._slot_path(slot, row_id) for slot in sequence[:k]]
        self.findings.append(
            rf.finding(
                rf.SHORT_ROW,
                Severity.NOTICE,
                f"{who[0]}给出{k}个数值，该行有{n}个单元格；数值按顺序放入{first[0]}，"
                "其余单元格保留为空",
                f"{who[1]} gives {k} value(s) for {n} cells; placed in {first[1]} by "
                "order, the other cells left blank",
                paths=placed,
                reported=" | ".join(given),
                location=row.location,
            )
        )
        self._commit(row, row_id, {s: [t] for s, t in zip(sequence[:k], given, strict=True)})
        for slot_row, column in sequence[k:]:
            # Reported at the end, unless another row of the table gives the cell.
            cell_id = f"{slot_row or row_id}.{column}"
            self._not_given.setdefault(cell_id, (who, row.location))
        return True

    def _row_named(self, row_id: str) -> tuple[str, str]:
        """How findings name a data row: (Chinese, English)."""
        if not row_id:
            return f"表{self.number}的数值行", f"the values row of table {self.number}"
        group = self.spec.group_of[row_id]
        row = next(r for r in group.rows if r.id == row_id)
        label = " / ".join(row.label_path)
        return f"表{self.number}“{label}”一行", f"row {label!r} of table {self.number}"

    def _slot_path(self, slot: Slot, row_id: str) -> str:
        return f"{self.table.id}.{slot[0] or row_id}.{slot[1]}"

    def _commit(self, row: SourceRow, row_id: str, assigned: dict[Slot, list[str]]) -> None:
        for (slot_row, column), texts in assigned.items():
            target = slot_row or row_id
            cell_id = f"{target}.{column}"
            if cell_id not in self.table.index:
                continue
            path = f"{self.table.id}.{cell_id}"
            if len(texts) == 1:
                distinct = [texts[0]] if texts[0] else []
            else:
                distinct = sorted({t for t in texts if t})
            if len(distinct) > 1:
                self.notes.conflict(path, distinct, row.location)
                continue
            text = distinct[0] if distinct else ""
            value = parse(text, self.table.cell(cell_id).kind)
            if value is None:
                self.notes.bad_value(path, text, row.location)
                value = BLANK
            if cell_id in self.values:
                if self.values[cell_id] != value:
                    self.notes.conflict(path, [self.placed_from[cell_id], text], row.location)
                continue
            self.values[cell_id] = value
            self.placed_from[cell_id] = text

    def _positional_slots(
        self, head: _Head, row_id: str, values: list[tuple[str, tuple[int, ...]]], location: str
    ) -> dict[Slot, list[str]] | None:
        mapping = self._positional_map(head, row_id)
        if not mapping:
            return None
        if self._partial(head, "grid", mapping.values(), row_id, len(values)) and self._agrees(
            mapping, values, row_id
        ):
            order = self._in_format_order(row_id, location)
            return {slot: [text] for slot, (text, _) in zip(order, values, strict=True)}
        own = self._row_map(head, row_id, mapping)
        assigned: dict[Slot, list[str]] = {}
        for text, cols in values:
            if len(cols) == 1:
                slot = own.get(cols[0])
                slots = {slot} if slot is not None else set()
            else:
                slots = {own[c] for c in cols if c in own}
            if len(slots) == 1:
                assigned.setdefault(slots.pop(), []).append(text)
            elif text:
                # Under no column, or one merged value over several columns: not placeable.
                self.notes.quote(
                    [f"{self.table.id}.{(s[0] or row_id)}.{s[1]}" for s in sorted(slots, key=str)]
                    or [f"{self.table.id}.{row_id or '*'}"],
                    text,
                    "此值不在任何一列之下或跨越多列" if not slots else "此值跨越多列",
                    "it lies under no column" if not slots else "it spans several columns",
                    location,
                )
        for slot in self.heads.expected_slots(row_id):
            assigned.setdefault(slot, [])
        return assigned

    def _row_map(self, head: _Head, row_id: str, mapping: dict[int, Slot]) -> dict[int, Slot]:
        """``mapping`` narrowed to what a value of row ``row_id`` may go to: for a row, a
        column of its own (a part named over its columns, as Table 4 printed part by part,
        is the row); for the values row of a table without label rows, a slot naming its
        row. Cached per header and row."""
        key = (head[1], row_id)
        own = self._row_maps.get(key)
        if own is None:
            if row_id:
                own = {c: (None, s[1]) for c, s in mapping.items() if s[0] in (None, row_id)}
            else:
                own = {c: s for c, s in mapping.items() if s[0] is not None}
            self._row_maps[key] = own
        return own

    def _positional_map(self, head: _Head, row_id: str) -> dict[int, Slot]:
        # Cached per header (by its version number) and row group.
        key = (head[1], row_id and self.spec.group_of[row_id].id)
        if key not in self._maps:
            self._maps[key] = self.heads.positional_map(head[0], row_id)
        return self._maps[key]

    def _loose_slots(self, head: _Head, row_id: str) -> Sequence[Slot] | None:
        key = (head[1], row_id and self.spec.group_of[row_id].id)
        if key not in self._sequences:
            self._sequences[key] = self.heads.loose_sequence(head[0], row_id)
        return self._sequences[key]

    def _partial(
        self, head: _Head, kind: str, named: Iterable[Slot], row_id: str, count: int
    ) -> bool:
        """Whether a header naming the slots ``named`` leaves some of the row's columns
        unnamed while the row gives exactly one field per column of the format.

        ``named`` is what header ``head`` gives in the ``kind`` of reading ("grid" or
        "loose"): whether it names every column is answered once per header and row.
        """
        expected = self.heads.expected_slots(row_id)
        if count != len(expected):
            return False
        memo = (head[1], kind, row_id)
        covered = self._covered.get(memo)
        if covered is None:
            columns = {(s[0] or None, s[1]) for s in named}
            wanted = {(s[0] or None, s[1]) for s in expected}
            if row_id:
                columns = {(None, c) for r, c in columns if r in (None, row_id)}
            covered = self._covered[memo] = wanted <= columns
        return not covered

    def _agrees(
        self, mapping: dict[int, Slot], values: list[tuple[str, tuple[int, ...]]], row_id: str
    ) -> bool:
        """Whether every value under a named column sits where the format's order puts it."""
        for (_text, cols), want in zip(values, self.heads.expected_slots(row_id), strict=True):
            for c in cols:
                slot = mapping.get(c)
                if slot is None:
                    continue
                if slot[1] != want[1] or (slot[0] and want[0] and slot[0] != want[0]):
                    return False
        return True

    def _in_format_order(self, row_id: str, location: str) -> Sequence[Slot]:
        """The format's column order for a row with one field per column under a header
        that names only some of them (cells merged or lost in extraction), noted once."""
        if not self._partial_noted:
            self._partial_noted = True
            self.findings.append(
                rf.finding(
                    rf.HEADER_MISSING,
                    Severity.WARNING,
                    f"表{self.number}的列标题只列出了部分列；每列各有一个字段的行按格式规定的列"
                    "顺序读取",
                    f"the column header of table {self.number} names only some of the "
                    "columns; rows with one field per column were read in the format's "
                    "column order",
                    paths=(self.table.id,),
                    location=location,
                )
            )
        return self.heads.expected_slots(row_id)

    def _headerless(
        self, head: _Head, row_id: str, count: int, location: str
    ) -> Sequence[Slot] | None:
        """The format's column order for a table printed without a header, when the row
        has exactly as many values as the format has columns."""
        if head[0]:
            return None
        expected = self.heads.expected_slots(row_id)
        if count != len(expected):
            return None
        if not self._header_missing_noted:
            self._header_missing_noted = True
            self.findings.append(
                rf.finding(
                    rf.HEADER_MISSING,
                    Severity.WARNING,
                    f"表{self.number}没有列标题，数值按格式规定的列顺序读取",
                    f"table {self.number} prints no column header; values were read in the "
                    "format's column order",
                    paths=(self.table.id,),
                    location=location,
                )
            )
        return expected

    def closing_findings(self, location: str | None) -> list[Finding]:
        """The findings only the whole table can tell: cells no row gave, rows not found."""
        findings: list[Finding] = []
        for cell_id, (who, where) in self._not_given.items():
            if cell_id in self.values:
                continue  # another row of the table gives it
            path = f"{self.table.id}.{cell_id}"
            findings.append(
                rf.finding(
                    rf.CELL,
                    Severity.WARNING,
                    f"{who[0]}没有给出单元格 {path} 的数值（原表为空，或转为文本时丢失），保留为空",
                    f"{who[1]} gives no value for cell {path} (blank in the source, or "
                    "lost when the table was flattened to text); left blank",
                    paths=(path,),
                    location=where,
                    uncertain=True,
                )
            )
        for row in self.table.rows:
            if row.id in self.seen_rows:
                continue
            group = self.spec.group_of[row.id]
            path = " / ".join(row.label_path)
            findings.append(
                rf.finding(
                    rf.ROW_MISSING,
                    Severity.WARNING,
                    f"表{self.number}中没有找到“{path}”一行，其单元格保留为空",
                    f"row {path!r} was not found in table {self.number}; its cells are left blank",
                    paths=tuple(f"{self.table.id}.{row.id}.{c.id}" for c in group.columns),
                    location=location,
                    uncertain=True,
                )
            )
        return findings
