"""The HTML reader's bounds: one cell cap for the whole page, and spans read as browsers
read them.

The hostile pages run in a child capped at 1 GiB (see :mod:`readers.bounded`): before
these fixes they took gigabytes or minutes, and a regression must fail fast, not eat the
machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report.readers._document import Grid
from govinfo_report.readers._limits import MAX_DOCUMENT_CELLS, span
from govinfo_report.readers.html import to_blocks
from readers.bounded import cli_outcome, outcome

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
    code, stderr = cli_outcome(["validate", str(page)])
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
    code, stderr = cli_outcome(["validate", str(page)])
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
