"""The first bytes of a stream of an OLE2 compound file ([MS-CFB]), to tell a Word 97-2003
document or an Excel 97-2003 workbook encrypted with a password from one that is not.

Office 2007 and later encrypt a whole document into an ``EncryptedPackage`` stream,
which the stream names tell (:func:`~govinfo_report.readers._unsupported.ole2_streams`).
Word 97-2003 and Excel 97-2003 (and WPS, which writes their formats) encrypt inside the
document's own stream instead, and say so at its start: the ``fEncrypted`` bit of a Word
document's FIB, a ``FILEPASS`` record right after a workbook's ``BOF``. LibreOffice cannot
open such a file without its password and says only that it wrote nothing, after a second
of start-up; read here, it is named for what it is before LibreOffice is run.

Only what that needs is read: the header, the FAT (and the mini FAT for a stream under
4,096 bytes), the directory, and the stream's first sectors, each chain followed with a
guard against loops and sectors outside the file. Anything that is not a well-formed
compound file gives None, never an exception: the caller then goes on as before.
"""

from __future__ import annotations

import functools
import struct
from typing import Final

SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LAST_REGULAR: Final = 0xFFFFFFF9
"""The largest sector number of a sector holding data; those above mark chain ends, FAT
and DIFAT sectors and free ones."""
_ENTRY: Final = 128
_STREAM: Final = 2
_ROOT: Final = 5
_MINI: Final = 64
_CUTOFF: Final = 4096

_WORD_IDENTS: Final = (0xA5EC, 0xA5DC)
"""The ``wIdent`` of a Word 97-2003 FIB, and of Word 6/95's."""
_F_ENCRYPTED: Final = 0x0100
"""The FIB's ``fEncrypted`` bit (RC4, or XOR obfuscation, which sets it too)."""
_BIFF_BOF: Final = frozenset((0x0809, 0x0409, 0x0209, 0x0009))
_BIFF_FILEPASS: Final = 0x002F
_BIFF_BEFORE_FILEPASS: Final = frozenset((0x0086, 0x00E2))
"""Records that may stand between a workbook's BOF and its FILEPASS (WRITEPROT, and
the INTERFACEEND some writers put there)."""


class _File:
    """A compound file's header, FAT and directory, read lazily and with bounds."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(SIGNATURE):
            raise ValueError("no compound file")
        major, _order, shift, mini_shift = struct.unpack_from("<HHHH", data, 0x1A)
        if (major, shift) not in ((3, 9), (4, 12)) or mini_shift != 6:
            raise ValueError("an unknown compound file version")
        self.data = data
        self.major = major
        self.size = 1 << shift
        self.sectors = max(0, len(data) // self.size - 1)
        fat_count, self.directory_start = struct.unpack_from("<II", data, 0x2C)
        (cutoff,) = struct.unpack_from("<I", data, 0x38)
        if cutoff != _CUTOFF:
            raise ValueError("an unknown mini stream cutoff")
        self.mini_fat_start, _mini_fat_count = struct.unpack_from("<II", data, 0x3C)
        difat_start, difat_count = struct.unpack_from("<II", data, 0x44)
        fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
        per_sector = self.size // 4
        seen: set[int] = set()
        sector = difat_start
        for _ in range(min(difat_count, self.sectors)):
            if sector > _LAST_REGULAR or sector in seen:
                break
            seen.add(sector)
            entries = struct.unpack_from(f"<{per_sector}I", self._sector(sector))
            fat_sectors.extend(entries[:-1])
            sector = entries[-1]
        fat = bytearray()
        for sector in fat_sectors[: min(fat_count, self.sectors)]:
            if sector > _LAST_REGULAR:
                break
            fat += self._sector(sector)
        self.fat = struct.unpack(f"<{len(fat) // 4}I", fat)

    def _sector(self, sector: int) -> bytes:
        start = (sector + 1) * self.size
        if sector >= self.sectors or start + self.size > len(self.data):
            raise ValueError(f"sector {sector} is outside the file")
        return self.data[start : start + self.size]

    def _chain(self, start: int, table: tuple[int, ...], limit: int) -> list[int]:
        """The sectors of the chain from ``start`` in ``table``, at most ``limit``."""
        chain: list[int] = []
        seen: set[int] = set()
        sector = start
        while sector <= _LAST_REGULAR and len(chain) < limit:
            if sector in seen or sector >= len(table):
                raise ValueError("a broken sector chain")
            seen.add(sector)
            chain.append(sector)
            sector = table[sector]
        return chain

    def _read(self, start: int, size: int) -> bytes:
        count = -(-size // self.size)
        return b"".join(self._sector(s) for s in self._chain(start, self.fat, count))[:size]

    @functools.cached_property
    def directory(self) -> bytes:
        """The directory's sectors, read once for every stream asked for."""
        return self._read(self.directory_start, self.sectors * self.size)

    def stream_head(self, name: str, size: int) -> bytes | None:
        """The first ``size`` bytes of stream ``name`` (fewer if it is shorter), or None."""
        directory = self.directory
        root: tuple[int, int] | None = None
        for at in range(0, len(directory) - _ENTRY + 1, _ENTRY):
            (length,) = struct.unpack_from("<H", directory, at + 64)
            kind = directory[at + 66]
            start, low, high = struct.unpack_from("<III", directory, at + 116)
            length = min(length, 64)
            stream_size = low if self.major == 3 else low | high << 32
            if kind == _ROOT and root is None:
                root = start, stream_size
            entry = directory[at : at + max(0, length - 2)].decode("utf-16-le", "replace")
            if kind != _STREAM or entry.casefold() != name.casefold():
                continue
            wanted = min(size, stream_size)
            if stream_size >= _CUTOFF:
                return self._read(start, wanted)
            if root is None:
                return None
            return self._read_mini(start, wanted, root)
        return None

    def _read_mini(self, start: int, size: int, root: tuple[int, int]) -> bytes:
        """``size`` bytes of the mini stream chain from ``start``."""
        mini_fat_bytes = self._read(self.mini_fat_start, self.sectors * self.size)
        mini_fat = struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes)
        mini_stream = self._read(root[0], root[1])
        out = bytearray()
        for mini in self._chain(start, mini_fat, -(-size // _MINI)):
            piece = mini_stream[mini * _MINI : (mini + 1) * _MINI]
            if len(piece) < _MINI:
                raise ValueError("a mini sector outside the mini stream")
            out += piece
        return bytes(out[:size])


def stream_head(data: bytes, name: str, size: int = 4096) -> bytes | None:
    """The first ``size`` bytes of the stream ``name`` of the compound file ``data``;
    None when there is no such stream or ``data`` is no well-formed compound file."""
    try:
        return _File(data).stream_head(name, size)
    except (ValueError, struct.error, IndexError, OverflowError):
        return None


def password_protected(data: bytes) -> str | None:
    """``"word"`` or ``"workbook"`` when ``data`` is a Word 97-2003 document or an Excel
    97-2003 workbook encrypted inside its stream (RC4, or XOR obfuscation), else None."""
    if not data.startswith(SIGNATURE):
        return None
    try:
        compound = _File(data)
        word = compound.stream_head("WordDocument", 12)
        if word is not None and len(word) >= 12:
            ident, _version, _product, _lid, _next, flags = struct.unpack_from("<6H", word)
            if ident in _WORD_IDENTS and flags & _F_ENCRYPTED:
                return "word"
            return None
        for name in ("Workbook", "Book"):
            book = compound.stream_head(name, 1024)
            if book is not None:
                return "workbook" if _filepass(book) else None
    except (ValueError, struct.error, IndexError, OverflowError):
        return None
    return None


def _filepass(book: bytes) -> bool:
    """Whether the workbook stream's BOF is followed by a FILEPASS record."""
    if len(book) < 4 or struct.unpack_from("<H", book)[0] not in _BIFF_BOF:
        return False
    at = 4 + struct.unpack_from("<H", book, 2)[0]
    while at + 4 <= len(book):
        kind, size = struct.unpack_from("<HH", book, at)
        if kind == _BIFF_FILEPASS:
            return True
        if kind not in _BIFF_BEFORE_FILEPASS:
            return False
        at += 4 + size
    return False
