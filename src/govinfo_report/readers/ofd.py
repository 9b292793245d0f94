"""The OFD reader: reports published as OFD (GB/T 33190, 版式文档), China's fixed-layout
format, as portals offer it beside or instead of PDF.

The package's pages are read into positioned characters and ruling lines
(:mod:`._ofd_source`), which the PDF reader's layout turns into paragraphs and tables
(:mod:`._pdf_layout`: ruled tables rebuilt with their merges, page numbers and running
headers left out, the title and signature marked); the shared assembler then finds the
sections and the statistic tables by their labels, as for every other format.

Characters of a ``TextCode`` that stand for glyph numbers (Private Use Area, U+FFFD)
are left out and counted, never guessed: ``R.OFD.GLYPH`` gives each page's count, an
error where they are a tenth of its characters or more. A document whose text is all
such is refused, saying so.

Refused with a clear error: a document with no text (a scan: OCR it first), one whose
text is glyph numbers only, a package that is not an OFD one or is damaged, and one
over the bounds the PDF reader keeps to.
"""

from __future__ import annotations

from govinfo_report._package import ZIP_MAGIC, names_part
from govinfo_report.errors import ReportReadError
from govinfo_report.findings import Finding
from govinfo_report.readers import _findings as rf
from govinfo_report.readers import _pdf_messages as msg
from govinfo_report.readers._assemble import assemble
from govinfo_report.readers._pages import Page
from govinfo_report.readers._registry import ReadResult


def glyph_finding(page: Page, source: str) -> Finding:
    """The finding that ``page`` has characters that are glyph numbers, not text."""
    return rf.unreadable_finding(
        rf.OFD_GLYPH,
        page.number,
        page.unmapped,
        len(page.chars),
        f"{source}: page {page.number}",
        what=(
            "个字符只是字形编号（私用区字符，文字只有内嵌字体知道）",
            "character(s) that are glyph numbers only (Private Use Area: only the embedded "
            "font knows the text)",
        ),
        unit=("字符", "characters"),
    )


def _refuse_glyphs_only(pages: list[Page], source: str) -> None:
    from govinfo_report.readers._pdf_source import TEXTLESS

    glyphs = sum(p.unmapped for p in pages)
    if glyphs >= TEXTLESS and sum(len(p.chars) for p in pages) < TEXTLESS:
        raise msg.glyphs_only(source, glyphs)


class OfdReader:
    """OFD documents (``.ofd``): a zip whose root holds ``OFD.xml``."""

    name = "ofd"
    suffixes = (".ofd",)

    def sniff(self, data: bytes) -> bool:
        """A zip that names an ``OFD.xml`` part at its root."""
        return data.startswith(ZIP_MAGIC) and names_part(data, "OFD.xml")

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in an OFD document, with the reader's findings.

        Raises:
            ReportReadError: not a readable OFD document, no text in it (a scan, or glyph
                numbers only), over a bound, or no report in it.
        """
        from govinfo_report.readers._ofd_source import read_pages
        from govinfo_report.readers._overlay import overlay_finding
        from govinfo_report.readers._pdf_layout import to_blocks
        from govinfo_report.readers._pdf_source import refuse_textless

        pages = read_pages(data, source)
        _refuse_glyphs_only(pages, source)
        refuse_textless(pages, source, ("文字", "text"), ("", ""))
        found = [glyph_finding(p, source) for p in pages if p.unmapped]
        found.extend(overlay_finding(p, source) for p in pages if p.overlay)
        try:
            result = assemble(to_blocks(pages, source), source=source)
        except ReportReadError as exc:
            glyphs = sum(p.unmapped for p in pages)
            total = glyphs + sum(len(p.chars) for p in pages)
            if glyphs < rf.UNREADABLE_SHARE * total:
                raise
            # Why no report was found, when the text is missing so much of itself.
            raise msg.missing_glyphs(exc, glyphs, total) from None
        return ReadResult(result.report, (*found, *result.findings))
