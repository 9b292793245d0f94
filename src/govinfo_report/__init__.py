"""govinfo-report: China's 政府信息公开工作年度报告 as typed data.

The report is an immutable value (:class:`Report`) in either statutory format; the
checks (:mod:`govinfo_report.checks`) report every broken 勾稽关系; writers emit Word and
Markdown; readers import published reports.
"""

from __future__ import annotations

from govinfo_report.errors import (
    GovinfoReportError,
    ReportLoadError,
    ReportReadError,
    ReportWriteError,
    UnknownFormatError,
)
from govinfo_report.formats import FormatVersion, format_for_year, get_format
from govinfo_report.model import (
    BLANK,
    NOT_APPLICABLE,
    AgencyKind,
    CellValue,
    Contact,
    Empty,
    ExtraRow,
    Metadata,
    Money,
    ProcessingFee,
    Report,
    Section,
    Subsection,
    Table,
    blank_report,
    fill_totals,
)

__version__ = "0.1.0"

__all__ = [
    "BLANK",
    "NOT_APPLICABLE",
    "AgencyKind",
    "CellValue",
    "Contact",
    "Empty",
    "ExtraRow",
    "FormatVersion",
    "GovinfoReportError",
    "Metadata",
    "Money",
    "ProcessingFee",
    "Report",
    "ReportLoadError",
    "ReportReadError",
    "ReportWriteError",
    "Section",
    "Subsection",
    "Table",
    "UnknownFormatError",
    "__version__",
    "blank_report",
    "fill_totals",
    "format_for_year",
    "get_format",
]
