"""Opening a DOCX package safely: the zip and XML checks done before any content is read.

A ``.docx`` is a zip of XML parts, and both layers can be turned against a reader: a
zip bomb (a few kilobytes that inflate to gigabytes; sizes in the headers that lie), an
encrypted or legacy binary Word file, an XML part with entity declarations (billion
laughs, external entities). :class:`Package` checks the central directory before
inflating anything, inflates only the parts asked for while counting the bytes it gets,
and parses XML with entities and the network switched off and any DOCTYPE refused.
Every failure is a :class:`~govinfo_report.errors.ReportReadError` that says what and
where.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Any, Final

from lxml import etree

from govinfo_report.errors import ReportReadError

ZIP_MAGIC: Final = b"PK\x03\x04"
CFB_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""OLE compound file: a Word 97-2003 ``.doc``, or an encrypted ``.docx`` (Word wraps
password-protected OOXML in a compound file with ``EncryptedPackage`` and
``EncryptionInfo`` streams)."""

MAX_ENTRIES: Final = 5_000
"""More zip entries than this is not a Word document (a report has a few dozen)."""
MAX_TOTAL_BYTES: Final = 200 * 1024 * 1024
"""The sum of the uncompressed sizes declared by the central directory."""
MAX_PART_BYTES: Final = 64 * 1024 * 1024
"""The largest XML part inflated (a long report's document.xml is a few megabytes)."""
MAX_RATIO: Final = 200
"""Largest compression ratio accepted for an entry bigger than :data:`RATIO_FLOOR`;
Word's XML compresses 5-30x, a zip bomb ~1000x."""
RATIO_FLOOR: Final = 1024 * 1024

_EOCD: Final = b"PK\x05\x06"
_EOCD64_LOCATOR: Final = b"PK\x06\x07"
_CHUNK: Final = 1024 * 1024
_ENCRYPTED_STREAM: Final = "EncryptedPackage".encode("utf-16-le")

_PARSER: Final = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_comments=True,
    remove_pis=True,
)
_DOCTYPE_MARKERS: Final = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)


def _central_directory(data: bytes) -> tuple[int, int, int] | None:
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


def looks_like_docx(data: bytes) -> bool:
    """Whether ``data`` is a zip whose central directory names ``word/document.xml``.

    Reads only the local header signature and the central directory, never inflates.
    """
    if not data.startswith(ZIP_MAGIC):
        return False
    directory = _central_directory(data)
    if directory is None:
        return False
    _entries, offset, size = directory
    return b"word/document.xml" in data[offset : offset + size]


def _refuse_non_zip(data: bytes, source: str) -> None:
    if data.startswith(CFB_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise ReportReadError(
                f"{source} is an encrypted (password-protected) Word document; "
                "remove the password in Word or WPS and save it again as .docx"
            )
        raise ReportReadError(
            f"{source} is a Word 97-2003 (.doc) or other OLE compound file, not a .docx; "
            "save it as .docx (Word 2007 or later) first"
        )
    if not data:
        raise ReportReadError(f"{source} is empty; expected a .docx (zip) document")
    if not data.startswith(ZIP_MAGIC):
        raise ReportReadError(
            f"{source} is not a .docx document: it does not start with a zip header "
            f"(first bytes {data[:8].hex(' ')})"
        )


class Package:
    """The parts of one DOCX, checked, inflated on demand and parsed safely.

    Raises:
        ReportReadError: (on construction) not a zip, encrypted, a legacy ``.doc``,
            corrupt, or declared sizes beyond the limits.
    """

    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        _refuse_non_zip(data, source)
        directory = _central_directory(data)
        if directory is None:
            raise ReportReadError(
                f"{source} is a corrupt zip: no end-of-central-directory record "
                "(truncated or not a complete .docx)"
            )
        if directory[0] > MAX_ENTRIES:
            raise ReportReadError(
                f"{source} has {directory[0]} zip entries; a Word document has far fewer "
                f"(limit {MAX_ENTRIES})"
            )
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            ValueError,
            OSError,
            EOFError,
            # zipfile refuses a central directory entry that asks for a newer zip version.
            NotImplementedError,
        ) as exc:
            raise ReportReadError(f"{source} is a corrupt zip: {exc}") from None
        self._infos = {info.filename: info for info in infos}
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise ReportReadError(
                    f"{source} is an encrypted zip (entry {info.filename!r} is encrypted); "
                    "remove the password and save it again"
                )
            total += info.file_size
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                raise ReportReadError(
                    f"{source} looks like a zip bomb: entry {info.filename!r} declares "
                    f"{info.file_size} bytes from {info.compress_size} compressed "
                    f"(ratio limit {MAX_RATIO})"
                )
        if total > MAX_TOTAL_BYTES:
            raise ReportReadError(
                f"{source} declares {total} bytes uncompressed; the limit is "
                f"{MAX_TOTAL_BYTES} (a zip bomb or not a report)"
            )

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The inflated bytes of part ``name``, counted while inflating.

        Raises:
            ReportReadError: missing, too big, corrupt (bad CRC, truncated data), or an
                unsupported compression method.
        """
        info = self._infos.get(name)
        if info is None:
            raise ReportReadError(f"{self.source} has no part {name!r}")
        limit = min(info.file_size, MAX_PART_BYTES)
        if info.file_size > MAX_PART_BYTES:
            raise ReportReadError(
                f"{self.source}: part {name!r} is {info.file_size} bytes uncompressed; "
                f"the limit is {MAX_PART_BYTES}"
            )
        out = bytearray()
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    out += chunk
                    # Headers can lie: never hold more than the declared size.
                    if len(out) > limit:
                        raise ReportReadError(
                            f"{self.source}: part {name!r} inflates beyond its declared "
                            f"size of {info.file_size} bytes (a zip bomb or a corrupt file)"
                        )
        except ReportReadError:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            raise ReportReadError(f"{self.source}: part {name!r} is corrupt: {exc}") from None
        return bytes(out)

    def xml(self, name: str) -> etree._Element:
        """Part ``name`` parsed as XML; no entity is resolved, no DOCTYPE accepted.

        Raises:
            ReportReadError: as :meth:`read`, or the part is not well-formed XML or
                declares a DOCTYPE/entities.
        """
        return parse_xml(self.read(name), f"{self.source}: part {name!r}")


def parse_xml(data: bytes, where: str) -> etree._Element:
    """``data`` parsed with entities, DTDs and the network off; any DOCTYPE refused.

    Raises:
        ReportReadError: not well-formed, or declares a DOCTYPE or entities.
    """
    # Refuse before parsing: Office never writes a DOCTYPE, and one is how entity
    # expansion attacks start. The check after parsing catches encodings missed here.
    if any(marker in data for marker in _DOCTYPE_MARKERS):
        raise ReportReadError(
            f"{where} declares a DOCTYPE or entities, which Word never writes; refused "
            "(entity declarations are never resolved)"
        )
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ReportReadError(f"{where} is not well-formed XML: {exc}") from None
    if root is None:
        raise ReportReadError(f"{where} is empty")
    docinfo: Any = root.getroottree().docinfo  # lxml-stubs lack DocInfo.doctype
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise ReportReadError(f"{where} declares a DOCTYPE, which Word never writes; refused")
    return root
