"""The vocabulary in which the two statutory formats are declared.

A format is data: its sections, and for each statistic table the row groups, rows,
columns and cell kinds, with the exact Chinese labels the official format prints.
Everything else in the library (model, checks, writers, readers) reads these objects;
no other module spells a label. The classes here only describe; they hold no report data.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

from govinfo_report._enums import FormatVersion as FormatVersion
from govinfo_report.formats._refs import ByReference


class CellKind(enum.Enum):
    """What a statistic cell may hold, by the format's definition."""

    COUNT = "count"
    """A whole number of items or cases, never negative."""
    SIGNED_COUNT = "signed_count"
    """A whole number that may be negative (2019 本年增/减)."""
    MONEY = "money"
    """A non-negative decimal amount (2021 本年收费金额 in 万元; 2019 采购总金额)."""


@attrs.frozen(kw_only=True)
class Column(ByReference):
    """One data column: a stable id, its exact label, and its group header if any."""

    id: str
    label: str
    english: str
    kind: CellKind = CellKind.COUNT
    unit: str = "件"
    parent: str | None = None
    """Spanning header above the label (Table 3: 法人或其他组织), if any."""


@attrs.frozen(kw_only=True)
class Row(ByReference):
    """One data row: a stable id and its label path, outermost label first.

    Table 3 rows have one to three levels (三、本年度办理结果 / （三）不予公开 /
    1.属于国家秘密); Table 4 rows name their group (行政诉讼 / 复议后起诉).
    """

    id: str
    label_path: tuple[str, ...]
    english: str

    @property
    def label(self) -> str:
        """The most specific label: what a reader looks for first."""
        return self.label_path[-1]


@attrs.frozen(kw_only=True)
class RowGroup(ByReference):
    """Rows that share one set of columns.

    Table 2 has one group per 第二十条 item (a caption row, a header row starting with
    信息内容, then its rows); Tables 3 and 4 have a single group each.
    """

    id: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    caption: str | None = None
    header_first_cell: str | None = None


@attrs.frozen(kw_only=True)
class CellSpec(ByReference):
    """One addressable cell: ``row.column`` id, position, labels and kind."""

    id: str
    index: int
    group: RowGroup
    row: Row
    column: Column

    @property
    def kind(self) -> CellKind:
        """The kind of value the cell holds."""
        return self.column.kind

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label that names the cell: caption, row path, column group, column."""
        parts: list[str] = []
        if self.group.caption:
            parts.append(self.group.caption)
        parts.extend(self.row.label_path)
        if self.column.parent:
            parts.append(self.column.parent)
        parts.append(self.column.label)
        return tuple(parts)


def _flatten(groups: tuple[RowGroup, ...]) -> tuple[CellSpec, ...]:
    cells: list[CellSpec] = []
    for group in groups:
        for row in group.rows:
            for column in group.columns:
                cells.append(
                    CellSpec(
                        id=f"{row.id}.{column.id}",
                        index=len(cells),
                        group=group,
                        row=row,
                        column=column,
                    )
                )
    return tuple(cells)


def _index(cells: tuple[CellSpec, ...]) -> Mapping[str, int]:
    return {cell.id: cell.index for cell in cells}


@attrs.frozen(kw_only=True)
class TableSpec(ByReference):
    """A statistic table of one format version.

    ``cells`` lists every cell in document order (group by group, row by row, column by
    column); a report's table stores its values in that order.
    """

    id: str
    """``proactive`` (Table 2), ``applications`` (Table 3), ``review_litigation`` (Table 4)."""
    number: int
    version: FormatVersion
    title: str
    english: str
    groups: tuple[RowGroup, ...]
    corner_note: str | None = None
    """Table 3's top-left cell: the 勾稽关系 note."""
    column_group: str | None = None
    """Table 3's spanning header over the applicant columns (申请人情况)."""
    cells: tuple[CellSpec, ...] = attrs.field(init=False, eq=False, repr=False)
    index: Mapping[str, int] = attrs.field(init=False, eq=False, repr=False)
    rows: tuple[Row, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Derived lookup tables, built once per format at import time.
        cells = _flatten(self.groups)
        object.__setattr__(self, "cells", cells)
        object.__setattr__(self, "index", _index(cells))
        object.__setattr__(self, "rows", tuple(r for g in self.groups for r in g.rows))

    def cell(self, cell_id: str) -> CellSpec:
        """The cell with id ``row.column``.

        Raises:
            KeyError: no such cell in this table; the message lists the table.
        """
        try:
            return self.cells[self.index[cell_id]]
        except KeyError:
            raise KeyError(
                f"no cell {cell_id!r} in {self.id} ({self.version.value} format)"
            ) from None

    def group_of(self, row_id: str) -> RowGroup:
        """The row group that holds row ``row_id``."""
        for group in self.groups:
            for row in group.rows:
                if row.id == row_id:
                    return group
        raise KeyError(f"no row {row_id!r} in {self.id} ({self.version.value} format)")


@attrs.frozen(kw_only=True)
class SectionSpec(ByReference):
    """One of the six sections: id, exact heading and the variants real reports use."""

    id: str
    number: int
    heading: str
    english: str
    variants: tuple[str, ...] = ()
    table: str | None = None
    """The id of the statistic table this section carries, if any."""


@attrs.frozen(kw_only=True)
class FormatSpec(ByReference):
    """A whole statutory format: its document, sections and three tables."""

    version: FormatVersion
    name: str
    document: str
    first_year: int
    last_year: int | None
    sections: tuple[SectionSpec, ...]
    proactive: TableSpec
    applications: TableSpec
    review_litigation: TableSpec

    @property
    def tables(self) -> tuple[TableSpec, TableSpec, TableSpec]:
        """Tables 2, 3 and 4, in document order."""
        return (self.proactive, self.applications, self.review_litigation)

    def table(self, table_id: str) -> TableSpec:
        """The table with the given id."""
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(f"no table {table_id!r}; expected one of {TABLE_IDS}")

    def applies_to(self, year: int) -> bool:
        """Whether this format is the one prescribed for reports on ``year``."""
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)


TABLE_IDS = ("proactive", "applications", "review_litigation")
