"""DOCX reader benchmarks: import median ≤ 30 ms per report (issue 4).

The reports are full: a 2021-format report and a 2019-format one with every table cell
filled (non-zero, consistent totals) and a few paragraphs in each section, written by
our DocxWriter. ``docx_extract_*`` times the first half alone (unzip, parse, blocks),
``docx_read_*`` the whole import (blocks assembled into a report, embedded data
applied).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import attrs

from govinfo_report import Subsection, blank_report, fill_totals
from govinfo_report.formats import CellKind
from govinfo_report.model import Money, Report, Table
from govinfo_report.readers.docx import DocxReader, extract
from govinfo_report.writers import render

_PARAGRAPH = (
    "2023年，我局严格审签程序，全力做好政府信息公开工作。全年共审核发布各类公开政府信息249条，"
    "其中：发布行政公文和政策解读信息9条；机构设置和人事任免信息7条；重点工作39条；财政预决算信息6条。"
)


def _filled(table: Table) -> Table:
    """Every cell a distinct non-zero value (money cells with decimals)."""
    values = []
    for i, cell in enumerate(table.spec.cells, start=1):
        if cell.kind is CellKind.MONEY:
            values.append(Money(Decimal(i * 1234) / 100))
        else:
            values.append(i % 97 + 1)
    return attrs.evolve(table, values=tuple(values))


def full_report(year: int) -> Report:
    report = blank_report(year=year, agency="沭阳县发展和改革局")
    sections = tuple(
        attrs.evolve(
            section,
            paragraphs=(_PARAGRAPH,),
            subsections=(
                Subsection(heading="（一）主动公开政府信息情况", paragraphs=(_PARAGRAPH,)),
            ),
        )
        for section in report.sections
    )
    report = attrs.evolve(
        report,
        metadata=attrs.evolve(report.metadata, signing_date=dt.date(year + 1, 1, 17)),
        intro=(_PARAGRAPH,),
        sections=sections,
        proactive=_filled(report.proactive),
        applications=_filled(report.applications),
        review_litigation=_filled(report.review_litigation),
    )
    return fill_totals(report)


READER = DocxReader()
DOCX_2021 = render(full_report(2023), "docx")
DOCX_2019 = render(full_report(2020), "docx")

CASES: list[tuple[str, Callable[[], object], float | None]] = [
    ("docx_read_2021_full", lambda: READER.read(DOCX_2021, source="bench.docx"), 30_000.0),
    ("docx_read_2019_full", lambda: READER.read(DOCX_2019, source="bench.docx"), 30_000.0),
    ("docx_extract_2021_full", lambda: extract(DOCX_2021), None),
]
RATIOS: list[tuple[str, str, str, float]] = []
