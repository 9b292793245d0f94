"""Text drawn over a page's own: a watermark (水印) or a seal's words, left out of its text.

A watermark across a table puts its characters among the cells' (a cell reads "内2资8",
the agency's name gains "仅供"), and a diagonal one breaks every line it crosses. Two
kinds are told from the characters alone, both safe for a report's own text:

- *slanted*: a character turned by an angle that is not a multiple of 90° (a diagonal
  watermark, the curved words of a seal). A report's text is upright, or turned a
  quarter in a vertical heading, which is kept;
- *overlaid*: a run of characters (consecutive in drawing order, of one size) printed at
  least :data:`LARGE` times the document's usual size (its median: the body text's),
  :data:`OVERLAID_SHARE` or more of which lie over characters :data:`LARGE` times
  smaller (sharing :data:`COVER` of the smaller box or more): an upright watermark. A
  title (二号 over 三号 is 1.375 times) is not as large, and a larger one lies over
  nothing; the text a watermark lies over is not left out with it.

What is left out is kept as text, in drawing order, for the reader's finding
(:func:`overlay_finding`, ``R.WATERMARK``), so that a person can see what it was.

A character drawn again over itself (the same character and size, its box within
:data:`DOUBLED` of the first's) is a simulated bold, as some PDF printers make one
(重影: "一一、、总总体体情情况况" to a naive reader): it is read once, and no finding says so,
since nothing is lost.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Final

import attrs

from govinfo_report.findings import Finding, Severity
from govinfo_report.readers import _findings as rf
from govinfo_report.readers._pages import Char, Page

SLANT: Final = math.radians(2)
"""A character turned further than this from a multiple of 90° is slanted."""
LARGE: Final = 1.5
"""A run this many times the document's median character size or more may be a watermark."""
OVERLAID_SHARE: Final = 0.25
"""The share of a large run's characters that must lie over others for it to be one."""
COVER: Final = 0.3
"""Two boxes overlap when they share this share of the smaller one's area."""
DOUBLED: Final = 1.0
"""A character repeated within this distance (pt) of itself is one character drawn twice."""
_BUCKET: Final = 24.0  # pt: the grid the overlap search files characters in
_SPAN: Final = 16  # squares: 384 pt, a character 13.5 cm tall
_QUOTED: Final = 40  # characters of the left-out text a finding quotes


def slanted(angle: float) -> bool:
    """Whether ``angle`` (radians) is off every multiple of 90° by more than :data:`SLANT`."""
    rest = angle % (math.pi / 2)
    return min(rest, math.pi / 2 - rest) > SLANT


def leave_out(pages: Sequence[Page], turned: Sequence[Sequence[bool]]) -> list[Page]:
    """``pages`` with their overlaid and slanted characters moved to :attr:`Page.overlay`.

    ``turned``: for each page, for each of its characters, whether it is slanted
    (:func:`slanted`).
    """
    sizes = Counter(
        c.size for page, flags in zip(pages, turned, strict=True)
        for c, flag in zip(page.chars, flags, strict=True) if not flag
    )  # fmt: skip
    usual = _median(sizes)
    out = []
    for page, flags in zip(pages, turned, strict=True):
        kept, overlay = split(page.chars, flags, usual)
        if len(kept) == len(page.chars):
            out.append(page)
        else:
            out.append(attrs.evolve(page, chars=tuple(kept), overlay=overlay))
    return out


def _median(sizes: Counter[float]) -> float:
    half, seen = sum(sizes.values()) / 2, 0
    for size in sorted(sizes):
        seen += sizes[size]
        if seen > half:
            return size
    return 0.0


def split(chars: Sequence[Char], turned: Sequence[bool], usual: float) -> tuple[list[Char], str]:
    """(the characters of the text, in order; the text of the others), ``usual`` being
    the document's usual character size and ``turned`` whether each is slanted."""
    drop = {i for i, t in enumerate(turned) if t}
    if usual > 0:
        drop |= _overlaid(chars, drop, usual * LARGE)
    doubled = _doubled(chars)
    if not drop and not doubled:
        return list(chars), ""
    kept = [c for i, c in enumerate(chars) if i not in drop and i not in doubled]
    return kept, "".join(chars[i].text for i in sorted(drop - doubled))


def _doubled(chars: Sequence[Char]) -> set[int]:
    """The characters drawn again over an earlier one (a simulated bold)."""
    # Most pages have none: one set of 4 pt squares tells (no two of the same character
    # share one otherwise), and only then each is looked at. A bold drawn twice repeats
    # whole runs, so some of its pairs are in the same square whatever its offset.
    if len({(c.text, c.x0 // 4, c.top // 4) for c in chars}) == len(chars):
        return set()
    seen: dict[tuple[str, int, int], list[int]] = {}
    found: set[int] = set()
    for i, c in enumerate(chars):
        x, y = int(c.x0 // DOUBLED), int(c.top // DOUBLED)
        for key in ((c.text, x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            if any(_same(chars[j], c) for j in seen.get(key, ())):
                found.add(i)
                break
        else:
            seen.setdefault((c.text, x, y), []).append(i)
    return found


def _same(a: Char, b: Char) -> bool:
    return (
        abs(a.x0 - b.x0) <= DOUBLED
        and abs(a.top - b.top) <= DOUBLED
        and math.isclose(a.size, b.size, rel_tol=0.01)
    )


def _overlaid(chars: Sequence[Char], turned: set[int], large: float) -> set[int]:
    """The upright characters of the runs at least ``large`` that lie over the others."""
    runs: list[list[int]] = []
    for i, char in enumerate(chars):
        if char.size < large or i in turned:
            continue
        if (
            runs
            and runs[-1][-1] == i - 1
            and math.isclose(chars[i - 1].size, char.size, rel_tol=0.01)
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    if not runs:
        return set()  # the common case: nothing that large on the page
    # Only what a run could lie over is filed: characters LARGE times smaller than one.
    largest = max(chars[run[0]].size for run in runs)
    grid: dict[tuple[int, int], list[int]] = {}
    for i, char in enumerate(chars):
        if i not in turned and char.size * LARGE <= largest:
            for cell in _cells(char):
                grid.setdefault(cell, []).append(i)
    found: set[int] = set()
    for run in runs:
        members = set(run)
        over = sum(1 for i in run if _lies_over(chars, i, members, grid))
        if over and over >= OVERLAID_SHARE * len(run):
            found |= members
    return found


def _cells(char: Char) -> list[tuple[int, int]]:
    """The grid squares ``char``'s box touches; none for a box over :data:`_SPAN`
    squares across or down, which no character's is (a damaged document's may be a
    page wide): it is neither filed nor looked for, and stays text."""
    rows = range(int(char.top // _BUCKET), int(char.bottom // _BUCKET) + 1)
    columns = range(int(char.x0 // _BUCKET), int(char.x1 // _BUCKET) + 1)
    if len(rows) > _SPAN or len(columns) > _SPAN:
        return []
    return [(r, c) for r in rows for c in columns]


def _lies_over(
    chars: Sequence[Char], i: int, members: set[int], grid: dict[tuple[int, int], list[int]]
) -> bool:
    a = chars[i]
    for cell in _cells(a):
        for j in grid.get(cell, ()):
            if j in members:
                continue
            b = chars[j]
            if b.size * LARGE > a.size:
                continue  # not smaller: the text under a watermark is not a watermark
            width = min(a.x1, b.x1) - max(a.x0, b.x0)
            height = min(a.bottom, b.bottom) - max(a.top, b.top)
            if width <= 0 or height <= 0:
                continue
            smaller = min((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top))
            if smaller > 0 and width * height >= COVER * smaller:
                return True
    return False


def overlay_finding(page: Page, source: str) -> Finding:
    """The notice that ``page``'s overlaid or slanted characters were left out."""
    text = page.overlay
    quoted = text if len(text) <= _QUOTED else text[:_QUOTED] + "…"
    return rf.finding(
        rf.WATERMARK,
        Severity.NOTICE,
        f"第{page.number}页有{len(text)}个字压在正文上或倾斜排列（水印或印章：“{quoted}”），"
        "不是报告的文字，已略去",
        f"page {page.number} has {len(text)} character(s) drawn over the text or slanted "
        f"(a watermark or a seal: “{quoted}”); they are not the report's text and were "
        "left out",
        location=f"{source}: page {page.number}",
    )


__all__ = [
    "COVER",
    "DOUBLED",
    "LARGE",
    "OVERLAID_SHARE",
    "SLANT",
    "leave_out",
    "overlay_finding",
    "slanted",
    "split",
]
