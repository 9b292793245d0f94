"""Mending a table where a page break cut it: a repeated header, a merged label that
goes on, a row broken in two.

A table split over two pages is read as one grid (:func:`._pdf_tables.join`), but the
page break leaves three marks in it, each mended here at the rows where the second
page's part begins:

- the second page repeats the header rows (Word's 标题行重复): rows equal to the table's
  first rows are dropped;
- a merged label cell (三、本年度办理结果, （五）不予处理) that goes on over the break is
  empty on the second page, under a border the page drew: the empty cell is the same
  cell as the one above it when that one already spans several rows (a data cell never
  does);
- a row that Word or WPS let break across the pages leaves its label in two pieces
  ("3.补正后申请内容仍" / "不明确", "结" / "果维持"): the two rows are one when every cell
  that has text in both is a label whose pieces are not labels and together are one of
  the format's labels, and no other cell has text in both.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.readers._labels import LabelIndex
from govinfo_report.readers._pdf_lines import join_lines
from govinfo_report.readers._table_index import signature_labels

Origin = tuple[int, int]


@functools.cache
def _indexes() -> tuple[LabelIndex[str], ...]:
    return tuple(
        signature_labels(table) for version in FormatVersion for table in get_format(version).tables
    )


def _label(text: str, fuzzy: bool) -> bool:
    return any(index.match(text, fuzzy=fuzzy) is not None for index in _indexes())


def broken_label(upper: str, lower: str) -> bool:
    """Whether ``upper`` and ``lower`` are the two pieces of one label."""
    if _label(upper, False) or _label(lower, False):
        return False
    return _label(join_lines([upper, lower]), True)


class _Table:
    def __init__(self, cells: Sequence[Sequence[str]], origins: Sequence[Sequence[Origin]]):
        self.cells = [list(row) for row in cells]
        self.origins = [list(row) for row in origins]

    def relabel(self, old: Origin, new: Origin, text: str) -> None:
        """Cells ``old`` and ``new`` are one, with ``text``."""
        for r, row in enumerate(self.origins):
            for c, origin in enumerate(row):
                if origin in (old, new):
                    row[c] = new
                    self.cells[r][c] = text

    def delete(self, rows: set[int]) -> None:
        """Drop ``rows`` (no cell outside them has its origin in them)."""
        kept = [r for r in range(len(self.cells)) if r not in rows]
        index = {r: i for i, r in enumerate(kept)}

        def moved(origin: Origin) -> Origin:
            r = origin[0]
            while r not in index and r < len(self.cells):
                r += 1
            return (index.get(r, len(kept) - 1), origin[1])

        self.cells = [self.cells[r] for r in kept]
        self.origins = [[moved(o) for o in self.origins[r]] for r in kept]

    def spans_rows(self, origin: Origin, row: int) -> bool:
        """Whether the cell at ``origin`` covers a row above ``row`` too."""
        return origin[0] < row

    def repeated_header(self, start: int) -> int:
        k = 0
        while (
            start + k < len(self.cells)
            and k < start
            and self.cells[start + k] == self.cells[k]
            and any(self.cells[k])
        ):
            k += 1
        return k

    def mend(self, start: int) -> None:
        """Mend the break above row ``start`` (the second part's first row)."""
        header = self.repeated_header(start)
        if header:
            # Cells of the repeated rows are their own (a header is not merged downwards).
            self.delete(set(range(start, start + header)))
        if not 0 < start < len(self.cells):
            return
        a, b = start - 1, start
        for c in range(len(self.cells[b])):
            above, below = self.origins[a][c], self.origins[b][c]
            if (
                above != below
                and not self.cells[b][c]
                and self.cells[a][c]
                and self.spans_rows(above, a)
            ):
                self.relabel(below, above, self.cells[a][c])
        shared = [
            c
            for c in range(len(self.cells[b]))
            if self.origins[a][c] != self.origins[b][c] and self.cells[a][c] and self.cells[b][c]
        ]
        if not shared or not all(broken_label(self.cells[a][c], self.cells[b][c]) for c in shared):
            return
        for c in range(len(self.cells[b])):
            above, below = self.origins[a][c], self.origins[b][c]
            if above != below:
                self.relabel(below, above, join_lines([self.cells[a][c], self.cells[b][c]]))
        # Row b is now the same cells as row a: one row.
        self.delete({b})


Cells = tuple[tuple[str, ...], ...]
Origins = tuple[tuple[Origin, ...], ...]


def mend(cells: Cells, origins: Origins, starts: Sequence[int]) -> tuple[Cells, Origins]:
    """The grid with the breaks above rows ``starts`` mended (see the module docstring)."""
    table = _Table(cells, origins)
    for start in sorted(starts, reverse=True):
        table.mend(start)
    return tuple(tuple(row) for row in table.cells), tuple(tuple(row) for row in table.origins)
