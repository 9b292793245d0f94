"""A compression-bomb guard for PDFs: the Flate streams' decompressed size, counted before
PDFium inflates any of them.

PDFium inflates a content stream whole when it loads its page, and a font when it
parses the text; a few kilobytes of Flate can stand for gigabytes. :func:`check_streams`
tries every ``stream`` keyword of the file as the start of a zlib stream (a stream that
is not Flate fails in its first bytes), counts its output in bounded chunks and never
keeps it. Streams whose dictionary marks them as fonts, images, metadata, object or
cross-reference streams count only towards :data:`MAX_DECOMPRESSED`; the others (page
contents, form XObjects: what PDFium parses into page objects) towards
:data:`MAX_CONTENT` too. A stream inflated elsewhere (LZW, run-length) is bounded by the
per-page object and character limits of :mod:`._pdf_source` instead.
"""

from __future__ import annotations

import re
import zlib
from typing import Final

from govinfo_report.readers._pdf_messages import compression_bomb

MAX_DECOMPRESSED: Final = 128 * 1024 * 1024
"""Decompressed bytes of all the file's Flate streams (fonts, images, content)."""
MAX_CONTENT: Final = 16 * 1024 * 1024
"""Decompressed bytes of the streams that are not fonts, images, metadata or object
streams: the page contents and form XObjects PDFium parses into objects."""
_STREAM: Final = re.compile(rb"stream\r?\n")
_NOT_CONTENT: Final = (
    b"/Image",
    b"/Length1",
    b"/Length2",
    b"/Type1C",
    b"/CIDFontType0C",
    b"/OpenType",
    b"/ObjStm",
    b"/XRef",
    b"/Metadata",
    b"/EmbeddedFile",
)
_CHUNK: Final = 1 << 20


def _dictionary_before(data: bytes, at: int) -> bytes:
    """The object dictionary just before the ``stream`` keyword at ``at``."""
    start = max(0, at - 4096)
    head = data[start:at]
    obj = head.rfind(b" obj")
    return head[obj:] if obj >= 0 else head


def check_streams(data: bytes, source: str) -> None:
    """Refuse a file whose Flate streams inflate past the limits, before PDFium does.

    Every ``stream`` keyword is tried as the start of a zlib stream (a stream that is not
    Flate fails in its first bytes); its output is counted in bounded chunks and never
    kept.

    Raises:
        ReportReadError: more than :data:`MAX_DECOMPRESSED` bytes in all, or more than
            :data:`MAX_CONTENT` in content streams.
    """
    total = content = 0
    for found in _STREAM.finditer(data):
        if data[max(0, found.start() - 3) : found.start()] == b"end":
            continue
        inflater = zlib.decompressobj()
        pending = data[found.end() : found.end() + _CHUNK]
        offset = found.end() + len(pending)
        size = 0
        try:
            while pending and not inflater.eof:
                size += len(inflater.decompress(pending, _CHUNK))
                pending = inflater.unconsumed_tail
                if not pending and not inflater.eof:
                    pending = data[offset : offset + _CHUNK]
                    offset += len(pending)
                if total + size > MAX_DECOMPRESSED:
                    break
        except zlib.error:
            pass  # not Flate, or damaged: PDFium says what it makes of it
        total += size
        is_content = not any(
            mark in _dictionary_before(data, found.start()) for mark in _NOT_CONTENT
        )
        if is_content:
            content += size
        if total > MAX_DECOMPRESSED or content > MAX_CONTENT:
            over = content > MAX_CONTENT
            raise compression_bomb(source, over, MAX_CONTENT if over else MAX_DECOMPRESSED)
