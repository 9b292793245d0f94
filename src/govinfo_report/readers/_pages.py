"""Positioned text, as the PDF and OFD sources give their pages to the layout: each
page's characters with their boxes and its ruling lines, in points from its top-left
corner."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final, NamedTuple

import attrs

from govinfo_report.readers._pdf_messages import page_size

INF: Final = math.inf
MAX_SIDE: Final = 14_400.0
"""The longest side a page may have, in points: 200 inches, PDF's own limit (ISO 32000-1,
annex C); A0 is 3,370."""


class Char(NamedTuple):
    """One character, its box in points from the page's top-left corner (a tuple: a page
    has a thousand of them)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    """The font size it is printed in (points)."""


class Edge(NamedTuple):
    """A horizontal (``top == bottom``) or vertical (``x0 == x1``) ruling line."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.bottom - self.top <= self.x1 - self.x0


@attrs.frozen
class Page:
    """One page's characters and ruling lines."""

    number: int
    """From 1."""
    width: float
    height: float
    chars: tuple[Char, ...]
    edges: tuple[Edge, ...]
    images: int
    unmapped: int
    """Glyphs without a Unicode mapping (left out of ``chars``)."""
    overlay: str = ""
    """The characters drawn over the text or slanted (a watermark, a seal), in drawing
    order, left out of ``chars`` (:mod:`._overlay`)."""


def displayed(page: Page, quarters: int) -> Page:
    """``page``, whose boxes are in its own space, as a viewer shows it when it turns the
    page ``quarters`` quarter turns clockwise (a PDF's ``/Rotate``): boxes, width and
    height in the shown page's coordinates, so that its text reads left to right."""
    quarters %= 4
    if not quarters:
        return page
    w, h = page.width, page.height

    def point(x: float, y: float) -> tuple[float, float]:
        if quarters == 1:
            return h - y, x
        if quarters == 2:
            return w - x, h - y
        return y, w - x

    def box(x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        (a, b), (c, d) = point(x0, top), point(x1, bottom)
        return min(a, c), min(b, d), max(a, c), max(b, d)

    return attrs.evolve(
        page,
        width=h if quarters % 2 else w,
        height=w if quarters % 2 else h,
        chars=tuple(Char(c.text, *box(c.x0, c.top, c.x1, c.bottom), c.size) for c in page.chars),
        edges=tuple(Edge(*box(*e)) for e in page.edges),
    )


def on_page(
    page: Page, turned: Sequence[bool], where: str, where_zh: str | None = None
) -> tuple[Page, list[bool]]:
    """``page`` without what is drawn off it, and ``turned`` (a flag for each of its
    characters) kept in step: a character or a line whose box is not made of numbers, or
    lies wholly outside the page, is left out (a viewer shows nothing of it), and one
    partly outside is cut to the page. The common page, all inside, is returned as it is.

    A damaged or hostile document's coordinates can be anything (a matrix of 10^300
    makes boxes of infinity, and infinity less infinity is NaN); what the layout and the
    watermark search are given is always within the page.

    ``where`` names the page in an error (``where_zh`` in Chinese; the English if not
    given).

    Raises:
        ReportReadError: the page is larger than :data:`MAX_SIDE` a side, or its size
            is not a number.
    """
    w, h = page.width, page.height
    if not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE):
        raise page_size(where, where if where_zh is None else where_zh, w, h, MAX_SIDE)
    chars, edges = page.chars, page.edges
    # By index, not by name: a little faster, over a thousand characters a page.
    inside = all(
        0 <= c[1] <= c[3] <= w and 0 <= c[2] <= c[4] <= h and 0 < c[5] < INF for c in chars
    )
    if inside and all(0 <= e[0] <= e[2] <= w and 0 <= e[1] <= e[3] <= h for e in edges):
        return page, list(turned)
    kept: list[Char] = []
    flags: list[bool] = []
    for char, flag in zip(chars, turned, strict=True):
        box = _cut(char[1:5], w, h)
        if box is not None and 0 < char.size < INF:
            kept.append(Char(char.text, *box, char.size))
            flags.append(flag)
    lines = [Edge(*box) for e in edges if (box := _cut(e, w, h)) is not None]
    return attrs.evolve(page, chars=tuple(kept), edges=tuple(lines)), flags


def _cut(
    box: tuple[float, float, float, float], w: float, h: float
) -> tuple[float, float, float, float] | None:
    """``box`` (x0, top, x1, bottom) cut to the page, None when nothing of it is on it."""
    x0, top, x1, bottom = box
    if not (x0 <= x1 and top <= bottom):  # NaN compares false
        return None
    if x1 < 0 or x0 > w or bottom < 0 or top > h:
        return None  # infinities are numbers, and outside
    return max(x0, 0.0), max(top, 0.0), min(x1, w), min(bottom, h)


__all__ = ["MAX_SIDE", "Char", "Edge", "Page", "displayed", "on_page"]
