"""The readers' finding codes and the one factory that builds their findings.

Every reader finding uses a code declared here; what each code means, why it happens and
what to do about it is declared once, in Chinese and English, in
:mod:`govinfo_report.readers.catalog` (``docs/readers/index.md`` lists the same). Findings
about a value the reader could not place or parse have status ``uncertain`` (the cell
stays blank, never 0); findings about something the reader did notice (a label variant,
an assumed agency kind) have status ``fail``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from govinfo_report.findings import Finding, Severity, Status

CELL: Final = "R.CELL"
SHORT_ROW: Final = "R.SHORT_ROW"
CELL_CONFLICT: Final = "R.CELL_CONFLICT"
ROW_MISSING: Final = "R.ROW_MISSING"
TABLE_MISSING: Final = "R.TABLE_MISSING"
EXTRA_ROW: Final = "R.EXTRA_ROW"
LABEL_VARIANT: Final = "R.LABEL_VARIANT"
HEADER_MISSING: Final = "R.HEADER_MISSING"
TABLE_NOTE: Final = "R.TABLE_NOTE"
TABLE_UNKNOWN: Final = "R.TABLE_UNKNOWN"
SECTION_MISSING: Final = "R.SECTION_MISSING"
HEADING_VARIANT: Final = "R.HEADING_VARIANT"
TITLE: Final = "R.TITLE"
AGENCY: Final = "R.AGENCY"
AGENCY_KIND: Final = "R.AGENCY_KIND"
YEAR: Final = "R.YEAR"
FORMAT: Final = "R.FORMAT"
DATE: Final = "R.DATE"
PREAMBLE: Final = "R.PREAMBLE"
TRAILING: Final = "R.TRAILING"
CONTACT: Final = "R.CONTACT"
FEE: Final = "R.FEE"
TRADITIONAL: Final = "R.TRADITIONAL"

# The DOCX, Markdown, PDF (and OFD) and XLSX readers' own codes, declared here so the catalog needs
# no reader module (lxml, markdown-it, pypdfium2) to describe them.
DOCX_EMBEDDED: Final = "R.DOCX.EMBEDDED"
MARKDOWN_FRONT_MATTER: Final = "R.MARKDOWN.FRONT_MATTER"
PDF_GLYPH: Final = "R.PDF.GLYPH"
OFD_GLYPH: Final = "R.OFD.GLYPH"
WATERMARK: Final = "R.WATERMARK"
XLSX_FORMULA: Final = "R.XLSX.FORMULA"
XLSX_META: Final = "R.XLSX.META"
XLSX_SHEET: Final = "R.XLSX.SHEET"
XLSX_ACTIVE: Final = "R.XLSX.ACTIVE"

CODES: Final = (
    CELL,
    SHORT_ROW,
    CELL_CONFLICT,
    ROW_MISSING,
    TABLE_MISSING,
    EXTRA_ROW,
    LABEL_VARIANT,
    HEADER_MISSING,
    TABLE_NOTE,
    TABLE_UNKNOWN,
    SECTION_MISSING,
    HEADING_VARIANT,
    TITLE,
    AGENCY,
    AGENCY_KIND,
    YEAR,
    FORMAT,
    DATE,
    PREAMBLE,
    TRAILING,
    CONTACT,
    FEE,
    TRADITIONAL,
)
"""Every code the shared engine gives (the DOCX and Markdown readers add one each)."""


def finding(
    code: str,
    severity: Severity,
    zh: str,
    en: str,
    *,
    paths: Sequence[str] = (),
    reported: str | None = None,
    location: str | None = None,
    uncertain: bool = False,
) -> Finding:
    """A reader finding; ``uncertain`` for a value that could not be read."""
    return Finding(
        code=code,
        severity=severity,
        status=Status.UNCERTAIN if uncertain else Status.FAIL,
        message_zh=zh,
        message_en=en,
        paths=tuple(paths),
        reported=reported,
        location=location,
    )


UNREADABLE_SHARE: Final = 0.1
"""A page with this share of its characters unreadable or more is mostly unreadable: the
finding is an error (a document read from it must not validate clean)."""


def unreadable_finding(
    code: str,
    page: int,
    unread: int,
    read: int,
    location: str,
    *,
    what: tuple[str, str],
    unit: tuple[str, str],
) -> Finding:
    """The finding that page ``page`` has ``unread`` characters that cannot be known
    beside the ``read`` ones: ``what`` they are and the ``unit`` counted (Chinese,
    English), an error at :data:`UNREADABLE_SHARE` of the page, else a warning."""
    share = unread / (unread + read)
    if share >= UNREADABLE_SHARE:
        severity = Severity.ERROR
        zh = f"，占该页{unit[0]}的{share:.0%}：该页基本无法读取"
        en = f", {share:.0%} of the page's {unit[1]}: the page is mostly unreadable"
    else:
        severity, zh, en = Severity.WARNING, "", ""
    return finding(
        code,
        severity,
        f"第{page}页有{unread}{what[0]}{zh}；无法得知是什么字，已略去，该页的文字和数值可能缺字",
        f"page {page} has {unread} {what[1]}{en}; what they are cannot be known, so they were "
        "left out, and the page's text and values may miss characters",
        location=location,
        uncertain=True,
    )
