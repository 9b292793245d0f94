"""A workbook of departments (one department's report a sheet) wherever a workbook is
read: ``validate``, ``survey`` and ``import`` split it into its departments the same way,
whether it is a file of its own or a member of a zip archive.

A region's office often collects its departments' reports in one workbook (as
``render_collection`` writes it). Read as one report it is refused
(:meth:`~govinfo_report.readers.xlsx.XlsxReader.read` says to split it); these functions
tell it apart and read each sheet. An Excel 97-2003 or WPS 表格 workbook (``.xls``,
``.et``) is converted to ``.xlsx`` once, and that conversion is what is read, a
collection or a single report alike, so that nothing converts twice.
"""

from __future__ import annotations

from typing import Final

from govinfo_report.readers import ReadResult

WORKBOOK_SUFFIXES: Final = frozenset((".xlsx", ".xlsm"))
"""The XLSX reader's suffixes (a test keeps them its own)."""
OLD_WORKBOOK_SUFFIXES: Final = frozenset((".xls", ".xlt", ".et", ".ett"))
"""The XLS reader's suffixes (a test keeps them its own)."""
SHEET_SEPARATOR: Final = "#"
"""Between a workbook's name and a sheet's, in the name of a department's report
(``REGION.xlsx#东区局``; ``ARCHIVE.zip#REGION.xlsx#东区局`` inside an archive)."""


def is_workbook_name(suffix: str) -> bool:
    """Whether a file with ``suffix`` may be a workbook of departments."""
    suffix = suffix.lower()
    return suffix in WORKBOOK_SUFFIXES or suffix in OLD_WORKBOOK_SUFFIXES


def as_xlsx(data: bytes, source: str, suffix: str) -> tuple[bytes, str]:
    """``(data, suffix)`` to read: an old workbook (by its suffix, holding an OLE2
    workbook) converted to ``.xlsx`` by LibreOffice, anything else as it is (a web page
    saved as ``.xls``, as many portals export tables, is read as what it is).

    Raises:
        ReportReadError: LibreOffice is missing or could not convert the workbook.
    """
    if suffix.lower() not in OLD_WORKBOOK_SUFFIXES:
        return data, suffix
    from govinfo_report.readers.xls import is_workbook_binary, to_xlsx

    if not is_workbook_binary(data):
        return data, suffix
    return to_xlsx(data, source), ".xlsx"


def department_reports(data: bytes, source: str) -> tuple[tuple[str, ReadResult], ...] | None:
    """Each department's ``(sheet name, result)`` when ``data`` (an ``.xlsx``: see
    :func:`as_xlsx`) is a workbook of departments; None for anything else, to be read as
    one report.

    Raises:
        ReportReadError: it is a workbook of departments that cannot be read.
    """
    from govinfo_report.readers.xlsx import XlsxReader, is_collection

    if not is_collection(data):
        return None
    return XlsxReader().read_sheets(data, source=source)


def sheet_name(workbook: str, sheet: str) -> str:
    """The name of the report of ``sheet`` in ``workbook``: ``WORKBOOK#SHEET``."""
    return f"{workbook}{SHEET_SEPARATOR}{sheet}"


__all__ = [
    "OLD_WORKBOOK_SUFFIXES",
    "SHEET_SEPARATOR",
    "WORKBOOK_SUFFIXES",
    "as_xlsx",
    "department_reports",
    "is_workbook_name",
    "sheet_name",
]
