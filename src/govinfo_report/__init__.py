"""govinfo-report: China's 政府信息公开工作年度报告 as typed data.

The report is an immutable value (:class:`Report`) in either statutory format;
:func:`check` reports every broken 勾稽关系 and the other rules as :class:`Finding` s;
:func:`write_report` / :func:`render` emit Word and Markdown; :func:`read_report` imports
published reports (Word, web pages, Markdown, flattened text) and the JSON/YAML/TOML
interchange files; :func:`load` / :func:`dump` (and :func:`loads` / :func:`dumps` for
strings) are those files' own functions, :func:`describe` explains any finding code, and
:func:`survey` checks a whole corpus into tables and a dashboard.
Everything a user needs is importable from here; the subpackages hold the rest.
"""

from __future__ import annotations

from govinfo_report._version import package_version
from govinfo_report.aggregate import aggregate
from govinfo_report.catalog import RuleInfo, describe
from govinfo_report.checks import check, is_valid, iter_findings
from govinfo_report.errors import (
    AmountRangeError,
    GovinfoReportError,
    PreviousReportMismatch,
    ReportLoadError,
    ReportReadError,
    ReportValueError,
    ReportWriteError,
    SurveyError,
    UnknownFormatError,
    UnknownOptionError,
)
from govinfo_report.findings import Finding, Lang, Severity, Status
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
from govinfo_report.readers import Reader, ReadResult, read_report
from govinfo_report.serialize import dump, dumps, load, loads
from govinfo_report.survey import survey
from govinfo_report.writers import Writer, available_writers, get_writer, render, write_report

__version__ = package_version()
"""The installed version (from the package metadata)."""

__all__ = [
    "BLANK",
    "NOT_APPLICABLE",
    "AgencyKind",
    "AmountRangeError",
    "CellValue",
    "Contact",
    "Empty",
    "ExtraRow",
    "Finding",
    "FormatVersion",
    "GovinfoReportError",
    "Lang",
    "Metadata",
    "Money",
    "PreviousReportMismatch",
    "ProcessingFee",
    "ReadResult",
    "Reader",
    "Report",
    "ReportLoadError",
    "ReportReadError",
    "ReportValueError",
    "ReportWriteError",
    "RuleInfo",
    "Section",
    "Severity",
    "Status",
    "Subsection",
    "SurveyError",
    "Table",
    "UnknownFormatError",
    "UnknownOptionError",
    "Writer",
    "__version__",
    "aggregate",
    "available_writers",
    "blank_report",
    "check",
    "describe",
    "dump",
    "dumps",
    "fill_totals",
    "format_for_year",
    "get_format",
    "get_writer",
    "is_valid",
    "iter_findings",
    "load",
    "loads",
    "read_report",
    "render",
    "survey",
    "write_report",
]
