"""A row whose label matches no official label, read as an official row by its place.

Published tables misprint labels by more than the label index tolerates (a real PDF
prints "2.其他法律行政止公开" for "2.其他法律行政法规禁止公开", three characters off).
Such a row is read as the official row ``R`` only when the document itself determines
it: the rows matched just before and just after it are official rows with exactly one
official row, ``R``, between them in the format's order; no other row of the table reads
as ``R`` and no other unmatched row stands between the same neighbours; and the printed
label is close to ``R``'s (the same ordinal if both print one, and at most half of
``R``'s characters changed). Anything else stays an extra row (``R.EXTRA_ROW``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import attrs

from govinfo_report.formats import TableSpec
from govinfo_report.readers._labels import distance, normalize, strip_ordinal
from govinfo_report.readers._table_index import SourceRow
from govinfo_report.readers._table_values import PendingRow


@attrs.frozen
class Unmatched:
    """A row whose labels matched no official row, waiting for the rest of its grid: its
    place may make it an official row (when it has labels and values), else it is kept as
    an extra row or reported as a note."""

    row: SourceRow
    labels: list[str]
    values: list[tuple[str, tuple[int, ...]]]
    raw: tuple[str, ...]
    after: str | None
    """The last official row met before it (an extra row is kept after it)."""
    header: tuple[SourceRow, ...]
    version: int
    has_values: bool


@attrs.frozen
class Placed:
    """An unmatched row read as an official row by its place."""

    row_id: str
    label: str
    before: str | None
    """The label of the official row matched before it (None: the table's first row)."""
    behind: str
    """The label of the official row matched after it."""


def by_position(
    table: TableSpec,
    text: str,
    before: str | None,
    behind: str | None,
    claimed: Collection[str],
) -> Placed | None:
    """The official row that a row labelled ``text`` between the official rows ``before``
    (None: at the table's start) and ``behind`` must be, or None if its place and label
    do not single one out; ``claimed`` are the rows other rows of the table read as."""
    if behind is None:
        return None
    order = [row.id for row in table.rows]
    start = order.index(before) + 1 if before is not None else 0
    end = order.index(behind)
    between = order[start:end]
    if len(between) != 1 or between[0] in claimed:
        return None
    [row_id] = between
    row = next(r for r in table.rows if r.id == row_id)
    declared = row.label_path[-1]
    if not _close(text, declared):
        return None
    labels = {r.id: r.label_path[-1] for r in table.rows}
    return Placed(row_id, declared, labels[before] if before is not None else None, labels[behind])


def _close(printed: str, declared: str) -> bool:
    """Whether a printed label can be a misprint of ``declared``: the same ordinal where
    both print one, and at most half of the declared text's characters changed."""
    a, b = normalize(printed), normalize(declared)
    bare_a, bare_b = strip_ordinal(a), strip_ordinal(b)
    ordinal_a, ordinal_b = a[: len(a) - len(bare_a)], b[: len(b) - len(bare_b)]
    if ordinal_a and ordinal_b and ordinal_a != ordinal_b:
        return False
    if len(bare_b) < 4 or not bare_a:
        return False  # 规章, 其他, 总计: too short to tell a misprint from another word
    limit = len(bare_b) // 2
    return distance(bare_a, bare_b, limit) <= limit


def neighbours(
    items: Sequence[PendingRow | Unmatched], index: int, before: str | None
) -> tuple[str | None, str | None, bool]:
    """The official row ids matched before and after ``items[index]`` (the previous grid's
    last row when none before it in this grid), and whether another unmatched row stands
    between the same two."""
    previous, following, crowded = before, None, False
    for item in items[:index]:
        if isinstance(item, PendingRow) and item.row_id:
            previous, crowded = item.row_id, False
        elif isinstance(item, Unmatched) and item.has_values:
            crowded = True
    for item in items[index + 1 :]:
        if isinstance(item, PendingRow) and item.row_id:
            following = item.row_id
            break
        if isinstance(item, Unmatched) and item.has_values:
            crowded = True
    return previous, following, crowded
