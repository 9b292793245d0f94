"""The Markdown writer: golden files for both formats and both table modes, every cell
found where a Markdown parser puts it, the official merges in HTML mode, determinism."""

from __future__ import annotations

import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
import yaml
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from govinfo_report import (
    NOT_APPLICABLE,
    Contact,
    ExtraRow,
    FormatVersion,
    Money,
    ProcessingFee,
    Report,
    Subsection,
    blank_report,
    get_format,
)
from govinfo_report.errors import ReportWriteError, UnknownFormatError
from govinfo_report.formats import CellKind
from govinfo_report.model import Table
from govinfo_report.writers import get_writer, render
from govinfo_report.writers.markdown import PATH_SEPARATOR, MarkdownWriter

GOLDEN = Path(__file__).parent / "golden"
MD = MarkdownIt("commonmark").enable("table")


def _small_report(version: FormatVersion) -> Report:
    """A fixed report: some numbers, a blank, a "/", money with a unit, an extra row,
    a run-in sub-heading and text that looks like Markdown syntax."""
    year = 2021 if version is FormatVersion.V2021 else 2020
    report = blank_report(version, year=year, agency="某某县自然资源局")
    t2 = report.proactive
    money_cell = next(c.id for c in t2.spec.cells if c.kind is CellKind.MONEY)
    t2 = t2.replace(
        {
            f"rules.{t2.spec.groups[0].columns[0].id}": 3,
            money_cell: Money(Decimal("12.5"), "万元"),
        }
    )
    t2 = attrs.evolve(
        t2,
        extra_rows=(ExtraRow(label="其他主动公开文件", values=(4,), after="normative_documents"),),
    )
    t3 = report.applications.replace(
        {
            "new_received.natural_person": 5,
            "new_received.total": 5,
            "disclosed.natural_person": 2,
            "withheld_state_secret.commercial_enterprise": NOT_APPLICABLE,
            "total_outcomes.natural_person": 2,
            "carried_forward.natural_person": 3,
        }
    )
    t4 = report.review_litigation.replace({"review.upheld": 1, "review.total": 1})
    sections = list(report.sections)
    sections[0] = attrs.evolve(
        sections[0],
        paragraphs=("1. 全年主动公开信息 86 条", "# 不是标题 | 也不是表格 *强调*"),
        subsections=(Subsection(heading="（一）主动公开", paragraphs=("- 不是列表",)),),
    )
    sections[4] = attrs.evolve(
        sections[4],
        subsections=(
            Subsection(
                heading="（一）存在的主要问题。", paragraphs=("一是公开不够及时。",), run_in=True
            ),
        ),
    )
    meta = attrs.evolve(
        report.metadata,
        signing_date=dt.date(year + 1, 1, 22),
        contact=Contact(office="局办公室", phone="0577-1234567"),
    )
    return attrs.evolve(
        report,
        metadata=meta,
        intro=("本报告依据《中华人民共和国政府信息公开条例》编制。",),
        sections=tuple(sections),
        proactive=t2,
        applications=t3,
        review_litigation=t4,
        processing_fee=ProcessingFee(amount=Decimal("0")),
    )


def _full_report() -> Report:
    """The 2021 format with every cell a distinct number, so misplacement shows."""
    report = blank_report(year=2021, agency="某局")
    tables = {}
    for k, table in enumerate(report.tables):
        values = tuple(
            Money(Decimal(f"{100 * k + i}.25")) if c.kind is CellKind.MONEY else 100 * k + i
            for i, c in enumerate(table.spec.cells)
        )
        tables[table.spec.id] = attrs.evolve(table, values=values)
    return attrs.evolve(report, **tables)


@pytest.mark.parametrize("version", list(FormatVersion), ids=lambda v: v.value)
@pytest.mark.parametrize("tables", ["gfm", "html"])
def test_output_matches_golden_file(version: FormatVersion, tables: str) -> None:
    text = MarkdownWriter(tables=tables).render(_small_report(version))  # type: ignore[arg-type]
    golden = GOLDEN / f"report_{version.value}_{tables}.md"
    if os.environ.get("GOVINFO_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


# --- GFM tables, read with markdown-it-py ------------------------------------------------


def _gfm_tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every table as (header cells, body rows) as markdown-it-py parses it."""
    tables: list[tuple[list[str], list[list[str]]]] = []
    rows: list[list[str]] | None = None
    for tok in MD.parse(text):
        if tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open" and rows is not None:
            rows.append([])
        elif tok.type == "inline" and rows:
            rows[-1].append("".join(c.content for c in tok.children or []))
        elif tok.type == "table_close" and rows:
            tables.append((rows[0], rows[1:]))
            rows = None
    return tables


def test_every_cell_value_is_in_its_row_and_column_of_a_gfm_table() -> None:
    report = _full_report()
    tables = _gfm_tables(MarkdownWriter().render(report))
    found: dict[tuple[str, str], str] = {}
    for header, body in tables:
        for row in body:
            for name, value in zip(header[1:], row[1:], strict=True):
                found[(row[0], name)] = value
    for table in report.tables:
        spec = table.spec
        for cell, value in table.items():
            parts = [p for p in (spec.column_group, cell.column.parent) if p]
            column = PATH_SEPARATOR.join([*parts, cell.column.label])
            row = PATH_SEPARATOR.join(cell.row.label_path)
            assert found[(row, column)] == (
                f"{value.amount:f}" if isinstance(value, Money) else str(value)
            ), cell.id


def test_table_2_is_one_table_per_block_with_its_caption_in_bold_above() -> None:
    spec = get_format("2021").proactive
    text = MarkdownWriter().render(_full_report())
    for group in spec.groups:
        header = (
            "| "
            + " | ".join([group.header_first_cell or "", *(c.label for c in group.columns)])
            + " |"
        )
        assert f"**{group.caption}**\n\n{header}\n" in text


def test_table_3_states_the_corner_note_once_above_the_table() -> None:
    spec = get_format("2021").applications
    text = MarkdownWriter().render(_full_report())
    assert text.count(spec.corner_note) == 1  # type: ignore[arg-type]
    assert f"{spec.corner_note}\n\n|  | {spec.column_group} / " in text


def test_table_4_is_three_rows_of_five_columns() -> None:
    *_, (header, body) = _gfm_tables(MarkdownWriter().render(_full_report()))
    group = get_format("2021").review_litigation.groups[0]
    assert header == ["", *(c.label for c in group.columns)]
    assert [row[0] for row in body] == [PATH_SEPARATOR.join(r.label_path) for r in group.rows]


def test_blank_stays_empty_and_not_applicable_prints_a_slash() -> None:
    text = MarkdownWriter().render(_small_report(FormatVersion.V2021))
    row = next(line for line in text.splitlines() if "1.属于国家秘密" in line)
    assert row.endswith("1.属于国家秘密 |  | / |  |  |  |  |  |")


def test_extra_row_follows_the_row_it_was_after_with_only_its_own_cells() -> None:
    text = MarkdownWriter().render(_small_report(FormatVersion.V2021))
    assert "| 行政规范性文件 |  |  |  |\n| 其他主动公开文件 | 4 |\n" in text


def test_paragraph_text_that_looks_like_markdown_is_escaped() -> None:
    text = MarkdownWriter().render(_small_report(FormatVersion.V2021))
    assert "\n1\\. 全年主动公开信息 86 条\n" in text
    assert "\n\\# 不是标题 \\| 也不是表格 \\*强调\\*\n" in text
    assert "\n\\- 不是列表\n" in text


def test_run_in_subsection_is_bold_heading_then_text_in_one_paragraph() -> None:
    text = MarkdownWriter().render(_small_report(FormatVersion.V2021))
    assert "\n**（一）存在的主要问题。** 一是公开不够及时。\n" in text


def test_signature_ends_the_document_with_the_date_written_out() -> None:
    text = MarkdownWriter().render(_small_report(FormatVersion.V2021))
    assert text.endswith("\n---\n\n某某县自然资源局\\\n2022年1月22日\n")


def test_front_matter_holds_identity_and_unprinted_fields() -> None:
    text = MarkdownWriter().render(_small_report(FormatVersion.V2019))
    head = text.split("\n---\n", 1)[0]
    assert head.splitlines() == [
        "---",
        "govinfo-report: 1",
        'format_version: "2019"',
        "year: 2020",
        'agency: "某某县自然资源局"',
        'agency_kind: "department"',
        "contact:",
        '  office: "局办公室"',
        '  phone: "0577-1234567"',
        "processing_fee:",
        '  amount: "0"',
        'printed: ["contact", "processing_fee"]',
    ]


def test_front_matter_is_yaml_that_holds_any_agency_name() -> None:
    agency = '某局: "引号" # \\ \u2028 \ufeff'
    text = MarkdownWriter().render(blank_report(year=2021, agency=agency))
    assert yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))["agency"] == agency


# --- HTML tables -----------------------------------------------------------------------


def _html_tables(text: str) -> list[list[list[tuple[str, int, int]]]]:
    """Every HTML table as rows of (text, rowspan, colspan)."""
    tables = []
    for tok in MD.parse(text):
        if tok.type == "html_block" and tok.content.startswith("<table>"):
            table = lxml_html.fragment_fromstring(tok.content)
            tables.append(
                [
                    [
                        (c.text_content(), int(c.get("rowspan", 1)), int(c.get("colspan", 1)))
                        for c in tr
                    ]
                    for tr in table.iter("tr")
                ]
            )
    return tables


@pytest.mark.parametrize(("version", "outcomes"), [("2021", 22), ("2019", 20)])
def test_html_table_3_has_the_official_merges(version: str, outcomes: int) -> None:
    spec = get_format(version).applications
    report = blank_report(version, year=2021 if version == "2021" else 2020, agency="某局")
    _, t3, _ = _html_tables(MarkdownWriter(tables="html").render(report))
    assert t3[0] == [(spec.corner_note, 3, 3), (spec.column_group, 1, 7)]
    assert t3[1][1] == ("法人或其他组织", 1, 5)
    assert [c[0] for c in t3[2]] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    spans = {text: (rs, cs) for row in t3[3:] for text, rs, cs in row if text}
    assert spans["三、本年度办理结果"] == (outcomes, 1)
    assert spans["（三）不予公开"] == (8, 1)
    assert spans["（四）无法提供"] == (3, 1)
    assert spans["（五）不予处理"] == (5, 1)
    assert spans["一、本年新收政府信息公开申请数量"] == (1, 3)
    assert spans["（一）予以公开"] == (1, 2)
    assert len(t3) == 3 + len(spec.rows)


def test_html_table_3_other_handling_spans_two_levels_in_2019_and_groups_three_rows_in_2021() -> (
    None
):
    _, t2021, _ = _html_tables(MarkdownWriter(tables="html").render(blank_report(year=2021)))
    _, t2019, _ = _html_tables(MarkdownWriter(tables="html").render(blank_report(year=2020)))
    assert ("（六）其他处理", 3, 1) in [c for row in t2021 for c in row]
    assert ("（六）其他处理", 1, 2) in [c for row in t2019 for c in row]


def test_html_table_4_has_its_four_official_rows() -> None:
    *_, t4 = _html_tables(MarkdownWriter(tables="html").render(_full_report()))
    labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert t4[0] == [("行政复议", 1, 5), ("行政诉讼", 1, 10)]
    assert t4[1] == [*((x, 2, 1) for x in labels), ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)]
    assert [c[0] for c in t4[2]] == labels * 2
    assert [c[0] for c in t4[3]] == [str(200 + i) for i in range(15)]


def test_html_table_2_spans_the_single_value_blocks_across_the_width() -> None:
    t2, *_ = _html_tables(MarkdownWriter(tables="html").render(_full_report()))
    assert t2[0] == [("第二十条第（一）项", 1, 4)]
    assert t2[4] == [("第二十条第（五）项", 1, 4)]
    assert t2[5] == [("信息内容", 1, 1), ("本年处理决定数量", 1, 3)]
    assert t2[6] == [("行政许可", 1, 1), ("6", 1, 3)]


def test_html_cells_are_escaped() -> None:
    report = blank_report(year=2021, agency="某局")
    t3 = attrs.evolve(report.applications, extra_rows=(ExtraRow(label="<b>&</b>", values=()),))
    text = MarkdownWriter(tables="html").render(attrs.evolve(report, applications=t3))
    assert '<td colspan="3">&lt;b&gt;&amp;&lt;/b&gt;</td>' in text


# --- the writer as a whole ---------------------------------------------------------------


@pytest.mark.parametrize("tables", ["gfm", "html"])
def test_same_report_gives_the_same_bytes(tables: str) -> None:
    report = _small_report(FormatVersion.V2021)
    first, second = io.BytesIO(), io.BytesIO()
    MarkdownWriter(tables=tables).write(report, first)  # type: ignore[arg-type]
    MarkdownWriter(tables=tables).write(attrs.evolve(report), second)  # type: ignore[arg-type]
    assert first.getvalue() == second.getvalue()
    assert first.getvalue().decode("utf-8").endswith("日\n")


def test_registry_builds_the_writer_with_its_option() -> None:
    writer = get_writer("markdown", tables="html")
    assert (writer.name, writer.suffix, writer.binary) == ("markdown", ".md", False)
    assert b"<table>" in render(blank_report(year=2021), "markdown", tables="html")


def test_unknown_table_mode_is_a_clear_error() -> None:
    with pytest.raises(
        UnknownFormatError,
        match=r"unknown Markdown table mode 'pdf'; expected one of 'gfm', 'html'",
    ):
        MarkdownWriter(tables="pdf")  # type: ignore[arg-type]


def test_control_character_in_text_is_a_clear_error() -> None:
    report = attrs.evolve(blank_report(year=2021), intro=("坏\x07字符",))
    with pytest.raises(ReportWriteError, match="control character U\\+0007"):
        MarkdownWriter().render(report)


@pytest.mark.parametrize("char", ["\x0b", "\ud800", "\ufffe"])
def test_contact_details_markdown_cannot_hold_are_a_clear_error(char: str) -> None:
    # The contact goes into the front matter and the intro: refused there as in the text.
    report = blank_report(year=2021)
    contact = Contact(office=f"办{char}公室")
    report = attrs.evolve(report, metadata=attrs.evolve(report.metadata, contact=contact))
    with pytest.raises(ReportWriteError, match=rf"U\+{ord(char):04X}"):
        MarkdownWriter().write(report, io.BytesIO())


def test_a_rule_can_be_replaced() -> None:
    writer = MarkdownWriter()
    writer.rules["signature"] = lambda _w, meta: f"（{meta.agency}）"
    assert writer.render(blank_report(year=2021, agency="某局")).endswith("（某局）\n")


def test_blank_table_cells_are_never_written_as_zero() -> None:
    report = blank_report(year=2021, agency="某局")
    text = MarkdownWriter().render(report)
    body = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert not any(" 0 " in line for line in body)
    assert Table.blank(report.applications.spec) == report.applications


def test_empty_contact_is_an_empty_mapping_in_the_front_matter() -> None:
    report = blank_report(year=2021, agency="某局")
    report = attrs.evolve(report, metadata=attrs.evolve(report.metadata, contact=Contact()))
    assert "\ncontact: {}\n" in MarkdownWriter().render(report)
