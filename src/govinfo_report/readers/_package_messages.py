"""The workbook reader's errors (:mod:`._xlsx_package`), each made with its message in
English and in Chinese.

They live apart so that the reader keeps to its one concept (opening a workbook and
reading its cells) within the module size limit; each function builds the
:class:`~govinfo_report.errors.ReportReadError` its caller raises.
"""

from __future__ import annotations

from govinfo_report.errors import ReportReadError

Place = tuple[str, str]
"""Where in a package, as the English and the Chinese messages say it
(``report.xlsx: sheet '表三'``, ``report.xlsx：工作表 '表三'``)."""


def sheet_place(source: str, sheet: str) -> Place:
    """What the messages call worksheet ``sheet`` of the workbook ``source``."""
    return f"{source}: sheet {sheet!r}", f"{source}：工作表 {sheet!r}"


def too_many_cells(source: str, sheet: str, limit: int) -> ReportReadError:
    """Sheet ``sheet`` takes the workbook past ``limit`` cells with a value."""
    return ReportReadError(
        f"{source}: sheet {sheet!r} brings the workbook to more than {limit} "
        "cells with a value; the limit is per workbook, and a report's tables have a "
        "few hundred",
        zh=f"{source}：工作表 {sheet!r} 使工作簿中有值的单元格超过 {limit} 个；上限按整个"
        "工作簿计算，而报告的表格只有几百个单元格",
    )


def too_many_merges(source: str, sheet: str, limit: int) -> ReportReadError:
    """Sheet ``sheet`` takes the workbook past ``limit`` merged areas."""
    return ReportReadError(
        f"{source}: sheet {sheet!r} brings the workbook to more than "
        f"{limit} merged areas; a report's tables have a few dozen",
        zh=f"{source}：工作表 {sheet!r} 使工作簿的合并区域超过 {limit} 个；报告的表格只有"
        "几十个合并区域",
    )


def too_many_merged_cells(source: str, sheet: str, area: str, limit: int) -> ReportReadError:
    """Merged area ``area`` of sheet ``sheet`` takes the workbook's merged areas past
    ``limit`` cells."""
    return ReportReadError(
        f"{source}: sheet {sheet!r}: merged area {area} brings the "
        f"workbook's merged areas to more than {limit} cells; a report's "
        "tables merge a few hundred",
        zh=f"{source}：工作表 {sheet!r}：合并区域 {area} 使工作簿的合并区域覆盖的单元格超过 "
        f"{limit} 个；报告的表格只合并几百个单元格",
    )


def not_well_formed(where: Place, exc: Exception) -> ReportReadError:
    """The part at ``where`` is not XML (``exc``: lxml's error)."""
    return ReportReadError(
        f"{where[0]} is not well-formed XML: {exc}", zh=f"{where[1]} 是格式不正确的 XML：{exc}"
    )


def missing_shared_string(where: Place, cell: str, value: str) -> ReportReadError:
    """Cell ``cell`` of the sheet at ``where`` names a shared string that is not there."""
    return ReportReadError(
        f"{where[0]} cell {cell} refers to shared string {value!r}, which the workbook does "
        "not have",
        zh=f"{where[1]} 单元格 {cell} 引用了共享字符串 {value!r}，但工作簿中没有这个字符串",
    )


def not_a_workbook(source: str, part: str) -> ReportReadError:
    """The zip ``source`` has no workbook part ``part``."""
    return ReportReadError(
        f"{source} is a zip but not a workbook: it has no {part}",
        zh=f"{source} 是 zip，但不是工作簿：没有 {part}",
    )


def not_spreadsheetml(source: str, part: str, root: str) -> ReportReadError:
    """The workbook part ``part`` has root element ``root``, not SpreadsheetML's."""
    return ReportReadError(
        f"{source}: {part} is not a SpreadsheetML workbook (root {root!r})",
        zh=f"{source}：{part} 不是 SpreadsheetML 工作簿（根元素 {root!r}）",
    )


__all__ = [
    "Place",
    "missing_shared_string",
    "not_a_workbook",
    "not_spreadsheetml",
    "not_well_formed",
    "sheet_place",
    "too_many_cells",
    "too_many_merged_cells",
    "too_many_merges",
]
