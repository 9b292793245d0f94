"""The HTML reader: reports published on government portal pages.

The page is decoded (BOM, then the declared ``<meta charset>`` / ``http-equiv`` when it
names an encoding a report's page can have, then UTF-8, then GB18030, which covers GBK
and GB2312), parsed with lxml's HTML parser
(no network access, no entity expansion beyond HTML's own, comments and processing
instructions dropped), and walked once into neutral blocks: paragraphs from ``<p>``,
``<div>``, headings and ``<br>``-separated lines, data tables with ``rowspan`` /
``colspan`` expanded to a grid (layout tables are read through as containers). Page
furniture (``<nav>``, ``<footer>``, ``<aside>``, scripts, forms, elements whose class or
id says navigation, breadcrumb, share, font size, footer …) is skipped. The report's main
content is then the smallest element that holds every section heading, plus the title
just before it; everything else on the page is left out (both in :mod:`._html_page`).
The shared assembler does the rest. No regular expression ever runs on markup. The
tables of one page expand to at most
:data:`~govinfo_report.readers._limits.MAX_DOCUMENT_CELLS` cells.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import Final

import lxml.etree
import lxml.html

from govinfo_report.errors import ReportReadError
from govinfo_report.readers._charsets import page_encoding
from govinfo_report.readers._document import Block, Grid, Paragraph
from govinfo_report.readers._html_page import SKIP, is_furniture, main_content
from govinfo_report.readers._limits import CellBudget, span
from govinfo_report.readers._registry import ReadResult

MAX_HTML_BYTES: Final = 8 * 1024 * 1024
"""Pages larger than this are refused before parsing."""
MAX_COLSPAN: Final = 1000
"""Larger ``colspan`` values are read as this (as browsers do)."""
MAX_ROWSPAN: Final = 65534
"""Larger ``rowspan`` values are read as this (as browsers do); a span never reaches
past the table's last row. The cells of all tables together are bounded by
:data:`~govinfo_report.readers._limits.MAX_DOCUMENT_CELLS`."""

_BLOCK: Final = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "main",
        "header",
        "center",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "body",
        "html",
        "tr",
        "td",
        "th",
        "caption",
        "hr",
        "tbody",
        "thead",
        "tfoot",
        "table",
    }
)
_HEADING_LEVELS: Final = {"h1": 0, "h2": 1, "h3": 2}
_SNIFF: Final = (
    b"<html",
    b"<!doctype html",
    b"<body",
    b"<table",
    b"<div",
    b"<p>",
    b"<p ",
    b"<meta",
)


def _declared_charset(data: bytes) -> str | None:
    """The codec for the charset a page declares in its first 4 KB (``charset=...``), if
    it declares one a report's page can have (see :mod:`._charsets`)."""
    head = data[:4096].lower()
    at = head.find(b"charset=")
    if at < 0:
        return None
    value = head[at + len(b"charset=") :].lstrip(b"\"' ")
    end = 0
    while end < len(value) and value[end : end + 1] not in (b'"', b"'", b";", b">", b" ", b"/"):
        end += 1
    return page_encoding(value[:end].decode("ascii", errors="ignore"))


def decode(data: bytes, source: str) -> str:
    """The page as text.

    Raises:
        ReportReadError: bytes valid in no encoding tried.
    """
    if data.startswith(codecs.BOM_UTF8):
        encodings: list[str] = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        declared = _declared_charset(data)
        encodings = [e for e in (declared, "utf-8", "gb18030") if e]
    problem = problem_zh = ""
    for encoding in dict.fromkeys(encodings):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            problem = f"byte 0x{data[exc.start]:02x} at offset {exc.start} is not {encoding}"
            problem_zh = f"偏移 {exc.start} 处的字节 0x{data[exc.start]:02x} 不是 {encoding}"
    raise ReportReadError(
        f"cannot decode {source} as {', '.join(encodings)} ({problem})",
        zh=f"无法按 {'、'.join(encodings)} 解码 {source}（{problem_zh}）",
    )


def _join(parts: list[str]) -> str:
    """Text pieces → one line, whitespace collapsed as a browser does; a line break in
    the source between two CJK characters (a wrapped line) leaves no space."""
    text = "".join(parts).replace("\xa0", " ")
    out: list[str] = []
    gap = ""
    for char in text:
        if char.isspace() and char != "\u3000":
            gap += char
            continue
        wrapped = "\n" in gap and bool(out) and _cjk(out[-1][-1]) and _cjk(char)
        if gap and out and not wrapped:
            out.append(" ")
        gap = ""
        out.append(char)
    return "".join(out).strip(" \u3000")


def _cjk(char: str) -> bool:
    return (
        "\u3000" <= char <= "\u9fff"
        or "\uff00" <= char <= "\uffef"
        or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0003ffff"
    )


def _rows(table: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    for child in table:
        tag = child.tag
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            for row in child:
                if row.tag == "tr":
                    yield row


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    lines: list[list[str]] = [[]]

    def visit(element: lxml.html.HtmlElement) -> None:
        if element.text:
            lines[-1].append(element.text)
        for child in element:
            if isinstance(child.tag, str) and child.tag not in SKIP:
                if child.tag in ("br", "p", "div", "li"):
                    lines.append([])
                visit(child)
            if child.tail:
                lines[-1].append(child.tail)

    visit(cell)
    return _join([_join(line) for line in lines if line])


class _Walker:
    """One pass over the page: blocks, and the element each block came from."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.elements: list[lxml.html.HtmlElement] = []
        self._parts: list[str] = []
        self._owner: lxml.html.HtmlElement | None = None
        self._level: int | None = None
        self._paragraphs = 0
        self._tables = 0
        self.budget = CellBudget(source)

    def flush(self) -> None:
        text = _join(self._parts)
        self._parts = []
        if text and self._owner is not None:
            self._paragraphs += 1
            self.blocks.append(
                Paragraph(text=text, level=self._level, location=f"paragraph {self._paragraphs}")
            )
            self.elements.append(self._owner)

    def walk(self, element: lxml.html.HtmlElement) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in SKIP or is_furniture(element):
            return
        if tag == "br":
            self.flush()
            return
        if tag == "table" and self._is_data_table(element):
            self.flush()
            self.table(element)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
            owner, level = self._owner, self._level
            self._owner = element
            self._level = _HEADING_LEVELS.get(tag)
        if element.text:
            self._parts.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self._parts.append(child.tail)
        if block:
            self.flush()
            self._owner, self._level = owner, level

    def _is_data_table(self, table: lxml.html.HtmlElement) -> bool:
        """A table of cells, not a layout frame: no nested table, more than one column."""
        if next(table.iterdescendants("table"), None) is not None:
            return False
        return any(len([c for c in row if c.tag in ("td", "th")]) > 1 for row in _rows(table))

    def table(self, table: lxml.html.HtmlElement) -> None:
        rows = list(_rows(table))
        what, what_zh = f"table {self._tables + 1}", f"第 {self._tables + 1} 个表格"
        placed: dict[tuple[int, int], tuple[str, tuple[int, int]]] = {}
        width = 0
        for r, row in enumerate(rows):
            c = 0
            for cell in row:
                if cell.tag not in ("td", "th"):
                    continue
                while (r, c) in placed:
                    c += 1
                colspan = max(1, span(cell.get("colspan"), MAX_COLSPAN))
                rowspan = span(cell.get("rowspan"), MAX_ROWSPAN)
                if rowspan == 0:
                    rowspan = len(rows) - r  # rowspan="0": to the end of the table
                rowspan = max(1, min(rowspan, len(rows) - r))
                # Every position placed lies in the rows x width rectangle the grid
                # becomes: counting that rectangle before placing bounds both.
                width = max(width, c + colspan)
                self.budget.check(len(rows) * width, what, what_zh)
                text = _cell_text(cell)
                for dr in range(rowspan):
                    for dc in range(colspan):
                        placed.setdefault((r + dr, c + dc), (text, (r, c)))
                c += colspan
        if not rows or width == 0:
            return
        self.budget.take(len(rows) * width, what, what_zh)
        cells = []
        origin = []
        for r in range(len(rows)):
            line = []
            line_origin = []
            for c in range(width):
                text, source = placed.get((r, c), ("", (r, c)))
                line.append(text)
                line_origin.append(source)
            cells.append(tuple(line))
            origin.append(tuple(line_origin))
        self._tables += 1
        self.blocks.append(
            Grid(cells=tuple(cells), origin=tuple(origin), location=f"table {self._tables}")
        )
        self.elements.append(table)


def to_blocks(data: bytes, source: str = "<bytes>") -> list[Block]:
    """The report's blocks from an HTML page (main content only).

    Raises:
        ReportReadError: too large, undecodable, unparsable or too deeply nested.
    """
    if len(data) > MAX_HTML_BYTES:
        raise ReportReadError(
            f"{source} is {len(data)} bytes; HTML pages larger than {MAX_HTML_BYTES} bytes "
            "are refused",
            zh=f"{source} 有 {len(data)} 字节；大于 {MAX_HTML_BYTES} 字节的网页不予读取",
        )
    text = decode(data, source)
    if "\x00" in text:
        raise ReportReadError(
            f"{source} is binary data, not an HTML page", zh=f"{source} 是二进制数据，不是网页"
        )
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
    )
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ReportReadError(
            f"{source} is not a readable HTML page: {exc}", zh=f"{source} 不是可读取的网页：{exc}"
        ) from None
    body = root.find("body")
    walker = _Walker(source)
    try:
        walker.walk(body if body is not None else root)
    except RecursionError:
        raise ReportReadError(
            f"{source} is nested too deeply to be a report page",
            zh=f"{source} 的嵌套层次太深，不可能是报告网页",
        ) from None
    walker.flush()
    return main_content(walker.blocks, walker.elements)


class HtmlReader:
    """Web pages (``.html``, ``.htm``) as government portals publish reports."""

    name = "html"
    suffixes = (".html", ".htm", ".shtml", ".xhtml")

    def sniff(self, data: bytes) -> bool:
        """Markup that starts like an HTML page."""
        head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if not head.startswith(b"<"):
            return False
        return any(mark in head for mark in _SNIFF)

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report on an HTML page, with the reader's findings.

        Raises:
            ReportReadError: too large, undecodable, not HTML, or no report on the page.
        """
        from govinfo_report.readers._assemble import assemble

        return assemble(to_blocks(data, source), source=source)
