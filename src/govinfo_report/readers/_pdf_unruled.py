"""Tables printed without ruling lines: rows placed from the positions of their values.

Some reports print the statistic tables with no borders at all, the cells aligned by
whitespace. Such a table is found from its *value lines*: lines whose segments (runs of
characters with no wide gap, :mod:`._pdf_lines`) end in values ("58", "0", "86.35",
"/") after a label. Consecutive value lines, with the lines between and just above them
that are not prose (wrapped label pieces, header lines, a block's caption), make one
table. Each value line is a row; a line without values belongs to the row whose value
line is nearest (a label wrapped over two lines sits around its values). A row's label
pieces are read left to right, top to bottom, as label cells, followed by its values:
a flattened row, as the text reader gives (``Grid.origin`` is ``None``), which the shared
engine places only where the order of the values determines their columns. The lines
above the first row are the header: one row naming the value columns (clustered from
the values' positions) with the pieces stacked over each.

Pieces of a label printed a character or two a line down a merged cell
(三、本年度办理结果), left of every other label, are joined top to bottom into one label,
given to every row it runs beside.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from typing import Final

from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.formats.layout import layout_of
from govinfo_report.readers._cells import is_value
from govinfo_report.readers._document import Grid
from govinfo_report.readers._labels import normalize
from govinfo_report.readers._pdf_joins import broken_label
from govinfo_report.readers._pdf_lines import Line, Segment, join_lines

_PROSE_WIDTH: Final = 0.6
"""A one-segment line wider than this part of the text width is prose, not a table's."""
_HEADING: Final = re.compile(
    r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]\S*[。：:]"
)
_MAX_GAP: Final = 3.5
"""Lines further apart than this many font sizes are not in one table."""
_FRAGMENT: Final = 2
"""Pieces of a vertical label are at most this many characters."""


def _values(line: Line) -> int:
    """How many of the line's last segments are values; a line of values alone (the
    values of a row whose label wraps, centred beside it) needs two of them."""
    count = 0
    for segment in reversed(line.segments):
        if not is_value(segment.text):
            break
        count += 1
    if count == len(line.segments) and count < 2:
        return 0
    return count


def _prose(line: Line, left: float, right: float) -> bool:
    if len(line.segments) > 1:
        return False
    if _HEADING.match(line.text):
        return True
    return line.x1 - line.x0 > _PROSE_WIDTH * (right - left)


def find_regions(lines: Sequence[Line], left: float, right: float) -> list[tuple[int, int]]:
    """``(first, last)`` indices of the lines of each unruled table, top to bottom."""
    values = [i for i, line in enumerate(lines) if _values(line)]
    regions: list[tuple[int, int]] = []
    captions = [i for i, line in enumerate(lines) if normalize(line.text) in _captions()]
    for i in values:
        if (
            regions
            and not any(regions[-1][1] < k < i for k in captions)
            and all(
                not _prose(lines[k], left, right)
                and lines[k].top - lines[k - 1].bottom <= _MAX_GAP * lines[k].size
                for k in range(regions[-1][1] + 1, i + 1)
            )
        ):
            regions[-1] = (regions[-1][0], i)
            continue
        start = i
        while start > 0 and not _prose(lines[start - 1], left, right):
            if lines[start].top - lines[start - 1].bottom > _MAX_GAP * lines[start].size:
                break
            start -= 1
        if regions and start <= regions[-1][1]:
            start = regions[-1][1] + 1
        regions.append((start, i))
    # Take in the label pieces just under the last value line.
    out = []
    for n, (first, last) in enumerate(regions):
        limit = regions[n + 1][0] if n + 1 < len(regions) else len(lines)
        while (
            last + 1 < limit
            and not _prose(lines[last + 1], left, right)
            and lines[last + 1].top - lines[last].bottom < lines[last].size
        ):
            last += 1
        out.append((first, last))
    return out


def _columns(lines: Sequence[Line]) -> list[float]:
    """The value columns' centres: the value segments' centres, clustered (within a
    character's width)."""
    centres = sorted(
        (s.x0 + s.x1) / 2
        for line in lines
        for s in line.segments[len(line.segments) - _values(line) :]
        if _values(line)
    )
    clusters: list[list[float]] = []
    for x in centres:
        if clusters and x - clusters[-1][-1] < lines[0].size:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [sum(c) / len(c) for c in clusters]


def _header(lines: Sequence[Line], columns: Sequence[float], first_value: float) -> list[str]:
    """The header lines as one row: the label column's text, then each value column's
    (pieces stacked over a column, "商业" / "企业", are one name). A piece over several
    columns (a group caption: 申请人情况, 法人或其他组织) names none of them."""
    bounds = [(a + b) / 2 for a, b in itertools.pairwise(columns)]
    texts: list[list[str]] = [[] for _ in range(len(columns) + 1)]
    for line in lines:
        for segment in line.segments:
            if segment.x1 < first_value:
                texts[0].append(segment.text)
                continue
            over = [
                c
                for c, x in enumerate(columns)
                if segment.x0 - 1 <= x <= segment.x1 + 1
                or (
                    (bounds[c - 1] if c else first_value)
                    <= (segment.x0 + segment.x1) / 2
                    <= (bounds[c] if c < len(bounds) else segment.x1 + 1)
                )
            ]
            part = _part_span(segment, columns)
            if part:
                for c in part:
                    texts[c + 1].append(segment.text)
            elif len(over) == 1 and normalize(segment.text) not in _captions():
                texts[over[0] + 1].append(segment.text)
    return [join_lines(t) for t in texts]


def _part_span(segment: Segment, columns: Sequence[float]) -> range | None:
    """The value columns a Table 4 part's name (行政复议, 未经复议直接起诉, 复议后起诉)
    printed over them names: the part's columns, consecutive, are the run of that many
    columns centred under the name (it is centred over its group), provided the name's
    centre lies within the run. The name then heads each of them, so "复议后起诉" over
    "结果维持" reads as that part's column, as a ruled table's merged cell does."""
    width = _part_widths().get(normalize(segment.text))
    if width is None or len(columns) < width:
        return None
    middle = (segment.x0 + segment.x1) / 2
    start = min(
        range(len(columns) - width + 1),
        key=lambda s: abs((columns[s] + columns[s + width - 1]) / 2 - middle),
    )
    if not columns[start] <= middle <= columns[start + width - 1]:
        return None
    return range(start, start + width)


@functools.cache
def _part_widths() -> dict[str, int]:
    """The names of Table 4's parts (both formats), each with its number of columns."""
    return {
        normalize(row.label): len(table.groups[0].columns)
        for version in FormatVersion
        for table in get_format(version).tables
        if layout_of(table).rows_in_header
        for row in table.rows
    }


@functools.cache
def _captions() -> frozenset[str]:
    """The format's group captions over columns (申请人情况, 法人或其他组织, 行政复议, …
    第二十条第（一）项): over several columns, they name none."""
    found = set()
    for version in FormatVersion:
        for table in get_format(version).tables:
            if table.column_group:
                found.add(normalize(table.column_group))
            for group in table.groups:
                if group.caption:
                    found.add(normalize(group.caption))
                found.update(normalize(c.parent) for c in group.columns if c.parent)
            if layout_of(table).rows_in_header:
                # Table 4's rows are printed as column groups over its columns.
                found.update(normalize(label) for row in table.rows for label in row.label_path)
    return frozenset(found)


def _body_start(lines: Sequence[Line], rows: Sequence[int], first_value: float) -> int:
    """Where the first row's lines begin: the label pieces just above its values (a
    label wrapped around them) are its own, not the header's."""
    middles = [(lines[i].top + lines[i].bottom) / 2 for i in rows]
    gaps = sorted(b - a for a, b in itertools.pairwise(middles))
    reach = gaps[len(gaps) // 2] / 2 if gaps else 2 * lines[rows[0]].size
    start = rows[0]
    while (
        start > 0
        and all(s.x1 < first_value for s in lines[start - 1].segments)
        and middles[0] - (lines[start - 1].top + lines[start - 1].bottom) / 2 < reach
    ):
        start -= 1
    return start


def grid(lines: Sequence[Line], location: str) -> Grid:
    """The flattened grid of one unruled table's lines."""
    rows = [i for i, line in enumerate(lines) if _values(line)]
    middles = [(lines[i].top + lines[i].bottom) / 2 for i in rows]
    pieces: list[list[Segment]] = [[] for _ in rows]
    tops: list[list[float]] = [[] for _ in rows]
    first_value = min(
        s.x0 for line in lines for s in line.segments[len(line.segments) - _values(line) :]
    )
    body = _body_start(lines, rows, first_value)
    for line in lines[body:]:
        middle = (line.top + line.bottom) / 2
        r = _nearest(middles, middle)
        count = _values(line) if line is lines[rows[r]] else 0
        found = line.segments[: len(line.segments) - count]
        pieces[r].extend(found)
        tops[r].extend(line.top for _ in found)
    fragments, vertical, (start, end) = _vertical_label(pieces)
    row_labels = [
        _label_cells(
            [
                (seg, top)
                for seg, top in zip(pieces[r], tops[r], strict=True)
                if seg not in fragments
            ]
        )
        for r in range(len(rows))
    ]
    _mend_wrapped(row_labels)
    cells: list[tuple[str, ...]] = []
    if body:
        header = _header(lines[:body], _columns(lines), first_value)
        if any(header[1:]):
            cells.append(tuple(header))
    for r, i in enumerate(rows):
        line = lines[i]
        labels = [cell.text for cell in row_labels[r]]
        if vertical and start <= r <= end:
            labels.insert(0, vertical)
        values = [seg.text for seg in line.segments[len(line.segments) - _values(line) :]]
        cells.append((*(labels or [""]), *values))
    if all(not row[0] for row in cells):
        # No label anywhere (Table 4's line of values): the label column is no field.
        cells = [row[1:] for row in cells]
    return Grid(cells=tuple(cells), origin=None, location=location)


def _nearest(positions: Sequence[float], value: float) -> int:
    """The index of the position nearest ``value`` (``positions`` ascending)."""
    i = bisect.bisect_left(positions, value)
    if i == len(positions) or (i > 0 and value - positions[i - 1] <= positions[i] - value):
        return i - 1
    return i


def _label_cells(pieces: Sequence[tuple[Segment, float]]) -> list[Segment]:
    """A row's label pieces as cells, left to right: a piece centred under another (a
    label wrapped in its cell) is part of it."""
    columns: list[list[tuple[Segment, float]]] = []
    for piece in sorted(pieces, key=lambda p: (p[0].x0, p[1])):
        middle = (piece[0].x0 + piece[0].x1) / 2
        home = next((c for c in columns if c[0][0].x0 <= middle <= c[0][0].x1), None)
        if home is None:
            columns.append([piece])
        else:
            home.append(piece)
    return [
        Segment(
            min(s.x0 for s, _ in col),
            max(s.x1 for s, _ in col),
            join_lines(s.text for s, _ in sorted(col, key=lambda p: p[1])),
        )
        for col in columns
    ]


def _mend_wrapped(rows: list[list[Segment]]) -> None:
    """A row's label cell that is the end of the label above it, wrapped past the
    row's band ("（五）不予处" / "理"), is joined to it."""
    for r in range(1, len(rows)):
        for cell in list(rows[r]):
            middle = (cell.x0 + cell.x1) / 2
            for k, above in enumerate(rows[r - 1]):
                if above.x0 <= middle <= above.x1 and broken_label(above.text, cell.text):
                    rows[r - 1][k] = above._replace(text=join_lines([above.text, cell.text]))
                    rows[r].remove(cell)
                    break


def _vertical_label(
    pieces: Sequence[Sequence[Segment]],
) -> tuple[set[Segment], str, tuple[int, int]]:
    """The pieces of a label printed down the table's first column, its text, and the
    rows it runs beside (first, last)."""
    if not any(pieces):
        return set(), "", (0, -1)
    others = [s.x0 for row in pieces for s in row if len(s.text) > _FRAGMENT]
    left = min(others, default=0.0)
    found: list[tuple[int, Segment]] = []
    for r, row in enumerate(pieces):
        for segment in row:
            if segment.x1 < left and len(segment.text) <= _FRAGMENT:
                found.append((r, segment))
    if len(found) < 3:
        return set(), "", (0, -1)
    text = join_lines(s.text for _, s in found)
    return {s for _, s in found}, text, (found[0][0], found[-1][0])
