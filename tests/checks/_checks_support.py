"""Reports for the checks' tests: a clean one of either format, and ways to break it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from govinfo_report import (
    AgencyKind,
    CellValue,
    FormatVersion,
    ProcessingFee,
    Report,
    Section,
    blank_report,
)
from govinfo_report.checks import Finding

OVERVIEW = "本机关全面落实《条例》要求，工作考核、社会评议和责任追究情况良好。"
FEE = "本年度未收取信息处理费。"


def clean_report(
    version: FormatVersion | str = "2021",
    *,
    year: int | None = None,
    kind: AgencyKind = AgencyKind.DEPARTMENT,
) -> Report:
    """A report with every cell 0, text in every section, signed on time: no findings."""
    version = FormatVersion(version)
    year = year or (2023 if version is FormatVersion.V2021 else 2020)
    report = blank_report(version, year=year, agency="某县某局", agency_kind=kind, fill=0)
    texts = {"overview": OVERVIEW, "problems": "存在的主要问题……", "other": FEE}
    sections = tuple(
        Section(id=s.id, heading=s.heading, paragraphs=(texts[s.id],) if s.id in texts else ())
        for s in report.sections
    )
    return attrs.evolve(
        report,
        metadata=attrs.evolve(report.metadata, signing_date=dt.date(year + 1, 1, 15)),
        sections=sections,
        processing_fee=ProcessingFee(amount=Decimal(0)),
    )


def with_cells(report: Report, cells: Mapping[str, CellValue]) -> Report:
    """``report`` with the cells at ``table.row.column`` paths set to the given values."""
    changes: dict[str, dict[str, CellValue]] = {}
    for path, value in cells.items():
        table_id, _, cell_id = path.partition(".")
        changes.setdefault(table_id, {})[cell_id] = value
    return attrs.evolve(report, **{t: report.table(t).replace(c) for t, c in changes.items()})


def with_meta(report: Report, **changes: object) -> Report:
    """``report`` with its metadata changed."""
    return attrs.evolve(report, metadata=attrs.evolve(report.metadata, **changes))


def of_code(findings: Iterable[Finding], code: str) -> list[Finding]:
    """The findings with ``code``."""
    return [f for f in findings if f.code == code]


def codes(findings: Iterable[Finding]) -> set[str]:
    """The codes that occur in ``findings``."""
    return {f.code for f in findings}
