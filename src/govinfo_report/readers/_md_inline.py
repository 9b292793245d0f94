"""Inline Markdown → text for the Markdown reader: what a paragraph, heading or table cell
says once markdown-it-py has parsed it.

markdown-it-py gives a paragraph's content as inline tokens. The reader needs the text
exactly as the writer had it: escapes and character references resolved (markdown-it-py
already did that), hard breaks as line feeds, emphasis markers dropped, and lines wrapped
by hand joined (with nothing between Chinese characters, a space between words). It also
needs to see a run-in bold heading, ``**（一）问题。** 一是……``, including the form that
CommonMark leaves unparsed (``**（一）问题。**一是``: no space between the closing stars and
a letter), where literal — not escaped — stars still mark the heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from markdown_it.token import Token

Segment = tuple[str, str]
"""(kind, text): ``text`` (literal source), ``esc`` (escapes, references, code, images),
``open``/``close`` (bold), ``br`` (a line break), ``soft`` (a wrapped line)."""

_BR = re.compile(r"<br\s*/?>")
_STRONG_OPEN = re.compile(r"<(?:strong|b)>")
_STRONG_CLOSE = re.compile(r"</(?:strong|b)>")
_SOFT = "\x00"
_WRAP_CJK = re.compile(r"(?<=[\u2e80-\uffff])\x00|\x00(?=[\u2e80-\uffff])")
_PLAIN: dict[str, Segment] = {
    "hardbreak": ("br", "\n"),
    "softbreak": ("soft", ""),
    "strong_open": ("open", ""),
    "strong_close": ("close", ""),
}


def segments(children: Sequence[Token]) -> list[Segment]:
    """The inline tokens of one paragraph, heading or cell as segments."""
    out: list[Segment] = []
    for tok in children:
        kind = tok.type
        if kind == "text":
            out.append(("text", tok.content))
        elif kind in ("text_special", "code_inline", "image"):
            out.append(("esc", tok.content))
        elif kind in _PLAIN:
            out.append(_PLAIN[kind])
        elif kind == "html_inline":
            tag = tok.content.strip().lower()
            if _BR.fullmatch(tag):
                out.append(("br", "\n"))
            elif _STRONG_OPEN.fullmatch(tag):
                out.append(("open", ""))
            elif _STRONG_CLOSE.fullmatch(tag):
                out.append(("close", ""))
    return out


def join(parts: Iterable[Segment]) -> str:
    """The text of ``parts``, bold markers dropped and wrapped lines joined."""
    joined = "".join(
        _SOFT if kind == "soft" else text for kind, text in parts if kind not in ("open", "close")
    )
    if _SOFT in joined:
        # A wrapped line: nothing between Chinese characters, a space between words.
        joined = _WRAP_CJK.sub("", joined).replace(_SOFT, " ")
    return joined


def run_in(parts: list[Segment]) -> tuple[str, str] | None:
    """``(heading, rest)`` if the paragraph opens with a bold heading, else ``None``."""
    while parts and parts[0] == ("text", ""):
        parts = parts[1:]
    if not parts:
        return None
    if parts[0][0] == "open":
        depth = 0
        for i, (kind, _) in enumerate(parts):
            depth += kind == "open"
            depth -= kind == "close"
            if depth == 0:
                return join(parts[1:i]), join(parts[i + 1 :]).removeprefix(" ")
        return None
    # "**（一）问题。**一是…": CommonMark leaves the stars literal between Chinese
    # punctuation and a letter; literal (not escaped) stars still mark the heading.
    kind, text = parts[0]
    if kind != "text" or not text.startswith("**"):
        return None
    flat = [("text", text[2:]), *parts[1:]]
    for i, (kind, text) in enumerate(flat):
        if kind == "text" and "**" in text:
            cut = text.index("**")
            heading = join([*flat[:i], ("text", text[:cut])])
            rest = join([("text", text[cut + 2 :]), *flat[i + 1 :]])
            return heading, rest.removeprefix(" ")
    return None


def text_of(children: Sequence[Token] | None) -> str:
    """The text of a paragraph, heading or table cell."""
    return join(segments(children or ()))
