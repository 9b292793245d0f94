"""Zip archives for tests: one whose members are flagged as encrypted."""

from __future__ import annotations

import io
import struct
import zipfile

_ENCRYPTED = 0x1
"""The general-purpose flag bit that marks a zip entry as encrypted."""


def encrypted_zip(members: dict[str, bytes]) -> bytes:
    """A zip of ``members`` with every entry flagged as encrypted (in its local header
    and in the central directory), as a zip made with a password says it is."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = bytearray(buffer.getvalue())
    for signature, flags_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := data.find(signature, start)) != -1:
            at = found + flags_at
            (flags,) = struct.unpack_from("<H", data, at)
            struct.pack_into("<H", data, at, flags | _ENCRYPTED)
            start = found + 4
    return bytes(data)
