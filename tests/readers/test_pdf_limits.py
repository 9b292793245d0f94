"""The PDF reader's bounds and refusals: encrypted, damaged, textless, and hostile PDFs
(too many pages, objects, characters or ruling lines, compression bombs) are clear
``ReportReadError`` s, with bounded memory and time.

Each hostile PDF is written by the test (a few kilobytes: its size is in what it
inflates to or asks PDFium to build) and read in a child capped at 1 GiB that is killed
after 30 s (see :mod:`readers.bounded`).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from govinfo_report.errors import ReportReadError
from govinfo_report.readers._pdf_source import (
    MAX_DOCUMENT_CHARS,
    MAX_PAGE_CHARS,
    MAX_PAGE_OBJECTS,
    MAX_PAGES,
)
from govinfo_report.readers._pdf_streams import MAX_CONTENT, MAX_DECOMPRESSED
from govinfo_report.readers._pdf_tables import MAX_EDGES
from govinfo_report.readers.pdf import PdfReader
from readers.bounded import cli_outcome, outcome

_TEXT = b"BT /F1 12 Tf 72 700 Td (Annual report on open government information) Tj ET\n"


BIG = 14_000
"""Points a side of a page large enough for a test's lines and characters (A0 is 3,370)."""


def pdf(
    contents: Sequence[bytes],
    *,
    compress: bool = False,
    encrypt: bool = False,
    extra: bytes | None = None,
    side: int = 0,
) -> bytes:
    """A minimal PDF, one page per content stream (Helvetica as /F1); ``extra`` is the
    decompressed data of an unreferenced image stream. The pages are A4, or ``side``
    points square: what lies off a page is not read, and so meets no limit."""
    box = b"0 0 %d %d" % (side, side) if side else b"0 0 595 842"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(contents)))
        + b"] /Count %d >>" % len(contents),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]

    def stream(data: bytes, head: bytes = b"") -> bytes:
        packed = zlib.compress(data) if compress else data
        flate = b" /Filter /FlateDecode" if compress else b""
        return b"<< /Length %d%s%s >>\nstream\n%s\nendstream" % (len(packed), flate, head, packed)

    for i, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (box, 5 + 2 * i)
        )
        objects.append(stream(content))
    if extra is not None:
        objects.append(stream(extra, b" /Type /XObject /Subtype /Image /Width 1 /Height 1"))
    trailer = b""
    if encrypt:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <"
            + b"11" * 32
            + b"> /U <"
            + b"22" * 32
            + b"> /P -4 >>"
        )
        trailer = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), b"33" * 16, b"33" * 16)
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(offsets) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _refusal(tmp_path: Path, data: bytes) -> tuple[str | None, str]:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(data)
    setup = (
        f"from govinfo_report.readers.pdf import PdfReader\ndata = open({str(path)!r}, 'rb').read()"
    )
    return outcome(setup, "PdfReader().read(data, source='hostile.pdf')")


def test_the_builder_makes_a_pdf_the_reader_opens() -> None:
    """The hostile PDFs below are refused for their bound, not for being broken."""
    with pytest.raises(ReportReadError, match="does not look like a report"):
        PdfReader().read(pdf([_TEXT * 3]), source="plain.pdf")


def test_an_encrypted_pdf_is_refused_without_asking_for_a_password() -> None:
    with pytest.raises(ReportReadError) as error:
        PdfReader().read(pdf([_TEXT], encrypt=True), source="locked.pdf")
    assert str(error.value).startswith("locked.pdf is an encrypted PDF that needs a password")


def test_cli_names_an_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(pdf([_TEXT], encrypt=True))
    code, stderr = cli_outcome(["validate", "--lang", "en", str(path)])
    assert code == 2
    assert "is an encrypted PDF that needs a password" in stderr
    assert "Traceback" not in stderr


def test_a_pdf_with_too_little_text_says_so() -> None:
    with pytest.raises(ReportReadError, match=r"has no text: its 1 page\(s\) hold 10 character"):
        PdfReader().read(pdf([b"BT /F1 12 Tf 72 700 Td (hello world) Tj ET"]), source="x.pdf")


def test_too_many_pages(tmp_path: Path) -> None:
    kind, message = _refusal(tmp_path, pdf([b""] * (MAX_PAGES + 1)))
    assert kind == "ReportReadError"
    assert message == (
        f"hostile.pdf has {MAX_PAGES + 1} pages; the limit is {MAX_PAGES} pages, and a "
        "report has five to twenty"
    )


def test_too_many_objects_on_a_page(tmp_path: Path) -> None:
    content = b"0 0 1 1 re f\n" * (MAX_PAGE_OBJECTS + 10)
    kind, message = _refusal(tmp_path, pdf([content], compress=True))
    assert kind == "ReportReadError"
    assert message.startswith(f"hostile.pdf: page 1 has more than {MAX_PAGE_OBJECTS} objects")


def test_too_many_characters_on_a_page(tmp_path: Path) -> None:
    content = b"BT /F1 1 Tf 10 10 Td " + b"(xy) Tj " * (MAX_PAGE_CHARS // 2 + 10) + b"ET"
    kind, message = _refusal(tmp_path, pdf([content], compress=True))
    assert kind == "ReportReadError"
    assert message.startswith(f"hostile.pdf: page 1 has {MAX_PAGE_CHARS + 20} characters;")


def test_too_many_characters_in_a_document_of_uncompressed_pages(tmp_path: Path) -> None:
    """Uncompressed content escapes the Flate count; the pages' characters together are
    bounded all the same."""
    per_page = MAX_PAGE_CHARS - 10
    content = b"BT /F1 0.25 Tf 10 10 Td " + b"(xy) Tj " * (per_page // 2) + b"ET"  # on the page
    pages = MAX_DOCUMENT_CHARS // per_page + 2
    kind, message = _refusal(tmp_path, pdf([content] * pages, side=BIG))
    assert kind == "ReportReadError"
    assert message.startswith(
        f"hostile.pdf has more than {MAX_DOCUMENT_CHARS} characters in its first"
    )


def test_characters_over_the_document_limit_on_its_last_page_are_refused(
    tmp_path: Path,
) -> None:
    """The limit is checked after the last page too, not only before each page."""
    per_page = MAX_PAGE_CHARS - 10
    content = b"BT /F1 0.25 Tf 10 10 Td " + b"(xy) Tj " * (per_page // 2) + b"ET"  # on the page
    pages = MAX_DOCUMENT_CHARS // per_page + 1  # over the limit only with the last
    assert (pages - 1) * per_page <= MAX_DOCUMENT_CHARS < pages * per_page
    kind, message = _refusal(tmp_path, pdf([content] * pages, side=BIG))
    assert kind == "ReportReadError"
    assert message.startswith(f"hostile.pdf has more than {MAX_DOCUMENT_CHARS} characters")


def test_too_many_ruling_lines_on_a_page(tmp_path: Path) -> None:
    lines = b"".join(b"%d 0 m %d 800 l S\n" % (x, x) for x in range(0, 3 * (MAX_EDGES + 10), 3))
    kind, message = _refusal(tmp_path, pdf([_TEXT + lines], compress=True, side=BIG))
    assert kind == "ReportReadError"
    assert message.startswith("hostile.pdf: page 1 has ")
    assert f"distinct ruling lines; the limit is {MAX_EDGES} a page" in message


def test_a_mesh_of_ruling_lines_is_refused_by_the_cell_limit(tmp_path: Path) -> None:
    """400 x 400 crossing lines, under the ruling-line limit: 160,000 cells, over the
    document's cell limit (counted before the grid is made)."""
    mesh = b"".join(b"0 %d m 1200 %d l S\n" % (y, y) for y in range(0, 1200, 3))
    mesh += b"".join(b"%d 0 m %d 1200 l S\n" % (x, x) for x in range(0, 1200, 3))
    kind, message = _refusal(tmp_path, pdf([_TEXT + mesh], compress=True, side=BIG))
    assert kind == "ReportReadError"
    assert "table 1 would bring the document's tables to more than 100000 cells" in message


def test_a_content_stream_bomb_is_refused_before_pdfium_inflates_it(tmp_path: Path) -> None:
    kind, message = _refusal(tmp_path, pdf([b" " * (MAX_CONTENT + 1024)], compress=True))
    assert kind == "ReportReadError"
    assert message.startswith(f"hostile.pdf: its page content inflates to more than {MAX_CONTENT}")


def test_an_image_stream_bomb_is_refused(tmp_path: Path) -> None:
    data = pdf([_TEXT], compress=True, extra=bytes(MAX_DECOMPRESSED + 1024))
    kind, message = _refusal(tmp_path, data)
    assert kind == "ReportReadError"
    assert message.startswith(
        f"hostile.pdf: its compressed data inflates to more than {MAX_DECOMPRESSED} bytes"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 40,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
        pdf([_TEXT])[:-60],
    ],
    ids=["garbage", "no-pages", "truncated"],
)
def test_damaged_pdfs_are_read_errors(tmp_path: Path, data: bytes) -> None:
    kind, message = _refusal(tmp_path, data)
    assert kind == "ReportReadError"
    assert message.startswith("hostile.pdf")
