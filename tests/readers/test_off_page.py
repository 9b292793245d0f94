"""What a page does not show is not read: text and lines off the page, and the boxes a
damaged document's coordinates make (infinite, NaN, a page wide), never reach the
layout or the watermark search (``_pages.on_page``)."""

from __future__ import annotations

import ctypes
import io
import math
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from govinfo_report.errors import ReportReadError
from govinfo_report.readers import read_report
from govinfo_report.readers._overlay import _cells, split
from govinfo_report.readers._pages import MAX_SIDE, Char, Edge, Page, on_page

FULL_2023 = Path(__file__).parents[1] / "fixtures" / "pdf" / "full_2023.pdf"
INF, NAN = math.inf, math.nan


def page(
    chars: Sequence[Char], edges: Sequence[Edge] = (), width: float = 595, height: float = 842
) -> Page:
    return Page(
        number=1,
        width=width,
        height=height,
        chars=tuple(chars),
        edges=tuple(edges),
        images=0,
        unmapped=0,
    )


def test_a_page_all_inside_is_kept_as_it_is() -> None:
    inside = page([Char("政", 10, 10, 22, 22, 12), Char("府", 583, 830, 595, 842, 12)])
    shown, flags = on_page(inside, [False, True], "t.pdf: page 1")
    assert shown is inside
    assert flags == [False, True]


def test_what_lies_off_the_page_is_left_out_and_what_lies_partly_on_it_cut() -> None:
    chars = [
        Char("政", 10, 10, 22, 22, 12),
        Char("外", 600, 10, 612, 22, 12),  # right of the page
        Char("上", 10, -30, 22, -18, 12),  # above it
        Char("边", 590, 100, 602, 112, 12),  # partly off: cut to the page
        Char("无", INF, 10, INF, 22, 12),  # a matrix of 10^308 times a width
        Char("非", NAN, 10, NAN, 22, 12),  # infinity less infinity
        Char("大", 0, 0, INF, INF, 12),  # on the page, and as large as it
        Char("零", 30, 10, 42, 22, 0),  # no size
        Char("府", 40, 10, 52, 22, 12),
    ]
    edges = [Edge(0, 100, 595, 100), Edge(-100, 200, 1e300, 200), Edge(0, 900, 100, 900)]
    turned = [False, True, True, True, True, True, False, False, True]
    shown, flags = on_page(page(chars, edges), turned, "p")
    assert "".join(c.text for c in shown.chars) == "政边大府"
    assert flags == [False, True, False, True]  # each character's own, in step
    assert shown.chars[1] == Char("边", 590, 100, 595, 112, 12)
    assert shown.chars[2] == Char("大", 0, 0, 595, 842, 12)
    assert shown.edges == (Edge(0, 100, 595, 100), Edge(0, 200, 595, 200))


@pytest.mark.parametrize(("width", "height"), [(MAX_SIDE + 1, 842), (595, 1e300), (NAN, 842)])
def test_a_page_larger_than_pdf_allows_is_refused(width: float, height: float) -> None:
    with pytest.raises(ReportReadError, match=r"^t\.pdf: page 1 is .* pt; the limit is 14,400"):
        on_page(page([], width=width, height=height), [], "t.pdf: page 1")


def test_a_box_larger_than_any_character_is_not_searched_for_watermarks() -> None:
    # Such a box was filed in every 24 pt square it touches: a page-sized one on a
    # 14,400 pt page is 361,201 squares, and a few hundred of them exhausted memory.
    # It is left as text, and the 40 pt run beside it is still searched.
    huge = Char("大", 0, 0, MAX_SIDE, MAX_SIDE, 10)
    assert _cells(huge) == []
    assert len(_cells(Char("水", 100, 90, 140, 130, 40))) == 6  # 3 rows, 2 columns
    body = [Char("字", 100 + 12 * i, 100, 112 + 12 * i, 112, 10) for i in range(10)]
    mark = [Char("水", 100 + 40 * i, 90, 140 + 40 * i, 130, 40) for i in range(3)]
    other = huge._replace(text="图")
    kept, overlay = split([huge, other, *body, *mark], [False] * 15, 10)
    assert overlay == "水水水"
    assert "".join(c.text for c in kept) == "大图" + "字" * 10


def _stamped(x: float, y: float, text: str) -> bytes:
    """full_2023.pdf with ``text`` drawn at (x, y) of its first page, in PDF space."""
    pdf = pdfium.PdfDocument(FULL_2023)
    try:
        font = raw.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
        first = pdf[0]
        line = raw.FPDFPageObj_CreateTextObj(pdf.raw, font, 12.0)
        encoded = (text + "\0").encode("utf-16-le")
        raw.FPDFText_SetText(line, ctypes.cast(encoded, ctypes.POINTER(ctypes.c_ushort)))
        raw.FPDFPageObj_Transform(line, 1, 0, 0, 1, x, y)
        raw.FPDFPage_InsertObject(first.raw, line)
        assert raw.FPDFPage_GenerateContent(first.raw)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
    finally:
        pdf.close()


@pytest.mark.parametrize(("x", "y"), [(5000, 5000), (-3000, 400), (100, -200)])
def test_text_drawn_off_a_pdf_page_is_not_read(x: float, y: float) -> None:
    # Text a viewer does not show (placed beyond the page, as hidden text is) went into
    # the lines read; the report now reads as without it.
    expected = read_report(FULL_2023)
    read = read_report(_stamped(x, y, "2019 HIDDEN"), name="full_2023.pdf")
    assert read.report == expected.report
    assert read.findings == expected.findings
