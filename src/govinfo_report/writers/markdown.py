"""The Markdown writer: a report as a readable document that reads back losslessly.

The document is a YAML front matter (the fields a report does not print, plus its
identity), the title, the intro, the six sections with their sub-headings, Tables 2–4
after the text of sections 二–四, and the signature block. Tables are GFM pipe tables
flattened as documented in ``docs/writers/markdown.md`` (``tables="gfm"``), or HTML
tables with the official merges (``tables="html"``). Rendering follows markdown-it-py's
renderers: the report becomes a stream of ``(kind, payload)`` blocks and a rule table maps
each kind to a small function returning that block's Markdown. Every piece of text is
escaped so that it parses back, with any CommonMark parser, to exactly the same string.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO, Final, Literal

from govinfo_report import _embedded
from govinfo_report._markdown_conventions import FRONT_MATTER_KEY, PATH_SEPARATOR
from govinfo_report.errors import ReportWriteError, UnknownFormatError
from govinfo_report.formats import Row, RowGroup, TableSpec
from govinfo_report.model import (
    Empty,
    ExtraRow,
    Metadata,
    Money,
    Report,
    Section,
    Subsection,
    Table,
)
from govinfo_report.model.text import UNSTORABLE, UNSTORABLE_CHARACTERS

TableMode = Literal["gfm", "html"]
TABLE_MODES: Final = ("gfm", "html")

IDENTITY_KEYS: Final = ("format_version", "year", "agency")
"""Front matter keys that repeat the report's identity (see the module docs)."""
EMPTY_PARAGRAPH: Final = "<p></p>"
"""How an empty paragraph is written (Markdown has no empty paragraph of its own)."""

# --- escaping -------------------------------------------------------------------------

# Characters that start inline syntax anywhere in a line (or end an ATX heading, or split
# a table cell). A backslash before ASCII punctuation always yields the character itself.
_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~#"})
_ORDERED_MARKER = re.compile(r"\d{1,9}(?=[.)])")
# Entities CommonMark decodes to the character itself (it turns the rest into U+FFFD).
_NO_ENTITY = frozenset([*range(0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0)])


def _entity(ch: str) -> str:
    return ch if ord(ch) in _NO_ENTITY else f"&#{ord(ch)};"


# Control characters other than tab, line feed and carriage return: CommonMark drops
# them at the ends of a line and has no character reference for them (nor has DOCX).
# Lone surrogates cannot be encoded as UTF-8 at all. (No output stores any of them.)
_UNWRITABLE = UNSTORABLE


# Anything that needs escaping; text without it is written as is (the common case).
_PLAIN = re.compile(rf"[\\`*_\[\]<>&|~#\r\n{UNSTORABLE_CHARACTERS}]|^\s|\s$")


_HTML_PLAIN = re.compile(rf"[&<>\"'\r\n{UNSTORABLE_CHARACTERS}]")


def _check(text: str) -> None:
    bad = _UNWRITABLE.search(text)
    if bad is not None:
        raise ReportWriteError(
            f"cannot write control character U+{ord(bad.group()):04X} in {text[:60]!r}: "
            "Markdown cannot hold it; remove it from the report"
        )


def _escape_line(line: str, block_start: bool = True) -> str:
    """One line of text as inline Markdown that parses back to exactly ``line``.

    ``block_start`` says whether the line may be read as block syntax (a paragraph's
    lines may; a table cell's content may not).
    """
    if _UNWRITABLE.search(line):
        _check(line)
    core = line.strip()
    if core:
        start = line.index(core[0])
        lead, trail = line[:start], line[start + len(core) :]
    else:
        lead, trail = line, ""
    text = core.translate(_INLINE)
    if "\r" in text:  # a bare carriage return would end the line
        text = text.replace("\r", "&#13;")
    if text and block_start and not lead:
        # Block syntax that only counts at the start of a line: lists, setext underlines.
        if text[0] in "-+=":
            text = "\\" + text
        elif text[0].isdigit():
            marker = _ORDERED_MARKER.match(text)
            if marker is not None:
                text = text[: marker.end()] + "\\" + text[marker.end() :]
    # Markdown strips the whitespace around a line; entities keep it.
    if lead:
        text = "".join(map(_entity, lead)) + text
    if trail:
        text += "".join(map(_entity, trail))
    return text


def escape_text(text: str) -> str:
    """``text`` as inline Markdown that parses back to exactly ``text``.

    Special characters get a backslash, whitespace at the start or end of a line
    becomes a numeric character reference, and a line break becomes a hard break
    (backslash, newline).

    Raises:
        ReportWriteError: ``text`` holds a control character other than tab, line feed
            or carriage return, which no Markdown can hold.
    """
    if not text or (_PLAIN.search(text) is None and text[0] not in "-+=0123456789"):
        return text
    if "\n" not in text:
        return _escape_line(text)
    # A hard break cannot start or end a paragraph: line feeds there are references.
    body = text.strip("\n")
    start = text.index(body) if body else len(text)
    lead, trail = text[:start], text[start + len(body) :]
    middle = "\\\n".join(_escape_line(line) for line in body.split("\n")) if body else ""
    return "&#10;" * len(lead) + middle + "&#10;" * len(trail)


def escape_heading(text: str) -> str:
    """``text`` as the content of a one-line heading: line feeds become references."""
    if "\n" not in text:
        return _escape_line(text)
    return "&#10;".join(_escape_line(part) for part in text.split("\n"))


def escape_cell(text: str) -> str:
    """``text`` as the content of a GFM table cell (``|`` escaped, newlines as ``<br>``)."""
    if not text or _PLAIN.search(text) is None:
        return text
    lines = text.split("\n")
    return "<br>".join(_escape_line(line, block_start=False) for line in lines)


def escape_html(text: str) -> str:
    """``text`` as HTML cell content, line breaks kept as character references."""
    if _HTML_PLAIN.search(text) is None:
        return text
    _check(text)
    return html.escape(text).replace("\n", "&#10;").replace("\r", "&#13;")


def cell_text(value: Any) -> str:
    """A cell as the report prints it: digits, money as stated, ``""`` blank, ``"/"``."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Empty):
        return value.value
    if isinstance(value, Money):
        # Fixed-point digits: str(Decimal) may say "1E+3", which no cell holds.
        return f"{value.amount:f}{value.unit or ''}"
    raise TypeError(f"not a cell value: {value!r}")


def date_text(date: dt.date) -> str:
    """``2021年1月22日`` (GB/T 9704 7.3.5.4: full year, no leading zeros)."""
    return f"{date.year}年{date.month}月{date.day}日"


def title_lines(meta: Metadata) -> tuple[str, ...]:
    """The title as printed: agency and year line for the standard title, else one line."""
    if meta.title is not None:
        return (meta.title,)
    standard = meta.standard_title
    return (meta.agency, standard[len(meta.agency) :])


# --- document order of rows ------------------------------------------------------------


def table_rows(spec: TableSpec, table: Table) -> Iterator[tuple[RowGroup, Row | ExtraRow]]:
    """Every row of ``table`` in document order, extra rows at their ``after`` positions.

    Extra rows with the same ``after`` keep their order. (Every ``after`` names a row of
    the table: :class:`~govinfo_report.model.Table` refuses any other.)
    """
    placed: dict[str | None, list[ExtraRow]] = {}
    for extra in table.extra_rows:
        placed.setdefault(extra.after, []).append(extra)
    first = True
    for group in spec.groups:
        if first:
            for extra in placed.get(None, ()):
                yield group, extra
            first = False
        for row in group.rows:
            yield group, row
            for extra in placed.get(row.id, ()):
                yield group, extra


# --- GFM tables ------------------------------------------------------------------------


def _gfm(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A pipe table; rows may be shorter (an extra row prints only its own cells)."""
    width = max(len(header), *map(len, rows)) if rows else len(header)
    head = [*header, *[""] * (width - len(header))]
    lines = ["| " + " | ".join(head) + " |", "| --- |" + " ---: |" * (width - 1)]
    lines.extend("| " + " | ".join(cells) + " |" for cells in rows)
    return "\n".join(lines)


def _cell_md(value: Any) -> str:
    # Counts, blank and "/" never need escaping; only a money unit might.
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Empty):
        return value.value
    return escape_cell(cell_text(value))


_ROW_CACHE: dict[int, tuple[TableSpec, dict[str, tuple[str, tuple[int, ...]]]]] = {}


def _row_layout(spec: TableSpec) -> dict[str, tuple[str, tuple[int, ...]]]:
    """Per row id: the escaped label path and the value indices (computed once a format)."""
    cached = _ROW_CACHE.get(id(spec))
    if cached is None or cached[0] is not spec:
        layout = {
            row.id: (
                escape_cell(PATH_SEPARATOR.join(row.label_path)),
                tuple(spec.index[f"{row.id}.{c.id}"] for c in group.columns),
            )
            for group in spec.groups
            for row in group.rows
        }
        cached = _ROW_CACHE[id(spec)] = (spec, layout)
    return cached[1]


def _gfm_row(row: Row | ExtraRow, table: Table) -> list[str]:
    if isinstance(row, ExtraRow):
        return [escape_cell(row.label), *(_cell_md(v) for v in row.values)]
    label, indices = _row_layout(table.spec)[row.id]
    values = table.values
    return [label, *(_cell_md(values[i]) for i in indices)]


def gfm_proactive(writer: MarkdownWriter, table: Table) -> str:
    """Table 2: one small table per 第二十条 block, its caption in bold above it."""
    blocks: list[str] = []
    rows: list[list[str]] = []
    current: RowGroup | None = None

    def flush() -> None:
        if current is not None:
            header = [current.header_first_cell or "", *(c.label for c in current.columns)]
            blocks.append(f"**{escape_text(current.caption or '')}**")
            blocks.append(_gfm([escape_cell(h) for h in header], rows))

    for group, row in table_rows(table.spec, table):
        if group is not current:
            flush()
            current, rows = group, []
        rows.append(_gfm_row(row, table))
    flush()
    return "\n\n".join(blocks)


def _composite(spec: TableSpec, group: RowGroup) -> list[str]:
    names = []
    for column in group.columns:
        parts = [p for p in (spec.column_group, column.parent) if p]
        names.append(PATH_SEPARATOR.join([*parts, column.label]))
    return names


def gfm_applications(writer: MarkdownWriter, table: Table) -> str:
    """Table 3: the corner note once above, then one row per data row, label path first."""
    spec = table.spec
    group = spec.groups[0]
    header = ["", *(escape_cell(n) for n in _composite(spec, group))]
    rows = [_gfm_row(row, table) for _, row in table_rows(spec, table)]
    body = _gfm(header, rows)
    return f"{escape_text(spec.corner_note)}\n\n{body}" if spec.corner_note else body


def gfm_review_litigation(writer: MarkdownWriter, table: Table) -> str:
    """Table 4: three rows (行政复议, 行政诉讼 / 未经复议直接起诉, 行政诉讼 / 复议后起诉) × 5."""
    group = table.spec.groups[0]
    header = ["", *(escape_cell(c.label) for c in group.columns)]
    return _gfm(header, [_gfm_row(row, table) for _, row in table_rows(table.spec, table)])


# --- HTML tables -----------------------------------------------------------------------


def _td(text: str, tag: str = "td", rowspan: int = 1, colspan: int = 1) -> str:
    attrs = ""
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    return f"<{tag}{attrs}>{escape_html(text)}</{tag}>"


def _value_td(value: Any) -> str:
    # The common cells (counts, blank, "/") need no escaping.
    if isinstance(value, int):
        return f"<td>{value}</td>"
    if isinstance(value, Empty):
        return f"<td>{value.value}</td>"
    return _td(cell_text(value))


def _values(table: Table, row: Row, group: RowGroup) -> list[str]:
    _, indices = _row_layout(table.spec)[row.id]
    values = table.values
    return [cell_text(values[i]) for i in indices]


def _value_tds(table: Table, row: Row) -> list[str]:
    _, indices = _row_layout(table.spec)[row.id]
    values = table.values
    return [_value_td(values[i]) for i in indices]


def _extra_tr(extra: ExtraRow, label_span: int = 1, attrs: str = "") -> str:
    cells = [_td(extra.label, colspan=label_span), *(_td(cell_text(v)) for v in extra.values)]
    return f"<tr{attrs}>{''.join(cells)}</tr>"


def html_proactive(writer: MarkdownWriter, table: Table) -> str:
    """Table 2 as the official grid: caption rows across, 信息内容 header rows, and the
    last column of a narrower block spanning the rest of the width."""
    spec = table.spec
    width = 1 + max(len(g.columns) for g in spec.groups)
    lines = ["<table>"]
    current: RowGroup | None = None
    for group, row in table_rows(spec, table):
        n = len(group.columns)
        if group is not current:
            current = group
            lines.append(f"<tr>{_td(group.caption or '', 'th', colspan=width)}</tr>")
            head = [_td(group.header_first_cell or "", "th")]
            head += [
                _td(c.label, "th", colspan=width - n if i == n - 1 else 1)
                for i, c in enumerate(group.columns)
            ]
            lines.append(f"<tr>{''.join(head)}</tr>")
        if isinstance(row, ExtraRow):
            lines.append(_extra_tr(row))
            continue
        cells = [_td(row.label)]
        cells += [
            _td(v, colspan=width - n if i == n - 1 else 1)
            for i, v in enumerate(_values(table, row, group))
        ]
        lines.append(f"<tr>{''.join(cells)}</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def _common_depth(a: Row | None, b: Row | None) -> int:
    """How many label levels two neighbouring rows share (0 at the table's edges)."""
    if a is None or b is None:
        return 0
    depth = 0
    for x, y in zip(a.label_path[:-1], b.label_path[:-1], strict=False):
        if x != y:
            break
        depth += 1
    return depth


def html_applications(writer: MarkdownWriter, table: Table) -> str:
    """Table 3 with its three header rows and the merged label columns.

    Spans come from the label paths: a label shared by consecutive rows is one cell
    spanning them (三、本年度办理结果 rowspan 22 in 2021, 20 in 2019; the （三）（四）（五）
    （六） groups), and a row with fewer levels spans the remaining label columns. An
    extra row inside a group is covered by the group's cell and fills the levels below.
    """
    spec = table.spec
    group = spec.groups[0]
    levels = max(len(r.label_path) for r in spec.rows)
    physical = [row for _, row in table_rows(spec, table)]
    # Each extra row sits between two standard rows; it is inside the groups both share.
    standard_before: list[Row | None] = []
    last: Row | None = None
    for row in physical:
        standard_before.append(last)
        if isinstance(row, Row):
            last = row
    standard_after: list[Row | None] = [None] * len(physical)
    following: Row | None = None
    for i in range(len(physical) - 1, -1, -1):
        standard_after[i] = following
        if isinstance(physical[i], Row):
            following = physical[i]  # type: ignore[assignment]
    depth_at = [
        _common_depth(standard_before[i], standard_after[i]) if isinstance(r, ExtraRow) else None
        for i, r in enumerate(physical)
    ]

    def prefix(i: int, level: int) -> tuple[str, ...] | None:
        row = physical[i]
        if isinstance(row, Row):
            return row.label_path[: level + 1] if level < len(row.label_path) - 1 else None
        depth = depth_at[i] or 0
        inside = standard_before[i]
        return inside.label_path[: level + 1] if inside is not None and level < depth else None

    data = spec.column_group or ""
    n = len(group.columns)
    under = [c for c in group.columns if c.parent]
    lines = [
        "<table>",
        "<tr>"
        + _td(spec.corner_note or "", "th", rowspan=3, colspan=levels)
        + _td(data, "th", colspan=n)
        + "</tr>",
    ]
    second, third = [], []
    parent_done: set[str] = set()
    for column in group.columns:
        if column.parent is None:
            second.append(_td(column.label, "th", rowspan=2))
        else:
            if column.parent not in parent_done:
                parent_done.add(column.parent)
                span = sum(1 for c in under if c.parent == column.parent)
                second.append(_td(column.parent, "th", colspan=span))
            third.append(_td(column.label, "th"))
    lines += [f"<tr>{''.join(second)}</tr>", f"<tr>{''.join(third)}</tr>"]
    for i, row in enumerate(physical):
        cells: list[str] = []
        if isinstance(row, ExtraRow):
            depth = depth_at[i] or 0
            lines.append(_extra_tr(row, label_span=levels - depth))
            continue
        path = row.label_path
        for level in range(len(path)):
            key = path[: level + 1]
            if level < len(path) - 1:
                if i > 0 and prefix(i - 1, level) == key:
                    continue  # covered by the group cell above
                span = 1
                while i + span < len(physical) and prefix(i + span, level) == key:
                    span += 1
                cells.append(_td(path[level], rowspan=span))
            else:
                cells.append(_td(path[level], colspan=levels - level))
        cells += _value_tds(table, row)
        lines.append(f"<tr>{''.join(cells)}</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def html_review_litigation(writer: MarkdownWriter, table: Table) -> str:
    """Table 4 with its four official rows: groups, sub-groups, column labels, values.

    It has no row-label column, so extra rows follow the values row, each with its label
    first and its ``after`` in a ``data-after`` attribute.
    """
    spec = table.spec
    group = spec.groups[0]
    n = len(group.columns)
    first, second, third, values = [], [], [], []
    previous: str | None = None
    for row in group.rows:
        head = row.label_path[0]
        if head != previous:
            span = n * sum(1 for r in group.rows if r.label_path[0] == head)
            first.append(_td(head, "th", colspan=span))
            previous = head
        if len(row.label_path) == 1:
            second += [_td(c.label, "th", rowspan=2) for c in group.columns]
        else:
            second.append(_td(row.label_path[1], "th", colspan=n))
            third += [_td(c.label, "th") for c in group.columns]
        values += _value_tds(table, row)
    lines = ["<table>"]
    lines += [f"<tr>{''.join(cells)}</tr>" for cells in (first, second, third, values)]
    for _, placed in table_rows(spec, table):
        if isinstance(placed, ExtraRow):
            after = placed.after
            attrs = f' data-after="{escape_html(after)}"' if after is not None else ""
            lines.append(_extra_tr(placed, attrs=attrs))
    lines.append("</table>")
    return "\n".join(lines)


# --- the other blocks ------------------------------------------------------------------


# JSON string syntax is YAML's double-quoted style, but for the characters YAML treats
# as line breaks or as unprintable, which must be escaped there.
_YAML_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), 0x2028, 0x2029, 0xFEFF)}


def _yaml(data: Mapping[str, Any], indent: str = "") -> list[str]:
    """A mapping of strings, whole numbers and mappings as block YAML (strings quoted).

    Written directly rather than through PyYAML, which took a quarter of the render time.
    """
    lines = []
    for key, value in data.items():
        if isinstance(value, Mapping) and not value:
            lines.append(f"{indent}{key}: {{}}")
        elif isinstance(value, Mapping):
            lines.append(f"{indent}{key}:")
            lines.extend(_yaml(value, indent + "  "))
        elif isinstance(value, str):
            if _UNWRITABLE.search(value):  # escaped here, but no other output holds it
                _check(value)
            quoted = json.dumps(value, ensure_ascii=False).translate(_YAML_ESCAPES)
            lines.append(f"{indent}{key}: {quoted}")
        elif isinstance(value, int) and not isinstance(value, bool):
            lines.append(f"{indent}{key}: {value}")
        elif value is None:
            lines.append(f"{indent}{key}: null")
        else:
            raise TypeError(f"cannot write {type(value).__name__} {key} in the front matter")
    return lines


def render_front_matter(writer: MarkdownWriter, report: Report) -> str:
    """YAML between ``---`` lines: our marker, the identity, the unprinted fields."""
    meta = report.metadata
    unprinted = _embedded.unprinted(report)
    unprinted.pop(_embedded.SIDEWAYS_AFTER, None)  # Table 4 prints row by row here
    data: dict[str, Any] = {
        FRONT_MATTER_KEY: unprinted.pop("version"),
        "format_version": meta.format_version.value,
        "year": meta.year,
        "agency": meta.agency,
        **unprinted,
    }
    return "\n".join(["---", *_yaml(data), "---"])


def render_title(writer: MarkdownWriter, meta: Metadata) -> str:
    """``# agency`` and ``# YYYY年政府信息公开工作年度报告``, or ``# custom title``."""
    return "\n".join(f"# {escape_heading(line)}".rstrip() for line in title_lines(meta))


def render_paragraph(writer: MarkdownWriter, text: str) -> str:
    """A body paragraph; an empty one as ``<p></p>``."""
    return escape_text(text) if text else EMPTY_PARAGRAPH


def render_section(writer: MarkdownWriter, section: Section) -> str:
    """``## heading``, its paragraphs, its sub-sections."""
    parts = [f"## {escape_heading(section.heading)}".rstrip()]
    parts += [render_paragraph(writer, p) for p in section.paragraphs]
    parts += [writer.rules["subsection"](writer, s) for s in section.subsections]
    return "\n\n".join(parts)


def render_subsection(writer: MarkdownWriter, sub: Subsection) -> str:
    """``### heading`` and paragraphs; a run-in heading as ``**heading** first paragraph``.

    The space after the closing ``**`` is required: CommonMark does not close emphasis
    between Chinese punctuation and a letter (``**（一）问题。**一是`` stays literal).
    """
    paragraphs = list(sub.paragraphs)
    if sub.run_in:
        strong = f"**{escape_text(sub.heading)}**" if sub.heading else "<strong></strong>"
        # An empty first paragraph stays a paragraph of its own: reading the bold
        # heading alone and then "<p></p>" gives the same subsection back.
        if paragraphs and paragraphs[0]:
            parts = [f"{strong} {escape_text(paragraphs.pop(0))}"]
        else:
            parts = [strong]
    else:
        parts = [f"### {escape_heading(sub.heading)}".rstrip()]
    parts += [render_paragraph(writer, p) for p in paragraphs]
    return "\n\n".join(parts)


def render_signature(writer: MarkdownWriter, meta: Metadata) -> str:
    """A thematic break, then the agency and the 成文日期 on two lines."""
    lines = [escape_text(meta.agency)] if meta.agency else []
    if meta.signing_date is not None:
        lines.append(date_text(meta.signing_date))
    return "---\n\n" + "\\\n".join(lines)


Rule = Callable[["MarkdownWriter", Any], str]

DEFAULT_RULES: Mapping[str, Rule] = {
    "front_matter": render_front_matter,
    "title": render_title,
    "paragraph": render_paragraph,
    "section": render_section,
    "subsection": render_subsection,
    "proactive": gfm_proactive,
    "applications": gfm_applications,
    "review_litigation": gfm_review_litigation,
    "signature": render_signature,
}
"""Block kind → rule, for ``tables="gfm"``."""

HTML_TABLE_RULES: Mapping[str, Rule] = {
    "proactive": html_proactive,
    "applications": html_applications,
    "review_litigation": html_review_litigation,
}
"""The table rules that ``tables="html"`` puts in place of the GFM ones."""


def blocks(report: Report) -> Iterator[tuple[str, Any]]:
    """The report as ``(kind, payload)`` blocks in document order.

    Each table follows the text of the section that carries it (二, 三, 四); a table
    whose section the report lacks comes after the last section.
    """
    yield "front_matter", report
    yield "title", report.metadata
    for paragraph in report.intro:
        yield "paragraph", paragraph
    spec = report.format
    carriers = {s.id: s.table for s in spec.sections if s.table}
    pending = [t.id for t in spec.tables]
    for section in report.sections:
        yield "section", section
        table_id = carriers.get(section.id)
        if table_id in pending:
            pending.remove(table_id)
            yield table_id, report.table(table_id)
    for table_id in pending:
        yield table_id, report.table(table_id)
    meta = report.metadata
    if meta.agency or meta.signing_date is not None:
        yield "signature", meta


class MarkdownWriter:
    """Reports as Markdown (``.md``), UTF-8.

    Args:
        tables: ``"gfm"`` (default) for GFM pipe tables flattened as documented, or
            ``"html"`` for HTML tables that keep the official merges.

    ``rules`` maps each block kind (``front_matter``, ``title``, ``paragraph``,
    ``section``, ``subsection``, ``proactive``, ``applications``, ``review_litigation``,
    ``signature``) to the function that renders it; replace an entry to change how one
    kind of block is written.

    Raises:
        UnknownFormatError: ``tables`` is neither ``"gfm"`` nor ``"html"``.
    """

    name = "markdown"
    suffix = ".md"
    binary = False

    def __init__(self, tables: TableMode = "gfm") -> None:
        if tables not in TABLE_MODES:
            expected = ", ".join(repr(m) for m in TABLE_MODES)
            raise UnknownFormatError(
                f"unknown Markdown table mode {tables!r}; expected one of {expected}"
            )
        self.tables: TableMode = tables
        self.rules: dict[str, Rule] = dict(DEFAULT_RULES)
        if tables == "html":
            self.rules.update(HTML_TABLE_RULES)

    def render(self, report: Report) -> str:
        """The report as Markdown text, ending with a newline."""
        rules = self.rules
        return "\n\n".join(rules[kind](self, payload) for kind, payload in blocks(report)) + "\n"

    def write(self, report: Report, dest: BinaryIO) -> None:
        """Write the report to ``dest`` as UTF-8."""
        dest.write(self.render(report).encode("utf-8"))


__all__ = [
    "DEFAULT_RULES",
    "FRONT_MATTER_KEY",
    "HTML_TABLE_RULES",
    "PATH_SEPARATOR",
    "TABLE_MODES",
    "MarkdownWriter",
    "blocks",
    "cell_text",
    "date_text",
    "escape_cell",
    "escape_heading",
    "escape_html",
    "escape_text",
    "table_rows",
    "title_lines",
]
