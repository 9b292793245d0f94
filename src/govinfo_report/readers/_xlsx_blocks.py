"""A worksheet's cells as the shared engine's blocks: its tables as grids, its text lines
as paragraphs.

An office's sheet may hold the three tables anywhere, one under another, with a title
line above them (``某局2024年政府信息公开工作年度报告``), a heading before each
(``三、收到和处理政府信息公开申请情况``) and notes below. The sheet is cut into
*bands* at two empty rows or more (no table has them), and each band into one *segment*
per table where a row without values names another table than the rows before it: a
header row, with two labels or more that only that table prints, or a Table 2 caption
(the labels of the layout declaration, compared up to width and spacing, as header rows
print them). A segment's first and
last rows that hold a single text and no value (title, heading, note) become
paragraphs, unless they name a table (Table 2's 第二十条第（一）项 captions); the rest is
one :class:`~._document.Grid`, cropped to the columns in use, merged areas expanded
(``origin``), counted against the document's cell budget before it is built.

A segment of more than :data:`MAX_TABLE_ROWS` rows that prints no label of the format
(a list of requests, an appendix) is reported as no statistic table without being
handed to the engine, which would compare each of its texts with every label.

Our own workbook has one table a sheet, laid out as the Word document's grid: a sheet of
it is one grid to its end (an extra row with a label and no value is part of its table).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

from govinfo_report._locations import location_in
from govinfo_report._spreadsheetml import area, ref
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.formats.layout import Output, layout_of
from govinfo_report.readers import _findings as rf
from govinfo_report.readers._cells import is_value
from govinfo_report.readers._document import Block, Grid, Paragraph
from govinfo_report.readers._labels import normalize
from govinfo_report.readers._limits import CellBudget
from govinfo_report.readers._xlsx_package import Sheet

_Box = tuple[int, int, int, int]
MAX_TABLE_ROWS = 100
"""Rows a segment may have and still be read as a table without printing one label of
the format exactly: Table 3 has 28, a report's extra rows a few."""


class _Layout:
    """Where a sheet's texts are: each cell's text, merged areas by their first cell."""

    def __init__(self, sheet: Sheet) -> None:
        self.name = sheet.name
        self.texts = {pos: cell.text for pos, cell in sheet.cells.items() if cell.text.strip()}
        self.fillers = {pos for pos, cell in sheet.cells.items() if cell.filler}
        self.merges = {(m[0], m[1]): m for m in sheet.merges}
        self.by_row: dict[int, list[int]] = {}
        for row, col in sorted(self.texts):
            self.by_row.setdefault(row, []).append(col)
        # A row under a merged label (三、本年度办理结果 over 22 rows) holds it too.
        self.covered: set[int] = set()
        self._named: dict[int, str | None] = {}
        self.merged_rows: dict[int, int] = {}
        """Merged areas starting in each row."""
        for (row, col), box in self.merges.items():
            self.merged_rows[row] = self.merged_rows.get(row, 0) + 1
            if (row, col) in self.texts:
                self.covered.update(range(row + 1, box[2] + 1))

    def rows(self) -> list[int]:
        """Every row holding a text or under a merged text, in order."""
        return sorted(set(self.by_row) | self.covered)

    def texts_of(self, row: int) -> list[str]:
        return [self.texts[(row, col)] for col in self.by_row.get(row, ())]

    def has_value(self, row: int) -> bool:
        return any(is_value(text) for text in self.texts_of(row))

    def table_named(self, row: int) -> str | None:
        """The table whose header the row (without values) prints: a Table 2 caption, or
        two labels or more of one table and none of another. (A single label such as 其他
        may be an extra row's, or another table's column.)"""
        if row not in self._named:
            self._named[row] = self._table_named(row)
        return self._named[row]

    def _table_named(self, row: int) -> str | None:
        texts = self.texts_of(row)
        if not texts or self.has_value(row):
            return None
        labels = _labels()
        named = [labels[key] for key in map(normalize, texts) if key in labels]
        tables = {table for table, _ in named}
        if len(tables) != 1:
            return None
        if len(named) >= 2 or (len(texts) == 1 and named[0][1]):
            return tables.pop()
        return None

    def is_text_line(self, row: int) -> bool:
        """One text and nothing else, on a row no merged label covers, naming no table.

        A row with a merged area besides its text's (an extra row's label and the empty
        cells it has no value for, filled out) belongs to its table."""
        texts = self.texts_of(row)
        col = self.by_row[row][0] if len(texts) == 1 else -1
        own = 1 if (row, col) in self.merges else 0
        return (
            len(texts) == 1
            and row not in self.covered
            and self.merged_rows.get(row, 0) == own
            and not is_value(texts[0])
            and self.table_named(row) is None
        )


def _bands(rows: Sequence[int]) -> Iterator[list[int]]:
    """``rows`` cut where two empty rows or more come between."""
    band: list[int] = []
    for row in rows:
        if band and row - band[-1] > 2:
            yield band
            band = []
        band.append(row)
    if band:
        yield band


def _segments(layout: _Layout, band: list[int]) -> Iterator[list[int]]:
    """``band`` cut before each header row that names another table than the last one."""
    segment: list[int] = []
    current: str | None = None
    for row in band:
        named = layout.table_named(row)
        if named is not None and current is not None and named != current:
            yield segment
            segment = []
        if named is not None:
            current = named
        segment.append(row)
    if segment:
        yield segment


def _unlabelled(layout: _Layout, segment: Sequence[int]) -> bool:
    """Whether a segment is too long to be a table of the format and prints none of
    their labels: a list, an appendix."""
    if len(segment) <= MAX_TABLE_ROWS:
        return False
    labels = _labels()
    return not any(normalize(text) in labels for row in segment for text in layout.texts_of(row))


@functools.cache
def _labels() -> dict[str, tuple[str, bool]]:
    """Every printed label (normalised) that names one table of the formats: the table's
    id, and whether the label is a caption (a line by itself: 第二十条第（一）项)."""
    found: dict[str, set[tuple[str, bool]]] = {}
    for version in FormatVersion:
        for table in get_format(version).tables:
            for line in layout_of(table, Output.XLSX).lines:
                caption = len(line.slots) == 1 and line.head
                for slot in line.slots:
                    if slot.text:
                        found.setdefault(normalize(slot.text), set()).add((table.id, caption))
    return {
        label: next(iter(names))
        for label, names in found.items()
        if len({table for table, _ in names}) == 1 and len(names) == 1
    }


def _unknown(layout: _Layout, top: int, bottom: int) -> Finding:
    cols = [col for row in range(top, bottom + 1) for col in layout.by_row.get(row, ())]
    where = f"sheet {layout.name!r} {area(top, min(cols), bottom, max(cols))}"
    return rf.finding(
        rf.TABLE_UNKNOWN,
        Severity.NOTICE,
        f"{location_in(where, 'zh')}不是三张统计表中的任何一张，未读取",
        f"{where} is none of the three statistic tables; not read",
        location=where,
    )


def sheet_blocks(
    sheet: Sheet, budget: CellBudget, findings: list[Finding], *, whole: bool = False
) -> list[Block]:
    """The blocks of ``sheet``, in reading order; what is not read goes to ``findings``.

    Args:
        sheet: the worksheet.
        budget: the document's cell budget, charged for every grid built.
        whole: the sheet is our own workbook's: if it holds one table, it is one grid
            with nothing cut off its end (a title line added above it is still text);
            if several (a collection's department), the last ends at the last cell.

    Raises:
        ReportReadError: a grid would take the document past its cell budget.
    """
    layout = _Layout(sheet)
    rows = layout.rows()
    if not rows:
        return []
    segments = [segment for band in _bands(rows) for segment in _segments(layout, band)]
    if whole and segments:
        # Down to the last cell written, text or not: a table whose last line is blank
        # (Table 4's line of values) ends there, not at its header.
        last = max(row for row, _ in sheet.cells)
        if len(segments) == 1:
            segments = [rows + list(range(rows[-1] + 1, last + 1))]
        else:  # a department's sheet of a collection: Table 4 comes last
            segments[-1] = segments[-1] + list(range(segments[-1][-1] + 1, last + 1))
    blocks: list[Block] = []
    for segment in segments:
        first, last = 0, len(segment)
        while first < last and layout.is_text_line(segment[first]):
            first += 1
        tail: list[Block] = []
        while not whole and last > first and layout.is_text_line(segment[last - 1]):
            last -= 1
            tail.insert(0, _paragraph(layout, segment[last]))
        blocks.extend(_paragraph(layout, row) for row in segment[:first])
        if first < last and _unlabelled(layout, segment[first:last]):
            # Never the engine's work: it would match every text against every label.
            findings.append(_unknown(layout, segment[first], segment[last - 1]))
        elif first < last:
            blocks.append(_grid(layout, segment[first], segment[last - 1], budget))
        blocks.extend(tail)
    return blocks


def _paragraph(layout: _Layout, row: int) -> Paragraph:
    (col,) = layout.by_row[row]
    return Paragraph(
        text=layout.texts[(row, col)].strip(), location=f"sheet {layout.name!r} {ref(row, col)}"
    )


def _grid(layout: _Layout, top: int, bottom: int, budget: CellBudget) -> Grid:
    """The rows ``top`` to ``bottom`` as a grid over the columns their texts use."""
    boxes = [
        box
        for box in layout.merges.values()
        if box[0] <= bottom and box[2] >= top and (box[0], box[1]) in layout.texts
    ]
    cols = [col for row in range(top, bottom + 1) for col in layout.by_row.get(row, ())]
    cols += [c for box in boxes for c in (box[1], box[3])]
    left, right = min(cols), max(cols)
    where = f"sheet {layout.name!r} {area(top, left, bottom, right)}"
    where_zh = f"工作表 {layout.name!r} 的 {area(top, left, bottom, right)}"
    budget.take((bottom - top + 1) * (right - left + 1), where, where_zh)
    height, width = bottom - top + 1, right - left + 1
    cells = [[""] * width for _ in range(height)]
    origin = [[(r, c) for c in range(width)] for r in range(height)]
    for (row, col), text in layout.texts.items():
        if top <= row <= bottom and left <= col <= right:
            cells[row - top][col - left] = text
    for box in layout.merges.values():
        _expand(box, layout, top, left, cells, origin)
    # Our stand-in for the columns an extra row has no value for: the row ends there (a
    # ragged row, as the DOCX reader gives), so that no blank value is invented.
    for row, col in sorted(layout.fillers, reverse=True):
        if top <= row <= bottom and left <= col <= right:
            del cells[row - top][col - left :]
            del origin[row - top][col - left :]
    return Grid(
        cells=tuple(map(tuple, cells)),
        origin=tuple(map(tuple, origin)),
        location=where,
        row_locations=tuple(f"sheet {layout.name!r} row {r + 1}" for r in range(top, bottom + 1)),
    )


def _expand(
    box: _Box,
    layout: _Layout,
    top: int,
    left: int,
    cells: list[list[str]],
    origin: list[list[tuple[int, int]]],
) -> None:
    """Repeat a merged area's text over the part of it inside the grid."""
    height, width = len(cells), len(cells[0])
    first_row, first_col = max(box[0] - top, 0), max(box[1] - left, 0)
    last_row, last_col = min(box[2] - top, height - 1), min(box[3] - left, width - 1)
    if first_row > last_row or first_col > last_col:
        return
    text = layout.texts.get((box[0], box[1]), "")
    for r in range(first_row, last_row + 1):
        for c in range(first_col, last_col + 1):
            cells[r][c] = text
            origin[r][c] = (first_row, first_col)


__all__ = ["sheet_blocks"]
