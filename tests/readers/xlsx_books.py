"""Workbooks as offices make them, built with openpyxl for the XLSX reader's tests.

An office lays the official tables out by hand: anywhere on a sheet, one under another
or a sheet each, with a title line and headings, merged labels, totals as formulas.
:class:`Book` writes them from the format's labels (never through our writer's layout,
so that the reader is tested against an independent print); :func:`cached` then stores
the formulas' values as a spreadsheet does when it saves (openpyxl keeps none).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from govinfo_report.formats import TableSpec
from govinfo_report.model import BLANK, NOT_APPLICABLE, CellValue, Money

Rows = Mapping[str, Sequence[CellValue]]


def _value(value: CellValue, as_text: bool) -> Any:
    if value is BLANK:
        return None
    if value is NOT_APPLICABLE:
        return "/"
    if isinstance(value, Money):
        if value.unit is not None or as_text:
            return str(value)
        return float(value.amount)
    return str(value) if as_text else value


class Book:
    """An office's workbook under construction: sheets and where the next line goes.

    Args:
        numbers_as_text: type every figure as text ("12"), as offices often do.
        totals_as_formulas: Table 3's and 4's 总计 as ``=SUM(...)`` of their row.
    """

    def __init__(self, *, numbers_as_text: bool = False, totals_as_formulas: bool = False) -> None:
        self.book = openpyxl.Workbook()
        self.ws: Worksheet = self.book.active  # type: ignore[assignment]
        self.row = 1
        self.left = 1
        self.as_text = numbers_as_text
        self.formulas = totals_as_formulas
        self.totals: dict[tuple[str, str], CellValue] = {}
        """(sheet, cell) → the figure each formula stands for."""

    def sheet(self, title: str, *, row: int = 1, left: int = 1) -> Book:
        """Go on on a new sheet, from ``row``, column ``left``."""
        if self.row == 1 and self.ws.max_row == 1 and self.ws["A1"].value is None:
            self.ws.title = title
        else:
            self.ws = self.book.create_sheet(title)
        self.row, self.left = row, left
        return self

    def at(self, row: int, left: int) -> Book:
        self.row, self.left = row, left
        return self

    def line(self, text: str, width: int = 1) -> Book:
        """A text line (title, heading, note), merged over ``width`` columns."""
        self.ws.cell(self.row, self.left, text)
        if width > 1:
            self._merge(self.row, self.left, self.row, self.left + width - 1)
        self.row += 1
        return self

    def skip(self, rows: int = 1) -> Book:
        self.row += rows
        return self

    def _merge(self, top: int, left: int, bottom: int, right: int) -> None:
        if (top, left) != (bottom, right):
            self.ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)

    def _put(self, row: int, col: int, value: CellValue) -> None:
        self.ws.cell(row, col, _value(value, self.as_text))

    def table2(self, spec: TableSpec, rows: Rows) -> Book:
        width = 1 + max(len(g.columns) for g in spec.groups)
        for group in spec.groups:
            self.line(group.caption or "", width)
            head = [group.header_first_cell or "", *(c.label for c in group.columns)]
            spans = [1] * (len(group.columns) - 1) + [width - len(group.columns)]
            self.ws.cell(self.row, self.left, head[0])
            col = self.left + 1
            for label, span in zip(head[1:], spans, strict=True):
                self.ws.cell(self.row, col, label)
                self._merge(self.row, col, self.row, col + span - 1)
                col += span
            self.row += 1
            for r in group.rows:
                self.ws.cell(self.row, self.left, r.label)
                col = self.left + 1
                for value, span in zip(rows[r.id], spans, strict=True):
                    self._put(self.row, col, value)
                    self._merge(self.row, col, self.row, col + span - 1)
                    col += span
                self.row += 1
        return self

    def table3(
        self, spec: TableSpec, rows: Rows, extra: Sequence[tuple[str, str, Sequence[Any]]] = ()
    ) -> Book:
        """Table 3 with its merges; ``extra``: (after row id, label, values) lines."""
        (group,) = spec.groups
        top, left = self.row, self.left
        columns = group.columns
        self.ws.cell(top, left, spec.corner_note)
        self._merge(top, left, top + 2, left + 2)
        self.ws.cell(top, left + 3, spec.column_group)
        self._merge(top, left + 3, top, left + 2 + len(columns))
        under = [left + 3 + j for j, c in enumerate(columns) if c.parent is not None]
        for j, column in enumerate(columns):
            col = left + 3 + j
            if column.parent is None:
                self.ws.cell(top + 1, col, column.label)
                self._merge(top + 1, col, top + 2, col)
            else:
                self.ws.cell(top + 2, col, column.label)
        self.ws.cell(top + 1, under[0], columns[under[0] - left - 3].parent)
        self._merge(top + 1, under[0], top + 1, under[-1])
        lines: list[tuple[tuple[str, ...], Sequence[Any], bool]] = []
        extras = {after: (label, values) for after, label, values in extra}
        for r in group.rows:
            lines.append((r.label_path, rows[r.id], True))
            if r.id in extras:
                label, values = extras[r.id]
                lines.append(((*r.label_path[:-1], label), values, False))
        first = top + 3
        for i, (path, values, official) in enumerate(lines):
            row = first + i
            for level, label in enumerate(path):
                self.ws.cell(row, left + level, label)
            self._merge(row, left + len(path) - 1, row, left + 2)
            for j, value in enumerate(values):
                col = left + 3 + j
                if self.formulas and official and j == len(columns) - 1:
                    self.ws.cell(
                        row,
                        col,
                        f"=SUM({get_column_letter(left + 3)}{row}:"
                        f"{get_column_letter(col - 1)}{row})",
                    )
                    self.totals[(self.ws.title, f"{get_column_letter(col)}{row}")] = value
                else:
                    self._put(row, col, value)
        # Outer label levels merged down the lines that share them, their text kept once.
        for level in (0, 1):
            i = 0
            while i < len(lines):
                path = lines[i][0]
                j = i
                while (
                    len(path) > level + 1
                    and j + 1 < len(lines)
                    and len(lines[j + 1][0]) > level + 1
                    and lines[j + 1][0][: level + 1] == path[: level + 1]
                ):
                    j += 1
                if j > i:
                    for k in range(i + 1, j + 1):
                        self.ws.cell(first + k, left + level, None)
                    self._merge(first + i, left + level, first + j, left + level)
                i = j + 1
        self.row = first + len(lines)
        return self

    def table4(self, spec: TableSpec, rows: Rows) -> Book:
        (group,) = spec.groups
        top, n = self.row, len(group.columns)
        tops: list[tuple[str, int, int]] = []
        for i, r in enumerate(group.rows):
            col, path = self.left + i * n, r.label_path
            if tops and len(path) > 1 and tops[-1][0] == path[0]:
                tops[-1] = (path[0], tops[-1][1], col + n - 1)
            else:
                tops.append((path[0], col, col + n - 1))
            if len(path) == 1:
                for j, c in enumerate(group.columns):
                    self.ws.cell(top + 1, col + j, c.label)
                    self._merge(top + 1, col + j, top + 2, col + j)
            else:
                self.ws.cell(top + 1, col, path[1])
                self._merge(top + 1, col, top + 1, col + n - 1)
                for j, c in enumerate(group.columns):
                    self.ws.cell(top + 2, col + j, c.label)
            for j, value in enumerate(rows[r.id]):
                if self.formulas and j == n - 1:
                    cells = f"{get_column_letter(col)}{top + 3}:{get_column_letter(col + n - 2)}{top + 3}"
                    self.ws.cell(top + 3, col + j, f"=SUM({cells})")
                    self.totals[(self.ws.title, f"{get_column_letter(col + j)}{top + 3}")] = value
                else:
                    self._put(top + 3, col + j, value)
        for label, first, last in tops:
            self.ws.cell(top, first, label)
            self._merge(top, first, top, last)
        self.row = top + 4
        return self

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()


def cached(data: bytes, values: Mapping[tuple[str, str], CellValue]) -> bytes:
    """``data`` with each formula's value saved, as a spreadsheet saves it: ``values``
    maps (sheet title, cell) to the figure (blank: no value saved)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        book = source.read("xl/workbook.xml").decode()
        rels = source.read("xl/_rels/workbook.xml.rels").decode()
        titles = re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', book)
        targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="/?(?:xl/)?([^"]+)"', rels))
        targets.update(
            {k: v for v, k in re.findall(r'Target="/?(?:xl/)?([^"]+)"[^>]*Id="([^"]+)"', rels)}
        )
        parts = {f"xl/{targets[rid]}": title for title, rid in titles}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
            for info in source.infolist():
                content = source.read(info)
                title = parts.get(info.filename)
                if title is not None:
                    text = content.decode()
                    for (sheet, ref), value in values.items():
                        if sheet != title or value is BLANK:
                            continue
                        number = value.amount if isinstance(value, Money) else value
                        text = re.sub(
                            rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(?:</v>)?',
                            lambda m, n=number: f"{m[1]}{m[2]}<v>{Decimal(str(n))}</v>",
                            text,
                        )
                    content = text.encode()
                dest.writestr(info, content)
        return out.getvalue()


_INLINE = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"([^>]*)><is>(.*?)</is></c>', re.S)


def shared(data: bytes) -> bytes:
    """``data`` with its inline strings moved to a shared-string table, as Excel saves
    every string."""
    strings: list[str] = []
    index: dict[str, int] = {}

    def share(match: re.Match[str]) -> str:
        item = match[4]
        if item not in index:
            index[item] = len(strings)
            strings.append(item)
        return f'<c r="{match[1]}"{match[2]} t="s"{match[3]}><v>{index[item]}</v></c>'

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as dest:
        parts = {info.filename: source.read(info) for info in source.infolist()}
        for name, content in parts.items():
            if name.startswith("xl/worksheets/sheet"):
                content = _INLINE.sub(share, content.decode()).encode()
            elif name == "xl/_rels/workbook.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                    b"</Relationships>",
                )
            elif name == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            parts[name] = content
        parts["xl/sharedStrings.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">'
            + "".join(f"<si>{s}</si>" for s in strings)
            + "</sst>"
        ).encode()
        for name, content in parts.items():
            dest.writestr(name, content)
    return out.getvalue()
