"""The Markdown reader's table cells and labels, through the public reader: our own cell
texts read back exactly, hand-written ones by the shared cell reading, and row labels by
the shared matching (these were the Markdown pipeline's own unit tests; the shared
engine reads Markdown now)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govinfo_report import BLANK, NOT_APPLICABLE, Money, Report
from govinfo_report.readers._findings import LABEL_VARIANT
from govinfo_report.readers.markdown import MarkdownReader

_HEAD = "# 某县审计局2022年政府信息公开工作年度报告\n\n## 二、主动公开政府信息情况\n\n"


def _read(body: str) -> tuple[Report, list[str]]:
    result = MarkdownReader().read((_HEAD + body).encode(), source="t.md")
    variants = [str(f.reported) for f in result.findings if f.code == LABEL_VARIANT]
    return result.report, variants


def _table_2(rows: list[tuple[str, str]]) -> str:
    lines = "".join(f"| {label} | 1 | 2 | {value} |\n" for label, value in rows)
    return "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n" + lines


def _fees(text: str) -> str:
    return f"| 信息内容 | 本年收费金额（单位：万元） |\n|---|---|\n| 行政事业性收费 | {text} |\n"


@pytest.mark.xfail(
    strict=True,
    reason="the Markdown pipeline's own tolerance, not yet in the shared engine (issue 8)",
)
def test_money_cell_keeps_a_unit_the_shared_reading_does_not_know() -> None:
    report, _ = _read(_fees("12.50美元"))
    assert report.proactive["fees.amount"] == Money(Decimal("12.50"), "美元")


def test_count_cell_is_read_by_the_shared_reading() -> None:
    texts = ["１２", "1,234件", " / ", "", "−8"]
    report, _ = _read(_table_2([("规章", texts[0]), ("行政规范性文件", texts[1])]))
    assert report.proactive["rules.in_force"] == 12
    assert report.proactive["normative_documents.in_force"] == 1234
    for text, expected in zip(texts[2:], [NOT_APPLICABLE, BLANK, -8], strict=True):
        report, _ = _read(_table_2([("规章", text)]))
        assert report.proactive["rules.in_force"] == expected


def test_count_cell_that_is_no_number_is_blank_with_a_finding() -> None:
    result = MarkdownReader().read((_HEAD + _table_2([("规章", "十二")])).encode())
    assert result.report.proactive["rules.in_force"] is BLANK
    assert [f.reported for f in result.findings if f.code == "R.CELL"] == ["十二"]


@pytest.mark.xfail(
    strict=True,
    reason="the Markdown pipeline's own tolerance, not yet in the shared engine (issue 8)",
)
def test_extra_value_with_a_unit_stays_money_as_written() -> None:
    body = _table_2([("规章", "3"), ("其他文件", "5件")]) + "\n" + _table_2([("另一文件", "5")])
    report, _ = _read(body)
    values = [row.values for row in report.proactive.extra_rows]
    assert values[0][-1] == Money(Decimal(5), "件")
    assert values[1][-1] == 5


def test_row_label_with_a_typo_is_matched_by_the_shared_matching() -> None:
    report, variants = _read(_table_2([("规章", "3"), ("行政规范姓文件", "3")]))
    assert report.proactive["rules.in_force"] == 3
    assert report.proactive["normative_documents.in_force"] == 3
    assert variants == ["行政规范姓文件"]


@pytest.mark.xfail(
    strict=True,
    reason="the Markdown pipeline's own tolerance, not yet in the shared engine (issue 8)",
)
def test_row_label_contained_in_the_format_label_is_matched() -> None:
    report, variants = _read(_table_2([("规章（设区的市）", "3"), ("规范性", "3")]))
    assert report.proactive["normative_documents.in_force"] == 3
    assert variants == ["规章（设区的市）", "规范性"]
