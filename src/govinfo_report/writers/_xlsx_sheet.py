"""One worksheet of the workbook, built cell by cell and written as SpreadsheetML text.

A :class:`Sheet` collects cells by position (text, numbers, formulas with their cached
values, styled empty cells), merged areas, data validations, internal hyperlinks and the
page setup, and :meth:`Sheet.xml` writes them in the order the schema wants. Every
piece of text goes through :mod:`govinfo_report._spreadsheetml` (:func:`cell_text` for a
cell's string, :func:`attribute` for the rest), the one door to the XML.

Rows get a height from their text (a wrapped label in a narrow column needs several
lines), estimated from the column widths: a Chinese character is two characters wide.
Excel does not fit row heights when it opens a file, and a printed table must show its
labels whole.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

import attrs

from govinfo_report._spreadsheetml import MAIN_NS, REL_NS, area, attribute, cell_text, ref

LINE_HEIGHT = 14.4
"""Points a line of 11-point text takes."""
MIN_HEIGHT = 20.0
"""Points of the lowest row: a line and some room."""
EXACT_DIGITS = 15
"""Significant digits a number cell holds exactly (a double); longer ones are text."""


@attrs.frozen
class Validation:
    """A data validation: the cells it covers and what it allows."""

    areas: tuple[tuple[int, int, int, int], ...]
    kind: str
    """``custom``, ``list``, ``whole`` or ``decimal``."""
    formula: str
    """The custom formula for the top-left cell of each area (``{cell}`` stands for that
    cell), the list (``"a,b"``), or the minimum."""
    maximum: str = ""
    prompt: str = ""
    error: str = ""


@attrs.define
class _Fit:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


def text_width(text: str) -> int:
    """Width of ``text`` in characters of the default font: a Chinese character is two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _number(value: int | Decimal) -> str | None:
    """``value`` as a cell's ``<v>``, or ``None`` if a double cannot hold it exactly."""
    if isinstance(value, int):
        digits = len(str(abs(value)).lstrip("0"))
        return str(value) if digits <= EXACT_DIGITS else None
    if len(value.as_tuple().digits) > EXACT_DIGITS:
        return None
    return format(value, "f")


class Sheet:
    """A worksheet under construction.

    Args:
        name: the sheet's name (at most 31 characters, none of ``[]:*?/\\``).
        widths: the width of each column, in characters, from column A.
    """

    def __init__(self, name: str, widths: Sequence[float]) -> None:
        self.name = name
        self.widths = list(widths)
        self.cells: dict[int, dict[int, str]] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.validations: list[Validation] = []
        self.links: list[tuple[str, str]] = []
        self.fits: list[_Fit] = []
        self.protected = False
        """Protected without a password: locked cells cannot be changed by mistake."""
        self.frozen_rows = 0
        self.title_rows: tuple[int, int] | None = None
        """Rows printed at the top of every page (first, last)."""
        self.landscape = False
        self.fit_width = False
        """Printed scaled to the page's width."""
        self.header = ""
        """Printed centred at the top of every page."""

    # --- cells -------------------------------------------------------------------------

    def _put(self, row: int, col: int, xml: str) -> None:
        self.cells.setdefault(row, {})[col] = xml

    def text(self, row: int, col: int, text: str, style: int) -> None:
        """A string cell (an empty string makes an empty cell with the style)."""
        if not text:
            self.blank(row, col, style)
            return
        space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
        self._put(
            row,
            col,
            f'<c r="{ref(row, col)}" s="{style}" t="inlineStr">'
            f"<is><t{space}>{cell_text(text)}</t></is></c>",
        )

    def number(self, row: int, col: int, value: int | Decimal, style: int) -> None:
        """A number cell; one with more digits than a double holds is written as text."""
        written = _number(value)
        if written is None:
            self.text(row, col, str(value), style)
            return
        self._put(row, col, f'<c r="{ref(row, col)}" s="{style}"><v>{written}</v></c>')

    def formula(self, row: int, col: int, formula: str, cached: int | None, style: int) -> None:
        """A formula with its cached value (``None``: an empty string, not computed yet)."""
        kind, value = (' t="str"', "") if cached is None else ("", str(cached))
        self._put(
            row,
            col,
            f'<c r="{ref(row, col)}" s="{style}"{kind}><f>{attribute(formula)}</f>'
            f"<v>{value}</v></c>",
        )

    def blank(self, row: int, col: int, style: int) -> None:
        """An empty cell with a style (its borders, whether it is locked)."""
        self._put(row, col, f'<c r="{ref(row, col)}" s="{style}"/>')

    def merge(self, row: int, col: int, rowspan: int, colspan: int) -> None:
        """Merge the area from ``row``, ``col`` (its cells should all carry the style)."""
        if rowspan > 1 or colspan > 1:
            self.merges.append((row, col, row + rowspan - 1, col + colspan - 1))

    def fit(self, row: int, col: int, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        """Make the rows from ``row`` high enough for ``text`` over its area."""
        if text:
            self.fits.append(_Fit(row, col, rowspan, colspan, text))

    def link(self, row: int, col: int, location: str) -> None:
        """Make the cell a hyperlink to ``location`` in the workbook (``'Sheet'!B7``)."""
        self.links.append((ref(row, col), location))

    # --- the XML ---------------------------------------------------------------------

    def heights(self) -> dict[int, float]:
        """Row → height in points, for every row with cells."""
        heights = dict.fromkeys(self.cells, MIN_HEIGHT)
        for fit in self.fits:
            room = sum(self.widths[fit.col : fit.col + fit.colspan]) - 1
            lines = sum(
                max(1, math.ceil(text_width(part) / max(room, 1))) for part in fit.text.split("\n")
            )
            each = (lines * LINE_HEIGHT + 6) / fit.rowspan
            for row in range(fit.row, fit.row + fit.rowspan):
                heights[row] = max(heights.get(row, MIN_HEIGHT), round(each, 1))
        return heights

    def xml(self) -> bytes:
        """The worksheet part."""
        out = [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        ]
        if self.fit_width:
            out.append('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
        if self.cells:
            last_row = max(self.cells)
            last_col = max(max(cols) for cols in self.cells.values())
            out.append(f'<dimension ref="{area(0, 0, last_row, last_col)}"/>')
        out.append('<sheetViews><sheetView workbookViewId="0">')
        if self.frozen_rows:
            top = ref(self.frozen_rows, 0)
            out.append(
                f'<pane ySplit="{self.frozen_rows}" topLeftCell="{top}" activePane="bottomLeft"'
                ' state="frozen"/>'
            )
        out.append('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.4"/><cols>')
        for i, width in enumerate(self.widths, 1):
            out.append(f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>')
        out.append("</cols><sheetData>")
        heights = self.heights()
        for row in sorted(self.cells):
            cols = self.cells[row]
            out.append(f'<row r="{row + 1}" ht="{heights[row]}" customHeight="1">')
            out.extend(cols[col] for col in sorted(cols))
            out.append("</row>")
        out.append("</sheetData>")
        if self.protected:
            # Without a password: against mistakes, not people. Columns and rows may
            # still be resized.
            out.append(
                '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" '
                'formatRows="0"/>'
            )
        if self.merges:
            out.append(f'<mergeCells count="{len(self.merges)}">')
            out.extend(f'<mergeCell ref="{area(*m)}"/>' for m in self.merges)
            out.append("</mergeCells>")
        if self.validations:
            out.append(self._validations())
        if self.links:
            out.append("<hyperlinks>")
            out.extend(
                f'<hyperlink ref="{cell}" location="{attribute(location)}" display="{cell}"/>'
                for cell, location in self.links
            )
            out.append("</hyperlinks>")
        out.append(
            '<printOptions horizontalCentered="1"/>'
            '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" '
            'footer="0.3"/>'
        )
        fit = ' fitToWidth="1" fitToHeight="0"' if self.fit_width else ""
        orientation = "landscape" if self.landscape else "portrait"
        out.append(f'<pageSetup paperSize="9" orientation="{orientation}"{fit}/>')
        if self.header:
            out.append(
                f"<headerFooter><oddHeader>&amp;C{attribute(self.header)}</oddHeader>"
                "<oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"
            )
        out.append("</worksheet>")
        return "".join(out).encode("utf-8")

    def _validations(self) -> str:
        parts = [f'<dataValidations count="{sum(len(v.areas) for v in self.validations)}">']
        for v in self.validations:
            for first_row, first_col, last_row, last_col in v.areas:
                top = ref(first_row, first_col)
                sqref = area(first_row, first_col, last_row, last_col)
                operator = ' operator="between"' if v.maximum else ""
                if v.kind in ("whole", "decimal") and not v.maximum:
                    operator = ' operator="greaterThanOrEqual"'
                parts.append(
                    f'<dataValidation type="{v.kind}"{operator} allowBlank="1" '
                    f'showInputMessage="1" showErrorMessage="1" errorTitle="填写有误" '
                    f'error="{attribute(v.error)}" promptTitle="填写说明" '
                    f'prompt="{attribute(v.prompt)}" sqref="{sqref}">'
                    f"<formula1>{attribute(v.formula.format(cell=top))}</formula1>"
                )
                if v.maximum:
                    parts.append(f"<formula2>{attribute(v.maximum)}</formula2>")
                parts.append("</dataValidation>")
        parts.append("</dataValidations>")
        return "".join(parts)


def rectangles(cells: Sequence[tuple[int, int]]) -> tuple[tuple[int, int, int, int], ...]:
    """``cells`` (row, column) covered by few rectangles: runs along each row, then runs
    of rows with the same columns stacked."""
    by_row: dict[int, list[int]] = {}
    for row, col in sorted(set(cells)):
        by_row.setdefault(row, []).append(col)
    runs: list[tuple[int, int, int]] = []  # (row, first col, last col)
    for row, cols in by_row.items():
        start = prev = cols[0]
        for col in cols[1:]:
            if col != prev + 1:
                runs.append((row, start, prev))
                start = col
            prev = col
        runs.append((row, start, prev))
    found: list[list[int]] = []  # [first row, first col, last row, last col]
    open_by_cols: dict[tuple[int, int], list[int]] = {}
    for row, first, last in runs:
        box = open_by_cols.get((first, last))
        if box is not None and box[2] == row - 1:
            box[2] = row
            continue
        box = [row, first, row, last]
        found.append(box)
        open_by_cols[(first, last)] = box
    return tuple((a, b, c, d) for a, b, c, d in found)


__all__ = ["Sheet", "Validation", "rectangles", "text_width"]
