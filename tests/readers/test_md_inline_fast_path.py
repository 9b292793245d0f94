"""The Markdown reader's inline fast path makes exactly the tokens markdown-it-py makes.

``_md_blocks`` replaces markdown-it-py's core ``inline`` rule with one that builds the
single ``text`` token of plain content directly (no character an inline rule reacts to).
The token stream must be the one the library's own rule gives, for any document.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from govinfo_report.readers._limits import CellBudget
from govinfo_report.readers._md_blocks import _MD
from govinfo_report.serialize import load
from govinfo_report.writers import render

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
_REFERENCE = MarkdownIt("commonmark", {"html": True}).enable("table").disable("text_join")

_PIECES = st.sampled_from(
    [
        "全年主动公开信息",
        " 86 条，",
        "| 规章 | 0 | / |",
        "|---|---|---|",
        "\n",
        "\n\n",
        "# ",
        "**",
        "*",
        "_",
        "\\",
        "\\|",
        "&amp;",
        "<b>",
        "`",
        "[a](b)",
        "  ",
        "：",
        "-",
        "1.",
        "> ",
        "~~",
        "!",
    ]
)
_DOCS = st.one_of(
    st.lists(_PIECES, max_size=30).map("".join),
    st.text(max_size=60),
)


def _tokens(md: MarkdownIt, text: str) -> list[dict[str, object]]:
    return [t.as_dict() for t in md.parse(text, {"cells": CellBudget("x"), "offset": 0})]


@settings(max_examples=300, deadline=None)
@given(text=_DOCS)
def test_same_tokens_as_markdown_it(text: str) -> None:
    assert _tokens(_MD, text) == _tokens(_REFERENCE, text)


def test_same_tokens_on_our_own_markdown() -> None:
    report = load(EXAMPLES / "example_2021.yaml")
    for tables in ("gfm", "html"):
        text = render(report, "markdown", tables=tables).decode()
        assert _tokens(_MD, text) == _tokens(_REFERENCE, text)
