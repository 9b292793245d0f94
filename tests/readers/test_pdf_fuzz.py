"""The PDF layout never fails on pages it did not expect: any characters and ruling
lines give blocks (or a ``ReportReadError`` for a bound), and a grid is rectangular with
origins inside it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report.errors import ReportReadError
from govinfo_report.readers._document import Grid
from govinfo_report.readers._pages import Char, Edge, Page
from govinfo_report.readers._pdf_layout import to_blocks

_TEXT = st.sampled_from(list("一二三、（）1234567890.规章总计本年度办理结果 申请人/"))
_AT = st.floats(min_value=0, max_value=600, allow_nan=False).map(lambda x: round(x / 6) * 6)


@st.composite
def chars(draw: st.DrawFn) -> Char:
    x, y = draw(_AT), draw(_AT)
    size = draw(st.sampled_from([9.0, 12.0, 16.0, 22.0]))
    return Char(draw(_TEXT), x, y, x + size, y + size, size)


@st.composite
def edges(draw: st.DrawFn) -> Edge:
    a, b, at = draw(_AT), draw(_AT), draw(_AT)
    lo, hi = min(a, b), max(a, b) + 1
    if draw(st.booleans()):
        return Edge(lo, at, hi, at)
    return Edge(at, lo, at, hi)


@st.composite
def pages(draw: st.DrawFn) -> list[Page]:
    count = draw(st.integers(min_value=1, max_value=3))
    return [
        Page(
            number=n + 1,
            width=600.0,
            height=620.0,
            chars=tuple(draw(st.lists(chars(), max_size=60))),
            edges=tuple(draw(st.lists(edges(), max_size=30))),
            images=0,
            unmapped=0,
        )
        for n in range(count)
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_any_page_gives_blocks(document: list[Page]) -> None:
    try:
        blocks = to_blocks(document, "fuzz.pdf")
    except ReportReadError:
        return
    for block in blocks:
        if isinstance(block, Grid) and block.origin is not None:
            width = len(block.cells[0])
            assert all(len(row) == width for row in block.cells)
            assert len(block.origin) == len(block.cells)
            for r, row in enumerate(block.origin):
                assert len(row) == width
                for origin_row, origin_col in row:
                    assert 0 <= origin_row <= r
                    assert 0 <= origin_col < width
