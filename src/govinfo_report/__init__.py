"""govinfo-report: China's 政府信息公开工作年度报告 as typed data.

The report is an immutable value (:class:`Report`) in either statutory format;
:func:`check` reports every broken 勾稽关系 and the other rules as :class:`Finding` s;
:func:`write_report` / :func:`render` emit Word, Markdown and Excel workbooks;
:func:`read_report` imports published reports (Word, Excel, PDF, web pages, Markdown,
flattened text) and the JSON/YAML/TOML interchange files; :func:`load` / :func:`dump`
(and :func:`loads` / :func:`dumps` for strings) are those files' own functions,
:func:`describe` explains any finding code, :func:`survey` checks a whole corpus into
tables and a dashboard, and :func:`compose` writes the standard statistic sentences from
the tables.
Everything a user needs is importable from here; the subpackages hold the rest.
"""

from __future__ import annotations

import importlib
import sys
import types

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import Any

    from govinfo_report.aggregate import aggregate
    from govinfo_report.batch import RenderResult, render_many
    from govinfo_report.catalog import RuleInfo, describe
    from govinfo_report.checks import check, is_valid, iter_findings
    from govinfo_report.compose import compose, with_composed_text
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
    from govinfo_report.findings import Finding, FindingDict, Lang, Severity, Status
    from govinfo_report.formats import FormatVersion, format_for_year, get_format
    from govinfo_report.labels import describe_path
    from govinfo_report.migrate import MigrationResult, migrate
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
        TotalChange,
        blank_report,
        fill_totals,
        next_report,
    )
    from govinfo_report.readers import Reader, ReadResult, read_report
    from govinfo_report.serialize import dump, dumps, load, loads
    from govinfo_report.survey import survey
    from govinfo_report.writers import Writer, available_writers, get_writer, render, write_report

    __version__: str
    """The installed version (from the package metadata)."""

# Each public name and the module it comes from, imported on first use (PEP 562): a
# command such as ``govinfo-report --help`` or ``validate report.json`` loads only what
# it needs, not the readers, the writers and their libraries.
_HOMES: dict[str, str] = {
    "aggregate": "govinfo_report.aggregate",
    "RenderResult": "govinfo_report.batch",
    "render_many": "govinfo_report.batch",
    "RuleInfo": "govinfo_report.catalog",
    "describe": "govinfo_report.catalog",
    "check": "govinfo_report.checks",
    "is_valid": "govinfo_report.checks",
    "iter_findings": "govinfo_report.checks",
    "compose": "govinfo_report.compose",
    "with_composed_text": "govinfo_report.compose",
    "AmountRangeError": "govinfo_report.errors",
    "GovinfoReportError": "govinfo_report.errors",
    "PreviousReportMismatch": "govinfo_report.errors",
    "ReportLoadError": "govinfo_report.errors",
    "ReportReadError": "govinfo_report.errors",
    "ReportValueError": "govinfo_report.errors",
    "ReportWriteError": "govinfo_report.errors",
    "SurveyError": "govinfo_report.errors",
    "UnknownFormatError": "govinfo_report.errors",
    "UnknownOptionError": "govinfo_report.errors",
    "Finding": "govinfo_report.findings",
    "FindingDict": "govinfo_report.findings",
    "Lang": "govinfo_report.findings",
    "Severity": "govinfo_report.findings",
    "Status": "govinfo_report.findings",
    "FormatVersion": "govinfo_report.formats",
    "format_for_year": "govinfo_report.formats",
    "get_format": "govinfo_report.formats",
    "describe_path": "govinfo_report.labels",
    "MigrationResult": "govinfo_report.migrate",
    "migrate": "govinfo_report.migrate",
    "BLANK": "govinfo_report.model",
    "NOT_APPLICABLE": "govinfo_report.model",
    "AgencyKind": "govinfo_report.model",
    "CellValue": "govinfo_report.model",
    "Contact": "govinfo_report.model",
    "Empty": "govinfo_report.model",
    "ExtraRow": "govinfo_report.model",
    "Metadata": "govinfo_report.model",
    "Money": "govinfo_report.model",
    "ProcessingFee": "govinfo_report.model",
    "Report": "govinfo_report.model",
    "Section": "govinfo_report.model",
    "Subsection": "govinfo_report.model",
    "Table": "govinfo_report.model",
    "TotalChange": "govinfo_report.model",
    "blank_report": "govinfo_report.model",
    "fill_totals": "govinfo_report.model",
    "next_report": "govinfo_report.model",
    "Reader": "govinfo_report.readers",
    "ReadResult": "govinfo_report.readers",
    "read_report": "govinfo_report.readers",
    "dump": "govinfo_report.serialize",
    "dumps": "govinfo_report.serialize",
    "load": "govinfo_report.serialize",
    "loads": "govinfo_report.serialize",
    "survey": "govinfo_report.survey",
    "Writer": "govinfo_report.writers",
    "available_writers": "govinfo_report.writers",
    "get_writer": "govinfo_report.writers",
    "render": "govinfo_report.writers",
    "write_report": "govinfo_report.writers",
}


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
    "FindingDict",
    "FormatVersion",
    "GovinfoReportError",
    "Lang",
    "Metadata",
    "MigrationResult",
    "Money",
    "PreviousReportMismatch",
    "ProcessingFee",
    "ReadResult",
    "Reader",
    "RenderResult",
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
    "TotalChange",
    "UnknownFormatError",
    "UnknownOptionError",
    "Writer",
    "__version__",
    "aggregate",
    "available_writers",
    "blank_report",
    "check",
    "compose",
    "describe",
    "describe_path",
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
    "migrate",
    "next_report",
    "read_report",
    "render",
    "render_many",
    "survey",
    "with_composed_text",
    "write_report",
]


if not TYPE_CHECKING:  # a type checker sees the imports above, and no catch-all

    def __getattr__(name: str) -> Any:
        """The public name ``name``, imported from its home module on first use; or
        the subpackage ``name`` (``govinfo_report.checks``), imported as before."""
        if name == "__version__":
            from govinfo_report._version import package_version

            value = package_version()
        elif name in _HOMES:
            value = getattr(importlib.import_module(_HOMES[name]), name)
        elif name.startswith("__"):
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        else:
            try:
                return importlib.import_module(f"{__name__}.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{__name__}.{name}":
                    raise
                raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        globals()[name] = value  # later lookups are plain attribute reads
        return value


class _Package(types.ModuleType):
    """The package's own module type, for one thing: importing a submodule named like an
    export (``govinfo_report.aggregate``, home of :func:`aggregate`) must not replace
    the export with the module, as the import system would by setting the attribute."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOMES and isinstance(value, types.ModuleType):
            return  # the export stays; the module is in sys.modules
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __dir__() -> list[str]:
    """The module's names with every public name, imported or not yet."""
    return sorted({*globals(), *__all__})
