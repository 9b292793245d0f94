"""The OFD reader: reports published as OFD (GB/T 33190, 版式文档), China's fixed-layout
format, as portals offer it beside or instead of PDF.

The package's pages are read into positioned characters and ruling lines
(:mod:`._ofd_source`), which the PDF reader's layout turns into paragraphs and tables
(:mod:`._pdf_layout`: ruled tables rebuilt with their merges, page numbers and running
headers left out, the title and signature marked); the shared assembler then finds the
sections and the statistic tables by their labels, as for every other format.

Refused with a clear error: a document with no text (a scan: OCR it first), a package
that is not an OFD one or is damaged, and one over the bounds the PDF reader keeps to.
"""

from __future__ import annotations

from govinfo_report._package import ZIP_MAGIC, names_part
from govinfo_report.readers._assemble import assemble
from govinfo_report.readers._registry import ReadResult


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
            ReportReadError: not a readable OFD document, no text in it (a scan), over a
                bound, or no report in it.
        """
        from govinfo_report.readers._ofd_source import read_pages
        from govinfo_report.readers._overlay import overlay_finding
        from govinfo_report.readers._pdf_layout import to_blocks
        from govinfo_report.readers._pdf_source import refuse_textless

        pages = read_pages(data, source)
        refuse_textless(pages, source, "text", "")
        overlays = [overlay_finding(p, source) for p in pages if p.overlay]
        result = assemble(to_blocks(pages, source), source=source)
        return ReadResult(result.report, (*overlays, *result.findings))
