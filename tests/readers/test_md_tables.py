"""Tables in Markdown as written: a GFM row's cells are counted by the same rule as
markdown-it-py's table extension (checked against its public token stream)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from govinfo_report.readers._md_tables import label_path, split_row

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
