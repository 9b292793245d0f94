"""The MHTML reader: a portal's page saved whole reads as the page itself.

The saved pages are made here from the HTML fixtures as the browsers write them:
Internet Explorer's ``.mht`` (base64 parts, the page in GB2312/GBK, ``=_NextPart``
boundaries, a picture after the page) and Chrome's ``.mhtml`` ("Saved by Blink",
quoted-printable, the page's part naming its charset, a ``start``-less message whose
first part is the page).
"""

from __future__ import annotations

import base64
import quopri
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report.errors import ReportReadError
from govinfo_report.readers import detect, read_report
from govinfo_report.readers.mhtml import MhtmlReader, is_mhtml
from readers.fuzzing import read_or_refuse, splice

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"
SHANGHAI = FIXTURES / "shanghai_2019.html"  # UTF-8
SHUYANG = FIXTURES / "shuyang_2023_gbk.html"  # GBK, <meta charset=gbk>
TRADITIONAL = FIXTURES.parent / "traditional" / "report.html"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def _lines(text: bytes, width: int = 76) -> bytes:
    return b"\r\n".join(text[i : i + width] for i in range(0, len(text), width))


def internet_explorer(page: bytes, charset: str, *, start: bool = False) -> bytes:
    """``page`` saved by Internet Explorer: base64 parts, a picture after the page (or,
    with ``start``, before it, the page named by the ``start`` parameter)."""
    boundary = b"----=_NextPart_000_0000_01DA1B2C.3D4E5F60"
    html = (
        b'Content-Type: text/html;\r\n\tcharset="' + charset.encode() + b'"\r\n'
        b"Content-Transfer-Encoding: base64\r\n"
        b"Content-ID: <page@report>\r\n"
        b"Content-Location: http://www.example.gov.cn/zwgk/ndbg/2023.html\r\n\r\n"
        + _lines(base64.b64encode(page))
        + b"\r\n"
    )
    picture = (
        b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        b"Content-Location: http://www.example.gov.cn/images/logo.png\r\n\r\n"
        + _lines(base64.b64encode(PNG))
        + b"\r\n"
    )
    parts = [picture, html] if start else [html, picture]
    head = (
        b"From: <Saved by Windows Internet Explorer 11>\r\n"
        b"Subject: =?gb2312?B?"
        + base64.b64encode("政府信息公开年度报告".encode("gb2312"))
        + b"?=\r\n"
        b"Date: Tue, 30 Jan 2024 10:15:00 +0800\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="'
        + boundary
        + b'"'
        + (b';\r\n\tstart="<page@report>"' if start else b"")
        + b"\r\nX-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.24158\r\n\r\n"
        b"This is a multi-part message in MIME format.\r\n\r\n"
    )
    body = b"".join(b"--" + boundary + b"\r\n" + part + b"\r\n" for part in parts)
    return head + body + b"--" + boundary + b"--\r\n"


def blink(page: bytes, charset: str) -> bytes:
    """``page`` saved by Chrome: quoted-printable, the page first."""
    boundary = b"----MultipartBoundary--QxNjBXnNRv0ycCTFYEt8vfp0nx5HHaXRhJC7ya4qRQ----"
    return (
        b"From: <Saved by Blink>\r\n"
        b"Snapshot-Content-Location: https://www.example.gov.cn/zwgk/ndbg/2023.html\r\n"
        b"Subject: =?utf-8?Q?2023=E5=B9=B4?=\r\n"
        b"Date: Wed, 31 Jan 2024 09:00:00 +0800\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="'
        + boundary
        + b'"\r\n\r\n\r\n--'
        + boundary
        + b"\r\nContent-Type: text/html; charset="
        + charset.encode()
        + b"\r\nContent-ID: <frame-9F1C@mhtml.blink>\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://www.example.gov.cn/zwgk/ndbg/2023.html\r\n\r\n"
        + quopri.encodestring(page).replace(b"\n", b"\r\n")
        + b"\r\n\r\n--"
        + boundary
        + b"\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://www.example.gov.cn/css/main.css\r\n\r\n"
        b"body { font-family: =E5=AE=8B=E4=BD=93; }\r\n\r\n--" + boundary + b"--\r\n"
    )


@pytest.mark.parametrize("fixture", [SHANGHAI, SHUYANG])
@pytest.mark.parametrize("style", ["ie", "ie-start", "blink"])
def test_a_saved_page_reads_as_the_page(fixture: Path, style: str, tmp_path: Path) -> None:
    page = fixture.read_bytes()
    charset = "gbk" if fixture == SHUYANG else "utf-8"
    data = {
        "ie": lambda: internet_explorer(page, charset),
        "ie-start": lambda: internet_explorer(page, charset, start=True),
        "blink": lambda: blink(page, charset),
    }[style]()
    saved = tmp_path / ("report.mhtml" if style == "blink" else "report.mht")
    saved.write_bytes(data)
    expected = read_report(fixture)
    result = read_report(saved)
    assert detect(data).name == "mhtml"
    assert result.report == expected.report
    assert result.findings == expected.findings


def test_the_parts_charset_reads_a_page_that_declares_none() -> None:
    # A Big5 page (a Traditional-script report) without <meta charset>: on its own it is
    # taken for GB18030 and read as no report; its part says Big5.
    page = re.sub(r"<meta[^>]*charset[^>]*>", "", TRADITIONAL.read_text(encoding="utf-8"))
    result = MhtmlReader().read(internet_explorer(page.encode("big5hkscs"), "big5"))
    assert result.report == read_report(TRADITIONAL).report
    with pytest.raises(ReportReadError, match="does not look like a report"):
        read_report(page.encode("big5hkscs"), "html")


def test_the_parts_charset_wins_over_a_meta_the_browser_left_behind() -> None:
    # A browser re-encodes a GBK page as UTF-8 and says so in the part, not the page.
    page = SHUYANG.read_bytes().decode("gbk").encode("utf-8")
    assert b"charset=gbk" in page
    result = MhtmlReader().read(blink(page, "utf-8"), source="saved.mhtml")
    assert result.report == read_report(SHUYANG).report


def test_a_wrong_part_charset_falls_back_to_the_pages_own() -> None:
    # GBK bytes said to be UTF-8 do not decode: the page's <meta charset=gbk> decides.
    data = internet_explorer(SHUYANG.read_bytes(), "utf-8")
    assert MhtmlReader().read(data).report == read_report(SHUYANG).report


def test_a_saved_page_is_detected_by_content_and_the_walk_takes_it(tmp_path: Path) -> None:
    from govinfo_report._scan import expand_paths

    data = blink(SHANGHAI.read_bytes(), "utf-8")
    assert detect(data, ".txt").name == "mhtml"  # the content wins over a wrong suffix
    for name in ("a.mht", "b.MHTML"):
        (tmp_path / name).write_bytes(data)
    walked = [path.name for path, reason in expand_paths([tmp_path]) if reason is None]
    assert walked == ["a.mht", "b.MHTML"]


@pytest.mark.parametrize(
    "text",
    [
        b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n<html>",
        b"Content-Type: multipart/related; boundary=x\r\n\r\n",  # no MIME-Version
        b"<html><body>MIME-Version: 1.0\nContent-Type: multipart/related</body></html>",
        b"title: report\nMIME-Version: 1.0\n\nContent-Type: multipart/related\n",
    ],
)
def test_other_texts_are_not_saved_pages(text: bytes) -> None:
    assert not is_mhtml(text)


def test_a_saved_page_without_a_page_says_so() -> None:
    data = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"
    )
    with pytest.raises(ReportReadError, match=r"^a\.mht is a saved web page \(MHTML\) without"):
        read_report(data, name="a.mht")


def test_a_start_naming_a_picture_is_no_page() -> None:
    data = internet_explorer(SHANGHAI.read_bytes(), "utf-8", start=True).replace(
        b'start="<page@report>"', b'start="<logo@report>"'
    )
    data = data.replace(
        b"Content-Type: image/png\r\n", b"Content-Type: image/png\r\nContent-ID: <logo@report>\r\n"
    )
    with pytest.raises(ReportReadError, match="without an HTML page"):
        MhtmlReader().read(data, source="a.mht")


def test_an_empty_page_says_so() -> None:
    data = b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n  \r\n"
    with pytest.raises(ReportReadError, match="whose page is empty"):
        MhtmlReader().read(data, source="a.mht")


def test_a_saved_page_of_no_report_is_refused_as_a_page_of_none() -> None:
    page = b"<html><head><meta charset='utf-8'></head><body><p>\xe9\xa6\x96\xe9\xa1\xb5</p></body></html>"
    with pytest.raises(ReportReadError) as direct:
        read_report(page, name="page")
    with pytest.raises(ReportReadError) as saved:
        read_report(blink(page, "utf-8"), name="page")
    assert str(saved.value) == str(direct.value)


def test_reading_other_bytes_as_mhtml_says_what_is_missing() -> None:
    with pytest.raises(ReportReadError, match="is not a saved web page"):
        read_report(b"<html></html>", "mhtml", name="x")


_SAVED = internet_explorer(SHUYANG.read_bytes(), "gbk")
_EDITS = st.lists(
    st.tuples(st.integers(0, len(_SAVED)), st.integers(0, 400), st.binary(max_size=12)),
    max_size=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_EDITS)
def test_fuzz_a_mutated_saved_page_never_crashes(edits: list[tuple[int, int, bytes]]) -> None:
    read_or_refuse(MhtmlReader(), splice(_SAVED, edits), "fuzz.mht")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from([b"base64", b"quoted-printable", b"8bit"]))
def test_fuzz_random_parts_never_crash(body: bytes, encoding: bytes) -> None:
    data = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"; start="<p>"\r\n'
        b'\r\n--b\r\nContent-ID: <p>\r\nContent-Type: text/html; charset="gb2312"\r\n'
        b"Content-Transfer-Encoding: " + encoding + b"\r\n\r\n" + body + b"\r\n--b--\r\n"
    )
    read_or_refuse(MhtmlReader(), data, "fuzz.mht")
