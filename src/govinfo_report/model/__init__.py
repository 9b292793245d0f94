"""The report as typed, immutable data (attrs classes), for both statutory formats."""

from __future__ import annotations

from govinfo_report.model.authoring import (
    TotalChange,
    blank_report,
    fill_totals,
    next_report,
    outcome_rows,
)
from govinfo_report.model.cells import (
    BLANK,
    NOT_APPLICABLE,
    CellValue,
    Empty,
    Money,
    format_value,
    is_number,
    numeric,
)
from govinfo_report.model.report import (
    AgencyKind,
    Contact,
    Metadata,
    ProcessingFee,
    Report,
    Section,
    Subsection,
)
from govinfo_report.model.table import ExtraRow, Table

__all__ = [
    "BLANK",
    "NOT_APPLICABLE",
    "AgencyKind",
    "CellValue",
    "Contact",
    "Empty",
    "ExtraRow",
    "Metadata",
    "Money",
    "ProcessingFee",
    "Report",
    "Section",
    "Subsection",
    "Table",
    "TotalChange",
    "blank_report",
    "fill_totals",
    "format_value",
    "is_number",
    "next_report",
    "numeric",
    "outcome_rows",
]
