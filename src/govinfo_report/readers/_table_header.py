"""Reading a table's header: what each header cell names (a column, a row group, or
both), and from that the grid columns (merged grids) or the order of fields (flattened
text) under which a data row's values fall. Plain functions of the header rows, so the
reader can cache their answers per header.
"""

from __future__ import annotations

from collections.abc import Sequence

from govinfo_report.formats import TableSpec
from govinfo_report.readers._labels import normalize
from govinfo_report.readers._table_index import Slot, SourceRow, TableIndex
from govinfo_report.readers._table_notes import TableNotes


class HeaderReader:
    """Resolves the header rows of one table (findings go to ``notes``)."""

    def __init__(self, table: TableSpec, spec: TableIndex, notes: TableNotes) -> None:
        self.table = table
        self.spec = spec
        self.notes = notes
        self._first: tuple[Sequence[SourceRow] | None, int | None] = (None, None)
        """The last header :meth:`first_mapped_column` answered for, and its answer
        (asked once per data row, with the same header rows until the header changes)."""
        self._expected: dict[str, tuple[Slot, ...]] = {}

    def header_word(self, text: str) -> bool:
        if self.spec.header_words.match(text, fuzzy=False) is not None:
            return True
        if self.spec.sideways:
            return self.sideways_slot(text) is not None
        return any(index.match(text) is not None for index in self.spec.columns.values())

    def first_mapped_column(self, header: Sequence[SourceRow]) -> int | None:
        """The leftmost grid column the current (positional) header maps to a column."""
        if self._first[0] is header:
            return self._first[1]
        first = self._first_mapped_column(header)
        self._first = (header, first)
        return first

    def _first_mapped_column(self, header: Sequence[SourceRow]) -> int | None:
        columns: list[int] = []
        for hrow in header:
            if hrow.loose:
                return None
            for text, cols in zip(hrow.texts, hrow.cols, strict=True):
                if text and self.column_of(text) is not None:
                    columns.extend(cols)
        return min(columns) if columns else None

    def column_of(self, text: str) -> str | None:
        if self.spec.sideways:
            slot = self.sideways_slot(text)
            return slot[1] if slot else None
        for index in self.spec.columns.values():
            match = index.match(text)
            if match is not None:
                return match.key
        return None

    def expected_slots(self, row_id: str) -> tuple[Slot, ...]:
        """The slots a data row of ``row_id`` has (every cell of the table for ``""``),
        in the format's order (computed once per row id)."""
        slots = self._expected.get(row_id)
        if slots is None:
            slots = self._expected[row_id] = self._expected_slots(row_id)
        return slots

    def _expected_slots(self, row_id: str) -> tuple[Slot, ...]:
        if row_id:
            return tuple((None, c.id) for c in self.spec.group_of[row_id].columns)
        return tuple((r.id, c.id) for r in self.table.rows for c in self.table.groups[0].columns)

    def positional_map(self, header: Sequence[SourceRow], row_id: str) -> dict[int, Slot]:
        columns: dict[int, str] = {}
        row_part: dict[int, str] = {}
        for hrow in header:
            if hrow.loose:
                continue
            resolved = self.resolve_header(hrow.texts, row_id, hrow.location)
            for slot, cols in zip(resolved, hrow.cols, strict=True):
                if slot is None:
                    continue
                for c in cols:
                    # Lower header rows are more specific: they overwrite.
                    if slot[0]:
                        row_part[c] = slot[0]
                    if slot[1]:
                        columns[c] = slot[1]
        mapping: dict[int, Slot] = {c: (row_part.get(c), col) for c, col in columns.items()}
        return mapping

    def loose_sequence(self, header: Sequence[SourceRow], row_id: str) -> Sequence[Slot] | None:
        rows = [h for h in header if h.loose]
        if not rows:
            return None
        expected = self.expected_slots(row_id)
        resolved = [
            [s for s in self.resolve_header(h.texts, row_id, h.location) if s and s[1]]
            for h in rows
        ]
        for slots in resolved:
            if len(slots) == len(expected) and set(slots) == set(expected):
                return slots
        if self.spec.sideways and not row_id:
            columns = {s[1] for slots in resolved for s in slots}
            groups = {s[0] for h in rows for s in self.resolve_header(h.texts, "", h.location) if s}
            if columns == {c.id for c in self.table.groups[0].columns} and groups >= {
                r.id for r in self.table.rows
            }:
                return expected
            return None
        union = {s for slots in resolved for s in slots}
        if union >= set(expected) and len(rows) > 1:
            # A header of several rows (a parent over its columns) flattened: the
            # columns are all named, in the format's fixed order.
            return expected
        best = max(resolved, key=len)
        return best or None

    def resolve_header(self, texts: Sequence[str], row_id: str, location: str) -> list[Slot | None]:
        """What each header cell names, for rows of ``row_id``'s group."""
        if self.spec.sideways:
            return [self.sideways_slot(t) if t else None for t in texts]
        group = self.spec.group_of[row_id] if row_id else self.table.groups[0]
        index = self.spec.columns[group.id]
        out: list[Slot | None] = []
        unresolved: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            match = index.match(text) if text else None
            if match is None:
                out.append(None)
                if text and self.spec.header_words.match(text, fuzzy=False) is None:
                    unresolved.setdefault(normalize(text), []).append(i)
                continue
            self.notes.note_label(match, text, location, self.notes.column_paths(group, match.key))
            out.append((None, match.key))
        claimed = {s[1] for s in out if s}
        for norm, positions in unresolved.items():
            candidates = [k for k in index.prefixed(norm) if k not in claimed]
            if len(candidates) == len(positions) and candidates:
                for position, key in zip(positions, candidates, strict=True):
                    out[position] = (None, key)
                    claimed.add(key)
                    label = self.table.cell(f"{group.rows[0].id}.{key}").column.label
                    self.notes.note_truncated(
                        texts[position], label, location, self.notes.column_paths(group, key)
                    )
        return out

    def sideways_slot(self, text: str) -> Slot | None:
        """A Table 4 header text: a column (结果维持), a group (复议后起诉), or both."""
        norm = normalize(text)
        if not norm:
            return None
        index = self.spec.columns[self.table.groups[0].id]
        direct = index.match(text)
        if direct is not None:
            return (None, direct.key)
        row_match = self.spec.t4_rows.match(text)
        if row_match is not None:
            return (row_match.key, "")
        row_id: str | None = None
        for row in self.table.rows:
            if normalize(row.label) in norm:
                row_id = row.id
                break
        column: str | None = None
        for col in self.table.groups[0].columns:
            if norm.endswith(normalize(col.label)):
                column = col.id
                break
        if row_id is None and column is None:
            return None
        return (row_id, column or "")
