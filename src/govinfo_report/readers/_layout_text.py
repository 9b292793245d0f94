"""Tables in layout text: what ``pdftotext -layout`` and copy-paste from a PDF viewer give.

A table printed from a PDF comes out as lines of text in which a row is its label
followed by whitespace-separated values, and the label of a row (or a header cell) wrapped
inside a narrow cell is cut into pieces on the lines above and below the values: a
two-line label sits one piece above, one below; a three-line label has its middle piece
on the values line. Header cells are stacked the same way ("自然" over "人"), and a merged
label printed one character per line (三、本年度办理结果) is a column of single characters.
The columns' character positions are no guide: pdftotext counts a CJK character as one
column and pads each line on its own, so the same column starts at different offsets on
neighbouring lines.

So the pieces are put back together by the labels the official formats print (every
header, caption and row label of both formats' tables, as the DOCX layout declares them):
a piece that begins a known label is joined with the first piece on the following lines
that continues it, left to right, top to bottom, until the label is whole. A whole row
label is attached to the values line nearest its pieces; a whole header label becomes a
header row at its first piece's line. Pieces that complete no label (a misspelt label)
are kept as they are, attached to the nearest values line, for the shared engine to match
or report.

Each table region becomes a :class:`~govinfo_report.readers._document.Grid` with no
``origin``: the engine then places a row's values by order only where order determines
the columns (see :mod:`._tables`). Layout text drops empty cells, so a row with fewer
values than columns cannot say which are missing: it is given an empty field before its
values, which the engine reads as "not placed by order" and reports, never shifting a
value into another column. Page numbers ("- 3 -") and form feeds between the parts of a
table are dropped; prose lines wrapped by the layout are joined into paragraphs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

import attrs

from govinfo_report.readers._cells import is_value
from govinfo_report.readers._document import Block, Grid, Paragraph
from govinfo_report.readers._labels import normalize
from govinfo_report.readers._layout_labels import labels
from govinfo_report.readers._limits import CellBudget

_FURNITURE = re.compile(
    r"^\s*(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?)\s*$"
)
"""A page number line: "- 3 -", "— 3 —", "第 3 页"."""
_SEGMENT = re.compile(r"\S+(?: \S+)*")
"""A run of text on a line: pieces separated by two or more spaces are separate cells."""
_WORD = re.compile(r"\S+")
_VALUE_TOKEN = re.compile(r"\d[\d,.]*\s(?:万元|元)(?!\S)|\S+")
"""A word of a values line; an amount keeps its unit after a space ("251000 元")."""
_UNITS = frozenset({"元", "万元"})
_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
MAX_LINE_PIECES: Final = 64
"""A line of more cells than this is no table line (the widest row has 15 values): it
bounds the work of joining pieces, which looks at the pieces of the next lines."""
_WINDOW = 4
"""Lines below a label's last piece in which its next piece is looked for."""
_LINE_COST = 6
"""Character columns one more line between two pieces of a label weighs as."""


@attrs.define
class _Piece:
    line: int
    x: int
    text: str
    norm: str
    used: bool = False


@attrs.define
class _Line:
    number: int
    text: str
    kind: str
    """"blank", "furniture", "values", "pieces" (a line of label pieces) or "text"."""
    pieces: list[_Piece] = attrs.Factory(list)
    values: list[str] = attrs.Factory(list)


def _pieces(number: int, text: str, end: int | None = None) -> list[_Piece]:
    """The pieces of a line: runs of text set two spaces apart, and a run split at its
    single spaces when it is no piece of a label but its words are ("自然人 商业企")."""
    known = labels().pieces
    out: list[_Piece] = []
    for m in _SEGMENT.finditer(text[:end] if end is not None else text):
        norm = normalize(m.group())
        if " " in m.group() and norm not in known:
            words = list(_WORD.finditer(m.group()))
            split = [(m.start() + w.start(), w.group(), normalize(w.group())) for w in words]
            if all(n in known for _x, _t, n in split):
                out += [_Piece(number, x, t, n) for x, t, n in split]
                continue
        out.append(_Piece(number, m.start(), m.group(), norm))
    return out


def classify(number: int, text: str) -> _Line:
    """One line of layout text, by what it holds."""
    if not text.strip():
        return _Line(number, text, "blank")
    if _FURNITURE.match(text):
        return _Line(number, text, "furniture")
    known = labels()
    stripped = text.strip()
    if "。" in stripped and "  " not in stripped:
        return _Line(number, text, "text")  # a line of prose: no label has a 。
    last = stripped.rsplit(None, 1)[-1]
    if is_value(last) or last in _UNITS:
        tokens = [(m.start(), m.group()) for m in _VALUE_TOKEN.finditer(text)]
        k = len(tokens)
        while k > 0 and is_value(tokens[k - 1][1]):
            k -= 1
        values = [t for _x, t in tokens[k:]]
        if values:
            pieces = _pieces(number, text, tokens[k][0])
            if len(pieces) + len(values) > MAX_LINE_PIECES:
                return _Line(number, text, "text")
            if not pieces or len(values) > 1 or all(p.norm in known.pieces for p in pieces):
                return _Line(number, text, "values", pieces, values)
    pieces = _pieces(number, text)
    if len(pieces) > MAX_LINE_PIECES:
        return _Line(number, text, "text")
    if all(p.norm in known.pieces for p in pieces) or (
        not _HEADING.match(stripped) and (len(pieces) > 1 or len(stripped) <= 12)
    ):
        return _Line(number, text, "pieces", pieces)
    return _Line(number, text, "text")


def _regions(lines: Sequence[_Line]) -> list[tuple[int, int]]:
    """Index ranges of the table regions: runs of values lines and the label pieces,
    blank lines and page furniture around and between them."""
    regions: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i].kind != "values":
            i += 1
            continue
        start = i
        while start > 0 and lines[start - 1].kind in ("pieces", "blank", "furniture"):
            start -= 1
        end = i
        while end + 1 < len(lines) and lines[end + 1].kind != "text":
            end += 1
        regions.append((start, end + 1))
        i = end + 1
    return regions


def _complete(pieces: list[_Piece], table: str) -> list[tuple[str, list[_Piece]]]:
    """Whole labels from the pieces of one region (``table``: the table they belong to)."""
    known = labels().tables[table]
    prefixes = labels().prefixes[table]
    following = labels().following[table]
    found: list[tuple[str, list[_Piece]]] = []
    # Pieces by (line, first character): a label's next piece begins with a character
    # that follows its text so far in some label, so only those few are looked at.
    starting: dict[tuple[int, str], list[_Piece]] = {}
    for piece in pieces:
        if piece.norm:
            starting.setdefault((piece.line, piece.norm[0]), []).append(piece)
    for first in pieces:
        if first.used or first.norm not in prefixes:
            continue
        parts, norm = [first], first.norm
        while True:
            last = parts[-1]
            candidates = [
                p
                for line in range(last.line + 1, last.line + _WINDOW + 1)
                for ch in following.get(norm, ())
                for p in starting.get((line, ch), ())
                if not p.used and norm + p.norm in prefixes
            ]
            # The nearest: character offsets drift from line to line, but less than a
            # line further down costs.
            nxt = min(
                candidates,
                key=lambda p: (abs(p.x - last.x) + _LINE_COST * (p.line - last.line - 1), p.line),
                default=None,
            )
            if nxt is None:
                break
            parts.append(nxt)
            norm += nxt.norm
        if norm in known:
            for p in parts:
                p.used = True
            found.append(("".join(p.text for p in parts), parts))
    return found


def region_grid(lines: Sequence[_Line], budget: CellBudget) -> Grid | None:
    """The grid of one table region, or None if it holds no known label."""
    known = labels()
    pieces = [p for line in lines for p in line.pieces]
    table = known.table_of(p.norm for p in pieces)
    whole = _complete(pieces, table)
    if not whole:
        return None
    found = {normalize(text) for text, _parts in whole}
    versions = known.versions(table, found)
    value_lines = [line for line in lines if line.kind == "values"]
    numbers = [line.number for line in value_lines]
    cells: dict[int, list[tuple[int, float, str]]] = {line.number: [] for line in value_lines}
    rows: list[tuple[int, tuple[str, ...]]] = []
    heads: dict[int, list[tuple[int, str]]] = {}
    leaves: list[tuple[str, list[_Piece]]] = []
    for text, parts in whole:
        norm = normalize(text)
        if table in known.sideways or norm in known.heads:
            heads.setdefault(parts[0].line, []).append((parts[0].x, text))
        elif known.is_leaf(norm, versions, found):
            leaves.append((text, parts))
        else:  # a group label (（三）不予公开): before the row's own label
            target = _nearest(numbers, _anchor(parts))
            cells[target].append((0, parts[0].line + parts[0].x / 1000, text))
    for text, parts, number in _match(leaves, numbers):
        if number is None:
            # A row printed with no value at all: its label alone.
            rows.append((parts[0].line, (text,)))
        else:
            cells[number].append((2, parts[0].line, text))
    for p in pieces:
        if not p.used:  # no label's piece (a misspelt label): kept for the engine
            cells[_nearest(numbers, p.line)].append((1, p.line + p.x / 1000, p.text))
    for number, texts in heads.items():
        rows.append((number, tuple(t for _x, t in sorted(texts))))
    for line in value_lines:
        here = sorted(cells[line.number])
        label = [t for rank, _pos, t in here if rank == 0]
        leftovers = "".join(t for rank, _pos, t in here if rank == 1)
        label += [leftovers] if leftovers else []
        label += [t for rank, _pos, t in here if rank == 2]
        # Fewer values than the row has cells: which are missing is unknown, so an empty
        # field goes before them (two if one would make the count right), which the
        # engine reads as "not placed by order" and reports.
        counts = known.columns(table, versions, label) or known.columns(table, versions)
        k = len(line.values)
        gap: list[str] = []
        if k not in counts and k < max(counts, default=0):
            gap = ["", ""] if k + 1 in counts else [""]
        rows.append((line.number, (*label, *gap, *line.values)))
    rows.sort(key=lambda r: r[0])
    for number, row in rows:
        budget.take(len(row), f"the table row at line {number}", f"第 {number} 行的表格行")
    first, last = lines[0].number, lines[-1].number
    return Grid(
        cells=tuple(row for _n, row in rows),
        location=f"lines {first}-{last}",
        row_locations=tuple(f"line {n}" for n, _c in rows),
    )


def _anchor(parts: Sequence[_Piece]) -> float:
    return sum(p.line for p in parts) / len(parts)


def _nearest(numbers: Sequence[int], anchor: float) -> int:
    """The values line (of the ascending line ``numbers``) nearest ``anchor``, the lower
    one on a tie."""
    i = bisect.bisect_left(numbers, anchor)
    near = numbers[max(0, i - 1) : i + 1]
    return min(near, key=lambda n: (abs(n - anchor), -n))


def _match(
    leaves: Sequence[tuple[str, list[_Piece]]], numbers: Sequence[int]
) -> list[tuple[str, list[_Piece], int | None]]:
    """Each row label with its values line (of the ascending line ``numbers``): the
    nearest one within a line of its pieces, nearest pairs first, one label per line;
    None for a label with none."""
    pairs = sorted(
        (abs(number - _anchor(parts)), i, number)
        for i, (_text, parts) in enumerate(leaves)
        for number in numbers[
            bisect.bisect_left(numbers, parts[0].line - 1) : bisect.bisect_right(
                numbers, parts[-1].line + 1
            )
        ]
    )
    given: dict[int, int] = {}
    lines_taken: set[int] = set()
    for _distance, i, number in pairs:
        if i not in given and number not in lines_taken:
            given[i] = number
            lines_taken.add(number)
    return [(text, parts, given.get(i)) for i, (text, parts) in enumerate(leaves)]


# --- the document -----------------------------------------------------------------------


def layout_blocks(numbered: Sequence[tuple[int, str]], budget: CellBudget) -> list[Block] | None:
    """The blocks of a run of text lines read as layout text, or None if the run holds no
    table region (then it is plain text, one paragraph per line, as before).

    Raises:
        ReportReadError: the tables hold more cells than a document may.
    """
    lines = [classify(number, text.replace("\f", "")) for number, text in numbered]
    grids: dict[int, tuple[int, Grid]] = {}
    for start, end in _regions(lines):
        grid = region_grid(lines[start:end], budget)
        if grid is not None:
            grids[start] = (end, grid)
    if not grids:
        return None
    blocks: list[Block] = []
    para: list[str] = []
    where = ""

    def flush() -> None:
        if para:
            blocks.append(Paragraph(text=_join(para), location=where))
            para.clear()

    widths = sorted(_width(line.text.strip()) for line in lines if line.kind == "text")
    full = widths[len(widths) * 9 // 10] * 0.85 if widths else 0.0
    last = 0
    i = 0
    while i < len(lines):
        if i in grids:
            flush()
            i, grid = grids[i]
            blocks.append(grid)
            continue
        line = lines[i]
        i += 1
        if line.kind in ("blank", "furniture"):
            continue
        text = line.text.rstrip()
        indent = len(text) - len(text.lstrip())
        if indent >= 2 or not para or last < full:
            flush()
            where = f"line {line.number}"
        para.append(text.strip())
        last = _width(text.strip())
    flush()
    return blocks


def _width(text: str) -> int:
    """Display width, near enough: a non-ASCII (CJK) character counts two."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def _join(lines: Sequence[str]) -> str:
    """Lines of one paragraph as one text: CJK lines run on; a space between two Latin
    words or numbers cut at a line end."""
    out = lines[0]
    for line in lines[1:]:
        if out and line and out[-1].isascii() and out[-1].isalnum() and line[0].isascii():
            out += " "
        out += line
    return out
