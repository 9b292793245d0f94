"""A collection workbook: the fill-in tables of many departments, one sheet each.

A supervising office hands one workbook to its departments and sums what comes back
(:func:`govinfo_report.aggregate`). Each department gets one sheet, named after it,
holding what its report needs: a title line naming the department and the year (the
line the XLSX reader takes the agency and the year from), then Tables 2, 3 and 4 one
under the other, each under its section heading, two empty rows apart (where the reader
cuts a sheet), drawn by :func:`~._xlsx_tables.draw_table` as on their own sheets. The
shared 基本信息 sheet in front holds the year, the format and the agency kind for all,
the agency left empty: each sheet's title names its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest

import attrs

from govinfo_report._workbook import METADATA_SHEET
from govinfo_report.errors import ReportWriteError
from govinfo_report.formats.layout import Output, layout_of
from govinfo_report.model import Report
from govinfo_report.writers._xlsx_meta import metadata_sheet
from govinfo_report.writers._xlsx_parts import Style
from govinfo_report.writers._xlsx_sheet import Sheet
from govinfo_report.writers._xlsx_tables import LANDSCAPE_WIDTH, draw_table, placed

MAX_NAME = 31
"""The longest sheet name Excel accepts."""
_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
_GAP = 3
"""Rows from the end of one block to the start of the next: two empty rows between."""


def sheet_names(departments: Sequence[str]) -> list[str]:
    """A valid, distinct sheet name for each department, in order: the name with the
    characters a sheet name cannot hold replaced, cut to 31, numbered when two collide.

    Raises:
        ReportWriteError: a department name is empty or listed twice.
    """
    taken = {METADATA_SHEET.casefold()}
    names = []
    seen: set[str] = set()
    for department in departments:
        if not department.strip():
            raise ReportWriteError("a department name is empty", zh="有一个部门名称为空")
        if department in seen:
            raise ReportWriteError(
                f"department {department!r} is listed twice", zh=f"部门 {department!r} 列了两次"
            )
        seen.add(department)
        base = department.strip().translate(_FORBIDDEN).strip("'")[:MAX_NAME] or "_"
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            suffix = f"({n})"
            name = base[: MAX_NAME - len(suffix)] + suffix
        taken.add(name.casefold())
        names.append(name)
    return names


def department_title(department: str, year: int) -> str:
    """The title line of a department's sheet."""
    return f"{department}{year}年政府信息公开工作年度报告"


def department_sheet(
    report: Report, department: str, name: str
) -> tuple[Sheet, dict[str, tuple[int, int]]]:
    """The sheet ``name`` of ``department`` (its title line and ``report``'s tables), and
    where each cell is: ``table.row.column`` → (row, column), from 0."""
    layouts = [layout_of(table.spec, Output.XLSX) for table in report.tables]
    widths = [max(w) for w in zip_longest(*(lay.widths for lay in layouts), fillvalue=0)]
    sheet = Sheet(name, widths)
    sheet.protected = sheet.fit_width = True
    sheet.landscape = max(sum(lay.widths) for lay in layouts) > LANDSCAPE_WIDTH
    sheet.header = department
    sheet.text(0, 0, department_title(department, report.metadata.year), Style.DEFAULT)
    top = 0
    where: dict[str, tuple[int, int]] = {}
    for table in report.tables:
        top += _GAP
        sheet.text(top, 0, table.spec.title, Style.DEFAULT)
        lines = draw_table(sheet, table, top + 1)
        where.update((f"{table.spec.id}.{c}", p) for c, p in placed(lines, top + 1).items())
        top += len(lines)
    return sheet, where


def collection_sheets(report: Report, departments: Sequence[str]) -> list[Sheet]:
    """The sheets of the collection of ``departments``, each filled with ``report``'s
    tables (a blank form's, usually): the shared 基本信息 sheet, then one a department.

    Raises:
        ReportWriteError: no department, or a name empty or listed twice.
    """
    if not departments:
        raise ReportWriteError(
            "a collection needs at least one department", zh="汇集表至少要有一个部门"
        )
    shared = attrs.evolve(report, metadata=attrs.evolve(report.metadata, agency=""))
    sheets = [metadata_sheet(shared)]
    for department, name in zip(departments, sheet_names(departments), strict=True):
        sheets.append(department_sheet(report, department.strip(), name)[0])
    return sheets


__all__ = ["collection_sheets", "department_sheet", "department_title", "sheet_names"]
