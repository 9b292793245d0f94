"""Level-3 headings (1.…): ``Subsection.subsections``, one level under a （一） heading.

The model holds them and refuses a fourth level, the interchange files carry them
(written only when there are some, so existing files are unchanged), and every reader
of a report's text (``Section.texts``, the text fields and their paths) sees their
paragraphs.
"""

from __future__ import annotations

import json
import re

import attrs
import pytest

from govinfo_report import (
    Report,
    Section,
    Subsection,
    describe_path,
    dumps,
    load,
    loads,
)
from govinfo_report.errors import ReportLoadError, ReportValueError
from govinfo_report.model.text import text_fields
from govinfo_report.schema import json_schema

DONGTOU = "examples/dongtou_2020.yaml"
LEVEL3 = (
    Subsection(heading="1.加强组织领导。", paragraphs=["成立工作专班。"]),
    Subsection(heading="2.完善制度。", paragraphs=["修订公开指南。", "建立台账。"], run_in=True),
)


def with_level3(level3: tuple[Subsection, ...] = LEVEL3, section: int = 4, sub: int = 1) -> Report:
    """The 洞头 example with ``level3`` under subsection ``sub`` of section ``section``."""
    report = load(DONGTOU)
    target = report.sections[section]
    changed = attrs.evolve(target.subsections[sub], subsections=level3)
    subs = tuple(changed if j == sub else s for j, s in enumerate(target.subsections))
    return report.with_section(target.id, subsections=subs)


def test_a_subsection_holds_level3_headings_given_as_a_list() -> None:
    sub = Subsection(heading="（一）", paragraphs=["导语。"], subsections=list(LEVEL3))
    assert sub.subsections == LEVEL3
    assert sub.texts == ("导语。", "成立工作专班。", "修订公开指南。", "建立台账。")


def test_a_level3_heading_with_subsections_of_its_own_is_refused() -> None:
    nested = Subsection(heading="1.", subsections=[Subsection(heading="（1）")])
    with pytest.raises(ReportValueError, match=r"subsections\[0\] \('1\.'\).*level-4"):
        Subsection(heading="（一）", subsections=[nested])


def test_subsections_must_be_subsections() -> None:
    with pytest.raises(TypeError, match="tuple of Subsection"):
        Subsection(heading="（一）", subsections=["1.加强"])  # type: ignore[list-item]


def test_section_texts_and_emptiness_include_level3_text() -> None:
    section = Section(
        id="problems",
        heading="五、",
        paragraphs=["总述。"],
        subsections=[Subsection(heading="（一）", paragraphs=["导语。"], subsections=LEVEL3)],
        closing=["以上。"],
    )
    assert section.texts == (
        "总述。",
        "导语。",
        "成立工作专班。",
        "修订公开指南。",
        "建立台账。",
        "以上。",
    )
    only_level3 = Section(
        id="problems",
        heading="五、",
        subsections=[
            Subsection(heading="", subsections=[Subsection(heading="", paragraphs=["x"])])
        ],
    )
    assert not only_level3.is_empty
    blank = Section(
        id="problems",
        heading="五、",
        subsections=[
            Subsection(heading=" ", subsections=[Subsection(heading="", paragraphs=[" "])])
        ],
    )
    assert blank.is_empty


def test_level3_headings_travel_through_every_syntax() -> None:
    report = with_level3()
    for syntax in ("json", "yaml", "toml"):
        assert loads(dumps(report, syntax), syntax) == report


def test_a_report_without_level3_headings_writes_no_subsections_key_on_a_subsection() -> None:
    data = json.loads(dumps(load(DONGTOU), "json"))
    assert all(
        "subsections" not in sub for s in data["sections"] for sub in s.get("subsections", [])
    )
    data = json.loads(dumps(with_level3(), "json"))
    written = data["sections"][4]["subsections"][1]["subsections"]
    assert written[0] == {
        "heading": "1.加强组织领导。",
        "paragraphs": ["成立工作专班。"],
        "run_in": False,
    }
    assert "subsections" not in written[0]


def _tree() -> dict[str, object]:
    tree: dict[str, object] = json.loads(dumps(with_level3(), "json"))
    return tree


@pytest.mark.parametrize(
    ("level3", "problem"),
    [
        (
            "1.加强",
            r"expected a list, got str '1\.加强' @ \$\.sections\[4\]\.subsections\[1\]\.subsections$",
        ),
        (
            ["1.加强"],
            r"expected a mapping, got str '1\.加强' @ \$\.sections\[4\]\.subsections\[1\]\.subsections\[0\]$",
        ),
        ([{"heading": 1}], r"@ \$\.sections\[4\]\.subsections\[1\]\.subsections\[0\]\.heading$"),
        (
            [{"heading": "1.", "x": 1}],
            r"unknown key\(s\) 'x' @ \$\.sections\[4\]\.subsections\[1\]\.subsections\[0\]$",
        ),
        (
            [{"heading": "1."}, {"heading": "2.", "subsections": [{"heading": "（1）"}]}],
            r"level-4 .* @ \$\.sections\[4\]\.subsections\[1\]\.subsections\[1\]\.subsections$",
        ),
    ],
)
def test_a_bad_level3_heading_is_refused_at_its_path(level3: object, problem: str) -> None:
    tree = _tree()
    tree["sections"][4]["subsections"][1]["subsections"] = level3  # type: ignore[index]
    with pytest.raises(ReportLoadError) as caught:
        loads(json.dumps(tree, ensure_ascii=False), "json")
    assert len(caught.value.problems) == 1
    assert re.search(problem, caught.value.problems[0]), caught.value.problems[0]


def test_the_fourth_level_problem_is_said_in_chinese() -> None:
    tree = _tree()
    tree["sections"][4]["subsections"][1]["subsections"][0]["subsections"] = [{"heading": "（1）"}]  # type: ignore[index]
    with pytest.raises(ReportLoadError) as caught:
        loads(json.dumps(tree, ensure_ascii=False), "json")
    assert "三级标题（1.…）不能再有下级标题" in caught.value.message("zh")


def test_the_schema_allows_level3_headings_and_no_fourth_level() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    tree = _tree()
    assert list(validator.iter_errors(tree)) == []
    tree["sections"][4]["subsections"][1]["subsections"][0]["subsections"] = [{"heading": "（1）"}]  # type: ignore[index]
    assert list(validator.iter_errors(tree)) != []


def test_level3_text_fields_have_paths_describe_path_names() -> None:
    report = with_level3()
    paths = [path for path, text in text_fields(report) if text in ("2.完善制度。", "建立台账。")]
    assert paths == [
        "sections[4].subsections[1].subsections[1].heading",
        "sections[4].subsections[1].subsections[1].paragraphs[1]",
    ]
    zh = describe_path(paths[1], report=report)
    assert zh == "五、存在的主要问题及改进情况 / (二)改进措施。 / 2.完善制度。第2段"
    en = describe_path(paths[0], "en", report=report)
    assert en == "五、存在的主要问题及改进情况 / (二)改进措施。 / 2.完善制度。, heading"
    assert describe_path("sections[4].subsections[1].subsections[5]") == (
        "第5个部分第2个小标题第6个三级标题"
    )
    assert describe_path("sections[4].subsections[1].subsections[5]", "en") == (
        "section at position 5, sub-heading 2, level-3 heading 6"
    )
