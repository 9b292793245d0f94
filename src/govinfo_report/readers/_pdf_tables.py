"""Ruled tables on a PDF page: a cell grid from the ruling lines, merges from the
borders that are missing, cell text from the characters inside.

The ruling lines are snapped (lines within :data:`TOLERANCE` points of each other are
one, collinear pieces that touch are joined) and grouped into tables: lines that cross
or touch belong to one table. A table's distinct horizontal lines are its row
boundaries and its distinct vertical lines its column boundaries; two neighbouring
elementary cells are one merged cell when no ruling line separates them. A character
belongs to the cell its centre lies in. A table split over two pages is one
:class:`Ruled` whose second part is moved up under the first (:func:`join`), so that its
rows continue the grid and its columns are the union of both parts'; the marks the page
break leaves (a repeated header, a broken row) are mended by :mod:`._pdf_joins`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Final

import attrs

from govinfo_report.readers._pages import Char, Edge
from govinfo_report.readers._pdf_joins import mend
from govinfo_report.readers._pdf_lines import cell_text
from govinfo_report.readers._pdf_messages import page_lines

TOLERANCE: Final = 2.0
"""Points within which two ruling lines are one, and a line reaches a crossing."""
MAX_EDGES: Final = 2_000
"""Ruling lines on one page after snapping; a report's page has a few hundred."""


def _snap(edges: Sequence[Edge], horizontal: bool) -> list[Edge]:
    """Collinear pieces joined: lines at one position (within TOLERANCE) that overlap or
    touch become one."""
    if horizontal:
        ordered = sorted(edges, key=lambda e: (e.top, e.x0))
    else:
        ordered = sorted(edges, key=lambda e: (e.x0, e.top))
    # Cluster positions, then join along the line.
    groups: list[list[Edge]] = []
    anchor = None
    for edge in ordered:
        at = edge.top if horizontal else edge.x0
        if anchor is None or at - anchor > TOLERANCE:
            groups.append([])
            anchor = at
        groups[-1].append(edge)
    snapped: list[Edge] = []
    for group in groups:
        at = sum(e.top if horizontal else e.x0 for e in group) / len(group)
        spans = sorted((e.x0, e.x1) if horizontal else (e.top, e.bottom) for e in group)
        start, end = spans[0]
        for lo, hi in spans[1:]:
            if lo <= end + TOLERANCE:
                end = max(end, hi)
                continue
            snapped.append(Edge(start, at, end, at) if horizontal else Edge(at, start, at, end))
            start, end = lo, hi
        snapped.append(Edge(start, at, end, at) if horizontal else Edge(at, start, at, end))
    return snapped


def _crosses(h: Edge, v: Edge) -> bool:
    return (
        h.x0 - TOLERANCE <= v.x0 <= h.x1 + TOLERANCE
        and v.top - TOLERANCE <= h.top <= v.bottom + TOLERANCE
    )


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _positions(values: Sequence[float]) -> list[float]:
    """Distinct positions: values within TOLERANCE of the previous one are one."""
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > TOLERANCE:
            out.append(value)
    return out


@attrs.define
class Ruled:
    """One ruled table: its lines, and the characters inside its frame."""

    h: list[Edge]
    v: list[Edge]
    chars: list[Char] = attrs.Factory(list)
    pages: list[int] = attrs.Factory(list)
    joins: list[float] = attrs.Factory(list)
    """Where a later page's part was joined on (its top, moved)."""

    @property
    def left(self) -> float:
        return min(e.x0 for e in self.h)

    @property
    def right(self) -> float:
        return max(e.x1 for e in self.h)

    @property
    def top(self) -> float:
        return min(e.top for e in self.h)

    @property
    def bottom(self) -> float:
        return max(e.top for e in self.h)

    def columns(self) -> list[float]:
        return _positions([e.x0 for e in self.v])


def _is_table(rows: int, columns: int) -> bool:
    """Two rows of cells (three horizontal lines) and a column, or one row of at least
    two cells (the first row of a table the page cuts); a frame alone is no table."""
    return (rows >= 3 and columns >= 2) or (rows >= 2 and columns >= 3)


def find_tables(edges: Sequence[Edge], where: str, where_zh: str | None = None) -> list[Ruled]:
    """The ruled tables among a page's lines: at least two rows of cells and two
    columns' boundaries, top to bottom. ``where`` names the page in an error
    (``where_zh`` in Chinese; the English if not given).

    Raises:
        ReportReadError: more than :data:`MAX_EDGES` distinct lines on the page.
    """
    h = _snap([e for e in edges if e.horizontal], True)
    v = _snap([e for e in edges if not e.horizontal], False)
    if len(h) + len(v) > MAX_EDGES:
        zh = where if where_zh is None else where_zh
        raise page_lines(where, zh, len(h) + len(v), MAX_EDGES)
    parent = list(range(len(h) + len(v)))
    for i, he in enumerate(h):
        for j, ve in enumerate(v):
            if _crosses(he, ve):
                a, b = _find(parent, i), _find(parent, len(h) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Edge], list[Edge]]] = {}
    for i, he in enumerate(h):
        groups.setdefault(_find(parent, i), ([], []))[0].append(he)
    for j, ve in enumerate(v):
        groups.setdefault(_find(parent, len(h) + j), ([], []))[1].append(ve)
    tables = [
        Ruled(hs, vs)
        for hs, vs in groups.values()
        if _is_table(len(_positions([e.top for e in hs])), len(_positions([e.x0 for e in vs])))
    ]
    return sorted(tables, key=lambda t: t.top)


def join(first: Ruled, second: Ruled) -> bool:
    """Append ``second`` (the first table of the next page) to ``first`` when it
    continues it: the same left and right borders, and one part's column boundaries
    all among the other's. Returns whether it was joined."""
    if abs(first.left - second.left) > TOLERANCE or abs(first.right - second.right) > TOLERANCE:
        return False
    a, b = first.columns(), second.columns()
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not all(any(abs(x - y) <= TOLERANCE for y in large) for x in small):
        return False
    dy = first.bottom - second.top
    first.joins.append(first.bottom)
    first.h.extend(Edge(e.x0, e.top + dy, e.x1, e.bottom + dy) for e in second.h)
    first.v.extend(Edge(e.x0, e.top + dy, e.x1, e.bottom + dy) for e in second.v)
    first.chars.extend(c._replace(top=c.top + dy, bottom=c.bottom + dy) for c in second.chars)
    first.pages.extend(second.pages)
    return True


def _nearest(positions: Sequence[float], value: float) -> int:
    """The index of the position nearest ``value`` (``positions`` sorted)."""
    i = bisect.bisect_left(positions, value)
    if i == len(positions) or (i > 0 and value - positions[i - 1] < positions[i] - value):
        return i - 1
    return i


def _covered(spans: Sequence[tuple[float, float]], lo: float, hi: float) -> bool:
    """Whether the joined ``spans`` cover ``lo..hi`` (less TOLERANCE at each end)."""
    return any(
        a - TOLERANCE <= lo + TOLERANCE and b + TOLERANCE >= hi - TOLERANCE for a, b in spans
    )


Cells = tuple[tuple[str, ...], ...]
Origins = tuple[tuple[tuple[int, int], ...], ...]


def size(table: Ruled) -> int:
    """How many grid positions :func:`grid` would make of ``table`` (to count before)."""
    rows = len(_positions([e.top for e in table.h])) - 1
    cols = len(_positions([e.x0 for e in table.v])) - 1
    return max(0, rows) * max(0, cols)


def grid(table: Ruled) -> tuple[Cells, Origins]:
    """The table's cells (merged cells' text in every position they cover) and origins."""
    h = _snap(table.h, True)
    v = _snap(table.v, False)
    ys = _positions([e.top for e in h])
    xs = _positions([e.x0 for e in v])
    rows, cols = len(ys) - 1, len(xs) - 1
    h_at: list[list[tuple[float, float]]] = [[] for _ in ys]
    for e in h:
        h_at[_nearest(ys, e.top)].append((e.x0, e.x1))
    v_at: list[list[tuple[float, float]]] = [[] for _ in xs]
    for e in v:
        v_at[_nearest(xs, e.x0)].append((e.top, e.bottom))
    parent = list(range(rows * cols))
    for r in range(rows):
        for c in range(cols):
            here = r * cols + c
            # No border on the right: one cell with its right neighbour.
            if c + 1 < cols and not _covered(v_at[c + 1], ys[r], ys[r + 1]):
                parent[_find(parent, here)] = _find(parent, here + 1)
            if r + 1 < rows and not _covered(h_at[r + 1], xs[c], xs[c + 1]):
                parent[_find(parent, here)] = _find(parent, here + cols)
    members: dict[int, list[int]] = {}
    for i in range(rows * cols):
        members.setdefault(_find(parent, i), []).append(i)
    origin_of = [0] * (rows * cols)
    for group in members.values():
        first = min(group)
        for i in group:
            origin_of[i] = first
    chars: dict[int, list[Char]] = {}
    for char in table.chars:
        x = (char.x0 + char.x1) / 2
        y = (char.top + char.bottom) / 2
        r = bisect.bisect_right(ys, y) - 1
        c = bisect.bisect_right(xs, x) - 1
        if 0 <= r < rows and 0 <= c < cols:
            chars.setdefault(origin_of[r * cols + c], []).append(char)
    texts = {i: cell_text(found) for i, found in chars.items()}
    cells = tuple(
        tuple(texts.get(origin_of[r * cols + c], "") for c in range(cols)) for r in range(rows)
    )
    origins = tuple(
        tuple(divmod(origin_of[r * cols + c], cols) for c in range(cols)) for r in range(rows)
    )
    return mend(cells, origins, [bisect.bisect_left(ys, y - TOLERANCE) for y in table.joins])
