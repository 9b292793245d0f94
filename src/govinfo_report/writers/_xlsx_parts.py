"""The parts of the workbook package around its sheets: styles, workbook, relationships.

The cell styles are a fixed table (:class:`Style` names their indices): labels and
headers locked on a grey ground, value cells unlocked and white, totals computed by a
formula locked on a blue ground, the 基本信息 and 检查结果 sheets' own cells. The
workbook asks to be recalculated when opened (``fullCalcOnLoad``): the cached values
it carries are the report's, and a spreadsheet shows what the formulas give.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from govinfo_report._spreadsheetml import MAIN_NS, PKG_REL_NS, REL_NS, attribute
from govinfo_report._workbook import FILLER_STYLE
from govinfo_report.writers import _ooxml as ox
from govinfo_report.writers._xlsx_sheet import Sheet

_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_FONT = '<sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/>'
_BORDER = "".join(f'<{side} style="thin"/>' for side in ("left", "right", "top", "bottom"))
_GREY, _BLUE = "F2F2F2", "DDEBF7"
DATE_FORMAT = 164
"""The number format of a date cell: ``yyyy-mm-dd``."""


class Style(enum.IntEnum):
    """The cell styles (their index among the ``cellXfs``)."""

    DEFAULT = 0
    LABEL = 1
    """A label or header of a table: centred, wrapped, locked, grey."""
    LABEL_LEFT = 2
    """A long label flush left."""
    VALUE = 3
    """A value to fill in: centred, unlocked."""
    TOTAL = 4
    """A total computed by a formula: locked, blue."""
    FILLER = 5
    """Columns an extra row has no value for: locked, grey, of the named cell style
    :data:`~govinfo_report._workbook.FILLER_STYLE` (a reader tells it from a blank)."""
    FIELD = 6
    """A value of the 基本信息 sheet: flush left, wrapped, unlocked."""
    DATE = 7
    """A date of the 基本信息 sheet: ``yyyy-mm-dd``, unlocked."""
    HINT = 8
    """A hint beside a 基本信息 field: small grey text, locked."""
    HEAD = 9
    """A header line of the 基本信息 and 检查结果 sheets: bold, grey."""
    NOTE = 10
    """A finding's text: flush left and top, wrapped."""
    LINK = 11
    """A finding's cell: a link to it."""


# (font, fill, horizontal alignment, vertical alignment, unlocked, number format)
_XFS: dict[Style, tuple[int, int, str, str, bool, int]] = {
    Style.DEFAULT: (0, 0, "", "", False, 0),
    Style.LABEL: (0, 2, "center", "center", False, 0),
    Style.LABEL_LEFT: (0, 2, "left", "center", False, 0),
    Style.VALUE: (0, 0, "center", "center", True, 0),
    Style.TOTAL: (0, 3, "center", "center", False, 0),
    Style.FILLER: (0, 2, "", "", False, 0),
    Style.FIELD: (0, 0, "left", "center", True, 0),
    Style.DATE: (0, 0, "left", "center", True, DATE_FORMAT),
    Style.HINT: (3, 0, "left", "center", False, 0),
    Style.HEAD: (1, 2, "center", "center", False, 0),
    Style.NOTE: (0, 0, "left", "top", False, 0),
    Style.LINK: (2, 0, "left", "top", False, 0),
}


def _xf(style: Style) -> str:
    font, fill, horizontal, vertical, unlocked, number = _XFS[style]
    border = 0 if style is Style.DEFAULT else 1
    named = 1 if style is Style.FILLER else 0  # the FILLER_STYLE cell style
    attrs_ = (
        f'numFmtId="{number}" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="{named}"'
        ' applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1"'
    )
    if number:
        attrs_ += ' applyNumberFormat="1"'
    align = ""
    if horizontal or vertical:
        align = f'<alignment horizontal="{horizontal}" vertical="{vertical}" wrapText="1"/>'
    protection = '<protection locked="0"/>' if unlocked else ""
    return f"<xf {attrs_}>{align}{protection}</xf>"


def styles() -> bytes:
    """``xl/styles.xml``."""
    fonts = (
        f"<font>{_FONT}</font>",
        f"<font><b/>{_FONT}</font>",
        f'<font><u/><color rgb="FF0563C1"/>{_FONT}</font>',
        '<font><sz val="9"/><color rgb="FF595959"/><name val="宋体"/><family val="3"/>'
        '<charset val="134"/></font>',
    )
    fills = (
        '<fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
        *(
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{rgb}"/>'
            '<bgColor indexed="64"/></patternFill></fill>'
            for rgb in (_GREY, _BLUE)
        ),
    )
    xfs = [_xf(style) for style in Style]
    return ox.xml_part(
        f'<styleSheet xmlns="{MAIN_NS}">'
        f'<numFmts count="1"><numFmt numFmtId="{DATE_FORMAT}" formatCode="yyyy\\-mm\\-dd"/>'
        f'</numFmts><fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
        f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
        '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
        f"<border>{_BORDER}<diagonal/></border></borders>"
        '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '<xf numFmtId="0" fontId="0" fillId="2" borderId="1"/>'
        f'</cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="2"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        f'<cellStyle name="{attribute(FILLER_STYLE)}" xfId="1"/></cellStyles>'
        "</styleSheet>"
    )


def _sheet_ref(name: str) -> str:
    """A sheet's name as a formula writes it: quoted, quotes doubled."""
    return "'" + name.replace("'", "''") + "'"


def location(sheet: str, cell: str) -> str:
    """A cell of another sheet as a hyperlink's location: ``'Sheet'!B7``."""
    return f"{_sheet_ref(sheet)}!{cell}"


def workbook(sheets: Sequence[Sheet]) -> bytes:
    """``xl/workbook.xml``: the sheets in order, their print titles, recalculated on load."""
    listed = "".join(
        f'<sheet name="{attribute(sheet.name)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, sheet in enumerate(sheets, 1)
    )
    names = "".join(
        f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
        f"{attribute(_sheet_ref(sheet.name))}!${sheet.title_rows[0] + 1}:${sheet.title_rows[1] + 1}"
        "</definedName>"
        for i, sheet in enumerate(sheets)
        if sheet.title_rows is not None
    )
    return ox.xml_part(
        f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><workbookPr/>'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f"<sheets>{listed}</sheets>"
        + (f"<definedNames>{names}</definedNames>" if names else "")
        + '<calcPr calcId="0" fullCalcOnLoad="1"/></workbook>'
    )


def workbook_rels(count: int) -> bytes:
    """``xl/_rels/workbook.xml.rels``: the sheets and the styles."""
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    return ox.xml_part(
        f'<Relationships xmlns="{PKG_REL_NS}">{rels}'
        f'<Relationship Id="rId{count + 1}" Type="{REL_NS}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )


def package_rels() -> bytes:
    """``_rels/.rels``: the workbook and the document properties."""
    return ox.xml_part(
        f'<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="{ox.RT_CORE}" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{REL_NS}/extended-properties" Target="docProps/app.xml"/>'
        f'<Relationship Id="rId4" Type="{ox.RT_CUSTOM}" Target="docProps/custom.xml"/>'
        "</Relationships>"
    )


def content_types(count: int) -> bytes:
    """``[Content_Types].xml``."""
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    return ox.xml_part(
        f'<Types xmlns="{ox.CT_NS}">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f"{sheets}"
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        f'<Override PartName="/docProps/custom.xml" ContentType="{ox.CT_CUSTOM}"/>'
        "</Types>"
    )


def app() -> bytes:
    """``docProps/app.xml``."""
    return ox.xml_part(
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>govinfo-report</Application></Properties>'
    )


__all__ = [
    "DATE_FORMAT",
    "Style",
    "app",
    "content_types",
    "location",
    "package_rels",
    "styles",
    "workbook",
    "workbook_rels",
]
