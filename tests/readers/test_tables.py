"""The table reader on flattened rows with fewer values than cells (readers/_tables.py).

A flattened line lists a row's cells left to right, empty cells as empty fields, padded
to the table's width. Its k values, when they follow the labels with no empty field
before or among them, are the row's first k cells; every other cell is not given.
"""

from __future__ import annotations

from govinfo_report.checks.findings import Finding, Severity, Status
from govinfo_report.model import BLANK, NOT_APPLICABLE
from govinfo_report.readers import ReadResult, read_report
from govinfo_report.readers._assemble import assemble
from govinfo_report.readers._document import Grid, Paragraph

_T2_HEADER = "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |"
_T4_HEADER = """行政复议 | 行政诉讼 | |||||||||||||
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||"""


def _read(table_2: str = "", table_4: str = "") -> ReadResult:
    """A 2019-format report whose Tables 2 and 4 are the given flattened lines."""
    text = f"""某局2020年政府信息公开工作年度报告
一、总体情况
二、主动公开政府信息情况
第二十条第(一)项 | |||
{_T2_HEADER}
{table_2}
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
{_T4_HEADER}
{table_4}
五、存在的主要问题及改进情况
六、其他需要报告的事项
"""
    return read_report(text.encode(), "text")


def _rules(result: ReadResult) -> tuple[object, ...]:
    table = result.report.proactive
    return tuple(table[f"rules.{c}"] for c in ("made", "published", "total_published"))


def _coded(result: ReadResult, code: str, prefix: str = "") -> list[Finding]:
    return [f for f in result.findings if f.code == code and f.paths[0].startswith(prefix)]


def test_short_row_values_fill_the_first_columns_in_order() -> None:
    result = _read("规章 | 3 | 1 | |\n规范性文件 | 2 | 0 | 7 |")
    assert _rules(result) == (3, 1, BLANK)


def test_short_row_is_one_notice_naming_the_cells_placed() -> None:
    result = _read("规章 | 3 | 1 | |\n规范性文件 | 2 | 0 | 7 |")
    [notice] = _coded(result, "R.SHORT_ROW")
    assert notice.paths == ("proactive.rules.made", "proactive.rules.published")
    assert (notice.severity, notice.status) == (Severity.NOTICE, Status.FAIL)
    assert (notice.reported, notice.location) == ("3 | 1", "line 6")
    assert "2 value(s) for 3 cells" in notice.message_en


def test_cell_a_short_row_does_not_give_is_uncertain_not_zero() -> None:
    result = _read("规章 | 3 | 1 | |\n规范性文件 | 2 | 0 | 7 |")
    [cell] = _coded(result, "R.CELL", "proactive.")
    assert cell.paths == ("proactive.rules.total_published",)
    assert (cell.severity, cell.status, cell.location) == (
        Severity.WARNING,
        Status.UNCERTAIN,
        "line 6",
    )
    assert "gives no value for cell proactive.rules.total_published" in cell.message_en


def test_full_row_is_placed_without_a_short_row_notice() -> None:
    result = _read("规章 | 3 | 1 | 9 |\n规范性文件 | 2 | 0 | 7 |")
    assert _rules(result) == (3, 1, 9)
    assert _coded(result, "R.SHORT_ROW") == []
    assert _coded(result, "R.CELL") == []


def test_not_applicable_mark_in_a_short_row_is_placed_as_printed() -> None:
    result = _read("规章 | / | 1 | |\n规范性文件 | 2 | 0 | 7 |")
    assert _rules(result) == (NOT_APPLICABLE, 1, BLANK)


def test_empty_field_between_the_label_and_the_first_value_is_not_placed() -> None:
    result = _read("规章 | | 3 | |\n规范性文件 | 2 | 0 | 7 |")
    assert _rules(result) == (BLANK, BLANK, BLANK)
    assert _coded(result, "R.SHORT_ROW") == []
    [refused] = _coded(result, "R.CELL", "proactive.")
    assert refused.reported == " | 3"
    assert refused.paths == (
        "proactive.rules.made",
        "proactive.rules.published",
        "proactive.rules.total_published",
    )
    assert "empty field before or among them" in refused.message_en


def test_empty_field_among_the_values_of_a_short_row_is_not_placed() -> None:
    result = _read(table_4="0 | | 2 |")
    assert all(v is BLANK for v in result.report.review_litigation.values)
    assert _coded(result, "R.SHORT_ROW") == []
    [refused] = _coded(result, "R.CELL", "review_litigation.")
    assert (refused.reported, len(refused.paths)) == ("0 |  | 2", 15)
    assert refused.status is Status.UNCERTAIN


def test_empty_field_between_values_of_a_full_row_is_a_blank_cell() -> None:
    result = _read("规章 | 3 | | 1 |\n规范性文件 | 2 | 0 | 7 |")
    assert _rules(result) == (3, BLANK, 1)
    assert _coded(result, "R.CELL") == []


def test_row_with_more_values_than_cells_is_not_placed() -> None:
    result = _read("规章 | 3 | 1 | 9 | 4\n规范性文件 | 2 | 0 | 7 |")
    assert _rules(result) == (BLANK, BLANK, BLANK)
    [refused] = _coded(result, "R.CELL", "proactive.")
    assert refused.reported == "3 | 1 | 9 | 4"
    assert refused.status is Status.UNCERTAIN


def test_short_row_under_a_header_that_does_not_name_every_column_is_not_placed() -> None:
    blocks = [
        Paragraph(text="某局2020年政府信息公开工作年度报告"),
        Paragraph(text="二、主动公开政府信息情况"),
        Grid(
            cells=(
                ("第二十条第(一)项",),
                ("信息内容", "本年新制作数量", "某某数量", "对外公开总数量"),
                ("规章", "3"),
                ("规范性文件", "2", "0", "7"),
            ),
            location="lines 3-6",
            row_locations=("line 3", "line 4", "line 5", "line 6"),
        ),
    ]
    result = assemble(blocks)
    rules = result.report.proactive
    assert rules["rules.made"] is BLANK
    assert [f.code for f in result.findings if f.location == "line 5"] == ["R.CELL"]
    [refused] = [f for f in result.findings if f.location == "line 5"]
    assert "header does not name every column" in refused.message_en


def test_table_4_values_row_fills_review_first() -> None:
    result = _read(table_4="0 | 2 | 0 |")
    table = result.report.review_litigation
    assert [table[f"review.{c}"] for c in ("upheld", "corrected", "other")] == [0, 2, 0]
    assert sum(v is BLANK for v in table.values) == 12
    [notice] = _coded(result, "R.SHORT_ROW")
    assert notice.paths == (
        "review_litigation.review.upheld",
        "review_litigation.review.corrected",
        "review_litigation.review.other",
    )
    cells = _coded(result, "R.CELL", "review_litigation.")
    assert [f.paths[0] for f in cells] == [
        f"review_litigation.{row}.{column}"
        for row in ("review", "litigation_direct", "litigation_after_review")
        for column in ("upheld", "corrected", "other", "pending", "total")
    ][3:]


def test_cell_given_by_another_row_is_not_reported_as_not_given() -> None:
    result = _read("规章 | 3 | 1 | |\n规章 | 3 | 1 | 9 |\n规范性文件 | 2 | 0 | 7 |")
    assert _rules(result) == (3, 1, 9)
    assert _coded(result, "R.CELL") == []


def test_grid_that_knows_its_merges_is_placed_by_position_not_by_order() -> None:
    # A DOCX/HTML row holding two cells under a three-column header: each value sits
    # under the column its position names, and nothing is said about the third cell,
    # which the grid shows is not in that row.
    header = ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")
    cells = (("第二十条第（一）项",) * 4, header, ("规章", "", "1"), ("规范性文件", "2", "0", "7"))
    origin = (
        ((0, 0),) * 4,
        tuple((1, c) for c in range(4)),
        tuple((2, c) for c in range(3)),
        tuple((3, c) for c in range(4)),
    )
    grid = Grid(cells=cells, origin=origin, location="table 1")
    blocks = [
        Paragraph(text="某局2020年政府信息公开工作年度报告"),
        Paragraph(text="二、主动公开政府信息情况"),
        grid,
    ]
    result = assemble(blocks)
    table = result.report.proactive
    assert (table["rules.made"], table["rules.published"]) == (BLANK, 1)
    assert _coded(result, "R.SHORT_ROW") == []
