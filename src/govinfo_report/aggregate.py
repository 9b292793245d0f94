"""汇总: a parent's statistic tables built from its children's reports.

A city that reports for its region as a whole adds up its districts' (and its own
offices') tables. :func:`aggregate` does that cell by cell, exactly, and never turns a
cell it does not know into a number. The rules, for every cell of Tables 2, 3 and 4:

- every child gives a number → the sum;
- every child gives "/" → "/" (the item applies to none of them);
- numbers and "/" only → the sum of the numbers: "/" says the item does not apply to
  that child, so it contributes nothing, and the item still applies to the region;
- any child leaves the cell blank → blank. The child did not say, so the region's
  total is unknown; a 0 here would state a figure nobody reported (the auditor's
  question "how do you know that district had none?" has no answer).

Money (2021 本年收费金额, 2019 采购总金额) is added in :class:`~decimal.Decimal`, never
float. When the children state it in the same unit, the sum keeps that unit; when they
differ (one writes "251000元", another the column's 万元), every amount is converted
exactly to the column's unit (元 for a column without one) by a power of ten. An amount
whose unit is unknown (none written in a column that declares none, or a unit other
than 元/万元/亿元) cannot be converted: mixing it with another unit is refused, as is
anything that would change the figures' meaning (children in different formats or on
different years).

Rows a report added that the format does not have (:class:`~govinfo_report.ExtraRow`)
are summed by label (NFKC, spaces removed): the same rules per position, a child
without the row counting as blank for it (it did not report it), so the sum is blank
unless every child has the row. Rows of one label with different numbers of values are
refused: their columns cannot be matched.

The result is a report of the children's year and format, for ``agency``, with the six
sections present and empty and no dates. The 信息处理费 (section 六's figure beside the
tables) is summed when every child states one, and left unstated otherwise.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from govinfo_report.errors import ReportValueError
from govinfo_report.formats import CellKind, CellSpec, TableSpec
from govinfo_report.model import (
    BLANK,
    NOT_APPLICABLE,
    AgencyKind,
    CellValue,
    Empty,
    ExtraRow,
    Metadata,
    Money,
    ProcessingFee,
    Report,
    Section,
    Table,
)

UNITS: dict[str, int] = {"元": 0, "万元": 4, "亿元": 8}
"""Money units :func:`aggregate` converts between, as powers of ten of 元."""


def aggregate(reports: Iterable[Report], *, agency: str | None = None) -> Report:
    """The report whose Tables 2, 3 and 4 are the sums of ``reports``' tables.

    Args:
        reports: the children; at least one, all on one year and in one format.
        agency: the parent's name (``""`` when not given).

    Returns:
        A report of the children's year and format (agency kind 本级人民政府) whose
        cells follow the module's blank and "/" rules; the result does not depend on
        the order of ``reports``.

    Raises:
        ReportValueError: no reports; reports of different years or formats (the
            message names them); money in units that cannot be converted; extra rows
            of one label with different numbers of values.
    """
    children = tuple(reports)
    if not children:
        raise ReportValueError("nothing to aggregate: no reports given", zh="没有可汇总的报告")
    _same(children, "year", lambda r: str(r.metadata.year))
    _same(children, "format", lambda r: r.metadata.format_version.value)
    first = children[0]
    spec = first.format
    proactive, applications, review_litigation = (
        _aggregate_table(table, [c.table(table.id) for c in children], children)
        for table in spec.tables
    )
    return Report(
        metadata=Metadata(
            agency=agency or "",
            year=first.metadata.year,
            format_version=first.metadata.format_version,
            agency_kind=AgencyKind.GOVERNMENT,
        ),
        sections=tuple(Section(id=s.id, heading=s.heading) for s in spec.sections),
        proactive=proactive,
        applications=applications,
        review_litigation=review_litigation,
        processing_fee=_fee([c.processing_fee for c in children]),
    )


def report_name(report: Report, position: int) -> str:
    """How an error names a report: its agency and year, or its position if unnamed."""
    if report.metadata.agency.strip():
        return f"{report.metadata.agency} ({report.metadata.year})"
    return f"report #{position + 1} ({report.metadata.year})"


_WHAT_ZH = {"year": "年度", "format": "格式"}


def _same(children: Sequence[Report], what: str, value_of: Callable[[Report], str]) -> None:
    groups: dict[str, list[str]] = {}
    for i, child in enumerate(children):
        groups.setdefault(value_of(child), []).append(report_name(child, i))
    if len(groups) > 1:
        listed = "; ".join(
            f"{value}: {', '.join(names)}" for value, names in sorted(groups.items())
        )
        raise ReportValueError(
            f"cannot aggregate reports of different {what}s ({listed})",
            zh=f"不能汇总{_WHAT_ZH[what]}不同的报告（{listed}）",
        )


def sum_cells(
    values: Sequence[CellValue], *, unit: str = "", names: Sequence[str] = ()
) -> CellValue:
    """The sum of one cell over several reports, by the rules of this module.

    Args:
        values: the cell in each report.
        unit: the column's declared money unit (``"万元"``, or ``""`` for none); used
            only for :class:`~govinfo_report.Money` values.
        names: the reports' names, in the order of ``values``, for error messages.

    Raises:
        ReportValueError: counts mixed with money, or money in units that cannot be
            converted.
    """
    numbers = [(i, v) for i, v in enumerate(values) if not isinstance(v, Empty)]
    if any(v is BLANK for v in values):
        return BLANK
    if not numbers:
        return NOT_APPLICABLE if values else BLANK
    moneys = [(i, v) for i, v in numbers if isinstance(v, Money)]
    if not moneys:
        return sum((v for _i, v in numbers if isinstance(v, int)), start=0)
    if len(moneys) != len(numbers):
        counts = [_named(names, i) for i, v in numbers if not isinstance(v, Money)]
        raise ReportValueError(
            f"cannot add counts to amounts of money: a count in {', '.join(counts)}",
            zh=f"不能把件数与金额相加：{'、'.join(counts)} 中是件数",
        )
    return _sum_money([(i, m) for i, m in moneys], unit, names)


def _named(names: Sequence[str], i: int) -> str:
    return names[i] if i < len(names) else f"report #{i + 1}"


def _sum_money(moneys: Sequence[tuple[int, Money]], unit: str, names: Sequence[str]) -> Money:
    units = {m.unit for _i, m in moneys}
    if len(units) == 1:
        total = moneys[0][1].amount
        for _i, m in moneys[1:]:
            total += m.amount
        return Money(total, moneys[0][1].unit)
    target = unit if unit in UNITS else "元"
    total = Decimal(0)
    for i, m in moneys:
        written = m.unit or unit
        if written not in UNITS:
            shown = f"unit {m.unit!r}" if m.unit else "no unit"
            others = sorted(f"{u or unit or 'no unit'}" for u in units)
            raise ReportValueError(
                f"cannot add amounts in different units ({', '.join(others)}): "
                f"{_named(names, i)} states {m} with {shown}; expected 元, 万元 or 亿元",
                zh=f"不能把单位不同的金额相加（{'、'.join(others)}）：{_named(names, i)} 写的是 "
                f"{m}，单位{shown}；单位应为元、万元或亿元",
            )
        total += m.amount.scaleb(UNITS[written] - UNITS[target])
    # 5000元 is 0.5000万元 exactly; print it 0.5 (never 5E+3 for whole amounts).
    total = total.quantize(Decimal(1)) if total == total.to_integral() else total.normalize()
    return Money(total, None if target == unit else target)


def _aggregate_table(spec: TableSpec, tables: Sequence[Table], children: Sequence[Report]) -> Table:
    names = [report_name(c, i) for i, c in enumerate(children)]
    values = tuple(
        _sum_cell(cell, [t.values[cell.index] for t in tables], names, spec) for cell in spec.cells
    )
    return Table(spec=spec, values=values, extra_rows=_extra_rows(spec, tables, names))


def _sum_cell(
    cell: CellSpec, values: list[CellValue], names: list[str], spec: TableSpec
) -> CellValue:
    unit = cell.column.unit if cell.kind is CellKind.MONEY else ""
    try:
        return sum_cells(values, unit=unit, names=names)
    except ReportValueError as error:
        raise ReportValueError(
            f"{spec.id}.{cell.id}: {error}", zh=f"{spec.id}.{cell.id}：{error.message('zh')}"
        ) from None


def _label_key(label: str) -> str:
    return "".join(unicodedata.normalize("NFKC", label).split())


def _extra_rows(spec: TableSpec, tables: Sequence[Table], names: list[str]) -> tuple[ExtraRow, ...]:
    by_label: dict[str, list[tuple[int, ExtraRow]]] = {}
    for i, table in enumerate(tables):
        for row in table.extra_rows:
            by_label.setdefault(_label_key(row.label), []).append((i, row))
    row_order = {r.id: n for n, r in enumerate(spec.rows)}
    rows = []
    for key, found in by_label.items():
        widths = {len(row.values) for _i, row in found}
        if len(widths) > 1:
            listed = ", ".join(f"{names[i]}: {len(row.values)}" for i, row in found)
            raise ReportValueError(
                f"{spec.id}: extra row {key!r} has different numbers of values ({listed})",
                zh=f"{spec.id}：补充行 {key!r} 的数值个数不一（{listed}）",
            )
        (width,) = widths
        holders = {i for i, _row in found}
        sums = []
        for position in range(width):
            column = [row.values[position] for _i, row in found]
            if len(holders) < len(tables):
                column.append(BLANK)  # a child without the row did not report it
            try:
                sums.append(sum_cells(column, names=[names[i] for i, _row in found]))
            except ReportValueError as error:
                raise ReportValueError(
                    f"{spec.id}: extra row {key!r}: {error}",
                    zh=f"{spec.id}：补充行 {key!r}：{error.message('zh')}",
                ) from None
        # Where it goes and how it is spelt: the most common choice, ties broken by
        # table order and text, so that the order of the children does not matter.
        afters = Counter(row.after for _i, row in found)
        after = min(afters, key=lambda a: (-afters[a], -1 if a is None else row_order.get(a, 0)))
        label = min(row.label for _i, row in found)
        rows.append(ExtraRow(label=label, values=tuple(sums), after=after))
    rows.sort(key=lambda r: (-1 if r.after is None else row_order[r.after], _label_key(r.label)))
    return tuple(rows)


def _fee(fees: Sequence[ProcessingFee | None]) -> ProcessingFee | None:
    if not fees or any(f is None for f in fees):
        return None
    present = [f for f in fees if f is not None]
    amount = sum((f.amount for f in present), start=Decimal(0))
    counts = [f.applications for f in present]
    applications = (
        None if any(c is None for c in counts) else sum(c for c in counts if c is not None)
    )
    return ProcessingFee(amount=amount, applications=applications)


__all__ = ["UNITS", "aggregate", "report_name", "sum_cells"]
