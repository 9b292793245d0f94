"""Benchmarks of the validator: full validation of a report with every cell filled.

Run by ``benchmarks/run.py`` (CASES / RATIOS contract), or on its own with
``python benchmarks/bench_checks.py``. The reports are built here, deterministically,
so the figures do not depend on the example files: every leaf cell holds a different
non-zero number, the totals come from ``fill_totals``, 四、结转下年度继续办理 is chosen so
that T3.1 holds, and every section has text — a consistent report, the case a
validator meets most when it checks thousands of published reports. A second case
checks the same report with one wrong total, and a third with the 法人或其他组织
columns left blank, the commonest real-world defect. The last is a report as published:
``examples/dongtou_2020.yaml``, read from the 洞头区政务服务中心's page, whose tables are
mostly blank (198 findings: 156 blank cells, 42 sums that cannot be checked or fail).
"""

from __future__ import annotations

import datetime as dt
import statistics
import timeit
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs

from govinfo_report import (
    BLANK,
    AgencyKind,
    FormatVersion,
    Money,
    ProcessingFee,
    Report,
    Section,
    blank_report,
    fill_totals,
    load,
)
from govinfo_report.checks import check
from govinfo_report.formats import CellKind
from govinfo_report.model.authoring import TABLE3_DATA_COLUMNS, outcome_rows


def full_report(version: FormatVersion) -> Report:
    """A consistent report of ``version`` with a non-zero number in every cell."""
    year = 2023 if version is FormatVersion.V2021 else 2020
    report = blank_report(
        version, year=year, agency="某市某局", agency_kind=AgencyKind.GOVERNMENT, fill=0
    )
    tables = {}
    for table in report.tables:
        values = []
        for cell in table.spec.cells:
            n = 3 + cell.index % 17
            if cell.kind is CellKind.MONEY:
                values.append(Money(Decimal(n) + Decimal("0.25")))
            elif cell.kind is CellKind.SIGNED_COUNT:
                values.append(1 - cell.index % 3)
            else:
                values.append(n)
        tables[table.spec.id] = table.replace(
            {c.id: v for c, v in zip(table.spec.cells, values, strict=True)}
        )
    t2 = tables["proactive"]
    if version is FormatVersion.V2021:  # in force ≥ issued − repealed (X.2)
        t2 = t2.replace({f"{r}.in_force": 40 for r in ("rules", "normative_documents")})
    else:  # made, published ≤ total published (S.1)
        t2 = t2.replace({f"{r}.total_published": 40 for r in ("rules", "normative_documents")})
    t3 = tables["applications"]
    changes = {}
    for column in TABLE3_DATA_COLUMNS:
        outcomes = sum(t3.get(r, column) for r in outcome_rows(t3))  # type: ignore[misc]
        carried = t3.get("carried_over", column)
        changes[f"new_received.{column}"] = outcomes + 5 - carried  # type: ignore[operator]
        changes[f"carried_forward.{column}"] = 5
    t3 = t3.replace(changes)
    text = "本机关工作考核、社会评议和责任追究情况良好，全年未收取信息处理费。"
    sections = tuple(
        Section(id=s.id, heading=s.heading, paragraphs=(text,) if s.table is None else ())
        for s in report.format.sections
    )
    report = attrs.evolve(
        report,
        metadata=attrs.evolve(report.metadata, signing_date=dt.date(year + 1, 1, 20)),
        sections=sections,
        proactive=t2,
        applications=t3,
        review_litigation=tables["review_litigation"],
        processing_fee=ProcessingFee(amount=Decimal(0)),
    )
    return fill_totals(report)


FULL_2021 = full_report(FormatVersion.V2021)
FULL_2019 = full_report(FormatVersion.V2019)
ONE_WRONG_2021 = attrs.evolve(
    FULL_2021,
    applications=FULL_2021.applications.replace({"total_outcomes.natural_person": 0}),
)
LEGAL_BLANK_2021 = attrs.evolve(
    FULL_2021,
    applications=FULL_2021.applications.replace(
        {
            f"{row.id}.{column}": BLANK
            for row in FULL_2021.applications.spec.rows
            for column in TABLE3_DATA_COLUMNS[1:]
        }
    ),
)

CASES: list[tuple[str, Callable[[], object], float | None]] = [
    ("validate 2021 full", lambda: check(FULL_2021), 50.0),
    ("validate 2019 full", lambda: check(FULL_2019), 50.0),
    ("validate 2021 one wrong total", lambda: check(ONE_WRONG_2021), None),
    ("validate 2021 legal-person columns blank", lambda: check(LEGAL_BLANK_2021), None),
]
RATIOS: list[tuple[str, str, str, float]] = []

PUBLISHED_2020 = load(Path(__file__).resolve().parent.parent / "examples" / "dongtou_2020.yaml")
CASES.append(("validate 2020 as published (198 findings)", lambda: check(PUBLISHED_2020), None))


def _median_us(fn: Callable[[], object], number: int = 2000, repeat: int = 15) -> float:
    runs = timeit.repeat(fn, number=number, repeat=repeat)
    return statistics.median(runs) / number * 1e6


if __name__ == "__main__":
    assert not check(FULL_2021), check(FULL_2021)
    assert not check(FULL_2019), check(FULL_2019)
    for name, fn, target in CASES:
        median = _median_us(fn, number=200 if target is None else 2000)
        goal = f" (target {target:g} µs)" if target is not None else ""
        print(f"{name:45s} {median:9.2f} µs{goal}")
