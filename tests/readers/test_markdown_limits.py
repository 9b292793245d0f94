"""The Markdown reader's bounds: input size, one cell cap over pipe and HTML tables,
spans read as browsers read them, linear work in the number of blocks, and no YAML
aliases in our front matter.

The hostile documents run in a child capped at 1 GiB (see :mod:`readers.bounded`):
before these fixes they took gigabytes or minutes.
"""

from __future__ import annotations

from pathlib import Path

from govinfo_report.readers._limits import MAX_DOCUMENT_CELLS, CellBudget
from govinfo_report.readers._md_tables import html_tables
from govinfo_report.readers.markdown import MAX_MARKDOWN_BYTES, MarkdownReader
from readers.bounded import cli_outcome, evaluate, outcome

_LIMIT = f"the limit is {MAX_DOCUMENT_CELLS} cells per document"
_TITLE = "# 某县财政局\n# 2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"
_READ = "MarkdownReader().read(data, source='x.md')"
_SETUP = f"from govinfo_report.readers.markdown import MarkdownReader\ntitle = {_TITLE!r}\n"

_BIG_PIPE_TABLE = (
    _SETUP + "data = (title + '|a|b|c|d|e|f|g|h|\\n|-|-|-|-|-|-|-|-|\\n'"
    " + '|1|2|3|4|5|6|7|8|\\n' * 250_000).encode()\n"
)
"""The issue's 4.4 MB pipe table (2.8 GB before)."""
_PADDED_TABLES = (
    _SETUP + "table = '|a' * 1000 + '|\\n' + '|-' * 1000 + '|\\n' + 'x|\\n' * 60 + '\\n'\n"
    "data = (title + table * 200).encode()\n"
)
"""200 tables of 1,000 columns over 60 one-cell rows, padded: 12 million cells in 850 KB."""
_HTML_TABLES = (
    _SETUP + "table = '<table>' + '<tr><td colspan=1000>x</td></tr>' * 19 + '</table>\\n\\n'\n"
    "data = (title + table * 1000).encode()\n"
)
"""1,000 HTML tables just under the old per-table cap: 19 million cells in 600 KB."""


def test_markdown_over_the_size_cap_is_refused_before_parsing() -> None:
    kind, message = outcome(_BIG_PIPE_TABLE, _READ)
    assert kind == "ReportReadError"
    assert f"Markdown reports larger than {MAX_MARKDOWN_BYTES} bytes are refused" in message


def test_wide_header_over_short_rows_is_refused_by_the_cell_cap() -> None:
    kind, message = outcome(_PADDED_TABLES, _READ)
    assert kind == "ReportReadError"
    assert message.startswith("x.md: the table at line 69 ")
    assert _LIMIT in message


def test_html_tables_in_markdown_are_refused_by_the_cell_cap() -> None:
    kind, message = outcome(_HTML_TABLES, _READ)
    assert kind == "ReportReadError"
    assert "the HTML table at line " in message
    assert _LIMIT in message


def test_pipe_and_html_tables_count_against_one_cap() -> None:
    # 30,000 cells in a pipe table, 80,000 in an HTML table: each fits, both do not.
    setup = _SETUP + (
        "pipe = '|a|b|c|\\n|-|-|-|\\n' + '|1|2|3|\\n' * 9_999 + '\\n'\n"
        "html = '<table>' + '<tr><td colspan=1000>x</td></tr>' * 80 + '</table>\\n'\n"
        "data = (title + pipe + html).encode()\n"
    )
    kind, message = outcome(setup, _READ)
    assert kind == "ReportReadError"
    assert "the HTML table at line 10008 " in message
    assert _LIMIT in message


def test_tables_under_the_cap_are_read() -> None:
    table = "| 项目 | 数量 |\n| --- | --- |\n" + "| 其他 | 1 |\n" * 100
    report, _ = MarkdownReader().read((_TITLE + table).encode())
    assert report.metadata.year == 2023


def test_cli_names_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_text(_TITLE + "| a | b |\n| - | - |\n" + "| 1 | 2 |\n" * 200_000, encoding="utf-8")
    code, stderr = cli_outcome(["validate", "--lang", "en", "--from", "markdown", str(path)])
    assert code == 2
    assert stderr.startswith(f"govinfo-report: error: {path} is ")
    assert f"larger than {MAX_MARKDOWN_BYTES} bytes are refused" in stderr


def test_cli_names_the_cell_limit(tmp_path: Path) -> None:
    path = tmp_path / "wide.md"
    table = "|a" * 1000 + "|\n" + "|-" * 1000 + "|\n" + "x|\n" * 60 + "\n"
    path.write_text(_TITLE + table * 200, encoding="utf-8")
    code, stderr = cli_outcome(["validate", "--lang", "en", "--from", "markdown", str(path)])
    assert code == 2
    assert stderr.startswith(f"govinfo-report: error: {path}: the table at line 69 ")
    assert _LIMIT in stderr


# --- spans in HTML tables ------------------------------------------------------------------


def _columns(cell: str) -> int:
    content = f"<table><tr><th>项目</th>{cell}</tr><tr><td>a</td><td>1</td></tr></table>"
    (table,) = html_tables(content, 1, CellBudget("x.md"))
    return len(table.grid.cells[0]) - 1  # the value columns right of the label column


def test_html_colspan_of_5000_digits_is_clamped_like_any_large_span() -> None:
    assert _columns(f'<th colspan="{"9" * 5000}">数量</th>') == 1000


def test_html_colspan_in_non_ascii_digits_is_no_span() -> None:
    # int("٣") is 3, but browsers read only ASCII digits.
    assert _columns('<th colspan="٣">数量</th>') == 1


def test_html_rowspan_stops_at_the_last_row() -> None:
    content = '<table><tr><th rowspan="1000" colspan="1000">项目</th></tr></table>'
    budget = CellBudget("x.md")
    html_tables(content, 1, budget)
    assert budget.used == 1000  # not the 1,000,000 positions below the table


# --- work linear in the document -------------------------------------------------------


def test_many_paragraphs_under_one_subsection_are_read_in_linear_time() -> None:
    # Each paragraph used to copy the sub-section's tuple: 40,000 took 54 s, so the
    # 19,990 that fit under the document's paragraph cap would take about 13 s.
    setup = _SETUP + "data = (title + '### （一）概述\\n\\n' + '一段。\\n\\n' * 19_990).encode()\n"
    count = evaluate(
        setup, f"len({_READ}.report.sections[0].subsections[0].paragraphs)", timeout=10
    )
    assert count == 19_990


def test_tables_are_read_in_time_linear_in_their_number() -> None:
    # Each table used to copy the rest of the token list: 100,000 tables took 30 s.
    setup = (
        "from markdown_it.token import Token\n"
        "from govinfo_report.readers._md_tables import gfm_table\n"
        "one = [Token('table_open', 'table', 1, map=[0, 1]), Token('tr_open', 'tr', 1),"
        " Token('inline', '', 0, children=[]), Token('tr_close', 'tr', -1),"
        " Token('table_close', 'table', -1)]\n"
        "tokens = one * 100_000\n"
    )
    read = "sum(1 for i in range(0, len(tokens), 5) if gfm_table(tokens, i, ['| a |'], 0))"
    assert evaluate(setup, read, timeout=10) == 100_000


def test_cli_reads_many_paragraphs_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "long.md"
    path.write_text(_TITLE + "### （一）概述\n\n" + "一段。\n\n" * 19_990, encoding="utf-8")
    code, stderr = cli_outcome(["validate", "--from", "markdown", str(path)], timeout=10)
    assert "error:" not in stderr
    assert code in (0, 1)


def test_extra_row_value_of_5000_digits_is_no_count() -> None:
    table = (
        "| 项目 | 本年制发件数 |\n| --- | --- |\n| 规章 | 1 |\n| 其他文件 | " + "9" * 5000 + " |\n"
    )
    report, _ = MarkdownReader().read((_TITLE + "## 二、主动公开政府信息情况\n\n" + table).encode())
    (extra,) = report.proactive.extra_rows
    assert not isinstance(extra.values[0], int)  # int() refuses 4,300 digits


# --- front matter --------------------------------------------------------------------------

_LAUGHS = "\n".join(
    ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
)
"""Nine lines of nested aliases: 10^9 items once expanded."""


def _front(body: str) -> str:
    return f'---\ngovinfo-report: 1\nformat_version: "2021"\nyear: 2023\n{body}\n---\n\n' + _TITLE


def test_front_matter_with_aliases_is_ignored_with_a_finding() -> None:
    setup = (
        "from govinfo_report.readers.markdown import MarkdownReader\n"
        f"data = {_front(_LAUGHS + chr(10) + 'contact: *a8').encode()!r}\n"
    )
    found = evaluate(setup, f"[f.message_en for f in {_READ}.findings]")
    assert (
        "the front matter has a problem and the item was ignored: YAML aliases (*name) are not allowed"
        in found
    )


def test_someone_elses_front_matter_with_aliases_is_ignored_silently() -> None:
    text = "---\ndefaults: &d {layout: post}\npage: *d\n---\n\n" + _TITLE
    _, findings = MarkdownReader().read(text.encode())
    assert not [f for f in findings if f.code == "R.MARKDOWN.FRONT_MATTER"]
