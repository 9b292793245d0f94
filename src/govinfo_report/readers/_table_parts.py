"""Table 4 printed as three 5-column tables, one per part (行政复议 / 未经复议直接起诉 /
复议后起诉), as many real reports print it.

Each part is a grid of the five column names (结果维持 … 总计) over one line of five
values, named by a caption paragraph just above it ("（一）行政复议情况", "行政诉讼——复议后
起诉") or by a title row inside it (a row whose one text names the part). The line of
values is then that part's row: its five values go to that part's five cells. A part is
named only by a text that is the part's label and nothing else (an ordinal, a 表4-1
number, 行政诉讼 before a litigation part and 情况 after it aside): the section heading
"四、政府信息公开行政复议、行政诉讼情况" contains 行政复议 but names no part.

A line of five values whose part neither a caption nor the header names is not placed
(``R.CELL``): which part it is the document does not say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govinfo_report.formats import TableSpec
from govinfo_report.readers._labels import normalize, strip_ordinal
from govinfo_report.readers._table_header import HeaderReader
from govinfo_report.readers._table_index import SourceRow

_NUMBER = re.compile(r"^表?[0-9一二三四五]+(?:[-(][0-9一二三]+\)?)?(?=\D)")
"""A leading table number: 表4-1, 表4(1), 4-2 (normalised text)."""
_SEPARATORS = "-:：()、 "
_SUFFIXES = ("情况表", "情况", "表", "案件")
_PARENT = "行政诉讼"


def part_of(table: TableSpec, text: str) -> str | None:
    """The row id of the Table 4 part that ``text`` names and nothing else, or None."""
    norm = normalize(text)
    for _ in range(3):
        stripped = strip_ordinal(_NUMBER.sub("", norm, count=1)).strip(_SEPARATORS)
        if stripped == norm:
            break
        norm = stripped
    for suffix in _SUFFIXES:
        if norm.endswith(suffix) and len(norm) > len(suffix):
            norm = norm[: -len(suffix)].strip(_SEPARATORS)
            break
    for row in table.rows:
        label = normalize(row.label)
        if norm == label:
            return row.id
        parented = len(row.label_path) > 1 and norm.startswith(_PARENT)
        if parented and norm[len(_PARENT) :].strip(_SEPARATORS) == label:
            return row.id
    return None


def part_for(
    table: TableSpec,
    heads: HeaderReader,
    header: Sequence[SourceRow],
    own: bool,
    caption: str | None,
) -> str | None:
    """The part a line of values without a label belongs to, when its grid is one part
    printed as its own table: the ``header`` it is read under names the five columns
    once each, and the header's title row (if the header is the grid's ``own``, not one
    carried over from the grid before) or the grid's ``caption`` part names the part.
    None when neither does, or they disagree."""
    columns = [c for row in header for text in row.texts if text and (c := heads.column_of(text))]
    if sorted(columns) != sorted(c.id for c in table.groups[0].columns):
        return None
    titled = _header_part(table, header) if own else None
    if titled is not None and caption not in (None, titled):
        return None
    return titled or caption


def _header_part(table: TableSpec, header: Sequence[SourceRow]) -> str | None:
    """The one part the texts of a header's rows name (a title row), if one."""
    named = (part_of(table, text) for row in header for text in row.texts if text)
    parts = {part for part in named if part is not None}
    if len(parts) != 1:
        return None
    [part] = parts
    return part
