"""One hand-written report read from Markdown, HTML, DOCX and flattened text gives one
``Report``: every reader feeds the shared engine (issue 8, "One engine").

The Markdown, HTML and text are written by hand in ``tests/fixtures/same_report``; the
DOCX is built here with python-docx (headings, paragraphs, plain tables), not by our
writer. Nothing in the fixture is beyond what every format can carry: the flattened
text prints Table 4 as its one line of fifteen values under a ``表头:`` line (as portals
print it), the others row by row or sideways — the same cells.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from govinfo_report import AgencyKind, ProcessingFee, ReadResult
from govinfo_report.readers.docx import DocxReader
from govinfo_report.readers.html import HtmlReader
from govinfo_report.readers.markdown import MarkdownReader
from govinfo_report.readers.text import TextReader
from readers.word_from_markdown import add_markdown

_HERE = Path(__file__).parent.parent / "fixtures" / "same_report"
_MARKDOWN = (_HERE / "report.md").read_text(encoding="utf-8")


def _docx() -> bytes:
    """The Markdown fixture as Word would hold it: headings, paragraphs, tables."""
    document = docx.Document()
    add_markdown(document, _MARKDOWN)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read(kind: str) -> ReadResult:
    if kind == "markdown":
        return MarkdownReader().read(_MARKDOWN.encode(), source="report.md")
    if kind == "html":
        return HtmlReader().read((_HERE / "report.html").read_bytes(), source="report.html")
    if kind == "text":
        return TextReader().read((_HERE / "report.txt").read_bytes(), source="report.txt")
    return DocxReader().read(_docx(), source="report.docx")


def test_markdown_reading_is_what_the_report_says() -> None:
    report = _read("markdown").report
    meta = report.metadata
    assert (meta.agency, meta.year) == ("某某县人民政府", 2022)
    assert meta.agency_kind is AgencyKind.GOVERNMENT
    assert meta.signing_date == dt.date(2023, 1, 16)
    assert meta.contact is not None
    assert meta.contact.phone == "0527-12345678"
    assert report.processing_fee == ProcessingFee(amount=Decimal(0))
    assert report.applications["disclosed.total"] == 4
    assert report.review_litigation["litigation_direct.corrected"] == 1


@pytest.mark.parametrize("kind", ["html", "docx", "text"])
def test_the_same_report_reads_the_same_from_every_format(kind: str) -> None:
    assert _read(kind).report == _read("markdown").report
