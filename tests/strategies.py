"""Hypothesis strategies: reports of both formats, consistent or arbitrary.

``consistent_reports()`` builds reports whose every 勾稽关系 holds: leaf cells are drawn,
四、结转下年度继续办理 is chosen so that T3.1 holds, and :func:`fill_totals` computes every
total. ``reports()`` builds anything the model can hold: wrong totals, blanks, "/",
negative counts, extra rows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from govinfo_report import (
    BLANK,
    NOT_APPLICABLE,
    AgencyKind,
    Contact,
    ExtraRow,
    FormatVersion,
    Metadata,
    Money,
    ProcessingFee,
    Report,
    Section,
    Subsection,
    Table,
    fill_totals,
    get_format,
)
from govinfo_report.formats import CellKind, TableSpec
from govinfo_report.model.authoring import TABLE3_DATA_COLUMNS, TABLE4_PARTS, outcome_rows

# Printable text without control characters or surrogates: what a report can contain.
text = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x00\ufffe\uffff"
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s != "")
chinese = st.text(
    alphabet=st.sampled_from(
        "政府信息公开工作年度报告本机关依申请主动办理结果一二三四五六七八九十年月日（）。，、；："
    ),
    min_size=1,
    max_size=60,
)
paragraph = st.one_of(chinese, text)

versions = st.sampled_from(list(FormatVersion))
counts = st.integers(min_value=0, max_value=5000)
amounts = st.decimals(
    min_value=0, max_value=Decimal("99999.999"), places=3, allow_nan=False, allow_infinity=False
)


def _money(draw: st.DrawFn) -> Money:
    unit = draw(st.sampled_from([None, None, "元", "万元"]))
    return Money(draw(amounts), unit)


@st.composite
def metadata(draw: st.DrawFn, version: FormatVersion) -> Metadata:
    spec = get_format(version)
    year = draw(st.integers(spec.first_year, spec.last_year or 2030))
    return Metadata(
        agency=draw(chinese),
        year=year,
        format_version=version,
        agency_kind=draw(st.sampled_from(list(AgencyKind))),
        signing_date=draw(
            st.one_of(st.none(), st.dates(dt.date(year + 1, 1, 1), dt.date(year + 1, 3, 31)))
        ),
        publication_date=draw(
            st.one_of(st.none(), st.dates(dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31)))
        ),
        title=draw(st.one_of(st.none(), chinese)),
        contact=draw(
            st.one_of(
                st.none(),
                st.builds(
                    Contact,
                    office=st.one_of(st.none(), chinese),
                    address=st.one_of(st.none(), chinese),
                    postcode=st.one_of(st.none(), st.from_regex(r"\A[0-9]{6}\Z")),
                    phone=st.one_of(st.none(), st.from_regex(r"\A0[0-9]{2,3}-[0-9]{7,8}\Z")),
                    email=st.none(),
                ),
            )
        ),
    )


level3 = st.builds(
    Subsection,
    heading=chinese.map(lambda s: "1." + s),
    paragraphs=st.lists(paragraph, max_size=2).map(tuple),
    run_in=st.booleans(),
)
"""A level-3 heading (1.…), some run into their first paragraph."""


@st.composite
def sections(draw: st.DrawFn, version: FormatVersion) -> tuple[Section, ...]:
    out = []
    for spec in get_format(version).sections:
        subs = draw(
            st.lists(
                st.builds(
                    Subsection,
                    heading=chinese.map(lambda s: "（一）" + s),
                    paragraphs=st.lists(paragraph, max_size=2).map(tuple),
                    run_in=st.booleans(),
                    subsections=st.lists(level3, max_size=2),
                ),
                max_size=2,
            )
        )
        out.append(
            Section(
                id=spec.id,
                heading=spec.heading,
                paragraphs=tuple(draw(st.lists(paragraph, min_size=0 if subs else 1, max_size=3))),
                subsections=tuple(subs),
                closing=tuple(draw(st.lists(paragraph, max_size=2))),
            )
        )
    return tuple(out)


@st.composite
def any_table(draw: st.DrawFn, spec: TableSpec) -> Table:
    """Any values at all: numbers (some negative), blanks, '/', plus maybe extra rows."""
    values = []
    for cell in spec.cells:
        if cell.kind is CellKind.MONEY:
            values.append(
                draw(
                    st.one_of(
                        st.builds(lambda: None).map(lambda _: BLANK),
                        st.just(NOT_APPLICABLE),
                        st.builds(_money_value, amounts),
                    )
                )
            )
        else:
            values.append(
                draw(st.one_of(st.just(BLANK), st.just(NOT_APPLICABLE), st.integers(-50, 5000)))
            )
    extra = draw(
        st.lists(
            st.builds(
                ExtraRow,
                label=chinese,
                values=st.lists(st.one_of(counts, st.just(BLANK)), max_size=3).map(tuple),
                after=st.sampled_from([None, *(r.id for r in spec.rows)]),
            ),
            max_size=2,
        )
    )
    return Table(spec=spec, values=tuple(values), extra_rows=tuple(extra))


def _money_value(amount: Decimal) -> Money:
    return Money(amount)


@st.composite
def leaf_table(draw: st.DrawFn, spec: TableSpec) -> Table:
    """Every cell a non-negative number (signed where the format allows)."""
    values = []
    for cell in spec.cells:
        if cell.kind is CellKind.MONEY:
            values.append(Money(draw(amounts)))
        elif cell.kind is CellKind.SIGNED_COUNT:
            values.append(draw(st.integers(-100, 100)))
        else:
            values.append(draw(counts))
    return Table(spec=spec, values=tuple(values))


@st.composite
def consistent_reports(draw: st.DrawFn, version: FormatVersion | None = None) -> Report:
    """A report whose totals were filled by :func:`fill_totals` and whose T3.1 holds."""
    version = version or draw(versions)
    spec = get_format(version)
    meta = draw(metadata(version))
    t3 = draw(leaf_table(spec.applications))
    # T3.1: new + carried = outcomes + forward. Draw carried and forward, derive new.
    changes = {}
    for column in TABLE3_DATA_COLUMNS:
        outcomes = sum(t3.get(r, column) for r in outcome_rows(t3))  # type: ignore[misc]
        carried = draw(st.integers(0, outcomes))
        forward = draw(counts)
        changes[f"carried_over.{column}"] = carried
        changes[f"carried_forward.{column}"] = forward
        changes[f"new_received.{column}"] = outcomes + forward - carried
    t3 = t3.replace(changes)
    # 2019 本年增/减 must not take an item count below zero (soft rule X.3).
    t2 = draw(leaf_table(spec.proactive))
    if version is FormatVersion.V2019:
        t2 = t2.replace({c.id: 0 for c in spec.proactive.cells if c.kind is CellKind.SIGNED_COUNT})
    else:
        # X.2: currently in force >= issued - repealed.
        t2 = t2.replace(
            {
                f"{r}.in_force": t2.get(r, "issued") + draw(counts)
                for r in ("rules", "normative_documents")
            }
        )  # type: ignore[operator]
    report = Report(
        metadata=meta,
        intro=tuple(draw(st.lists(paragraph, min_size=1, max_size=2))),
        sections=draw(sections(version)),
        proactive=t2,
        applications=t3,
        review_litigation=draw(leaf_table(spec.review_litigation)),
        processing_fee=ProcessingFee(
            amount=draw(amounts).quantize(Decimal("0.01")),
            applications=draw(st.one_of(st.none(), counts)),
        ),
    )
    return fill_totals(report)


@st.composite
def reports(draw: st.DrawFn, version: FormatVersion | None = None) -> Report:
    """Anything the model can hold: wrong totals, blanks, '/', negative counts, extra rows."""
    version = version or draw(versions)
    spec = get_format(version)
    return Report(
        metadata=draw(metadata(version)),
        intro=tuple(draw(st.lists(paragraph, max_size=2))),
        sections=draw(sections(version)),
        proactive=draw(any_table(spec.proactive)),
        applications=draw(any_table(spec.applications)),
        review_litigation=draw(any_table(spec.review_litigation)),
        processing_fee=draw(
            st.one_of(
                st.none(),
                st.builds(ProcessingFee, amount=amounts, applications=st.one_of(st.none(), counts)),
            )
        ),
    )


def leaf_cell_paths(report: Report) -> list[str]:
    """Paths of the cells an author enters (everything but the totals fill_totals computes)."""
    paths = []
    for table in report.tables:
        for cell, _ in table.items():
            if table.spec.id == "applications" and (
                cell.column.id == "total" or cell.row.id == "total_outcomes"
            ):
                continue
            if table.spec.id == "review_litigation" and cell.column.id == "total":
                continue
            paths.append(f"{table.spec.id}.{cell.id}")
    return paths


def evolve_cell(report: Report, path: str, value: object) -> Report:
    """``report`` with the cell at ``table.row.column`` set to ``value``."""
    table_id, _, cell_id = path.partition(".")
    table = report.table(table_id).replace({cell_id: value})  # type: ignore[dict-item]
    return attrs.evolve(report, **{table_id: table})


__all__ = ["TABLE4_PARTS", "consistent_reports", "evolve_cell", "leaf_cell_paths", "reports"]
