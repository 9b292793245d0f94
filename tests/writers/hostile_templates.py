"""Hostile DOCX templates built by hand: zip bombs, too many entries, XML that costs too
much to parse, DOCTYPEs.

A zip bomb is written without inflating it first: one MiB of zeros is deflated once and
its bytes repeated (a full flush resets the compressor, so every MiB compresses to the
same bytes), which gives a valid stream of any size in milliseconds. Its CRC is left 0:
computing the real one would mean running over the gigabytes the test must never hold.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from govinfo_report.writers import _ooxml_styles as oxs

_IMAGE_REL = (
    b'<Relationship Id="rId90" Target="media/image1.png" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/image"/></Relationships>'
)
_PNG_TYPE = b'<Default Extension="png" ContentType="image/png"/><Default Extension="xml"'


def base_parts() -> dict[str, bytes]:
    """The parts of the writer's built-in package: a valid, minimal template."""
    with zipfile.ZipFile(io.BytesIO(oxs.base_package())) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def with_image(parts: dict[str, bytes]) -> dict[str, bytes]:
    """``parts`` whose document refers to ``word/media/image1.png`` (python-docx loads it)."""
    out = dict(parts)
    rels = "word/_rels/document.xml.rels"
    out[rels] = out[rels].replace(b"</Relationships>", _IMAGE_REL)
    types = "[Content_Types].xml"
    out[types] = out[types].replace(b'<Default Extension="xml"', _PNG_TYPE, 1)
    return out


def zeros_deflated(mib: int) -> bytes:
    """A raw deflate stream of ``mib`` MiB of zero bytes (about 1 KB per MiB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = compressor.compress(bytes(1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return segment * mib + compressor.flush()


def package(parts: dict[str, bytes], raw: dict[str, tuple[bytes, int]] | None = None) -> bytes:
    """A zip of ``parts`` (stored) and of ``raw`` entries: name → (deflated bytes, the
    size they inflate to), written with CRC 0."""
    entries = [(n, 0, zlib.crc32(d), d, len(d)) for n, d in parts.items()]
    entries += [(n, 8, 0, d, size) for n, (d, size) in (raw or {}).items()]
    out = bytearray()
    directory = bytearray()
    for name, method, crc, data, size in entries:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04",
            20,
            0,
            method,
            0,
            0x21,
            crc,
            len(data),
            size,
            len(encoded),
            0,
        )
        out += encoded + data
        directory += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            method,
            0,
            0x21,
            crc,
            len(data),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        directory += encoded
    start = len(out)
    out += directory
    out += struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), start, 0
    )
    return bytes(out)
