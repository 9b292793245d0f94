"""Opening an OOXML package (``.docx``, ``.dotx``, ``.xlsx``) safely: the zip checks made
before any part is inflated, shared by the DOCX and XLSX readers (their input) and the
DOCX writer (a template).

A package is a zip of XML parts, and both layers can be turned against whoever opens
it: a zip bomb (a few kilobytes that inflate to gigabytes; sizes in the headers that
lie), an encrypted or legacy binary Word file, XML that declares entities (billion
laughs, external entities), or megabytes of tiny elements, each of which costs a parsed
tree a hundred bytes or more. :class:`Package` checks the central directory before
inflating anything (entries, declared total, compression ratio), inflates a part only
when asked while counting the bytes it gets, and keeps count of the XML given out for
parsing. Every failure is raised as the caller's error (``ReportReadError`` for an
input, ``ReportWriteError`` for a template) with a message that says what, where and
which limit, in English and in Chinese (``zh=``).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Final

import attrs

from govinfo_report.errors import GovinfoReportError

ZIP_MAGIC: Final = b"PK\x03\x04"
CFB_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""OLE compound file: a Word 97-2003 ``.doc``, or an encrypted ``.docx`` (Word wraps
password-protected OOXML in a compound file with ``EncryptedPackage`` and
``EncryptionInfo`` streams)."""

MAX_PACKAGE_BYTES: Final = 64 * 1024 * 1024
"""The package file itself (a template; an input is bounded by ``read_report``)."""
MAX_ENTRIES: Final = 5_000
"""More zip entries than this is not a Word document (a report has a few dozen)."""
MAX_TOTAL_BYTES: Final = 200 * 1024 * 1024
"""The sum of the uncompressed sizes declared by the central directory."""
MAX_PART_BYTES: Final = 64 * 1024 * 1024
"""The largest part inflated (images and embedded fonts included)."""
MAX_XML_BYTES: Final = 16 * 1024 * 1024
"""The XML of one package given out for parsing, all parts together: a long report's
``document.xml`` is a few megabytes, and a parsed tree costs up to 20 times its text."""
MAX_RATIO: Final = 200
"""Largest compression ratio accepted for an entry bigger than :data:`RATIO_FLOOR`;
Word's XML compresses 5-30x, a zip bomb ~1000x."""
RATIO_FLOOR: Final = 1024 * 1024

Error = type[GovinfoReportError]
"""The caller's error, made from a message and its Chinese (``zh=``): ``ReportReadError``
for an input, ``ReportWriteError`` for a template."""


@attrs.frozen
class Kind:
    """What kind of package is opened, as its messages name it."""

    name: str
    """``Word document``."""
    suffix: str
    """``.docx``."""
    program: str
    """The program that writes it: ``Word``."""
    legacy: str
    """What an OLE compound file in its place is, and what to do about it."""
    name_zh: str
    """The name in Chinese: ``Word 文档``."""
    program_zh: str
    """The program in Chinese: ``Word``."""
    legacy_zh: str
    """:attr:`legacy` in Chinese, after ``是``."""


WORD: Final = Kind(
    "Word document",
    ".docx",
    "Word",
    "a Word 97-2003 (.doc) or other OLE compound file, not a .docx; save it as .docx "
    "(Word 2007 or later) first",
    name_zh="Word 文档",
    program_zh="Word",
    legacy_zh="Word 97-2003 文档（.doc）或其他 OLE 复合文件，不是 .docx；请先另存为 .docx"
    "（Word 2007 或更高版本）",
)
WORKBOOK: Final = Kind(
    "Excel workbook",
    ".xlsx",
    "Excel",
    "an Excel 97-2003 workbook (.xls) or other OLE compound file, not a .xlsx; save it as "
    ".xlsx (Excel 2007 or later, WPS), or convert it with LibreOffice: "
    "soffice --headless --convert-to xlsx FILE",
    name_zh="Excel 工作簿",
    program_zh="Excel",
    legacy_zh="Excel 97-2003 工作簿（.xls）或其他 OLE 复合文件，不是 .xlsx；请另存为 .xlsx"
    "（Excel 2007 或更高版本、WPS），或用 LibreOffice 转换："
    "soffice --headless --convert-to xlsx FILE",
)

_EOCD: Final = b"PK\x05\x06"
_EOCD64_LOCATOR: Final = b"PK\x06\x07"
_CHUNK: Final = 1024 * 1024
_ENCRYPTED_STREAM: Final = "EncryptedPackage".encode("utf-16-le")
_DOCTYPE_MARKERS: Final = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)
_XML_START: Final = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def central_directory(data: bytes) -> tuple[int, int, int] | None:
    """``(entries, offset, size)`` of the central directory, from the end record, or
    ``None`` when there is no end record."""
    tail_start = max(0, len(data) - 65_557)  # end record (22) + longest comment (65535)
    at = data.rfind(_EOCD, tail_start)
    if at < 0 or at + 22 > len(data):
        return None
    entries, size, offset = struct.unpack_from("<6xHII", data, at + 4)
    if entries == 0xFFFF or 0xFFFFFFFF in (size, offset):
        locator = at - 20
        if locator >= 0 and data[locator : locator + 4] == _EOCD64_LOCATOR:
            (record,) = struct.unpack_from("<Q", data, locator + 8)
            if record + 56 <= len(data) and data[record : record + 4] == b"PK\x06\x06":
                entries, size, offset = struct.unpack_from("<QQQ", data, record + 32)
    return entries, offset, size


def names_part(data: bytes, name: str) -> bool:
    """Whether ``data`` is a zip whose central directory names the part ``name``
    (``word/document.xml``, ``xl/workbook.xml``): the local header's signature and the
    central directory are read, nothing is inflated."""
    if not data.startswith(ZIP_MAGIC):
        return False
    directory = central_directory(data)
    if directory is None:
        return False
    _entries, offset, size = directory
    return name.encode() in data[offset : offset + size]


def refuse_doctype(
    data: bytes,
    where: str,
    error: Error,
    program: str = "Word",
    *,
    where_zh: str | None = None,
    program_zh: str | None = None,
) -> None:
    """Refuse XML that declares a DOCTYPE or entities, before it is parsed: Office never
    writes one, and one is how entity expansion attacks start. ``where_zh`` and
    ``program_zh`` name the part and the program in the Chinese message (``where`` and
    ``program`` unless given).

    Raises:
        GovinfoReportError: ``error(message, zh=...)``.
    """
    if any(marker in data for marker in _DOCTYPE_MARKERS):
        raise error(
            f"{where} declares a DOCTYPE or entities, which {program} never writes; refused "
            "(entity declarations are never resolved)",
            zh=f"{where if where_zh is None else where_zh} 声明了 DOCTYPE 或实体，"
            f"{program if program_zh is None else program_zh} 从不写入这些声明；已拒绝"
            "（实体声明一概不予解析）",
        )


def _refuse_non_zip(data: bytes, source: str, zh: str, error: Error, kind: Kind) -> None:
    if data.startswith(CFB_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise error(
                f"{source} is an encrypted (password-protected) {kind.name}; remove the "
                f"password in {kind.program} or WPS and save it again as {kind.suffix}",
                zh=f"{zh} 是密码加密的 {kind.name_zh}；请在 {kind.program_zh} 或 WPS 中取消"
                f"密码，再另存为 {kind.suffix}",
            )
        gap = " " if kind.legacy_zh[:1].isascii() else ""
        raise error(f"{source} is {kind.legacy}", zh=f"{zh} 是{gap}{kind.legacy_zh}")
    if not data:
        raise error(
            f"{source} is empty; expected a {kind.suffix} (zip) document",
            zh=f"{zh} 是空文件；应为 {kind.suffix}（zip）文档",
        )
    if not data.startswith(ZIP_MAGIC):
        raise error(
            f"{source} is not a {kind.suffix} document: it does not start with a zip header "
            f"(first bytes {data[:8].hex(' ')})",
            zh=f"{zh} 不是 {kind.suffix} 文档：开头不是 zip 文件头（开头字节为 "
            f"{data[:8].hex(' ')}）",
        )


class Package:
    """The parts of one package, checked, inflated on demand and counted.

    Args:
        data: the package's bytes.
        source: what to call it in messages (``report.docx``, ``template t.docx``).
        error: the exception to raise, made from a message and its Chinese.
        kind: what the package is, as the messages name it.
        source_zh: what to call it in the Chinese messages (``模板 t.docx``; ``source``
            unless given).

    Raises:
        GovinfoReportError: ``error(message, zh=...)`` (on construction) when the data
            is not a zip, is encrypted, a legacy ``.doc`` or corrupt, or declares entries
            or sizes beyond the limits.
    """

    def __init__(
        self,
        data: bytes,
        source: str,
        error: Error,
        kind: Kind = WORD,
        *,
        source_zh: str | None = None,
    ) -> None:
        self.source = source
        self.source_zh = zh = source if source_zh is None else source_zh
        """What the Chinese messages call the package."""
        self.kind = kind
        self._error = error
        self._xml_bytes = 0
        _refuse_non_zip(data, source, zh, error, kind)
        directory = central_directory(data)
        if directory is None:
            raise error(
                f"{source} is a corrupt zip: no end-of-central-directory record "
                f"(truncated or not a complete {kind.suffix})",
                zh=f"{zh} 是已损坏的 zip：没有中央目录结束记录（文件被截断，或不是完整的 "
                f"{kind.suffix}）",
            )
        if directory[0] > MAX_ENTRIES:
            raise error(
                f"{source} has {directory[0]} zip entries; a {kind.name} has far fewer "
                f"(limit {MAX_ENTRIES})",
                zh=f"{zh} 有 {directory[0]} 个 zip 条目；{kind.name_zh}的条目远少于此"
                f"（上限 {MAX_ENTRIES}）",
            )
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            self._all = self._zip.infolist()
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            ValueError,
            OSError,
            EOFError,
            # zipfile refuses a central directory entry that asks for a newer zip version.
            NotImplementedError,
        ) as exc:
            raise error(
                f"{source} is a corrupt zip: {exc}", zh=f"{zh} 是已损坏的 zip：{exc}"
            ) from None
        self._infos = {info.filename: info for info in self._all}
        total = 0
        for info in self._all:
            if info.flag_bits & 0x1:
                raise error(
                    f"{source} is an encrypted zip (entry {info.filename!r} is encrypted); "
                    "remove the password and save it again",
                    zh=f"{zh} 是密码加密的 zip（条目 {info.filename!r} 已加密）；请取消密码后"
                    "重新保存",
                )
            total += info.file_size
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise error(
                    f"{source} looks like a zip bomb: entry {info.filename!r} declares "
                    f"{info.file_size} bytes from {info.compress_size} compressed "
                    f"(ratio limit {MAX_RATIO})",
                    zh=f"{zh} 疑似压缩炸弹：条目 {info.filename!r} 压缩后 "
                    f"{info.compress_size} 字节，声明解压后 {info.file_size} 字节"
                    f"（压缩比上限 {MAX_RATIO}）",
                )
        if total > MAX_TOTAL_BYTES:
            raise error(
                f"{source} declares {total} bytes uncompressed; the limit is "
                f"{MAX_TOTAL_BYTES} (a zip bomb or not a report)",
                zh=f"{zh} 声明解压后共 {total} 字节；上限为 {MAX_TOTAL_BYTES} 字节"
                "（是压缩炸弹，或不是报告）",
            )

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The inflated bytes of part ``name``, counted while inflating.

        Raises:
            GovinfoReportError: ``error(message, zh=...)``: missing, too big, corrupt
                (bad CRC, truncated data), or an unsupported compression method.
        """
        info = self._infos.get(name)
        if info is None:
            raise self._error(
                f"{self.source} has no part {name!r}", zh=f"{self.source_zh} 没有部件 {name!r}"
            )
        return self._inflate(info)

    def read_xml(self, name: str) -> bytes:
        """Part ``name`` to be parsed as XML: as :meth:`read`, counted against
        :data:`MAX_XML_BYTES` (by its declared size, before inflating), a DOCTYPE refused.

        Raises:
            GovinfoReportError: ``error(message, zh=...)``: as :meth:`read`, a DOCTYPE,
                or the package's XML over the limit.
        """
        info = self._infos.get(name)
        if info is not None:
            self._count_xml(name, info.file_size)
        data = self.read(name)
        self._refuse_doctype(data, name)
        return data

    def check_all(self) -> None:
        """Inflate every entry once, bounded, as :meth:`read_xml` does for XML and
        :meth:`read` for the rest: for a package handed whole to another library.

        Raises:
            GovinfoReportError: ``error(message, zh=...)``: any entry that :meth:`read` or
                :meth:`read_xml` would refuse.
        """
        for info in self._all:
            data = self._inflate(info)
            if data[:64].lstrip(b" \t\r\n").startswith(_XML_START):
                self._count_xml(info.filename, len(data))
                self._refuse_doctype(data, info.filename)

    def where(self, name: str) -> tuple[str, str]:
        """What the messages call part ``name``: in English and in Chinese."""
        return f"{self.source}: part {name!r}", f"{self.source_zh}：部件 {name!r}"

    def _refuse_doctype(self, data: bytes, name: str) -> None:
        where, where_zh = self.where(name)
        kind = self.kind
        refuse_doctype(
            data, where, self._error, kind.program, where_zh=where_zh, program_zh=kind.program_zh
        )

    def _count_xml(self, name: str, size: int) -> None:
        self._xml_bytes += size
        if self._xml_bytes > MAX_XML_BYTES:
            raise self._error(
                f"{self.source}: part {name!r} brings the package's XML to "
                f"{self._xml_bytes} bytes; the limit is {MAX_XML_BYTES} "
                "(a long report has a few megabytes)",
                zh=f"{self.source_zh}：部件 {name!r} 使包内的 XML 达到 {self._xml_bytes} 字节；"
                f"上限为 {MAX_XML_BYTES} 字节（篇幅长的报告也只有几兆字节）",
            )

    def _inflate(self, info: zipfile.ZipInfo) -> bytes:
        name = info.filename
        if info.file_size > MAX_PART_BYTES:
            raise self._error(
                f"{self.source}: part {name!r} is {info.file_size} bytes uncompressed; "
                f"the limit is {MAX_PART_BYTES}",
                zh=f"{self.source_zh}：部件 {name!r} 解压后为 {info.file_size} 字节；上限为 "
                f"{MAX_PART_BYTES} 字节",
            )
        out = bytearray()
        overflow = False
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    out += chunk
                    # Headers can lie: never hold more than the declared size.
                    if len(out) > info.file_size:
                        overflow = True
                        break
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise self._error(
                f"{self.source}: part {name!r} is corrupt: {exc}",
                zh=f"{self.source_zh}：部件 {name!r} 已损坏：{exc}",
            ) from None
        if overflow:
            raise self._error(
                f"{self.source}: part {name!r} inflates beyond its declared size of "
                f"{info.file_size} bytes (a zip bomb or a corrupt file)",
                zh=f"{self.source_zh}：部件 {name!r} 解压后超过声明的 {info.file_size} 字节"
                "（是压缩炸弹，或文件已损坏）",
            )
        return bytes(out)
