"""The text reader on layout text: what ``pdftotext -layout`` and copy-paste from a PDF
viewer give. Every cell of every fixture is compared with the report it was printed from."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report import load
from govinfo_report.findings import Severity
from govinfo_report.model import BLANK, Report
from govinfo_report.model.authoring import TABLE3_DATA_COLUMNS
from govinfo_report.readers import ReadResult, read_report
from govinfo_report.readers._document import Grid, Paragraph
from govinfo_report.readers.text import TextReader, to_blocks
from readers.fuzzing import read_or_refuse

WPS = Path(__file__).parent.parent / "fixtures" / "pdf_wps"
LIBREOFFICE = WPS / "libreoffice"
DOCX = Path(__file__).parent.parent / "fixtures" / "docx"

# Findings that say a table cell or row was not read.
TABLE_PROBLEMS = {"R.CELL", "R.ROW_MISSING", "R.TABLE_MISSING", "R.EXTRA_ROW", "R.SHORT_ROW"}


def cells(report: Report) -> dict[str, object]:
    return {f"{t.spec.id}.{c.id}": v for t in report.tables for c, v in t.items()}


def differences(result: ReadResult, expected: Report) -> dict[str, tuple[object, object]]:
    got, want = cells(result.report), cells(expected)
    return {k: (got[k], want[k]) for k in want if got[k] != want[k]}


def read(path: Path) -> tuple[ReadResult, Report]:
    expected = load(path.with_name(path.name.replace(".layout.txt", ".expected.json")))
    return read_report(path), expected


@pytest.mark.parametrize(
    "name",
    [
        "a_ruled_2019",  # stacked headers, vertical 三、本年度办理结果, Table 3 over two pages
        "b_ruled_2021",  # the same in 2021, Table 3's header not repeated
        "c_unruled_2021",  # no ruling lines: merged labels at the top of their rows
        "f_missing_tounicode_2021",  # one prose character lost; the tables intact
    ],
)
def test_wps_layout_text_reads_every_cell(name: str) -> None:
    result, expected = read(WPS / f"{name}.layout.txt")
    assert differences(result, expected) == {}
    assert result.report.metadata.format_version is expected.metadata.format_version
    assert not {f.code for f in result.findings} & TABLE_PROBLEMS
    assert not [f for f in result.findings if f.severity is Severity.ERROR]


@pytest.mark.parametrize("name", ["full_2020", "full_2023", "split_2023"])
def test_libreoffice_layout_text_reads_every_cell(name: str) -> None:
    result, expected = read(LIBREOFFICE / f"{name}.layout.txt")
    assert differences(result, expected) == {}
    assert not {f.code for f in result.findings} & TABLE_PROBLEMS


@pytest.mark.parametrize(
    "path", [WPS / "h_blank_cells_2019.layout.txt", LIBREOFFICE / "dongtou_2020.layout.txt"]
)
def test_empty_cells_are_never_filled_by_shifting(path: Path) -> None:
    """Layout text drops empty cells: a row with fewer values than cells is reported,
    its values quoted, and no value lands in another column."""
    result, expected = read(path)
    diff = differences(result, expected)
    assert all(got is BLANK for got, _want in diff.values())
    unplaced = [f for f in result.findings if f.code == "R.CELL" and f.reported]
    # 洞头 2020: six Table 2 rows, the 23 Table 3 rows and Table 4's line print a few 0s.
    assert len(unplaced) == 6 + 23 + 1
    assert all(f.severity is Severity.WARNING for f in unplaced)
    # Rows printed in full are read: 行政事业性收费 and 政府集中采购 give both their cells.
    got = cells(result.report)
    assert got["proactive.fees.items_last_year"] == 0
    assert got["proactive.procurement.projects"] == 0


@pytest.mark.parametrize("name", ["shanghai_2019", "shuyang_2023"])
def test_word_and_wps_like_docx_exports_read_without_a_wrong_value(name: str) -> None:
    """The DOCX fixtures exported by LibreOffice, one to two characters per line in their
    narrow cells: what is read is what the DOCX holds; rows with empty cells are reported."""
    result = read_report(LIBREOFFICE / f"{name}.layout.txt")
    docx = cells(read_report(DOCX / f"{name}.docx").report)
    got = cells(result.report)
    wrong = {k: (got[k], docx[k]) for k in docx if got[k] is not BLANK and got[k] != docx[k]}
    assert wrong == {}
    read_cells = sum(1 for k in docx if got[k] is not BLANK and got[k] == docx[k])
    # Measured: the rows printed in full (most print empty cells, reported instead).
    assert read_cells >= {"shanghai_2019": 22, "shuyang_2023": 25}[name]


def test_misspelt_label_reaches_the_engine_verbatim() -> None:
    """d prints 2.其他法律行政止公开: the row keeps that label and its seven values."""
    blocks = to_blocks((WPS / "d_misspelt_2021.layout.txt").read_text(encoding="utf-8"))
    rows = [row for b in blocks if isinstance(b, Grid) for row in b.cells]
    assert ("2.其他法律行政止公开", "0", "0", "0", "0", "0", "0", "0") in rows
    result, expected = read(WPS / "d_misspelt_2021.layout.txt")
    assert set(differences(result, expected)) <= {
        f"applications.withheld_prohibited.{c}" for c in (*TABLE3_DATA_COLUMNS, "total")
    }


def test_misspelt_label_is_matched() -> None:
    result, expected = read(WPS / "d_misspelt_2021.layout.txt")
    assert differences(result, expected) == {}
    assert any(
        f.code == "R.LABEL_VARIANT" and "其他法律行政止公开" in f.message_zh
        for f in result.findings
    )


LAYOUT = """\
          某某县某某局
    2024年政府信息公开工作年度报告

  一、总体情况
  本年度，我局认真贯彻落实《条例》，主动公开政府信息，全年
公开各类信息200条。
  二、主动公开政府信息情况
             第二十条第（一）项
   信息内容     本年制发件数        本年废止件数     现行有效件数
   规章        0              0         0
 行政规范性文件     3              1         12

                - 1 -
\f             第二十条第（五）项
  信息内容                   本年处理决定数量
  行政许可                       486
             第二十条第（八）项
  信息内容                本年收费金额（单位：万元）
行政事业性收费                     86.35 万元
"""


def test_blocks_of_layout_text() -> None:
    blocks = to_blocks(LAYOUT)
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert paragraphs == [
        "某某县某某局",
        "2024年政府信息公开工作年度报告",
        "一、总体情况",
        "本年度，我局认真贯彻落实《条例》，主动公开政府信息，全年公开各类信息200条。",
        "二、主动公开政府信息情况",
    ]
    (grid,) = [b for b in blocks if isinstance(b, Grid)]
    assert grid.origin is None
    assert grid.cells == (
        ("第二十条第（一）项",),
        ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        ("规章", "0", "0", "0"),
        ("行政规范性文件", "3", "1", "12"),
        ("第二十条第（五）项",),
        ("信息内容", "本年处理决定数量"),
        ("行政许可", "486"),
        ("第二十条第（八）项",),
        ("信息内容", "本年收费金额（单位：万元）"),
        ("行政事业性收费", "86.35 万元"),
    )


STACKED = """\
                                             申请人情况
（本列数据的勾稽关系为：第一项加第二项之和，                      法人或其他组织
     等于第三项加第四项之和）              自然人 商业企 科研机 社会公 法律服                  总计
                                                              其他
                                    业   构  益组织 务机构
      一、本年新收政府信息公开申请数量          2   3   4   5    6            7     27
      （二）部分公开（区分处理的，只计这一
                                23   24    25    26     27    28    153
          情形，不计其他情形）
三
、              1.属于国家秘密          30   31    32    33     34    35    195
本               2.其他法律行政法规禁止
年                               37   38    39    40     41    42    237
                公开
"""


def test_stacked_header_and_wrapped_labels_are_joined() -> None:
    (grid,) = [b for b in to_blocks(STACKED) if isinstance(b, Grid)]
    assert grid.cells == (
        ("申请人情况",),
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "法人或其他组织"),
        ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "总计"),
        ("其他",),
        ("一、本年新收政府信息公开申请数量", "2", "3", "4", "5", "6", "7", "27"),
        (
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "23", "24", "25", "26", "27", "28", "153",
        ),
        # The vertical label's pieces complete no label here (it is cut short): kept
        # before the row's own label, for the engine.
        ("三、", "1.属于国家秘密", "30", "31", "32", "33", "34", "35", "195"),
        ("本年", "2.其他法律行政法规禁止公开", "37", "38", "39", "40", "41", "42", "237"),
    )  # fmt: skip


def test_a_short_row_is_reported_not_shifted() -> None:
    text = STACKED.replace("30   31    32    33     34    35    195", "30          32")
    (grid,) = [b for b in to_blocks(text) if isinstance(b, Grid)]
    assert ("三、", "1.属于国家秘密", "", "30", "32") in grid.cells
    result = read_report(("某某县某某局2024年政府信息公开工作年度报告\n" + text).encode(), "text")
    row = [f for f in result.findings if f.code == "R.CELL" and f.reported == " | 30 | 32"]
    assert len(row) == 1
    assert result.report.cell("applications.withheld_state_secret.natural_person") is BLANK


def test_a_row_one_value_short_is_not_taken_as_whole() -> None:
    """Two values for three cells: one empty field would make the count right and place
    the row whole, so two go before them."""
    text = LAYOUT.replace("3              1         12", "3                        12")
    (grid,) = [b for b in to_blocks(text) if isinstance(b, Grid)]
    assert ("行政规范性文件", "", "", "3", "12") in grid.cells


def test_prose_with_numbers_is_no_table() -> None:
    text = "  一、总体情况\n  全年公开信息  200  条，办理申请  12\n  件，均按时答复。\n"
    blocks = to_blocks(text)
    assert all(isinstance(b, Paragraph) for b in blocks)
    assert len(blocks) == 3  # plain text: one paragraph per line, as before


def test_pipe_tables_in_the_same_document_still_read() -> None:
    text = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 1 | 2 | 3\n  正文一段。\n"
    blocks = to_blocks(text)
    assert isinstance(blocks[0], Grid)
    assert blocks[0].cells[1] == ("规章", "1", "2", "3")
    assert isinstance(blocks[1], Paragraph)


_LAYOUT_LINES = (WPS / "b_ruled_2021.layout.txt").read_text(encoding="utf-8").splitlines()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(_LAYOUT_LINES) - 1),
            st.sampled_from(["drop", "dup", "shift", "digits", "cut"]),
        ),
        max_size=12,
    )
)
def test_fuzz_edited_layout_text_reads_or_refuses(edits: list[tuple[int, str]]) -> None:
    """Lines dropped, doubled, shifted, turned to numbers or cut in two: a report with
    findings, or a clear refusal, never a crash."""
    lines = list(_LAYOUT_LINES)
    for at, how in edits:
        at %= len(lines)
        if how == "drop":
            del lines[at]
        elif how == "dup":
            lines.insert(at, lines[at])
        elif how == "shift":
            lines[at] = "      " + lines[at]
        elif how == "digits":
            lines[at] = re.sub(r"\S+", "7", lines[at])
        else:
            half = len(lines[at]) // 2
            lines[at : at + 1] = [lines[at][:half], lines[at][half:]]
        if not lines:
            break
    read_or_refuse(TextReader(), "\n".join(lines).encode(), "fuzz.layout.txt")


def test_layout_text_reads_in_linear_time() -> None:
    """Joining pieces and matching labels to values lines look at nearby lines only:
    60,000 lines of labels, values and stray pieces are read in a second or two, not in
    the half minute a pairwise search took."""
    text = "某局2024年政府信息公开工作年度报告\n" + "  规章\n  1  2  3\n  x\n" * 20_000
    start = time.monotonic()
    result = read_report(text.encode(), "text")
    assert time.monotonic() - start < 10
    assert len(result.report.proactive.extra_rows) == 0  # 规章 read, every x reported
    assert result.report.proactive["rules.in_force"] == 3
