"""Markdown blocks → the shared document blocks, and what the front matter knows.

The Markdown front end says what its markup says and leaves the reading to the shared
engine (:func:`~govinfo_report.readers._assemble.assemble`): the level-1 headings at
the top are the title (``level`` 0), other headings of level 1 or 2 are section
headings (``level`` 1), level-3 headings and a paragraph opening with a bold run-in
heading (``**（一）问题。** 一是……``) are sub-headings (``level`` 2, ``run_in`` the length
of the bold part), level-4 headings are level-3 ones (``level`` 3, 1.…, marked; the
engine reads them so under a sub-heading), our own run-in level-3 headings are those
the front matter lists (``level3_run_in``), and the paragraphs after the last
thematic break are the signature (``role`` ``"signature"``, then ``"date"``). Tables are
already grids with their merges.

Our own front matter (see :mod:`._md_front`) makes the levels and roles exact (the
engine's ``trusted_levels``) and becomes the engine's
:class:`~govinfo_report.readers._known.Known`: identity, format, agency kind, fee,
contact, publication date. Its agency also tells the signature's agency lines from the
date, so that an agency whose name looks like a date reads back as written. A standard
title that names another agency or year than the front matter wins, with a finding.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from govinfo_report.findings import Finding
from govinfo_report.formats import FORMATS
from govinfo_report.model import AgencyKind
from govinfo_report.readers._cells import is_value
from govinfo_report.readers._document import Block, Grid, Paragraph
from govinfo_report.readers._known import Known, from_unprinted
from govinfo_report.readers._labels import normalize
from govinfo_report.readers._md_blocks import Block as MdBlock
from govinfo_report.readers._md_blocks import Break, Para
from govinfo_report.readers._md_front import Front, problem
from govinfo_report.readers._md_tables import HtmlTable
from govinfo_report.readers._meta import is_date_line

_YEAR_LINE = re.compile(r"(\d{4})年政府信息公开工作年度报告")
_WRITTEN_DATE = re.compile(r"\d+年\d+月\d+日")


@attrs.frozen
class MdDocument:
    """What the Markdown front end hands the engine."""

    blocks: tuple[Block, ...]
    known: Known
    trusted: bool


def _loc(line: int) -> str:
    return f"line {line}"


def _is_date(text: str) -> bool:
    return _WRITTEN_DATE.fullmatch(text) is not None or is_date_line(text)


def _signature(tail: Sequence[Para], front: Front) -> list[Paragraph]:
    """The signature's paragraphs: the agency's lines, then the date line if any."""
    lines = [line for p in tail for line in p.text.split("\n")]
    where = _loc(tail[0].line)
    if front.ours and front.agency is not None:
        own = front.agency.split("\n") if front.agency else []
        if lines[: len(own)] == own:
            out = [Paragraph(text=front.agency, role="signature", location=where)] if own else []
            rest = lines[len(own) :]
            if rest:
                out.append(Paragraph(text="\n".join(rest), role="date", location=where))
            return out
    if lines and _is_date(lines[-1]):
        agency = "\n".join(lines[:-1])
        out = [Paragraph(text=agency, role="signature", location=where)] if agency else []
        return [*out, Paragraph(text=lines[-1], role="date", location=where)]
    return [Paragraph(text="\n".join(lines), role="signature", location=where)]


def _paragraph(block: Para, trusted: bool, caption: bool = True) -> Paragraph:
    """The shared paragraph of ``block``; a bold line with a Table 2 caption's words is
    that caption when ``caption`` (the table follows it)."""
    where = _loc(block.line)
    if block.level in (1, 2):
        return Paragraph(text=block.text, level=1, location=where)
    if block.level == 4:
        # A level-3 heading (1.…) under a sub-heading; before any, it is read as one.
        return Paragraph(text=block.text, level=3, location=where, marked=True)
    if block.level >= 3:
        return Paragraph(text=block.text, level=2, location=where)
    if block.run_in is not None:
        heading, rest = block.run_in
        if caption and not rest and normalize(heading) in _captions():
            return Paragraph(text=heading, location=where, role="caption")
        return Paragraph(text=heading + rest, level=2, location=where, run_in=len(heading))
    if trusted and not block.text.strip():
        # Our writer's ``<p></p>``, or a paragraph of spaces it escaped (``&#32;``): a
        # paragraph of the text, not layout.
        return Paragraph(text=block.text, location=where, role="blank")
    return Paragraph(text=block.text, location=where)


def _level3_run_ins(blocks: list[Block], level3: frozenset[int]) -> list[Block]:
    """``blocks`` with the run-in headings the front matter lists (by their place among
    the run-in headings) as level-3 ones: Markdown prints both levels alike."""
    out: list[Block] = []
    n = 0
    for block in blocks:
        if isinstance(block, Paragraph) and block.level == 2 and block.run_in is not None:
            if n in level3:
                block = attrs.evolve(block, level=3)
            n += 1
        out.append(block)
    return out


def _sideways(table: HtmlTable) -> tuple[Grid, list[str]]:
    """An HTML table printed sideways (no label column: its first data row is a line of
    values) with its extra rows as the DOCX prints them, and their recorded ``after``.

    Our writer prints every extra row of such a table below the line, the row it follows
    in ``data-after``; one without it follows no row, and goes above the line, where the
    engine reads an extra row of a sideways table as first.
    """
    grid = table.grid
    line = next((r for r, header in enumerate(table.header) if not header), None)
    if line is None or not grid.cells[line] or not is_value(grid.cells[line][0] or "0"):
        return grid, []
    below = range(line + 1, len(grid.cells))
    first = [r for r in below if table.after[r] is None]
    order = [*range(line), *first, line, *(r for r in below if table.after[r] is not None)]
    if order == list(range(len(grid.cells))):
        return grid, [a for a in table.after if a is not None]
    assert grid.origin is not None
    cells, origin = [], []
    for new, old in enumerate(order):
        cells.append(grid.cells[old])
        # Rows from the line down span no other row: their merges (an extra row's label
        # over the label columns) move with them, renumbered to the row's new place.
        origin.append(
            grid.origin[old] if old < line else tuple((new, c) for _, c in grid.origin[old])
        )
    moved = attrs.evolve(grid, cells=tuple(cells), origin=tuple(origin))
    return moved, [a for a in table.after if a is not None]


@functools.cache
def _captions() -> frozenset[str]:
    """Table 2's block captions, which our writer prints bold and alone above a table."""
    return frozenset(
        normalize(g.caption) for f in FORMATS.values() for g in f.proactive.groups if g.caption
    )


@functools.cache
def _corner_notes() -> dict[str, frozenset[str]]:
    """A table's corner note (normalised) → the labels of that table's rows (normalised),
    by which a grid is told to be that table."""
    notes: dict[str, set[str]] = {}
    for f in FORMATS.values():
        for t in f.tables:
            if t.corner_note:
                notes.setdefault(normalize(t.corner_note), set()).update(
                    normalize(r.label) for r in t.rows
                )
    return {note: frozenset(labels) for note, labels in notes.items()}


def _with_corner_note(out: list[Block], grid: Grid) -> Grid:
    """``grid`` with the corner note printed as the paragraph above it (a pipe table has
    no room for it) in its corner cell, where the HTML and DOCX prints have it; the
    paragraph taken off ``out``."""
    above = out[-1] if out else None
    if not (
        isinstance(above, Paragraph)
        and above.level is None
        and above.run_in is None
        and grid.cells
        and grid.origin is not None
        and not grid.cells[0][0].strip()
    ):
        return grid
    labels = _corner_notes().get(normalize(above.text))
    if labels is None or not any(normalize(row[0]) in labels for row in grid.cells if row):
        return grid  # a paragraph of the text that reads like the note: not this table's
    out.pop()
    cells = tuple(
        tuple(above.text if o == (0, 0) else t for t, o in zip(row, origins, strict=True))
        for row, origins in zip(grid.cells, grid.origin, strict=True)
    )
    return attrs.evolve(grid, cells=cells)


def _identity(title: Sequence[str], front: Front, source: str, findings: list[Finding]) -> bool:
    """Whether the front matter's agency and year are the report's: not when a standard
    title names others (then the title wins, with a finding)."""
    standard = _YEAR_LINE.fullmatch(title[-1]) if len(title) >= 2 else None
    if standard is None or ("\n".join(title[:-1]), int(standard[1])) == (front.agency, front.year):
        return True
    findings.append(
        problem(
            source,
            f"agency/year {front.agency!r}/{front.year} differ from the title; the title is read",
        )
    )
    return False


def _known(title: Sequence[str], front: Front, source: str, findings: list[Finding]) -> Known:
    if not front.ours:
        return Known()
    agency, year = front.agency, front.year
    if not _identity(title, front, source, findings):
        agency, year = None, None
    if agency is None:
        year = None if title else year
    try:
        return from_unprinted(
            front.embedded, agency=agency, year=year, format_version=front.version
        )
    except (ValueError, TypeError, KeyError, ExceptionGroup) as exc:
        findings.append(problem(source, str(exc) or type(exc).__name__))
        # The problem is reported once: the kind is the model's default, not a guess
        # from the name reported again.
        return Known(
            agency=agency,
            year=year,
            format_version=front.version,
            agency_kind=AgencyKind.DEPARTMENT,
        )


def document(
    blocks: Sequence[MdBlock], front: Front, source: str, findings: list[Finding]
) -> MdDocument:
    """The shared blocks of a Markdown document, and what its front matter knows."""
    trusted = front.ours
    start = 0
    while start < len(blocks):
        block = blocks[start]
        if not (isinstance(block, Para) and block.level == 1):
            break
        start += 1
    heads = [b for b in blocks[:start] if isinstance(b, Para)]
    title = [b.text for b in heads]
    out: list[Block] = [Paragraph(text=b.text, level=0, location=_loc(b.line)) for b in heads]
    if trusted and len(heads) > 2 and _YEAR_LINE.fullmatch(title[-1]):
        # Our standard title: the agency's lines (a name may have several), then the
        # year line; the agency keeps its line breaks.
        text = "\n".join(title[:-1]) + title[-1]
        out = [Paragraph(text=text, level=0, location=_loc(heads[0].line))]
    last_break = max((i for i, b in enumerate(blocks) if isinstance(b, Break)), default=-1)
    tail = blocks[last_break + 1 :]
    signature: list[Paragraph] = []
    end = len(blocks)
    if (
        last_break >= start
        and tail
        and all(isinstance(b, Para) and not b.level and b.text for b in tail)
    ):
        signature = _signature([b for b in tail if isinstance(b, Para)], front)
        end = last_break
    anchors: list[str] = []
    body = blocks[start:end]
    for i, block in enumerate(body):
        if isinstance(block, Break):
            continue
        if isinstance(block, HtmlTable):
            grid, below = _sideways(block)
            anchors.extend(below)
            out.append(grid)
        elif isinstance(block, Grid):
            out.append(_with_corner_note(out, block))
        else:
            # Our writer prints a caption right above its pipe table (an HTML table has
            # its captions inside); a run-in heading with a caption's words anywhere else
            # is a sub-heading of the text.
            table_next = i + 1 < len(body) and isinstance(body[i + 1], Grid)
            out.append(_paragraph(block, trusted, caption=table_next or not trusted))
    out.extend(signature)
    known = _known(title, front, source, findings)
    if known.level3_run_in:
        out = _level3_run_ins(out, known.level3_run_in)
    if anchors:
        known = attrs.evolve(known, sideways_after=tuple(anchors))
    return MdDocument(tuple(out), known, trusted)
