"""WordprocessingML the DOCX writer needs and python-docx does not offer, as small functions.

python-docx has no API for East Asian fonts in styles, PAGE fields, fast merged tables
(``Table.cell()`` rebuilds the grid on every call), repeating header rows, custom
document properties or reproducible zip files. The writer builds those pieces here as
XML text, which is also far faster than creating python-docx objects one by one: a
whole statistic table is one string, parsed by nobody until Word opens the file.
Everything here is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from typing import BinaryIO

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

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""Timestamp of every zip entry: the earliest a zip file can store, so output never varies."""

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


# --- styles ------------------------------------------------------------------------------

FANGSONG = "仿宋_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
HEITI = "黑体"
KAITI = "楷体_GB2312"
SONGTI = "宋体"
LATIN = "Times New Roman"

FONT_FALLBACKS: dict[str, tuple[str, str]] = {
    # name: (altName Word/WPS try when the font is missing, generic family)
    FANGSONG: ("仿宋", "modern"),
    XIAOBIAOSONG: ("宋体", "roman"),
    HEITI: ("SimHei", "modern"),
    KAITI: ("楷体", "modern"),
    SONGTI: ("SimSun", "auto"),
}

_LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'


def rpr(
    east_asia: str,
    half_points: int,
    *,
    latin: str = LATIN,
    bold: bool = False,
    condense: bool = False,
) -> str:
    """Run properties: East Asian font, Latin/digit font, size, zh-CN language."""
    fonts = (
        f'<w:rFonts w:ascii="{latin}" w:eastAsia="{east_asia}" w:hAnsi="{latin}" '
        f'w:cs="{latin}" w:hint="eastAsia"/>'
    )
    weight = "<w:b/><w:bCs/>" if bold else ""
    spacing = f'<w:spacing w:val="{CONDENSE}"/>' if condense else ""
    return (
        f'<w:rPr>{fonts}{weight}{spacing}<w:sz w:val="{half_points}"/>'
        f'<w:szCs w:val="{half_points}"/>{_LANG}</w:rPr>'
    )


def _ppr(
    *,
    line: int = LINE_PITCH,
    exact: bool = True,
    first_line_chars: int = 0,
    jc: str = "both",
    after: int = 0,
    outline: int | None = None,
    keep_next: bool = False,
    grid: bool = True,
    contextual: bool = False,
) -> str:
    rule = "exact" if exact else "auto"
    parts = ["<w:pPr>"]
    if keep_next:
        parts.append("<w:keepNext/>")
    if not grid:
        parts.append('<w:snapToGrid w:val="0"/>')
    parts.append(f'<w:spacing w:before="0" w:after="{after}" w:line="{line}" w:lineRule="{rule}"/>')
    first = first_line_chars * CHAR_TWIPS // 100
    parts.append(f'<w:ind w:firstLineChars="{first_line_chars}" w:firstLine="{first}"/>')
    if contextual:
        parts.append("<w:contextualSpacing/>")
    parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    parts.append("</w:pPr>")
    return "".join(parts)


@attrs.frozen
class StyleDef:
    """A style the writer uses: Word's name for it, the id we give it, its XML body."""

    name: str
    id: str
    kind: str
    body: str
    default: bool = False

    def xml(self, style_id: str | None = None) -> str:
        """The ``w:style`` element, with ``style_id`` if the template forced another id."""
        default = ' w:default="1"' if self.default else ""
        return (
            f'<w:style xmlns:w="{W_NS}" w:type="{self.kind}"{default} '
            f'w:styleId="{escape(style_id or self.id)}"><w:name w:val="{escape(self.name)}"/>'
            f"<w:qFormat/>{self.body}</w:style>"
        )


STYLES: tuple[StyleDef, ...] = (
    StyleDef(
        name="Normal",
        id="Normal",
        kind="paragraph",
        default=True,
        body=_ppr(first_line_chars=200) + rpr(FANGSONG, 32, condense=True),
    ),
    StyleDef(
        name="Title",
        id="Title",
        kind="paragraph",
        body=_ppr(line=700, jc="center", after=LINE_PITCH, keep_next=True, contextual=True)
        + rpr(XIAOBIAOSONG, 44),
    ),
    StyleDef(
        name="heading 1",
        id="Heading1",
        kind="paragraph",
        body=_ppr(first_line_chars=200, outline=0, keep_next=True) + rpr(HEITI, 32, condense=True),
    ),
    StyleDef(
        name="heading 2",
        id="Heading2",
        kind="paragraph",
        body=_ppr(first_line_chars=200, outline=1, keep_next=True) + rpr(KAITI, 32, condense=True),
    ),
    StyleDef(
        name="heading 3",
        id="Heading3",
        kind="paragraph",
        body=_ppr(first_line_chars=200, outline=2, keep_next=True)
        + rpr(FANGSONG, 32, bold=True, condense=True),
    ),
    StyleDef(
        name="Table Text",
        id="TableText",
        kind="paragraph",
        body=_ppr(line=240, exact=False, jc="center", grid=False) + rpr(SONGTI, 21),
    ),
    StyleDef(
        name="Table Text Small",
        id="TableTextSmall",
        kind="paragraph",
        body=_ppr(line=240, exact=False, jc="center", grid=False) + rpr(SONGTI, 18),
    ),
    StyleDef(
        name="Signature",
        id="Signature",
        kind="paragraph",
        body=_ppr(jc="right") + rpr(FANGSONG, 32, condense=True),
    ),
    StyleDef(
        name="footer",
        id="Footer",
        kind="paragraph",
        body=_ppr(line=240, exact=False, jc="center", grid=False) + rpr(SONGTI, 28, latin=SONGTI),
    ),
    StyleDef(
        name="Run-in Heading",
        id="RunInHeading",
        kind="character",
        # Only the typeface: size and spacing follow the paragraph it runs into.
        body=(
            f'<w:rPr><w:rFonts w:ascii="{LATIN}" w:eastAsia="{KAITI}" w:hAnsi="{LATIN}" '
            f'w:cs="{LATIN}" w:hint="eastAsia"/>{_LANG}</w:rPr>'
        ),
    ),
)
"""Every style the writer references. A template may define any of them (by name);
the writer creates the ones it lacks."""


def styles_part() -> bytes:
    """A complete ``styles.xml``: zh-CN defaults and every style in :data:`STYLES`."""
    defaults = (
        f"<w:docDefaults><w:rPrDefault>{rpr(FANGSONG, 32)}</w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>'
        "</w:pPrDefault></w:docDefaults>"
    )
    # Word's own defaults for runs and tables, which every Word document carries.
    body = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        '<w:unhideWhenUsed/></w:style><w:style w:type="table" w:default="1" '
        'w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>'
        '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
    )
    body += "".join(s.xml().replace(f' xmlns:w="{W_NS}"', "") for s in STYLES)
    return _xml(f'<w:styles xmlns:w="{W_NS}">{defaults}{body}</w:styles>')


def font_table_part() -> bytes:
    """``fontTable.xml`` naming a fallback (``w:altName``) for every Chinese font used."""
    fonts = [
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
        for name, (alt, family) in FONT_FALLBACKS.items()
    ]
    fonts.append(
        f'<w:font w:name="{LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/>'
        '<w:pitch w:val="variable"/></w:font>'
    )
    return _xml(f'<w:fonts xmlns:w="{W_NS}">{"".join(fonts)}</w:fonts>')


def section_properties() -> str:
    """A4 portrait, GB/T 9704 margins, a 22 × 28 document grid (no header/footer refs)."""
    return (
        f'<w:sectPr><w:pgSz w:w="{mm(210)}" w:h="{mm(297)}"/>'
        f'<w:pgMar w:top="{mm(37)}" w:right="{mm(26)}" w:bottom="{mm(35)}" w:left="{mm(28)}" '
        f'w:header="{mm(15)}" w:footer="{mm(22)}" w:gutter="0"/><w:cols w:space="425"/>'
        f'<w:docGrid w:linePitch="{LINE_PITCH}"/></w:sectPr>'
    )


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body).encode("utf-8")


def base_package() -> bytes:
    """A minimal, valid .docx with our styles, settings and page setup and an empty body.

    The writer opens it with python-docx exactly as it would open a user's template, so
    both go through the same preparation.
    """
    parts: list[tuple[str, bytes]] = [
        (
            "[Content_Types].xml",
            _xml(
                f'<Types xmlns="{CT_NS}">'
                '<Default Extension="rels" '
                'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/word/document.xml" ContentType="{CT_DOCX_MAIN}"/>'
                '<Override PartName="/word/styles.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                '<Override PartName="/word/settings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
                '<Override PartName="/word/fontTable.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
                "</Types>"
            ),
        ),
        (
            "_rels/.rels",
            _xml(
                f'<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
                f'Type="{R_NS}/officeDocument" Target="word/document.xml"/></Relationships>'
            ),
        ),
        (
            "word/document.xml",
            _xml(
                f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
                f"{section_properties()}</w:body></w:document>"
            ),
        ),
        (
            "word/_rels/document.xml.rels",
            _xml(
                f'<Relationships xmlns="{PKG_REL_NS}">'
                f'<Relationship Id="rId1" Type="{R_NS}/styles" Target="styles.xml"/>'
                f'<Relationship Id="rId2" Type="{R_NS}/settings" Target="settings.xml"/>'
                f'<Relationship Id="rId3" Type="{R_NS}/fontTable" Target="fontTable.xml"/>'
                "</Relationships>"
            ),
        ),
        ("word/styles.xml", styles_part()),
        (
            "word/settings.xml",
            _xml(
                f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
                '<w:defaultTabStop w:val="420"/>'
                '<w:characterSpacingControl w:val="compressPunctuation"/>'
                "<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>"
                "<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>"
                "<w:adjustLineHeightInTable/><w:useFELayout/>"
                '<w:compatSetting w:name="compatibilityMode" '
                'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
                '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
                '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
            ),
        ),
        ("word/fontTable.xml", font_table_part()),
    ]
    buffer = io.BytesIO()
    write_zip(parts, buffer)
    return buffer.getvalue()


# --- document properties -----------------------------------------------------------------


def core_part(*, title: str, author: str, stamp: str) -> bytes:
    """``docProps/core.xml``: title, author, and ``stamp`` (W3CDTF) as created and modified."""
    return _xml(
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
    return _xml(
        f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{"".join(properties)}</Properties>'
    )


# --- the zip -----------------------------------------------------------------------------


def write_zip(parts: Iterable[tuple[str, bytes]], dest: BinaryIO) -> None:
    """Write ``parts`` as a zip in the given order, with fixed timestamps and attributes.

    ``zipfile`` otherwise stamps entries with the current time and the host's OS, which
    would make two renders of one report differ.
    """
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data)
