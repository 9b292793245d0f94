"""Characters with boxes → text lines, and lines → text, as a reader of the page would.

A line is the characters whose vertical centres lie within half the font size of the
line's mean centre, left to right (glyph boxes differ in height: "。" sits low, a quote
high, a Latin digit's box is taller than a CJK character's). Inside a line a space is
written where the gap between two characters is wider than a quarter of the font size
and neither is CJK (PDF text has no
spaces to keep; a gap between "2023" and "年" is the font change, not a word break). A
gap wider than :data:`SEGMENT_GAP` font sizes (:data:`CJK_SEGMENT_GAP` next to a CJK
character, as CJK text is set solid) splits the line into segments: the columns of
a table printed without ruling lines. Lines are joined with no space between CJK
characters (a wrapped Chinese line) and with one space between other text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from govinfo_report.readers._pages import Char

SPACE_GAP: Final = 0.25
"""A gap wider than this many character heights between non-CJK characters is a space."""
SEGMENT_GAP: Final = 1.5
"""A gap wider than this many character heights splits a line into segments."""
CJK_SEGMENT_GAP: Final = 0.8
"""Next to a CJK character (set solid), a gap this wide already splits segments."""
_SAME_LINE: Final = 0.5
"""Characters whose centres are closer than this many font sizes are on one line."""


def is_cjk(char: str) -> bool:
    """A CJK ideograph or full-width punctuation: text that wraps without spaces."""
    return (
        "\u2e80" <= char <= "\u9fff"
        or "\uff00" <= char <= "\uffef"
        or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0003ffff"
        or char in "“”‘’—…·"
    )


class Segment(NamedTuple):
    """A run of characters with no wide gap."""

    x0: float
    x1: float
    text: str


class Line(NamedTuple):
    """One printed line."""

    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    """The font size most of its characters are printed in."""
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return join_words(s.text for s in self.segments)

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2


def join_words(parts: Iterable[str]) -> str:
    """Pieces of one line joined: a space unless a CJK character is on either side."""
    out = ""
    for part in parts:
        if out and part and not (is_cjk(out[-1]) or is_cjk(part[0])):
            out += " "
        out += part
    return out


def join_lines(texts: Iterable[str]) -> str:
    """Lines joined into one text: no space where a CJK character meets the break.

    A Latin word broken by a hyphen at the line end is not rejoined: a report's lines
    end in Chinese.
    """
    return join_words(t for t in texts if t)


def _line(chars: Sequence[Char]) -> Line:
    ordered = sorted(chars, key=lambda c: c.x0)
    sizes = sorted(c.size for c in ordered)
    size = sizes[len(sizes) // 2]
    segments: list[Segment] = []
    text = ordered[0].text
    start = ordered[0].x0
    end = ordered[0].x1
    previous = ordered[0]
    for char in ordered[1:]:
        gap = char.x0 - previous.x1
        if gap > SEGMENT_GAP * size or (
            gap > CJK_SEGMENT_GAP * size and (is_cjk(previous.text) or is_cjk(char.text))
        ):
            segments.append(Segment(start, end, text))
            text, start = char.text, char.x0
        else:
            if gap > SPACE_GAP * size and not (is_cjk(previous.text) or is_cjk(char.text)):
                text += " "
            text += char.text
        end = max(end, char.x1)
        previous = char
    segments.append(Segment(start, end, text))
    return Line(
        x0=ordered[0].x0,
        top=min(c.top for c in ordered),
        x1=end,
        bottom=max(c.bottom for c in ordered),
        size=size,
        segments=tuple(segments),
    )


def group_lines(chars: Iterable[Char]) -> list[Line]:
    """The lines of ``chars``, top to bottom."""
    ordered = sorted(chars, key=lambda c: c.top + c.bottom)
    lines: list[Line] = []
    current: list[Char] = []
    total = size = 0.0
    for char in ordered:
        middle = (char.top + char.bottom) / 2
        if current and abs(middle - total / len(current)) <= _SAME_LINE * max(size, char.size):
            current.append(char)
            total += middle
            size = max(size, char.size)
            continue
        if current:
            lines.append(_line(current))
        current = [char]
        total, size = middle, char.size
    if current:
        lines.append(_line(current))
    return lines


def cell_text(chars: Iterable[Char]) -> str:
    """The text of a table cell: its lines joined (a label wrapped over two or three
    lines, or printed one character per line, reads as one)."""
    return join_lines(line.text for line in group_lines(chars))
