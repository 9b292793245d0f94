"""Reproducible zip files whose members are deflated once and written many times.

A writer prepared from a template writes the same parts (styles, theme, headers, a
thumbnail: easily a megabyte of XML) into every document; only the body and the
document properties change. :mod:`zipfile` can only write a member by compressing it,
which made a render with a template several times slower than one without. Here each
part is deflated once (:func:`member`) and its compressed bytes are copied into each
archive (:func:`write`). The archive is laid out as :mod:`zipfile` lays it out (no data
descriptors, no extra fields), with a fixed timestamp and attributes, so the same parts
always give the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from typing import BinaryIO

import attrs

EPOCH = (1980, 1, 1, 0, 0, 0)
"""Timestamp of every member: the earliest a zip file can store, so output never varies."""

_DOS_DATE = (EPOCH[0] - 1980) << 9 | EPOCH[1] << 5 | EPOCH[2]
_DOS_TIME = EPOCH[3] << 11 | EPOCH[4] << 5 | EPOCH[5] // 2
_VERSION = 20  # 2.0: deflate
_DEFLATED = 8
_UTF8_NAME = 0x800
_ATTRIBUTES = 0o600 << 16  # rw------- on Unix, what zipfile gives a member with none
_LIMIT = 0xFFFFFFFF  # beyond this a zip needs ZIP64 records, which no Word file needs


@attrs.frozen
class Member:
    """One member of an archive, deflated: its name, CRC-32, size and compressed bytes."""

    name: str
    crc: int
    size: int
    deflated: bytes = attrs.field(repr=False)


def member(name: str, data: bytes) -> Member:
    """``data`` deflated (raw deflate, zlib's default level, as :mod:`zipfile` does)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return Member(name, zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


def write(members: Iterable[Member], dest: BinaryIO) -> None:
    """Write ``members`` to ``dest`` as one zip archive, in the given order.

    Raises:
        ValueError: the archive would need ZIP64 records (4 GiB, 65,535 members).
    """
    offset = 0
    central: list[bytes] = []
    for m in members:
        try:
            name, flags = m.name.encode("ascii"), 0
        except UnicodeEncodeError:
            name, flags = m.name.encode("utf-8"), _UTF8_NAME
        if max(m.size, len(m.deflated), offset) >= _LIMIT:
            raise ValueError(f"zip member {m.name!r} would need ZIP64")
        dest.write(
            struct.pack(
                "<4s2B4HL2L2H",
                b"PK\x03\x04",
                _VERSION,
                0,
                flags,
                _DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                m.crc,
                len(m.deflated),
                m.size,
                len(name),
                0,
            )
        )
        dest.write(name)
        dest.write(m.deflated)
        central.append(
            struct.pack(
                "<4s4B4HL2L5H2L",
                b"PK\x01\x02",
                _VERSION,
                0,  # made on MS-DOS: no host-specific attributes
                _VERSION,
                0,
                flags,
                _DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                m.crc,
                len(m.deflated),
                m.size,
                len(name),
                0,
                0,
                0,
                0,
                _ATTRIBUTES,
                offset,
            )
            + name
        )
        offset += 30 + len(name) + len(m.deflated)
    directory = b"".join(central)
    if len(central) > 0xFFFF or offset + len(directory) >= _LIMIT:
        raise ValueError("zip archive would need ZIP64")
    dest.write(directory)
    count = len(central)
    dest.write(
        struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    )


def write_parts(parts: Iterable[tuple[str, bytes]], dest: BinaryIO) -> None:
    """Write ``(name, data)`` parts as a zip archive (each deflated now; see :func:`write`)."""
    write((member(name, data) for name, data in parts), dest)
