"""Zip archives in a survey: each report inside read as a file of its own.

Each member a folder walk would take (:class:`govinfo_report._archive.Archive`) gives
its own row, its ``file`` being ``ARCHIVE#MEMBER``, paired across years like any file;
a workbook of departments gives one row a department (``ARCHIVE#MEMBER#SHEET``).
A re-run reads an archive again only when its content changed (the rows of its
reports carry its SHA-256), as for a single file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from govinfo_report._archive import ARCHIVE_SUFFIX, NO_REPORT, NO_REPORT_ZH, Archive
from govinfo_report._departments import is_workbook_name
from govinfo_report._scan import shown
from govinfo_report.errors import ReportReadError
from govinfo_report.survey._workbooks import summarise_workbook_bytes

if TYPE_CHECKING:
    from govinfo_report.survey import _summary as summary


def summarise_archive(
    path: str | Path, similar: bool, known: str, batch: summary._Sketches | None
) -> list[summary.FileResult | str]:
    """Each report in a zip archive, its ``file`` being ``ARCHIVE#MEMBER`` (see
    :mod:`._archive`); the archive's own row when it cannot be read or holds none."""
    from govinfo_report.survey import _summary as summary  # it calls this module

    name = shown(str(path))
    try:
        opened = Archive(Path(path), name)
    except ReportReadError as exc:  # the archive as a whole
        return [summary.unreadable(name, "", str(exc), exc.message("zh"))]
    with opened:
        sha, document = opened.sha256, opened.document
        if known and sha == known:
            return [name]  # the same archive: its reports' rows (or its own) are kept
        from govinfo_report._legacy import converted_members

        with converted_members(opened):  # its .doc and .xls by one LibreOffice run
            results = _each(opened, name, sha, similar, batch)
    if not results and document:
        # A .docx (or .ofd, .odt) named .zip: read, or named, as the document it is.
        return [summary._summarise(path, similar, known, batch)]
    if not results:
        return [summary.unreadable(name, sha, NO_REPORT, NO_REPORT_ZH)]
    return results


def _each(
    opened: Archive, name: str, sha: str, similar: bool, batch: summary._Sketches | None
) -> list[summary.FileResult | str]:
    from govinfo_report.survey import _summary as summary

    results: list[summary.FileResult | str] = []
    held = (name, sha)
    for member, data in opened.members():
        where = shown(f"{name}{summary.COLLECTION_SEPARATOR}{member}")
        if not isinstance(data, bytes):
            error = data.error(where)
            said = str(error), error.message("zh")
            results.append(summary.unreadable(where, "", *said, container=held))
        elif is_workbook_name(suffix := Path(member).suffix):
            # A workbook of departments in the archive gives one row a department.
            sha_member = hashlib.sha256(data).hexdigest()
            results.extend(
                summarise_workbook_bytes(where, sha_member, data, suffix, similar, batch, held)
            )
        else:
            results.append(
                summary._summarise_bytes(where, data, similar, None, batch, suffix, held)
            )
    return results


__all__ = ["ARCHIVE_SUFFIX", "summarise_archive"]
