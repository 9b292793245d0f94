"""What a PDF's pages hold for the layout analysis: characters with boxes, ruling lines.

The PDF is opened with pypdfium2 (PDFium, the C library of Chrome's PDF viewer): a
born-digital report's five or six pages are read in a few milliseconds, where
pdfminer's pure-Python parsing of the same pages takes well over a hundred. Each page
gives:

- its characters, with PDFium's loose boxes (the font's ascent and descent, the glyph's
  advance), in top-down page coordinates; whitespace is left out (gaps are measured);
  a glyph that has no Unicode mapping (no ToUnicode entry: PDFium flags it, or gives
  U+FFFD or 0) is counted, never guessed;
- its ruling lines: every axis-aligned segment of every stroked or filled path, inside
  form XObjects too (LibreOffice strokes two-point lines, WPS fills thin rectangles,
  shaded header cells are filled rectangles whose sides are the cell's borders);
- how many images it shows (an image-only page is a scan).

Boxes are read in the page's own space and then turned as a viewer shows the page
(``/Rotate``: :func:`._pages.displayed`); what lies off the page is left out and what
lies partly on it cut to it (:func:`._pages.on_page`). A watermark's or a seal's
characters, and a character drawn twice over itself, are then left out (:mod:`._overlay`).

Bounds, checked before the work they bound: at most :data:`MAX_PAGES` pages, the
decompressed size of the file's Flate streams (:mod:`._pdf_streams`), :data:`MAX_PAGE_OBJECTS`
objects, :data:`MAX_PAGE_SEGMENTS` path segments and :data:`MAX_PAGE_CHARS` characters
per page, :data:`MAX_DOCUMENT_CHARS` characters and :data:`MAX_DOCUMENT_EDGES` line
segments per document (an uncompressed content stream escapes the Flate count). A
password-protected file is refused as such (no password is asked for).
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator, Sequence
from typing import Any, Final

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from govinfo_report.readers import _pdf_messages as msg
from govinfo_report.readers._overlay import leave_out, slanted
from govinfo_report.readers._pages import Char, Edge, Page, displayed, on_page
from govinfo_report.readers._pdf_streams import check_streams

MAX_PAGES: Final = 200
"""Pages of one PDF; a report has five to twenty."""
MAX_PAGE_OBJECTS: Final = 50_000
"""Page objects (text runs, paths, images) on one page, form XObjects' included."""
MAX_PAGE_SEGMENTS: Final = 200_000
"""Path segments on one page."""
MAX_PAGE_CHARS: Final = 50_000
"""Characters on one page; a dense page of a report has about 1,500."""
MAX_DOCUMENT_CHARS: Final = 500_000
"""Characters of one document (kept while its pages are laid out)."""
MAX_DOCUMENT_EDGES: Final = 500_000
"""Ruling-line segments of one document (kept while its pages are laid out)."""
MAX_FORM_DEPTH: Final = 8
"""Form XObjects nested deeper than this are not read for ruling lines."""

THIN: Final = 2.0
"""A path at most this thick (pt) is a ruling line."""
AXIS: Final = 0.5
"""A segment whose ends differ by less than this (pt) across is axis-aligned."""


def open_document(data: bytes, source: str) -> Any:
    """The PDFium document.

    Raises:
        ReportReadError: encrypted with a password, damaged, or more than
            :data:`MAX_PAGES` pages.
    """
    check_streams(data, source)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise msg.encrypted(source) from None
        raise msg.not_a_pdf(source, exc) from None
    pages = len(document)
    if pages > MAX_PAGES:
        document.close()
        raise msg.too_many_pages(source, pages, MAX_PAGES)
    return document


class _PageBudget:
    def __init__(self, where: msg.Where) -> None:
        self.where = where
        """The page, as an error names it: in English, in Chinese."""
        self.objects = 0
        self.segments = 0

    def count(self, objects: int = 0, segments: int = 0) -> None:
        self.objects += objects
        self.segments += segments
        if self.objects > MAX_PAGE_OBJECTS:
            raise msg.page_objects(*self.where, MAX_PAGE_OBJECTS)
        if self.segments > MAX_PAGE_SEGMENTS:
            raise msg.page_segments(*self.where, MAX_PAGE_SEGMENTS)


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Final[Matrix] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _matrix(obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _objects(container: Any, form: bool) -> Iterator[Any]:
    count = (
        raw.FPDFFormObj_CountObjects(container) if form else raw.FPDFPage_CountObjects(container)
    )
    for i in range(max(0, count)):
        obj = (
            raw.FPDFFormObj_GetObject(container, i)
            if form
            else raw.FPDFPage_GetObject(container, i)
        )
        if obj:
            yield obj


class _Collector:
    """Walks a page's objects: ruling lines, images, and whether any text is slanted."""

    def __init__(self, height: float, budget: _PageBudget) -> None:
        self.height = height
        self.budget = budget
        self.edges: list[Edge] = []
        self.images = 0
        self.slanted = False
        """Whether a text object is turned off the quarter turns (a watermark, a seal):
        only then is each character's angle asked for."""
        self._x = ctypes.c_float()
        self._y = ctypes.c_float()
        self._fill = ctypes.c_int()
        self._stroke = ctypes.c_int()
        self._left, self._bottom = ctypes.c_float(), ctypes.c_float()
        self._right, self._top = ctypes.c_float(), ctypes.c_float()

    def walk(self, container: Any, form: bool, outer: Matrix | None, depth: int) -> None:
        objects = list(_objects(container, form))
        self.budget.count(objects=len(objects))
        for obj in objects:
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                self.path(obj, outer)
            elif kind == raw.FPDF_PAGEOBJ_IMAGE:
                self.images += 1
            elif kind == raw.FPDF_PAGEOBJ_TEXT and not self.slanted:
                a, b, *_ = _matrix(obj) if outer is None else _compose(_matrix(obj), outer)
                self.slanted = slanted(math.atan2(b, a))
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                # A form's objects are in its own space: its matrix, then the outer one.
                own = _matrix(obj)
                self.walk(obj, True, own if outer is None else _compose(own, outer), depth + 1)

    def path(self, obj: Any, outer: Matrix | None) -> None:
        if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(self._fill), ctypes.byref(self._stroke)):
            return
        if not self._fill.value and not self._stroke.value:
            return
        segments = raw.FPDFPath_CountSegments(obj)
        if segments <= 0:
            return
        self.budget.count(segments=segments)
        if outer is None and self.thin(obj):
            return
        m = _matrix(obj)
        if outer is not None:
            m = _compose(m, outer)
        a, b, c, d, e, f = m
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for i in range(segments):
            segment = raw.FPDFPath_GetPathSegment(obj, i)
            raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(self._x), ctypes.byref(self._y))
            x, y = self._x.value, self._y.value
            point = (a * x + c * y + e, self.height - (b * x + d * y + f))
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == raw.FPDF_SEGMENT_LINETO and points:
                self.segment(points[-1], point)
            elif kind != raw.FPDF_SEGMENT_LINETO:
                start = point
            points.append(point)
            if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                self.segment(point, start)
        # A filled path is closed implicitly.
        if self._fill.value and start is not None and len(points) > 2 and points[-1] != start:
            self.segment(points[-1], start)

    def thin(self, obj: Any) -> bool:
        """A path whose bounds are a line's (a stroked two-point line, a thin filled
        rectangle) is that line: read from its bounds alone, as most ruling lines are."""
        if not raw.FPDFPageObj_GetBounds(obj, self._left, self._bottom, self._right, self._top):
            return False
        left, right = self._left.value, self._right.value
        top, bottom = self.height - self._top.value, self.height - self._bottom.value
        if bottom - top <= THIN < right - left:
            y = (top + bottom) / 2
            self.edges.append(Edge(left, y, right, y))
            return True
        if right - left <= THIN < bottom - top:
            x = (left + right) / 2
            self.edges.append(Edge(x, top, x, bottom))
            return True
        return False

    def segment(self, p: tuple[float, float], q: tuple[float, float]) -> None:
        (x0, y0), (x1, y1) = p, q
        if abs(y1 - y0) < AXIS and abs(x1 - x0) >= AXIS:
            y = (y0 + y1) / 2
            self.edges.append(Edge(min(x0, x1), y, max(x0, x1), y))
        elif abs(x1 - x0) < AXIS and abs(y1 - y0) >= AXIS:
            x = (x0 + x1) / 2
            self.edges.append(Edge(x, min(y0, y1), x, max(y0, y1)))


def _chars(
    textpage: Any, height: float, where: msg.Where, angles: bool
) -> tuple[list[Char], int, list[bool]]:
    """The page's characters, its unmapped glyphs, and whether each character is slanted
    (``angles``: ask each one's angle; else none is). ``where``: the page, in English
    and in Chinese."""
    count = raw.FPDFText_CountChars(textpage)
    if count > MAX_PAGE_CHARS:
        raise msg.page_chars(*where, count, MAX_PAGE_CHARS)
    if count <= 0:
        return [], 0, []
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = raw.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    text = buffer.raw[: max(0, written - 1) * 2].decode("utf-16-le", errors="replace")
    if len(text) != count:  # characters outside the BMP: one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(count))
    box = raw.FS_RECTF()
    chars: list[Char] = []
    turned: list[bool] = []
    unmapped = 0
    for i, char in enumerate(text):
        if char.isspace() or char in "\x00\ufffe":
            if char == "\x00":
                unmapped += 1
            continue
        if char == "\ufffd" or raw.FPDFText_HasUnicodeMapError(textpage, i) == 1:
            unmapped += 1
            continue
        if not raw.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(box)):
            continue
        size = raw.FPDFText_GetFontSize(textpage, i)
        chars.append(
            Char(char, box.left, height - box.top, box.right, height - box.bottom, size or 1.0)
        )
        if angles:
            angle = raw.FPDFText_GetCharAngle(textpage, i)
            turned.append(angle >= 0 and slanted(angle))  # -1: PDFium could not tell
        else:
            turned.append(False)
    return chars, unmapped, turned


def read_pages(document: Any, source: str) -> list[Page]:
    """Every page's characters, ruling lines and image count; a watermark's or a seal's
    characters are left out (:func:`._overlay.leave_out`).

    Raises:
        ReportReadError: a page over a limit, or one PDFium cannot load.
    """
    pages: list[Page] = []
    turned: list[list[bool]] = []
    for index in range(len(document)):
        check_document(pages, source)
        where = msg.page_where(source, index + 1)
        try:
            page = document[index]
        except pdfium.PdfiumError:
            raise msg.page_damaged(*where) from None
        try:
            # Boxes are read in the page's own space, then turned as a viewer shows the
            # page (/Rotate); get_size() gives the size shown.
            quarters = raw.FPDFPage_GetRotation(page.raw) % 4
            width, height = page.get_size()
            if quarters % 2:
                width, height = height, width
            collector = _Collector(height, _PageBudget(where))
            collector.walk(page.raw, False, None, 0)
            textpage = raw.FPDFText_LoadPage(page.raw)
            if not textpage:
                raise msg.text_damaged(*where)
            try:
                chars, unmapped, slants = _chars(textpage, height, where, collector.slanted)
            finally:
                raw.FPDFText_ClosePage(textpage)
        finally:
            page.close()
        own = Page(
            number=index + 1,
            width=width,
            height=height,
            chars=tuple(chars),
            edges=tuple(collector.edges),
            images=collector.images,
            unmapped=unmapped,
        )
        shown, flags = on_page(displayed(own, quarters), slants, *where)
        pages.append(shown)
        turned.append(flags)
    check_document(pages, source)
    return leave_out(pages, turned)


TEXTLESS: Final = 20
"""A document with fewer characters than this over all its pages has no text."""


def refuse_textless(
    pages: Sequence[Page], source: str, missing: tuple[str, str], ocr: tuple[str, str]
) -> None:
    """Refuse a document whose pages hold fewer than :data:`TEXTLESS` characters: a scan
    when they show images (``missing``: what it lacks, ``("文本层", "text layer")``;
    ``ocr``: how to OCR it; Chinese, English), else a document with no text.

    Raises:
        ReportReadError: the document holds (almost) no text.
    """
    chars = sum(len(p.chars) for p in pages)
    if chars >= TEXTLESS:
        return
    if sum(p.images for p in pages):
        raise msg.scanned(source, len(pages), missing, ocr)
    raise msg.textless(source, len(pages), chars)


def check_document(pages: Sequence[Page], source: str) -> None:
    """Refuse a document whose pages so far hold more than the document limits."""
    chars = sum(len(p.chars) for p in pages)
    edges = sum(len(p.edges) for p in pages)
    if chars > MAX_DOCUMENT_CHARS:
        raise msg.document_chars(source, len(pages), MAX_DOCUMENT_CHARS)
    if edges > MAX_DOCUMENT_EDGES:
        raise msg.document_lines(source, len(pages), MAX_DOCUMENT_EDGES)
