"""Table 4 printed as three 5-column tables, one per part (行政复议 / 未经复议直接起诉 /
复议后起诉), each named by a caption paragraph above it or a title row inside it, as
real reports print it (issue 9): each part's five values go to that part's five cells.

The documents are the hand-written report of ``tests/fixtures/same_report`` with its
Table 4 replaced, in each format; every other cell is what that fixture says.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from govinfo_report.model import BLANK
from govinfo_report.readers import ReadResult
from govinfo_report.readers.docx import DocxReader
from govinfo_report.readers.html import HtmlReader
from govinfo_report.readers.markdown import MarkdownReader
from govinfo_report.readers.text import TextReader
from readers.word_from_markdown import add_markdown, add_table

_HERE = Path(__file__).parent.parent / "fixtures" / "same_report"
COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
IDS = ["upheld", "corrected", "other", "pending", "total"]
PARTS = {
    "review": ("（一）行政复议", ["1", "2", "3", "4", "10"]),
    "litigation_direct": ("行政诉讼——未经复议直接起诉", ["5", "0", "0", "1", "6"]),
    "litigation_after_review": ("复议后起诉情况", ["0", "0", "7", "0", "7"]),
}
HEADING_4 = "四、政府信息公开行政复议、行政诉讼情况"
HEADING_5 = "五、存在的主要问题及改进情况"


def _cut(text: str, start: str) -> tuple[str, str]:
    """The document before Table 4 (through its heading line) and from section 五 on."""
    head = text.index(start) + len(start)
    return text[:head], text[text.index(HEADING_5) :]


def _markdown(parts: dict[str, tuple[str, list[str]]], titled: bool) -> str:
    head, tail = _cut((_HERE / "report.md").read_text(encoding="utf-8"), HEADING_4)
    out = [head, ""]
    for caption, values in parts.values():
        if titled:  # the part's name as the grid's title row
            out += [f"| {caption} |  |  |  |  |", "|---|---|---|---|---|"]
            out.append("| " + " | ".join(COLUMNS) + " |")
        else:
            out += [caption, "", "| " + " | ".join(COLUMNS) + " |", "|---|---|---|---|---|"]
        out += ["| " + " | ".join(values) + " |", ""]
    return "\n".join(out) + "\n## " + tail


def _html(parts: dict[str, tuple[str, list[str]]], titled: bool) -> str:
    head, tail = _cut((_HERE / "report.html").read_text(encoding="utf-8"), HEADING_4 + "</h2>")
    out = [head]
    for caption, values in parts.values():
        if not titled:
            out.append(f"<p>{caption}</p>")
        out.append("<table>")
        if titled:
            out.append(f'<tr><th colspan="5">{caption}</th></tr>')
        out.append("<tr>" + "".join(f"<th>{c}</th>" for c in COLUMNS) + "</tr>")
        out.append("<tr>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>")
        out.append("</table>")
    return "\n".join(out) + "\n<h2>" + tail


def _text(parts: dict[str, tuple[str, list[str]]]) -> str:
    head, tail = _cut((_HERE / "report.txt").read_text(encoding="utf-8"), HEADING_4)
    out = [head]
    for caption, values in parts.values():
        out += [caption, "表头: " + " | ".join(COLUMNS), " | ".join(values)]
    return "\n".join(out) + "\n" + tail


def _docx(parts: dict[str, tuple[str, list[str]]], titled: bool) -> bytes:
    """Word as an agency writes it: the Markdown fixture's blocks, Table 4 as three
    tables (python-docx, not our writer), a title row merged across each part."""
    source = (_HERE / "report.md").read_text(encoding="utf-8")
    head, tail = _cut(source, HEADING_4)
    document = docx.Document()

    add_markdown(document, head)
    for caption, values in parts.values():
        if titled:
            grid = document.add_table(rows=3, cols=5)
            merged = grid.cell(0, 0).merge(grid.cell(0, 4))
            merged.text = caption
            for c in range(5):
                grid.cell(1, c).text = COLUMNS[c]
                grid.cell(2, c).text = values[c]
        else:
            document.add_paragraph(caption)
            add_table(document, [COLUMNS, values])
    add_markdown(document, "## " + tail)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read(kind: str, parts: dict[str, tuple[str, list[str]]], titled: bool = False) -> ReadResult:
    if kind == "markdown":
        return MarkdownReader().read(_markdown(parts, titled).encode(), source="r.md")
    if kind == "html":
        return HtmlReader().read(_html(parts, titled).encode(), source="r.html")
    if kind == "text":
        return TextReader().read(_text(parts).encode(), source="r.txt")
    return DocxReader().read(_docx(parts, titled), source="r.docx")


def _table4_findings(result: ReadResult) -> list[str]:
    return [
        f"{f.code}: {f.message_en}"
        for f in result.findings
        if any(p.startswith("review_litigation") for p in f.paths) or "table 4" in f.message_en
    ]


CASES = [
    ("markdown", False),
    ("markdown", True),
    ("html", False),
    ("html", True),
    ("docx", False),
    ("docx", True),
    ("text", False),
]


@pytest.mark.parametrize(("kind", "titled"), CASES)
def test_each_part_is_read_into_its_own_five_cells(kind: str, titled: bool) -> None:
    result = _read(kind, PARTS, titled)
    table = result.report.review_litigation
    for row_id, (_caption, values) in PARTS.items():
        got = [table[f"{row_id}.{column}"] for column in IDS]
        assert got == [int(v) for v in values], row_id
    assert _table4_findings(result) == []
    # The rest of the report is read as before.
    assert result.report.applications["disclosed.total"] == 4


@pytest.mark.parametrize(("kind", "titled"), CASES)
def test_a_part_not_printed_is_blank_and_reported_never_shifted(kind: str, titled: bool) -> None:
    parts = {k: v for k, v in PARTS.items() if k != "litigation_direct"}
    result = _read(kind, parts, titled)
    table = result.report.review_litigation
    assert [table[f"litigation_direct.{c}"] for c in IDS] == [BLANK] * 5
    assert [table[f"litigation_after_review.{c}"] for c in IDS] == [0, 0, 7, 0, 7]
    assert [table[f"review.{c}"] for c in IDS] == [1, 2, 3, 4, 10]
    [missing] = [
        f for f in result.findings if f.code == "R.ROW_MISSING" and "table 4" in f.message_en
    ]
    assert missing.paths == tuple(f"review_litigation.litigation_direct.{c}" for c in IDS)


@pytest.mark.parametrize("kind", ["markdown", "html", "docx", "text"])
def test_a_part_whose_name_is_not_printed_is_not_guessed(kind: str) -> None:
    # The second grid's caption is prose, not a part's name: its values are not placed.
    parts = dict(PARTS)
    parts["litigation_direct"] = ("下表为本年度情况", PARTS["litigation_direct"][1])
    result = _read(kind, parts)
    table = result.report.review_litigation
    assert [table[f"litigation_direct.{c}"] for c in IDS] == [BLANK] * 5
    assert [table[f"review.{c}"] for c in IDS] == [1, 2, 3, 4, 10]
    assert any(f.code == "R.CELL" for f in result.findings)


def test_the_section_heading_names_no_part() -> None:
    # The heading above the first grid contains 行政复议 but is not a caption of a part.
    parts = dict(PARTS)
    parts["review"] = (HEADING_4, PARTS["review"][1])
    result = _read("html", parts)
    assert [result.report.review_litigation[f"review.{c}"] for c in IDS] == [BLANK] * 5
