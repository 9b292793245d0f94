"""The Markdown reader: our own output reads back exactly (both table modes), hand-written
Markdown in the same layout is tolerated, and what cannot be read becomes a finding."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report import (
    BLANK,
    NOT_APPLICABLE,
    AgencyKind,
    ExtraRow,
    FormatVersion,
    Money,
    ProcessingFee,
    Report,
    Table,
    blank_report,
    get_format,
)
from govinfo_report.checks.findings import Status
from govinfo_report.errors import ReportReadError
from govinfo_report.formats import TableSpec
from govinfo_report.readers import detect
from govinfo_report.readers._cells import is_value
from govinfo_report.readers._labels import normalize, strip_ordinal
from govinfo_report.readers._table_index import spec_index
from govinfo_report.readers.markdown import MarkdownReader
from govinfo_report.writers.markdown import PATH_SEPARATOR, MarkdownWriter, table_rows
from strategies import consistent_reports, reports

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
    st.characters(
        blacklist_categories=("Cs", "Cc"),
        blacklist_characters="\ufffe\uffff",  # non-characters: no writer can store them
        whitelist_characters="\t\n\r",
    ),
    max_size=20,
)
_TEXT = st.one_of(_SYNTAX, _ANY, st.lists(st.one_of(_SYNTAX, _ANY), max_size=4).map("".join))


_OFFICIAL = frozenset(
    strip_ordinal(normalize(part))
    for version in FormatVersion
    for table in get_format(version).tables
    for row in table.rows
    for part in row.label_path
)
"""Every official row label (and group label) of either format, as the reader compares them."""


_DITTO = frozenset({"〃", '"', "”", "“", "同上"})
"""Ditto marks: a label cell holding one means "as the row above" in print."""


def _official(text: str) -> bool:
    """Whether ``text`` or a part of it is an official label or a ditto mark."""
    parts = (text, *text.split(PATH_SEPARATOR))
    return any(strip_ordinal(normalize(p)) in _OFFICIAL or p.strip() in _DITTO for p in parts)


_LABEL = _TEXT.filter(
    lambda t: (
        t.strip()
        and not any(is_value(part) for part in (t, *t.split(PATH_SEPARATOR)))
        and not _official(t)
        and "第二十条" not in t
        and "勾稽关系" not in t
    )
)
"""An extra row's label: visible, with no part that reads as a value (``12``, ``/``,
``0 / 0``), not an official row's label or a ditto mark, not a Table 2 caption and not Table 3's note,
which no print can tell from a value, that row, a caption or the note
(docs/readers/markdown.md, Limits)."""


def _label_alone(spec: TableSpec) -> st.SearchStrategy[str]:
    """The label of an extra row with no cells: not a word of ``spec``'s header either,
    as which a row holding nothing else reads (docs/readers/markdown.md, Limits)."""
    index = spec_index(spec)

    def header_word(text: str) -> bool:
        return any(
            index.header_words.match(part, fuzzy=False) is not None
            or any(column.match(part) is not None for column in index.columns.values())
            for part in (text, *text.split(PATH_SEPARATOR))
        )

    return _LABEL.filter(lambda text: not header_word(text))


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
            t,
            extra_rows=tuple(
                attrs.evolve(e, label=draw(_LABEL if e.values else _label_alone(t.spec)))
                for e in t.extra_rows
            ),
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


# --- hand-written Markdown in the same layout -------------------------------------------

HANDWRITTEN = """\
# 某某县审计局2022年政府信息公开工作年度报告

本报告依据《条例》编制。

## 一、总体情况

全年主动公开信息 86 条，
其中 policy documents 3 件。

## 二、主动公开政府信息情况

第二十条第(一)项

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 规范性文件 | 1 | 0 | 4 |

**第二十条第(五)项**

| 信息内容 | 本年处理决定数量 |
|---|---|
| 行政许可 | 1,204 |

| 信息内容 | 本年处理决定数量 |
|---|---|
| 行政处罚 | 十二 |
| 行政强制 | / |

## 三、收到和处理政府信息公开申请情况

| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |
| (一)予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |
| 其他主动公开文件 | 7 | | | | | | |
| （七） 总计 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |

## 四、政府信息公开行政复议、行政诉讼情况

| | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|---|---|---|---|---|---|
| 行政复议 | 1 | 0 | 0 | 0 | 1 |

## 五、存在的主要问题及改进情况

**（一）存在的主要问题。**一是公开不够及时。

**（二）改进措施。**

一是加强培训。

## 六、其他需要报告的事项

本年度未收取信息处理费。

某某县审计局

2023年1月16日
"""


def _read_handwritten() -> tuple[Report, tuple[object, ...]]:
    report, findings = READER.read(HANDWRITTEN.encode("utf-8"))
    return report, findings  # type: ignore[return-value]


def test_handwritten_title_gives_agency_year_and_format() -> None:
    report, _ = _read_handwritten()
    meta = report.metadata
    assert (meta.agency, meta.year, meta.title) == ("某某县审计局", 2022, None)
    assert meta.format_version is FormatVersion.V2021


def test_handwritten_signature_gives_signing_date_and_leaves_section_six() -> None:
    report, _ = _read_handwritten()
    assert report.metadata.signing_date == dt.date(2023, 1, 16)
    assert report.section("other").paragraphs == ("本年度未收取信息处理费。",)  # type: ignore[union-attr]


def test_wrapped_lines_join_without_a_space_between_chinese_characters() -> None:
    report, _ = _read_handwritten()
    assert report.section("overview").paragraphs == (  # type: ignore[union-attr]
        "全年主动公开信息 86 条，其中 policy documents 3 件。",
    )


def test_bold_run_in_heading_without_a_space_is_a_subsection() -> None:
    report, _ = _read_handwritten()
    subs = report.section("problems").subsections  # type: ignore[union-attr]
    assert [(s.heading, s.paragraphs, s.run_in) for s in subs] == [
        ("（一）存在的主要问题。", ("一是公开不够及时。",), True),
        ("（二）改进措施。", ("一是加强培训。",), True),
    ]


def test_half_width_parentheses_and_spaces_in_labels_still_match() -> None:
    report, findings = _read_handwritten()
    assert report.applications["disclosed.total"] == 4
    assert report.applications["total_outcomes.natural_person"] == 3
    variants = {f.paths[0] for f in findings if f.code == "R.LABEL_VARIANT"}  # type: ignore[attr-defined]
    assert {"applications.disclosed", "applications.total_outcomes"} <= variants


def test_label_variant_of_a_table_2_row_is_matched_and_noted() -> None:
    report, findings = _read_handwritten()
    assert report.proactive["normative_documents.in_force"] == 4
    assert any(
        f.code == "R.LABEL_VARIANT" and f.reported == "规范性文件"  # type: ignore[attr-defined]
        for f in findings
    )


def test_caption_paragraph_is_not_section_text() -> None:
    report, _ = _read_handwritten()
    assert report.section("proactive").paragraphs == ()  # type: ignore[union-attr]


def test_thousands_separator_is_read_and_slash_is_not_applicable() -> None:
    report, _ = _read_handwritten()
    assert report.proactive["licensing.decisions"] == 1204
    assert report.proactive["enforcement.decisions"] is NOT_APPLICABLE


def test_unreadable_cell_is_blank_with_an_uncertain_finding_naming_it() -> None:
    report, findings = _read_handwritten()
    assert report.proactive["penalties.decisions"] is BLANK
    (finding,) = [f for f in findings if f.code == "R.CELL"]  # type: ignore[attr-defined]
    assert finding.status is Status.UNCERTAIN  # type: ignore[attr-defined]
    assert finding.paths == ("proactive.penalties.decisions",)  # type: ignore[attr-defined]
    assert finding.reported == "十二"  # type: ignore[attr-defined]


def test_unknown_row_is_kept_as_extra_row_after_the_row_it_follows() -> None:
    report, findings = _read_handwritten()
    assert report.applications.extra_rows == (
        ExtraRow(
            label="其他主动公开文件",
            values=(7, BLANK, BLANK, BLANK, BLANK, BLANK, BLANK),
            after="disclosed",
        ),
    )
    assert any(f.code == "R.EXTRA_ROW" for f in findings)  # type: ignore[attr-defined]


def test_rows_missing_from_a_table_are_blank_with_a_finding() -> None:
    report, findings = _read_handwritten()
    assert report.applications["carried_over.total"] is BLANK
    missing = [f for f in findings if f.code == "R.ROW_MISSING"]  # type: ignore[attr-defined]
    assert any("applications.carried_over.total" in f.paths for f in missing)  # type: ignore[attr-defined]
    assert all(f.status is Status.UNCERTAIN for f in missing)  # type: ignore[attr-defined]


def test_missing_table_is_blank_with_a_finding() -> None:
    text = HANDWRITTEN.split("## 四、")[0] + "## 四、政府信息公开行政复议、行政诉讼情况\n"
    report, findings = READER.read(text.encode("utf-8"))
    assert report.review_litigation == Table.blank(report.review_litigation.spec)
    assert [f.paths for f in findings if f.code == "R.TABLE_MISSING"] == [("review_litigation",)]


def test_without_front_matter_the_agency_kind_is_assumed_and_said() -> None:
    _, findings = _read_handwritten()
    assert [f.paths for f in findings if f.code == "R.AGENCY_KIND"] == [("metadata.agency_kind",)]  # type: ignore[attr-defined]


# --- format detection, sniffing, bad input ------------------------------------------------


def test_format_version_is_detected_from_table_labels() -> None:
    report = blank_report(year=2021, agency="某局", fill=0)  # 2021 tables
    wrong_year = attrs.evolve(report.metadata, year=2020)  # a 2020 report on 2021 tables
    text = MarkdownWriter().render(attrs.evolve(report, metadata=wrong_year))
    body = text.split("\n---\n", 1)[1]  # without the front matter
    assert READER.read(body.encode()).report.metadata.format_version is FormatVersion.V2021


def test_sniff_accepts_our_output_and_a_handwritten_report() -> None:
    ours = MarkdownWriter().render(blank_report(year=2021, agency="某局")).encode()
    assert READER.sniff(ours)
    assert READER.sniff(HANDWRITTEN.encode())


def test_sniff_rejects_other_markdown_and_html() -> None:
    assert not READER.sniff(b"# README\n\nSome project.\n\n| a | b |\n|---|---|\n")
    assert not READER.sniff(b"<html><body><h1>\xe6\x94\xbf</h1></body></html>")


def test_detect_picks_the_markdown_reader_for_our_output() -> None:
    ours = MarkdownWriter().render(blank_report(year=2021, agency="某局")).encode()
    assert detect(ours, ".md").name == "markdown"


def test_not_utf8_is_a_clear_error() -> None:
    with pytest.raises(ReportReadError, match=r"not UTF-8 text: byte 0xff at offset 2"):
        READER.read(b"# \xff\xfe", source="x.md")


def test_markdown_that_is_not_a_report_is_a_clear_error() -> None:
    with pytest.raises(ReportReadError, match="does not look like a report"):
        READER.read(b"# Hello\n\nJust some notes.\n", source="notes.md")


def test_report_without_a_year_is_a_clear_error() -> None:
    with pytest.raises(ReportReadError, match="cannot tell which year"):
        READER.read("# 某局年度报告\n\n## 一、总体情况\n\n文字。\n".encode(), source="r.md")


def test_broken_front_matter_is_a_finding_and_the_body_is_still_read() -> None:
    report = blank_report(year=2021, agency="某局", fill=0)
    text = (
        MarkdownWriter().render(report).replace('agency_kind: "department"', 'agency_kind: "moon"')
    )
    result = READER.read(text.encode())
    assert result.report.applications == report.applications
    assert [f.code for f in result.findings] == ["R.MARKDOWN.FRONT_MATTER"]


def test_front_matter_that_disagrees_with_the_title_loses_to_the_title() -> None:
    report = blank_report(year=2021, agency="某局", fill=0)
    text = MarkdownWriter().render(report).replace('agency: "某局"', 'agency: "别的局"')
    result = READER.read(text.encode())
    assert result.report.metadata.agency == "某局"
    assert [f.code for f in result.findings] == ["R.MARKDOWN.FRONT_MATTER"]


def test_money_cell_with_a_unit_keeps_it() -> None:
    report = blank_report(year=2021, agency="某局")
    report = attrs.evolve(
        report, proactive=report.proactive.replace({"fees.amount": Money(Decimal("12.50"), "元")})
    )
    back = _round_trip(report, "gfm")
    assert back.proactive["fees.amount"] == Money(Decimal("12.50"), "元")
    assert str(back.proactive["fees.amount"]) == "12.50元"


def test_table_4_as_one_row_of_fifteen_composite_columns_is_read() -> None:
    group = get_format("2021").review_litigation.groups[0]
    header = [
        PATH_SEPARATOR.join((*row.label_path, column.label))
        for row in group.rows
        for column in group.columns
    ]
    text = (
        "# 某局2022年政府信息公开工作年度报告\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n"
        f"| | {' | '.join(header)} |\n|{'---|' * 16}\n| | {' | '.join(map(str, range(15)))} |\n"
    )
    report, findings = READER.read(text.encode())
    assert report.review_litigation.values == tuple(range(15))
    assert not [f for f in findings if f.paths and f.paths[0].startswith("review_litigation")]


def test_agency_alone_in_the_signature_is_not_taken_for_a_date() -> None:
    report = blank_report(year=2021, agency="2021年1月22日")
    assert READER.read(MarkdownWriter().render(report).encode()).report == report


def test_agency_whose_last_line_reads_as_a_date_is_not_taken_for_the_date() -> None:
    report = blank_report(year=2021, agency="某局\n2021年1月22日")
    assert READER.read(MarkdownWriter().render(report).encode()).report == report


def test_handwritten_signature_date_in_chinese_numerals_is_read() -> None:
    text = HANDWRITTEN.replace("2023年1月16日", "二〇二三年一月十六日")
    report, _ = READER.read(text.encode("utf-8"))
    assert report.metadata.signing_date == dt.date(2023, 1, 16)
    assert report.section("other").paragraphs == ("本年度未收取信息处理费。",)  # type: ignore[union-attr]


def test_handwritten_report_of_a_government_reads_its_kind_and_fee_like_html() -> None:
    # The Markdown reader had its own pipeline, which read any hand-written report as a
    # department and left the 信息处理费 unread; the shared engine reads both.
    text = HANDWRITTEN.replace("某某县审计局", "某某县人民政府")
    report, _ = READER.read(text.encode("utf-8"))
    assert report.metadata.agency_kind is AgencyKind.GOVERNMENT
    assert report.processing_fee == ProcessingFee(amount=Decimal(0))


def test_our_markdown_gives_no_agency_kind_or_fee_finding() -> None:
    report = blank_report(year=2021, agency="某县人民政府", fill=0)
    report = attrs.evolve(report, processing_fee=ProcessingFee(amount=Decimal("80.50")))
    result = READER.read(MarkdownWriter().render(report).encode())
    assert result.report == report
    assert not {f.code for f in result.findings} & {"R.AGENCY_KIND", "R.FEE"}
