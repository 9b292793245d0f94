"""The columns of a survey's exports, and what each format's tables contribute to them.

``reports.csv`` (and its workbook twin) has the fixed columns of :data:`REPORT_COLUMNS`,
then one ``rule:<CODE>`` column per rule code (:data:`RULE_CODES`), the same for every
survey so that two surveys' tables line up. The headline figures are Table 3 and
Table 4 totals named by cell id (:data:`HEADLINE_CELLS`), read from whichever format
the report uses: both formats give these rows the same ids. ``cells.csv`` is the long
form of every statistic cell, :data:`CELL_COLUMNS`.

Everything per format that the workers need for every report (the cell ids with their
CSV prefix, which rule codes a format's rule set has) is computed here once per
process and cached, never walked again per report.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_EVEN, Decimal

from govinfo_report._scan import SURVEY_CACHE
from govinfo_report.checks.catalog import CATALOG as CHECK_CATALOG
from govinfo_report.formats import CellKind, FormatVersion, get_format
from govinfo_report.model.cells import CellValue, Empty, Money

OUTPUTS = ("reports.csv", "reports.xlsx", "cells.csv", "findings.jsonl", "index.html")
"""The files a survey writes in its output folder."""

CACHE_NAME = SURVEY_CACHE
"""The survey's cache in the output folder (hidden: a folder scan skips it)."""

BASE_COLUMNS = (
    "file",
    "sha256",
    "agency",
    "agency_key",
    "agency_kind",
    "year",
    "format",
    "status",
    "reason",
    "reason_zh",
    "cells_read",
    "cells_stated",
    "errors",
    "warnings",
    "notices",
    "new_received",
    "carried_over",
    "total_outcomes",
    "disclosed",
    "partially_disclosed",
    "carried_forward",
    "review_total",
    "review_corrected",
    "litigation_total",
    "litigation_corrected",
    "fee_amount",
    "substantive_disclosure_rate",
    "review_correction_rate",
    "previous_file",
    "maybe_previous_file",
    "parent",
)
"""The fixed columns of reports.csv, in order; the rule columns follow."""

SURVEY_RULE_CODES = ("H.1", "DUP.1")
"""The rules only a survey can apply: across levels (汇总) and across reports (雷同)."""

CROSS_YEAR_PREFIX = "X."
"""The codes of the rules that compare a report with the same agency's previous one."""

RULE_CODES: tuple[str, ...] = (*CHECK_CATALOG, *SURVEY_RULE_CODES)
"""Every rule code, in the rule reference's order: one ``rule:<CODE>`` column each."""

REPORT_COLUMNS: tuple[str, ...] = (*BASE_COLUMNS, *(f"rule:{code}" for code in RULE_CODES))
"""Every column of reports.csv, in order."""

CELL_COLUMNS = ("file", "table", "cell", "value", "unit", "extra_label")
"""The columns of cells.csv: one row per report and cell.

``cell`` is the cell id within its table (``new_received.total``), or
``extra.<i>.<j>`` for value ``j`` of the table's ``i``-th extra row (its label in
``extra_label``). ``value`` is the number as text, ``""`` for blank, ``/`` for not
applicable; ``unit`` is the unit of an amount of money (the one the cell wrote, else
its column's; ``""`` where neither says), ``""`` for counts.
"""

HEADLINE_CELLS: dict[str, tuple[str, tuple[str, ...]]] = {
    "new_received": ("applications", ("new_received.total",)),
    "carried_over": ("applications", ("carried_over.total",)),
    "total_outcomes": ("applications", ("total_outcomes.total",)),
    "disclosed": ("applications", ("disclosed.total",)),
    "partially_disclosed": ("applications", ("partially_disclosed.total",)),
    "carried_forward": ("applications", ("carried_forward.total",)),
    "review_total": ("review_litigation", ("review.total",)),
    "review_corrected": ("review_litigation", ("review.corrected",)),
    "litigation_total": (
        "review_litigation",
        ("litigation_direct.total", "litigation_after_review.total"),
    ),
    "litigation_corrected": (
        "review_litigation",
        ("litigation_direct.corrected", "litigation_after_review.corrected"),
    ),
}
"""Headline column → (table, the cells it sums). A sum of several cells is stated only
when every one is a number, and is ``/`` when every one is ``/``; else it is blank."""

MIN_RATED = 30
"""The smallest denominator a ratio is rated on (KIROGOV-style small-sample guardrail):
below it one request more or less moves the rate by more than three points."""

_PLACES = Decimal("0.0001")


def cell_text(value: CellValue) -> str:
    """A cell as text: digits, the amount of money without its unit, ``""`` or ``/``."""
    if type(value) is int:
        return str(value)
    if isinstance(value, Money):
        return str(value.amount)
    assert isinstance(value, Empty)
    return value.value


def headline(values: tuple[CellValue, ...], indices: tuple[int, ...]) -> str:
    """The headline figure at ``indices`` of a table's values (see :data:`HEADLINE_CELLS`)."""
    if len(indices) == 1:
        return cell_text(values[indices[0]])
    picked = [values[i] for i in indices]
    if all(type(v) is int for v in picked):
        return str(sum(picked))  # type: ignore[arg-type]
    if all(v is Empty.NOT_APPLICABLE for v in picked):
        return "/"
    return ""


def rate(numerator: list[str], denominator: str) -> str:
    """``sum(numerator) / denominator`` to 4 places, or ``""`` when not rated.

    Not rated when an operand is blank or ``/``, or the denominator is below
    :data:`MIN_RATED`. Exact decimal division, rounded half to even.
    """
    if not denominator.isdigit() or not all(n.isdigit() for n in numerator):
        return ""
    total = int(denominator)
    if total < MIN_RATED:
        return ""
    ratio = Decimal(sum(int(n) for n in numerator)) / Decimal(total)
    return str(ratio.quantize(_PLACES, rounding=ROUND_HALF_EVEN))


@functools.cache
def headline_indices(version: FormatVersion) -> tuple[tuple[str, int, tuple[int, ...]], ...]:
    """(column, table number 0-2, value indices) of every headline column for ``version``."""
    spec = get_format(version)
    tables = [t.id for t in spec.tables]
    out = []
    for column, (table_id, cells) in HEADLINE_CELLS.items():
        table = spec.table(table_id)
        out.append((column, tables.index(table_id), tuple(table.index[c] for c in cells)))
    return tuple(out)


@functools.cache
def cells_template(version: FormatVersion) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """cells.csv lines of every standard cell of ``version`` as pieces to fill, and the
    positions of its money cells.

    Four pieces a line: the file (a placeholder), ``table,cell,``, the value (a
    placeholder), and the end of the line (``,,`` and the line break; for a money cell
    the unit goes between the commas). A report's lines are these pieces with its file
    and values put in place by slice assignment and joined once: no loop over its 200
    cells, no format string parsed (``str.format`` over one template cost five times
    as much). Cell and table ids are plain ASCII, never quoted.
    """
    spec = get_format(version)
    pieces: list[str] = []
    money: list[int] = []
    for table in spec.tables:
        for cell in table.cells:
            if cell.kind is CellKind.MONEY:
                money.append(len(pieces) // 4)
            pieces.extend(("", f"{table.id},{cell.id},", "", ",,\n"))
    return tuple(pieces), tuple(money)


@functools.cache
def money_units(version: FormatVersion) -> tuple[str, ...]:
    """The column unit of each money cell of ``version`` (``""`` where the format prints
    none, as the 2019 采购总金额), in :func:`cells_template` order."""
    spec = get_format(version)
    return tuple(
        cell.column.unit for t in spec.tables for cell in t.cells if cell.kind is CellKind.MONEY
    )


@functools.cache
def rule_codes_of(version: FormatVersion, previous: FormatVersion | None = None) -> frozenset[str]:
    """The rule codes a report of ``version`` is checked by (with last year's of ``previous``)."""
    from govinfo_report.checks import ruleset

    return frozenset(rule.code for rule in ruleset(version, previous).values())


__all__ = [
    "BASE_COLUMNS",
    "CACHE_NAME",
    "CELL_COLUMNS",
    "CROSS_YEAR_PREFIX",
    "HEADLINE_CELLS",
    "MIN_RATED",
    "OUTPUTS",
    "REPORT_COLUMNS",
    "RULE_CODES",
    "SURVEY_RULE_CODES",
    "cell_text",
    "cells_template",
    "headline",
    "headline_indices",
    "money_units",
    "rate",
    "rule_codes_of",
]
