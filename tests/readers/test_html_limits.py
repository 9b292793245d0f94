"""The HTML reader's bounds: one cell cap for the whole page, spans read as browsers read
them, and only the encodings a report's page can have.

The hostile pages run in a child capped at 1 GiB (see :mod:`readers.bounded`): before
these fixes they took gigabytes or minutes, and a regression must fail fast, not eat the
machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report.readers import read_report
from govinfo_report.readers._charsets import page_encoding
from govinfo_report.readers._document import Grid
from govinfo_report.readers._limits import MAX_DOCUMENT_CELLS, span
from govinfo_report.readers.html import HtmlReader, to_blocks
from readers.bounded import cli_outcome, outcome

SHANGHAI = Path(__file__).parent.parent / "fixtures" / "html" / "shanghai_2019.html"
_LIMIT = f"the limit is {MAX_DOCUMENT_CELLS} cells per document"

_MANY_TABLES = """
from govinfo_report.readers.html import HtmlReader
table = "<table>" + "<tr><td colspan=1000>x</td><td>y</td></tr>" * 99 + "</table>"
data = ("<html><body><h2>一、总体情况</h2>" + table * 400 + "</body></html>").encode()
"""
"""The issue's page: 400 tables just under the old per-table cap (1.7 MB, 3.2 GB before)."""

_WIDE_FIRST_ROW = """
from govinfo_report.readers.html import HtmlReader
rows = "<tr><td colspan=1000>x</td></tr>" + "<tr><td>a</td><td>b</td></tr>" * 20_000
data = ("<html><body><table>" + rows + "</table></body></html>").encode()
"""
"""One wide cell, then narrow rows: 40,000 cells written, a 20,001 x 1,000 grid padded."""


def _grid(page: str) -> Grid:
    blocks = to_blocks(f"<html><body>{page}</body></html>".encode())
    grids = [b for b in blocks if isinstance(b, Grid)]
    assert len(grids) == 1
    return grids[0]


# --- the cell cap --------------------------------------------------------------------------


def test_many_tables_together_over_the_document_cap_are_refused() -> None:
    kind, message = outcome(_MANY_TABLES, "HtmlReader().read(data, source='tables.html')")
    assert kind == "ReportReadError"
    assert message.startswith("tables.html: table 2 ")
    assert _LIMIT in message


def test_grid_padded_under_a_wide_first_row_counts_against_the_cap() -> None:
    kind, message = outcome(_WIDE_FIRST_ROW, "HtmlReader().read(data, source='wide.html')")
    assert kind == "ReportReadError"
    assert _LIMIT in message


def test_tables_under_the_cap_are_read() -> None:
    table = "<table>" + "<tr><td>标签</td><td>1</td></tr>" * 10 + "</table>"
    blocks = to_blocks(f"<html><body>{table * 3}</body></html>".encode())
    assert [len(b.cells) for b in blocks if isinstance(b, Grid)] == [10, 10, 10]


def test_cli_names_the_cell_limit(tmp_path: Path) -> None:
    page = tmp_path / "tables.html"
    table = "<table>" + "<tr><td colspan=1000>x</td><td>y</td></tr>" * 99 + "</table>"
    page.write_text(f"<html><body><h2>一、总体情况</h2>{table * 400}</body></html>")
    code, stderr = cli_outcome(["validate", "--lang", "en", str(page)])
    assert code == 2
    assert stderr.startswith(f"govinfo-report: error: {page}: table 2 ")
    assert _LIMIT in stderr


# --- spans -------------------------------------------------------------------------------


def test_colspan_of_5000_digits_is_clamped_like_any_large_span() -> None:
    grid = _grid(f'<table><tr><td colspan="{"9" * 5000}">a</td><td>b</td></tr></table>')
    assert grid.cells == (("a",) * 1000 + ("b",),)


def test_superscript_two_is_not_a_span() -> None:
    # "²".isdigit() is True, int("²") raises: browsers read only ASCII digits.
    grid = _grid('<table><tr><td colspan="²">a</td><td rowspan="²">b</td></tr></table>')
    assert grid.cells == (("a", "b"),)


def test_non_ascii_digits_are_not_a_span() -> None:
    grid = _grid('<table><tr><td colspan="٣">a</td><td>b</td></tr></table>')
    assert grid.cells == (("a", "b"),)


def test_rowspan_of_5000_digits_reaches_the_last_row() -> None:
    grid = _grid(
        f'<table><tr><td rowspan="{"9" * 5000}">a</td><td>b</td></tr><tr><td>c</td></tr></table>'
    )
    assert grid.cells == (("a", "b"), ("a", "c"))


def test_cli_reads_a_page_with_a_5000_digit_colspan(tmp_path: Path) -> None:
    page = tmp_path / "span.html"
    cell = f'<td colspan="{"9" * 5000}">x</td>'
    page.write_text(f"<html><body><table><tr>{cell}<td>y</td></tr></table></body></html>")
    code, stderr = cli_outcome(["validate", "--lang", "en", str(page)])
    assert code == 2
    assert stderr.startswith("govinfo-report: error: ")
    assert "does not look like" in stderr  # the page was read; it is just not a report


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, 1),
        ("3", 3),
        (" +3", 3),
        ("3px", 3),
        ("007", 7),
        ("0", 0),
        ("-2", 1),
        ("", 1),
        ("x3", 1),
        ("²", 1),
        ("٣", 1),
        ("3" * 10, 1000),
        ("0" * 5000 + "5", 5),
        ("9" * 5000, 1000),
    ],
)
def test_span_reads_what_browsers_read(value: str | None, expected: int) -> None:
    assert span(value, 1000) == expected


# --- declared encodings -------------------------------------------------------------------


def _declaring(label: str, *, ascii_only: bool = False) -> bytes:
    """The Shanghai page declaring ``label``; ``ascii_only``: its Chinese as character
    references, so that every byte is ASCII (as a CMS may write it)."""
    page = SHANGHAI.read_text(encoding="utf-8").replace('charset="utf-8"', f'charset="{label}"')
    return page.encode("ascii", "xmlcharrefreplace") if ascii_only else page.encode()


@pytest.mark.parametrize("label", ["punycode", "unicode_escape", "idna", "cp037", "rot13"])
def test_a_declared_codec_that_is_no_page_encoding_is_ignored(label: str) -> None:
    assert HtmlReader().read(_declaring(label)).report == read_report(SHANGHAI).report


def test_punycode_declared_on_an_ascii_page_is_ignored() -> None:
    # Before, Python's punycode codec decoded the page and raised UnicodeError.
    data = _declaring("punycode", ascii_only=True)
    assert HtmlReader().read(data).report == read_report(SHANGHAI).report


def test_punycode_declared_on_a_large_page_is_ignored_within_bounds() -> None:
    # Python's punycode decoder is quadratic: 800 KB took 157 s, then raised UnicodeError.
    setup = (
        "from govinfo_report.readers.html import HtmlReader\n"
        "data = (b'<html><head><meta charset=\"punycode\"></head><body><p>-'"
        " + b'ba' * 200_000 + b'</p></body></html>')"
    )
    kind, message = outcome(setup, "HtmlReader().read(data, source='p.html')", timeout=20)
    assert kind == "ReportReadError"
    assert "does not look like" in message


def test_cli_reads_a_page_that_declares_punycode(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_bytes(_declaring("punycode", ascii_only=True))
    code, stderr = cli_outcome(["validate", "--json", str(page)])
    assert "error" not in stderr
    assert code in (0, 1)  # read: the report's own findings decide the code


def test_utf16_declared_in_an_ascii_compatible_page_reads_as_utf8() -> None:
    # Found by an ASCII scan, the declaration cannot be true; browsers read UTF-8.
    assert HtmlReader().read(_declaring("utf-16")).report == read_report(SHANGHAI).report


def test_big5_declared_page_is_read_as_big5() -> None:
    page = '<html><head><meta charset="big5"></head><body><p>政府資訊公開</p></body></html>'
    blocks = to_blocks(page.encode("big5"))
    assert [getattr(b, "text", None) for b in blocks] == ["政府資訊公開"]


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("utf-8", "utf-8"),
        (" UTF8 ", "utf-8"),
        ("GB2312", "gb18030"),
        ("x-gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("big5-hkscs", "big5hkscs"),
        ("iso-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("utf-7", None),
        ("punycode", None),
        ("gb\u212a", None),  # KELVIN SIGN, which str.lower() folds to "k"
    ],
)
def test_page_encoding_accepts_only_a_pages_encodings(label: str, codec: str | None) -> None:
    assert page_encoding(label) == codec
