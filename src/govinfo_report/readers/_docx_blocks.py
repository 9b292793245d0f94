"""WordprocessingML → neutral blocks: paragraphs with heading hints, tables as grids.

Walks ``word/document.xml`` with lxml directly (python-docx's ``Table.cell()`` rebuilds
the grid on every call, far too slow for a 280-cell table). What is extracted is what
Word displays: inserted revisions are kept and deleted ones dropped, a field shows its
result and not its code, a list paragraph gets its number ("一、") rendered in front,
content controls and text boxes give their content, and of an ``mc:AlternateContent``
only the first choice is read (its fallback repeats the same text). Tables come out as
rectangles: ``w:gridSpan``, ``w:hMerge`` and ``w:vMerge`` are expanded, each grid
position knowing the origin of the merged cell that covers it; nested tables follow
their parent, and a one-column layout table (a whole report inside a frame) is read as
the paragraphs and tables it contains. A grid is at most :data:`MAX_COLUMNS` wide, and
the grids of one document hold at most
:data:`~govinfo_report.readers._limits.MAX_DOCUMENT_CELLS` cells, counted before they
are expanded. A plain table (cells of paragraphs of runs of text, as most are) is read in
one pass by :mod:`._docx_plain`, with the same result; any other cell by cell.

The module is one walk, and longer than most for that reason: a cell holds paragraphs
and tables, and a paragraph's runs decide its heading level, so containers, paragraphs
and tables recurse into one another through one :class:`Extractor` and its state (the
cell budget, the styles, the numbering counters); the run formatting it reads is in
:mod:`._docx_styles`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Final

from lxml import etree

from govinfo_report.errors import ReportReadError
from govinfo_report.readers import _limits
from govinfo_report.readers._document import Block, Grid, Paragraph
from govinfo_report.readers._docx_plain import MAX_SPAN as _MAX_SPAN
from govinfo_report.readers._docx_plain import Cell, PlainTables, grid_span, merge
from govinfo_report.readers._docx_styles import (
    Look,
    Numbering,
    Styles,
    first_child,
    read_look,
    toggle,
)

MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MC_ALTERNATE: Final = f"{{{MC}}}AlternateContent"
_MC_CHOICE: Final = f"{{{MC}}}Choice"

# Inline content whose text Word does not display (or that is not text at all).
_HIDDEN: Final = (
    "del",
    "moveFrom",
    "pPr",
    "rPr",
    "tcPr",
    "trPr",
    "tblPr",
    "tblGrid",
    "sdtPr",
    "sdtEndPr",
    "instrText",
    "delText",
    "delInstrText",
    "fldData",
    "footnoteReference",
    "endnoteReference",
    "commentReference",
    "annotationRef",
    "bookmarkStart",
    "bookmarkEnd",
    "proofErr",
    "lastRenderedPageBreak",
    "rt",  # ruby (phonetic guide) text above the base text
)
_EMPHASIS_FONTS: Final = ("黑体", "楷体", "标宋", "Hei", "Kai")
_TITLE_SIZE: Final = 36  # half-points: 18 pt, above 三号 (16 pt) body text
_NUMBERED: Final = (
    (re.compile(r"^[一二三四五六七八九十]+\s*[、.．]"), 1),
    (re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[)）]"), 2),
    (re.compile(r"^[0-9０-９]+\s*[.．、]"), 3),
)
_HEADING_MAX_CHARS: Final = 60
RUN_IN_STYLE: Final = "run-in heading"
"""The character style our writer gives a sub-heading run into its paragraph."""
RUN_IN_3_STYLE: Final = "run-in heading 3"
"""The character style our writer gives a level-3 heading (1.…) run into its paragraph."""
_RUN_IN_LEVELS: Final = {RUN_IN_STYLE: 2, RUN_IN_3_STYLE: 3}
_OUR_DATE: Final = re.compile(r"[0-9]{1,4}年[0-9]{1,2}月[0-9]{1,2}日")
MAX_COLUMNS: Final = 256
"""Word allows 63 columns; a wider grid is forged (spans inflating a grid in memory)."""


class _Names:
    """Clark names (``{ns}local``) of the elements the walker looks for."""

    def __init__(self, w: str) -> None:
        def q(local: str) -> str:
            return f"{{{w}}}{local}"

        self.w = w
        self.p, self.r, self.t, self.tbl, self.tr, self.tc = map(
            q, ("p", "r", "t", "tbl", "tr", "tc")
        )
        self.br, self.cr, self.tab, self.ptab = map(q, ("br", "cr", "tab", "ptab"))
        self.no_break_hyphen = q("noBreakHyphen")
        self.sdt, self.sdt_content, self.custom_xml = map(q, ("sdt", "sdtContent", "customXml"))
        self.ins, self.move_to = q("ins"), q("moveTo")
        self.txbx = q("txbxContent")
        self.ppr, self.rpr, self.tcpr, self.trpr = map(q, ("pPr", "rPr", "tcPr", "trPr"))
        self.pstyle, self.rstyle, self.numpr = q("pStyle"), q("rStyle"), q("numPr")
        self.grid_span, self.vmerge, self.hmerge = map(q, ("gridSpan", "vMerge", "hMerge"))
        self.grid_before, self.tbl_grid, self.grid_col = map(
            q, ("gridBefore", "tblGrid", "gridCol")
        )
        self.deleted = q("del")
        self.vanish = q("vanish")
        self.hide_mark = q("hideMark")
        self.val = q("val")
        self.hidden = frozenset(q(local) for local in _HIDDEN)


class _Runs:
    """What the runs of one paragraph looked like: all bold? which font? how big?"""

    __slots__ = ("all_bold", "any_text", "font", "size")

    def __init__(self) -> None:
        self.any_text = False
        self.all_bold = True
        self.font = ""
        self.size = 0

    def add(self, look: Look) -> None:
        if not self.any_text:
            self.font = look.font
        self.any_text = True
        self.all_bold = self.all_bold and bool(look.bold)
        self.size = max(self.size, look.size or 0)


class Extractor:
    """Collects the blocks of one document body, in reading order."""

    def __init__(
        self,
        w: str,
        styles: Styles,
        numbering: Numbering,
        where: str = "",
        *,
        where_zh: str | None = None,
        trusted: bool = False,
    ) -> None:
        self.n = _Names(w)
        self.where = where
        """What to call the document in errors (``report.docx: word/document.xml``)."""
        self.where_zh = where if where_zh is None else where_zh
        """The same in their Chinese (``report.docx：word/document.xml``)."""
        self.trusted = trusted
        """The document is our DOCX writer's output: its styles say exactly what each
        paragraph is (see :meth:`_our_paragraph`); no guessing from formatting."""
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self._paragraphs = 0
        self._tables = 0
        self.budget = _limits.CellBudget(where)
        """The grid positions of all the document's tables (merges expanded)."""
        self._in_title = True
        self._plain = None if styles.numbered else PlainTables(w)
        """Reads plain tables in one pass; None where a style numbers its paragraphs
        (a cell's paragraph would then show a list number)."""

    # --- block level ------------------------------------------------------------------

    def container(self, element: etree._Element) -> None:
        """The paragraphs and tables of a body, cell, text box or content control."""
        n = self.n
        for child in element:
            tag = child.tag
            if tag == n.p:
                self.paragraph(child)
            elif tag == n.tbl:
                self.table(child)
            elif tag == n.sdt:
                content = first_child(child, n.sdt_content)
                if content is not None:
                    self.container(content)
            elif tag in (n.custom_xml, n.ins, n.move_to, n.sdt_content):
                self.container(child)
            elif tag == _MC_ALTERNATE:
                choice = first_child(child, _MC_CHOICE)
                if choice is not None:
                    self.container(choice)

    def paragraph(self, p: etree._Element) -> None:
        """Emit ``p`` (with its heading hint), then the content of its text boxes."""
        runs = _Runs()
        text, look, boxes = self._paragraph_text(p, runs)
        if text:
            self._paragraphs += 1
            location = f"paragraph {self._paragraphs}"
            if self.trusted:
                self.blocks.append(self._our_paragraph(p, text, location))
            else:
                level = self._level(text, look, runs)
                self._in_title = self._in_title and level == 0
                self.blocks.append(
                    Paragraph(
                        text=text, level=level, location=location, marked=_marked(look, level)
                    )
                )
        for box in boxes:
            self.container(box)

    def _paragraph_text(
        self, p: etree._Element, runs: _Runs | None
    ) -> tuple[str, Look, list[etree._Element]]:
        """Displayed text, paragraph look and text boxes of ``p``; run looks go to
        ``runs`` (None in table cells, where only a list number matters)."""
        n = self.n
        ppr = first_child(p, n.ppr)
        style_id = None
        if ppr is not None:
            pstyle = first_child(ppr, n.pstyle)
            if pstyle is not None:
                style_id = pstyle.get(n.val)
        base = self.styles.look(style_id)
        if runs is None and (ppr is None or first_child(ppr, n.numpr) is None):
            look = base  # the common cell paragraph: skip reading direct formatting
        else:
            direct = read_look(ppr, None, n.w)
            look = Look(
                outline=direct.outline if direct.outline is not None else base.outline,
                heading=base.heading,
                bold=base.bold,
                font=base.font,
                size=base.size,
                centered=direct.centered if direct.centered is not None else base.centered,
                num=direct.num if direct.num is not None else base.num,
            )
        parts: list[str] = []
        boxes: list[etree._Element] = []
        self._inline(p, parts, boxes, runs, look)
        text = "".join(parts).strip()
        if text and look.num is not None:
            label = self.numbering.label(look.num)
            if label and not text.startswith(label):
                text = label + text
        return text, look, boxes

    def _inline(
        self,
        element: etree._Element,
        parts: list[str],
        boxes: list[etree._Element],
        runs: _Runs | None,
        look: Look,
    ) -> None:
        n = self.n
        for child in element:
            tag = child.tag
            if tag == n.t:
                parts.append(child.text or "")
            elif tag == n.r:
                rpr = first_child(child, n.rpr)
                if rpr is not None and toggle(first_child(rpr, n.vanish), n.w):
                    continue  # hidden text: Word does not display it
                if runs is None:
                    self._inline(child, parts, boxes, runs, look)
                    continue
                before = len(parts)
                self._inline(child, parts, boxes, runs, look)
                if any(part.strip() for part in parts[before:]):
                    runs.add(self._run_look(child, look))
            elif tag in n.hidden or not isinstance(tag, str):
                continue
            elif tag in (n.br, n.cr):
                parts.append("\n")
            elif tag in (n.tab, n.ptab):
                parts.append("\t")
            elif tag == n.no_break_hyphen:
                parts.append("-")
            elif tag == n.txbx:
                boxes.append(child)
            elif tag == _MC_ALTERNATE:
                choice = first_child(child, _MC_CHOICE)
                if choice is not None:
                    self._inline(choice, parts, boxes, runs, look)
            else:
                # Hyperlinks, insertions, smart tags, simple fields, inline content
                # controls, drawings and shapes: their text is displayed.
                self._inline(child, parts, boxes, runs, look)

    def _run_look(self, run: etree._Element, paragraph: Look) -> Look:
        n = self.n
        rpr = first_child(run, n.rpr)
        if rpr is None:
            return paragraph
        direct = read_look(None, rpr, n.w)
        rstyle = first_child(rpr, n.rstyle)
        char = self.styles.look(rstyle.get(n.val)) if rstyle is not None else Look()
        bold = direct.bold if direct.bold is not None else char.bold
        return Look(
            bold=bold if bold is not None else paragraph.bold,
            font=direct.font or char.font or paragraph.font,
            size=direct.size or char.size or paragraph.size,
        )

    def _our_paragraph(self, p: etree._Element, text: str, location: str) -> Paragraph:
        """A paragraph of our own output, by its style: Title (level 0), heading 1/2/3
        (levels 1/2/3), Signature (the agency, or the date in the writer's date form), a
        body paragraph opening with a Run-in Heading run (a level-2 run-in heading) or a
        Run-in Heading 3 run (a level-3 one, 1.…)."""
        n = self.n
        ppr = first_child(p, n.ppr)
        pstyle = first_child(ppr, n.pstyle) if ppr is not None else None
        name = self.styles.names.get(pstyle.get(n.val, "") if pstyle is not None else "", "")
        if name == "signature":
            role = "date" if _OUR_DATE.fullmatch(text) else "signature"
            return Paragraph(text=text, location=location, role=role)
        level = self.styles.look(pstyle.get(n.val) if pstyle is not None else None).heading
        if level is not None and level <= 3:
            return Paragraph(text=text, level=level, location=location)
        # The Run-in Heading runs at the start, however many: LibreOffice splits a run
        # where the script changes ("(" then "一)存在的主要问题。") when it saves a .doc.
        heading, style = "", None
        for run in p.iterfind(n.r):
            rpr = first_child(run, n.rpr)
            rstyle = first_child(rpr, n.rstyle) if rpr is not None else None
            run_style = self.styles.names.get(rstyle.get(n.val, "")) if rstyle is not None else None
            if run_style not in _RUN_IN_LEVELS or (style is not None and run_style != style):
                break
            style = run_style
            heading += "".join(t.text or "" for t in run.iter(n.t))
        if heading and style is not None:
            level = _RUN_IN_LEVELS[style]
            return Paragraph(text=text, level=level, location=location, run_in=len(heading))
        return Paragraph(text=text, location=location)

    def _level(self, text: str, look: Look, runs: _Runs) -> int | None:
        """The heading hint: style name, outline level, else emphasis + numbering."""
        if look.heading is not None:
            return min(look.heading, 3)
        if look.outline is not None:
            return min(look.outline + 1, 3)
        emphasised = runs.any_text and (
            runs.all_bold
            or any(font in runs.font for font in _EMPHASIS_FONTS)
            or runs.size >= _TITLE_SIZE
        )
        if not emphasised or len(text) > _HEADING_MAX_CHARS:
            return None
        for pattern, level in _NUMBERED:
            if pattern.match(text):
                return level
        if self._in_title and look.centered:
            return 0
        return None

    # --- tables -----------------------------------------------------------------------

    def table(self, tbl: etree._Element) -> None:
        """Emit ``tbl`` as a :class:`Grid`, then its nested tables."""
        n = self.n
        cells_xml: list[etree._Element] = []
        nested: list[etree._Element] = []
        plain = self._plain.rows(tbl, self.trusted) if self._plain is not None else None
        rows, ragged = plain or self._rows(tbl, cells_xml, nested)
        grid_cols = first_child(tbl, n.tbl_grid)
        width = len(grid_cols.findall(n.grid_col)) if grid_cols is not None else 0
        width = max([width, *(start + span for row in rows for start, span, *_ in row)])
        if width > MAX_COLUMNS:
            raise ReportReadError(
                f"{self.where}: table {self._tables + 1} is {len(rows)} rows by {width} "
                f"grid columns (limit {MAX_COLUMNS} columns); Word never makes such a table",
                zh=f"{self.where_zh}：表格 {self._tables + 1} 有 {len(rows)} 行、{width} 个网格列"
                f"（上限 {MAX_COLUMNS} 列）；Word 从不生成这样的表格",
            )
        # Counted before _grid expands the rectangle.
        number = self._tables + 1
        self.budget.take(width * len(rows), f"table {number}", f"第 {number} 个表格")
        if rows and width == 1 and nested:
            # A frame around the report: read what is inside as the document itself.
            for tc in cells_xml:
                self.container(tc)
            return
        self._tables += 1
        location = f"table {self._tables}"
        self.blocks.append(_grid(rows, width, location, ragged))
        for inner in nested:
            self.table(inner)

    def _rows(
        self, tbl: etree._Element, cells_xml: list[etree._Element], nested: list[etree._Element]
    ) -> tuple[list[list[Cell]], set[int]]:
        """The rows of ``tbl`` cell by cell (any table), its cells' elements put in
        ``cells_xml`` and its nested tables in ``nested``; with the ragged rows."""
        n = self.n
        rows: list[list[Cell]] = []
        ragged: set[int] = set()
        for tr in self._children(tbl, n.tr):
            trpr = first_child(tr, n.trpr)
            before = 0
            if trpr is not None:
                if first_child(trpr, n.deleted) is not None:
                    continue  # a row deleted with tracked changes
                gb = first_child(trpr, n.grid_before)
                if gb is not None:
                    before = _limits.span(gb.get(n.val), _MAX_SPAN, default=0)
            row = []
            column = before
            for tc in self._children(tr, n.tc):
                span, vmerge, hmerge, filler = self._merge_marks(tc)
                if self.trusted and filler:
                    # Our writer's stand-in for columns a row has no value for: the row
                    # ends here (a ragged row), so no blank value is invented.
                    ragged.add(len(rows))
                    break
                text = self._cell_text(tc, nested)
                row.append((column, span, text, vmerge, hmerge))
                cells_xml.append(tc)
                column += span
            rows.append(row)
        return rows, ragged

    def _children(self, parent: etree._Element, tag: str) -> list[etree._Element]:
        """Children named ``tag``, looking through content controls and custom XML."""
        n = self.n
        found = []
        for child in parent:
            if child.tag == tag:
                found.append(child)
            elif child.tag == n.sdt:
                content = first_child(child, n.sdt_content)
                if content is not None:
                    found.extend(self._children(content, tag))
            elif child.tag in (n.custom_xml, n.ins, n.move_to):
                found.extend(self._children(child, tag))
        return found

    def _merge_marks(self, tc: etree._Element) -> tuple[int, str | None, str | None, bool]:
        """gridSpan, vMerge, hMerge and whether the cell is marked ``w:hideMark``."""
        n = self.n
        span, vmerge, hmerge, hidden = 1, None, None, False
        tcpr = first_child(tc, n.tcpr)
        if tcpr is None:
            return span, vmerge, hmerge, hidden
        for mark in tcpr:
            tag = mark.tag
            if tag == n.grid_span:
                span = grid_span(mark.get(n.val))
            elif tag == n.vmerge:
                vmerge = merge(mark.get(n.val))
            elif tag == n.hmerge:
                hmerge = merge(mark.get(n.val))
            elif tag == n.hide_mark:
                hidden = True
        return span, vmerge, hmerge, hidden

    def _cell_text(self, tc: etree._Element, nested: list[etree._Element]) -> str:
        """The cell's paragraphs joined with newlines; nested tables are set aside."""
        lines: list[str] = []
        self._cell_lines(tc, lines, nested)
        return "\n".join(lines)

    def _cell_lines(
        self, element: etree._Element, lines: list[str], nested: list[etree._Element]
    ) -> None:
        n = self.n
        for child in element:
            tag = child.tag
            if tag == n.p:
                text, _look, boxes = self._paragraph_text(child, None)
                if text:
                    lines.append(text)
                for box in boxes:
                    self._cell_lines(box, lines, nested)
            elif tag == n.tbl:
                nested.append(child)
            elif tag == n.sdt:
                content = first_child(child, n.sdt_content)
                if content is not None:
                    self._cell_lines(content, lines, nested)
            elif tag in (n.custom_xml, n.ins, n.move_to):
                self._cell_lines(child, lines, nested)
            elif tag == _MC_ALTERNATE:
                choice = first_child(child, _MC_CHOICE)
                if choice is not None:
                    self._cell_lines(choice, lines, nested)


def _grid(
    rows: list[list[Cell]],
    width: int,
    location: str,
    ragged: Collection[int] = (),
) -> Grid:
    """Expand spans and merges into a rectangle of texts with their origins; the rows
    in ``ragged`` end after their last cell instead of being padded."""
    texts: list[list[str]] = []
    origins: list[list[tuple[int, int]]] = []
    for r, row in enumerate(rows):
        line = [""] * width
        origin = [(r, c) for c in range(width)]
        previous: int | None = None
        for start, span, text, vmerge, hmerge in row:
            if hmerge == "continue" and previous is not None:
                source = origin[previous]
                value = line[previous]
            elif vmerge == "continue" and r > 0 and start < len(origins[r - 1]):
                source = origins[r - 1][start]
                value = texts[source[0]][source[1]]
            else:
                source, value = (r, start), text
            for c in range(start, min(start + span, width)):
                line[c] = value
                origin[c] = source
            previous = start
        end = max((start + span for start, span, *_ in row), default=0)
        if r in ragged:
            line, origin = line[:end], origin[:end]
        texts.append(line)
        origins.append(origin)
    return Grid(
        cells=tuple(tuple(line) for line in texts),
        origin=tuple(tuple(line) for line in origins),
        location=location,
    )


def _marked(look: Look, level: int | None) -> bool:
    """Whether ``level`` is the document's own: a heading style of that level or an
    outline level (Heading 4 and deeper, read as 3, are not a level-3 heading)."""
    if level is None or level == 0:
        return False
    if look.heading is not None:
        return look.heading == level
    return look.outline is not None and look.outline + 1 == level
