"""Hierarchies (file and names) and rule H.1, a parent's tables against its children's."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from govinfo_report import BLANK, NOT_APPLICABLE, Report, ReportLoadError, Status, aggregate
from govinfo_report import blank_report as _blank
from govinfo_report.survey._hierarchy import (
    Hierarchy,
    Level,
    auto_hierarchy,
    check_level,
    load_hierarchy,
    parse_hierarchy,
)

FILE = """\
温州市洞头区人民政府:
  whole_region: true
  children:
    - 温州市洞头区北岙街道办事处
    - 温州市洞头区东屏街道办事处
温州市人民政府:
  - 温州市洞头区人民政府
"""


def test_a_file_in_both_forms(tmp_path: Path) -> None:
    path = tmp_path / "levels.yaml"
    path.write_text(FILE, encoding="utf-8")
    hierarchy = load_hierarchy(path)
    assert hierarchy.levels == (
        Level(
            parent="温州市洞头区人民政府",
            children=("温州市洞头区北岙街道办事处", "温州市洞头区东屏街道办事处"),
            whole_region=True,
            line=1,
        ),
        Level(parent="温州市人民政府", children=("温州市洞头区人民政府",), line=6),
    )
    assert (
        hierarchy.parent_of("温州市洞头区 北岙街道办事处")
        == "温州市洞头区北岙街道办事处"[:6] + "政府"
    )
    assert hierarchy.children_of("温州市政府") == ("温州市洞头区政府",)
    assert hierarchy.parent_of("温州市人民政府") is None


@pytest.mark.parametrize(
    ("text", "problem", "chinese"),
    [
        (
            "a: 1\n",
            "line 1: 'a' must map to a list of children or to children:",
            "第 1 行：'a' 须对应下级机关的列表，或 children:",
        ),
        (
            "a:\n  childs: [b]\n",
            "line 2: unknown key 'childs'; expected children, whole_region",
            "第 2 行：未知的项 'childs'；应为 children、whole_region",
        ),
        (
            "a:\n  whole_region: true\n",
            "line 2: 'a' has no children:",
            "第 2 行：'a' 没有 children:",
        ),
        (
            "a:\n  children: [b]\n  children: [c]\n",
            "line 3: duplicate key 'children'",
            "第 3 行：项 'children' 重复",
        ),
        (
            "- a\n",
            "line 1: expected parent: children mappings",
            "第 1 行：应为“上级机关: 下级机关”的映射",
        ),
        (
            "a: [b, 3]\n",
            "line 1: a child must be an agency name (text)",
            "第 1 行：下级机关名称须为文本",
        ),
        ("a: [' ']\n", "line 1: a child is blank", "第 1 行：下级机关名称为空"),
        ("? ''\n: [b]\n", "line 1: a parent is blank", "第 1 行：上级机关名称为空"),
        (
            "a: {children: 3}\n",
            "line 1: children must be a list of agency names",
            "第 1 行：children 须为机关名称的列表",
        ),
        (
            "a:\n  children: [b]\n  whole_region: maybe\n",
            "line 3: whole_region must be true or false",
            "第 3 行：whole_region 须为 true 或 false",
        ),
        (
            "a: &x [b]\nc: *x\n",
            "line 1: YAML anchors and aliases are refused",
            "第 1 行：不接受 YAML 的锚点和别名",
        ),
        (
            "a: [b]\nc: [b]\n",
            "'b' has two parents: 'a' and 'c' (line 2)",
            "'b' 有两个上级机关：'a' 和 'c'（第 2 行）",
        ),
        ("a: [a]\n", "'a' (line 1) is listed as its own child", "'a'（第 1 行）被列为自己的下级"),
        (
            "a: [b]\na: [c]\n",
            "parent 'a' (line 2) is declared twice",
            "上级机关 'a'（第 2 行）声明了两次",
        ),
        ("a: [b]\nb: [a]\n", "'a' is its own ancestor", "'a' 是自己的上级（层级成环）"),
        ("a: [b\n", "line 2: not YAML (", "第 2 行：不是 YAML（"),
    ],
)
def test_bad_files_are_refused_with_the_line_in_either_language(
    text: str, problem: str, chinese: str
) -> None:
    with pytest.raises(ReportLoadError, match=re.escape(problem)) as raised:
        parse_hierarchy(text, source="levels.yaml")
    assert f"  - {chinese}" in raised.value.message("zh")
    assert raised.value.message("zh").startswith("无法读取 levels.yaml：")


def test_an_unreadable_file_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(ReportLoadError, match="cannot read the file: No such file") as raised:
        load_hierarchy(tmp_path / "missing.yaml")
    assert "无法读取文件：没有这个文件或文件夹" in raised.value.message("zh")
    (tmp_path / "gbk.yaml").write_bytes("甲: [乙]".encode("gbk"))
    with pytest.raises(ReportLoadError, match=r"not UTF-8 text \(byte 0\)") as raised:
        load_hierarchy(tmp_path / "gbk.yaml")
    assert "不是 UTF-8 文本（字节偏移 0）" in raised.value.message("zh")


def test_a_hierarchy_pickles() -> None:
    hierarchy = parse_hierarchy(FILE)
    again = pickle.loads(pickle.dumps(hierarchy))
    assert again == hierarchy
    assert again.parent_of("温州市洞头区人民政府") == "温州市政府"


def test_auto_places_only_what_names_make_certain() -> None:
    hierarchy = auto_hierarchy(
        [
            "温州市人民政府",
            "温州市洞头区人民政府",
            "温州市洞头区北岙街道办事处",
            "温州市洞头区霓屿街道办事处",
            "温州市瑞安市人民政府",
            "温州市瑞安市塘下镇人民政府",
            "温州市财政局",  # a department: under nobody
            "温州市洞头区政务服务中心",  # a department: under nobody
            "洞头区东屏街道办事处",  # no city in the name: its district is not certain
            "杭州市西湖区人民政府",  # its city is not among the agencies
        ]
    )
    assert [(level.parent, level.children, level.whole_region) for level in hierarchy] == [
        ("温州市人民政府", ("温州市洞头区人民政府", "温州市瑞安市人民政府"), False),
        (
            "温州市洞头区人民政府",
            ("温州市洞头区北岙街道办事处", "温州市洞头区霓屿街道办事处"),
            False,
        ),
        ("温州市瑞安市人民政府", ("温州市瑞安市塘下镇人民政府",), False),
    ]


def test_a_hierarchy_is_checked_on_construction() -> None:
    with pytest.raises(ValueError, match="its own child"):
        Hierarchy(levels=(Level(parent="甲", children=("甲",)),))


def _report(agency: str, cells: dict[str, object]) -> Report:
    return _blank("2021", year=2024, agency=agency, fill=0).with_cells(cells)  # type: ignore[arg-type]


A = _report("甲街道", {"applications.new_received.natural_person": 3})
B = _report("乙街道", {"applications.new_received.natural_person": 4})


def test_a_parent_that_adds_up_passes() -> None:
    assert check_level(aggregate([A, B], agency="区政府"), {"甲街道": A, "乙街道": B}) == ()


def test_a_parent_that_does_not_add_up_fails_at_the_cell() -> None:
    parent = aggregate([A, B]).with_cells({"applications.new_received.natural_person": 9})
    (finding,) = check_level(parent, {"甲街道": A, "乙街道": B})
    assert finding.code == "H.1"
    assert finding.status is Status.FAIL
    assert finding.paths == ("applications.new_received.natural_person",)
    assert (finding.reported, finding.computed, finding.difference) == (9, 7, 2)
    assert "（下级：乙街道、甲街道）" in finding.message_zh  # sorted by key


def test_a_missing_child_is_uncertain_and_named() -> None:
    parent = aggregate([A, B])
    findings = check_level(parent, {"甲街道": A, "乙街道": B, "丙街道": None})
    assert [(f.status, f.paths[0].split(".")[0]) for f in findings] == [
        (Status.UNCERTAIN, "applications"),
        (Status.UNCERTAIN, "review_litigation"),
    ]
    assert "缺少下级报告：丙街道" in findings[0].message_zh
    assert "no report from 丙街道" in findings[0].message_en


def test_a_missing_child_cannot_hide_a_parent_below_the_known_part() -> None:
    parent = aggregate([A, B]).with_cells({"applications.new_received.natural_person": 5})
    failures = [
        f
        for f in check_level(parent, {"甲街道": A, "乙街道": B, "丙": None})
        if f.status is Status.FAIL
    ]
    assert [(f.reported, f.computed) for f in failures] == [(5, 7)]
    assert "至少" in failures[0].message_zh


def test_blank_child_cells_are_uncertain_not_zero() -> None:
    blank_b = B.with_cells({"review_litigation.review.upheld": BLANK})
    findings = check_level(aggregate([A, B]), {"甲街道": A, "乙街道": blank_b})
    assert [f.paths for f in findings] == [("review_litigation.review.upheld",)]
    assert "单元格未填写：乙街道" in findings[0].message_zh


def test_not_applicable_counts_nothing() -> None:
    na_b = B.with_cells({"review_litigation.review.upheld": NOT_APPLICABLE})
    assert check_level(aggregate([A, B]), {"甲街道": A, "乙街道": na_b}) == ()


def test_a_child_on_another_year_is_not_added() -> None:
    old = _blank("2021", year=2023, agency="乙街道", fill=0)
    findings = check_level(aggregate([A, B]), {"甲街道": A, "乙街道": old})
    assert "年度或格式不同：乙街道" in findings[0].message_zh
