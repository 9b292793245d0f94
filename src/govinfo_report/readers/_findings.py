"""The readers' finding codes and the one factory that builds their findings.

Every reader finding uses a code declared here (documented in ``docs/readers/index.md``:
what happened, why, what to do). Findings about a value the reader could not place or
parse have status ``uncertain`` (the cell stays blank, never 0); findings about something
the reader did notice (a label variant, an assumed agency kind) have status ``fail``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from govinfo_report.checks.findings import Finding, Severity, Status

CELL: Final = "R.CELL"
"""A table value that could not be placed in a column or could not be parsed."""
SHORT_ROW: Final = "R.SHORT_ROW"
"""A flattened row with fewer values than cells, its values placed in its first columns."""
CELL_CONFLICT: Final = "R.CELL_CONFLICT"
"""Two different values for the same cell (a repeated row, or a cell printed twice)."""
ROW_MISSING: Final = "R.ROW_MISSING"
"""A row of the format not found in the table."""
TABLE_MISSING: Final = "R.TABLE_MISSING"
"""A whole statistic table not found."""
EXTRA_ROW: Final = "R.EXTRA_ROW"
"""A row the format does not have, kept as an extra row."""
LABEL_VARIANT: Final = "R.LABEL_VARIANT"
"""A label matched a declared one only after tolerance (variant, note, typo, truncation)."""
HEADER_MISSING: Final = "R.HEADER_MISSING"
"""Values placed in the format's column order because the table printed no column header."""
TABLE_NOTE: Final = "R.TABLE_NOTE"
"""A table row of text only (a note or stray caption), not read as data."""
TABLE_UNKNOWN: Final = "R.TABLE_UNKNOWN"
"""A table in the document that is none of the three statistic tables."""
SECTION_MISSING: Final = "R.SECTION_MISSING"
"""One of the six section headings not found."""
HEADING_VARIANT: Final = "R.HEADING_VARIANT"
"""A section heading recognised as a variant of the standard one."""
TITLE: Final = "R.TITLE"
"""No title line found."""
AGENCY: Final = "R.AGENCY"
"""The agency name is missing, or the title and the signature name different agencies."""
AGENCY_KIND: Final = "R.AGENCY_KIND"
"""The agency kind (not printed) was inferred from the name or assumed."""
YEAR: Final = "R.YEAR"
"""The year was not in the title and was taken from elsewhere."""
FORMAT: Final = "R.FORMAT"
"""The format version could not be told from the table labels and was taken from the year."""
DATE: Final = "R.DATE"
"""No signing date found, or a date that is not a real date."""
PREAMBLE: Final = "R.PREAMBLE"
"""Text before the title (page furniture) that was not read as part of the report."""
TRAILING: Final = "R.TRAILING"
"""Text after the signature that was not read as part of the report."""
CONTACT: Final = "R.CONTACT"
"""Contact details stated more than once with different values: none was taken."""

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
)
"""Every code a reader finding may carry (the engine's; a reader may add its own)."""


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
