"""The findings of the table reader: labels read as variants, values it could not place,
cells it read twice, rows it did not find. One :class:`TableNotes` per table read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from govinfo_report._traditional import simplified
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import RowGroup, TableSpec
from govinfo_report.readers import _findings as rf
from govinfo_report.readers._labels import Match, normalize
from govinfo_report.readers._table_index import SourceRow, TableIndex

if TYPE_CHECKING:
    from govinfo_report.readers._table_position import Placed


class TableNotes:
    """Collects the findings of reading one table (each label variant noted once)."""

    def __init__(self, table: TableSpec, number: int, spec: TableIndex) -> None:
        self.table = table
        self.number = number
        self.spec = spec
        self.findings: list[Finding] = []
        self._noted: set[tuple[str, str]] = set()

    def note_label(
        self, match: Match[str], text: str, location: str, paths: tuple[str, ...] = ()
    ) -> None:
        if match.exact and simplified(text.strip()) == match.label:
            return  # as printed, or in Traditional characters (R.TRADITIONAL says so)
        key = (match.label, normalize(text))
        if key in self._noted:
            return
        self._noted.add(key)
        how = {
            "exact": ("全角半角或空格不同", "other character widths or spaces"),
            "variant": ("已知变体", "a known variant"),
            "annotated": ("附加或省略了括注", "a bracketed note added or left out"),
            "ordinal": ("缺少序号", "printed without its ordinal"),
            "fuzzy": (f"相差{match.distance}个字符", f"{match.distance} character(s) off"),
        }[match.kind]
        self.findings.append(
            rf.finding(
                rf.LABEL_VARIANT,
                Severity.NOTICE,
                f"表{self.number}中的“{text}”按“{match.label}”读取（{how[0]}）",
                f"{text!r} in table {self.number} was read as {match.label!r} ({how[1]})",
                paths=paths or (self.table.id,),
                reported=text,
                location=location,
            )
        )

    def note_position(self, text: str, placed: Placed, location: str) -> None:
        """A misprinted row label read as the official row its place determines."""
        before_zh = f"“{placed.before}”之后" if placed.before else "表首"
        before_en = f"after {placed.before!r}" if placed.before else "at the table's start"
        self.findings.append(
            rf.finding(
                rf.LABEL_VARIANT,
                Severity.NOTICE,
                f"表{self.number}中的“{text}”与统一格式的标签不符，按其位置（{before_zh}、"
                f"“{placed.behind}”之前）读作“{placed.label}”",
                f"{text!r} in table {self.number} matches no official label; read as "
                f"{placed.label!r} by its place ({before_en}, before {placed.behind!r})",
                paths=(f"{self.table.id}.{placed.row_id}",),
                reported=text,
                location=location,
            )
        )

    def column_paths(self, group: RowGroup, column: str) -> tuple[str, ...]:
        return tuple(f"{self.table.id}.{row.id}.{column}" for row in group.rows)

    def note_truncated(self, text: str, label: str, location: str, paths: tuple[str, ...]) -> None:
        key = (label, normalize(text))
        if key in self._noted:
            return
        self._noted.add(key)
        self.findings.append(
            rf.finding(
                rf.LABEL_VARIANT,
                Severity.NOTICE,
                f"表{self.number}的列标题“{text}”不完整，按出现顺序读作“{label}”",
                f"column header {text!r} of table {self.number} is cut short; read as "
                f"{label!r} by its order among the headers that start the same way",
                paths=paths,
                reported=text,
                location=location,
            )
        )

    def unplaced(
        self,
        row: SourceRow,
        row_ids: list[str],
        values: list[tuple[str, tuple[int, ...]]],
    ) -> None:
        texts = [t for t, _ in values]
        while texts and not texts[-1]:
            texts.pop()
        if not any(texts):
            return
        if row_ids:
            paths = [
                f"{self.table.id}.{row_ids[0]}.{c.id}"
                for c in self.spec.group_of[row_ids[0]].columns
            ]
        else:
            paths = [f"{self.table.id}.{cell.id}" for cell in self.table.cells]
        quoted = " | ".join(texts)
        count = sum(1 for t in texts if t)
        width = len(paths)
        why = ("", "")
        if row.loose and count < width:
            why = (
                (
                    "，其间有空字段（可能是空单元格，也可能是补齐的空位）",
                    " with an empty field before or among them (a blank cell or padding)",
                )
                if "" in texts
                else (
                    "，且列标题没有列出该行的每一列",
                    " and the header does not name every column",
                )
            )
        self.quote(
            paths,
            quoted,
            f"该行有{count}个数值，对应{width}个单元格{why[0]}，无法确定各值所在的列",
            f"the row has {count} value(s) for {width} cells{why[1]}, so the column of "
            "each cannot be determined",
            row.location,
        )

    def quote(
        self, paths: Sequence[str], text: str, why_zh: str, why_en: str, location: str
    ) -> None:
        self.findings.append(
            rf.finding(
                rf.CELL,
                Severity.WARNING,
                f"表{self.number}中的“{text}”无法放入单元格：{why_zh}；相关单元格保留为空",
                f"{text!r} in table {self.number} could not be placed: {why_en}; the cells "
                "are left blank",
                paths=tuple(paths),
                reported=text,
                location=location,
                uncertain=True,
            )
        )

    def bad_value(self, path: str, text: str, location: str) -> None:
        self.findings.append(
            rf.finding(
                rf.CELL,
                Severity.WARNING,
                f"单元格 {path} 的内容“{text}”不是数值，保留为空",
                f"cell {path} holds {text!r}, which is not a value; left blank",
                paths=(path,),
                reported=text,
                location=location,
                uncertain=True,
            )
        )

    def conflict(self, path: str, texts: Sequence[str], location: str) -> None:
        shown = "”、“".join(texts)
        self.findings.append(
            rf.finding(
                rf.CELL_CONFLICT,
                Severity.WARNING,
                f"单元格 {path} 出现了不同的值（“{shown}”），保留先读到的值",
                f"cell {path} is given different values ({', '.join(map(repr, texts))}); "
                "the first one read was kept",
                paths=(path,),
                reported=" | ".join(texts),
                location=location,
                uncertain=True,
            )
        )
