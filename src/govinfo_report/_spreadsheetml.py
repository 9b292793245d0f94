"""SpreadsheetML (.xlsx) vocabulary shared by the workbook writer and reader.

The namespaces of a workbook's parts (transitional, as Excel, WPS and LibreOffice write
them, and strict), cell references (``A1`` ↔ row and column counted from 0), and the
one door through which text enters a workbook's XML: :func:`cell_text` for a cell's
string, :func:`attribute` for everything else. SpreadsheetML writes the characters XML
cannot hold, and a carriage return (which XML reads as a line feed), as ``_xHHHH_``,
and a literal ``_xHHHH_`` with its underscore escaped (``_x005F_xHHHH_``);
:func:`unescape` reads both back, as Excel does.
"""

from __future__ import annotations

import re
from typing import Final

from govinfo_report.model.text import UNSTORABLE

MAIN_NS: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT_NS: Final = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL_NS: Final = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"

MAX_ROWS: Final = 1_048_576
"""Rows of a worksheet (Excel's limit, and the largest row a reference can name)."""
MAX_COLUMNS: Final = 16_384
"""Columns of a worksheet (A to XFD)."""

_REF: Final = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_ESCAPE: Final = re.compile(r"_x[0-9A-Fa-f]{4}_")
_LITERAL_ESCAPE: Final = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_XML: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


class IllegalTextError(ValueError):
    """Text holds a character that no workbook attribute can contain."""


def column_letters(col: int) -> str:
    """The letters of column ``col``, counted from 0: ``A``, ..., ``Z``, ``AA``, ..."""
    letters = ""
    n = col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def ref(row: int, col: int) -> str:
    """The reference of the cell at ``row``, ``col`` (from 0): ``ref(0, 0) == "A1"``."""
    return f"{column_letters(col)}{row + 1}"


def area(row: int, col: int, last_row: int, last_col: int) -> str:
    """``A1:C3``, or ``A1`` for a single cell."""
    first = ref(row, col)
    if (row, col) == (last_row, last_col):
        return first
    return f"{first}:{ref(last_row, last_col)}"


def parse_ref(text: str) -> tuple[int, int] | None:
    """(row, column), from 0, of a reference such as ``B7`` or ``$B$7``; ``None`` if
    ``text`` is not one or lies outside a worksheet."""
    match = _REF.fullmatch(text)
    if match is None:
        return None
    col = 0
    for letter in match[1].upper():
        col = col * 26 + ord(letter) - 64
    row = int(match[2])
    if not (1 <= row <= MAX_ROWS and 1 <= col <= MAX_COLUMNS):
        return None
    return row - 1, col - 1


def parse_area(text: str) -> tuple[int, int, int, int] | None:
    """(first row, first column, last row, last column) of ``A1:C3`` (or ``A1``), ordered;
    ``None`` if ``text`` is not an area of a worksheet."""
    first, _, last = text.partition(":")
    start = parse_ref(first)
    end = parse_ref(last) if last else start
    if start is None or end is None:
        return None
    return (
        min(start[0], end[0]),
        min(start[1], end[1]),
        max(start[0], end[0]),
        max(start[1], end[1]),
    )


def cell_text(text: str) -> str:
    """``text`` as the XML of a cell's string (``<t>``): escaped for XML, a literal
    ``_xHHHH_`` and a carriage return escaped for SpreadsheetML.

    Raises:
        IllegalTextError: a character no writer stores (the set check CH.1 reports).
    """
    _refuse(text)
    if "_x" in text:
        text = _LITERAL_ESCAPE.sub("_x005F_", text)
    if "\r" in text:
        text = text.replace("\r", "_x000D_")
    return text.translate(_XML)


def attribute(text: str) -> str:
    """``text`` escaped for XML character data and for a double-quoted attribute.

    Raises:
        IllegalTextError: a character no writer stores.
    """
    _refuse(text)
    return text.translate(_XML)


def unescape(text: str) -> str:
    """A cell's string as read from the XML with its ``_xHHHH_`` escapes decoded."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group()[2:6], 16)), text)


def _refuse(text: str) -> None:
    bad = UNSTORABLE.search(text)
    if bad is not None:
        raise IllegalTextError(f"character U+{ord(bad.group()):04X} cannot be stored in a .xlsx")


__all__ = [
    "MAIN_NS",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "PKG_REL_NS",
    "REL_NS",
    "STRICT_NS",
    "STRICT_REL_NS",
    "IllegalTextError",
    "area",
    "attribute",
    "cell_text",
    "column_letters",
    "parse_area",
    "parse_ref",
    "ref",
    "unescape",
]
