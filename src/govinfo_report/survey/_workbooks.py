"""Workbooks in a survey: a workbook of departments (one report a sheet) gives one row
per department, its ``file`` being ``PATH#SHEET`` (``ARCHIVE#MEMBER#SHEET`` for one in a
zip archive); any other workbook is one report.

An ``.xlsx`` (``.xlsm``) is opened as it is. An Excel 97-2003 or WPS 表格 workbook
(``.xls``, ``.et``: an OLE2 compound file) is converted to ``.xlsx`` by LibreOffice once
(from its batch's run, :mod:`govinfo_report._legacy`, when there was one), and that
conversion is what is read, a collection or a single report alike: the document
property that marks our collection survives the conversion. A file so named that holds
no such workbook (a web page saved as ``.xls``, as many portals export tables) is read
as whatever it is (:mod:`govinfo_report._departments`).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from govinfo_report._departments import (
    OLD_WORKBOOK_SUFFIXES,
    WORKBOOK_SUFFIXES,
    as_xlsx,
    department_reports,
    sheet_name,
)
from govinfo_report._scan import shown
from govinfo_report.errors import GovinfoReportError

if TYPE_CHECKING:
    from govinfo_report.survey import _summary as summary


def summarise_workbook(
    path: str | Path, similar: bool, known: str, batch: summary._Sketches | None
) -> list[summary.FileResult | str]:
    """The workbook's report, or each department's of a collection (see the module);
    its path when its SHA-256 is ``known``; never raises for one file."""
    from govinfo_report.survey import _summary as summary  # it calls this module

    name = shown(str(path))
    data = summary._read(path, name)
    if isinstance(data, summary.FileResult):
        return [data]
    sha = hashlib.sha256(data).hexdigest()
    if known and sha == known:
        return [name]  # unchanged: a report, or a collection (its sheets' rows are kept)
    return summarise_workbook_bytes(name, sha, data, Path(path).suffix, similar, batch)


def summarise_workbook_bytes(
    name: str,
    sha: str,
    data: bytes,
    suffix: str,
    similar: bool,
    batch: summary._Sketches | None,
    container: summary.Container = ("", ""),
) -> list[summary.FileResult | str]:
    """:func:`summarise_workbook` of a workbook already read (``sha``: its SHA-256),
    such as an archive's member (``container``: the archive's name and SHA-256)."""
    from govinfo_report.survey import _summary as summary

    try:
        data, suffix = as_xlsx(data, name, suffix)
    except (GovinfoReportError, OSError) as exc:
        return [summary.unreadable(name, sha, *summary.described(exc), container=container)]
    except Exception as exc:  # a bug of ours on one file must not stop a survey
        english, chinese = summary.internal_error("reading", exc)
        said = shown(english), shown(chinese)
        return [summary.unreadable(name, sha, *said, internal=True, container=container)]
    try:
        sheets = department_reports(data, name)
    except (GovinfoReportError, OSError, RecursionError, MemoryError) as exc:
        return [summary.unreadable(name, sha, *summary.described(exc), container=container)]
    if sheets is None:
        return [summary._summarise_bytes(name, data, similar, sha, batch, suffix, container)]
    from govinfo_report.checks import check

    results: list[summary.FileResult | str] = []
    # A department's row names the file that holds it: the workbook, or the archive the
    # workbook is in (by which a re-run knows whether to read it again).
    held = container if container != ("", "") else (name, sha)
    for sheet, (report, found) in sheets:
        where = shown(sheet_name(name, sheet))
        try:
            findings = (*found, *check(report))
            results.append(summary._summary(where, sha, report, findings, similar, batch, held))
        except Exception as exc:  # a bug of ours on one report must not stop a survey
            said = summary.internal_error("checking", exc)
            results.append(summary.unreadable(where, sha, *said, internal=True, container=held))
    return results


__all__ = [
    "OLD_WORKBOOK_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "summarise_workbook",
    "summarise_workbook_bytes",
]
