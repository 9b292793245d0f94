"""Authoring help, always an explicit call: a blank report, next year's report started
from last year's, and totals from their parts.

Nothing here runs on construction. An author who enters only leaf cells calls
:func:`fill_totals` to compute every 总计; a reader never does, since a published
report must be held as it was printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple, overload

import attrs

from govinfo_report.formats import FormatVersion, format_for_year, get_format
from govinfo_report.model.cells import BLANK, CellValue, Empty
from govinfo_report.model.report import AgencyKind, Metadata, Report, Section, check_year
from govinfo_report.model.table import Table


def blank_report(
    version: FormatVersion | str | None = None,
    *,
    year: int,
    agency: str = "",
    agency_kind: AgencyKind = AgencyKind.DEPARTMENT,
    fill: CellValue = BLANK,
) -> Report:
    """A report to fill in: six sections with their standard headings and no text, and
    every table cell set to ``fill`` (blank by default, or e.g. ``0``).

    Args:
        version: the format; by default the one prescribed for ``year``.
        year: the year reported on.
        agency: the agency's full name.
        agency_kind: decides deadline and required content.
        fill: initial value of every cell.
    """
    spec = format_for_year(year) if version is None else get_format(version)
    return Report(
        metadata=Metadata(
            agency=agency,
            year=year,
            format_version=spec.version,
            agency_kind=agency_kind,
            signing_date=None,
        ),
        sections=tuple(Section(id=s.id, heading=s.heading) for s in spec.sections),
        proactive=Table.blank(spec.proactive, fill),
        applications=Table.blank(spec.applications, fill),
        review_litigation=Table.blank(spec.review_litigation, fill),
    )


def next_report(
    previous: Report, *, year: int | None = None, version: FormatVersion | str | None = None
) -> Report:
    """This year's report started from last year's, to fill in.

    Carried over: the agency, its kind and contact details; the sections with their
    headings and sub-headings as last year's report has them (no text; a standard
    section it lacks is added); Table 3's 二、上年结转 = last year's 四、结转下年度继续办理,
    column by column; in the 2021 format, Table 2's 现行有效件数 of 规章 and 行政规范性文件
    as last year's stock; in the 2019 format, Table 2's 上一年项目数量 = last year's
    上一年项目数量 + 本年增/减 where both are numbers. Every other cell is blank (the leaf
    cells to fill in, the totals for :func:`fill_totals`); no intro, dates, custom title,
    extra rows or 信息处理费. The result passes rule X.1 against ``previous``.

    Args:
        previous: last year's report.
        year: the year of the new report; by default the year after ``previous``'s.
        version: its format; by default the one prescribed for ``year``. Table 2 carries
            over only when last year's report is in the same format.

    Raises:
        ReportValueError: the year is outside 1–9998.
        UnknownFormatError: no format covers the year, and ``version`` is not given.
    """
    year = check_year(previous.metadata.year + 1 if year is None else year)
    spec = format_for_year(year) if version is None else get_format(version)
    before = previous.metadata
    sections: list[Section] = []
    for section in previous.sections:
        # The headings stay (the level-3 ones too), the text goes: this year writes its own.
        subsections = tuple(
            attrs.evolve(
                s,
                paragraphs=(),
                subsections=tuple(attrs.evolve(t, paragraphs=()) for t in s.subsections),
            )
            for s in section.subsections
        )
        sections.append(Section(id=section.id, heading=section.heading, subsections=subsections))
    report = Report(
        metadata=Metadata(
            agency=before.agency,
            year=year,
            format_version=spec.version,
            agency_kind=before.agency_kind,
            contact=before.contact,
        ),
        sections=tuple(sections),
        proactive=Table.blank(spec.proactive),
        applications=Table.blank(spec.applications),
        review_litigation=Table.blank(spec.review_litigation),
    )
    for standard in spec.sections:
        if report.section(standard.id) is None:
            report = report.with_section(standard.id)
    carried: dict[str, CellValue] = {}
    last = previous.applications
    for column in report.applications.spec.groups[0].columns:
        carried[f"applications.carried_over.{column.id}"] = last.get("carried_forward", column.id)
    if previous.format is spec:
        table2 = previous.proactive
        for row in spec.proactive.rows:
            if f"{row.id}.in_force" in table2.spec.index:
                carried[f"proactive.{row.id}.in_force"] = table2.get(row.id, "in_force")
            if f"{row.id}.items_last_year" in table2.spec.index:
                stock = _sum([table2.get(row.id, "items_last_year"), table2.get(row.id, "change")])
                carried[f"proactive.{row.id}.items_last_year"] = stock
    return report.with_cells(carried)


def _sum(values: Sequence[CellValue]) -> CellValue:
    """The sum of the parts, or blank when any part is not a number (no guessing)."""
    total = 0
    for value in values:
        if isinstance(value, Empty) or not isinstance(value, int):
            return BLANK
        total += value
    return total


TABLE3_DATA_COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_interest_org",
    "legal_service_org",
    "other_org",
)
TABLE4_PARTS = ("upheld", "corrected", "other", "pending")


def outcome_rows(table: Table) -> tuple[str, ...]:
    """The detail rows of 三、本年度办理结果 that （七）总计 adds up, in order."""
    head = table.spec.cell("total_outcomes.total").row.label_path[0]
    return tuple(
        r.id for r in table.spec.rows if r.label_path[0] == head and r.id != "total_outcomes"
    )


class TotalChange(NamedTuple):
    """A total :func:`fill_totals` changed: its path, what it held, what it holds now."""

    path: str
    """``table.row.column``, e.g. ``applications.total_outcomes.natural_person``."""
    before: CellValue
    after: CellValue


@overload
def fill_totals(report: Report, *, changed: Literal[False] = ...) -> Report: ...


@overload
def fill_totals(
    report: Report, *, changed: Literal[True]
) -> tuple[Report, tuple[TotalChange, ...]]: ...


def fill_totals(
    report: Report, *, changed: bool = False
) -> Report | tuple[Report, tuple[TotalChange, ...]]:
    """Every 总计 computed from its parts; all other cells unchanged.

    - Table 3: （七）总计 = the sum of the outcome rows, per applicant column; then the
      总计 column = the sum of the six applicant columns, per row.
    - Table 4: each group's 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

    A total whose parts are not all numbers becomes blank rather than a guess.
    四、结转下年度继续办理 is not a total: it is the author's figure, which rule T3.1
    checks against the others.

    With ``changed=True`` the result is ``(report, changes)``: every total whose value
    changed, as a :class:`TotalChange` in document order, so that a total the author
    typed and the parts contradict (or a typed total whose parts are blank, which
    becomes blank) is not overwritten unseen.
    """
    t3 = report.applications
    changes: dict[str, CellValue] = {}
    detail = outcome_rows(t3)
    for column in TABLE3_DATA_COLUMNS:
        changes[f"total_outcomes.{column}"] = _sum([t3.get(r, column) for r in detail])
    t3 = t3.replace(changes)
    t3 = t3.replace(
        {
            f"{row.id}.total": _sum([t3.get(row.id, c) for c in TABLE3_DATA_COLUMNS])
            for row in t3.spec.rows
        }
    )
    t4 = report.review_litigation
    t4 = t4.replace(
        {f"{row.id}.total": _sum([t4.get(row.id, c) for c in TABLE4_PARTS]) for row in t4.spec.rows}
    )
    filled = attrs.evolve(report, applications=t3, review_litigation=t4)
    if not changed:
        return filled
    return filled, _changes(report, filled)


def _changes(before: Report, after: Report) -> tuple[TotalChange, ...]:
    found: list[TotalChange] = []
    for old, new in (
        (before.applications, after.applications),
        (before.review_litigation, after.review_litigation),
    ):
        for cell, was, now in zip(old.spec.cells, old.values, new.values, strict=True):
            if was != now or type(was) is not type(now):
                found.append(TotalChange(f"{old.spec.id}.{cell.id}", was, now))
    return tuple(found)
