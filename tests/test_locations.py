"""A reader's location of a finding, said in Chinese where a person reads it (the
finding lines of the command line), kept as recorded in English and in the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report import Finding, Severity, Status
from govinfo_report._locations import location_in

# Every form the readers record (tests/fixtures, read by every reader, give the first
# nine), and what a Chinese reader is shown.
FORMS = [
    ("line 23", "第 23 行"),
    ("lines 40-52", "第 40–52 行"),
    ("table 3", "第 3 个表格"),
    ("table 3 row 5", "第 3 个表格第 5 行"),
    ("paragraph 7", "第 7 段"),
    ("page 2", "第 2 页"),
    ("page 2, table 1", "第 2 页第 1 个表格"),
    ("pages 3-4, table 2", "第 3–4 页第 2 个表格"),
    ("pages 3-4, table 2 row 6", "第 3–4 页第 2 个表格第 6 行"),
    ("sheet '表三' B4:H30", "工作表 '表三' B4:H30"),
    ("sheet '表三' row 12", "工作表 '表三' 第 12 行"),
    ("sheet 'Sheet1'", "工作表 'Sheet1'"),
    ("x.pdf: page 3", "x.pdf: 第 3 页"),
    ("x.md: front matter", "x.md: 文首元数据"),
    ("x.docx: docProps/custom.xml", "x.docx: docProps/custom.xml"),  # a part's name
    ("headline 3", "headline 3"),  # words it does not know stay
    ("sheet 'table 1' row 4", "工作表 'table 1' 第 4 行"),  # a sheet's name is its own
    ('sheet "it\'s page 2" A1', '工作表 "it\'s page 2" A1'),
    ("/data/line 5/r.pdf: page 3", "/data/line 5/r.pdf: 第 3 页"),  # so is a file's
]


@pytest.mark.parametrize(("recorded", "chinese"), FORMS)
def test_a_location_is_worded_in_chinese_and_kept_in_english(recorded: str, chinese: str) -> None:
    assert location_in(recorded, "zh") == chinese
    assert location_in(recorded, "en") == recorded


def test_a_finding_says_its_location_in_either_language_and_keeps_it_in_its_data() -> None:
    finding = Finding(
        code="R.CELL",
        severity=Severity.WARNING,
        status=Status.UNCERTAIN,
        message_zh="…",
        message_en="…",
        location="table 3 row 5",
    )
    assert finding.location_in() == "第 3 个表格第 5 行"
    assert finding.location_in("en") == "table 3 row 5"
    assert finding.to_dict()["location"] == "table 3 row 5"
    no_place = Finding(
        code="M.1", severity=Severity.ERROR, status=Status.FAIL, message_zh="…", message_en="…"
    )
    assert no_place.location_in("zh") is None


def test_a_grid_that_is_no_statistic_table_is_named_in_chinese_in_its_message() -> None:
    from govinfo_report.readers import read_report

    # A published text's first line with a " | " in it reads as a grid of one row.
    text = Path("tests/fixtures/text/02_shanghai_szfbgt_2019.txt").read_text(encoding="utf-8")
    result = read_report(("单元格以 | 分隔\n" + text).encode(), "text")
    (unknown,) = [f for f in result.findings if f.code == "R.TABLE_UNKNOWN"]
    assert unknown.location == "line 1"
    assert unknown.message_zh == "第 1 行不是三张统计表中的任何一张，未读取"
    assert unknown.message_en == "line 1 is none of the three statistic tables; not read"
