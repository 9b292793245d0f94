"""Opening a workbook (.xlsx, .xlsm) safely and reading the cells of its sheets.

The zip is checked before anything is inflated (:class:`~govinfo_report._package.Package`:
entries, declared sizes, compression ratio, encryption, XML bytes, no DOCTYPE), then the
workbook part, its relationships, the shared strings and each visible worksheet are
parsed, the sheets incrementally (an element is dropped once read), with at most
:data:`MAX_CELLS` cells holding something and :data:`MAX_MERGES` merged areas covering
:data:`MAX_MERGED_CELLS` cells in the whole workbook (the grids built from them are
bounded by the document's cell budget). The sheet's declared dimension is ignored: only
the cells it holds count. Nothing the workbook points to outside itself is opened: a formula's
external link is never followed (its cached value is read), macros (``vbaProject.bin``)
are never read, relationships to external targets are ignored.

A cell is read as the text a reader of the tables needs: a number as its digits
(``7730.28``, never a double's ``7730.2800000000007``: a fraction to 15 significant
digits, what a spreadsheet shows; a whole number as written), a string with its
``_xHHHH_`` escapes decoded, a formula as its cached value. A formula without one is
kept as such (:attr:`Cell.formula`), for the reader to report: it is never computed here.
"""

from __future__ import annotations

import io
import posixpath
from collections.abc import Iterator
from decimal import Context, Decimal, InvalidOperation
from typing import Final

import attrs
from lxml import etree

from govinfo_report import _embedded, _package
from govinfo_report._spreadsheetml import (
    MAIN_NS,
    REL_NS,
    STRICT_NS,
    STRICT_REL_NS,
    area,
    parse_area,
    parse_ref,
    unescape,
)
from govinfo_report._workbook import FILLER_STYLE
from govinfo_report.readers import _opc as opc
from govinfo_report.readers import _package_messages as say
from govinfo_report.readers._docx_package import Package

MAX_CELLS: Final = 100_000
"""Cells holding a value or a formula, over every sheet: a report's tables have a few
hundred."""
MAX_MERGES: Final = 10_000
"""Merged areas over every sheet: a report's tables have a few dozen."""
MAX_MERGED_CELLS: Final = 100_000
"""Cells the merged areas of every sheet cover together (Table 3's cover about a hundred):
a merged area is expanded into a grid, so one over a whole sheet is a cell bomb."""
_FIFTEEN: Final = Context(prec=15)
_WORKBOOK: Final = "xl/workbook.xml"


@attrs.frozen
class Cell:
    """What one cell holds."""

    text: str
    """The text the cell shows (a number's digits; empty for a formula without value)."""
    number: Decimal | None = None
    """A number cell's value."""
    formula: str | None = None
    """The formula of a formula without a cached value (``""`` for a shared one)."""
    filler: bool = False
    """An empty cell of the named cell style :data:`~govinfo_report._workbook.FILLER_STYLE`:
    no value at all (where an extra row has none), not a blank one."""


@attrs.frozen
class Sheet:
    """A worksheet's cells (row, column from 0) and merged areas."""

    name: str
    cells: dict[tuple[int, int], Cell] = attrs.field(eq=False, repr=False)
    merges: tuple[tuple[int, int, int, int], ...] = ()


@attrs.frozen
class Workbook:
    """The visible worksheets, in order, and what else the workbook holds."""

    sheets: tuple[Sheet, ...]
    skipped: tuple[tuple[str, str], ...] = ()
    """(name, why) of each sheet not read: hidden, or not a worksheet."""
    embedded: str | None = None
    """Our :data:`~govinfo_report._embedded.PROPERTY` document property, if present."""
    collection: bool = False
    """Our collection writer's workbook: one department's report a sheet."""
    date1904: bool = False
    """Dates count from 1904 (old Mac workbooks), not 1900."""
    external_links: bool = False
    macros: bool = False


def looks_like_xlsx(data: bytes) -> bool:
    """Whether ``data`` is a zip whose central directory names ``xl/workbook.xml``."""
    return _package.names_part(data, _WORKBOOK)


def _ns(root: etree._Element) -> tuple[str, str]:
    """The SpreadsheetML and relationships namespaces the part uses."""
    main = etree.QName(root).namespace or MAIN_NS
    return main, STRICT_REL_NS if main == STRICT_NS else REL_NS


class _Counter:
    """The cells and merged areas read so far, against the workbook's limits."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.cells = 0
        self.merges = 0
        self.merged = 0

    def cell(self, sheet: str) -> None:
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise say.too_many_cells(self.source, sheet, MAX_CELLS)

    def merge(self, sheet: str, box: tuple[int, int, int, int]) -> None:
        self.merges += 1
        if self.merges > MAX_MERGES:
            raise say.too_many_merges(self.source, sheet, MAX_MERGES)
        self.merged += (box[2] - box[0] + 1) * (box[3] - box[1] + 1)
        if self.merged > MAX_MERGED_CELLS:
            raise say.too_many_merged_cells(self.source, sheet, area(*box), MAX_MERGED_CELLS)


def number_text(value: Decimal) -> str:
    """A number as a spreadsheet shows it: its digits, at most 15 significant ones."""
    if not value.is_finite() or value.adjusted() > 18:
        return str(value)  # no count or amount: left for the reader to report
    if value == value.to_integral_value():
        return str(int(value))
    # A fraction with more digits than a double holds is a double's noise.
    if len(value.as_tuple().digits) > 15:
        value = _FIFTEEN.plus(value)
    return format(value.normalize(), "f")


def _text_of(element: etree._Element, main: str) -> str:
    """The text of a string item (``<si>``, ``<is>``): its ``<t>`` or its runs' ``<t>``,
    never the phonetic runs (``<rPh>``)."""
    t, r = f"{{{main}}}t", f"{{{main}}}r"
    parts: list[str] = []
    for child in element:
        if child.tag == t:
            parts.append(child.text or "")
        elif child.tag == r:
            parts.extend(g.text or "" for g in child if g.tag == t)
    return unescape("".join(parts))


_ITER_OPTIONS: Final = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def _iterparse(data: bytes, where: say.Place, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """The ``tags`` elements of ``data`` as each ends, dropped from the tree once read."""
    try:
        for _event, element in etree.iterparse(
            io.BytesIO(data), events=("end",), tag=tags, **_ITER_OPTIONS
        ):
            yield element
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise say.not_well_formed(where, exc) from None


def _shared_strings(package: Package, name: str | None, main: str) -> list[str]:
    if name is None or name not in package:
        return []
    data = package.read_xml(name)
    where = package.where(name)
    strings = []
    for ns in (main, MAIN_NS, STRICT_NS):
        tag = f"{{{ns}}}si"
        strings = [_text_of(si, ns) for si in _iterparse(data, where, (tag,))]
        if strings:
            break
    return strings


def _filler_styles(package: Package, name: str | None) -> frozenset[str]:
    """The cell formats (``s`` attribute values) of the named style
    :data:`~govinfo_report._workbook.FILLER_STYLE`."""
    root = opc.optional_xml(package, name)
    if root is None:
        return frozenset()
    main = etree.QName(root).namespace or MAIN_NS
    named = {
        style.get("xfId")
        for style in root.iter(f"{{{main}}}cellStyle")
        if style.get("name") == FILLER_STYLE
    }
    formats = root.find(f"{{{main}}}cellXfs")
    if not named or formats is None:
        return frozenset()
    return frozenset(
        str(i) for i, xf in enumerate(formats.iter(f"{{{main}}}xf")) if xf.get("xfId") in named
    )


def _cell(
    element: etree._Element,
    main: str,
    strings: list[str],
    where: say.Place,
    fillers: frozenset[str],
) -> Cell | None:
    kind = element.get("t", "n")
    value = formula = inline = None
    for child in element:
        tag = child.tag
        if tag == f"{{{main}}}v":
            value = child.text or ""
        elif tag == f"{{{main}}}f":
            formula = child.text or ""
        elif tag == f"{{{main}}}is":
            inline = child
    # A formula's value is its cached one; an empty one is a value only for a string
    # result (openpyxl writes an empty <v> for a number it never computed).
    if formula is not None and (value is None or (not value and kind != "str")):
        return Cell("", formula=formula)
    if kind == "inlineStr" and inline is not None:
        return Cell(_text_of(inline, main))
    if value is None:
        return Cell("", filler=True) if element.get("s") in fillers else None
    if kind == "s":
        try:
            return Cell(strings[int(value)])
        except (ValueError, IndexError):
            raise say.missing_shared_string(where, element.get("r", ""), value) from None
    if kind in ("str", "e", "d"):
        return Cell(unescape(value))
    if kind == "b":
        return Cell("TRUE" if value.strip() in ("1", "true") else "FALSE")
    if not value.strip():
        return None
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return Cell(value)
    return Cell(number_text(number), number=number if number.is_finite() else None)


def _worksheet(
    package: Package,
    part: str,
    name: str,
    strings: list[str],
    fillers: frozenset[str],
    counter: _Counter,
) -> Sheet:
    data = package.read_xml(part)
    where = say.sheet_place(package.source, name)
    cells: dict[tuple[int, int], Cell] = {}
    merges: list[tuple[int, int, int, int]] = []
    # One pass per namespace until one finds elements: transitional, then strict.
    for main in (MAIN_NS, STRICT_NS):
        c_tag, row_tag, merge_tag = (f"{{{main}}}{t}" for t in ("c", "row", "mergeCell"))
        row, col, seen = -1, -1, False
        for element in _iterparse(data, where, (c_tag, row_tag, merge_tag)):
            seen = True
            tag = element.tag
            if tag == merge_tag:
                found = parse_area(element.get("ref", ""))
                if found is not None and found[0:2] != found[2:4]:
                    counter.merge(name, found)
                    merges.append(found)
                continue
            if tag == row_tag:
                continue
            # A cell's row is the next after the last row's unless said; the same for
            # its column (both attributes are optional).
            position = parse_ref(element.get("r", ""))
            if position is None:
                parent = element.getparent()
                at = parent.get("r") if parent is not None else None
                row_number = int(at) - 1 if at and at.isdigit() else max(row, 0)
                col = col + 1 if row_number == row else 0
                row = row_number
                position = (row, col)
            row, col = position
            cell = _cell(element, main, strings, where, fillers)
            if cell is not None:
                counter.cell(name)
                cells[position] = cell
        if seen:
            break
    return Sheet(name, cells, tuple(merges))


def custom_part(top: dict[str, str]) -> str:
    """The custom properties part the package's relationships (``top``) name."""
    return opc.resolve("", top.get("custom-properties", "docProps/custom.xml"))


def open_workbook(data: bytes, source: str) -> Workbook:
    """The workbook in ``data``, its visible worksheets read.

    Raises:
        ReportReadError: not a zip, encrypted, an ``.xls``, corrupt, a zip bomb, XML
            with a DOCTYPE, more cells or merged areas than the limits, or no workbook.
    """
    package = Package(data, source, kind=_package.WORKBOOK)
    top = opc.by_type(package, "_rels/.rels")
    main_part = opc.resolve("", top.get("officeDocument", _WORKBOOK))
    if main_part not in package:
        raise say.not_a_workbook(source, _WORKBOOK)
    root = package.xml(main_part)
    main, rel = _ns(root)
    if main not in (MAIN_NS, STRICT_NS):
        raise say.not_spreadsheetml(source, main_part, str(root.tag))
    folder = posixpath.dirname(main_part)
    related = opc.relationships(package, opc.rels_of(main_part))
    kinds: dict[str, str] = {}
    for kind, target in related.values():
        kinds.setdefault(kind, target)
    strings_part = kinds.get("sharedStrings")
    strings = _shared_strings(
        package, opc.resolve(folder, strings_part) if strings_part else None, main
    )
    styles = kinds.get("styles")
    fillers = _filler_styles(package, opc.resolve(folder, styles) if styles else None)
    properties = root.find(f"{{{main}}}workbookPr")
    date1904 = properties is not None and properties.get("date1904", "0") in ("1", "true")
    counter = _Counter(source)
    sheets: list[Sheet] = []
    skipped: list[tuple[str, str]] = []
    for entry in root.iter(f"{{{main}}}sheet"):
        name = entry.get("name", "")
        if entry.get("state", "visible") != "visible":
            skipped.append((name, "hidden"))
            continue
        kind, target = related.get(entry.get(f"{{{rel}}}id", ""), ("", ""))
        if kind != "worksheet":
            skipped.append((name, kind or "missing"))
            continue
        part = opc.resolve(folder, target)
        if part not in package:
            skipped.append((name, "missing"))
            continue
        sheets.append(_worksheet(package, part, name, strings, fillers, counter))
    custom = custom_part(top)
    return Workbook(
        sheets=tuple(sheets),
        skipped=tuple(skipped),
        embedded=opc.custom_property(package, custom),
        collection=opc.custom_property(package, custom, _embedded.COLLECTION_PROPERTY) is not None,
        date1904=date1904,
        external_links=root.find(f"{{{main}}}externalReferences") is not None
        or "externalLink" in kinds,
        macros="vbaProject" in kinds or posixpath.join(folder, "vbaProject.bin") in package,
    )


__all__ = [
    "MAX_CELLS",
    "MAX_MERGES",
    "Cell",
    "Sheet",
    "Workbook",
    "custom_part",
    "looks_like_xlsx",
    "open_workbook",
]
