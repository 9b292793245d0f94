"""Rules about the report as a document: format, dates, sections, fee, extra rows, text.

Each is a small frozen value with a ``code``, a ``severity``, the ``paths`` it reads and a
``findings(ctx)`` method, built by a factory the rule sets call with data (the
deadlines of 第四十九条, the section declarations of the format, the terms of 第五十条(四)).
They live by family in :mod:`~govinfo_report.checks.date_rules` (F.1, Y.1–Y.3),
:mod:`~govinfo_report.checks.section_rules` (SEC.1, SEC.2, TX.2, E.1) and
:mod:`~govinfo_report.checks.text_rules` (TX.1); this module gathers them, as before.
"""

from __future__ import annotations

from govinfo_report.checks.date_rules import (
    DatesWithinDeadline,
    Deadline,
    FormatMatchesYear,
    SigningDateGiven,
    TitleNamesYear,
    dates_within_deadline,
    format_matches_year,
    signing_date_given,
    title_names_year,
)
from govinfo_report.checks.section_rules import (
    ExtraRowsNoted,
    FeeMatchesText,
    ProcessingFeeStated,
    SectionsComplete,
    extra_rows_noted,
    fee_matches_text,
    processing_fee_stated,
    sections_complete,
)
from govinfo_report.checks.text_rules import (
    NUMBER,
    Quantity,
    RowSum,
    Statement,
    TextMatchesTables,
    parse_count,
    row_sum,
    text_matches_tables,
)

__all__ = [
    "NUMBER",
    "DatesWithinDeadline",
    "Deadline",
    "ExtraRowsNoted",
    "FeeMatchesText",
    "FormatMatchesYear",
    "ProcessingFeeStated",
    "Quantity",
    "RowSum",
    "SectionsComplete",
    "SigningDateGiven",
    "Statement",
    "TextMatchesTables",
    "TitleNamesYear",
    "dates_within_deadline",
    "extra_rows_noted",
    "fee_matches_text",
    "format_matches_year",
    "parse_count",
    "processing_fee_stated",
    "row_sum",
    "sections_complete",
    "signing_date_given",
    "text_matches_tables",
    "title_names_year",
]
