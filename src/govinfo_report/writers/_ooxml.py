"""WordprocessingML the DOCX writer needs and python-docx does not offer, as small functions.

python-docx has no API for East Asian fonts in styles, PAGE fields, fast merged tables
(``Table.cell()`` rebuilds the grid on every call), repeating header rows or custom
document properties. The writer builds those pieces here as XML text, which is also far
faster than creating python-docx objects one by one: a whole statistic table is one
string, parsed by nobody until Word opens the file. Everything here is deterministic:
the same input gives the same bytes. The styles, fonts and the built-in package are in
:mod:`._ooxml_styles`, reproducible zip files in :mod:`._zip`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence

import attrs

from govinfo_report.model.text import UNSTORABLE

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
RT_CUSTOM = R_NS + "/custom-properties"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CT_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
"""The format id every custom document property carries (fixed by the OOXML spec)."""

# --- measures (GB/T 9704-2012) -----------------------------------------------------------

TWIPS_PER_MM = 1440 / 25.4
CHAR_TWIPS = 320
"""One 字 at 三号 (16 pt) in twips: the unit of indents in GB/T 9704."""
LINE_PITCH = 579
"""Twips per line: 225 mm of text height / 22 lines = 28.95 pt (GB/T 9704 5.2.3)."""
CONDENSE = -5
"""Character spacing in twentieths of a point: 28 × (16 − 0.25) pt fit the 156 mm line.

Word's own way to get 28 字 per line, a ``linesAndChars`` document grid, makes LibreOffice
give every 16 pt character two grid cells; condensing the text works everywhere."""
COMPRESS_PUNCTUATION = "compressPunctuation"
"""``w:characterSpacingControl``: full-width punctuation compressed, as Chinese Word does."""
TEXT_WIDTH = 8844
"""A4 width minus 28 mm and 26 mm margins = 156 mm, in twips."""


def mm(value: float) -> int:
    """Millimetres to twips."""
    return round(value * TWIPS_PER_MM)


# --- text --------------------------------------------------------------------------------

# XML 1.0 forbids most of them; DEL and the C1 controls, which Markdown cannot hold, too:
# every writer refuses the one set that the checks report (CH.1).
_ILLEGAL = UNSTORABLE


class IllegalTextError(ValueError):
    """Text holds a character an XML document (and so a Word file) cannot contain."""


def escape(text: str) -> str:
    """``text`` escaped for XML character data *and* for a double-quoted attribute value.

    Every piece of text or attribute value that does not come from this module (report
    text, a template's style ids, property names) goes into the XML through this one
    function, so that no input can break the markup.

    Raises:
        IllegalTextError: a control character or non-character that XML 1.0 forbids.
    """
    bad = _ILLEGAL.search(text)
    if bad is not None:
        raise IllegalTextError(f"character U+{ord(bad.group()):04X} cannot be stored in a .docx")
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    return text


def run(text: str, style: str | None = None) -> str:
    """One ``w:r`` with ``text``; line breaks become ``w:br`` and tabs ``w:tab``."""
    rpr = f'<w:rPr><w:rStyle w:val="{escape(style)}"/></w:rPr>' if style else ""
    if "\n" not in text and "\t" not in text and "\r" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    parts: list[str] = []
    for i, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def paragraph(style: str, runs: str = "", ppr: str = "") -> str:
    """A ``w:p`` of paragraph style ``style`` holding ``runs`` (already XML)."""
    return f'<w:p><w:pPr><w:pStyle w:val="{escape(style)}"/>{ppr}</w:pPr>{runs}</w:p>'


def text_width(text: str) -> float:
    """Width of ``text`` in 字 (full-width characters 1, digits and Latin ½)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def indent(*, right: float = 0.0) -> str:
    """A ``w:ind`` with a right indent of ``right`` 字, in characters and in twips."""
    return f'<w:ind w:right="{round(right * CHAR_TWIPS)}" w:rightChars="{round(right * 100)}"/>'


# --- tables ------------------------------------------------------------------------------


@attrs.frozen
class Cell:
    """One ``w:tc``: its text, how many grid columns it spans, its place in a vertical merge."""

    text: str = ""
    span: int = 1
    vmerge: str | None = None
    """``"restart"`` for the first cell of a vertical merge, ``"continue"`` below it."""
    align: str | None = None
    """Paragraph alignment overriding the style's (``"left"`` for long labels)."""
    filler: bool = False
    """An empty cell standing for columns a row has no value for (marked ``w:hideMark``)."""


@attrs.frozen
class TableRow:
    """One ``w:tr``: cells left to right, and whether it is a header row."""

    cells: tuple[Cell, ...]
    header: bool = False
    keep_next: bool = False
    """Keep the row on the same page as the next one (Table 2 keeps each block whole)."""


def table(
    widths: Sequence[int], rows: Iterable[TableRow], *, style: str, cell_margin: int = 57
) -> str:
    """A bordered, centred, fixed-layout ``w:tbl`` with the given grid and rows.

    Rows never split across pages (``w:cantSplit``); header rows repeat on every page
    (``w:tblHeader``). Each cell's ``w:tcW`` is the sum of the grid columns it spans.
    """
    total = sum(widths)
    style = escape(style)
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/>"
        f"<w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders>"
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{cell_margin}" w:type="dxa"/>'
        f'<w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        f'w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr><w:tblGrid>'
    ]
    out.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out.append("</w:tblGrid>")
    for row in rows:
        trpr = "<w:cantSplit/><w:tblHeader/>" if row.header else "<w:cantSplit/>"
        out.append(f"<w:tr><w:trPr>{trpr}</w:trPr>")
        # Word keeps a row with the next when its paragraphs are "keep with next".
        keep = "<w:keepNext/>" if row.keep_next else ""
        empty_p = f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr></w:p>'
        col = 0
        for cell in row.cells:
            width = sum(widths[col : col + cell.span])
            col += cell.span
            tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if cell.span > 1:
                tcpr += f'<w:gridSpan w:val="{cell.span}"/>'
            if cell.vmerge == "restart":
                tcpr += '<w:vMerge w:val="restart"/>'
            elif cell.vmerge == "continue":
                out.append(f"<w:tc><w:tcPr>{tcpr}<w:vMerge/></w:tcPr>{empty_p}</w:tc>")
                continue
            mark = "<w:hideMark/>" if cell.filler else ""
            out.append(f'<w:tc><w:tcPr>{tcpr}<w:vAlign w:val="center"/>{mark}</w:tcPr>')
            if cell.text:
                ppr = f'<w:jc w:val="{cell.align}"/>' if cell.align else ""
                out.append(
                    f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}{ppr}</w:pPr>'
                    f"{run(cell.text)}</w:p></w:tc>"
                )
            else:
                out.append(f"{empty_p}</w:tc>")
        if col != len(widths):
            raise ValueError(f"row covers {col} of {len(widths)} grid columns")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


# --- fields, footers ---------------------------------------------------------------------


def page_number_paragraph(style: str, *, odd: bool) -> str:
    """ "— N —" with a PAGE field: odd pages right with one 字 to spare, even pages left."""
    side = "right" if odd else "left"
    ppr = f'<w:ind w:{side}="{CHAR_TWIPS}"/><w:jc w:val="{side}"/>'
    dash = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    return paragraph(
        style,
        dash.format("— ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + "<w:r><w:t>1</w:t></w:r>"
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + dash.format(" —"),
        ppr,
    )


def xml_part(body: str) -> bytes:
    """A zip part's bytes: the XML declaration and ``body`` (already XML), UTF-8."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body).encode("utf-8")


# --- document properties -----------------------------------------------------------------


def stamp(signing_date: dt.date | None, year: int) -> str:
    """Created/modified time (W3CDTF) of a report's document: its signing date, else
    1 January after the reported year (never the clock: the same report, the same bytes)."""
    day = signing_date or dt.date(min(max(year + 1, 1), 9999), 1, 1)
    return f"{day.isoformat()}T00:00:00Z"


def core_part(*, title: str, author: str, stamp: str) -> bytes:
    """``docProps/core.xml``: title, author, and ``stamp`` (W3CDTF) as created and modified."""
    return xml_part(
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f"<dc:language>zh-CN</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def custom_property(pid: int, name: str, value: str) -> str:
    """One string-valued ``op:property`` of ``docProps/custom.xml``."""
    return (
        f'<property fmtid="{CUSTOM_FMTID}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
    )


def custom_part(properties: Iterable[str]) -> bytes:
    """``docProps/custom.xml`` holding the given ``property`` elements (XML text)."""
    return xml_part(
        f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{"".join(properties)}</Properties>'
    )
