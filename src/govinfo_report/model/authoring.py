"""Authoring help, always an explicit call: a blank report, and totals from their parts.

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
from govinfo_report.model.report import AgencyKind, Metadata, Report, Section
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
