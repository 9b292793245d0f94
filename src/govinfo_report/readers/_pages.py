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


__all__ = ["Char", "Edge", "Page"]
