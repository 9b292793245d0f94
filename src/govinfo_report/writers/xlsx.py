"""The XLSX writer: a report as the fill-in workbook offices exchange.

The workbook has a 基本信息 sheet (the report's metadata, editable), one sheet per
statistic table laid out as the official grid (:mod:`._xlsx_tables`: merged, locked
labels; validated value cells; totals as live formulas of their parts) and, when
``check(report)`` has findings, a 检查结果 sheet listing them with links to their cells.
The report's text (intro, sections) is not in it: a workbook carries the figures.

SpreadsheetML is written directly (:mod:`._xlsx_sheet`, :mod:`._xlsx_parts`): a
formula's cached value (openpyxl writes none, so a workbook would not read back before a
spreadsheet had computed it), fixed timestamps (the same report gives the same bytes)
and about a tenth of openpyxl's time. Like the DOCX writer, it records in a custom
document property (:mod:`govinfo_report._embedded`) the one thing the sideways Table 4
cannot show: which row each of its extra rows follows.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import BinaryIO, ClassVar

from govinfo_report import _embedded
from govinfo_report._spreadsheetml import IllegalTextError, ref
from govinfo_report.errors import ReportWriteError
from govinfo_report.model import Report
from govinfo_report.writers import _ooxml as ox
from govinfo_report.writers import _xlsx_parts as parts
from govinfo_report.writers import _zip
from govinfo_report.writers._xlsx_meta import findings_sheet, metadata_sheet
from govinfo_report.writers._xlsx_sheet import Sheet
from govinfo_report.writers._xlsx_tables import table_sheet


class XlsxWriter:
    """Writes a report as an Excel workbook (.xlsx).

    Args:
        findings: add the 检查结果 sheet when the report has findings.
    """

    name: ClassVar[str] = "xlsx"
    suffix: ClassVar[str] = ".xlsx"
    binary: ClassVar[bool] = True

    def __init__(self, *, findings: bool = True) -> None:
        self.findings = findings

    def write(self, report: Report, dest: BinaryIO) -> None:
        """Write ``report`` to ``dest`` as a .xlsx.

        Raises:
            ReportWriteError: the report holds text a workbook cannot contain, or an
                extra row with more values than its table has columns.
        """
        dest.write(self.render(report))

    def render(self, report: Report) -> bytes:
        """The .xlsx file for ``report``, as bytes (see :meth:`write`)."""
        where = ("the 基本信息 sheet", "“基本信息”工作表")
        try:
            sheets: list[Sheet] = [metadata_sheet(report)]
            cells: dict[str, tuple[str, str]] = {}
            for table in report.tables:
                where = (
                    f"table {table.spec.number} ({table.spec.id})",
                    f"表{table.spec.number}（{table.spec.id}）",
                )
                sheet, placed = table_sheet(table)
                sheets.append(sheet)
                for cell_id, (row, col) in placed.items():
                    cells[f"{table.spec.id}.{cell_id}"] = (sheet.name, ref(row, col))
            if self.findings:
                from govinfo_report.checks import check

                found = check(report)
                if found:
                    where = ("the 检查结果 sheet", "“检查结果”工作表")
                    sheets.append(findings_sheet(found, cells))
            where = ("the document properties", "文档属性")
            meta = report.metadata
            return _package(
                sheets,
                (_embedded.PROPERTY, _embedded.dumps(report)),
                title=report.title,
                author=meta.agency,
                stamp=ox.stamp(meta.signing_date, meta.year),
            )
        except (IllegalTextError, ox.IllegalTextError) as exc:
            raise ReportWriteError(
                f"cannot write {where[0]} as XLSX: {exc}", zh=f"无法把{where[1]}写成 XLSX：{exc}"
            ) from None


def render_collection(form: Report, departments: Sequence[str]) -> bytes:
    """The collection workbook of ``departments``: one sheet each, holding ``form``'s
    Tables 2, 3 and 4 under a title naming the department and the year, and one shared
    基本信息 sheet (year, format, agency kind). The XLSX reader's
    :func:`~govinfo_report.readers.read_workbook_reports` reads each sheet back as the
    department's report; :func:`~govinfo_report.aggregate` sums them.

    Args:
        form: the report whose tables every department gets (a blank form, usually);
            its agency is not used.
        departments: the departments' full names, in order.

    Raises:
        ReportWriteError: no department, a name empty or listed twice, or text a
            workbook cannot hold.
    """
    from govinfo_report.writers._xlsx_collection import collection_sheets

    try:
        sheets = collection_sheets(form, departments)
        meta = form.metadata
        return _package(
            sheets,
            (_embedded.COLLECTION_PROPERTY, str(len(departments))),
            title=f"{meta.year}年政府信息公开工作年度报告统计表",
            author="",
            stamp=ox.stamp(None, meta.year),
        )
    except (IllegalTextError, ox.IllegalTextError) as exc:
        raise ReportWriteError(
            f"cannot write the collection as XLSX: {exc}", zh=f"无法把汇集表写成 XLSX：{exc}"
        ) from None


def _package(
    sheets: Sequence[Sheet], prop: tuple[str, str], *, title: str, author: str, stamp: str
) -> bytes:
    """The .xlsx of ``sheets``, with the custom document property ``prop`` (name, value)."""
    custom = ox.custom_part([ox.custom_property(2, *prop)])
    package = [
        ("[Content_Types].xml", parts.content_types(len(sheets))),
        ("_rels/.rels", parts.package_rels()),
        ("docProps/app.xml", parts.app()),
        ("docProps/core.xml", ox.core_part(title=title, author=author, stamp=stamp)),
        ("docProps/custom.xml", custom),
        ("xl/workbook.xml", parts.workbook(sheets)),
        ("xl/_rels/workbook.xml.rels", parts.workbook_rels(len(sheets))),
        ("xl/styles.xml", parts.styles()),
        *((f"xl/worksheets/sheet{i}.xml", s.xml()) for i, s in enumerate(sheets, 1)),
    ]
    buffer = io.BytesIO()
    _zip.write_parts(package, buffer)
    return buffer.getvalue()
