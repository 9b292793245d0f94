"""A workbook (.xlsx), written streaming: the survey's reports.xlsx (the reports, then
small sheets such as 列说明, each a :class:`Sheet`).

openpyxl's write-only mode costs about 0.6 ms a row of reports.csv's 50-odd columns
(a cell object per value), which alone would hold a survey of 10,000 reports to a few
hundred a second; this module writes the same SpreadsheetML directly, about 20 times
faster: the package parts a workbook needs (five, and one per sheet), each sheet's
rows streamed into its zip entry (the zip itself in a temporary file, so memory stays
flat), strings inline (no shared-string table to hold), numbers as numbers, the header
bold and frozen. Every
string goes through :func:`_text`, the one door to XML: it escapes ``& < > "`` and
replaces the characters XML 1.0 cannot hold (control characters, lone surrogates) by
U+FFFD. Zip entries carry a fixed timestamp: the same rows give the same bytes.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from govinfo_report._io import write_output_chunks

Value = str | int | Decimal | None
"""A cell: text, a number, or nothing (an empty cell)."""

_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

_PARTS = {
    "_rels/.rels": (
        f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/styles.xml": (
        f'<styleSheet xmlns="{_MAIN}">'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        '</cellStyleXfs><cellXfs count="2">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        "</cellStyles></styleSheet>"
    ),
}


def _sheet_parts(names: Sequence[str]) -> dict[str, str]:
    """The parts that list the sheets ``names`` (sheet ``k`` is ``sheet<k>.xml``,
    relationship ``rId<k>``; the styles take the id after them)."""
    n = len(names)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="{_CT}.worksheet+xml"/>'
        for k in range(1, n + 1)
    )
    sheets = "".join(
        f'<Relationship Id="rId{k}" Type="{_REL}/worksheet" Target="worksheets/sheet{k}.xml"/>'
        for k in range(1, n + 1)
    )
    listed = "".join(
        f'<sheet name="{_text(name)}" sheetId="{k}" r:id="rId{k}"/>'
        for k, name in enumerate(names, 1)
    )
    return {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'{overrides}<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
            "</Types>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PKG_REL}">{sheets}'
            f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{listed}</sheets></workbook>'
        ),
    }


def _text(value: str) -> str:
    """``value`` as XML character data or attribute value: the one door to XML."""
    return _ILLEGAL.sub("\ufffd", value).translate(_ESCAPES)


def column_letters(n: int) -> str:
    """The letters of the ``n``-th column, from 0: ``A``, ..., ``Z``, ``AA``, ..."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _inline(value: str) -> str:
    """What follows a text cell's reference (and style): its type and its text."""
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f' t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'


_TEXTS_KEPT = 4096
"""Texts whose XML a sheet keeps (rule statuses, kinds, agencies repeat row after row)."""


def _sheet(
    header: Sequence[str], rows: Iterable[Sequence[Value]], widths: Sequence[float] = ()
) -> Iterator[str]:
    refs = [f'<c r="{column_letters(i)}' for i in range(len(header))]
    cols = "".join(
        f'<col min="{k}" max="{k}" width="{width}" customWidth="1"/>'
        for k, width in enumerate(widths, 1)
    )
    # No <dimension>: it is optional, and a streamed sheet does not know its last row
    # (a wrong one makes readers stop there).
    yield (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{_MAIN}">'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        f"</sheetView></sheetViews>{f'<cols>{cols}</cols>' if cols else ''}<sheetData>"
    )
    bold = "".join(f'{r}1" s="1"{_inline(h)}' for r, h in zip(refs, header, strict=True))
    yield f'<row r="1">{bold}</row>'
    # A text's XML is made once and kept: escaping every "pass" of every row cost most
    # of the sheet.
    texts: dict[str, str] = {}
    for n, row in enumerate(rows, 2):
        number = f'{n}"'
        cells = []
        for ref, value in zip(refs, row, strict=True):
            if value is None:
                continue
            if isinstance(value, str):
                tail = texts.get(value)
                if tail is None:
                    if len(texts) >= _TEXTS_KEPT:
                        texts.clear()
                    tail = texts[value] = _inline(value)
                cells.append(f"{ref}{number}{tail}")
            else:
                cells.append(f"{ref}{number}><v>{value}</v></c>")
        yield f'<row r="{n}">{"".join(cells)}</row>'
    yield "</sheetData></worksheet>"


class Sheet(NamedTuple):
    """A sheet after the first: its name, header, rows, and its columns' widths (in
    characters; none given, the spreadsheet program's default)."""

    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[Value]]
    widths: Sequence[float] = ()


def write_xlsx(
    path: Path,
    sheet_name: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Value]],
    *,
    more: Sequence[Sheet] = (),
) -> None:
    """Write :func:`xlsx_chunks` to ``path`` by
    :func:`govinfo_report._io.write_output_chunks` (atomically, replacing it)."""
    write_output_chunks(path, xlsx_chunks(sheet_name, header, rows, more=more), force=True)


def xlsx_chunks(
    sheet_name: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Value]],
    *,
    more: Sequence[Sheet] = (),
) -> Iterator[bytes]:
    """A workbook whose first sheet has ``header`` in bold and frozen above ``rows``
    (then the sheets of ``more``, each laid out the same), in chunks: made in a
    temporary file first (memory stays flat), then read out of it."""
    sheets = [Sheet(sheet_name, header, rows), *more]
    parts = {**_PARTS, **_sheet_parts([sheet.name for sheet in sheets])}
    with tempfile.TemporaryFile() as spool:
        with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as package:
            for name, xml in parts.items():
                package.writestr(_entry(name), _declared(xml))
            for k, (_, head, body, widths) in enumerate(sheets, 1):
                with package.open(_entry(f"xl/worksheets/sheet{k}.xml"), "w") as sheet:
                    buffer: list[str] = []
                    for n, piece in enumerate(_sheet(head, body, widths)):
                        buffer.append(piece)
                        if n % 256 == 0:
                            sheet.write("".join(buffer).encode())
                            buffer.clear()
                    sheet.write("".join(buffer).encode())
        spool.seek(0)
        yield from iter(lambda: spool.read(1 << 20), b"")


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _declared(xml: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml).encode()


__all__ = ["Sheet", "Value", "column_letters", "write_xlsx", "xlsx_chunks"]
