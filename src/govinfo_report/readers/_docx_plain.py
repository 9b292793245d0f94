"""The rows of a plain Word table in one pass, without walking it cell by cell.

Most tables (every one our writer makes, most that Word, WPS and LibreOffice save) are
plain: rows of cells, each cell of paragraphs, each paragraph of runs, each run of text,
breaks and tabs, and nothing else that changes what is displayed: no revisions,
content controls, hyperlinks, text boxes, hidden runs, list numbers or nested tables.
Their cells' texts are their paragraphs' runs, joined and stripped, the non-empty
paragraphs joined with newlines, which is what the general walk of
:class:`~govinfo_report.readers._docx_blocks.Extractor` finds in them, at a fifth of the
cost: the general walk calls into lxml several times for every paragraph, run and cell
(a third of reading a report), where :meth:`PlainTables.rows` visits only the elements
that matter, once, in document order (``iter`` picks them out inside lxml).

Whether a table is plain is found on the way: each element visited must be a child of
the one it belongs in (a row of the table, a cell of the current row, a paragraph of
the current cell, a run of the current paragraph, text of the current run, merge marks
in the cell's first ``w:tcPr``). Anything else, text in a hyperlink, an insertion, a
content control or a text box, or markup where Word never puts it, and the table is
left to the general walk, which reads everything. So is a table holding one of
:data:`_NOT_PLAIN`, which changes what is displayed without holding text (a deleted
row, a hidden run, a list number). The result is the general walk's, cell for cell:
``tests/readers/test_docx_plain.py`` holds the two side by side.
"""

from __future__ import annotations

from typing import Final

from lxml import etree

from govinfo_report.readers import _limits

MAX_SPAN: Final = 1000
"""Larger ``w:gridSpan`` / ``w:gridBefore`` values are read as this (the grid is then
refused as wider than the reader's limit of columns)."""


def grid_span(value: str | None) -> int:
    """A cell's ``w:gridSpan`` as both readings take it: at least 1, at most
    :data:`MAX_SPAN`."""
    return max(1, _limits.span(value, MAX_SPAN))


def merge(value: str | None) -> str:
    """A ``w:vMerge`` or ``w:hMerge``: "restart", or "continue" (also without a value:
    ``<w:vMerge/>`` continues the cell above)."""
    return "restart" if value == "restart" else "continue"


_NOT_PLAIN: Final = (
    "tbl",  # a nested table, even an empty one (the general walk makes it a grid)
    "del",  # a deleted row (or run)
    "vanish",  # a hidden run (or one that says it is not hidden)
    "numPr",  # a list number shown in front of a paragraph
    "gridBefore",  # cells left out at the start of a row
)
"""What sends a table to the general walk wherever it is in it."""

_SHOWN: Final = {"br": "\n", "cr": "\n", "tab": "\t", "ptab": "\t", "noBreakHyphen": "-"}
"""What a run shows besides its text (``w:t``): breaks, tabs, a non-breaking hyphen."""

Cell = tuple[int, int, str, str | None, str | None]
"""(first grid column, span, text, vMerge, hMerge), as the general walk makes them."""


class PlainTables:
    """Reads the plain tables of documents in namespace ``w``."""

    def __init__(self, w: str) -> None:
        def q(local: str) -> str:
            return f"{{{w}}}{local}"

        self._tr, self._tc, self._p, self._r, self._t = map(q, ("tr", "tc", "p", "r", "t"))
        self._tcpr, self._val = q("tcPr"), q("val")
        self._marks = {q(local): local for local in ("gridSpan", "vMerge", "hMerge", "hideMark")}
        self._shown = {q(local): shown for local, shown in _SHOWN.items()}
        self._tags: tuple[str, ...] = (self._tr, self._tc, self._p, self._r, self._t, self._tcpr)
        self._tags += (*self._marks, *self._shown)
        self._not_plain = tuple(q(local) for local in _NOT_PLAIN)

    def rows(self, tbl: etree._Element, trusted: bool) -> tuple[list[list[Cell]], set[int]] | None:
        """The rows of ``tbl`` and the rows that end early (a cell marked
        ``w:hideMark`` in our own output, ``trusted``: the row ends there); None when
        ``tbl`` is not plain."""
        for _ in tbl.iterdescendants(*self._not_plain):
            return None
        found = self._read(tbl, checked=True)
        return None if found is None else _rows(found, trusted)

    def _read(self, tbl: etree._Element, *, checked: bool) -> list[list[_Cell]] | None:
        """The cells of ``tbl`` row by row, None when an element visited is not where a
        plain table has it (``checked``; unchecked, the reading of a plain table, as
        if ``tbl`` were one)."""
        tr, tc, p, r, t = self._tr, self._tc, self._p, self._r, self._t
        tcpr, val, marks, shown = self._tcpr, self._val, self._marks, self._shown
        found: list[list[_Cell]] = []
        row: list[_Cell] = []
        cell = _Cell()
        paragraph: list[str] = []
        # The current row, cell, paragraph, run and first w:tcPr. In a plain table each
        # element visited is a child of the latest of these of its parent's kind; one
        # whose parent is any other element (a hyperlink, a text box, an earlier cell's
        # properties) is out of place.
        tr_at = tc_at = p_at = r_at = tcpr_at = None
        for element in tbl.iter(*self._tags):
            tag = element.tag
            parent = element.getparent() if checked else None
            if tag == t:
                if parent is not r_at and checked:
                    return None
                paragraph.append(element.text or "")
            elif tag == r:
                if parent is not p_at and checked:
                    return None
                r_at = element
            elif tag == p:
                if parent is not tc_at and checked:
                    return None
                p_at = element
                paragraph = []
                cell.paragraphs.append(paragraph)
            elif tag == tc:
                if parent is not tr_at and checked:
                    return None
                tc_at, tcpr_at = element, None
                cell = _Cell()
                row.append(cell)
            elif tag == tr:
                if parent is not tbl and checked:
                    return None
                tr_at = element
                row = []
                found.append(row)
            elif tag == tcpr:
                if (parent is not tc_at or tcpr_at is not None) and checked:
                    return None  # out of place, or a second one (the walk reads the first)
                tcpr_at = element
            elif tag in marks:
                if parent is not tcpr_at and checked:
                    return None
                mark = marks[tag]
                if mark == "gridSpan":
                    cell.span = grid_span(element.get(val))
                elif mark == "hideMark":
                    cell.hidden = True
                elif mark == "vMerge":
                    cell.vmerge = merge(element.get(val))
                else:
                    cell.hmerge = merge(element.get(val))
            else:
                if parent is not r_at and checked:
                    return None
                paragraph.append(shown[tag])
        return found


def _rows(found: list[list[_Cell]], trusted: bool) -> tuple[list[list[Cell]], set[int]]:
    rows: list[list[Cell]] = []
    ragged: set[int] = set()
    for r, cells in enumerate(found):
        row: list[Cell] = []
        column = 0
        for cell in cells:
            if trusted and cell.hidden:
                # Our writer's stand-in for columns a row has no value for: the row
                # ends here (a ragged row), so no blank value is invented.
                ragged.add(r)
                break
            lines = [text for parts in cell.paragraphs if (text := "".join(parts).strip())]
            row.append((column, cell.span, "\n".join(lines), cell.vmerge, cell.hmerge))
            column += cell.span
        rows.append(row)
    return rows, ragged


class _Cell:
    """A cell as :meth:`PlainTables.rows` meets it: merge marks and paragraphs' texts."""

    __slots__ = ("hidden", "hmerge", "paragraphs", "span", "vmerge")

    def __init__(self) -> None:
        self.span = 1
        self.vmerge: str | None = None
        self.hmerge: str | None = None
        self.hidden = False
        self.paragraphs: list[list[str]] = []
