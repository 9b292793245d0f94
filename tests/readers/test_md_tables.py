"""Tables in Markdown as written: a GFM row's cells are counted by the same rule as
markdown-it-py's table extension (checked against its public token stream)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from govinfo_report.readers._limits import CellBudget
from govinfo_report.readers._md_tables import HtmlTable, html_tables, label_path, split_row

_PARSER = MarkdownIt("commonmark").enable("table")


def test_row_with_outer_pipes_gives_the_cells_between_them() -> None:
    assert split_row("| a | b |") == [" a ", " b "]


def test_row_without_outer_pipes_gives_every_cell() -> None:
    assert split_row("a | b") == ["a ", " b"]


def test_escaped_pipe_stays_in_its_cell_without_the_backslash() -> None:
    assert split_row(r"| a \| b | c |") == [" a | b ", " c "]


def test_empty_written_cell_counts() -> None:
    assert split_row("| a | |") == [" a ", " "]


def test_pipe_after_an_escaped_backslash_is_still_escaped_as_in_markdown_it() -> None:
    assert split_row(r"| a \\| b |") == [r" a \| b "]


def _body_cells(line: str, width: int) -> list[str]:
    table = "|" + "h|" * width + "\n|" + "---|" * width + "\n" + line + "\n"
    tokens = _PARSER.parse(table)
    body = tokens[[t.type for t in tokens].index("tbody_open") :]
    return [t.content for t in body if t.type == "inline"]


@given(st.lists(st.text(alphabet="|\\ a中*`", max_size=6), min_size=1, max_size=5))
def test_cells_are_those_markdown_it_parses(texts: list[str]) -> None:
    line = "| " + " | ".join(texts) + " |"
    cells = split_row(line)
    assert _body_cells(line, len(cells)) == [c.strip() for c in cells]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密",
            ("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"),
        ),
        ("a  /  b", ("a ", " b")),
        (": /  :", (":", " :")),
        (" / x", (" / x",)),
        ("x / ", ("x / ",)),
        ("a /b", ("a /b",)),
    ],
)
def test_label_path_parts_join_back_to_the_text(text: str, parts: tuple[str, ...]) -> None:
    assert label_path(text) == parts
    assert " / ".join(parts) == text


@given(st.text(st.sampled_from(" /a\t:"), max_size=12))
def test_label_path_is_exact(text: str) -> None:
    assert " / ".join(label_path(text)) == text


# --- HTML tables -------------------------------------------------------------------------


def _one_table(content: str) -> HtmlTable:
    tables = html_tables(content, 7, CellBudget("t.md"))
    assert len(tables) == 1
    return tables[0]


def test_html_cell_text_is_all_its_text_without_comments_or_instructions() -> None:
    table = _one_table(
        "<table><tr><td>a<!-- note --><b>1</b>2<?pi x?></td><td> plain </td><td></td></tr></table>"
    )
    assert table.grid.cells == (("a12", " plain ", ""),)


def test_html_rows_in_sections_are_read_in_order_and_comments_between_cells_skipped() -> None:
    table = _one_table(
        "<table><thead><tr><th>h1</th><!-- c --><th>h2</th></tr></thead>"
        "<tbody><tr data-after='x'><td>v1</td><td>v2</td></tr></tbody>"
        "<tr><th>k</th><td>w</td></tr></table>"
    )
    assert table.grid.cells == (("h1", "h2"), ("v1", "v2"), ("k", "w"))
    assert table.header == (True, False, False)
    assert table.after == (None, "x", None)
    assert table.grid.location == "line 7"


def test_html_spans_cover_their_positions_with_one_origin() -> None:
    table = _one_table(
        "<table><tr><td rowspan='2' colspan='2'>A</td><td>b</td></tr>"
        "<tr><td>c</td></tr><tr><td>d</td><td colspan='0'>e</td><td rowspan='9'>f</td></tr>"
        "</table>"
    )
    assert table.grid.cells == (("A", "A", "b"), ("A", "A", "c"), ("d", "e", "f"))
    assert table.grid.origin == (
        ((0, 0), (0, 0), (0, 2)),
        ((0, 0), (0, 0), (1, 2)),
        ((2, 0), (2, 1), (2, 2)),
    )


def test_html_cell_after_a_gap_left_by_spans_is_padded_blank() -> None:
    table = _one_table(
        "<table><tr><td>a</td><td>b</td><td rowspan='2'>c</td></tr><tr><td>d</td></tr></table>"
    )
    # Row 2's second position has no cell: a blank of its own, not a neighbour's text.
    assert table.grid.cells == (("a", "b", "c"), ("d", "", "c"))
    assert table.grid.origin == (((0, 0), (0, 1), (0, 2)), ((1, 0), (1, 1), (0, 2)))


@pytest.mark.parametrize("content", ["", "   ", "<p>no table</p>", "text only"])
def test_html_block_without_a_table_gives_none(content: str) -> None:
    assert html_tables(content, 1, CellBudget("t.md")) == []
