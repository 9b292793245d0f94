"""Our workbook's own sheets: 基本信息 read into a :class:`~._known.Known`, 检查结果 told
apart (and not read: it lists the findings as they were when the workbook was written).

The 基本信息 sheet is found by its labels (:data:`govinfo_report._workbook.FIELDS`), in
any column of any sheet, its values in the cell to their right (of a merged label, right
of its area); a renamed sheet or
reordered rows still read. Every value is read as an office may have typed it: a year
as a number or as text (``2024``, ``2024年``), a date as a spreadsheet date or as text
(``2025-01-20``, ``2025年1月20日``), an agency kind by its label or its id. A value that
cannot be read is a finding (``R.XLSX.META``) and left to the engine, which reads or
infers it as for any document. Which row each of Table 4's extra rows follows, which the
sheet cannot show, comes from our document property (:mod:`govinfo_report._embedded`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from govinfo_report import _embedded
from govinfo_report._spreadsheetml import ref
from govinfo_report._workbook import AGENCY_KINDS, FIELDS, FINDINGS_HEADER
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import CellKind, FormatVersion
from govinfo_report.model import AgencyKind, Contact, Money, ProcessingFee
from govinfo_report.model.report import MAX_YEAR, MIN_YEAR
from govinfo_report.readers import _findings as rf
from govinfo_report.readers import _meta
from govinfo_report.readers._cells import parse
from govinfo_report.readers._known import Known, from_unprinted, identity
from govinfo_report.readers._labels import normalize
from govinfo_report.readers._xlsx_package import Cell, Sheet

_LABELS: Final = {normalize(field.label): field.key for field in FIELDS}
_MIN_LABELS: Final = 3
"""Labels of :data:`FIELDS` a column must hold to be the 基本信息 sheet's."""
_YEAR: Final = re.compile(r"\s*(\d{1,4})\s*年?\s*")
_VERSION: Final = re.compile(r"\s*(\d{4})")


def _problem(label: str, text: str, expected: str, where: str) -> Finding:
    return rf.finding(
        rf.XLSX_META,
        Severity.WARNING,
        f"基本信息表“{label}”的值“{text}”无法读取（应为{expected}），未采用",
        f"the 基本信息 sheet's {label} {text!r} could not be read (expected {expected}); not used",
        location=where,
        reported=text,
        uncertain=True,
    )


def metadata_fields(sheet: Sheet) -> dict[str, tuple[Cell, str]] | None:
    """``{field key: (value cell, its reference)}`` if ``sheet`` is a 基本信息 sheet."""
    columns: dict[int, dict[str, tuple[int, int]]] = {}
    for (row, col), cell in sheet.cells.items():
        key = _LABELS.get(normalize(cell.text)) if cell.text else None
        if key is not None:
            columns.setdefault(col, {}).setdefault(key, (row, col))
    best = max(columns.values(), key=len, default={})
    if len(best) < _MIN_LABELS:
        return None
    # The value is right of the label, or of the label's merged area.
    ends = {(m[0], m[1]): m[3] for m in sheet.merges}
    fields = {}
    for key, (row, col) in best.items():
        at = ends.get((row, col), col) + 1
        fields[key] = (sheet.cells.get((row, at), Cell("")), f"sheet {sheet.name!r} {ref(row, at)}")
    return fields


def is_findings_sheet(sheet: Sheet) -> bool:
    """Whether ``sheet`` is our 检查结果 sheet: its first line is our header."""
    if not sheet.cells:
        return False
    first = min(row for row, _ in sheet.cells)
    texts = {cell.text.strip() for (row, _), cell in sheet.cells.items() if row == first}
    return len(texts & set(FINDINGS_HEADER)) >= len(FINDINGS_HEADER) - 1


def serial_date(number: Decimal, date1904: bool) -> dt.date | None:
    """The day a spreadsheet date number stands for, or ``None`` if it is none."""
    days = int(number)
    if date1904:
        base = dt.date(1904, 1, 1)
    elif days >= 61:
        base = dt.date(1899, 12, 30)  # 1900 counted as a leap year: 60 is 1900-02-29
    elif 1 <= days < 60:
        base = dt.date(1899, 12, 31)
    else:
        return None
    try:
        return base + dt.timedelta(days=days)
    except OverflowError:
        return None


class _Reader:
    """Reads the values of one 基本信息 sheet, collecting the problems."""

    def __init__(self, fields: Mapping[str, tuple[Cell, str]], date1904: bool) -> None:
        self.fields = fields
        self.date1904 = date1904
        self.findings: list[Finding] = []
        self.labels = {field.key: field.label for field in FIELDS}

    def text(self, key: str) -> str | None:
        cell, _ = self.fields.get(key, (Cell(""), ""))
        return cell.text if cell.text.strip() else None

    def fail(self, key: str, expected: str) -> None:
        cell, where = self.fields[key]
        self.findings.append(_problem(self.labels[key], cell.text, expected, where))

    def year(self) -> int | None:
        text = self.text("year")
        if text is None:
            return None
        match = _YEAR.fullmatch(text)
        if match is not None and MIN_YEAR <= int(match[1]) <= MAX_YEAR:
            return int(match[1])
        self.fail("year", f"{MIN_YEAR}至{MAX_YEAR}之间的年度")
        return None

    def version(self) -> FormatVersion | None:
        text = self.text("format_version")
        if text is None:
            return None
        match = _VERSION.match(text)
        values = {v.value for v in FormatVersion}
        if match is not None and match[1] in values:
            return FormatVersion(match[1])
        self.fail("format_version", "、".join(sorted(values)))
        return None

    def kind(self) -> AgencyKind | None:
        text = self.text("agency_kind")
        if text is None:
            return None
        found = AGENCY_KINDS.get(text.strip())
        if found is None:
            found = next((k for k in AgencyKind if k.value == text.strip()), None)
        if found is None:
            self.fail("agency_kind", "、".join(AGENCY_KINDS))
        return found

    def date(self, key: str) -> dt.date | None:
        cell, _ = self.fields.get(key, (Cell(""), ""))
        if cell.number is not None:
            day = serial_date(cell.number, self.date1904)
        elif cell.text.strip():
            parsed = _meta.parse_date(cell.text)
            day = parsed if isinstance(parsed, dt.date) else None
        else:
            return None
        if day is None:
            self.fail(key, "日期，如 2025-01-20")
        return day

    def contact(self, record: Contact | None) -> Contact | None:
        values = {a.name: self.text(f"contact.{a.name}") for a in attrs.fields(Contact)}
        if any(v is not None for v in values.values()):
            return Contact(**values)
        # Contact() and no contact look the same on the sheet: the record tells.
        return record if record == Contact() else None

    def fee(self) -> ProcessingFee | None:
        amount_text = self.text("processing_fee.amount")
        count_text = self.text("processing_fee.applications")
        amount: Decimal | None = None
        if amount_text is not None:
            value = parse(amount_text, CellKind.MONEY)
            if isinstance(value, Money) and value.unit in (None, "元") and value.amount >= 0:
                amount = value.amount
            else:
                self.fail("processing_fee.amount", "以元为单位、不小于 0 的金额")
        count: int | None = None
        if count_text is not None:
            value = parse(count_text, CellKind.COUNT)
            if isinstance(value, int) and value >= 0:
                count = value
            else:
                self.fail("processing_fee.applications", "不小于 0 的整数")
        if amount is None:
            if count is not None:
                self.fail("processing_fee.applications", "与信息处理费金额一同填写")
            return None
        return ProcessingFee(amount=amount, applications=count)


def _record(embedded: str | None) -> tuple[Any, str | None]:
    """Our document property as data, and why it is unusable (if it is)."""
    if embedded is None:
        return None, None
    try:
        return json.loads(embedded), None
    except json.JSONDecodeError as exc:
        return None, f"not JSON: {exc.msg}"


def _record_finding(problem: str) -> Finding:
    return rf.finding(
        rf.XLSX_META,
        Severity.WARNING,
        f"文档属性 {_embedded.PROPERTY} 无法读取，已忽略（{problem}）",
        f"the {_embedded.PROPERTY} document property is unreadable and was ignored ({problem})",
        location="docProps/custom.xml",
        uncertain=True,
    )


def known_facts(
    fields: Mapping[str, tuple[Cell, str]] | None, embedded: str | None, date1904: bool
) -> tuple[Known, list[Finding]]:
    """What the 基本信息 sheet (``fields``) and our document property tell the engine.

    Without the sheet, the property alone is read, as the DOCX reader reads it.
    """
    data, problem = _record(embedded)
    findings = [_record_finding(problem)] if problem else []
    recorded = None
    if data is not None:
        found = identity(data)
        try:
            recorded = from_unprinted(
                data, agency=found[0] if found else None, year=found[1] if found else None
            )
        except (ValueError, TypeError, KeyError, ExceptionGroup) as exc:
            findings.append(_record_finding(str(exc) or type(exc).__name__))
    if fields is None:
        return attrs.evolve(recorded or Known(), prints_text=False), findings
    reader = _Reader(fields, date1904)
    known = Known(
        agency=reader.text("agency"),
        year=reader.year(),
        format_version=reader.version(),
        agency_kind=reader.kind(),
        publication_date=reader.date("publication_date"),
        signing_date=reader.date("signing_date"),
        title=reader.text("title"),
        contact=reader.contact(recorded.contact if recorded else None),
        states_fee=True,
        processing_fee=reader.fee(),
        sideways_after=recorded.sideways_after if recorded else None,
        prints_text=False,
    )
    return known, [*findings, *reader.findings]


__all__ = ["is_findings_sheet", "known_facts", "metadata_fields", "serial_date"]
