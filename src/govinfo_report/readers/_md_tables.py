"""Tables in Markdown as written → shared :class:`~govinfo_report.readers._document.Grid` s:
GFM pipe tables from markdown-it-py's tokens, HTML tables (with their merges) from lxml's
HTML parser (plain ``etree`` elements: ``lxml.html``'s element classes cost a class lookup
per node, which was most of the time of reading a Markdown report with HTML tables).

Our writer prints merged label columns and header cells of a pipe table as one composite
text joined with `` / `` (``申请人情况 / 法人或其他组织 / 商业企业``); :func:`gfm_table`
turns them back into the merged cells the HTML and DOCX prints have, so the shared table
engine places them exactly as for those. markdown-it-py pads a short GFM row with empty
cells; an extra row must keep only the cells it was written with, so :func:`split_row`
counts them in the source line, by the same rule as the GFM table extension. HTML spans
are read as browsers read them and clamped to the table; the grid positions of every
table count against the document's :class:`~govinfo_report.readers._limits.CellBudget`
before they are created.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

import attrs
from lxml import etree
from markdown_it.token import Token

from govinfo_report.readers._document import Grid
from govinfo_report.readers._limits import CellBudget, span
from govinfo_report.readers._md_inline import text_of

_SEPARATOR = re.compile(r"(?<=\S)(\s*) / (\s*)(?=\S)")
"""Where a label path or a composite column name divides: `` / `` between two visible
characters (no part is empty: a label that starts or ends with `` / `` is one label),
with any further whitespace around it."""


def label_path(text: str) -> tuple[str, ...]:
    """The parts of a composite label or column name, as the writer joined them.

    Exact: ``" / ".join(label_path(t)) == t``. Whitespace beyond the one space each side
    of the separator stays with the part it touches (``a  /  b`` → ``("a ", " b")``), so
    a label with such spacing reads back as written, and the parts still match their
    labels (the table engine compares stripped texts).
    """
    parts: list[str] = []
    start = 0
    for match in _SEPARATOR.finditer(text):
        parts.append(text[start : match.start()] + match.group(1))
        start = match.end() - len(match.group(2))
    parts.append(text[start:])
    return tuple(parts)


_CELL_PIPE = re.compile(r"(?<!\\)\|")
"""A pipe that separates cells: one without a backslash right before it."""
_MAX_SPAN: Final = 1000
"""Row/column spans above this in an HTML table are read as this (as browsers read
colspan); a rowspan never reaches past the table's last row."""


def split_row(line: str) -> list[str]:
    """The cells of one GFM table row as written, by the GFM table extension's rule.

    The row is split at every ``|`` not preceded by a backslash (``\\|`` is a pipe inside
    a cell, the backslash dropped); the empty text before a leading pipe and after a
    trailing one is not a cell. The cells keep their surrounding spaces and other escapes.
    """
    cells = [cell.replace("\\|", "|") for cell in _CELL_PIPE.split(line.strip())]
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _header_rows(header: Sequence[str]) -> tuple[list[list[str]], list[list[tuple[int, int]]]]:
    """The header row of a pipe table as the grid rows it prints in merged form.

    A composite column name (``申请人情况 / 法人或其他组织 / 商业企业``) is one column of a
    header as deep as the longest name: each part in its row, the last part reaching down
    to the bottom row; equal parts of neighbouring columns are one merged cell, as in the
    HTML and DOCX prints. The corner cell (the first) covers every header row.
    """
    paths = [label_path(h) if h else ("",) for h in header[1:]]
    depth = max((len(p) for p in paths), default=1)
    rows: list[list[str]] = [[header[0] if header else ""] for _ in range(depth)]
    origin: list[list[tuple[int, int]]] = [[(0, 0)] for _ in range(depth)]
    for r in range(depth):
        for c, path in enumerate(paths, start=1):
            top = min(r, len(path) - 1)
            key = (path[: top + 1], top, len(path) if top == len(path) - 1 else 0)
            rows[r].append(path[top])
            left = c
            while left > 1:
                prev = paths[left - 2]
                ptop = min(r, len(prev) - 1)
                if (prev[: ptop + 1], ptop, len(prev) if ptop == len(prev) - 1 else 0) != key:
                    break
                left -= 1
            origin[r].append((top, left))
    return rows, origin


def gfm_table(tokens: Sequence[Token], start: int, source: Sequence[str], offset: int) -> Grid:
    """The pipe table whose ``table_open`` token is ``tokens[start]``, as a grid.

    ``source`` holds the lines the tokens' line maps refer to; ``offset`` is the number of
    lines before them in the file (the front matter). Composite names become merged
    cells: the header's as in :func:`_header_rows`, a row label's (``三、本年度办理结果 /
    （三）不予公开 / 1.属于国家秘密``) as label columns, a group label merged down over the
    rows that share it. A row keeps only the cells it was written with (markdown-it-py
    pads short rows; an extra row must not gain blank values).
    """
    header: list[str] = []
    rows: list[tuple[list[str], int, int]] = []
    current: list[str] | None = None
    row_line = 0
    # Indexing, not tokens[start:]: a copy of the rest per table is quadratic in tables.
    for k in range(start, len(tokens)):
        tok = tokens[k]
        if tok.type == "table_close":
            break
        if tok.type == "tr_open":
            current, row_line = [], (tok.map[0] if tok.map else 0)
        elif tok.type == "inline" and current is not None:
            current.append(text_of(tok.children))
        elif tok.type == "tr_close" and current is not None:
            if not header and not rows:
                header = current
            else:
                # The parser pads short rows; count what the source line really has.
                rows.append((current, row_line, len(split_row(source[row_line]))))
            current = None
    table_line = (tokens[start].map or [0])[0] + offset + 1
    head, head_origin = _header_rows(header)
    labels = [label_path(cells[0]) if cells[0] else ("",) for cells, _, _ in rows]
    width = max((len(p) for p in labels), default=1)
    depth = len(head)
    cells: list[tuple[str, ...]] = []
    origin: list[tuple[tuple[int, int], ...]] = []
    for r, row in enumerate(head):
        # The corner spans the label columns too.
        cells.append((row[0],) * width + tuple(row[1:]))
        origin.append(((0, 0),) * width + tuple((t, c + width - 1) for t, c in head_origin[r][1:]))
    for i, ((texts, _, written), path) in enumerate(zip(rows, labels, strict=True)):
        r = depth + i
        row_cells: list[str] = []
        row_origin: list[tuple[int, int]] = []
        for c in range(width):
            part = min(c, len(path) - 1)
            row_cells.append(path[part])
            if part < len(path) - 1:
                # A group label: merged with the same group in the row above.
                above = labels[i - 1] if i else ()
                same = len(above) - 1 > part and above[: part + 1] == path[: part + 1]
                row_origin.append(origin[r - 1][c] if same else (r, c))
            else:
                row_origin.append((r, part))
        values = texts[1 : max(written, 1)]
        row_cells.extend(values)
        row_origin.extend((r, width + k) for k in range(len(values)))
        cells.append(tuple(row_cells))
        origin.append(tuple(row_origin))
    locations = (f"line {table_line}",) * depth + tuple(
        f"line {line + offset + 1}" for _, line, _ in rows
    )
    return Grid(
        cells=tuple(cells),
        origin=tuple(origin),
        location=f"line {table_line}",
        row_locations=locations,
    )


# --- HTML tables -----------------------------------------------------------------------


def _span(value: str) -> int:
    """A written ``rowspan``/``colspan`` as browsers read it: at least 1, clamped."""
    return max(span(value, _MAX_SPAN), 1)


_PARSER: Final = etree.HTMLParser()
"""libxml2's HTML parser with lxml's defaults (as ``lxml.html`` has), plain elements."""


@attrs.frozen
class HtmlTable:
    """An HTML table as a grid, with the ``data-after`` our writer gives some rows."""

    grid: Grid
    after: tuple[str | None, ...]
    """Per grid row, its ``data-after`` attribute (the row an extra row follows)."""
    header: tuple[bool, ...]
    """Per grid row, whether all its own cells are ``<th>``."""


def _html_grid(table: Any, line: int, budget: CellBudget) -> HtmlTable:
    """The grid of one ``<table>``, spans read as browsers read them.

    Raises:
        ReportReadError: the grid would take the document's tables over the cell budget.
    """
    trs = table.xpath("./tr | ./*/tr")
    height = len(trs)
    kinds = [[(e, e.tag == "th") for e in tr.iterchildren("td", "th")] for tr in trs]
    what, what_zh = f"the HTML table at line {line}", f"第 {line} 行的 HTML 表格"
    # Per row, each grid position's cell (its text and origin), None where no cell is yet.
    rows: list[list[tuple[str, tuple[int, int]] | None]] = [[] for _ in trs]
    width = 0
    for r, row_cells in enumerate(kinds):
        own = rows[r]
        c = 0
        for element, _ in row_cells:  # td and th only: no comments or instructions
            while c < len(own) and own[c] is not None:
                c += 1
            rowspan_attr = element.get("rowspan")
            colspan_attr = element.get("colspan")
            rowspan = 1 if rowspan_attr is None else min(_span(rowspan_attr), height - r)
            colspan = 1 if colspan_attr is None else _span(colspan_attr)
            if c + colspan > width:
                # Every position lies in the rows x width rectangle: count it first.
                width = c + colspan
                budget.check(height * width, what, what_zh)
            # itertext() costs a microsecond a cell; most cells are one text node.
            text = "".join(element.itertext()) if len(element) else element.text or ""
            cell = (text, (r, c))
            if rowspan == 1 and colspan == 1:
                if c == len(own):
                    own.append(cell)
                else:
                    if c > len(own):
                        own.extend([None] * (c - len(own)))
                    own[c] = cell
            else:
                for dr in range(rowspan):
                    target = rows[r + dr]
                    if len(target) < c + colspan:
                        target.extend([None] * (c + colspan - len(target)))
                    target[c : c + colspan] = [cell] * colspan
            c += colspan
    budget.take(len(trs) * width, what, what_zh)
    cells = []
    origin = []
    for r, own in enumerate(rows):
        # A row ends with its last cell (our extra rows are short): no blank padding.
        row = [cell or ("", (r, c)) for c, cell in enumerate(own)]
        texts, places = zip(*row, strict=True) if row else ((), ())
        cells.append(texts)
        origin.append(places)
    grid = Grid(
        cells=tuple(cells),
        origin=tuple(origin),
        location=f"line {line}",
    )
    header = tuple(all(is_th for _, is_th in row_cells) for row_cells in kinds)
    return HtmlTable(grid, tuple(tr.get("data-after") for tr in trs), header)


def html_tables(content: str, line: int, budget: CellBudget) -> list[HtmlTable]:
    """The tables in an HTML block, as grids.

    Raises:
        ReportReadError: their grids would take the document over ``budget``.
    """
    try:
        root = etree.fromstring(content, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return []
    if root is None:  # only white space
        return []
    return [_html_grid(table, line, budget) for table in root.iter("table")]
