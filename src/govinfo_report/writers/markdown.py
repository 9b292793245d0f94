"""The Markdown writer: a report as a readable document that reads back losslessly.

The document is a YAML front matter (the fields a report does not print, plus its
identity), the title, the intro, the six sections with their sub-headings, Tables 2–4
after the text of sections 二–四, and the signature block; the contact details and the
fee are printed in a sentence where the prose does not state them
(:mod:`govinfo_report._stated`). Tables are GFM pipe tables
flattened as documented in ``docs/writers/markdown.md`` (``tables="gfm"``, this module),
or HTML tables with the official merges (``tables="html"``, :mod:`._md_html`), each laid
out as :mod:`govinfo_report.formats.layout` declares. Rendering follows markdown-it-py's
renderers: the report becomes a stream of ``(kind, payload)`` blocks and a rule table maps
each kind to a small function returning that block's Markdown (the text blocks are in
:mod:`._md_blocks`). Every piece of text is escaped (:mod:`._md_escape`) so that it
parses back, with any CommonMark parser, to exactly the same string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO, Final, Literal

from govinfo_report import _stated
from govinfo_report._markdown_conventions import FRONT_MATTER_KEY, PATH_SEPARATOR
from govinfo_report.errors import UnknownFormatError
from govinfo_report.formats import Row, RowGroup, TableSpec
from govinfo_report.formats.layout import Output, Shape, layout_of
from govinfo_report.model import Empty, ExtraRow, Report, Table
from govinfo_report.writers._md_blocks import (
    EMPTY_PARAGRAPH,
    date_text,
    render_front_matter,
    render_paragraph,
    render_section,
    render_signature,
    render_subsection,
    render_title,
    title_lines,
)
from govinfo_report.writers._md_escape import (
    cell_text,
    escape_cell,
    escape_heading,
    escape_html,
    escape_text,
)
from govinfo_report.writers._md_html import html_table

TableMode = Literal["gfm", "html"]
TABLE_MODES: Final = ("gfm", "html")

IDENTITY_KEYS: Final = ("format_version", "year", "agency")
"""Front matter keys that repeat the report's identity (see the module docs)."""

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


def _gfm_blocks(table: Table) -> str:
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


def _gfm_flat(table: Table) -> str:
    """Tables 3 and 4: a note above (Table 3's corner note), then one line per row, its
    label path first, under the composite column names (申请人情况 / 法人或其他组织 / 商业企业)."""
    spec = table.spec
    group = spec.groups[0]
    header = ["", *(escape_cell(n) for n in _composite(spec, group))]
    rows = [_gfm_row(row, table) for _, row in table_rows(spec, table)]
    body = _gfm(header, rows)
    return f"{escape_text(spec.corner_note)}\n\n{body}" if spec.corner_note else body


def gfm_table(writer: MarkdownWriter, table: Table) -> str:
    """One statistic table as GFM pipe tables, as its GFM layout's shape says."""
    if layout_of(table.spec, Output.GFM).shape is Shape.BLOCKS:
        return _gfm_blocks(table)
    return _gfm_flat(table)


Rule = Callable[["MarkdownWriter", Any], str]

DEFAULT_RULES: Mapping[str, Rule] = {
    "front_matter": render_front_matter,
    "title": render_title,
    "paragraph": render_paragraph,
    "section": render_section,
    "subsection": render_subsection,
    "proactive": gfm_table,
    "applications": gfm_table,
    "review_litigation": gfm_table,
    "signature": render_signature,
}
"""Block kind → rule, for ``tables="gfm"``."""

HTML_TABLE_RULES: Mapping[str, Rule] = {
    "proactive": html_table,
    "applications": html_table,
    "review_litigation": html_table,
}
"""The table rules that ``tables="html"`` puts in place of the GFM ones."""


def blocks(report: Report) -> Iterator[tuple[str, Any]]:
    """The report as ``(kind, payload)`` blocks in document order.

    Each table follows the text of the section that carries it (二, 三, 四); a table
    whose section the report lacks comes after the last section. The front matter gets
    ``report``; the other blocks come from the report as printed, with the contact and
    fee sentences its prose lacks (:func:`govinfo_report._stated.as_printed`).
    """
    yield "front_matter", report
    report = _stated.as_printed(report).report
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
                f"unknown Markdown table mode {tables!r}; expected one of {expected}",
                zh=f"没有 Markdown 表格方式 {tables!r}；可用的有 {expected}",
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
    "EMPTY_PARAGRAPH",
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
    "gfm_table",
    "html_table",
    "table_rows",
    "title_lines",
]
