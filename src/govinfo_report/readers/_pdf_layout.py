"""A PDF's pages → the neutral blocks: paragraphs from lines, grids from ruled tables.

Per page, the characters inside a ruled table's frame are the table's; the rest are
grouped into lines (:mod:`._pdf_lines`). Page furniture is left out: page numbers
("- 3 -", "—3—", "第 3 页", "3/6") in the top or bottom band of a page, and running
headers or footers (the same line, digits aside, in that band on at least two pages and
half of them). A table at the top of a page that continues the table at the bottom of
the page before (same borders and columns, nothing between) is joined to it.

Lines become paragraphs by position. A line starts a new paragraph when it is indented
(the first-line indent of 公文 text), when the line before ended short of the right
margin at a sentence's end or well short of it, when it starts with a heading's number
after a short line, when its size differs, after a gap wider than the document's usual
line pitch, and around a table; a centred line
is a paragraph of its own. A paragraph that goes on over a page break stays one. The
large lines at the top of the first page are the title (level 0). Short lines in the
right half of the last page, after the text, are the signature and date.
"""

from __future__ import annotations

import collections
import itertools
import re
from collections.abc import Sequence
from typing import Final

from govinfo_report.readers import _meta
from govinfo_report.readers import _pdf_unruled as unruled
from govinfo_report.readers._document import Block, Grid, Paragraph
from govinfo_report.readers._limits import CellBudget
from govinfo_report.readers._pages import Page
from govinfo_report.readers._pdf_lines import Line, group_lines, join_lines
from govinfo_report.readers._pdf_tables import Ruled, find_tables, grid, join, size

BAND: Final = 0.1
"""The top and bottom tenth of a page (of its long side, on a landscape page) is where
headers, footers and page numbers are."""
_PAGE_NUMBER: Final = re.compile(
    r"[-—–－‐_\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–－‐_\s]*"
)
_SENTENCE_END: Final = "。！？!?：:"
"""A paragraph's last line ends with one of these; a line ending with "；" or a closing
quote that stops short is a ragged line (the next character could not start a line)."""
_ORDINAL: Final = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]")
"""A heading's number at the start of a line (after a short line: a new paragraph)."""
_GAP: Final = 1.3
"""Lines further apart than this many usual line pitches are in different paragraphs."""
_RAGGED: Final = 2.5
"""A line that stops this many characters or fewer short of the margin is full: line
breaking rules (no "。" or "”" at a line's start) leave lines a character or two short."""
_SHORT: Final = 0.7
"""A line shorter than this part of the text width ends its paragraph."""
_TITLE_SCALE: Final = 1.15
"""A line this much larger than the body text at the top of page 1 is the title."""


def _band(line: Line, page: Page) -> bool:
    # A tenth of the page's long side: headers and footers sit in its margins, which do
    # not shrink when a page is turned. A tenth of a landscape A4 page's height (60 pt)
    # ends above its page number, 7 mm below a 35 mm margin's text area (GB/T 9704).
    band = BAND * max(page.height, page.width)
    return line.bottom < band or line.top > page.height - band


def _furniture(pages: Sequence[Page], lines: Sequence[list[Line]]) -> list[set[int]]:
    """Per page, the indices of its furniture lines."""
    repeated: collections.Counter[str] = collections.Counter()
    for page, page_lines in zip(pages, lines, strict=True):
        keys = {re.sub(r"\d+", "#", line.text) for line in page_lines if _band(line, page)}
        repeated.update(keys)
    needed = max(2, (len(pages) + 1) // 2)
    out = []
    for page, page_lines in zip(pages, lines, strict=True):
        found = set()
        for i, line in enumerate(page_lines):
            if not _band(line, page):
                continue
            text = line.text
            if _PAGE_NUMBER.fullmatch(text) or repeated[re.sub(r"\d+", "#", text)] >= needed:
                found.add(i)
        out.append(found)
    return out


class _Layout:
    """The running state while the pages are read in order."""

    def __init__(self, source: str, body_size: float, pitch: float) -> None:
        self.source = source
        self.body = body_size
        self.pitch = pitch
        """The document's usual distance from one line's top to the next, in font sizes."""
        self.blocks: list[Block] = []
        self.budget = CellBudget(source)
        self._lines: list[Line] = []
        self._start_page = 0
        self._left = self._right = 0.0
        self._tables = 0
        self._open: Ruled | None = None
        """A table at the bottom of the page before, which the next page may continue."""

    def flush(self, level: int | None = None) -> None:
        if not self._lines:
            return
        text = join_lines(line.text for line in self._lines)
        self._lines = []
        if text:
            self.blocks.append(
                Paragraph(text=text, level=level, location=f"page {self._start_page}")
            )

    def close_table(self) -> None:
        if self._open is None:
            return
        table, self._open = self._open, None
        what, what_zh = f"table {self._tables + 1}", f"第 {self._tables + 1} 个表格"
        self.budget.check(size(table), what, what_zh)  # before the grid is built
        cells, origins = grid(table)
        if not cells or not cells[0]:
            return
        self._tables += 1
        self.budget.take(len(cells) * len(cells[0]), what, what_zh)
        pages = sorted(set(table.pages))
        where = f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}-{pages[-1]}"
        self.blocks.append(Grid(cells=cells, origin=origins, location=f"{where}, {what}"))

    def table(self, table: Ruled, first_on_page: bool) -> None:
        self.flush()
        if first_on_page and self._open is not None and join(self._open, table):
            return
        self.close_table()
        self._open = table

    def page(
        self, page: Page, tables: list[Ruled], lines: list[Line], margins: tuple[float, float]
    ) -> None:
        left, right = margins
        items: list[tuple[float, Line | Ruled | Grid]] = []
        regions = unruled.find_regions(lines, left, right)
        inside = {i for first, end in regions for i in range(first, end + 1)}
        items.extend((line.top, line) for i, line in enumerate(lines) if i not in inside)
        for first, end in regions:
            self._tables += 1
            where = f"page {page.number}, table {self._tables}"
            found = unruled.grid(lines[first : end + 1], where)
            where_zh = f"第 {page.number} 页第 {self._tables} 个表格"
            self.budget.take(sum(len(row) for row in found.cells), where, where_zh)
            items.append((lines[first].top, found))
        items.extend((t.top, t) for t in tables)
        items.sort(key=lambda item: item[0])
        centre = page.width / 2
        if page.number == 1:
            title = 0
            while (
                title < len(items)
                and isinstance(line := items[title][1], Line)
                and line.size > self.body * _TITLE_SCALE
            ):
                title += 1
            if title:
                self._lines = [item for _, item in items[:title] if isinstance(item, Line)]
                self._start_page = 1
                self.flush(level=0)
                items = items[title:]
        previous: Line | None = None
        for n, (_, item) in enumerate(items):
            if isinstance(item, Ruled):
                self.table(item, n == 0)
                previous = None
                continue
            if isinstance(item, Grid):
                self.flush()
                self.close_table()
                self.blocks.append(item)
                previous = None
                continue
            self.close_table()
            line = item
            centred = (
                abs(line.middle - centre) < line.size
                and line.x0 > left + 2 * line.size
                and line.x1 < right - 2 * line.size
            )
            if previous is None:
                # The first line on the page, or after a table: a paragraph from the page
                # before goes on when it reached the right margin and this line is not
                # indented.
                last = self._lines[-1] if self._lines else None
                new = last is None or _ends_paragraph(last, self._left, self._right)
            else:
                short = previous.x1 < right - 1.5 * previous.size
                new = (
                    line.top - previous.top > _GAP * self.pitch * previous.size
                    or abs(line.size - previous.size) > 0.15 * line.size
                    or _ends_paragraph(previous, left, right)
                    or (short and _ORDINAL.match(line.text) is not None)
                )
            if new or centred or line.x0 > left + 0.9 * line.size:
                self.flush()
            if not self._lines:
                self._start_page = page.number
            self._lines.append(line)
            previous = line
            if centred:
                self.flush()
                previous = None
        self._left, self._right = left, right

    def finish(self) -> list[Block]:
        self.flush()
        self.close_table()
        _mark_signature(self.blocks)
        return self.blocks


def _ends_paragraph(line: Line, left: float, right: float) -> bool:
    """Whether a paragraph ends with ``line``: it stops short of the right margin and
    ends a sentence, or is short (a heading, a last line). A ragged line that stops short
    in the middle of a sentence (left-aligned text, a word that did not fit) goes on."""
    if line.x1 >= right - _RAGGED * line.size:
        return False
    return line.text[-1:] in _SENTENCE_END or line.x1 - left < _SHORT * (right - left)


def _mark_signature(blocks: list[Block]) -> None:
    """The date line at the very end, and the short line above it, get their roles."""
    tail = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph)][-2:]
    if not tail:
        return
    last = blocks[tail[-1]]
    assert isinstance(last, Paragraph)
    if not _meta.is_date_line(last.text):
        return
    blocks[tail[-1]] = Paragraph(text=last.text, location=last.location, role="date")
    if len(tail) == 2:
        above = blocks[tail[0]]
        assert isinstance(above, Paragraph)
        if tail[0] == tail[-1] - 1 and _meta.looks_like_agency(above.text):
            blocks[tail[0]] = Paragraph(text=above.text, location=above.location, role="signature")


def _margins(
    pages: Sequence[Page], page_lines: Sequence[Sequence[Line]]
) -> list[tuple[float, float]]:
    """Each page's text margins (left, right): where its full lines start and end. A page
    with fewer than three full lines (the last page's signature alone) has the usual
    margins of the document's other pages."""
    found: list[tuple[float, float] | None] = []
    for lines in page_lines:
        right = max((line.x1 for line in lines), default=0.0)
        full = [line.x0 for line in lines if line.x1 >= right - 2 * line.size]
        found.append((min(full), right) if len(full) >= 3 else None)
    known = sorted(m for m in found if m is not None)
    usual = known[len(known) // 2] if known else None
    out = []
    for page, margins in zip(pages, found, strict=True):
        out.append(margins or usual or (0.0, page.width))
    return out


def _pitch(page_lines: Sequence[Sequence[Line]]) -> float:
    """The usual line pitch of the document, in font sizes (1.5 if it cannot tell)."""
    ratios = sorted(
        (b.top - a.top) / a.size
        for lines in page_lines
        for a, b in itertools.pairwise(lines)
        if abs(a.size - b.size) <= 0.15 * a.size and 0.8 * a.size < b.top - a.top < 3 * a.size
    )
    return ratios[len(ratios) // 2] if ratios else 1.5


def to_blocks(pages: Sequence[Page], source: str) -> list[Block]:
    """The blocks of the document, in reading order.

    Raises:
        ReportReadError: a page with too many ruling lines, or tables over the cell limit.
    """
    page_tables = []
    page_lines = []
    for page in pages:
        where = f"{source}: page {page.number}", f"{source} 第 {page.number} 页"
        tables = find_tables(page.edges, *where)
        free = []
        frames = [(t, t.left - 1, t.top - 1, t.right + 1, t.bottom + 1) for t in tables]
        for char in page.chars:
            x = (char.x0 + char.x1) / 2
            y = (char.top + char.bottom) / 2
            for table, x0, y0, x1, y1 in frames:
                if x0 <= x <= x1 and y0 <= y <= y1:
                    table.chars.append(char)
                    break
            else:
                free.append(char)
        for table in tables:
            table.pages.append(page.number)
        page_tables.append(tables)
        page_lines.append(group_lines(free))
    furniture = _furniture(pages, page_lines)
    sizes: collections.Counter[float] = collections.Counter()
    for lines in page_lines:
        for line in lines:
            sizes[round(line.size)] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    kept = [
        [line for i, line in enumerate(lines) if i not in skip]
        for lines, skip in zip(page_lines, furniture, strict=True)
    ]
    layout = _Layout(source, body, _pitch(page_lines))
    for page, tables, lines, margins in zip(
        pages, page_tables, kept, _margins(pages, kept), strict=True
    ):
        layout.page(page, tables, lines, margins)
    return layout.finish()
