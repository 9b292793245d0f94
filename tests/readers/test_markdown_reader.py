"""The Markdown reader: our own output reads back exactly (both table modes), hand-written
Markdown in the same layout is tolerated, and what cannot be read becomes a finding."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import consistent_reports, reports

from govinfo_report import (
    BLANK,
    NOT_APPLICABLE,
    ExtraRow,
    FormatVersion,
    Money,
    Report,
    Table,
    blank_report,
)
from govinfo_report.checks.findings import Status
from govinfo_report.readers import detect
from govinfo_report.readers.markdown import MarkdownReader
from govinfo_report.writers.markdown import MarkdownWriter, table_rows

READER = MarkdownReader()


def _document_order(report: Report) -> Report:
    """``report`` with each table's extra rows in the order a document shows them.

    A document shows rows by position; extra rows whose ``after`` differ can only be
    read back in that order, so the round trip is stated for reports in this order.
    """
    changes = {}
    for table in report.tables:
        placed = [row for _, row in table_rows(table.spec, table) if isinstance(row, ExtraRow)]
        changes[table.spec.id] = attrs.evolve(table, extra_rows=tuple(placed))
    return attrs.evolve(report, **changes)


def _round_trip(report: Report, tables: str) -> Report:
    text = MarkdownWriter(tables=tables).render(report)  # type: ignore[arg-type]
    return READER.read(text.encode("utf-8")).report


ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@ROUND_TRIP
@given(report=reports(), tables=st.sampled_from(["gfm", "html"]))
def test_any_report_reads_back_equal(report: Report, tables: str) -> None:
    report = _document_order(report)
    assert _round_trip(report, tables) == report


@ROUND_TRIP
@given(report=consistent_reports(), tables=st.sampled_from(["gfm", "html"]))
def test_consistent_report_reads_back_equal_without_findings(report: Report, tables: str) -> None:
    text = MarkdownWriter(tables=tables).render(report)  # type: ignore[arg-type]
    result = READER.read(text.encode("utf-8"))
    assert result.report == report
    assert result.findings == ()


# Text that Markdown would otherwise take for syntax, and any character a report may hold.
_SYNTAX = st.sampled_from(
    [
        "# 标题",
        "## x",
        "- 一是",
        "+ a",
        "* b",
        "1. 第一",
        "2021) 年",
        "> 引用",
        "---",
        "***",
        "___",
        "===",
        "| a | b |",
        "|---|",
        "**粗体**",
        "*斜*",
        "_x_",
        "`代码`",
        "~~删~~",
        "<p></p>",
        "<br>",
        "<strong>x</strong>",
        "&amp;",
        "&#32;",
        "\\",
        "\\*",
        "[链接](http://x)",
        "<http://x.cn>",
        "    缩进",
        "\t制表",
        "尾部  ",
        " ",
        "a\nb",
        "\n",
        "\n\n",
        "",
        " / ",
        "第二十条第（一）项",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "2021年1月22日",
        "一、总体情况",
    ]
)
_ANY = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r"), max_size=20
)
_TEXT = st.one_of(_SYNTAX, _ANY, st.lists(st.one_of(_SYNTAX, _ANY), max_size=4).map("".join))


@st.composite
def _tricky_reports(draw: st.DrawFn) -> Report:
    report = draw(reports())
    texts = st.lists(_TEXT, max_size=3).map(tuple)
    sections = tuple(
        attrs.evolve(
            section,
            paragraphs=draw(texts),
            subsections=tuple(
                attrs.evolve(sub, heading=draw(_TEXT), paragraphs=draw(texts))
                for sub in section.subsections
            ),
        )
        for section in report.sections
    )
    tables = {
        t.spec.id: attrs.evolve(
            t, extra_rows=tuple(attrs.evolve(e, label=draw(_TEXT)) for e in t.extra_rows)
        )
        for t in report.tables
    }
    meta = attrs.evolve(
        report.metadata,
        agency=draw(_TEXT),
        title=draw(st.one_of(st.none(), _TEXT)),
    )
    return attrs.evolve(report, metadata=meta, intro=draw(texts), sections=sections, **tables)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=_tricky_reports(), tables=st.sampled_from(["gfm", "html"]))
def test_text_that_looks_like_markdown_reads_back_exactly(report: Report, tables: str) -> None:
    report = _document_order(report)
    assert _round_trip(report, tables) == report
