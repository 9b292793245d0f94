"""The neutral document that every format reader produces before assembly.

A DOCX, HTML, Markdown or text reader only has to turn its input into a sequence of
:class:`Block` s: paragraphs (with a heading hint when the source marks one) and tables
as a rectangular grid of cell texts with merges already expanded (a merged cell's text
is repeated in every grid position it covers, and ``spans`` records the origin). The
shared assembler (``readers/_assemble.py``) then finds the title, sections, tables and
signature by their labels, never by position.
"""

from __future__ import annotations

import attrs


@attrs.frozen(kw_only=True)
class Paragraph:
    """One paragraph of text; ``level`` is 0 for the title, 1-3 for headings, None for body."""

    text: str
    level: int | None = None
    location: str | None = None
    """Where it came from, for findings: ``paragraph 12``, ``line 40``."""
    role: str | None = None
    """What the source says the paragraph is, when it says so (our own output does):
    ``"signature"`` (the agency under the text), ``"date"`` (the signing date under it),
    ``"caption"`` (a table's caption printed above it, part of the table, not the text),
    ``"blank"`` (a paragraph with no visible text that is part of the text: our
    Markdown's ``<p></p>`` or ``&#32;``).
    ``None`` lets the assembler decide from the text."""
    run_in: int | None = None
    """For a level-2 paragraph whose sub-heading runs into its text ("（一）问题。一是…"),
    or a level-3 one whose 1.… heading does, the length of the heading part, when the
    source marks it (e.g. a bold run)."""
    marked: bool = False
    """Whether ``level`` is the source's own markup (a DOCX heading style or outline
    level, a Markdown heading), not a guess from emphasis and numbering: only a marked
    level 3 (or one of our own documents) is read as a level-3 heading (1.…)."""


@attrs.frozen(kw_only=True)
class Grid:
    """A table as a rectangle of cell texts, merges expanded.

    ``cells[r][c]`` is the text at grid row ``r``, column ``c``. ``origin[r][c]`` is the
    (row, column) of the merged cell that covers the position (itself if unmerged), so
    the assembler can tell one label spanning three columns from three equal labels.
    Rows may be ragged when the source was (flattened text); readers pad when they can.
    """

    cells: tuple[tuple[str, ...], ...]
    origin: tuple[tuple[tuple[int, int], ...], ...] | None = None
    """``None`` when the source does not say where merged cells were (flattened text):
    then a row's values are placed by their order, whole or as its first cells, only where
    order determines the columns (see ``readers/_tables.py``)."""
    location: str | None = None
    """Where it came from, for findings: ``table 2``, ``lines 9-31``."""
    row_locations: tuple[str, ...] | None = None
    """Per grid row, where it came from (``line 12``), when finer than ``location``."""


Block = Paragraph | Grid
