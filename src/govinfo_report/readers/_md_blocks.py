"""Markdown → the blocks a report is read from: paragraphs, headings, tables, breaks.

The body (the front matter already taken off) is parsed once with markdown-it-py
(CommonMark with GFM tables and HTML blocks) and its token stream walked in document
order: a heading or paragraph becomes a :class:`Para` (with its run-in bold heading, if
it opens with one), a pipe table or an HTML ``<table>`` a
:class:`~govinfo_report.readers._md_tables.RawTable`, a thematic break a :class:`Break`.
``<p></p>`` is the writer's empty paragraph; other HTML blocks give their text, comments
nothing. Line numbers are those of the file, for the findings' locations.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from govinfo_report.readers import _md_inline
from govinfo_report.readers._md_tables import RawTable, gfm_table, html_tables

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
# Without text_join, escaped characters stay apart (text_special) from literal source
# text, so a literal "**" that CommonMark could not pair is still recognisable.
_MD.disable("text_join")
_EMPTY_P = re.compile(r"<p>\s*</p>", re.IGNORECASE)


@attrs.frozen
class Para:
    """A paragraph (or heading): its text, and its run-in bold heading if it opens with one."""

    text: str
    line: int
    level: int = 0
    """Heading level, 0 for a paragraph."""
    run_in: tuple[str, str] | None = None
    """(heading, rest) for ``**heading** rest``."""


@attrs.frozen
class Break:
    """A thematic break (``---``): the signature follows the last one."""

    line: int


Block = Para | RawTable | Break


def _html_text(content: str) -> str:
    """The text of an HTML block that is not a table (a hand-written ``<div>``, say)."""
    try:
        fragments: Any = lxml_html.fragments_fromstring(content)
    except (etree.ParserError, ValueError):
        return ""
    return "".join(
        f.text_content() if isinstance(f, lxml_html.HtmlElement) else str(f) for f in fragments
    ).strip()


def _para(children: Any, line: int, level: int = 0) -> Para:
    parts = _md_inline.segments(children or ())
    run_in = _md_inline.run_in(parts) if not level else None
    return Para(text=_md_inline.join(parts), line=line, level=level, run_in=run_in)


def blocks(text: str, offset: int) -> list[Block]:
    """The blocks of ``text`` in document order; ``offset`` lines precede it in the file."""
    tokens = _MD.parse(text)
    source = text.split("\n")
    out: list[Block] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = (tok.map[0] if tok.map else 0) + offset + 1
        if tok.type == "heading_open":
            out.append(_para(tokens[i + 1].children, line, int(tok.tag[1:])))
            i += 3
            continue
        if tok.type == "paragraph_open":
            out.append(_para(tokens[i + 1].children, line))
            i += 3
            continue
        if tok.type == "table_open":
            out.append(gfm_table(tokens, i, source, offset))
            while tokens[i].type != "table_close":
                i += 1
        elif tok.type == "html_block":
            content = tok.content.strip()
            if _EMPTY_P.fullmatch(content):
                out.append(Para(text="", line=line))
            elif "<table" in content.lower():
                out.extend(html_tables(content, line))
            elif not content.startswith("<!--"):
                words = _html_text(content)
                if words:
                    out.append(Para(text=words, line=line))
        elif tok.type == "hr":
            out.append(Break(line))
        i += 1
    return out
