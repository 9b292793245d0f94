"""The Markdown reader: our own Markdown output (both table modes), and reports written
by hand in the same layout.

The text is parsed with markdown-it-py (CommonMark, GFM tables, inline HTML) into
paragraphs, headings, tables and thematic breaks, which become the shared document
blocks (paragraphs with their level and role, tables as grids with their merges); the
shared engine (:func:`~govinfo_report.readers._assemble.assemble`) reads the report from
them, as for HTML, DOCX and text. Our front matter, if present, makes the levels exact
and tells the engine what the body does not print (identity, agency kind, fee, contact):
see :mod:`._md_front` and :mod:`._md_document`. The private modules: ``_md_front``
(front matter), ``_md_blocks`` and ``_md_inline`` (Markdown to blocks and text),
``_md_tables`` (tables as grids), ``_md_document`` (the shared blocks and known facts).

Parsing Markdown costs several hundred bytes of tokens per byte of some inputs, so the
reader takes at most :data:`MAX_MARKDOWN_BYTES` (a long report is under 200 KB), and the
tables of one document at most
:data:`~govinfo_report.readers._limits.MAX_DOCUMENT_CELLS` cells.
"""

from __future__ import annotations

import re
from typing import Final

from govinfo_report._markdown_conventions import FRONT_MATTER_KEY
from govinfo_report.errors import ReportReadError
from govinfo_report.findings import Finding
from govinfo_report.readers import _md_front
from govinfo_report.readers._assemble import assemble
from govinfo_report.readers._md_blocks import blocks
from govinfo_report.readers._md_document import document
from govinfo_report.readers._md_front import FRONT_MATTER
from govinfo_report.readers._registry import ReadResult

MAX_MARKDOWN_BYTES: Final = 1024 * 1024
"""Markdown inputs larger than this are refused before decoding (1 MiB: five times the
longest report, and a few hundred MB of tokens at worst)."""

_TITLE = re.compile(r"^# .*政府信息公开", re.MULTILINE)
_PIPE_TABLE = re.compile(r"^\|.*\|\s*\n\|\s*:?-{3,}", re.MULTILINE)


class MarkdownReader:
    """Markdown written by the Markdown writer of this library
    (either table mode), or by hand in the same layout."""

    name = "markdown"
    suffixes = (".md", ".markdown")

    def sniff(self, data: bytes) -> bool:
        """Our front matter, or a ``# `` title about 政府信息公开 and a pipe table."""
        head = data[:8192].lstrip(b"\xef\xbb\xbf")
        if head.startswith(b"---\n") and f"\n{FRONT_MATTER_KEY}:".encode() in head[:4096]:
            return True
        text = head.decode("utf-8", errors="ignore")
        return _TITLE.search(text) is not None and _PIPE_TABLE.search(text) is not None

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in ``data`` (UTF-8 Markdown), with the reader's findings.

        Raises:
            ReportReadError: too large, not UTF-8 text, tables with too many cells, or
                no report in it (no year, no sections and no tables).
        """
        if len(data) > MAX_MARKDOWN_BYTES:
            raise ReportReadError(
                f"{source} is {len(data)} bytes; Markdown reports larger than "
                f"{MAX_MARKDOWN_BYTES} bytes are refused",
                zh=f"{source} 有 {len(data)} 字节；大于 {MAX_MARKDOWN_BYTES} 字节的 Markdown "
                "报告不予读取",
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReportReadError(
                f"{source} is not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}",
                zh=f"{source} 不是 UTF-8 文本：偏移 {exc.start} 处的字节 0x{data[exc.start]:02x}",
            ) from None
        text = text.replace("\r\n", "\n")
        findings: list[Finding] = []
        front_text, body, offset = _md_front.split(text)
        front = _md_front.read(front_text, source, findings)
        doc = document(blocks(body, offset, source), front, source, findings)
        result = assemble(doc.blocks, source=source, trusted_levels=doc.trusted, known=doc.known)
        return ReadResult(result.report, (*findings, *result.findings))


__all__ = [
    "FRONT_MATTER",
    "MAX_MARKDOWN_BYTES",
    "MarkdownReader",
]
