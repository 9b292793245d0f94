"""Workbooks in a survey: a workbook of departments (one report a sheet) gives one row
per department, its ``file`` being ``PATH#SHEET``; any other workbook is one report.

An ``.xlsx`` (``.xlsm``) is opened as it is. An Excel 97-2003 or WPS 表格 workbook
(``.xls``, ``.et``: an OLE2 compound file) is converted to ``.xlsx`` by LibreOffice once
(from its batch's run, :mod:`govinfo_report._legacy`, when there was one), and that
conversion is what is read, a collection or a single report alike: the document
property that marks our collection survives the conversion. A file so named that holds
no such workbook (a web page saved as ``.xls``, as many portals export tables) is read
as whatever it is.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Final

from govinfo_report._scan import shown
from govinfo_report.errors import GovinfoReportError

if TYPE_CHECKING:
    from govinfo_report.survey import _summary as summary

WORKBOOK_SUFFIXES: Final = frozenset((".xlsx", ".xlsm"))
OLD_WORKBOOK_SUFFIXES: Final = frozenset((".xls", ".xlt", ".et", ".ett"))


def summarise_workbook(
    path: str | Path, similar: bool, known: str, batch: summary._Sketches | None
) -> list[summary.FileResult | str]:
    """The workbook's report, or each department's of a collection (see the module);
    its path when its SHA-256 is ``known``; never raises for one file."""
    from govinfo_report.readers.xlsx import is_collection
    from govinfo_report.survey import _summary as summary  # it calls this module

    name = shown(str(path))
    data = summary._read(path, name)
    if isinstance(data, summary.FileResult):
        return [data]
    sha = hashlib.sha256(data).hexdigest()
    if known and sha == known:
        return [name]  # unchanged: a report, or a collection (its sheets' rows are kept)
    suffix = Path(path).suffix
    if suffix.lower() in OLD_WORKBOOK_SUFFIXES:
        from govinfo_report.readers.xls import is_workbook_binary, to_xlsx

        if is_workbook_binary(data):
            try:
                data, suffix = to_xlsx(data, name), ".xlsx"
            except (GovinfoReportError, OSError) as exc:
                return [summary.unreadable(name, sha, shown(summary._describe(exc)))]
            except Exception as exc:  # a bug of ours on one file must not stop a survey
                reason = f"internal error while reading: {type(exc).__name__}: {exc}"
                return [summary.unreadable(name, sha, shown(reason), internal=True)]
    if not is_collection(data):
        return [summary._summarise_bytes(name, data, similar, sha, batch, suffix)]
    return _departments(name, sha, data, similar, batch)


def _departments(
    name: str, sha: str, data: bytes, similar: bool, batch: summary._Sketches | None
) -> list[summary.FileResult | str]:
    from govinfo_report.checks import check
    from govinfo_report.readers.xlsx import XlsxReader
    from govinfo_report.survey import _summary as summary

    try:
        sheets = XlsxReader().read_sheets(data, source=name)
    except (GovinfoReportError, OSError, RecursionError, MemoryError) as exc:
        return [summary.unreadable(name, sha, shown(summary._describe(exc)))]
    results: list[summary.FileResult | str] = []
    held = (name, sha)
    for sheet, (report, found) in sheets:
        where = f"{name}{summary.COLLECTION_SEPARATOR}{sheet}"
        try:
            findings = (*found, *check(report))
            results.append(summary._summary(where, sha, report, findings, similar, batch, held))
        except Exception as exc:  # a bug of ours on one report must not stop a survey
            detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            reason = f"internal error while checking: {detail}"
            results.append(summary.unreadable(where, sha, reason, internal=True, container=held))
    return results


__all__ = ["OLD_WORKBOOK_SUFFIXES", "WORKBOOK_SUFFIXES", "summarise_workbook"]
