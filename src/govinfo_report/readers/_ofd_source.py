"""What an OFD document's pages hold for the layout analysis: the PDF reader's pages.

OFD (GB/T 33190-2016, 版式文档) is China's fixed-layout format, which government portals
publish beside or instead of PDF. It is a zip of XML parts: ``OFD.xml`` names the
document (``DocBody/DocRoot``), whose ``Document.xml`` lists the pages and the template
pages, and each page's ``Content.xml`` holds layers of objects placed in millimetres
from the page's top-left corner:

- a ``TextObject`` (``Boundary`` "x y w h", an optional ``CTM`` "a b c d e f" from the
  object's own space into the boundary's, ``Size``) holds ``TextCode`` runs: their text,
  the position of the first character's baseline (``X``, ``Y``, carried on by a run that
  gives none) and the advance to each next character (``DeltaX``, where ``g N d`` is
  ``d`` N times; one shorter than its run goes on with its last advance, and without
  one, each character advances by its width). PDF converters write one object per
  character with a CTM in points; office programs one per run without one. Both are
  read the same way;
- a ``PathObject`` (``Boundary``, ``CTM``, ``Stroke``, ``Fill``) draws ``AbstractData``:
  ``M``/``S`` move, ``L`` line, ``Q``/``B``/``A`` curves, ``C`` close. Its axis-aligned
  segments are ruling lines, and a thin path is the line its bounds are, as in a PDF;
- a ``PageBlock`` groups objects (read as if they were on the layer), an
  ``ImageObject`` is counted (an image-only page is a scan), and an object with
  ``Visible="false"`` is left out.

A page's template (``Template TemplateID``: running headers, rules drawn on every page)
is read before the page's own content. What comes out are :class:`._pages.Page`
values in points, top-down, without what lies off the page (:func:`._pages.on_page`:
an object the page does not show, or a box a damaged CTM made infinite), which the PDF
reader's layout (:mod:`._pdf_layout`) turns
into paragraphs and tables: one reading of positioned text for both formats. A
character's box is the em square of its size, half as wide for a character that is not
full-width (OFD gives no glyph metrics without reading the embedded fonts), from 0.88
of the size above the baseline to 0.12 below.

The package is opened as a DOCX is (:mod:`govinfo_report._package`: zip bombs, encrypted
entries, DOCTYPEs refused, XML counted), and the PDF source's limits apply: pages,
objects, path segments and characters per page and per document. Signatures, seals and
annotations (``Signs``, ``Annots``) are not read: a seal is no text of the report.
"""

from __future__ import annotations

import math
import posixpath
import re
import unicodedata
from collections.abc import Iterator
from typing import Final

from lxml import etree

from govinfo_report import _package
from govinfo_report.readers import _pdf_messages as msg
from govinfo_report.readers._docx_package import Package
from govinfo_report.readers._overlay import leave_out, slanted
from govinfo_report.readers._pages import Char, Edge, Page, on_page
from govinfo_report.readers._pdf_source import (
    AXIS,
    MAX_PAGE_CHARS,
    MAX_PAGE_OBJECTS,
    MAX_PAGE_SEGMENTS,
    MAX_PAGES,
    THIN,
    check_document,
)

OFD: Final = _package.Kind(
    "OFD document",
    ".ofd",
    "the OFD writer",
    "an OLE compound file (an old Office document), not an OFD document",
    name_zh="OFD 文档",
    program_zh="OFD 生成软件",
    legacy_zh="OLE 复合文件（旧版 Office 文档），不是 OFD 文档",
)
MM: Final = 72 / 25.4
"""Points per millimetre: OFD places everything in millimetres, the layout reads points."""
_A4: Final = (0.0, 0.0, 210.0, 297.0)
_ASCENT: Final = 0.88
_DESCENT: Final = 0.12
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Final[Matrix] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_COMMAND: Final = re.compile(r"([MSLQBAC])")
_ARITY: Final = {"M": 2, "S": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
"""The numbers each command of ``AbstractData`` takes; the last two are where it ends."""


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: etree._Element | None, name: str) -> Iterator[etree._Element]:
    return (child for child in (element if element is not None else ()) if _local(child) == name)


def _child(element: etree._Element | None, *path: str) -> etree._Element | None:
    for name in path:
        if element is None:
            return None
        element = next(_children(element, name), None)
    return element


def _numbers(text: str | None, count: int | None = None) -> list[float] | None:
    """The numbers of an attribute ("0 0 210 297"), or None when malformed (or not
    ``count`` of them)."""
    if text is None:
        return None
    try:
        values = [float(v) for v in text.replace(",", " ").split()]
    except ValueError:
        return None
    if count is not None and len(values) != count:
        return None
    if not all(math.isfinite(v) for v in values):
        return None
    return values


def deltas(text: str | None, limit: int) -> list[float]:
    """``DeltaX``/``DeltaY`` expanded: ``"3 g 3 4.5"`` → ``[3, 4.5, 4.5, 4.5]``; at most
    ``limit`` values (a run's characters less one need no more), a malformed one ending
    the list."""
    tokens = (text or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < limit:
        try:
            if tokens[i] == "g":
                count, value = int(tokens[i + 1]), float(tokens[i + 2])
                out.extend([value] * max(0, min(count, limit - len(out))))
                i += 3
            else:
                out.append(float(tokens[i]))
                i += 1
        except (ValueError, IndexError):
            break
    return [v if math.isfinite(v) else 0.0 for v in out]


def unmapped(char: str) -> bool:
    """Whether ``char`` of a ``TextCode`` is no text but a stand-in for a glyph number:
    a Private Use Area character (which producers write when only the embedded font
    knows the glyph, ``CGTransform`` saying which), U+FFFD or NUL. Not U+F000-U+F0FF,
    where Windows puts the symbol fonts' characters (Word's bullet is U+F0B7): those
    are read as they are."""
    if char in "\x00\ufffd":
        return True
    return unicodedata.category(char) == "Co" and not "\uf000" <= char <= "\uf0ff"


def _width(char: str, size: float) -> float:
    return size if unicodedata.east_asian_width(char) in "WF" else size / 2


class _PageReader:
    """One page's characters, ruling lines and images, in points from its top-left."""

    def __init__(self, box: tuple[float, float, float, float], where: msg.Where) -> None:
        self.origin = box[0], box[1]
        self.where = where
        """The page, as an error names it: in English, in Chinese."""
        self.chars: list[Char] = []
        self.turned: list[bool] = []
        """For each character, whether it is slanted (:func:`._overlay.slanted`)."""
        self.edges: list[Edge] = []
        self.images = 0
        self.unmapped = 0
        """Characters that are no text: glyph numbers (:func:`unmapped`), left out."""
        self.objects = 0
        self.segments = 0

    def read(self, content: etree._Element) -> None:
        for element in content.iter():
            kind = _local(element)
            if kind in ("TextObject", "PathObject", "ImageObject"):
                self.objects += 1
                if self.objects > MAX_PAGE_OBJECTS:
                    raise msg.ofd_objects(*self.where, MAX_PAGE_OBJECTS)
            if element.get("Visible") == "false":
                continue  # drawn nowhere: no text of the page
            if kind == "TextObject":
                self.text(element)
            elif kind == "PathObject":
                self.path(element)
            elif kind == "ImageObject":
                self.images += 1

    def _placement(self, element: etree._Element) -> tuple[float, float, Matrix] | None:
        boundary = _numbers(element.get("Boundary"), 4)
        if boundary is None:
            return None
        ctm = _numbers(element.get("CTM"), 6)
        matrix: Matrix = (
            _IDENTITY if ctm is None else (ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5])
        )
        return boundary[0] - self.origin[0], boundary[1] - self.origin[1], matrix

    @staticmethod
    def _point(x: float, y: float, left: float, top: float, m: Matrix) -> tuple[float, float]:
        a, b, c, d, e, f = m
        return (left + a * x + c * y + e) * MM, (top + b * x + d * y + f) * MM

    def text(self, element: etree._Element) -> None:
        placed = self._placement(element)
        size = _numbers(element.get("Size"), 1)
        if placed is None or size is None or size[0] <= 0:
            return
        left, top, m = placed
        em = size[0]
        scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0
        turned = slanted(math.atan2(m[1], m[0]))
        x = y = 0.0
        for code in _children(element, "TextCode"):
            text = code.text or ""
            given_x, given_y = _numbers(code.get("X"), 1), _numbers(code.get("Y"), 1)
            x = given_x[0] if given_x else x
            y = given_y[0] if given_y else y
            dx = deltas(code.get("DeltaX"), len(text))
            dy = deltas(code.get("DeltaY"), len(text))
            for i, char in enumerate(text):
                width = _width(char, em)
                if unmapped(char):
                    self.unmapped += 1
                elif not char.isspace():
                    if len(self.chars) >= MAX_PAGE_CHARS:
                        raise msg.ofd_chars(*self.where, MAX_PAGE_CHARS)
                    x0, y0 = self._point(x, y - em * _ASCENT, left, top, m)
                    x1, y1 = self._point(x + width, y + em * _DESCENT, left, top, m)
                    self.chars.append(
                        Char(
                            char,
                            min(x0, x1),
                            min(y0, y1),
                            max(x0, x1),
                            max(y0, y1),
                            em * scale * MM,
                        )
                    )
                    self.turned.append(turned)
                if dx or dy:
                    # A DeltaX shorter than its run goes on with its last advance.
                    x += dx[i] if i < len(dx) else (dx[-1] if dx else 0.0)
                    y += dy[i] if i < len(dy) else 0.0
                else:
                    x += width  # no advances given: the character's own width

    def path(self, element: etree._Element) -> None:
        if element.get("Stroke", "true") == "false" and element.get("Fill", "false") != "true":
            return
        placed = self._placement(element)
        data = _child(element, "AbstractData")
        if placed is None or data is None or not data.text:
            return
        left, top, m = placed
        tokens = _COMMAND.sub(r" \1 ", data.text).split()  # "M0 0L10 0" as "M 0 0 L 10 0"
        self.segments += len(tokens)
        if self.segments > MAX_PAGE_SEGMENTS:
            raise msg.ofd_segments(*self.where, MAX_PAGE_SEGMENTS)
        lines: list[tuple[tuple[float, float], tuple[float, float]]] = []
        points: list[tuple[float, float]] = []
        start = current = None
        i = 0
        while i < len(tokens):
            command = tokens[i]
            n = _ARITY.get(command)
            numbers = _numbers(" ".join(tokens[i + 1 : i + 1 + (n or 0)]), n) if n else []
            if n is None or numbers is None:
                return  # a path this reader cannot follow: no lines from it
            i += 1 + n
            if command == "C":
                if current is not None and start is not None:
                    lines.append((current, start))
                    current = start
                continue
            point = self._point(numbers[-2], numbers[-1], left, top, m)
            points.append(point)
            if command == "L" and current is not None:
                lines.append((current, point))
            elif command in ("M", "S"):
                start = point
            current = point
        if not points:
            return
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        if y1 - y0 <= THIN < x1 - x0:
            self.edges.append(Edge(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2))
            return
        if x1 - x0 <= THIN < y1 - y0:
            self.edges.append(Edge((x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
            return
        for (px, py), (qx, qy) in lines:
            if abs(qy - py) < AXIS <= abs(qx - px):
                self.edges.append(Edge(min(px, qx), (py + qy) / 2, max(px, qx), (py + qy) / 2))
            elif abs(qx - px) < AXIS <= abs(qy - py):
                self.edges.append(Edge((px + qx) / 2, min(py, qy), (px + qx) / 2, max(py, qy)))


def _resolve(base: str, location: str | None, where: msg.Where) -> str:
    """The part ``location`` names, from the folder ``base``; refused outside the package.
    ``where``: what names it, in English and in Chinese."""
    if not location:
        raise msg.no_part(*where)
    target = location.strip().replace("\\", "/")
    path = posixpath.normpath(
        target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
    )
    if path.startswith("../") or path == "..":
        raise msg.outside_package(*where, location)
    return path


def _location(entry: etree._Element) -> str | None:
    """A page's or template's ``BaseLoc``: an attribute, as the standard has it, or a
    child element, as some writers put it."""
    given = entry.get("BaseLoc")
    if given is None:
        child = _child(entry, "BaseLoc")
        given = child.text if child is not None else None
    return given


def _box(element: etree._Element | None) -> tuple[float, float, float, float] | None:
    values = _numbers(element.text if element is not None else None, 4)
    if values is None or values[2] <= 0 or values[3] <= 0:
        return None
    return values[0], values[1], values[2], values[3]


def read_pages(data: bytes, source: str) -> list[Page]:
    """Every page's characters, ruling lines and image count.

    Raises:
        ReportReadError: not a readable OFD package (no ``OFD.xml``, a missing part, XML
            that is not well-formed), or over a limit.
    """
    package = Package(data, source, OFD)
    root = package.xml("OFD.xml")
    doc_root = _child(_child(root, "DocBody"), "DocRoot")
    document_path = _resolve(
        "",
        doc_root.text if doc_root is not None else None,
        (f"{source}: OFD.xml's DocRoot", f"{source} 中 OFD.xml 的 DocRoot"),
    )
    document = package.xml(document_path)
    base = posixpath.dirname(document_path)
    common = _child(document, "CommonData")
    default = _box(_child(common, "PageArea", "PhysicalBox")) or _A4
    templates = {t.get("ID", ""): _location(t) for t in _children(common, "TemplatePage")}
    listed = list(_children(_child(document, "Pages"), "Page"))
    if len(listed) > MAX_PAGES:
        raise msg.ofd_pages(source, len(listed), MAX_PAGES)
    parsed: dict[str, etree._Element] = {}

    def content(location: str | None, where: msg.Where) -> etree._Element:
        path = _resolve(base, location, where)
        if path not in package:
            # Some writers give the path from the package's root rather than from
            # Document.xml's folder (Doc_0/Pages/… beside DocRoot Doc_0/Document.xml).
            from_root = _resolve("", location, where)
            path = from_root if from_root in package else path
        if path not in parsed:
            parsed[path] = package.xml(path)
        return parsed[path]

    pages: list[Page] = []
    turned: list[list[bool]] = []
    for number, entry in enumerate(listed, 1):
        check_document(pages, source)
        where = msg.page_where(source, number)
        page = content(_location(entry), where)
        box = _box(_child(page, "Area", "PhysicalBox")) or default
        reader = _PageReader(box, where)
        for template in _children(page, "Template"):
            location = templates.get(template.get("TemplateID", ""))
            if location is not None:
                reader.read(content(location, (f"{where[0]}'s template", f"{where[1]}的模板")))
        body = _child(page, "Content")
        if body is not None:
            reader.read(body)
        own = Page(
            number=number,
            width=box[2] * MM,
            height=box[3] * MM,
            chars=tuple(reader.chars),
            edges=tuple(reader.edges),
            images=reader.images,
            unmapped=reader.unmapped,
        )
        shown, flags = on_page(own, reader.turned, *where)
        pages.append(shown)
        turned.append(flags)
    check_document(pages, source)
    return leave_out(pages, turned)
