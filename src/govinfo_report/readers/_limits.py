"""Bounds the document readers share: how a span or a number attribute is read, and how
many table cells one document may expand to.

A few bytes of markup can ask for a great deal of work: ``colspan="1000"`` on every cell
of many tables, a pipe table with a thousand columns, a span of 5,000 digits (which
``int`` refuses) or of ``²`` (which ``str.isdigit`` accepts and ``int`` does not). Every
reader reads spans with :func:`span`, other numbers in attributes with :func:`decimal`,
and counts the grid positions it is about to create
against one :class:`CellBudget` per document, *before* creating them, so the work and
the memory a document can cost are bounded whatever its tables look like. A report's
three statistic tables hold a few hundred cells; the limit is far above any report and
far below what hurts.
"""

from __future__ import annotations

import re
from typing import Final

from govinfo_report.errors import ReportReadError

MAX_DOCUMENT_CELLS: Final = 100_000
"""Grid positions over all the tables of one document, merged cells expanded."""
MAX_DOCUMENT_PARAGRAPHS: Final = 20_000
"""Paragraphs of one document. A report has a few hundred; finding its title, sections
and signature costs tens of microseconds a paragraph, so an 8 MiB page of empty
paragraphs (a million of them) would cost half a minute."""

_SPAN: Final = re.compile(r"[\t\n\f\r ]*\+?([0-9]+)")
"""HTML's rules for parsing non-negative integers: leading ASCII whitespace, an optional
``+``, ASCII digits (no other Unicode digits); anything after the digits is ignored."""
_SPAN_DIGITS: Final = 9
"""Longer digit runs (after leading zeros) are clamped without converting them."""
_DECIMAL: Final = re.compile(r"[\t\n\r ]*(-?)0*([0-9]{1,9})[\t\n\r ]*")
"""An XML decimal as Word writes one (``w:val="24"``): ASCII digits, at most nine."""


def span(value: str | None, limit: int, default: int = 1) -> int:
    """A span attribute (``colspan``, ``rowspan``, ``w:gridSpan``) as browsers read it.

    Args:
        value: the attribute as written, or ``None`` when absent.
        limit: the largest span returned; larger numbers are clamped to it.
        default: what an absent or non-numeric value means.

    Returns:
        The number (0 included: the caller decides what 0 means), at most ``limit``.
    """
    if value is None:
        return default
    found = _SPAN.match(value)
    if found is None:
        return default
    digits = found[1].lstrip("0") or "0"
    if len(digits) > _SPAN_DIGITS:
        return limit
    return min(int(digits), limit)


def decimal(value: str | None, *, signed: bool = False) -> int | None:
    """A number attribute (``w:sz``, ``w:ilvl``, ``w:start`` …), or ``None`` when it is
    absent, not ASCII decimal digits (``²``), negative unless ``signed``, or longer than
    nine digits (no size, level or count Word writes)."""
    found = _DECIMAL.fullmatch(value) if value is not None else None
    if found is None or (found[1] and not signed):
        return None
    return -int(found[2]) if found[1] else int(found[2])


class CellBudget:
    """The table cells one document may still expand to (see :data:`MAX_DOCUMENT_CELLS`).

    Args:
        source: what to call the document in the error.
        limit: the cells allowed over the whole document.
    """

    def __init__(self, source: str, limit: int = MAX_DOCUMENT_CELLS) -> None:
        self.source = source
        self.limit = limit
        self.used = 0

    def check(self, cells: int, what: str, what_zh: str) -> None:
        """Refuse before ``cells`` more grid positions are created for ``what`` (``table
        3``; ``what_zh`` in Chinese, ``第 3 个表格``).

        Raises:
            ReportReadError: the document's tables would exceed the limit.
        """
        if self.used + cells > self.limit:
            raise ReportReadError(
                f"{self.source}: {what} would bring the document's tables to more than "
                f"{self.limit} cells (merged cells expanded); the limit is {self.limit} "
                "cells per document, and a report has a few hundred",
                zh=f"{self.source}（{what_zh}）：到这里，文档中"
                f"表格的单元格将超过 {self.limit} 个（合并单元格按展开后计算）；每个文档上限是 "
                f"{self.limit} 个单元格，一份报告只有几百个",
            )

    def take(self, cells: int, what: str, what_zh: str) -> None:
        """Count ``cells`` grid positions created for ``what`` (``what_zh`` in Chinese).

        Raises:
            ReportReadError: the document's tables would exceed the limit.
        """
        self.check(cells, what, what_zh)
        self.used += cells


def check_paragraphs(count: int, source: str) -> None:
    """Refuse a document of more than :data:`MAX_DOCUMENT_PARAGRAPHS` paragraphs.

    Raises:
        ReportReadError: naming the document, its count and the limit.
    """
    if count > MAX_DOCUMENT_PARAGRAPHS:
        raise ReportReadError(
            f"{source} has {count} paragraphs; the limit is {MAX_DOCUMENT_PARAGRAPHS} per "
            "document, and a report has a few hundred",
            zh=f"{source} 有 {count} 个段落；每个文档上限是 {MAX_DOCUMENT_PARAGRAPHS} 个，"
            "一份报告只有几百个",
        )
