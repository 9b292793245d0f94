"""The character encodings a web page may declare, by the labels browsers accept.

A page names its encoding in ``<meta charset>`` or ``http-equiv="Content-Type"``. The
label is looked up here, never through :func:`codecs.lookup`: Python's codec registry
also holds transforms that are not a page's text encoding at all (``punycode`` decodes
a large page in quadratic time and then fails, ``unicode_escape``, ``idna``, ``zlib``,
``rot13``, EBCDIC code pages). A label is matched as the WHATWG Encoding Standard says
(ASCII whitespace trimmed, ASCII case ignored) against the labels of the encodings a
Chinese report's page can have — UTF-8, GBK/GB2312/GB18030, Big5, windows-1252 (which
browsers read for ASCII and Latin-1 labels) — and anything else is ignored, as a
browser ignores an unknown label: the page is then read by the usual detection.
"""

from __future__ import annotations

from typing import Final

_LABELS: Final = {
    # UTF-8
    "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8",
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
    # UTF-16: a declaration found by an ASCII scan is in an ASCII-compatible page, so
    # browsers read it as UTF-8 (a real UTF-16 page is recognised by its BOM).
    "csunicode": "utf-8",
    "iso-10646-ucs-2": "utf-8",
    "ucs-2": "utf-8",
    "unicode": "utf-8",
    "unicodefeff": "utf-8",
    "unicodefffe": "utf-8",
    "utf-16": "utf-8",
    "utf-16be": "utf-8",
    "utf-16le": "utf-8",
    # GBK and GB18030: browsers decode every GBK label with GB18030, its superset.
    "chinese": "gb18030",
    "csgb2312": "gb18030",
    "csiso58gb231280": "gb18030",
    "gb2312": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "gbk": "gb18030",
    "iso-ir-58": "gb18030",
    "x-gbk": "gb18030",
    "gb18030": "gb18030",
    "cp936": "gb18030",  # Windows' name for GBK, seen on older portals
    "euc-cn": "gb18030",
    # Big5 (Hong Kong, Macao, Taiwan): browsers decode it as Big5-HKSCS.
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "cn-big5": "big5hkscs",
    "csbig5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    # ASCII and Latin-1 labels are windows-1252 to a browser.
    "ansi_x3.4-1968": "cp1252",
    "ascii": "cp1252",
    "cp1252": "cp1252",
    "cp819": "cp1252",
    "csisolatin1": "cp1252",
    "ibm819": "cp1252",
    "iso-8859-1": "cp1252",
    "iso-ir-100": "cp1252",
    "iso8859-1": "cp1252",
    "iso88591": "cp1252",
    "iso_8859-1": "cp1252",
    "iso_8859-1:1987": "cp1252",
    "l1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-cp1252": "cp1252",
}
_ASCII_WHITESPACE: Final = "\t\n\f\r "
_ASCII_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def page_encoding(label: str) -> str | None:
    """The Python codec for a page's declared encoding ``label``, or ``None`` when the
    label names no encoding a report's page can have (then it is ignored)."""
    # ASCII case only: str.lower() would also fold look-alikes (KELVIN SIGN → "k").
    return _LABELS.get(label.strip(_ASCII_WHITESPACE).translate(_ASCII_LOWER))
