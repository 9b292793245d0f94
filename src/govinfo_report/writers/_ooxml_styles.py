"""The styles, fonts and built-in package of the DOCX writer, as WordprocessingML text.

The styles carry the GB/T 9704-2012 typography (仿宋_GB2312 三号 body, 方正小标宋简体
二号 title, 黑体 and 楷体 headings, 宋体 table text) with East Asian fonts set, which
python-docx cannot do; the font table gives each font a fallback Word and WPS try when
it is missing. :func:`base_package` is the minimal document used when no template is
given. Every value goes into the XML through :func:`._ooxml.escape`.
"""

from __future__ import annotations

import io

import attrs

from govinfo_report.writers import _zip
from govinfo_report.writers._ooxml import (
    CHAR_TWIPS,
    COMPRESS_PUNCTUATION,
    CONDENSE,
    CT_DOCX_MAIN,
    CT_NS,
    LINE_PITCH,
    PKG_REL_NS,
    R_NS,
    W_NS,
    escape,
    mm,
    xml_part,
)

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
    # Widow control off, as in Chinese Word: every page holds its 22 lines. Said in each
    # style, so that a template's document defaults do not change our layout.
    parts.append('<w:widowControl w:val="0"/>')
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
    StyleDef(
        name="Run-in Heading 3",
        id="RunInHeading3",
        kind="character",
        # A level-3 heading (1.…) run into its paragraph: bold, in the paragraph's 仿宋.
        body="<w:rPr><w:b/><w:bCs/></w:rPr>",
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
    return xml_part(f'<w:styles xmlns:w="{W_NS}">{defaults}{body}</w:styles>')


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
    return xml_part(f'<w:fonts xmlns:w="{W_NS}">{"".join(fonts)}</w:fonts>')


def section_properties() -> str:
    """A4 portrait, GB/T 9704 margins, a 22 × 28 document grid (no header/footer refs)."""
    return (
        f'<w:sectPr><w:pgSz w:w="{mm(210)}" w:h="{mm(297)}"/>'
        f'<w:pgMar w:top="{mm(37)}" w:right="{mm(26)}" w:bottom="{mm(35)}" w:left="{mm(28)}" '
        f'w:header="{mm(15)}" w:footer="{mm(22)}" w:gutter="0"/><w:cols w:space="425"/>'
        f'<w:docGrid w:linePitch="{LINE_PITCH}"/></w:sectPr>'
    )


def base_package() -> bytes:
    """A minimal, valid .docx with our styles, settings and page setup and an empty body.

    The writer opens it with python-docx exactly as it would open a user's template, so
    both go through the same preparation.
    """
    parts: list[tuple[str, bytes]] = [
        (
            "[Content_Types].xml",
            xml_part(
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
            xml_part(
                f'<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
                f'Type="{R_NS}/officeDocument" Target="word/document.xml"/></Relationships>'
            ),
        ),
        (
            "word/document.xml",
            xml_part(
                f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
                f"{section_properties()}</w:body></w:document>"
            ),
        ),
        (
            "word/_rels/document.xml.rels",
            xml_part(
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
            xml_part(
                f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
                '<w:defaultTabStop w:val="420"/>'
                f'<w:characterSpacingControl w:val="{COMPRESS_PUNCTUATION}"/>'
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
    _zip.write_parts(parts, buffer)
    return buffer.getvalue()
