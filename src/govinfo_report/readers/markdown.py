"""The Markdown reader: our own Markdown output (both table modes), and reports written
by hand in the same layout.

The text is parsed with markdown-it-py (CommonMark, GFM tables, inline HTML) into
paragraphs, headings, tables and thematic breaks; the front matter, if it carries our
key, gives the fields a report does not print and the report's identity. The title is
the level-1 headings, sections are level-2 headings matched to the format's headings,
sub-sections are level-3 headings or a bold run-in heading, tables are recognised and
their rows and columns matched by their labels (normalised: full/half width, spaces),
never by position. What cannot be placed is reported as a finding, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs
import yaml
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit
from markdown_it.token import Token

from govinfo_report import _embedded
from govinfo_report.checks.findings import Finding, Severity, Status
from govinfo_report.errors import ReportReadError
from govinfo_report.formats import (
    FORMATS,
    CellKind,
    CellSpec,
    Column,
    FormatSpec,
    FormatVersion,
    Row,
    RowGroup,
    SectionSpec,
    TableSpec,
    format_for_year,
)
from govinfo_report.model import (
    BLANK,
    NOT_APPLICABLE,
    AgencyKind,
    CellValue,
    ExtraRow,
    Metadata,
    Money,
    Report,
    Section,
    Subsection,
    Table,
)
from govinfo_report.readers._findings import (
    AGENCY_KIND,
    CELL,
    EXTRA_ROW,
    LABEL_VARIANT,
    ROW_MISSING,
    TABLE_MISSING,
)
from govinfo_report.readers._registry import ReadResult
from govinfo_report.writers.markdown import FRONT_MATTER_KEY, PATH_SEPARATOR

FRONT_MATTER: Final = "R.MARKDOWN.FRONT_MATTER"
"""Finding code: our front matter is present but (partly) unusable, or disagrees with the
title; the item was ignored and the body read."""

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
# Without text_join, escaped characters stay apart (text_special) from literal source
# text, so a literal "**" that CommonMark could not pair is still recognisable.
_MD.disable("text_join")

_PROBE = Metadata(
    agency="", year=2021, format_version=FormatVersion.V2021, agency_kind=AgencyKind.DEPARTMENT
)
_TITLE_SUFFIX: Final = _PROBE.standard_title.removeprefix("2021")
"""年政府信息公开工作年度报告: what follows the year in the standard title."""
_YEAR_LINE = re.compile(r"(\d{4})" + re.escape(_TITLE_SUFFIX))
_TITLE_YEAR = re.compile(r"(\d{4})年度?")
_TITLE_TAIL = re.compile(r"政府信息公开(?:工作)?年度报告$")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SPLIT = re.compile(r"\s+/\s+")
_INT = re.compile(r"[+-]?\d+")
_NUMERALS: Final = "一二三四五六"
_MAX_SPAN: Final = 1000
"""Row/column spans above this in an HTML table are refused (a memory bomb, not a report)."""


def normalise(text: str) -> str:
    """Text for label matching: NFKC (full-width → half-width), no whitespace, plain quotes."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text).replace("“", '"').replace("”", '"')


def _finding(
    code: str,
    severity: Severity,
    status: Status,
    zh: str,
    en: str,
    paths: Sequence[str] = (),
    reported: str | None = None,
    location: str | None = None,
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        status=status,
        message_zh=zh,
        message_en=en,
        paths=tuple(paths),
        reported=reported,
        location=location,
    )


# --- blocks: what the Markdown holds ---------------------------------------------------


@attrs.frozen
class _Para:
    """A paragraph (or heading): its text, and its run-in bold heading if it opens with one."""

    text: str
    line: int
    level: int = 0
    """Heading level, 0 for a paragraph."""
    run_in: tuple[str, str] | None = None
    """(heading, rest) for ``**heading** rest``."""


@attrs.frozen
class _Line:
    """One body row of a table as written."""

    labels: tuple[str, ...]
    label: str
    values: tuple[str, ...]
    written: int
    """How many value cells the row itself has (an extra row keeps exactly these)."""
    line: int
    after: str | None = None
    pinned: bool = False
    """The row has no label: its values sit under columns that name their row
    (Table 4 as one row of 15 values under three-level headers)."""


@attrs.frozen
class _Raw:
    """A table as written: the header path of each value column, its rows, its hints."""

    columns: tuple[tuple[str, ...], ...]
    rows: tuple[_Line, ...]
    hints: tuple[str, ...]
    line: int


@attrs.frozen
class _Break:
    line: int


_Block = _Para | _Raw | _Break


def _segments(children: Sequence[Token]) -> list[tuple[str, str]]:
    """Inline tokens as (kind, text): ``text`` (literal source), ``esc`` (escapes and
    references), ``open``/``close`` (bold), ``br`` (line breaks), ``soft``."""
    out: list[tuple[str, str]] = []
    for tok in children:
        kind = tok.type
        if kind == "text":
            out.append(("text", tok.content))
        elif kind == "text_special":
            out.append(("esc", tok.content))
        elif kind == "hardbreak":
            out.append(("br", "\n"))
        elif kind == "softbreak":
            out.append(("soft", ""))
        elif kind == "strong_open":
            out.append(("open", ""))
        elif kind == "strong_close":
            out.append(("close", ""))
        elif kind == "code_inline" or kind == "image":
            out.append(("esc", tok.content))
        elif kind == "html_inline":
            tag = tok.content.strip().lower()
            if re.fullmatch(r"<br\s*/?>", tag):
                out.append(("br", "\n"))
            elif re.fullmatch(r"<(strong|b)>", tag):
                out.append(("open", ""))
            elif re.fullmatch(r"</(strong|b)>", tag):
                out.append(("close", ""))
    return out


def _join(segments: Iterable[tuple[str, str]]) -> str:
    parts: list[str] = []
    for kind, text in segments:
        parts.append("\x00" if kind == "soft" else text)
    joined = "".join(parts)
    if "\x00" in joined:
        # A wrapped line: nothing between Chinese characters, a space between words.
        joined = re.sub(r"(?<=[\u2e80-\uffff])\x00|\x00(?=[\u2e80-\uffff])", "", joined).replace(
            "\x00", " "
        )
    return joined


def _run_in(segments: list[tuple[str, str]]) -> tuple[str, str] | None:
    """``(heading, rest)`` if the paragraph opens with a bold heading."""
    while segments and segments[0] == ("text", ""):
        segments = segments[1:]
    if not segments:
        return None
    if segments[0][0] == "open":
        depth = 0
        for i, (kind, _) in enumerate(segments):
            depth += kind == "open"
            depth -= kind == "close"
            if depth == 0:
                heading = _join(s for s in segments[1:i] if s[0] not in ("open", "close"))
                rest = _join(s for s in segments[i + 1 :] if s[0] not in ("open", "close"))
                return heading, rest.removeprefix(" ")
        return None
    # "**（一）问题。**一是…": CommonMark leaves the stars literal between Chinese
    # punctuation and a letter; literal (not escaped) stars still mark the heading.
    kind, text = segments[0]
    if kind != "text" or not text.startswith("**"):
        return None
    flat = [("text", text[2:]), *segments[1:]]
    for i, (kind, text) in enumerate(flat):
        if kind == "text" and "**" in text:
            cut = text.index("**")
            heading = _join([*flat[:i], ("text", text[:cut])])
            rest = _join([("text", text[cut + 2 :]), *flat[i + 1 :]])
            return heading, rest.removeprefix(" ")
    return None


def _paragraph(children: Sequence[Token], line: int, level: int = 0) -> _Para:
    segments = _segments(children)
    text = _join(s for s in segments if s[0] not in ("open", "close"))
    return _Para(text=text, line=line, level=level, run_in=_run_in(segments) if not level else None)


def _cell(children: Sequence[Token] | None) -> str:
    return _join(s for s in _segments(children or []) if s[0] not in ("open", "close"))


def _gfm_table(tokens: Sequence[Token], start: int, source: list[str], offset: int) -> _Raw:
    header: list[str] = []
    rows: list[tuple[list[str], int, int]] = []
    current: list[str] | None = None
    row_line = 0
    for tok in tokens[start:]:
        if tok.type == "table_close":
            break
        if tok.type == "tr_open":
            current, row_line = [], (tok.map[0] if tok.map else 0)
        elif tok.type == "inline" and current is not None:
            current.append(_cell(tok.children))
        elif tok.type == "tr_close" and current is not None:
            if not header and not rows:
                header = current
            else:
                # The parser pads short rows; count what the source line really has.
                cells = escapedSplit(source[row_line].strip())
                if cells and cells[0] == "":
                    cells.pop(0)
                if cells and cells[-1] == "":
                    cells.pop()
                rows.append((current, row_line, len(cells)))
            current = None
    lines = tuple(
        _Line(
            labels=tuple(_SPLIT.split(cells[0])) if cells[0] else (),
            label=cells[0],
            values=tuple(cells[1:]),
            written=max(written - 1, 0),
            line=line + offset + 1,
            pinned=k == 0 and not cells[0],
        )
        for k, (cells, line, written) in enumerate(rows)
    )
    columns = tuple(tuple(_SPLIT.split(h)) if h else () for h in header[1:])
    table_line = (tokens[start].map or [0])[0] + offset + 1
    return _Raw(columns=columns, rows=lines, hints=(header[0],) if header else (), line=table_line)


# --- HTML tables -----------------------------------------------------------------------


@attrs.frozen
class _HtmlCell:
    text: str
    row: int
    col: int
    colspan: int
    header: bool


def _span(element: Any, name: str) -> int:
    try:
        return min(max(int(element.get(name, "1")), 1), _MAX_SPAN)
    except ValueError:
        return 1


_HtmlRow = tuple[list[_HtmlCell], str | None]
"""A row's own cells (those it starts) and its ``data-after`` attribute."""


def _grid(table: Any) -> tuple[list[_HtmlRow], dict[tuple[int, int], _HtmlCell], int]:
    """Own cells per row, the grid position → cell map (merges expanded), the width.

    Raises:
        ReportReadError: absurd spans or row counts (bounded memory).
    """
    occupied: dict[tuple[int, int], _HtmlCell] = {}
    rows: list[_HtmlRow] = []
    width = 0
    for r, tr in enumerate(table.xpath("./tr | ./*/tr")):
        own: list[_HtmlCell] = []
        c = 0
        for element in tr:
            if not isinstance(element.tag, str) or element.tag not in ("td", "th"):
                continue
            while (r, c) in occupied:
                c += 1
            rowspan, colspan = _span(element, "rowspan"), _span(element, "colspan")
            cell = _HtmlCell(element.text_content(), r, c, colspan, element.tag == "th")
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied[(r + dr, c + dc)] = cell
            own.append(cell)
            c += colspan
            width = max(width, c)
        rows.append((own, tr.get("data-after")))
        if len(rows) > _MAX_SPAN or len(occupied) > _MAX_SPAN * 20:
            raise ReportReadError("an HTML table this large is not a report's statistic table")
    return rows, occupied, width


def _path(
    occupied: dict[tuple[int, int], _HtmlCell], rows: Iterable[int], col: int
) -> tuple[str, ...]:
    path: list[str] = []
    seen: list[_HtmlCell] = []
    for r in rows:
        cell = occupied.get((r, col))
        if cell is not None and cell not in seen:
            seen.append(cell)
            path.append(cell.text)
    return tuple(path)


def _html_tables(content: str, line: int) -> list[_Raw]:
    try:
        fragments = lxml_html.fragments_fromstring(content)
    except (etree.ParserError, ValueError):
        return []
    raws: list[_Raw] = []
    for fragment in fragments:
        if not isinstance(fragment, etree._Element):
            continue
        for table in fragment.iter("table"):
            raws.extend(_html_table(table, line))
    return raws


def _html_table(table: Any, line: int) -> list[_Raw]:
    rows, occupied, width = _grid(table)
    if not rows or not rows[0][0]:
        return []
    first = rows[0][0][0]
    if len(rows[0][0]) == 1 and first.colspan == width and width > 1:
        return _html_blocks(rows, line)  # Table 2: starts with a caption row
    # Header rows: the leading rows of <th> cells (at least one).
    header_rows = next(
        (i for i, (own, _) in enumerate(rows) if not all(c.header for c in own)), len(rows)
    )
    header_rows = max(header_rows, 1)
    corner = occupied.get((0, 0))
    labels = 0
    if (
        corner is not None
        and corner.text.strip()
        and any(occupied.get((header_rows, c)) is not None for c in range(width))
    ):
        # Tables 3: the corner cell spans the label columns and the header rows.
        labels = corner.colspan if _rowspan_of(occupied, corner) == header_rows else 0
    columns = tuple(_path(occupied, range(header_rows), c) for c in range(labels, width))
    lines: list[_Line] = []
    for r in range(header_rows, len(rows)):
        own, after = rows[r]
        if labels:
            # The row's label path: the distinct cells over its label columns, the
            # merged group cells above it included.
            label_path = tuple(
                c.text
                for c in dict.fromkeys(
                    occupied[(r, col)] for col in range(labels) if (r, col) in occupied
                )
            )
            label_cells = [c for c in own if c.col < labels]
            label = label_cells[-1].text if label_cells else ""
            values = [c.text for c in own if c.col >= labels]
        elif r == header_rows and len(own) == len(columns) > 1:
            # Table 4's values row: no label, one cell per header column.
            lines.append(
                _Line(
                    labels=(),
                    label="",
                    values=tuple(c.text for c in own),
                    written=len(own),
                    line=line,
                    pinned=True,
                )
            )
            continue
        else:
            label = own[0].text if own else ""
            label_path = (label,) if label else ()
            values = [c.text for c in own[1:]]
        lines.append(
            _Line(
                labels=label_path,
                label=label,
                values=tuple(values),
                written=len(values),
                line=line,
                after=after,
            )
        )
    return [
        _Raw(columns=columns, rows=tuple(lines), hints=(corner.text if corner else "",), line=line)
    ]


def _rowspan_of(occupied: dict[tuple[int, int], _HtmlCell], cell: _HtmlCell) -> int:
    n = 0
    while occupied.get((cell.row + n, cell.col)) is cell:
        n += 1
    return n


def _html_blocks(rows: list[_HtmlRow], line: int) -> list[_Raw]:
    """Table 2 as one HTML table: caption rows start blocks, each with its header row."""
    raws: list[_Raw] = []
    caption: str | None = None
    header: list[str] | None = None
    lines: list[_Line] = []

    def flush() -> None:
        if header is not None:
            columns = tuple((h,) for h in header[1:])
            hints = (caption or "", header[0] if header else "")
            raws.append(_Raw(columns=columns, rows=tuple(lines), hints=hints, line=line))

    for own, after in rows:
        if len(own) == 1 and own[0].header:
            flush()
            caption, header, lines = own[0].text, None, []
        elif header is None:
            header = [c.text for c in own]
        elif own:
            values = tuple(c.text for c in own[1:])
            lines.append(
                _Line(
                    labels=(own[0].text,) if own[0].text else (),
                    label=own[0].text,
                    values=values,
                    written=len(values),
                    line=line,
                    after=after,
                )
            )
    flush()
    return raws


# --- from text to blocks ---------------------------------------------------------------


def _html_text(content: str) -> str:
    """The text of an HTML block that is not a table (a hand-written ``<div>``, say)."""
    try:
        fragments: Any = lxml_html.fragments_fromstring(content)
    except (etree.ParserError, ValueError):
        return ""
    return "".join(
        f.text_content() if isinstance(f, lxml_html.HtmlElement) else str(f) for f in fragments
    ).strip()


def _front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, the rest, lines taken by the front matter)."""
    if not text.startswith("---\n"):
        return None, text, 0
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        return None, text, 0
    yaml_text = text[4 : 4 + end.start()]
    rest = text[4 + end.end() :]
    return yaml_text, rest.removeprefix("\n"), yaml_text.count("\n") + 2


def _blocks(text: str, offset: int) -> list[_Block]:
    tokens = _MD.parse(text)
    source = text.split("\n")
    out: list[_Block] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = (tok.map[0] if tok.map else 0) + offset + 1
        if tok.type == "heading_open":
            out.append(_paragraph(tokens[i + 1].children or [], line, int(tok.tag[1:])))
            i += 3
            continue
        if tok.type == "paragraph_open":
            out.append(_paragraph(tokens[i + 1].children or [], line))
            i += 3
            continue
        if tok.type == "table_open":
            out.append(_gfm_table(tokens, i, source, offset))
            while tokens[i].type != "table_close":
                i += 1
        elif tok.type == "html_block":
            content = tok.content.strip()
            if re.fullmatch(r"<p>\s*</p>", content, re.IGNORECASE):
                out.append(_Para(text="", line=line))
            elif "<table" in content.lower():
                out.extend(_html_tables(content, line))
            elif not content.startswith("<!--"):
                words = _html_text(content)
                if words:
                    out.append(_Para(text=words, line=line))
        elif tok.type == "hr":
            out.append(_Break(line))
        i += 1
    return out


# --- matching labels -------------------------------------------------------------------


def _unique(candidates: list[Any]) -> Any | None:
    return candidates[0] if len(candidates) == 1 else None


def _match_label(text: str, labels: Sequence[tuple[str, Any]]) -> tuple[Any | None, bool]:
    """The object whose label matches ``text``, and whether the match was exact.

    After the exact label, the normalised one; then the one label that contains the
    text or is contained in it ("规章（设区的市…应提供相关数据）" for 规章, "规范性文件" for
    行政规范性文件), when exactly one does and both have two characters or more.
    """
    for label, obj in labels:
        if label == text:
            return obj, True
    n = normalise(text)
    if not n:
        return None, False
    normalised = [(normalise(label), obj) for label, obj in labels]
    hit = _unique([obj for label, obj in normalised if label == n])
    if hit is None and len(n) >= 2:
        hit = _unique(
            [obj for label, obj in normalised if len(label) >= 2 and (label in n or n in label)]
        )
    return hit, False


class _TableReader:
    """Turns the raw tables recognised as one statistic table into a :class:`Table`."""

    def __init__(self, spec: TableSpec, findings: list[Finding], source: str) -> None:
        self.spec = spec
        self.findings = findings
        self.source = source
        self.group_headers = {
            normalise(h) for g in spec.groups for c in g.columns for h in (c.parent,) if h
        } | ({normalise(spec.column_group)} if spec.column_group else set())

    def _loc(self, line: int) -> str:
        return f"{self.source}: line {line}"

    def _rows(self, lines: list[_Line]) -> list[Row | None]:
        spec = self.spec
        matched: list[Row | None] = [None] * len(lines)
        claimed: set[str] = set()
        by_path = {r.label_path: r for r in spec.rows}
        for i, line in enumerate(lines):
            row = by_path.get(line.labels)
            if row is not None and row.id not in claimed:
                matched[i] = row
                claimed.add(row.id)
        for i, line in enumerate(lines):
            if matched[i] is not None or not line.labels:
                continue
            free = [r for r in spec.rows if r.id not in claimed]
            whole = normalise("".join(line.labels))
            row = _unique([r for r in free if normalise("".join(r.label_path)) == whole])
            if row is None:
                row, _ = _match_label(line.labels[-1], [(r.label, r) for r in free])
            if row is None:
                continue
            matched[i] = row
            claimed.add(row.id)
            self.findings.append(
                _finding(
                    LABEL_VARIANT,
                    Severity.NOTICE,
                    Status.FAIL,
                    f"行标签“{line.label}”与格式中的“{PATH_SEPARATOR.join(row.label_path)}”不完全一致，按后者读取",
                    f"row label {line.label!r} read as the format's "
                    f"{PATH_SEPARATOR.join(row.label_path)!r}",
                    paths=(f"{spec.id}.{row.id}",),
                    reported=line.label,
                    location=self._loc(line.line),
                )
            )
        return matched

    def _columns(self, raw: _Raw, group: RowGroup) -> list[tuple[Row | None, Column] | None]:
        out: list[tuple[Row | None, Column] | None] = []
        choices = [(c.label, c) for c in group.columns]
        by_path = {r.label_path: r for r in group.rows}
        for path in raw.columns:
            if not path:
                out.append(None)
                continue
            column, _ = _match_label(path[-1], choices)
            if column is None:
                out.append(None)
                continue
            prefix = tuple(p for p in path[:-1] if normalise(p) not in self.group_headers)
            pin = None
            if prefix:
                pin = by_path.get(prefix) or _unique(
                    [
                        r
                        for r in group.rows
                        if tuple(map(normalise, r.label_path)) == tuple(map(normalise, prefix))
                    ]
                )
            out.append((pin, column))
        return out

    def _value(self, text: str, cell: CellSpec, path: str, line: int) -> CellValue:
        stripped = text.strip()
        if stripped == "":
            return BLANK
        plain = normalise(stripped).replace(",", "")
        if plain == "/":
            return NOT_APPLICABLE
        if cell.kind is CellKind.MONEY:
            for candidate in (stripped, plain):
                try:
                    return Money.parse(candidate)
                except ValueError:
                    continue
        else:
            if cell.column.unit and plain.endswith(cell.column.unit):
                plain = plain[: -len(cell.column.unit)]
            if _INT.fullmatch(plain):
                return int(plain)
        self._uncertain(path, text, line)
        return BLANK

    def _uncertain(self, path: str, text: str, line: int) -> None:
        self.findings.append(
            _finding(
                CELL,
                Severity.WARNING,
                Status.UNCERTAIN,
                f"单元格 {path} 的内容“{text}”不是数字、空白或“/”，按空白读取",
                f"cell {path} holds {text!r}, which is not a number, blank or '/'; read as blank",
                paths=(path,),
                reported=text,
                location=self._loc(line),
            )
        )

    def _extra_value(self, text: str, path: str, line: int) -> CellValue:
        stripped = text.strip()
        plain = normalise(stripped)
        if stripped == "":
            return BLANK
        if plain == "/":
            return NOT_APPLICABLE
        if _INT.fullmatch(stripped):
            return int(stripped)
        try:
            return Money.parse(stripped)
        except ValueError:
            self._uncertain(path, text, line)
            return BLANK

    def read(self, raws: list[_Raw]) -> Table:
        spec = self.spec
        pairs = [(raw, line) for raw in raws for line in raw.rows]
        matched = self._rows([line for _, line in pairs])
        cells: dict[str, CellValue] = {}
        extras: list[ExtraRow] = []
        seen_rows: set[str] = set()
        maps: dict[tuple[int, str], list[tuple[Row | None, Column] | None]] = {}
        last: str | None = None
        row_ids = {r.id for r in spec.rows}
        for (raw, line), row in zip(pairs, matched, strict=True):
            if row is None:
                # A values row under pinned columns (Table 4 written as one row of 15).
                group = spec.groups[0]
                colmap = maps.setdefault((id(raw), group.id), self._columns(raw, group))
                if line.pinned and colmap and all(t is not None and t[0] for t in colmap):
                    self._place(line, colmap, None, cells, seen_rows)
                    continue
                k = len(extras)
                values = tuple(
                    self._extra_value(v, f"{spec.id}.extra_rows[{k}].values[{j}]", line.line)
                    for j, v in enumerate(line.values[: line.written])
                )
                after = line.after if line.after in row_ids else last
                extras.append(ExtraRow(label=line.label, values=values, after=after))
                self.findings.append(
                    _finding(
                        EXTRA_ROW,
                        Severity.NOTICE,
                        Status.FAIL,
                        f"表格中有格式之外的行“{line.label}”，已作为附加行保留",
                        f"a row the format does not have, {line.label!r}, is kept as an extra row",
                        paths=(f"{spec.id}.extra_rows[{k}]",),
                        reported=line.label,
                        location=self._loc(line.line),
                    )
                )
                continue
            group = spec.group_of(row.id)
            colmap = maps.setdefault((id(raw), group.id), self._columns(raw, group))
            self._place(line, colmap, row, cells, seen_rows)
            last = row.id
        self._missing(cells)
        values = tuple(cells.get(c.id, BLANK) for c in spec.cells)
        return Table(spec=spec, values=values, extra_rows=tuple(extras))

    def _place(
        self,
        line: _Line,
        colmap: list[tuple[Row | None, Column] | None],
        row: Row | None,
        cells: dict[str, CellValue],
        seen: set[str],
    ) -> None:
        spec = self.spec
        for j, text in enumerate(line.values):
            target = colmap[j] if j < len(colmap) else None
            if target is None or (target[0] is None and row is None):
                if text.strip():
                    self.findings.append(
                        _finding(
                            CELL,
                            Severity.WARNING,
                            Status.UNCERTAIN,
                            f"“{text}”所在的列无法对应到表格的任何一列，未读取",
                            f"{text!r} is in a column that matches none of the table's; not read",
                            paths=(f"{spec.id}.{row.id}" if row else spec.id,),
                            reported=text,
                            location=self._loc(line.line),
                        )
                    )
                continue
            pin, column = target
            target_row = pin or row
            assert target_row is not None
            cell_id = f"{target_row.id}.{column.id}"
            if cell_id in cells:
                continue
            cells[cell_id] = self._value(
                text, spec.cell(cell_id), f"{spec.id}.{cell_id}", line.line
            )

    def _missing(self, cells: dict[str, CellValue]) -> None:
        spec = self.spec
        for group in spec.groups:
            for row in group.rows:
                lost = [
                    f"{spec.id}.{row.id}.{c.id}"
                    for c in group.columns
                    if f"{row.id}.{c.id}" not in cells
                ]
                if lost:
                    # A row not in the table at all, or cells under no column of it.
                    self.findings.append(
                        _finding(
                            ROW_MISSING if len(lost) == len(group.columns) else CELL,
                            Severity.WARNING,
                            Status.UNCERTAIN,
                            f"表格中找不到“{PATH_SEPARATOR.join(row.label_path)}”的 "
                            f"{len(lost)} 个单元格，按空白读取",
                            f"{len(lost)} cell(s) of row {PATH_SEPARATOR.join(row.label_path)!r} "
                            "are not in the table; read as blank",
                            paths=tuple(lost),
                        )
                    )


# --- the report ------------------------------------------------------------------------


def _score(raw: _Raw, spec: TableSpec) -> int:
    rows = {normalise(r.label) for r in spec.rows} | {
        normalise("".join(r.label_path)) for r in spec.rows
    }
    columns = {normalise(c.label) for g in spec.groups for c in g.columns}
    hints = {normalise(h) for h in (spec.corner_note, spec.column_group) if h} | {
        normalise(h) for g in spec.groups for h in (g.caption, g.header_first_cell) if h
    }
    score = sum(
        1
        for line in raw.rows
        if line.labels
        and (normalise(line.labels[-1]) in rows or normalise("".join(line.labels)) in rows)
    )
    score += sum(1 for path in raw.columns if path and normalise(path[-1]) in columns)
    score += sum(2 for h in raw.hints if normalise(h) in hints)
    return score


def _best_spec(raw: _Raw) -> TableSpec | None:
    """The statistic table (of either format) that ``raw`` matches best, if any."""
    scored = [(_score(raw, t), t) for f in FORMATS.values() for t in f.tables]
    best = max(score for score, _ in scored)
    return next(t for score, t in scored if score == best) if best else None


def _version(raws: list[_Raw]) -> FormatVersion | None:
    scores = {v: sum(_score(raw, t) for raw in raws for t in f.tables) for v, f in FORMATS.items()}
    best = max(scores.values(), default=0)
    winners = [v for v, s in scores.items() if s == best]
    return winners[0] if best and len(winners) == 1 else None


def _section_id(heading: str, sections: Sequence[SectionSpec], used: set[str]) -> str:
    n = normalise(heading)
    for spec in sections:
        if n in {normalise(h) for h in (spec.heading, *spec.variants)}:
            return spec.id
    for spec in sections:
        if n.startswith(_NUMERALS[spec.number - 1] + "、") and spec.id not in used:
            return spec.id
    for spec in sections:
        if spec.id not in used:
            return spec.id
    return f"section{len(used) + 1}"


def _is_heading(para: _Para, sections: Sequence[SectionSpec]) -> bool:
    n = normalise(para.text)
    return any(n in {normalise(h) for h in (s.heading, *s.variants)} for s in sections)


def _signing_date(text: str) -> dt.date | None:
    match = _DATE.fullmatch(normalise(text))
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


@attrs.define
class _Front:
    """What our front matter says, checked."""

    ours: bool = False
    version: FormatVersion | None = None
    year: int | None = None
    agency: str | None = None
    embedded: dict[str, Any] = attrs.Factory(dict)


def _read_front(text: str | None, source: str, findings: list[Finding]) -> _Front:
    front = _Front()
    if text is None:
        return front
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        findings.append(_front_problem(source, f"not YAML: {exc}"))
        return front
    if not isinstance(data, dict) or FRONT_MATTER_KEY not in data:
        return front  # someone else's front matter (a static site generator's, say)
    front.ours = True
    problems = []
    version = data.get("format_version")
    if version is not None:
        try:
            front.version = FormatVersion(str(version))
        except ValueError:
            problems.append(f"format_version {version!r} is not '2019' or '2021'")
    year = data.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        front.year = year
    elif year is not None:
        problems.append(f"year {year!r} is not a whole number")
    agency = data.get("agency")
    if isinstance(agency, str):
        front.agency = agency
    elif agency is not None:
        problems.append(f"agency {agency!r} is not text")
    front.embedded = {"version": data[FRONT_MATTER_KEY]} | {
        k: v
        for k, v in data.items()
        if k in ("agency_kind", "publication_date", "contact", "processing_fee")
    }
    for problem in problems:
        findings.append(_front_problem(source, problem))
    return front


def _front_problem(source: str, problem: str) -> Finding:
    return _finding(
        FRONT_MATTER,
        Severity.WARNING,
        Status.UNCERTAIN,
        f"文首元数据（front matter）有误，已忽略相关项：{problem}",
        f"the front matter has a problem and the item was ignored: {problem}",
        paths=("metadata",),
        location=f"{source}: front matter",
    )


class MarkdownReader:
    """Markdown written by :class:`~govinfo_report.writers.markdown.MarkdownWriter`
    (either table mode), or by hand in the same layout."""

    name = "markdown"
    suffixes = (".md", ".markdown")

    def sniff(self, data: bytes) -> bool:
        """Our front matter, or a ``# `` title about 政府信息公开 and a pipe table."""
        head = data[:8192].lstrip(b"\xef\xbb\xbf")
        if head.startswith(b"---\n") and f"\n{FRONT_MATTER_KEY}:".encode() in head[:4096]:
            return True
        text = head.decode("utf-8", errors="ignore")
        title = re.search(r"^# .*政府信息公开", text, re.MULTILINE)
        table = re.search(r"^\|.*\|\s*\n\|\s*:?-{3,}", text, re.MULTILINE)
        return title is not None and table is not None

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in ``data`` (UTF-8 Markdown), with the reader's findings.

        Raises:
            ReportReadError: not UTF-8 text, or no report in it (no year, no sections
                and no tables).
        """
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReportReadError(
                f"{source} is not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}"
            ) from None
        text = text.replace("\r\n", "\n")
        findings: list[Finding] = []
        front_text, body, offset = _front_matter(text)
        front = _read_front(front_text, source, findings)
        blocks = _blocks(body, offset)
        return _Assembler(source, front, findings).assemble(blocks)


class _Assembler:
    def __init__(self, source: str, front: _Front, findings: list[Finding]) -> None:
        self.source = source
        self.front = front
        self.findings = findings

    def assemble(self, blocks: list[_Block]) -> ReadResult:
        front = self.front
        raws = [b for b in blocks if isinstance(b, _Raw)]
        version = front.version or _version(raws)
        sections_spec = FORMATS[version or FormatVersion.V2021].sections
        # A paragraph right before a table that names the table's caption (Table 2) or
        # corner note (Table 3) belongs to the table, unless the table already has it.
        consumed: set[int] = set()
        for i, block in enumerate(blocks):
            if isinstance(block, _Raw) and i and isinstance(blocks[i - 1], _Para):
                para = blocks[i - 1]
                assert isinstance(para, _Para)
                if not para.level and self._is_caption(para, block):
                    consumed.add(i - 1)
                    blocks[i] = attrs.evolve(block, hints=(*block.hints, para.text))
        blocks = [b for i, b in enumerate(blocks) if i not in consumed]

        # Title: the level-1 headings at the top.
        title: list[str] = []
        start = 0
        while start < len(blocks):
            block = blocks[start]
            if not (isinstance(block, _Para) and block.level == 1):
                break
            title.append(block.text)
            start += 1

        # Signature: after the last thematic break that follows the last section.
        signature: list[str] = []
        end = len(blocks)
        last_break = max((i for i, b in enumerate(blocks) if isinstance(b, _Break)), default=-1)
        tail = blocks[last_break + 1 :]
        if last_break >= start and tail and all(isinstance(b, _Para) and not b.level for b in tail):
            end = last_break
            for b in tail:
                assert isinstance(b, _Para)
                signature.extend(b.text.split("\n"))
        elif not front.ours:
            last = blocks[-1] if blocks else None
            if isinstance(last, _Para) and not last.level and last.run_in is None:
                lines = last.text.split("\n")
                if _signing_date(lines[-1]) is not None:
                    end = len(blocks) - 1
                    signature = lines
                    prev = blocks[-2] if len(blocks) > 1 else None
                    if (
                        len(lines) == 1
                        and isinstance(prev, _Para)
                        and not prev.level
                        and len(prev.text) < 40
                    ):
                        end -= 1
                        signature = [prev.text, *lines]

        intro: list[str] = []
        sections: list[dict[str, Any]] = []
        tables: list[tuple[_Raw, str | None]] = []
        used: set[str] = set()
        for block in blocks[start:end]:
            if isinstance(block, _Break):
                continue
            if isinstance(block, _Raw):
                tables.append((block, sections[-1]["id"] if sections else None))
                continue
            is_section = block.level in (1, 2) or (
                not front.ours and not block.level and _is_heading(block, sections_spec)
            )
            if is_section:
                section_id = _section_id(block.text, sections_spec, used)
                used.add(section_id)
                sections.append(
                    {"id": section_id, "heading": block.text, "paragraphs": [], "subs": []}
                )
                continue
            if not sections:
                intro.append(block.text)
                continue
            section = sections[-1]
            if block.level >= 3:
                section["subs"].append(Subsection(heading=block.text))
            elif block.run_in is not None:
                heading, rest = block.run_in
                section["subs"].append(
                    Subsection(heading=heading, paragraphs=(rest,) if rest else (), run_in=True)
                )
            elif section["subs"]:
                sub = section["subs"][-1]
                section["subs"][-1] = attrs.evolve(sub, paragraphs=(*sub.paragraphs, block.text))
            else:
                section["paragraphs"].append(block.text)

        if not sections and not tables:
            raise ReportReadError(
                f"{self.source} does not look like a report: no section headings "
                "(## 一、总体情况 …) and no statistic tables"
            )
        meta = self._metadata(title, signature, version)
        spec = FORMATS[meta.format_version]
        report_tables = self._tables(spec, tables)
        report = Report(
            metadata=meta,
            intro=tuple(intro),
            sections=tuple(
                Section(
                    id=s["id"],
                    heading=s["heading"],
                    paragraphs=tuple(s["paragraphs"]),
                    subsections=tuple(s["subs"]),
                )
                for s in sections
            ),
            proactive=report_tables["proactive"],
            applications=report_tables["applications"],
            review_litigation=report_tables["review_litigation"],
        )
        if front.ours:
            try:
                report = _embedded.apply(report, front.embedded)
            except (ValueError, TypeError, KeyError, ExceptionGroup) as exc:
                self.findings.append(_front_problem(self.source, str(exc) or type(exc).__name__))
        else:
            self.findings.append(
                _finding(
                    AGENCY_KIND,
                    Severity.NOTICE,
                    Status.FAIL,
                    "文档未说明机关类型，按“政府部门”读取",
                    "the document does not say what kind of agency reports; read as a department",
                    paths=("metadata.agency_kind",),
                )
            )
        return ReadResult(report, tuple(self.findings))

    def _is_caption(self, para: _Para, raw: _Raw) -> bool:
        spec = _best_spec(raw)
        if spec is None:
            return False
        captions = {normalise(g.caption) for g in spec.groups if g.caption}
        corner = normalise(spec.corner_note) if spec.corner_note else None
        text = normalise(para.text)
        if any(normalise(h) in captions or normalise(h) == corner for h in raw.hints):
            return False  # an HTML table carries its own caption / corner cell
        if text in captions:
            # We write a caption bold and alone; a body paragraph is never all bold.
            bold_alone = para.run_in is not None and not para.run_in[1]
            return bold_alone or not self.front.ours
        return text == corner and (para.run_in is None or not self.front.ours)

    def _metadata(
        self, title: list[str], signature: list[str], version: FormatVersion | None
    ) -> Metadata:
        front = self.front
        signing_date = _signing_date(signature[-1]) if signature else None
        if front.ours and signature == [front.agency]:
            signing_date = None  # the agency alone (a name that happens to read as a date)
        signed_by = "\n".join(signature[:-1] if signing_date else signature)
        agency = front.agency
        year = front.year
        custom: str | None = None
        standard = _YEAR_LINE.fullmatch(title[1]) if len(title) == 2 else None
        if standard is not None and (
            not front.ours or (title[0], int(standard[1])) == (front.agency, front.year)
        ):
            agency, year = title[0], int(standard[1])
        elif title:
            custom = "".join(title)
            if agency is None or year is None:
                found = _TITLE_YEAR.search(custom)
                if found is not None and year is None:
                    year = int(found[1])
                    if agency is None:
                        guess = _TITLE_TAIL.sub("", custom.replace(found[0], "", 1)).strip()
                        agency = guess or None
                if (
                    not front.ours
                    and agency is not None
                    and year is not None
                    and custom == f"{agency}{year}{_TITLE_SUFFIX}"
                ):
                    custom = None
        if agency is None:
            agency = signed_by
        if year is None:
            raise ReportReadError(
                f"{self.source}: cannot tell which year the report is on: expected a title "
                f"like '…2021{_TITLE_SUFFIX}' or 'year:' in the front matter"
            )
        if (
            front.ours
            and standard is not None
            and (title[0], int(standard[1])) != (front.agency, front.year)
        ):
            self.findings.append(
                _front_problem(
                    self.source,
                    f"agency/year {front.agency!r}/{front.year} differ from the title; "
                    "the title is read",
                )
            )
            agency, year = title[0], int(standard[1])
        return Metadata(
            agency=agency,
            year=year,
            format_version=version or format_for_year(max(year, 2019)).version,
            agency_kind=AgencyKind.DEPARTMENT,
            signing_date=signing_date,
            title=custom,
        )

    def _tables(self, spec: FormatSpec, tables: list[tuple[_Raw, str | None]]) -> dict[str, Table]:
        carriers = {s.id: s.table for s in spec.sections if s.table}
        found: dict[str, list[_Raw]] = {t.id: [] for t in spec.tables}
        for raw, section_id in tables:
            scores = {t.id: _score(raw, t) for t in spec.tables}
            best = max(scores.values())
            table_id = (
                max(scores, key=lambda k: scores[k]) if best else carriers.get(section_id or "")
            )
            if table_id is not None:
                found[table_id].append(raw)
        out: dict[str, Table] = {}
        for table in spec.tables:
            raws = found[table.id]
            if not raws:
                self.findings.append(
                    _finding(
                        TABLE_MISSING,
                        Severity.WARNING,
                        Status.UNCERTAIN,
                        f"找不到表格“{table.title}”，其单元格按空白读取",
                        f"table {table.number} ({table.english}) is not in the document; "
                        "its cells are read as blank",
                        paths=(table.id,),
                    )
                )
                out[table.id] = Table.blank(table)
                continue
            out[table.id] = _TableReader(table, self.findings, self.source).read(raws)
        return out


__all__ = [
    "FRONT_MATTER",
    "MarkdownReader",
    "normalise",
]
