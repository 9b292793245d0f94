"""HTML and SVG through one door: every text and every attribute value escaped.

A :class:`Markup` string is markup built by :func:`el`; any other ``str`` given as a
child is text and is escaped, and attribute values always are. So whatever comes from
the input (an agency named ``<script>…``) reaches the page as text, never as markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence

_VOID = frozenset({"circle", "line", "meta", "polyline", "rect"})


class Markup(str):
    """Markup built by :func:`el`: its text escaped, its attributes quoted."""

    __slots__ = ()


def esc(value: str) -> Markup:
    """``value`` as markup: kept if it already is, escaped if it is text."""
    return value if isinstance(value, Markup) else Markup(html.escape(value, quote=True))


def coord(value: float) -> str:
    """A number for an attribute: at most one decimal, no trailing ``.0`` (stable bytes)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _attr(value: object) -> str:
    return coord(value) if isinstance(value, float) else str(value)


def el(tag: str, attrs: Mapping[str, object] | None = None, *children: str | None) -> Markup:
    """``<tag attrs>children</tag>``; None attributes and children are left out."""
    opening = tag + "".join(
        f' {name}="{html.escape(_attr(value), quote=True)}"'
        for name, value in (attrs or {}).items()
        if value is not None
    )
    if tag in _VOID and not children:
        return Markup(f"<{opening}/>")
    return Markup(f"<{opening}>{join(children)}</{tag}>")


def join(parts: Iterable[str | None]) -> Markup:
    """The parts one after the other, text escaped."""
    return Markup("".join(esc(p) for p in parts if p is not None))


def count(value: int | None) -> str:
    """A count with thousands separators (``12,345``); an em dash when unknown."""
    return "—" if value is None else f"{value:,}"


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as a percentage with one decimal; an em dash for 0 of 0."""
    return "—" if not whole else f"{100 * part / whole:.1f}%"


def bi(zh: str, en: str) -> Markup:
    """A bilingual label: the Chinese first, the English beside it."""
    return join([zh, el("span", {"class": "en"}, en) if en else None])


def text_width(text: str, size: float = 12) -> float:
    """Roughly how wide ``text`` is drawn: a CJK character one em, others about half."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)


def table(
    caption: str,
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric: Iterable[int] = (),
    css: str | None = None,
    groups: Sequence[tuple[str, int]] = (),
    scroll: bool = False,
) -> Markup:
    """A data table with its caption; ``numeric`` columns right-aligned in tabular digits.

    ``groups`` adds a header row above ``head``: labels, each spanning that many columns.
    A wide table (``scroll``) scrolls sideways on a narrow screen rather than squeezing.
    """
    right = set(numeric)
    spans = el(
        "tr",
        {"class": "groups"},
        join(
            el("th", {"colspan": n if n > 1 else None, "scope": "colgroup"}, g) for g, n in groups
        ),
    )

    def cell(tag: str, i: int, content: str) -> Markup:
        attrs = {"class": "n" if i in right else None, "scope": "col" if tag == "th" else None}
        return el(tag, attrs, content)

    markup = el(
        "table",
        {"class": css},
        el("caption", None, caption),
        el(
            "thead",
            None,
            spans if groups else None,
            el("tr", None, join(cell("th", i, h) for i, h in enumerate(head))),
        ),
        el(
            "tbody",
            None,
            join(el("tr", None, join(cell("td", i, c) for i, c in enumerate(r))) for r in rows),
        ),
    )
    return el("div", {"class": "scroll"}, markup) if scroll else markup


__all__ = ["Markup", "bi", "coord", "count", "el", "esc", "join", "percent", "table", "text_width"]
