"""The example reports in ``examples/``: they load, validate without errors, and say
what they should (洞头2020 verbatim with only the published numbers; the 2021 example
consistent, with numbers in every table, and exactly what its script generates).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from govinfo_report import BLANK, FormatVersion, Report, fill_totals
from govinfo_report.checks import Severity, check
from govinfo_report.model import is_number
from govinfo_report.readers import read_report
from govinfo_report.serialize import load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DONGTOU = EXAMPLES / "dongtou_2020.yaml"
DONGTOU_TEXT = (
    Path(__file__).resolve().parent / "fixtures" / "text" / "01_wenzhou_dongtou_zwfwzx_2020.txt"
)
EXAMPLE_2021 = EXAMPLES / "example_2021.yaml"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_example_2021", EXAMPLES / "make_example_2021.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _text(report: Report, section_id: str) -> str:
    section = report.section(section_id)
    assert section is not None
    parts = list(section.paragraphs)
    for sub in section.subsections:
        parts.append(sub.heading)
        parts.extend(sub.paragraphs)
    return "".join(parts)


@pytest.fixture(scope="module")
def dongtou() -> Report:
    return load(DONGTOU)


@pytest.fixture(scope="module")
def example_2021() -> Report:
    return load(EXAMPLE_2021)


def test_dongtou_loads_as_2019_format_department_report(dongtou: Report) -> None:
    meta = dongtou.metadata
    assert (meta.agency, meta.year, meta.format_version) == (
        "温州市洞头区政务服务中心",
        2020,
        FormatVersion.V2019,
    )
    assert meta.agency_kind.value == "department"
    assert meta.signing_date is not None
    assert meta.signing_date.isoformat() == "2021-01-22"
    assert meta.contact is not None
    assert (meta.contact.office, meta.contact.phone) == (
        "温州市洞头区政务服务中心办公室",
        "59386879",
    )
    assert dongtou.processing_fee is None


def test_example_2021_loads_as_2021_format_report(example_2021: Report) -> None:
    assert example_2021.metadata.format_version is FormatVersion.V2021
    assert example_2021.metadata.year == 2024
    assert example_2021.processing_fee is not None


@pytest.mark.parametrize("path", [DONGTOU, EXAMPLE_2021], ids=lambda p: p.name)
def test_example_has_no_error_findings(path: Path) -> None:
    errors = [f for f in check(load(path)) if f.severity is Severity.ERROR]
    assert errors == []


def test_example_2021_has_a_non_zero_number_in_every_table(example_2021: Report) -> None:
    for table in example_2021.tables:
        assert any(is_number(v) and v != 0 for v in table.values), table.spec.id


def test_example_2021_totals_are_its_parts(example_2021: Report) -> None:
    assert fill_totals(example_2021) == example_2021


def test_example_2021_file_is_what_its_script_writes(example_2021: Report) -> None:
    script = _script()
    assert script.build() == example_2021
    assert script.to_yaml(script.build(), script.HEADER) == EXAMPLE_2021.read_text("utf-8")


def test_example_2021_section_six_states_the_processing_fee(example_2021: Report) -> None:
    assert example_2021.processing_fee is not None
    assert example_2021.processing_fee.amount == 0
    assert "信息处理费0元" in _text(example_2021, "other")


def test_dongtou_intro_is_verbatim(dongtou: Report) -> None:
    assert dongtou.intro[0].startswith(
        "本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)的规定,"
    )
    assert dongtou.intro[0].endswith("报告中所列数据的统计期限从2020年1月1日至12月31日止。")


@pytest.mark.parametrize(
    ("section_id", "sentence"),
    [
        ("overview", "营造阳光透明政务服务。"),
        ("problems", "三是信息公开人员专业能力有待提高,对信息公开知识及最新政策掌握不全面等。"),
        ("problems", "将信息公开作为宣传政务服务工作的有效手段。"),
        ("other", "瓯e办自助终端机全年为群众企业办事28744件,全年收到政务服务差评0件,实现零差评。"),
        ("other", "各项公共资源交易信息发布711条。"),
        ("other", "全年共计收到提案一个,已按期答复,回访满意度100%。"),
        ("other", "可联系温州市洞头区政务服务中心办公室(联系电话:59386879)。"),
    ],
)
def test_dongtou_sections_hold_published_sentences(
    dongtou: Report, section_id: str, sentence: str
) -> None:
    assert sentence in _text(dongtou, section_id)


def test_dongtou_run_in_subheadings_are_kept_as_printed(dongtou: Report) -> None:
    problems = dongtou.section("problems")
    assert problems is not None
    assert [(s.heading, s.run_in) for s in problems.subsections] == [
        ("(一)存在的主要问题。", True),
        ("(二)改进措施。", True),
    ]
    assert problems.subsections[0].paragraphs[0].startswith("一是信息公开效率有待提高")


def test_dongtou_table_3_holds_one_zero_per_row_under_natural_persons(dongtou: Report) -> None:
    table = dongtou.applications
    for row in table.spec.rows:
        values = [table.get(row.id, c.id) for c in table.spec.groups[0].columns]
        assert values == [0] + [BLANK] * 6, row.id


def test_dongtou_table_4_holds_only_the_three_published_zeros(dongtou: Report) -> None:
    numbers = {c.id for c, v in dongtou.review_litigation.items() if is_number(v)}
    assert numbers == {"review.upheld", "review.corrected", "review.other"}
    assert all(v == 0 for v in dongtou.review_litigation.values if is_number(v))


def test_dongtou_table_2_leaves_the_unprinted_third_column_blank(dongtou: Report) -> None:
    blanks = {c.id for c, v in dongtou.proactive.items() if v is BLANK}
    assert blanks == {
        "rules.total_published",
        "normative_documents.total_published",
        "licensing.decisions",
        "other_services.decisions",
        "penalties.decisions",
        "enforcement.decisions",
    }


@pytest.mark.parametrize("table_id", ["proactive", "applications", "review_litigation"])
def test_dongtou_tables_are_what_the_text_reader_reads_from_the_published_text(
    dongtou: Report, table_id: str
) -> None:
    read = read_report(DONGTOU_TEXT, "text").report
    assert read.table(table_id) == dongtou.table(table_id)
