"""The statistic tables as worksheets: the official grid, its merges, live totals.

Each table is printed as :mod:`govinfo_report.formats.layout` lays it out for
:attr:`~govinfo_report.formats.layout.Output.XLSX` (the grid of the Word document): its
labels and headers locked, its value cells unlocked, with a data validation from the
cell's kind (a count: a whole number ≥ 0; 本年增/减: a whole number; money: a decimal ≥ 0
in the column's unit; "/" everywhere, as the format allows "not applicable").

A total is a formula of its parts, the ``SUM`` of the cells the 勾稽关系 add up (the
equalities of :data:`~govinfo_report.checks.rulesets.RULESETS` with one cell on the
left: T3.2, T3.3, T4.1), carrying the report's figure as its cached value, so that the
workbook reads back as the report it came from, and a spreadsheet keeps it right as
the parts are filled in. A total whose printed figure is not what its parts give (a
published report's mistake) is written as printed, a plain value: the workbook holds the
report as it is, and its 检查结果 sheet says what is wrong.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from govinfo_report._spreadsheetml import area
from govinfo_report.formats import CellKind, FormatVersion
from govinfo_report.formats.layout import Line, Output, check_room, layout_of, printed
from govinfo_report.model import Empty, Money, Table
from govinfo_report.model.cells import CellValue
from govinfo_report.writers._xlsx_parts import Style
from govinfo_report.writers._xlsx_sheet import Sheet, Validation, rectangles

LANDSCAPE_WIDTH = 100
"""A table wider than this many characters is printed on a landscape page."""

_RULES: Mapping[CellKind, tuple[str, str, str]] = {
    CellKind.COUNT: (
        'OR({cell}="/",AND(ISNUMBER({cell}),{cell}>=0,{cell}=INT({cell})))',
        "填写非负整数{unit}；不适用的填“/”",
        "请填写非负整数，或“/”（不适用）",
    ),
    CellKind.SIGNED_COUNT: (
        'OR({cell}="/",AND(ISNUMBER({cell}),{cell}=INT({cell})))',
        "填写整数{unit}，减少用负数表示，如 -8；不适用的填“/”",
        "请填写整数，或“/”（不适用）",
    ),
    CellKind.MONEY: (
        'OR({cell}="/",AND(ISNUMBER({cell}),{cell}>=0))',
        "填写金额{unit}，可有小数；不适用的填“/”",
        "请填写不小于 0 的金额，或“/”（不适用）",
    ),
}
"""Per cell kind: the validation formula, the prompt and the error message."""


@functools.cache
def totals(version: FormatVersion, table_id: str) -> Mapping[str, tuple[str, ...]]:
    """Cell id → the cell ids it is the sum of, for every total of the table.

    Taken from the rule set, never listed here: each equality ``cell == Σ parts`` of
    one table and one year (the first one for a cell that two of them total).
    """
    from govinfo_report.checks.linear_rules import Linear, Relation
    from govinfo_report.checks.rulesets import RULESETS

    found: dict[str, tuple[str, ...]] = {}
    for rule in RULESETS[version].values():
        if not isinstance(rule, Linear) or rule.relation is not Relation.EQ:
            continue
        if len(rule.left) != 1 or len(rule.right) < 2:
            continue
        terms = (*rule.left, *rule.right)
        if any(sign != 1 or op.previous or op.table != table_id for sign, op in terms):
            continue
        total = rule.left[0][1].path.partition(".")[2]
        found.setdefault(total, tuple(op.path.partition(".")[2] for _, op in rule.right))
    return found


def _written_number(value: CellValue) -> int | Decimal:
    """What a spreadsheet's ``SUM`` counts of a cell as written: a number; text ("/",
    an amount with its unit) and blanks count nothing."""
    if isinstance(value, Money):
        return value.amount if value.unit is None else 0
    if isinstance(value, Empty):
        return 0
    return value


def _is_live(table: Table, cell_id: str, parts: Sequence[str]) -> bool:
    """Whether the total is written as a formula: its figure is what its parts give, or it
    and all its parts are blank (a table still to be filled in)."""
    stated = table[cell_id]
    values = [table[p] for p in parts]
    if stated is Empty.BLANK:
        return all(v is Empty.BLANK for v in values)
    if isinstance(stated, bool) or not isinstance(stated, int):
        return False
    return stated == sum(_written_number(v) for v in values)


def write_value(sheet: Sheet, row: int, col: int, value: CellValue, style: int) -> None:
    """A cell value as a sheet cell: a number, an amount (with its unit as text), "/" or
    an empty cell."""
    if isinstance(value, Empty):
        sheet.text(row, col, value.value, style)
    elif isinstance(value, Money):
        if value.unit is None:
            sheet.number(row, col, value.amount, style)
        else:
            sheet.text(row, col, str(value), style)
    else:
        sheet.number(row, col, value, style)


def table_sheet(table: Table) -> tuple[Sheet, dict[str, tuple[int, int]]]:
    """The worksheet of ``table`` and where each of its cells is (row, column).

    Raises:
        ReportWriteError: an extra row has more values than the table has room for.
    """
    layout = layout_of(table.spec, Output.XLSX)
    sheet = Sheet(table.spec.title, layout.widths)
    sheet.protected = sheet.fit_width = True
    sheet.landscape = sum(layout.widths) > LANDSCAPE_WIDTH
    sheet.header = table.spec.title
    lines = draw_table(sheet, table, 0)
    repeated = [i for i, line in enumerate(lines) if line.repeat]
    if repeated:
        sheet.title_rows = (repeated[0], repeated[-1])
        sheet.frozen_rows = repeated[-1] + 1
    return sheet, placed(lines)


def placed(lines: Sequence[Line], top: int = 0) -> dict[str, tuple[int, int]]:
    """Cell id → (row, column) of the table printed as ``lines`` from row ``top``."""
    return {
        slot.cell: (top + r, slot.col)
        for r, line in enumerate(lines)
        for slot in line.slots
        if slot.cell
    }


def draw_table(sheet: Sheet, table: Table, top: int) -> Sequence[Line]:
    """Print ``table`` on ``sheet`` from row ``top`` (column A); its printed lines.

    Raises:
        ReportWriteError: an extra row has more values than the table has room for.
    """
    spec = table.spec
    layout = layout_of(spec, Output.XLSX)
    check_room(layout, table.extra_rows)
    lines = printed(layout, table.extra_rows)
    where = placed(lines, top)
    live = {
        cell: parts
        for cell, parts in totals(spec.version, spec.id).items()
        if _is_live(table, cell, parts)
    }
    validated: dict[tuple[CellKind, str], list[tuple[int, int]]] = {}
    values, index = table.values, spec.index
    for r, line in enumerate(lines, top):
        for slot in line.slots:
            if slot.covered:
                continue
            col = slot.col
            if slot.cell is not None:
                parts = live.get(slot.cell)
                style = Style.VALUE if parts is None else Style.TOTAL
                _area(sheet, r, col, slot.rowspan, slot.colspan, style)
                if parts is not None:
                    formula = ",".join(_areas(where[p] for p in parts))
                    stated = values[index[slot.cell]]
                    cached = stated if isinstance(stated, int) else None
                    sheet.formula(r, col, f"SUM({formula})", cached, style)
                    continue
                cell = spec.cells[index[slot.cell]]
                write_value(sheet, r, col, values[index[slot.cell]], style)
                validated.setdefault((cell.kind, cell.column.unit), []).append((r, col))
                continue
            if slot.value is not None and line.extra is not None:
                value = table.extra_rows[line.extra].values[slot.value]
                _area(sheet, r, col, slot.rowspan, slot.colspan, Style.VALUE)
                write_value(sheet, r, col, value, Style.VALUE)
                continue
            style = Style.FILLER if slot.filler else Style.LABEL
            if slot.align_left:
                style = Style.LABEL_LEFT
            _area(sheet, r, col, slot.rowspan, slot.colspan, style)
            sheet.text(r, col, slot.text, style)
            sheet.fit(r, col, slot.text, slot.rowspan, slot.colspan)
    for (kind, unit), cells in validated.items():
        formula, prompt, error = _RULES[kind]
        shown = f"（{unit}）" if unit else ""
        sheet.validations.append(
            Validation(
                areas=rectangles(cells),
                kind="custom",
                formula=formula,
                prompt=prompt.format(unit=shown),
                error=error,
            )
        )
    return lines


def _area(sheet: Sheet, row: int, col: int, rowspan: int, colspan: int, style: int) -> None:
    """A merged area: every position styled (its borders show), the first one merged over."""
    for r in range(row, row + rowspan):
        for c in range(col, col + colspan):
            sheet.blank(r, c, style)
    sheet.merge(row, col, rowspan, colspan)


def _areas(cells: Iterable[tuple[int, int]]) -> list[str]:
    return [area(*box) for box in rectangles(list(cells))]


__all__ = ["draw_table", "placed", "table_sheet", "totals", "write_value"]
