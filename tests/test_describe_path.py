"""describe_path: a finding's paths in words, and the severities' Chinese names."""

from __future__ import annotations

import attrs
import pytest

from govinfo_report import ExtraRow, Severity, check, describe_path, load
from govinfo_report.formats import FORMATS

DONGTOU = "examples/dongtou_2020.yaml"


def test_a_cell_is_named_by_its_table_title_and_labels() -> None:
    assert (
        describe_path("applications.new_received.natural_person")
        == "三、收到和处理政府信息公开申请情况「一、本年新收政府信息公开申请数量 / 自然人」"
    )


def test_a_cell_in_english_names_the_table_row_and_column() -> None:
    assert describe_path("review_litigation.litigation_direct.total", "en") == (
        "Table 4 (Administrative reconsideration and litigation), "
        "litigation without prior reconsideration / total"
    )


def test_a_table_2_cell_names_its_block() -> None:
    assert describe_path("proactive.rules.in_force") == (
        "二、主动公开政府信息情况「第二十条第（一）项 / 规章 / 现行有效件数」"
    )


def test_the_version_decides_between_the_formats_labels() -> None:
    assert describe_path("proactive.licensing.decisions", version="2019").endswith(
        "/ 处理决定数量」"
    )
    assert describe_path("proactive.licensing.decisions", version="2021").endswith(
        "/ 本年处理决定数量」"
    )


def test_without_a_version_the_newest_format_is_looked_in_first() -> None:
    assert describe_path("proactive.licensing.decisions").endswith("/ 本年处理决定数量」")


def test_a_cell_only_the_other_format_has_is_still_named() -> None:
    assert describe_path("proactive.procurement.amount", version="2021").endswith(
        "政府集中采购 / 采购总金额」"
    )


def test_the_report_gives_the_version() -> None:
    report = load(DONGTOU)
    assert describe_path("proactive.licensing.decisions", report=report).endswith(
        "/ 处理决定数量」"
    )


def test_a_row_and_a_table_are_named() -> None:
    assert describe_path("applications.other_other") == (
        "三、收到和处理政府信息公开申请情况「三、本年度办理结果 / （六）其他处理 / 3.其他」"
    )
    assert (
        describe_path("applications", "en") == "Table 3 (Disclosure requests received and handled)"
    )


def test_last_years_and_the_source_reports_paths_say_whose_they_are() -> None:
    assert describe_path("previous.proactive.rules.in_force").startswith("上年报告：二、")
    assert describe_path("source.proactive.licensing.decisions", "en") == (
        "the report before migration: Table 2 (Proactive disclosure), "
        "administrative licensing / decisions"
    )


def test_a_source_path_is_looked_up_in_the_older_format_first() -> None:
    described = describe_path("source.proactive.licensing.decisions", version="2021")
    assert described.endswith("/ 处理决定数量」")


def test_metadata_and_fee_fields_are_named() -> None:
    assert describe_path("metadata.signing_date") == "成文日期"
    assert describe_path("metadata.contact.phone", "en") == "contact phone"
    assert describe_path("processing_fee.amount") == "信息处理费金额"


def test_sections_are_named_by_heading_with_the_report_and_by_position_without() -> None:
    report = load(DONGTOU)
    path = "sections[4].subsections[1]"
    assert describe_path(path, report=report) == "五、存在的主要问题及改进情况 / (二)改进措施。"
    assert describe_path(path) == "第5个部分第2个小标题"
    assert describe_path("sections.problems", "en") == "section 5 (Main problems and improvements)"


def test_an_extra_row_is_named_by_its_label_with_the_report() -> None:
    report = load(DONGTOU)
    extra = ExtraRow(label="其他主动公开文件", values=(1, 1, 1), after="rules")
    report = attrs.evolve(report, proactive=attrs.evolve(report.proactive, extra_rows=(extra,)))
    assert describe_path("proactive.extra_rows[0]", report=report).endswith(
        "「附加行：其他主动公开文件」"
    )
    assert describe_path("proactive.extra_rows[0]", "en") == (
        "Table 2 (Proactive disclosure), extra row 1"
    )


@pytest.mark.parametrize("path", ["applications.nothing.total", "nowhere", "sections.foo"])
def test_an_unknown_path_is_a_key_error_saying_what_was_expected(path: str) -> None:
    with pytest.raises(KeyError, match="no "):
        describe_path(path)


def test_every_declared_cell_of_either_format_is_named_in_both_languages() -> None:
    for spec in FORMATS.values():
        for table in spec.tables:
            for cell in table.cells:
                path = f"{table.id}.{cell.id}"
                assert cell.column.label in describe_path(path, version=spec.version)
                assert cell.column.english in describe_path(path, "en", version=spec.version)


def test_every_path_of_the_example_findings_is_named() -> None:
    report = load(DONGTOU)
    for finding in check(report):
        for path in finding.paths:
            assert describe_path(path, report=report)


def test_severities_have_chinese_labels() -> None:
    assert [s.label for s in Severity] == ["错误", "警告", "提示"]
    assert Severity.WARNING.label_in("en") == "warning"
    assert Severity.WARNING.label_in("zh") == "警告"
