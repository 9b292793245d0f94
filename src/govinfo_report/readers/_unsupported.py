"""Naming the formats no reader reads yet, so that the error says what a document is.

When no reader recognises a document, :func:`unsupported` tells a presentation, an
OpenDocument file, a WPS file, an archive, an image or a
password-protected Office file by its signature (and, failing that, by its suffix), with
what to do instead. :data:`DOCUMENT_SUFFIXES` are the suffixes of those that are
documents or archives (not images): a folder walk takes them, so that a survey counts
and names them rather than passing over them. Signatures are
checked on the raw bytes only: the zip members' names (stored uncompressed in the zip
headers) and the stream names of an OLE2 compound file's directory (:func:`ole2_streams`),
never by decompressing or parsing the document; for a Word 97-2003 document or an Excel
97-2003 workbook, the start of its stream too, which says whether it is encrypted with a
password (:mod:`._ole2`).
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from govinfo_report.readers._ole2 import SIGNATURE as OLE2_SIGNATURE
from govinfo_report.readers._ole2 import password_protected

_READABLE = (
    "docx, doc, wps, xlsx, xls, et, pdf and ofd (with a text layer), html, mht, markdown, text "
    "(including pdftotext -layout), json, yaml, toml"
)


@attrs.frozen
class _Kind:
    what: str
    advice: str
    readable: bool = False
    """A kind a reader reads, named here only when a document of it cannot be read:
    damaged, or locked with a password (the message then says nothing of support)."""


_OTHER = f"read the report itself in one of: {_READABLE}"
_SAVE_DOCX = "save it as a Word document (.docx) and read that"
_SAVE_XLSX = (
    "save it as an Excel workbook (.xlsx) and read that, or convert it with LibreOffice: "
    "soffice --headless --convert-to xlsx FILE"
)
_UNPACK = (
    "unpack it and read the reports in it (survey, validate and import read the reports inside a "
    ".zip themselves)"
)
_OCR = (
    "an image has no text to read: OCR it first (for example tesseract -l chi_sim) and "
    "read the text"
)
_KINDS: dict[str, _Kind] = {
    "ppt": _Kind("a PowerPoint presentation (.ppt)", _OTHER),
    "pptx": _Kind("a PowerPoint presentation (.pptx)", _OTHER),
    "dps": _Kind("a WPS 演示 presentation (.dps)", _OTHER),
    "wps": _Kind(
        "a .wps document that holds no Word document (a Microsoft Works file, or an old "
        "WPS format)",
        _SAVE_DOCX + " (WPS: 文件 → 另存为)",
    ),
    "odt": _Kind("an OpenDocument text (.odt)", _SAVE_DOCX),
    "ods": _Kind("an OpenDocument spreadsheet (.ods)", _SAVE_XLSX),
    "odp": _Kind("an OpenDocument presentation (.odp)", _OTHER),
    "encrypted": _Kind(
        "a password-protected Office document",
        "save an unprotected copy and read that",
        readable=True,
    ),
    "encrypted_word": _Kind(
        "a password-protected Word 97-2003 document (.doc, .wps)",
        "open it with its password in Word or WPS, save an unprotected copy and read that",
        readable=True,
    ),
    "encrypted_book": _Kind(
        "a password-protected Excel 97-2003 workbook (.xls, .et)",
        "open it with its password in Excel or WPS, save an unprotected copy and read that",
        readable=True,
    ),
    "ole2": _Kind("an old Office compound file that is no Word document", _OTHER),
    "ole2_book": _Kind(
        "an old Office compound file with no workbook in it (damaged, or no Excel "
        "97-2003 or WPS 表格 workbook)",
        "open it in Excel or WPS and save it again, or read the report itself in one of: "
        + _READABLE,
        readable=True,
    ),
    "zip": _Kind("a zip archive (.zip)", _UNPACK),
    "rar": _Kind("a RAR archive (.rar)", _UNPACK),
    "7z": _Kind("a 7-Zip archive (.7z)", _UNPACK),
    "png": _Kind("a PNG image", _OCR),
    "jpeg": _Kind("a JPEG image", _OCR),
    "gif": _Kind("a GIF image", _OCR),
    "tiff": _Kind("a TIFF image", _OCR),
    "bmp": _Kind("a BMP image", _OCR),
    "webp": _Kind("a WebP image", _OCR),
}
_SUFFIXES: dict[str, str] = {
    ".ppt": "ppt",
    ".pptx": "pptx",
    ".dps": "dps",
    ".wps": "wps",
    ".wpt": "wps",
    ".odt": "odt",
    ".ods": "ods",
    ".odp": "odp",
    ".zip": "zip",
    ".rar": "rar",
    ".7z": "7z",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".gif": "gif",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".bmp": "bmp",
    ".webp": "webp",
}
_IMAGE_KINDS: Final = frozenset(("png", "jpeg", "gif", "tiff", "bmp", "webp"))
DOCUMENT_SUFFIXES: Final = frozenset(s for s, kind in _SUFFIXES.items() if kind not in _IMAGE_KINDS)
"""The suffixes of the documents and archives named here (``.odt``, ``.pptx``, ``.zip``
...). Images are left out: the pictures of a saved web page (``报告_files/``) are no
reports; a scanned report given by name is still named, as an image to OCR."""
_ARCHIVES: tuple[tuple[bytes, str], ...] = ((b"Rar!\x1a\x07", "rar"), (b"7z\xbc\xaf\x27\x1c", "7z"))
_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
_ZIP_MEMBERS: tuple[tuple[bytes, str], ...] = (
    (b"ppt/presentation.xml", "pptx"),
    (b"application/vnd.oasis.opendocument.text", "odt"),
    (b"application/vnd.oasis.opendocument.spreadsheet", "ods"),
    (b"application/vnd.oasis.opendocument.presentation", "odp"),
)


def ole2_streams(data: bytes) -> set[str]:
    """The names of the directory entries of an OLE2 compound file ("WordDocument",
    "Workbook", ...), found where a directory entry can be: at a multiple of 128 bytes,
    a UTF-16 name followed by its length in bytes (terminator included) at offset 64."""
    names: set[str] = set()
    for name in ("WordDocument", "Workbook", "Book", "PowerPoint Document", "EncryptedPackage"):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        size = len(encoded).to_bytes(2, "little")
        for match in re.finditer(re.escape(encoded), data):
            start = match.start()
            if start % 128 == 0 and data[start + 64 : start + 66] == size:
                names.add(name)
                break
    return names


_BINARY: tuple[bytes, ...] = (
    b"PK\x03\x04",
    b"PK\x05\x06",  # an empty zip: its end record alone
    OLE2_SIGNATURE,
    b"%PDF-",
    *(signature for signature, _ in (*_ARCHIVES, *_IMAGES)),
)


def is_binary(data: bytes) -> bool:
    """Whether ``data`` starts as a binary container does (a zip, an OLE2 file, a PDF,
    an archive, an image): never a report in JSON, YAML or TOML, however much of one it
    holds uncompressed."""
    return data.startswith(_BINARY)


def _by_signature(data: bytes, suffix: str) -> str | None:
    if data.startswith(OLE2_SIGNATURE):
        streams = ole2_streams(data)
        if "EncryptedPackage" in streams:
            return "encrypted"
        protected = password_protected(data)
        if protected is not None:
            return "encrypted_word" if protected == "word" else "encrypted_book"
        if "PowerPoint Document" in streams:
            return "dps" if suffix == ".dps" else "ppt"
        if streams & {"WordDocument", "Workbook", "Book"}:
            # A Word document (.doc, WPS 文字's .wps) or a workbook (.xls, WPS 表格's
            # .et): the doc and xls readers'.
            return None
        if suffix in (".wps", ".wpt"):
            return "wps"
        return "ole2_book" if suffix in (".xls", ".xlt", ".et", ".ett") else "ole2"
    if data.startswith(b"PK\x03\x04"):
        for member, kind in _ZIP_MEMBERS:
            if member in data:
                return kind
        # A .docx is a zip too: only one named .zip is called an archive (a damaged
        # .docx is the DOCX reader's to explain).
        return "zip" if suffix == ".zip" else None
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"BM") and data[6:10] == b"\x00\x00\x00\x00":  # reserved fields
        return "bmp"
    for signature, kind in (*_ARCHIVES, *_IMAGES):
        if data.startswith(signature):
            return kind
    # A .wps that no reader took holds no Word document: Microsoft Works' format, or
    # WPS's own of before 2003, rather than "not a Word document" from the doc reader.
    return "wps" if suffix in (".wps", ".wpt") else None


def unsupported(data: bytes, suffix: str, *, suffix_hint: str = "") -> str | None:
    """What a document no reader reads is, and what to do, or None if it is unknown:
    by its signature, else by ``suffix``. ``suffix_hint`` only tells apart formats that
    share a signature (.ppt and .dps), naming nothing by itself."""
    suffix = suffix.lower()
    kind = _by_signature(data, suffix or suffix_hint.lower()) or _SUFFIXES.get(suffix)
    if kind is None:
        return None
    known = _KINDS[kind]
    if known.readable:
        return f"this is {known.what}: {known.advice}"
    return f"this is {known.what}; not supported yet: {known.advice}"
