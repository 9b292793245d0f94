"""Watermarks and seals over a PDF's or an OFD's text are left out of it (R.WATERMARK),
and a character drawn twice over itself (a simulated bold) is read once.

``fixtures/pdf/watermark.py`` stamps full_2023.pdf with three lines of a 40 pt watermark
on every page, diagonal and upright; the OFD cases add the same to the OFD fixture's
pages here. Each must read to the very report of the document without it. Before, the
watermark's letters went into the lines they crossed, and the diagonal one left no
title to read the year from.
"""

from __future__ import annotations

import io
import math
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from govinfo_report.readers import read_report
from govinfo_report.readers._overlay import leave_out, overlay_finding, slanted, split
from govinfo_report.readers._pages import Char, Page

FIXTURES = Path(__file__).parents[1] / "fixtures"
CLEAN_PDF = FIXTURES / "pdf" / "full_2023.pdf"
NS = "http://www.ofdspec.org/2016"


@pytest.mark.parametrize("style", ["diagonal", "upright"])
def test_a_watermarked_pdf_reads_as_the_pdf_without_it(style: str) -> None:
    clean = read_report(CLEAN_PDF)
    marked = read_report(FIXTURES / "pdf" / f"watermark_{style}_2023.pdf")
    assert marked.report == clean.report
    notices = [f for f in marked.findings if f.code == "R.WATERMARK"]
    rest = [f for f in marked.findings if f.code != "R.WATERMARK"]
    assert [f.code for f in rest] == [f.code for f in clean.findings]
    assert len(notices) == len(marked.report.sections) - 1  # one a page: 5 pages
    for number, notice in enumerate(notices, 1):
        assert str(notice.location).endswith(f"page {number}")
        assert "INTERNALDRAFTONLY" in notice.message_en
        assert notice.severity.value == "notice"


def test_no_fixture_without_a_watermark_loses_any_text() -> None:
    documents = [
        *(FIXTURES / "pdf").glob("*.pdf"),
        *(FIXTURES / "pdf_wps").glob("*.pdf"),
        *(FIXTURES / "ofd").glob("*.ofd"),
    ]
    read = 0
    for path in sorted(documents):
        if path.name.startswith("watermark_") or path.name == "e_image_only.pdf":
            continue
        assert not [f for f in read_report(path).findings if f.code == "R.WATERMARK"], path
        read += 1
    assert read >= 15


def _stamped(ofd: bytes, objects: str) -> bytes:
    """``ofd`` with ``objects`` (TextObjects) drawn last on every page."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ofd)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("/Content.xml") and "/Pages/" in item.filename:
                page = etree.fromstring(data)
                content = page.find(f"{{{NS}}}Content")
                assert content is not None
                layer = etree.fromstring(
                    f'<ofd:Layer xmlns:ofd="{NS}" ID="9000">{objects}</ofd:Layer>'
                )
                content.append(layer)
                data = etree.tostring(page, xml_declaration=True, encoding="UTF-8")
            target.writestr(item, data)
    return out.getvalue()


def _watermark(degrees: float) -> str:
    a = math.radians(degrees)
    ctm = f"{math.cos(a):.4f} {math.sin(a):.4f} {-math.sin(a):.4f} {math.cos(a):.4f} 0 0"
    return "".join(
        f'<ofd:TextObject ID="{9001 + k}" Boundary="25 {60 + 80 * k} 160 20" Size="14" '
        f'CTM="{ctm}"><ofd:FillColor Value="200 200 200"/>'
        '<ofd:TextCode X="0" Y="14" DeltaX="g 8 16">内部资料仅供参考</ofd:TextCode></ofd:TextObject>'
        for k in range(3)
    )


@pytest.mark.parametrize("degrees", [30.0, 0.0])
@pytest.mark.parametrize("style", ["runs", "glyphs"])
def test_a_watermarked_ofd_reads_as_the_ofd_without_it(style: str, degrees: float) -> None:
    data = (FIXTURES / "ofd" / f"full_2023_{style}.ofd").read_bytes()
    clean = read_report(data, suffix=".ofd")
    marked = read_report(_stamped(data, _watermark(degrees)), suffix=".ofd")
    assert marked.report == clean.report
    notices = [f for f in marked.findings if f.code == "R.WATERMARK"]
    assert notices
    assert all("内部资料仅供参考" in f.message_zh for f in notices)


def _doubled(ofd: bytes, offset: str) -> bytes:
    """``ofd`` with every text object drawn again, ``offset`` mm to the right, right after
    itself: the simulated bold of some printers."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ofd)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("/Content.xml"):
                page = etree.fromstring(data)
                for text in list(page.iter(f"{{{NS}}}TextObject")):
                    again = etree.fromstring(etree.tostring(text))
                    x, rest = again.get("Boundary", "").split(" ", 1)
                    again.set("Boundary", f"{float(x) + float(offset)} {rest}")
                    text.addnext(again)
                data = etree.tostring(page, xml_declaration=True, encoding="UTF-8")
            target.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize("offset", ["0", "0.12", "0.3"])
@pytest.mark.parametrize("style", ["runs", "glyphs"])
def test_text_drawn_twice_over_itself_is_read_once(style: str, offset: str) -> None:
    data = (FIXTURES / "ofd" / f"full_2023_{style}.ofd").read_bytes()
    clean = read_report(data, suffix=".ofd")
    doubled = read_report(_doubled(data, offset), suffix=".ofd")
    assert doubled.report == clean.report
    assert [f.code for f in doubled.findings] == [f.code for f in clean.findings]


def test_a_character_repeated_beside_itself_is_two() -> None:
    line = _line("一一二二", 50, 50, 16)
    ghost = _char("二", line[3].x0 + 0.6, 50.3, 16)
    other_size = _char("二", line[3].x0 + 0.2, 50, 9)
    chars = [*line, ghost, other_size]
    kept, left_out = split(chars, [False] * len(chars), 16)
    assert (kept, left_out) == ([*line, other_size], "")


def _char(text: str, x: float, top: float, size: float) -> Char:
    return Char(text, x, top, x + size, top + size, size)


def _line(text: str, x: float, top: float, size: float) -> list[Char]:
    return [_char(c, x + i * size, top, size) for i, c in enumerate(text)]


def test_a_title_is_kept_and_so_is_the_text_under_a_watermark() -> None:
    title = _line("年度报告", 100, 50, 22)
    body = _line("本年度共收到申请七十件" * 3, 50, 120, 16)
    mark = _line("草稿", 60, 115, 40)  # over the body's line
    chars = [*title, *body, *mark]
    kept, left_out = split(chars, [False] * len(chars), 16)
    assert left_out == "草稿"
    assert kept == [*title, *body]


def test_a_large_run_over_little_text_is_kept() -> None:
    body = _line("本年度共收到申请七十件", 50, 120, 16)
    large = _line("一二三四五六七八九十", 50, 150, 40)  # below the body line
    grazing = [*large[:-1], _char("十", large[-1].x0, 121, 40)]  # one in ten over it
    chars = [*body, *grazing]
    kept, left_out = split(chars, [False] * len(chars), 16)
    assert left_out == ""
    assert kept == chars


def test_slanted_characters_are_left_out_and_quarter_turns_kept() -> None:
    assert all(slanted(a) for a in (math.radians(30), math.radians(-45), 5.0))
    assert not any(slanted(math.radians(d)) for d in (0, 90, 180, 270, 360, 1.5, 91))
    chars = _line("政府信息公开", 50, 50, 16)
    kept, left_out = split(chars, [False, True, False, False, True, False], 16)
    assert left_out == "府公"
    assert "".join(c.text for c in kept) == "政信息开"


def _page(number: int, chars: list[Char]) -> Page:
    return Page(
        number=number, width=595, height=842, chars=tuple(chars), edges=(), images=0,
        unmapped=0,
    )  # fmt: skip


def test_large_is_judged_against_the_documents_usual_size() -> None:
    """A table page's own median is its cells' 9 pt, which would make its 16 pt text
    "large": the document's median (the body's 16 pt) is what a watermark is above."""
    body = _line("本年度共收到申请七十件" * 20, 50, 120, 16)
    cells = _line("12345678" * 10, 50, 300, 9)
    heading = _line("一、总体情况", 50, 296, 16)  # over a cell's line, as tight tables are
    mark = _line("仅供参考", 60, 115, 40)
    pages = [_page(1, body), _page(2, [*cells, *heading]), _page(3, [*body, *mark])]
    first, second, third = leave_out(pages, [[False] * len(p.chars) for p in pages])
    assert (first, second) == (pages[0], pages[1])  # unchanged: the same objects
    assert third.overlay == "仅供参考"
    assert third.chars == tuple(body)


def test_the_notice_names_the_page_and_quotes_at_most_forty_characters() -> None:
    page = Page(
        number=3, width=595, height=842, chars=(), edges=(), images=0, unmapped=0,
        overlay="内部资料" * 12,
    )  # fmt: skip
    notice = overlay_finding(page, "a.pdf")
    assert notice.location == "a.pdf: page 3"
    assert "第3页有48个字" in notice.message_zh
    assert f"“{'内部资料' * 10}…”" in notice.message_zh
