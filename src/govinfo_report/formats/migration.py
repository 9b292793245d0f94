"""Where each cell of the 2019 试行 format goes in the 2021 format, declared as data.

A :class:`Migration` lists, table by table and row group by row group, where every
row and every column of the older format goes in the newer one (:class:`RowMove`,
:class:`ColumnMove`): a cell moves when both its row and its column have a place, and
is dropped otherwise. What a move means is read off the two format declarations, never
typed here: a move whose labels differ is a *renaming* (规范性文件 → 行政规范性文件,
处理决定数量 → 本年处理决定数量), and a 2021 cell that no 2019 cell moves into is one the
older format lacks. One row is declared with the rows it was split into:
the 2019 （六）其他处理 moves into 3.其他, the most general of the 2021 format's three
（六） rows, beside 1. and 2., which the 2019 figures cannot tell apart.

:data:`V2019_TO_V2021` is the declaration :func:`govinfo_report.migrate` follows;
:attr:`Migration.cells` lists every 2019 cell with the 2021 cell it goes to, derived
once when the declaration is made (which also checks it against both formats).
"""

from __future__ import annotations

import attrs

from govinfo_report.formats import _common as c
from govinfo_report.formats import v2019, v2021
from govinfo_report.formats._spec import FormatSpec, FormatVersion, Row, RowGroup, TableSpec


@attrs.frozen(kw_only=True)
class RowMove:
    """Where one row of the older format goes."""

    source: str
    target: str | None
    """The row of the newer format; ``None`` when it has none (the cells are dropped)."""
    beside: tuple[str, ...] = ()
    """Rows of the newer format that, with ``target``, divide what ``source`` counted:
    the figures go to ``target`` (the most general of them), these stay blank."""


@attrs.frozen(kw_only=True)
class ColumnMove:
    """Where one column of the older format goes (within a row group)."""

    source: str
    target: str | None
    """The column of the newer format; ``None`` when it has none."""


@attrs.frozen(kw_only=True)
class GroupMove:
    """Where the rows and columns of one row group of the older format go.

    ``target`` is the group of the newer format that receives the group's rows, and its
    extra rows (2019 第二十条第（九）项, which the 2021 format dropped, sends its extra rows
    to （八）, the block they then follow).
    """

    table: str
    source: str
    target: str
    rows: tuple[RowMove, ...]
    columns: tuple[ColumnMove, ...]


@attrs.frozen(kw_only=True)
class CellMove:
    """One cell of the older format and the cell of the newer one it goes to."""

    source: str
    """The cell's path (``table.row.column``) in the older format."""
    target: str | None
    """The path in the newer format; ``None`` when the cell has no place there."""
    renamed: bool = False
    """The row's or the column's label differs between the formats (same figure)."""
    beside: tuple[str, ...] = ()
    """Paths of the newer format's cells that share what this cell counted, left blank."""


def _group(table: TableSpec, group_id: str) -> RowGroup:
    for group in table.groups:
        if group.id == group_id:
            return group
    raise ValueError(f"no row group {group_id!r} in {table.id} ({table.version.value} format)")


def _check_names(what: str, named: list[str], declared: list[str]) -> None:
    if sorted(named) != sorted(declared):
        raise ValueError(f"{what}: the moves name {named}, the format declares {declared}")


@attrs.frozen(kw_only=True)
class Migration:
    """How a report of format ``source`` becomes one of format ``target``.

    Building one checks it: every row and column of every group of the older format is
    named exactly once, and every target exists in the newer format.
    """

    source: FormatSpec
    target: FormatSpec
    groups: tuple[GroupMove, ...]
    cells: tuple[CellMove, ...] = attrs.field(init=False, eq=False, repr=False)
    """Every cell of the older format, in its document order, with where it goes."""
    target_only: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    """Paths of the newer format's cells that no cell of the older one goes to."""

    def __attrs_post_init__(self) -> None:
        moves: list[CellMove] = []
        for move in self.groups:
            moves.extend(self._cells_of(move))
        paths = [f"{t.id}.{cell.id}" for t in self.source.tables for cell in t.cells]
        order = {path: i for i, path in enumerate(paths)}
        _check_names("cells", [m.source for m in moves], list(order))
        moves.sort(key=lambda m: order[m.source])
        filled = {m.target for m in moves}
        target_only = tuple(
            f"{t.id}.{cell.id}"
            for t in self.target.tables
            for cell in t.cells
            if f"{t.id}.{cell.id}" not in filled
        )
        object.__setattr__(self, "cells", tuple(moves))
        object.__setattr__(self, "target_only", target_only)

    def _cells_of(self, move: GroupMove) -> list[CellMove]:
        old_table = self.source.table(move.table)
        new_table = self.target.table(move.table)
        old = _group(old_table, move.source)
        new = _group(new_table, move.target)
        where = f"{move.table} group {move.source}"
        _check_names(f"{where} rows", [r.source for r in move.rows], [r.id for r in old.rows])
        _check_names(
            f"{where} columns", [k.source for k in move.columns], [k.id for k in old.columns]
        )
        old_rows = {r.id: r for r in old.rows}
        new_rows = {r.id: r for r in new.rows}
        old_columns = {k.id: k for k in old.columns}
        new_columns = {k.id: k for k in new.columns}
        for row_move in move.rows:
            for row_id in (row_move.target, *row_move.beside):
                if row_id is not None and row_id not in new_rows:
                    raise ValueError(f"{where}: no row {row_id!r} in the newer group {new.id}")
        for column_move in move.columns:
            if column_move.target is not None and column_move.target not in new_columns:
                raise ValueError(
                    f"{where}: no column {column_move.target!r} in the newer group {new.id}"
                )
        cells: list[CellMove] = []
        for row_move in move.rows:
            for column_move in move.columns:
                source = f"{move.table}.{row_move.source}.{column_move.source}"
                if row_move.target is None or column_move.target is None:
                    cells.append(CellMove(source=source, target=None))
                    continue
                renamed = (
                    old_rows[row_move.source].label_path != new_rows[row_move.target].label_path
                    and not row_move.beside
                ) or old_columns[column_move.source].label != new_columns[column_move.target].label
                cells.append(
                    CellMove(
                        source=source,
                        target=f"{move.table}.{row_move.target}.{column_move.target}",
                        renamed=renamed,
                        beside=tuple(
                            f"{move.table}.{row}.{column_move.target}" for row in row_move.beside
                        ),
                    )
                )
        return cells

    def cell(self, source: str) -> CellMove:
        """Where the older format's cell at path ``source`` goes.

        Raises:
            KeyError: the older format has no such cell.
        """
        for move in self.cells:
            if move.source == source:
                return move
        raise KeyError(f"no cell {source!r} in the {self.source.version.value} format")

    def group_of(self, table: str, source_row: str | None) -> GroupMove:
        """The move of the group that holds ``source_row`` (``None``: the table's first)."""
        for move in self.groups:
            if move.table != table:
                continue
            if source_row is None or any(r.source == source_row for r in move.rows):
                return move
        raise KeyError(f"no row {source_row!r} in {table} ({self.source.version.value} format)")


def _same_rows(*rows: Row) -> tuple[RowMove, ...]:
    """Rows both formats declare once, in :mod:`~govinfo_report.formats._common`."""
    return tuple(RowMove(source=row.id, target=row.id) for row in rows)


def _same_columns(group: RowGroup) -> tuple[ColumnMove, ...]:
    return tuple(ColumnMove(source=k.id, target=k.id) for k in group.columns)


def _decisions_only(rows: tuple[RowMove, ...], group: str) -> GroupMove:
    """A 2019 block of 上一年项目数量 / 本年增/减 / 处理决定数量 → the 2021 本年处理决定数量."""
    return GroupMove(
        table="proactive",
        source=group,
        target=group,
        rows=rows,
        columns=(
            ColumnMove(source="items_last_year", target=None),
            ColumnMove(source="change", target=None),
            ColumnMove(source="decisions", target="decisions"),
        ),
    )


V2019_TO_V2021 = Migration(
    source=v2019.FORMAT,
    target=v2021.FORMAT,
    groups=(
        GroupMove(
            table="proactive",
            source="art20_1",
            target="art20_1",
            rows=_same_rows(c.RULES, v2019.PROACTIVE.rows[1]),
            # 本年新制作数量 and 本年制发件数 both count the documents made this year; the
            # 2021 format has no 本年新公开数量, and 现行有效件数 (in force) is not
            # 对外公开总数量 (all ever published, repealed ones too).
            columns=(
                ColumnMove(source="made", target="issued"),
                ColumnMove(source="published", target=None),
                ColumnMove(source="total_published", target=None),
            ),
        ),
        _decisions_only(
            (
                RowMove(source="licensing", target="licensing"),
                RowMove(source="other_services", target=None),
            ),
            "art20_5",
        ),
        _decisions_only(_same_rows(c.PENALTIES, c.ENFORCEMENT), "art20_6"),
        # 2019 counts fee items (上一年项目数量, 本年增/减); 2021 states the amount collected.
        GroupMove(
            table="proactive",
            source="art20_8",
            target="art20_8",
            rows=_same_rows(c.FEES),
            columns=(
                ColumnMove(source="items_last_year", target=None),
                ColumnMove(source="change", target=None),
            ),
        ),
        GroupMove(
            table="proactive",
            source="art20_9",
            target="art20_8",
            rows=(RowMove(source="procurement", target=None),),
            columns=(
                ColumnMove(source="projects", target=None),
                ColumnMove(source="amount", target=None),
            ),
        ),
        GroupMove(
            table="applications",
            source="applications",
            target="applications",
            rows=(
                *_same_rows(*c.APPLICATION_ROWS_HEAD),
                RowMove(
                    source="other_handling",
                    target="other_other",
                    beside=("other_no_amendment", "other_unpaid_fee"),
                ),
                *_same_rows(*c.APPLICATION_ROWS_TAIL),
            ),
            columns=_same_columns(v2019.APPLICATIONS.groups[0]),
        ),
        GroupMove(
            table="review_litigation",
            source="review_litigation",
            target="review_litigation",
            rows=_same_rows(*c.REVIEW_LITIGATION_GROUP.rows),
            columns=_same_columns(c.REVIEW_LITIGATION_GROUP),
        ),
    ),
)
"""The 2019 试行 format (国办公开办函〔2019〕60号) → the 2021 format (国办公开办函〔2021〕30号)."""

MIGRATIONS: dict[tuple[FormatVersion, FormatVersion], Migration] = {
    (FormatVersion.V2019, FormatVersion.V2021): V2019_TO_V2021,
}
"""Every declared migration, by (from, to) format version."""


__all__ = [
    "MIGRATIONS",
    "V2019_TO_V2021",
    "CellMove",
    "ColumnMove",
    "GroupMove",
    "Migration",
    "RowMove",
]
