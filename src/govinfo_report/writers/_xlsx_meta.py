"""The workbook's own sheets: 基本信息 (the report's metadata) and 检查结果 (findings).

基本信息 has one row per field of :data:`govinfo_report._workbook.FIELDS`: the label
(locked), the value (unlocked, validated where a list or a range applies: the agency
kinds, the formats, the year) and a hint for whoever fills it in. Everything a report
holds besides its text and tables is there, visible and editable: agency, kind, year,
format, a custom title, the signing and publication dates, the contact details and the
信息处理费. 检查结果 lists ``check(report)``'s findings as the workbook was written, each
with a link to the cell it names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from govinfo_report._workbook import (
    FIELDS,
    FINDINGS_HEADER,
    FINDINGS_SHEET,
    METADATA_HEADER,
    METADATA_SHEET,
    SEVERITY_LABELS,
    STATUS_LABELS,
)
from govinfo_report.findings import Finding
from govinfo_report.formats import FORMATS
from govinfo_report.model import AgencyKind, Report
from govinfo_report.model.report import MAX_YEAR, MIN_YEAR
from govinfo_report.writers._xlsx_parts import Style, location
from govinfo_report.writers._xlsx_sheet import Sheet, Validation

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FIRST_SERIAL_DATE = dt.date(1900, 3, 1)
"""Excel counts 1900 as a leap year: serial numbers are right from this day on."""


def _list(items: Sequence[str]) -> str:
    return '"' + ",".join(items) + '"'


_VALIDATIONS: Mapping[str, tuple[str, str, str, str, str]] = {
    # key: (kind, formula, maximum, prompt, error)
    "agency_kind": (
        "list",
        _list([kind.label for kind in AgencyKind]),
        "",
        "从列表中选择",
        "请从列表中选择机关类型",
    ),
    "format_version": (
        "list",
        _list(sorted(v.value for v in FORMATS)),
        "",
        "从列表中选择",
        "请从列表中选择报告格式",
    ),
    "year": ("whole", str(MIN_YEAR), str(MAX_YEAR), "四位数字的年度", "请填写年度，如 2024"),
    "processing_fee.amount": ("decimal", "0", "", "单位：元", "请填写不小于 0 的金额"),
    "processing_fee.applications": ("whole", "0", "", "件数", "请填写不小于 0 的整数"),
}


def _value(report: Report, key: str) -> object:
    meta = report.metadata
    if key == "agency_kind":
        return meta.agency_kind.label
    if key == "format_version":
        return meta.format_version.value
    group, _, name = key.partition(".")
    if name:
        holder = meta.contact if group == "contact" else report.processing_fee
        return None if holder is None else getattr(holder, name)
    return getattr(meta, key)


def metadata_sheet(report: Report) -> Sheet:
    """The 基本信息 sheet of ``report``."""
    sheet = Sheet(METADATA_SHEET, (24, 34, 40))
    sheet.protected = sheet.fit_width = True
    sheet.frozen_rows = 1
    for col, text in enumerate(METADATA_HEADER):
        sheet.text(0, col, text, Style.HEAD)
    for row, field in enumerate(FIELDS, 1):
        sheet.text(row, 0, field.label, Style.LABEL_LEFT)
        value = _value(report, field.key)
        if isinstance(value, dt.date):
            if value >= _FIRST_SERIAL_DATE:
                sheet.number(row, 1, (value - _EXCEL_EPOCH).days, Style.DATE)
            else:  # before any date a spreadsheet counts: written out
                sheet.text(row, 1, value.isoformat(), Style.DATE)
        elif isinstance(value, str):
            sheet.text(row, 1, value, Style.FIELD)
            sheet.fit(row, 1, value)
        elif value is None:
            sheet.blank(row, 1, Style.FIELD)
        else:
            sheet.number(row, 1, value, Style.FIELD)  # type: ignore[arg-type]
        sheet.text(row, 2, field.hint, Style.HINT)
        sheet.fit(row, 2, field.hint)
        rule = _VALIDATIONS.get(field.key)
        if rule is not None:
            kind, formula, maximum, prompt, error = rule
            sheet.validations.append(
                Validation(
                    areas=((row, 1, row, 1),),
                    kind=kind,
                    formula=formula,
                    maximum=maximum,
                    prompt=prompt,
                    error=error,
                )
            )
    return sheet


def _cells(paths: Sequence[str]) -> str:
    """The cell a finding is about, and how many more it names."""
    if not paths:
        return ""
    more = f"\n（另 {len(paths) - 1} 个）" if len(paths) > 1 else ""
    return paths[0] + more


def findings_sheet(findings: Sequence[Finding], cells: Mapping[str, tuple[str, str]]) -> Sheet:
    """The 检查结果 sheet: one row per finding; ``cells`` maps a cell's path to its
    sheet and reference, for the link to the cell a finding is about (its first)."""
    sheet = Sheet(FINDINGS_SHEET, (10, 6, 8, 46, 48, 48))
    sheet.fit_width = sheet.landscape = True
    sheet.frozen_rows = 1
    for col, text in enumerate(FINDINGS_HEADER):
        sheet.text(0, col, text, Style.HEAD)
    for row, finding in enumerate(findings, 1):
        texts = (
            finding.code,
            SEVERITY_LABELS[finding.severity],
            STATUS_LABELS[finding.status.value],
            _cells(finding.paths),
            finding.message_zh,
            finding.message_en,
        )
        for col, text in enumerate(texts):
            target = cells.get(finding.paths[0]) if col == 3 and finding.paths else None
            style = Style.LINK if target is not None else Style.NOTE
            sheet.text(row, col, text, style)
            sheet.fit(row, col, text)
            if target is not None:
                sheet.link(row, col, location(*target))
    return sheet


__all__ = ["findings_sheet", "metadata_sheet"]
