"""The PDF reader: born-digital reports exported from WPS 文字, Word or LibreOffice.

A PDF with a text layer is read through PDFium (pypdfium2): each page's characters
with their boxes and its ruling lines (:mod:`._pdf_source`), ruled tables rebuilt as
grids with their merges, a table split over two pages joined (:mod:`._pdf_tables`),
lines grouped into paragraphs with the title and signature marked and page numbers and
running headers left out (:mod:`._pdf_layout`); the shared assembler then finds the
sections and the statistic tables by their labels, as for every other format.

Refused with a clear error: a PDF with no text layer (a scan: OCR it first), one that
needs a password, a damaged one, and one over the bounds of :mod:`._pdf_source` (pages,
objects, characters, decompressed size). A glyph the PDF gives no Unicode for is left out
and reported (``R.PDF.GLYPH``; an error on a page where a tenth of the glyphs or more
have none), never guessed.
"""

from __future__ import annotations

from typing import Final

from govinfo_report.findings import Finding
from govinfo_report.readers import _findings as rf
from govinfo_report.readers._assemble import assemble
from govinfo_report.readers._document import Block
from govinfo_report.readers._overlay import overlay_finding
from govinfo_report.readers._pages import Page
from govinfo_report.readers._pdf_layout import to_blocks
from govinfo_report.readers._pdf_source import open_document, read_pages, refuse_textless
from govinfo_report.readers._registry import ReadResult

GLYPH_CODE: Final = rf.PDF_GLYPH
"""Finding code: glyphs without a Unicode mapping on a page."""
_SIGNATURE: Final = b"%PDF-"


def _glyph_finding(page: Page, source: str) -> Finding:
    return rf.unreadable_finding(
        rf.PDF_GLYPH,
        page.number,
        page.unmapped,
        len(page.chars),
        f"{source}: page {page.number}",
        what=(
            "个字形没有 Unicode 映射（ToUnicode）",
            "glyph(s) without a Unicode mapping (ToUnicode)",
        ),
        unit=("字形", "glyphs"),
    )


def extract(data: bytes, source: str = "<bytes>") -> tuple[list[Block], list[Finding]]:
    """The blocks of a PDF and the findings about its glyphs, without assembling.

    Raises:
        ReportReadError: not a readable PDF with a text layer (see the module docstring).
    """
    document = open_document(data, source)
    try:
        pages = read_pages(document, source)
    finally:
        document.close()
    ocr = (
        "（例如用 ocrmypdf，或扫描仪的“可搜索 PDF”功能）",
        " (e.g. ocrmypdf, or the scanner's 'searchable PDF')",
    )
    refuse_textless(pages, source, ("文本层", "text layer"), ocr)
    findings = [_glyph_finding(p, source) for p in pages if p.unmapped]
    findings.extend(overlay_finding(p, source) for p in pages if p.overlay)
    return to_blocks(pages, source), findings


class PdfReader:
    """PDF documents with a text layer (``.pdf``), as WPS, Word or LibreOffice export them."""

    name = "pdf"
    suffixes = (".pdf",)

    def sniff(self, data: bytes) -> bool:
        """``%PDF-`` within the first 1024 bytes (as PDF viewers accept it)."""
        return _SIGNATURE in data[:1024]

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in a PDF, with the reader's findings.

        Raises:
            ReportReadError: no text layer (a scan), encrypted, damaged, over a bound,
                or no report in it.
        """
        blocks, glyphs = extract(data, source)
        result = assemble(blocks, source=source)
        return ReadResult(result.report, (*glyphs, *result.findings))
