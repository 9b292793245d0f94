"""The XLSX reader: our own workbook, and the workbooks offices make themselves.

The workbook is opened safely (:mod:`._xlsx_package`: the zip checked before anything
is inflated, cells and merged areas bounded, nothing outside the file followed), each
visible worksheet is turned into the shared engine's blocks (:mod:`._xlsx_blocks`: the
tables anywhere on a sheet as grids with their merges, text lines as paragraphs), and the
engine finds the tables, places every value by its labels and reports what it could not,
as for a Word document. A 基本信息 sheet (ours, or one made like it) gives the metadata
(:mod:`._xlsx_meta`); without one, the agency and year come from a title line such as
``某局2024年政府信息公开工作年度报告``. A workbook carries no text, so the report has no
intro and its sections are only the headings printed on its sheets.

A formula is read as its cached value, the one the spreadsheet computed and saved; one
without a cached value (a workbook written by a program and never opened in a
spreadsheet) is read as blank and reported (``R.XLSX.FORMULA``), never computed here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Final

import attrs

from govinfo_report import _embedded, _package
from govinfo_report._spreadsheetml import ref
from govinfo_report.errors import ReportReadError
from govinfo_report.findings import Finding, Severity
from govinfo_report.readers import _findings as rf
from govinfo_report.readers import _opc as opc
from govinfo_report.readers._assemble import assemble
from govinfo_report.readers._document import Block
from govinfo_report.readers._docx_package import Package
from govinfo_report.readers._limits import CellBudget
from govinfo_report.readers._registry import ReadResult
from govinfo_report.readers._xlsx_blocks import sheet_blocks
from govinfo_report.readers._xlsx_meta import is_findings_sheet, known_facts, metadata_fields
from govinfo_report.readers._xlsx_package import (
    Cell,
    Sheet,
    Workbook,
    custom_part,
    looks_like_xlsx,
    open_workbook,
)

_LISTED: Final = 10
"""Cells a finding names before it says how many more there are."""


def _formulas(sheet: Sheet) -> Finding | None:
    """The finding for the formulas of ``sheet`` that have no cached value."""
    cells = sorted(pos for pos, cell in sheet.cells.items() if cell.formula is not None)
    if not cells:
        return None
    refs = [ref(*pos) for pos in cells]
    more = len(refs) - _LISTED
    shown = "、".join(refs[:_LISTED]) + (f"等{len(refs)}个单元格" if more > 0 else "")
    shown_en = ", ".join(refs[:_LISTED]) + (f" and {more} more" if more > 0 else "")
    return rf.finding(
        rf.XLSX_FORMULA,
        Severity.WARNING,
        f"工作表“{sheet.name}”中{shown}的公式没有保存计算结果，按空白读取，未重新计算",
        f"sheet {sheet.name!r}: the formulas of {shown_en} have no saved result; read as "
        "blank, not computed",
        location=f"sheet {sheet.name!r}",
        uncertain=True,
    )


def _workbook_findings(book: Workbook) -> list[Finding]:
    found = []
    for name, why in book.skipped:
        what_zh = "隐藏" if why == "hidden" else "不是工作表"
        what_en = "is hidden" if why == "hidden" else f"is not a worksheet ({why})"
        found.append(
            rf.finding(
                rf.XLSX_SHEET,
                Severity.NOTICE,
                f"工作表“{name}”{what_zh}，未读取",
                f"sheet {name!r} {what_en}; not read",
                location=f"sheet {name!r}",
            )
        )
    active = [
        (zh, en)
        for present, zh, en in (
            (book.macros, "宏（未运行）", "macros (not run)"),
            (
                book.external_links,
                "指向其他文件的外部链接（未跟随）",
                "links to other files (not followed)",
            ),
        )
        if present
    ]
    if active:
        found.append(
            rf.finding(
                rf.XLSX_ACTIVE,
                Severity.NOTICE,
                f"工作簿含有{'、'.join(zh for zh, _ in active)}；读取的是单元格中保存的值",
                f"the workbook holds {' and '.join(en for _, en in active)}; the values saved "
                "in its cells were read",
            )
        )
    return found


class XlsxReader:
    """Excel workbooks (``.xlsx``, ``.xlsm``) made by Excel, WPS, LibreOffice or our XLSX
    writer."""

    name = "xlsx"
    suffixes = (".xlsx", ".xlsm")

    def sniff(self, data: bytes) -> bool:
        """A zip whose central directory names ``xl/workbook.xml``."""
        return looks_like_xlsx(data)

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in a workbook, with the reader's findings.

        Raises:
            ReportReadError: not a zip, an ``.xls``, encrypted, corrupt, a zip bomb, a
                sheet beyond the limits, XML with a DOCTYPE, no report in it, or a
                collection (one department's report a sheet: :meth:`read_sheets`).
        """
        book = open_workbook(data, source)
        if book.collection:
            departments = len(book.sheets) - 1
            raise ReportReadError(
                f"{source} is a workbook of {departments} departments' reports, one "
                "a sheet: read each with read_workbook_reports(), or "
                "`govinfo-report import FILE -o FOLDER`",
                zh=f"{source} 是汇集 {departments} 个部门报告的工作簿，每个工作表一份：请用 "
                "read_workbook_reports() 逐份读取，或运行 `govinfo-report import FILE -o FOLDER`",
            )
        findings = _workbook_findings(book)
        meta, tables = _split(book)
        known, meta_findings = known_facts(meta, book.embedded, book.date1904)
        findings.extend(meta_findings)
        blocks: list[Block] = []
        budget = CellBudget(source)
        ours = book.embedded is not None  # our writer's property: our layout
        for sheet in tables:
            blocks.extend(sheet_blocks(sheet, budget, findings, whole=ours))
            formula = _formulas(sheet)
            if formula is not None:
                findings.append(formula)
        result = assemble(blocks, source=source, known=known)
        return ReadResult(result.report, (*findings, *result.findings))

    def read_sheets(
        self, data: bytes, *, source: str = "<bytes>"
    ) -> tuple[tuple[str, ReadResult], ...]:
        """Each table sheet of a workbook as its own report: (sheet name, result).

        For a collection (one department a sheet, as ``render_collection`` writes it,
        or an office's workbook laid out so): the 基本信息 sheet, if any, gives every
        report its year, format and kind; each sheet's title line its agency.

        Raises:
            ReportReadError: as :meth:`read`, but for a collection.
        """
        book = open_workbook(data, source)
        common = _workbook_findings(book)
        meta, tables = _split(book)
        known, meta_findings = known_facts(meta, None, book.date1904)
        shared = attrs.evolve(known, agency=None, title=None)
        results = []
        for sheet in tables:
            where = f"{source} [{sheet.name}]"
            findings = [*common, *meta_findings]
            blocks = sheet_blocks(sheet, CellBudget(where), findings, whole=book.collection)
            formula = _formulas(sheet)
            if formula is not None:
                findings.append(formula)
            result = assemble(blocks, source=where, known=shared)
            results.append((sheet.name, ReadResult(result.report, (*findings, *result.findings))))
        return tuple(results)


def _split(book: Workbook) -> tuple[Mapping[str, tuple[Cell, str]] | None, list[Sheet]]:
    """The 基本信息 sheet's fields (the first sheet that has them) and the table sheets
    (every other sheet, but our 检查结果)."""
    meta = None
    tables = []
    for sheet in book.sheets:
        if meta is None:
            meta = metadata_fields(sheet)
            if meta is not None:
                continue
        if is_findings_sheet(sheet):
            continue
        tables.append(sheet)
    return meta, tables


def is_collection(data: bytes) -> bool:
    """Whether ``data`` is a workbook our collection writer made (one report a sheet),
    judged by its document property alone, no sheet read (reading them is what the
    caller does next, once); False for anything that is not a workbook's package."""
    if not looks_like_xlsx(data):
        return False
    try:
        package = Package(data, "<bytes>", kind=_package.WORKBOOK)
    except ReportReadError:  # not a zip, encrypted, corrupt, a zip bomb
        return False
    custom = custom_part(opc.by_type(package, "_rels/.rels"))
    return opc.custom_property(package, custom, _embedded.COLLECTION_PROPERTY) is not None


def read_workbook_reports(source: str | Path | bytes) -> tuple[tuple[str, ReadResult], ...]:
    """Every department's report in a collection workbook, one a sheet.

    Args:
        source: the workbook's path or bytes.

    Returns:
        (sheet name, (report, findings)) for each table sheet, in order.

    Raises:
        ReportReadError: unreadable, or not a workbook (see :meth:`XlsxReader.read`).
    """
    from govinfo_report._failures import os_reason
    from govinfo_report._input import read_file
    from govinfo_report.readers._registry import MAX_SOURCE_BYTES

    if isinstance(source, bytes):
        data, label = source, "<bytes>"
    else:
        label = str(source)
        try:
            data = read_file(Path(source), MAX_SOURCE_BYTES)
        except OSError as exc:
            raise ReportReadError(
                f"cannot read {label}: {os_reason(exc)}",
                zh=f"无法读取 {label}：{os_reason(exc, 'zh')}",
            ) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise ReportReadError(
            f"{label} is larger than {MAX_SOURCE_BYTES} bytes",
            zh=f"{label} 大于 {MAX_SOURCE_BYTES} 字节",
        )
    return XlsxReader().read_sheets(data, source=label)
