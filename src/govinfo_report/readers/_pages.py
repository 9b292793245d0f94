"""Positioned text, as the PDF and OFD sources give their pages to the layout: each
page's characters with their boxes and its ruling lines, in points from its top-left
corner."""

from __future__ import annotations

from typing import NamedTuple

import attrs


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


__all__ = ["Char", "Edge", "Page", "displayed"]
