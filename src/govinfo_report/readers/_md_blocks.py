"""Markdown → the blocks a report is read from: paragraphs, headings, tables, breaks.

The body (the front matter already taken off) is parsed once with markdown-it-py
(CommonMark with GFM tables and HTML blocks) and its token stream walked in document
order: a heading or paragraph becomes a :class:`Para` (with its run-in bold heading, if
it opens with one), a pipe table a :class:`~govinfo_report.readers._document.Grid`, an
HTML ``<table>`` a :class:`~govinfo_report.readers._md_tables.HtmlTable`, a thematic
break a :class:`Break`. :mod:`._md_document` turns them into the shared blocks.
``<p></p>`` is the writer's empty paragraph; other HTML blocks give their text, comments
nothing. Line numbers are those of the file, for the findings' locations.

The tables of both kinds count against one
:class:`~govinfo_report.readers._limits.CellBudget` per document, before their cells
exist: markdown-it-py's table rule makes header-width cells for every body row (a wide
header over many short lines would be millions of tokens), so its rows are counted
first, as the rule finds them, and the rule runs only once they fit.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.table import escapedSplit, getLine
from markdown_it.rules_block.table import table as gfm_table_rule
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from govinfo_report.readers import _md_inline
from govinfo_report.readers._document import Grid
from govinfo_report.readers._limits import CellBudget
from govinfo_report.readers._md_tables import HtmlTable, gfm_table, html_tables


def _header_width(state: StateBlock, line: int) -> int:
    """The number of columns of the pipe table whose header is ``line``: as the table
    rule counts them (cells between unescaped pipes, outer empty ones dropped)."""
    columns = escapedSplit(getLine(state, line).strip())
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return len(columns)


def _body_rows(state: StateBlock, start: int, end: int) -> int:
    """How many body rows the pipe table at ``start`` has, found as the table rule finds
    them (it stops at a dedent, a line another block starts on, a blank line or an
    indented code line), without making a token."""
    terminators = state.md.block.ruler.getRules("blockquote")
    parent, state.parentType = state.parentType, "table"
    line = start + 2
    while line < end:
        if state.sCount[line] < state.blkIndent:
            break
        if any(rule(state, line, end, True) for rule in terminators):
            break
        if not getLine(state, line).strip() or state.is_code_block(line):
            break
        line += 1
    state.parentType = parent
    return line - start - 2


def _bounded_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it-py's table rule, once the cells it is about to make fit the budget.

    Raises:
        ReportReadError: the table would take the document's tables over the budget.
    """
    if silent:
        return gfm_table_rule(state, start, end, True)
    if not gfm_table_rule(state, start, end, True):
        return False  # not a table: nothing to count (the check reads two lines)
    budget: CellBudget = state.env["cells"]
    rows = _body_rows(state, start, end)
    # The rule makes header-width cells for every row, short rows padded.
    line = start + 1 + state.env["offset"]
    budget.take(
        _header_width(state, start) * (rows + 1),
        f"the table at line {line}",
        f"第 {line} 行的表格",
    )
    # Never more rows than counted, whatever the rule would otherwise read.
    return gfm_table_rule(state, start, start + 2 + rows, False)


def _inline(state: StateCore) -> None:
    """markdown-it-py's core ``inline`` rule, without its parser for plain text.

    A report is mostly table cells and sentences with no character any inline rule
    reacts to (the inline parser's terminators: ``*``, ``\\``, ``<``, ``&``, a newline…);
    for those the parser would make exactly one ``text`` token of the whole content, so
    that token is made directly. Anything else is parsed as before.
    """
    parser = state.md.inline
    terminators = parser.terminator_re
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        content = token.content
        if content and terminators.search(content) is None:
            text = Token("text", "", 0)
            text.content = content
            token.children.append(text)
        else:
            parser.parse(content, state.md, state.env, token.children)


_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
_MD.core.ruler.at("inline", _inline)
# Without text_join, escaped characters stay apart (text_special) from literal source
# text, so a literal "**" that CommonMark could not pair is still recognisable.
_MD.disable("text_join")
# The table rule may interrupt a paragraph or a reference, as markdown-it-py declares it.
_MD.block.ruler.at("table", _bounded_table, {"alt": ["paragraph", "reference"]})
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


Block = Para | Grid | HtmlTable | Break


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


def blocks(text: str, offset: int, source: str = "<bytes>") -> list[Block]:
    """The blocks of ``text`` in document order; ``offset`` lines precede it in the file.

    Raises:
        ReportReadError: the tables hold more cells than a document may (see
            :data:`~govinfo_report.readers._limits.MAX_DOCUMENT_CELLS`).
    """
    budget = CellBudget(source)
    tokens = _MD.parse(text, {"cells": budget, "offset": offset})
    lines = text.split("\n")
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
            out.append(gfm_table(tokens, i, lines, offset))
            while tokens[i].type != "table_close":
                i += 1
        elif tok.type == "html_block":
            content = tok.content.strip()
            if _EMPTY_P.fullmatch(content):
                out.append(Para(text="", line=line))
            elif "<table" in content.lower():
                out.extend(html_tables(content, line, budget))
            elif not content.startswith("<!--"):
                words = _html_text(content)
                if words:
                    out.append(Para(text=words, line=line))
        elif tok.type == "hr":
            out.append(Break(line))
        i += 1
    return out
