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
  row under a header that does not name every column is not placed at all: its values
  are quoted in an ``R.CELL`` finding, since which column a value belongs to is unknown.
- Rows that match no label but carry values are kept as extra rows (Tables 2 and 3).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from govinfo_report.checks.findings import Finding, Severity
from govinfo_report.formats import FormatVersion, RowGroup, TableSpec, get_format
from govinfo_report.model import BLANK, CellValue, ExtraRow, Table
from govinfo_report.readers import _findings as rf
from govinfo_report.readers._cells import is_value, parse, parse_any
from govinfo_report.readers._labels import LabelIndex, Match, normalize

Slot = tuple[str | None, str]
"""(row id or None, column id): what a header position names."""

_DITTO = frozenset({"〃", '"', "”", "“", "同上"})
_T4 = "review_litigation"


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
class _Pending:
    """A data row waiting for the whole grid to be seen (to tell padding from blanks)."""

    row: SourceRow
    row_id: str
    labels: list[str]
    values: list[tuple[str, tuple[int, ...]]]
    header: list[SourceRow]
    version: int


@attrs.frozen
class _Spec:
    """Lookup tables for one TableSpec, built once."""

    table: TableSpec
    rows: LabelIndex[str]
    columns: dict[str, LabelIndex[str]]
    """Per group id."""
    captions: LabelIndex[str]
    header_words: LabelIndex[str]
    t4_rows: LabelIndex[str]
    group_of: dict[str, RowGroup]
    outer: frozenset[str]
    """Normalised labels that name a group of rows (三、本年度办理结果, （五）不予处理)."""


def _row_variants(table: TableSpec) -> list[tuple[str, str]]:
    """Known label variants: (variant, row id). 2021 行政规范性文件 is often printed with the
    2019 label 规范性文件 (沭阳发改局2023): take the label from the 2019 declaration."""
    if table.id != "proactive" or table.version is not FormatVersion.V2021:
        return []
    old = get_format(FormatVersion.V2019).proactive
    return [(old.group_of("normative_documents").rows[1].label, "normative_documents")]


@functools.cache
def spec_index(table: TableSpec) -> _Spec:
    """The (cached) label indexes of ``table``."""
    rows: LabelIndex[str] = LabelIndex()
    for row in table.rows:
        rows.add(row.label, row.id)
    for variant, row_id in _row_variants(table):
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
    if table.id == _T4:
        for row in table.rows:
            t4_rows.add(row.label, row.id)
            for outer in row.label_path[:-1]:
                words.add(outer, "parent")
    groups = frozenset(normalize(label) for row in table.rows for label in row.label_path[:-1])
    return _Spec(table, rows, columns, captions, words, t4_rows, group_of, groups)


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


def _is_ditto(text: str) -> bool:
    return text.strip() in _DITTO


class TableReader:
    """Reads one statistic table from the rows it is fed."""

    def __init__(self, table: TableSpec, number: int) -> None:
        self.spec = spec_index(table)
        self.table = table
        self.number = number
        self.values: dict[str, CellValue] = {}
        self.placed_from: dict[str, str] = {}
        self.seen_rows: set[str] = set()
        self.extra: list[ExtraRow] = []
        self.findings: list[Finding] = []
        self.header: list[SourceRow] = []
        self._header_open = False
        self._group: str | None = None
        self._last_row: str | None = None
        self._noted: set[tuple[str, str]] = set()
        self._header_missing_noted = False
        self._header_version = 0
        self._not_given: dict[str, tuple[tuple[str, str], str]] = {}
        """Cells a short flattened row does not give: cell id → (the row named in zh and
        en, location)."""
        self._maps: dict[tuple[int, str], dict[int, Slot]] = {}
        self._sequences: dict[tuple[int, str], list[Slot] | None] = {}

    # --- feeding ------------------------------------------------------------------------

    def caption(self, text: str, location: str) -> bool:
        """Feed a paragraph that may be a Table 2 caption; whether it was one."""
        match = self.spec.captions.match(text)
        if match is None:
            return False
        self._note_label(match, text, location)
        self._group = match.key
        self._header_open = False
        return True

    def feed(self, rows: Sequence[SourceRow]) -> None:
        """Feed the rows of one grid."""
        pending: list[_Pending] = []
        for row in rows:
            self._row(row, pending)
        self._header_open = False
        padded = self._padded(rows, pending)
        header, version = self.header, self._header_version
        for item in pending:
            # Each row is placed under the header that preceded it.
            self.header, self._header_version = item.header, item.version
            self._place(item.row, item.row_id, item.labels, item.values, padded=padded)
        self.header, self._header_version = header, version

    def _padded(
        self,
        rows: Sequence[SourceRow],
        pending: Sequence[_Pending],
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

    def _row(
        self,
        row: SourceRow,
        pending: list[_Pending],
    ) -> None:
        texts = row.texts
        nonempty = [t for t in texts if t]
        if not nonempty:
            if self.table.id == _T4 and self.header and not row.loose and self._last_row is None:
                # Table 4's line of values, every cell blank: extra rows below it follow
                # its last row, as they do below a line with values.
                self._last_row = self.table.rows[-1].id
            return
        has_values = any(is_value(t) for t in nonempty)
        if not has_values and not self._blank_data_row(row):
            first = nonempty[0]
            caption = self.spec.captions.match(first)
            if caption is not None and len(set(nonempty)) == 1:
                self._note_label(caption, first, row.location)
                self._group = caption.key
                self._header_open = False
                return
            if any(self._header_word(t) for t in nonempty):
                if not self._header_open:
                    self.header = []
                    self._header_version += 1
                    self._header_open = True
                self.header.append(row)
                return
        self._header_open = False
        split = self._split(row)
        own = [i for i in range(split) if texts[i] and not _is_ditto(texts[i])]
        label_texts = [texts[i] for i in own]
        values = [(texts[i], row.cols[i]) for i in range(split, len(texts))]
        row_id = self._match_row(label_texts, row.location)
        if row_id is None:
            if self.table.id == _T4 and not label_texts and has_values:
                self._last_row = self.table.rows[-1].id
                pending.append(_Pending(row, "", [], values, self.header, self._header_version))
                return
            raw = [row.raw[i] for i in own] if row.raw else label_texts
            self._unmatched(row, label_texts, values, has_values, raw)
            return
        self._last_row = row_id
        pending.append(
            _Pending(row, row_id, label_texts, values, self.header, self._header_version)
        )

    def _blank_data_row(self, row: SourceRow) -> bool:
        """Under a header, a grid row with text only left of the header's value columns
        and every cell under them empty: a row whose values are all blank (its labels
        may be header words elsewhere: Table 4's 行政复议 printed row by row), not
        another header row."""
        if row.loose or not self.header:
            return False
        first = self._first_mapped_column()
        if first is None or not any(c >= first for cols in row.cols for c in cols):
            return False
        return all(
            not text or max(cols) < first for text, cols in zip(row.texts, row.cols, strict=True)
        )

    def _header_word(self, text: str) -> bool:
        if self.spec.header_words.match(text, fuzzy=False) is not None:
            return True
        if self.table.id == _T4:
            return self._t4_slot(text) is not None
        return any(index.match(text) is not None for index in self.spec.columns.values())

    def _split(self, row: SourceRow) -> int:
        """Index of the first value cell: after the last label before the first value."""
        texts = row.texts
        if not row.loose:
            first_mapped = self._first_mapped_column()
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

    def _first_mapped_column(self) -> int | None:
        """The leftmost grid column the current (positional) header maps to a column."""
        columns: list[int] = []
        for hrow in self.header:
            if hrow.loose:
                return None
            for text, cols in zip(hrow.texts, hrow.cols, strict=True):
                if text and self._column_of(text) is not None:
                    columns.extend(cols)
        return min(columns) if columns else None

    def _column_of(self, text: str) -> str | None:
        if self.table.id == _T4:
            slot = self._t4_slot(text)
            return slot[1] if slot else None
        for index in self.spec.columns.values():
            match = index.match(text)
            if match is not None:
                return match.key
        return None

    # --- rows ---------------------------------------------------------------------------

    def _match_row(self, labels: list[str], location: str) -> str | None:
        for text in reversed(labels):
            match = self.spec.rows.match(text)
            if match is not None:
                self._note_label(match, text, location, (f"{self.table.id}.{match.key}",))
                return match.key
        return None

    def _unmatched(
        self,
        row: SourceRow,
        labels: list[str],
        values: list[tuple[str, tuple[int, ...]]],
        has_values: bool,
        raw: Sequence[str] = (),
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
            self._unplaced(row, [], values)
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
                self._bad_value(f"{self.table.id}.extra_rows[{index}]", text, row.location)
                value = BLANK
            parsed.append(value)
        while parsed and parsed[-1] is BLANK and row.loose:
            parsed.pop()  # padding of a flattened row, not cells
        self.extra.append(ExtraRow(label=label, values=tuple(parsed), after=self._last_row))
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
            if norm == normalize(self.table.title) or self._header_word(text):
                return True
        return False

    # --- placing ------------------------------------------------------------------------

    def _place(
        self,
        row: SourceRow,
        row_id: str,
        labels: list[str],
        values: list[tuple[str, tuple[int, ...]]],
        *,
        padded: bool,
    ) -> None:
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
            sequence = self._loose_slots(row_id)
            if sequence is None:
                sequence = self._headerless(row_id, len(texts), row.location)
            if (
                sequence is not None
                and len(texts) < len(sequence)
                and self._short_row(row, row_id, texts, sequence)
            ):
                return
            if sequence is None or len(texts) != len(sequence):
                self._unplaced(row, [row_id] if row_id else [], values)
                return
            for slot, text in zip(sequence, texts, strict=True):
                assigned.setdefault(slot, []).append(text)
        else:
            mapped = self._positional_slots(row_id, values, row.location)
            if mapped is None:
                guess = self._headerless(row_id, len(values), row.location)
                if guess is None:
                    self._unplaced(row, [row_id] if row_id else [], values)
                    return
                for slot, (text, _) in zip(guess, values, strict=True):
                    assigned.setdefault(slot, []).append(text)
            else:
                assigned = mapped
        self._commit(row, row_id, assigned)

    def _short_row(
        self, row: SourceRow, row_id: str, texts: list[str], sequence: list[Slot]
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
        expected = self._expected_slots(row_id)
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
            distinct = sorted({t for t in texts if t})
            if len(distinct) > 1:
                self._conflict(path, distinct, row.location)
                continue
            text = distinct[0] if distinct else ""
            value = parse(text, self.table.cell(cell_id).kind)
            if value is None:
                self._bad_value(path, text, row.location)
                value = BLANK
            if cell_id in self.values:
                if self.values[cell_id] != value:
                    self._conflict(path, [self.placed_from[cell_id], text], row.location)
                continue
            self.values[cell_id] = value
            self.placed_from[cell_id] = text

    def _positional_slots(
        self, row_id: str, values: list[tuple[str, tuple[int, ...]]], location: str
    ) -> dict[Slot, list[str]] | None:
        mapping = self._positional_map(row_id)
        if not mapping:
            return None
        assigned: dict[Slot, list[str]] = {}
        for text, cols in values:
            slots = {mapping[c] for c in cols if c in mapping}
            if row_id:
                slots = {s for s in slots if s[0] in (None, row_id)}
            else:
                slots = {s for s in slots if s[0] is not None}
            if len(slots) == 1:
                assigned.setdefault(slots.pop(), []).append(text)
            elif text:
                # Under no column, or one merged value over several columns: not placeable.
                self._quote(
                    [f"{self.table.id}.{(s[0] or row_id)}.{s[1]}" for s in sorted(slots, key=str)]
                    or [f"{self.table.id}.{row_id or '*'}"],
                    text,
                    "此值不在任何一列之下或跨越多列" if not slots else "此值跨越多列",
                    "it lies under no column" if not slots else "it spans several columns",
                    location,
                )
        for slot in self._expected_slots(row_id):
            assigned.setdefault(slot, [])
        return assigned

    def _expected_slots(self, row_id: str) -> list[Slot]:
        if row_id:
            return [(None, c.id) for c in self.spec.group_of[row_id].columns]
        return [(r.id, c.id) for r in self.table.rows for c in self.table.groups[0].columns]

    def _positional_map(self, row_id: str) -> dict[int, Slot]:
        group_key = row_id and self.spec.group_of[row_id].id
        key = (self._header_version, group_key)
        if key in self._maps:
            return self._maps[key]
        columns: dict[int, str] = {}
        row_part: dict[int, str] = {}
        for hrow in self.header:
            if hrow.loose:
                continue
            resolved = self._resolve_header(hrow.texts, row_id, hrow.location)
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
        self._maps[key] = mapping
        return mapping

    def _loose_slots(self, row_id: str) -> list[Slot] | None:
        key = (self._header_version, row_id and self.spec.group_of[row_id].id)
        if key not in self._sequences:
            self._sequences[key] = self._loose_sequence(row_id)
        return self._sequences[key]

    def _loose_sequence(self, row_id: str) -> list[Slot] | None:
        rows = [h for h in self.header if h.loose]
        if not rows:
            return None
        expected = self._expected_slots(row_id)
        resolved = [
            [s for s in self._resolve_header(h.texts, row_id, h.location) if s and s[1]]
            for h in rows
        ]
        for slots in resolved:
            if len(slots) == len(expected) and set(slots) == set(expected):
                return slots
        if self.table.id == _T4 and not row_id:
            columns = {s[1] for slots in resolved for s in slots}
            groups = {
                s[0] for h in rows for s in self._resolve_header(h.texts, "", h.location) if s
            }
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

    def _headerless(self, row_id: str, count: int, location: str) -> list[Slot] | None:
        """The format's column order for a table printed without a header, when the row
        has exactly as many values as the format has columns."""
        if self.header:
            return None
        expected = self._expected_slots(row_id)
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

    def _resolve_header(
        self, texts: Sequence[str], row_id: str, location: str
    ) -> list[Slot | None]:
        """What each header cell names, for rows of ``row_id``'s group."""
        if self.table.id == _T4:
            return [self._t4_slot(t) if t else None for t in texts]
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
            self._note_label(match, text, location, self._column_paths(group, match.key))
            out.append((None, match.key))
        claimed = {s[1] for s in out if s}
        for norm, positions in unresolved.items():
            candidates = [k for k in index.prefixed(norm) if k not in claimed]
            if len(candidates) == len(positions) and candidates:
                for position, key in zip(positions, candidates, strict=True):
                    out[position] = (None, key)
                    claimed.add(key)
                    label = self.table.cell(f"{group.rows[0].id}.{key}").column.label
                    self._note_truncated(
                        texts[position], label, location, self._column_paths(group, key)
                    )
        return out

    def _t4_slot(self, text: str) -> Slot | None:
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

    # --- findings -----------------------------------------------------------------------

    def _note_label(
        self, match: Match[str], text: str, location: str, paths: tuple[str, ...] = ()
    ) -> None:
        if match.exact and text.strip() == match.label:
            return
        key = (match.label, normalize(text))
        if key in self._noted:
            return
        self._noted.add(key)
        how = {
            "exact": ("全角半角或空格不同", "other character widths or spaces"),
            "variant": ("已知变体", "a known variant"),
            "annotated": ("附加或省略了括注", "a bracketed note added or left out"),
            "fuzzy": (f"相差{match.distance}个字符", f"{match.distance} character(s) off"),
        }[match.kind]
        self.findings.append(
            rf.finding(
                rf.LABEL_VARIANT,
                Severity.NOTICE,
                f"表{self.number}中的“{text}”按“{match.label}”读取（{how[0]}）",
                f"{text!r} in table {self.number} was read as {match.label!r} ({how[1]})",
                paths=paths or (self.table.id,),
                reported=text,
                location=location,
            )
        )

    def _column_paths(self, group: RowGroup, column: str) -> tuple[str, ...]:
        return tuple(f"{self.table.id}.{row.id}.{column}" for row in group.rows)

    def _note_truncated(self, text: str, label: str, location: str, paths: tuple[str, ...]) -> None:
        key = (label, normalize(text))
        if key in self._noted:
            return
        self._noted.add(key)
        self.findings.append(
            rf.finding(
                rf.LABEL_VARIANT,
                Severity.NOTICE,
                f"表{self.number}的列标题“{text}”不完整，按出现顺序读作“{label}”",
                f"column header {text!r} of table {self.number} is cut short; read as "
                f"{label!r} by its order among the headers that start the same way",
                paths=paths,
                reported=text,
                location=location,
            )
        )

    def _unplaced(
        self,
        row: SourceRow,
        row_ids: list[str],
        values: list[tuple[str, tuple[int, ...]]],
    ) -> None:
        texts = [t for t, _ in values]
        while texts and not texts[-1]:
            texts.pop()
        if not any(texts):
            return
        if row_ids:
            paths = [
                f"{self.table.id}.{row_ids[0]}.{c.id}"
                for c in self.spec.group_of[row_ids[0]].columns
            ]
        else:
            paths = [f"{self.table.id}.{cell.id}" for cell in self.table.cells]
        quoted = " | ".join(texts)
        count = sum(1 for t in texts if t)
        width = len(paths)
        why = ("", "")
        if row.loose and count < width:
            why = (
                (
                    "，其间有空字段（可能是空单元格，也可能是补齐的空位）",
                    " with an empty field before or among them (a blank cell or padding)",
                )
                if "" in texts
                else (
                    "，且列标题没有列出该行的每一列",
                    " and the header does not name every column",
                )
            )
        self._quote(
            paths,
            quoted,
            f"该行有{count}个数值，对应{width}个单元格{why[0]}，无法确定各值所在的列",
            f"the row has {count} value(s) for {width} cells{why[1]}, so the column of "
            "each cannot be determined",
            row.location,
        )

    def _quote(
        self, paths: Sequence[str], text: str, why_zh: str, why_en: str, location: str
    ) -> None:
        self.findings.append(
            rf.finding(
                rf.CELL,
                Severity.WARNING,
                f"表{self.number}中的“{text}”无法放入单元格：{why_zh}；相关单元格保留为空",
                f"{text!r} in table {self.number} could not be placed: {why_en}; the cells "
                "are left blank",
                paths=tuple(paths),
                reported=text,
                location=location,
                uncertain=True,
            )
        )

    def _bad_value(self, path: str, text: str, location: str) -> None:
        self.findings.append(
            rf.finding(
                rf.CELL,
                Severity.WARNING,
                f"单元格 {path} 的内容“{text}”不是数值，保留为空",
                f"cell {path} holds {text!r}, which is not a value; left blank",
                paths=(path,),
                reported=text,
                location=location,
                uncertain=True,
            )
        )

    def _conflict(self, path: str, texts: Sequence[str], location: str) -> None:
        shown = "”、“".join(texts)
        self.findings.append(
            rf.finding(
                rf.CELL_CONFLICT,
                Severity.WARNING,
                f"单元格 {path} 出现了不同的值（“{shown}”），保留先读到的值",
                f"cell {path} is given different values ({', '.join(map(repr, texts))}); "
                "the first one read was kept",
                paths=(path,),
                reported=" | ".join(texts),
                location=location,
                uncertain=True,
            )
        )

    # --- result -------------------------------------------------------------------------

    def result(self, location: str | None) -> tuple[Table, list[Finding]]:
        """The table read so far, and every finding (missing rows included)."""
        table = Table.from_mapping(self.table, self.values)
        if self.extra:
            table = attrs.evolve(table, extra_rows=tuple(self.extra))
        findings = list(self.findings)
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
        return table, findings
