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
password (:mod:`._ole2`). Each kind is named, and its advice given, in English and in
Chinese (``unsupported(..., lang="zh")``).
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from govinfo_report.readers._ole2 import SIGNATURE as OLE2_SIGNATURE
from govinfo_report.readers._ole2 import password_protected

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from govinfo_report.findings import Lang

_READABLE = (
    "docx, doc, wps, xlsx, xls, et, pdf and ofd (with a text layer), html, mht, markdown, text "
    "(including pdftotext -layout), json, yaml, toml"
)
_READABLE_ZH = (
    "docx、doc、wps、xlsx、xls、et、pdf 和 ofd（须有文字层）、html、mht、markdown、文本"
    "（包括 pdftotext -layout 的输出）、json、yaml、toml"
)


@attrs.frozen
class _Kind:
    what: str
    advice: str
    what_zh: str
    """:attr:`what` in Chinese, after ``这是``."""
    advice_zh: str
    readable: bool = False
    """A kind a reader reads, named here only when a document of it cannot be read:
    damaged, or locked with a password (the message then says nothing of support)."""


_OTHER = (
    f"read the report itself in one of: {_READABLE}",
    f"请读取以下格式之一的报告本身：{_READABLE_ZH}",
)
_SAVE_DOCX = (
    "save it as a Word document (.docx) and read that",
    "请另存为 Word 文档（.docx）后再读取",
)
_SAVE_XLSX = (
    "save it as an Excel workbook (.xlsx) and read that, or convert it with LibreOffice: "
    "soffice --headless --convert-to xlsx FILE",
    "请另存为 Excel 工作簿（.xlsx）后再读取，或用 LibreOffice 转换："
    "soffice --headless --convert-to xlsx FILE",
)
_UNPACK = (
    "unpack it and read the reports in it (survey, validate and import read the reports inside a "
    ".zip themselves)",
    "请解压后读取其中的报告（survey、validate 和 import 会自行读取 .zip 中的报告）",
)
_OCR = (
    "an image has no text to read: OCR it first (for example tesseract -l chi_sim) and "
    "read the text",
    "图片中没有可读取的文字：请先做 OCR 文字识别（例如 tesseract -l chi_sim），再读取识别出的文字",
)


def _kind(what: tuple[str, str], advice: tuple[str, str], *, readable: bool = False) -> _Kind:
    return _Kind(what[0], advice[0], what[1], advice[1], readable)


_KINDS: dict[str, _Kind] = {
    "ppt": _kind(("a PowerPoint presentation (.ppt)", "PowerPoint 演示文稿（.ppt）"), _OTHER),
    "pptx": _kind(("a PowerPoint presentation (.pptx)", "PowerPoint 演示文稿（.pptx）"), _OTHER),
    "dps": _kind(("a WPS 演示 presentation (.dps)", "WPS 演示文稿（.dps）"), _OTHER),
    "wps": _kind(
        (
            "a .wps document that holds no Word document (a Microsoft Works file, or an old "
            "WPS format)",
            "不含 Word 文档的 .wps 文件（Microsoft Works 文件，或旧版 WPS 格式）",
        ),
        (_SAVE_DOCX[0] + " (WPS: 文件 → 另存为)", _SAVE_DOCX[1] + "（WPS：文件 → 另存为）"),
    ),
    "odt": _kind(("an OpenDocument text (.odt)", "OpenDocument 文本文档（.odt）"), _SAVE_DOCX),
    "ods": _kind(
        ("an OpenDocument spreadsheet (.ods)", "OpenDocument 电子表格（.ods）"), _SAVE_XLSX
    ),
    "odp": _kind(("an OpenDocument presentation (.odp)", "OpenDocument 演示文稿（.odp）"), _OTHER),
    "encrypted": _kind(
        ("a password-protected Office document", "密码加密的 Office 文档"),
        ("save an unprotected copy and read that", "请保存一份未加密的副本后再读取"),
        readable=True,
    ),
    "encrypted_word": _kind(
        (
            "a password-protected Word 97-2003 document (.doc, .wps)",
            "密码加密的 Word 97-2003 文档（.doc、.wps）",
        ),
        (
            "open it with its password in Word or WPS, save an unprotected copy and read that",
            "请在 Word 或 WPS 中用密码打开，保存一份未加密的副本后再读取",
        ),
        readable=True,
    ),
    "encrypted_book": _kind(
        (
            "a password-protected Excel 97-2003 workbook (.xls, .et)",
            "密码加密的 Excel 97-2003 工作簿（.xls、.et）",
        ),
        (
            "open it with its password in Excel or WPS, save an unprotected copy and read that",
            "请在 Excel 或 WPS 中用密码打开，保存一份未加密的副本后再读取",
        ),
        readable=True,
    ),
    "ole2": _kind(
        (
            "an old Office compound file that is no Word document",
            "不是 Word 文档的旧版 Office 复合文件",
        ),
        _OTHER,
    ),
    "ole2_book": _kind(
        (
            "an old Office compound file with no workbook in it (damaged, or no Excel "
            "97-2003 or WPS 表格 workbook)",
            "不含工作簿的旧版 Office 复合文件（已损坏，或不是 Excel 97-2003 或 WPS 表格工作簿）",
        ),
        (
            "open it in Excel or WPS and save it again, or read the report itself in one of: "
            + _READABLE,
            "请在 Excel 或 WPS 中打开后重新保存，或读取以下格式之一的报告本身：" + _READABLE_ZH,
        ),
        readable=True,
    ),
    "zip": _kind(("a zip archive (.zip)", "zip 压缩包（.zip）"), _UNPACK),
    "rar": _kind(("a RAR archive (.rar)", "RAR 压缩包（.rar）"), _UNPACK),
    "7z": _kind(("a 7-Zip archive (.7z)", "7-Zip 压缩包（.7z）"), _UNPACK),
    "png": _kind(("a PNG image", "PNG 图片"), _OCR),
    "jpeg": _kind(("a JPEG image", "JPEG 图片"), _OCR),
    "gif": _kind(("a GIF image", "GIF 图片"), _OCR),
    "tiff": _kind(("a TIFF image", "TIFF 图片"), _OCR),
    "bmp": _kind(("a BMP image", "BMP 图片"), _OCR),
    "webp": _kind(("a WebP image", "WebP 图片"), _OCR),
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


def unsupported(
    data: bytes, suffix: str, *, suffix_hint: str = "", lang: Lang = "en"
) -> str | None:
    """What a document no reader reads is, and what to do, or None if it is unknown:
    by its signature, else by ``suffix``. ``suffix_hint`` only tells apart formats that
    share a signature (.ppt and .dps), naming nothing by itself. In English, or in
    Chinese for ``lang="zh"`` (the same document named the same way)."""
    suffix = suffix.lower()
    kind = _by_signature(data, suffix or suffix_hint.lower()) or _SUFFIXES.get(suffix)
    if kind is None:
        return None
    known = _KINDS[kind]
    if lang != "en":
        gap = " " if known.what_zh[0].isascii() else ""
        if known.readable:
            return f"这是{gap}{known.what_zh}：{known.advice_zh}"
        return f"这是{gap}{known.what_zh}，暂不支持读取；{known.advice_zh}"
    if known.readable:
        return f"this is {known.what}: {known.advice}"
    return f"this is {known.what}; not supported yet: {known.advice}"
