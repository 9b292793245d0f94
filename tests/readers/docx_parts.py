"""Small DOCX packages built by hand, for tests of the DOCX reader's XML handling.

``package(body)`` wraps WordprocessingML body content in the minimum a Word document
needs (content types, relationships, document part), with optional styles, numbering
and custom properties, so that one test can show one feature of the format.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from pathlib import Path

from govinfo_report import load, render
from govinfo_report._package import MAX_XML_BYTES

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_FIXTURES = Path(__file__).parent.parent / "fixtures" / "docx"
EXAMPLES = Path(__file__).parent.parent.parent / "examples"


def real_and_rendered() -> list[tuple[str, bytes]]:
    """(name, bytes) of the real DOCX fixtures, then of each example report rendered by
    our Word writer: the documents a test of the whole reader runs over."""
    found = [(p.name, p.read_bytes()) for p in sorted(DOCX_FIXTURES.glob("*.docx"))]
    for example in sorted(EXAMPLES.glob("*.yaml")):
        found.append((example.name, render(load(example), "docx")))
    return found


NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
    "</Relationships>"
)


def document(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"
    )


def custom_properties(name: str, value: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{name}">'
        f"<vt:lpwstr>{value}</vt:lpwstr></property></Properties>"
    )


def package(
    body: str = "",
    *,
    styles: str | None = None,
    numbering: str | None = None,
    custom: str | None = None,
    parts: dict[str, bytes] | None = None,
    document_xml: bytes | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A ``.docx`` whose body is ``body`` (raw ``w:`` XML)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document_xml or document(body).encode())
        if styles is not None:
            zf.writestr(
                "word/styles.xml", f'<?xml version="1.0"?><w:styles {NS}>{styles}</w:styles>'
            )
        if numbering is not None:
            zf.writestr(
                "word/numbering.xml",
                f'<?xml version="1.0"?><w:numbering {NS}>{numbering}</w:numbering>',
            )
        if custom is not None:
            zf.writestr("docProps/custom.xml", custom)
        for name, data in (parts or {}).items():
            zf.writestr(name, data)
    return out.getvalue()


def p(text: str, ppr: str = "", rpr: str = "") -> str:
    """A paragraph of one run."""
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p>"


def tc(text: str = "", pr: str = "") -> str:
    paragraphs = "".join(p(line) for line in text.split("\n")) if text else "<w:p/>"
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{paragraphs}</w:tc>"


def tbl(*rows: str, columns: int) -> str:
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(columns))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def tr(*cells: str, pr: str = "") -> str:
    return f"<w:tr><w:trPr>{pr}</w:trPr>{''.join(cells)}</w:tr>"


def patch_central_directory(data: bytes, only: str | None = None, **fields: int) -> bytes:
    """``data`` with the central-directory entries' ``extract_version``, ``flag_bits``,
    ``compress_size`` or ``file_size`` overwritten (and the local headers' flag bits, to stay consistent);
    every entry, or ``only`` the one of that name."""
    offsets = {
        "extract_version": (6, "<H"),
        "flag_bits": (8, "<H"),
        "compress_size": (20, "<I"),
        "file_size": (24, "<I"),
    }
    buf = bytearray(data)
    at = buf.find(b"PK\x01\x02")
    while at >= 0:
        (length,) = struct.unpack_from("<H", buf, at + 28)
        if only is not None and bytes(buf[at + 46 : at + 46 + length]).decode() != only:
            at = buf.find(b"PK\x01\x02", at + 4)
            continue
        for name, value in fields.items():
            offset, fmt = offsets[name]
            struct.pack_into(fmt, buf, at + offset, value)
        if "flag_bits" in fields:
            (local,) = struct.unpack_from("<I", buf, at + 42)
            struct.pack_into("<H", buf, local + 6, fields["flag_bits"])
        at = buf.find(b"PK\x01\x02", at + 4)
    return bytes(buf)


def tiny_paragraphs_xml() -> bytes:
    """``document.xml`` just over the package's XML limit in one-letter paragraphs: 700 KB
    once compressed (25x, a plausible ratio), a parsed tree of ~400 MB."""
    letters = random.Random(7).choices("abcdefghijklmnopqrstuvwxyz", k=MAX_XML_BYTES // 34 + 1000)
    return document("".join(f"<w:p><w:r><w:t>{c}</w:t></w:r></w:p>" for c in letters)).encode()
