"""Load problems in Chinese, the path apart: every phrasing the loader uses has one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govinfo_report import ReportLoadError, load, loads
from govinfo_report._load_messages import chinese, load_problem

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "example_2021.yaml"


@pytest.mark.parametrize(
    ("english", "zh"),
    [
        ("required key missing", "缺少必填项"),
        ("expected a whole number, got str '2024'", "应为整数，实际为字符串 '2024'"),
        ("expected a count (whole number), '' or '/', got number 1E+999",
         "应为件数（整数）、'' 或 '/'，实际为数字 1E+999"),
        ("expected an agency kind (government, department), got str 'x'",
         "应为机关类型（government, department），实际为字符串 'x'"),
        ("expected a row id of applications, got str 'typo'",
         "应为 applications 的行 id，实际为字符串 'typo'"),
        ("unknown key(s) 'colour', 'size'", "未知的项 'colour', 'size'"),
        ("unknown key(s) 'new_recieved' (did you mean 'new_received'?)",
         "未知的项 'new_recieved'（是否应为 'new_received'？）"),
        ("unknown key(s) 'fax', 'yaer' (did you mean 'year' for 'yaer'?)",
         "未知的项 'fax', 'yaer'（是否应为 'year'（代替 'yaer'）？）"),
        ("unknown key(s) 'a_x', 'b_y' (did you mean 'a_z' for 'a_x', 'b_z' for 'b_y'?)",
         "未知的项 'a_x', 'b_y'（是否应为 'a_z'（代替 'a_x'）、'b_z'（代替 'b_y'）？）"),
        ("duplicate key 'year'", "项 'year' 重复"),
        ("year must be between 1 and 9998, got 10000", "年份须在 1 到 9998 之间，实际为 10000"),
        ("invalid JSON: nested too deeply", "JSON 无效：嵌套过深"),
        ("valid YAML, but not a report: the document is empty or null",
         "YAML 有效，但不是报告：文档为空或为 null"),
        ("valid JSON, but not a report: no 'metadata' key at the top level (it has 'a')",
         "JSON 有效，但不是报告：顶层没有 'metadata' 项（其中有 'a'）"),
        ("valid JSON, but not a report: the top level is a list, not a mapping of a "
         "report's keys", "JSON 有效，但不是报告：顶层是 列表，而不是含报告各项的映射"),
        ("amount out of range: 1000000000 digits before the decimal point (at most 15)",
         "金额超出范围：小数点前 1000000000 位（最多 15 位）"),
        ("amount out of range: 30 decimal places (at most 12)",
         "金额超出范围：小数 30 位（最多 12 位）"),
        ("something new", "something new"),  # unknown: kept, never guessed
    ],
)  # fmt: skip
def test_each_phrasing_has_its_chinese(english: str, zh: str) -> None:
    assert chinese(english) == zh


def test_a_problem_is_split_at_its_last_path() -> None:
    problem = load_problem("duplicate key 'a @ b' @ $.metadata")
    assert (problem.message_en, problem.path) == ("duplicate key 'a @ b'", "$.metadata")
    assert problem.text("zh") == "项 'a @ b' 重复 @ $.metadata"
    assert load_problem("invalid TOML: bad").path == ""


def test_a_load_error_says_its_problems_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "x.json"  # metadata with a year as text and nothing else
    path.write_text(json.dumps({"metadata": {"year": "2024"}}), encoding="utf-8")
    with pytest.raises(ReportLoadError) as caught:
        load(path)
    error = caught.value
    assert error.message("en") == str(error)
    zh = error.message("zh")
    assert zh.startswith(f"无法读取 {path}：{len(error.problems)} 个问题")
    assert "缺少必填项 @ $.metadata.agency" in zh
    assert [d.path for d in error.details] == [p.rsplit(" @ ", 1)[1] for p in error.problems]


def test_every_problem_of_a_broken_file_is_translated() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    broken = text.replace("year: 2021", "year: '2021'").replace(
        "agency_kind: department", "agency_kind: ministry"
    )
    with pytest.raises(ReportLoadError) as caught:
        loads(broken + "\nextra_key: 1\n", "yaml")
    for detail in caught.value.details:
        assert detail.message_zh != detail.message_en, detail
