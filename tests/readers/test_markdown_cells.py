"""The Markdown reader's table cells and labels, through the public reader: our own cell
texts read back exactly, hand-written ones by the shared cell reading, and row labels by
the shared matching (these were the Markdown pipeline's own unit tests; the shared
engine reads Markdown now)."""

from __future__ import annotations

from decimal import Decimal

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


def test_money_cell_with_a_unit_no_report_uses_is_blank_with_a_finding() -> None:
    # The old Markdown pipeline kept Money(12.50, "美元"); the shared reading knows the
    # units a 信息处理费 is stated in (元, 万元, 千元, 亿元) and does not carry an amount
    # in an unknown unit into a column of 万元 sums: it reports the text instead.
    result = MarkdownReader().read((_HEAD + _fees("12.50美元")).encode())
    assert result.report.proactive["fees.amount"] is BLANK
    assert [f.reported for f in result.findings if f.code == "R.CELL"] == ["12.50美元"]
    report, _ = _read(_fees("12.50万元"))
    assert report.proactive["fees.amount"] == Money(Decimal("12.50"), "万元")


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


def test_extra_value_with_a_count_unit_is_a_count() -> None:
    # The old Markdown pipeline kept "5件" as Money(5, "件"); 件 is a count's unit, and
    # the shared reading reads it as the count 5, as it does in a declared row.
    body = _table_2([("规章", "3"), ("其他文件", "5件")]) + "\n" + _table_2([("另一文件", "5")])
    report, _ = _read(body)
    values = [row.values for row in report.proactive.extra_rows]
    assert values == [(1, 2, 5), (1, 2, 5)]
    assert all(type(v) is int for row in values for v in row)


def test_row_label_with_a_typo_is_matched_by_the_shared_matching() -> None:
    report, variants = _read(_table_2([("规章", "3"), ("行政规范姓文件", "3")]))
    assert report.proactive["rules.in_force"] == 3
    assert report.proactive["normative_documents.in_force"] == 3
    assert variants == ["行政规范姓文件"]


def test_row_label_with_a_bracketed_note_is_matched_but_a_fragment_is_not() -> None:
    # The old Markdown pipeline matched any label contained in a format label, so "规范性"
    # became 行政规范性文件; a fragment is as likely another kind of document (其他规范性
    # 文件), so the shared matching keeps it as an extra row with a notice instead.
    result = MarkdownReader().read(
        (_HEAD + _table_2([("规章（设区的市）", "3"), ("规范性", "3")])).encode()
    )
    assert result.report.proactive["rules.in_force"] == 3
    assert result.report.proactive["normative_documents.in_force"] is BLANK
    assert [row.label for row in result.report.proactive.extra_rows] == ["规范性"]
    assert [f.reported for f in result.findings if f.code == LABEL_VARIANT] == ["规章（设区的市）"]
