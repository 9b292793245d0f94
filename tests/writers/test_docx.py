"""The DOCX writer: every cell read back, the official merges, GB/T 9704 layout, styles,
signature, determinism, embedded data, templates, and clear errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import attrs
import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx_grid import (
    expected_cells,
    extra_row_positions,
    grid,
    read_extra_row,
    render,
    reopen,
    writable,
)
from hypothesis import HealthCheck, given, settings
from lxml import etree

from govinfo_report import (
    BLANK,
    NOT_APPLICABLE,
    Contact,
    ExtraRow,
    FormatVersion,
    Money,
    Report,
    ReportWriteError,
    Section,
    Subsection,
    _embedded,
    blank_report,
    fill_totals,
    get_format,
    read_report,
)
from govinfo_report.model import format_value
from govinfo_report.readers._known import from_unprinted
from govinfo_report.serialize import dumps
from govinfo_report.writers import render as render_with
from govinfo_report.writers import write_report
from govinfo_report.writers.docx import DocxWriter
from strategies import consistent_reports, reports

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LABEL_COLUMNS = {"proactive": 1, "applications": 3, "review_litigation": 5}
SIGNED = dt.date(2022, 1, 22)


def numbered(version: str = "2021", year: int = 2021, agency: str = "温州市洞头区政务服务中心"):
    """A report with a distinct number in every cell, totals filled, signed, with text."""
    report = blank_report(version, year=year, agency=agency)
    for table in report.tables:
        values = tuple(
            Money(Decimal("7730.28")) if c.kind.value == "money" else 100 + i
            for i, c in enumerate(table.spec.cells)
        )
        report = attrs.evolve(report, **{table.spec.id: attrs.evolve(table, values=values)})
    report = fill_totals(report)
    sections = tuple(attrs.evolve(s, paragraphs=(f"{s.heading}的正文。",)) for s in report.sections)
    return attrs.evolve(
        report,
        intro=("本年度报告根据《中华人民共和国政府信息公开条例》编制。",),
        sections=sections,
        metadata=attrs.evolve(report.metadata, signing_date=SIGNED),
    )


# --- every cell reads back ---------------------------------------------------------------


def assert_tables_read_back(report: Report, data: bytes) -> None:
    tables = reopen(data).tables
    assert len(tables) == 3
    for model, table in zip(report.tables, tables, strict=True):
        rows = grid(table)
        for (r, c), text in expected_cells(model).items():
            assert rows[r][c].text == text, (model.spec.id, r, c)
        for r, extra in extra_row_positions(model):
            label, values = read_extra_row(rows[r], LABEL_COLUMNS[model.spec.id])
            assert (label, values) == (extra.label, tuple(format_value(v) for v in extra.values))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(FormatVersion.V2021))
def test_every_cell_of_a_2021_report_reads_back(report: Report) -> None:
    if not writable(report):
        return
    assert_tables_read_back(report, render(report))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(FormatVersion.V2019))
def test_every_cell_of_a_2019_report_reads_back(report: Report) -> None:
    if not writable(report):
        return
    assert_tables_read_back(report, render(report))


@settings(max_examples=10, deadline=None)
@given(consistent_reports())
def test_every_cell_of_a_consistent_report_reads_back(report: Report) -> None:
    assert_tables_read_back(report, render(report))


def test_blank_slash_negative_and_money_print_as_stated() -> None:
    report = numbered()
    t2 = report.proactive.replace(
        {
            "rules.issued": BLANK,
            "rules.repealed": NOT_APPLICABLE,
            "fees.amount": Money(Decimal("4068.208"), "万元"),
        }
    )
    t3 = report.applications.replace({"new_received.natural_person": -3})
    report = attrs.evolve(report, proactive=t2, applications=t3)
    tables = reopen(render(report)).tables
    t2_rows, t3_rows = grid(tables[0]), grid(tables[1])
    assert [t2_rows[2][c].text for c in (1, 2)] == ["", "/"]
    assert t2_rows[-1][1].text == "4068.208万元"
    assert t3_rows[3][3].text == "-3"


def test_extra_row_keeps_trailing_blank_value_apart_from_missing_ones() -> None:
    report = numbered()
    extra = ExtraRow(label="9.其他", values=(1, BLANK), after="withheld_enquiry")
    report = attrs.evolve(
        report, applications=attrs.evolve(report.applications, extra_rows=(extra,))
    )
    rows = grid(reopen(render(report)).tables[1])
    ((r, _),) = extra_row_positions(report.applications)
    assert read_extra_row(rows[r], 3) == ("9.其他", ("1", ""))
    assert rows[r][5].filler
    assert rows[r][5].span == 5


def test_extra_row_joins_the_label_group_it_follows() -> None:
    report = numbered()
    extra = ExtraRow(label="9.其他", values=(1,), after="withheld_enquiry")
    report = attrs.evolve(
        report, applications=attrs.evolve(report.applications, extra_rows=(extra,))
    )
    rows = grid(reopen(render(report)).tables[1])
    ((r, _),) = extra_row_positions(report.applications)
    assert rows[r][0] is rows[r - 1][0]  # still inside 三、本年度办理结果
    assert rows[r][1] is rows[r - 1][1]  # still inside （三）不予公开
    assert rows[r][1].text == "（三）不予公开"


def test_extra_row_in_table_2_matching_its_block_uses_the_block_layout() -> None:
    report = numbered()
    extra = ExtraRow(label="其他主动公开文件", values=(5, 6, 7), after="normative_documents")
    report = attrs.evolve(report, proactive=attrs.evolve(report.proactive, extra_rows=(extra,)))
    rows = grid(reopen(render(report)).tables[0])
    assert [p.text for p in rows[4]] == ["其他主动公开文件", "5", "6", "7"]


def test_extra_row_with_more_values_than_columns_is_an_error() -> None:
    report = numbered()
    extra = ExtraRow(label="其他", values=(1, 2, 3, 4), after="rules")
    report = attrs.evolve(report, proactive=attrs.evolve(report.proactive, extra_rows=(extra,)))
    with pytest.raises(ReportWriteError, match="extra row '其他' of table 2 has 4 values"):
        render(report)


# --- the official merges -----------------------------------------------------------------


def tcs(table, r):
    return table._tbl.tr_lst[r].tc_lst


def vmerge_run(rows, r, c):
    """How many grid rows the cell at (r, c) covers vertically."""
    origin = rows[r][c]
    return sum(1 for row in rows if row[c] is origin)


@pytest.mark.parametrize(("version", "outcome_rows"), [("2021", 22), ("2019", 20)])
def test_table_3_header_merges(version: str, outcome_rows: int) -> None:
    spec = get_format(version).applications
    table = reopen(render(numbered(version, 2021 if version == "2021" else 2020))).tables[1]
    rows = grid(table)
    corner = rows[0][0]
    assert (corner.text, corner.span, vmerge_run(rows, 0, 0)) == (spec.corner_note, 3, 3)
    assert (rows[0][3].text, rows[0][3].span) == (spec.column_group, 7)
    assert (rows[1][3].text, vmerge_run(rows, 1, 3)) == ("自然人", 2)
    assert (rows[1][9].text, vmerge_run(rows, 1, 9)) == ("总计", 2)
    assert (rows[1][4].text, rows[1][4].span) == ("法人或其他组织", 5)
    assert [rows[2][c].text for c in range(4, 9)] == [c.label for c in spec.groups[0].columns[1:6]]


@pytest.mark.parametrize(("version", "outcome_rows"), [("2021", 22), ("2019", 20)])
def test_table_3_label_merges(version: str, outcome_rows: int) -> None:
    spec = get_format(version).applications
    rows = grid(reopen(render(numbered(version, 2021 if version == "2021" else 2020))).tables[1])
    first = 3
    index = {row.id: first + i for i, row in enumerate(spec.rows)}
    for row_id in ("new_received", "carried_over", "carried_forward"):
        assert rows[index[row_id]][0].span == 3
    outcomes = rows[index["disclosed"]][0]
    assert (outcomes.text, vmerge_run(rows, index["disclosed"], 0)) == (
        "三、本年度办理结果",
        outcome_rows,
    )
    for row_id in ("disclosed", "partially_disclosed", "total_outcomes"):
        assert rows[index[row_id]][1].span == 2
    groups = {"withheld_state_secret": 8, "unavailable_not_held": 3, "not_processed_petition": 5}
    if version == "2021":
        groups["other_no_amendment"] = 3
    else:
        assert rows[index["other_handling"]][1].span == 2
    for row_id, run in groups.items():
        assert vmerge_run(rows, index[row_id], 1) == run
    assert len(rows) == 3 + len(spec.rows)
    assert all(len(row) == 10 for row in rows)


def test_table_2_single_value_blocks_span_three_columns() -> None:
    rows = grid(reopen(render(numbered())).tables[0])
    captions = [r for r, row in enumerate(rows) if row[0].span == 4]
    assert [rows[r][0].text for r in captions] == [
        g.caption for g in get_format("2021").proactive.groups
    ]
    licensing = captions[1] + 2
    assert (rows[licensing][0].text, rows[licensing][1].span) == ("行政许可", 3)
    assert rows[captions[1] + 1][1].span == 3  # its header too


def test_table_2_two_value_blocks_of_2019_give_the_last_column_the_rest() -> None:
    rows = grid(reopen(render(numbered("2019", 2020))).tables[0])
    procurement = rows[-1]
    assert [p.span for p in procurement[:3]] == [1, 1, 2]


def test_table_4_header_grid() -> None:
    rows = grid(reopen(render(numbered())).tables[2])
    assert [(p.text, p.span) for p in dict.fromkeys(rows[0])] == [("行政复议", 5), ("行政诉讼", 10)]
    assert [vmerge_run(rows, 1, c) for c in range(5)] == [2] * 5
    assert [(p.text, p.span) for p in dict.fromkeys(rows[1][5:])] == [
        ("未经复议直接起诉", 5),
        ("复议后起诉", 5),
    ]
    assert [p.text for p in rows[2][5:10]] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]
    assert len(rows) == 4
    assert all(len(row) == 15 for row in rows)


def test_header_rows_repeat_and_no_row_splits() -> None:
    document = reopen(render(numbered()))
    for table, headers in zip(document.tables, (0, 3, 3), strict=True):
        trs = table._tbl.tr_lst
        assert [tr.trPr.find(qn("w:tblHeader")) is not None for tr in trs] == [
            i < headers for i in range(len(trs))
        ]
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in trs)


def keeps(table) -> list[bool]:
    """Per row: whether its paragraphs are kept with the next (Word keeps the row with it)."""
    return [all(p.pPr.keepNext is not None for p in tr.iter(qn("w:p"))) for tr in table._tbl.tr_lst]


def test_tables_3_and_4_are_kept_whole() -> None:
    document = reopen(render(numbered()))
    for table in document.tables[1:]:
        assert keeps(table) == [True] * (len(table.rows) - 1) + [False]


def test_table_2_keeps_each_block_together() -> None:
    table = reopen(render(numbered())).tables[0]
    block_ends = {
        r
        for r, row in enumerate(grid(table))
        if r + 1 == len(table.rows) or grid(table)[r + 1][0].span == 4
    }
    assert keeps(table) == [r not in block_ends for r in range(len(table.rows))]


def test_headings_are_kept_with_the_next_paragraph_and_whole() -> None:
    report = numbered()
    report = attrs.evolve(
        report,
        sections=(
            attrs.evolve(
                report.sections[0],
                subsections=(Subsection(heading="（一）主动公开", paragraphs=("正文。",)),),
            ),
            *report.sections[1:],
        ),
    )
    document = reopen(render(report))
    headings = [p for p in document.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
    assert len(headings) == 7
    for heading in headings:  # on the paragraph itself, whatever its style says
        assert heading.paragraph_format.keep_with_next is True
        assert heading.paragraph_format.keep_together is True


def test_headings_are_kept_with_the_next_paragraph_with_a_template_style_that_is_not(
    tmp_path: Path,
) -> None:
    template = docx.Document()
    for name in ("Heading 1", "Heading 2"):
        template.styles[name].paragraph_format.keep_with_next = False
    template.save(tmp_path / "loose.docx")
    document = reopen(render(numbered(), template=tmp_path / "loose.docx", template_layout=True))
    assert document.styles["Heading 1"].paragraph_format.keep_with_next is False
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h.paragraph_format.keep_with_next for h in headings] == [True] * 6


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def test_the_lead_in_before_each_table_is_kept_with_it() -> None:
    report = numbered()
    with_tables = {s.id for s in report.format.sections if s.table}
    report = attrs.evolve(
        report,
        sections=tuple(
            attrs.evolve(s, paragraphs=("本节首段。", f"{s.heading[2:]}如下表："))
            if s.id in with_tables
            else s
            for s in report.sections
        ),
    )
    body = list(reopen(render(report)).element.body)
    before = [body[i - 1] for i, child in enumerate(body) if child.tag == qn("w:tbl")]
    assert len(before) == 3
    assert all(p.tag == qn("w:p") and p.pPr.keepNext is not None for p in before)
    assert [text_of(p).endswith("如下表：") for p in before] == [True] * 3
    kept = {text_of(p) for p in body if p.tag == qn("w:p") and p.pPr.keepNext is not None}
    assert "本节首段。" not in kept
    assert "一、总体情况的正文。" not in kept  # no table after it


def test_a_heading_right_before_a_table_is_kept_with_it() -> None:
    report = numbered()
    bare = tuple(attrs.evolve(s, paragraphs=()) for s in report.sections)
    body = list(reopen(render(attrs.evolve(report, sections=bare))).element.body)
    before = [body[i - 1] for i, child in enumerate(body) if child.tag == qn("w:tbl")]
    assert [text_of(p) for p in before] == [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]
    assert all(p.pPr.keepNext is not None for p in before)


def test_tables_fill_the_text_width() -> None:
    document = reopen(render(numbered()))
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        widths = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert abs(Mm(156) - sum(widths) * 635) < Mm(0.5)
        assert abs(text_width - sum(widths) * 635) < Mm(0.5)


def test_table_text_is_songti_five_or_small_five_single_spaced() -> None:
    document = reopen(render(numbered()))
    for name in ("Table Text", "Table Text Small"):
        style = document.styles[name]
        assert style.font.size in (Pt(10.5), Pt(9))
        assert style.element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
        assert style.paragraph_format.line_spacing == 1.0
        assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


# --- page, styles, text ------------------------------------------------------------------


def test_page_is_a4_portrait_with_gb_margins() -> None:
    section = reopen(render(numbered())).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]


@pytest.mark.parametrize(
    ("style", "east_asia", "size", "bold"),
    [
        ("Normal", "仿宋_GB2312", 16, None),
        ("Title", "方正小标宋简体", 22, None),
        ("Heading 1", "黑体", 16, None),
        ("Heading 2", "楷体_GB2312", 16, None),
        ("Heading 3", "仿宋_GB2312", 16, True),
    ],
)
def test_styles_name_east_asian_and_latin_fonts(
    style: str, east_asia: str, size: int, bold: bool | None
) -> None:
    s = reopen(render(numbered())).styles[style]
    fonts = s.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == east_asia
    assert (fonts.get(qn("w:ascii")), fonts.get(qn("w:hAnsi"))) == (
        "Times New Roman",
        "Times New Roman",
    )
    assert s.element.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    assert (s.font.size, s.font.bold) == (Pt(size), bold)


def test_body_text_has_fixed_line_pitch_and_two_character_indent() -> None:
    normal = reopen(render(numbered())).styles["Normal"]
    fmt = normal.paragraph_format
    assert 28 <= fmt.line_spacing.pt <= 29
    ind = normal.element.pPr.find(qn("w:ind"))
    assert (ind.get(qn("w:firstLineChars")), fmt.first_line_indent) == ("200", Pt(32))


def test_twenty_eight_characters_fit_a_line() -> None:
    normal = reopen(render(numbered())).styles["Normal"]
    condensed = int(normal.element.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20
    assert 28 * (16 + condensed) <= Mm(156).pt < 29 * (16 + condensed)


def test_title_is_two_centred_lines_agency_then_year() -> None:
    paragraphs = reopen(render(numbered())).paragraphs
    title = [p for p in paragraphs if p.style.name == "Title"]
    assert [p.text for p in title] == ["温州市洞头区政务服务中心", "2021年政府信息公开工作年度报告"]
    assert title[0].style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_custom_title_prints_as_given() -> None:
    report = numbered()
    report = attrs.evolve(
        report,
        metadata=attrs.evolve(report.metadata, title="2021年度某某局政府信息公开工作年度报告"),
    )
    title = [p.text for p in reopen(render(report)).paragraphs if p.style.name == "Title"]
    assert title == ["2021年度某某局政府信息公开工作年度报告"]


def test_sections_in_order_each_table_after_its_text() -> None:
    document = reopen(render(numbered()))
    order = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            order.append("TABLE")
        elif block.style.name == "Heading 1":
            order.append(block.text)
        elif block.text.endswith("的正文。"):
            order.append("text")
    headings = [s.heading for s in get_format("2021").sections]
    assert order == [
        headings[0],
        "text",
        headings[1],
        "text",
        "TABLE",
        headings[2],
        "text",
        "TABLE",
        headings[3],
        "text",
        "TABLE",
        headings[4],
        "text",
        headings[5],
        "text",
    ]


def test_table_of_a_missing_section_still_prints_in_its_place() -> None:
    report = numbered()
    report = attrs.evolve(
        report, sections=tuple(s for s in report.sections if s.id != "applications")
    )
    document = reopen(render(report))
    kinds = [
        "TABLE" if isinstance(b, docx.table.Table) else b.text
        for b in document.iter_inner_content()
    ]
    review = kinds.index("四、政府信息公开行政复议、行政诉讼情况")
    assert kinds[review - 2 : review] == ["TABLE", "TABLE"]


def test_run_in_heading_changes_only_the_typeface() -> None:
    style = reopen(render(numbered())).styles["Run-in Heading"]
    assert style.element.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"
    assert style.font.size is None  # the size of the paragraph it runs into


def test_subsections_are_level_2_headings_or_run_in() -> None:
    report = numbered()
    subs = (
        Subsection(heading="（一）主动公开", paragraphs=("正文甲。",)),
        Subsection(heading="（二）存在的主要问题。", paragraphs=("一是……", "二是……"), run_in=True),
    )
    sections = (
        attrs.evolve(report.sections[0], paragraphs=(), subsections=subs),
        *report.sections[1:],
    )
    paragraphs = reopen(render(attrs.evolve(report, sections=sections))).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "一、总体情况")
    got = [(p.style.name, p.text) for p in paragraphs[start + 1 : start + 5]]
    assert got == [
        ("Heading 2", "（一）主动公开"),
        ("Normal", "正文甲。"),
        ("Normal", "（二）存在的主要问题。一是……"),
        ("Normal", "二是……"),
    ]
    run_in = paragraphs[start + 3].runs
    assert [(r.style.name, r.text) for r in run_in] == [
        ("Run-in Heading", "（二）存在的主要问题。"),
        ("Default Paragraph Font", "一是……"),
    ]


def test_text_uses_named_styles_not_direct_run_formatting() -> None:
    document = reopen(render(numbered()))
    body = document.element.body
    for p in body.iter(qn("w:p")):
        assert p.pPr is not None
        assert p.pPr.pStyle is not None
    for r in body.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        assert rpr is None or [c.tag for c in rpr] == [qn("w:rStyle")]


def test_line_breaks_and_tabs_in_text_become_breaks_and_tabs() -> None:
    report = attrs.evolve(numbered(), intro=("第一行\n第二行\t尾",))
    paragraph = next(p for p in reopen(render(report)).paragraphs if p.text.startswith("第一行"))
    assert paragraph.text == "第一行\n第二行\t尾"


def test_text_a_word_file_cannot_hold_is_a_clear_error() -> None:
    report = attrs.evolve(numbered(), intro=("正常", "坏\uffff字"))
    with pytest.raises(ReportWriteError, match=r"intro paragraph 2 .*U\+FFFF"):
        render(report)


@pytest.mark.parametrize("char", ["\x85", "\ud800", "\ufffe"])
def test_contact_details_a_word_file_cannot_hold_are_a_clear_error(char: str) -> None:
    # The contact is printed in the intro and kept in a document property: the same refusal.
    report = numbered()
    contact = Contact(office=f"办{char}公室")
    report = attrs.evolve(report, metadata=attrs.evolve(report.metadata, contact=contact))
    with pytest.raises(ReportWriteError, match=rf"the contact details .*U\+{ord(char):04X}"):
        render(report)


# --- page numbers, signature ----------------------------------------------------------------


def test_page_numbers_odd_right_even_left_as_page_fields() -> None:
    document = reopen(render(numbered()))
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer, side in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        (paragraph,) = footer.paragraphs
        assert paragraph.alignment == side
        xml = etree.tostring(paragraph._p, encoding="unicode")
        assert "PAGE" in "".join(paragraph._p.itertext())
        assert 'fldCharType="begin"' in xml
        assert paragraph.text.startswith("— ")
        assert paragraph.text.endswith(" —")
        assert (
            paragraph.style.font.size,
            paragraph.style.element.rPr.rFonts.get(qn("w:eastAsia")),
        ) == (Pt(14), "宋体")


def signature(document):
    paragraphs = [p for p in document.paragraphs if p.style.name == "Signature"]
    return [
        (
            p.text,
            p.paragraph_format.right_indent,
            p._p.pPr.find(qn("w:ind")).get(qn("w:rightChars")),
        )
        for p in paragraphs
    ]


def test_signature_is_agency_two_characters_from_the_right_and_the_date_under_it() -> None:
    document = reopen(render(numbered()))
    (name, name_indent, name_chars), (date, _, date_chars) = signature(document)
    assert (name, name_indent, name_chars) == ("温州市洞头区政务服务中心", Pt(32), "200")
    assert date == "2022年1月22日"
    # the date starts 2 字 right of the name: 12 字 name, 6.5 字 date → 5.5 字 from the right
    assert date_chars == "550"
    first = next(p for p in document.paragraphs if p.style.name == "Signature")
    assert first.paragraph_format.space_before.pt == pytest.approx(28.95)


def test_signature_date_longer_than_agency_gets_two_characters_and_moves_the_name() -> None:
    report = numbered(agency="某某局")
    (_, _, name_chars), (_, _, date_chars) = signature(reopen(render(report)))
    assert (name_chars, date_chars) == ("750", "200")  # 6.5 − 3 + 4 字


def test_no_signing_date_no_date_line() -> None:
    report = numbered()
    report = attrs.evolve(report, metadata=attrs.evolve(report.metadata, signing_date=None))
    assert [s[0] for s in signature(reopen(render(report)))] == ["温州市洞头区政务服务中心"]


# --- determinism and document properties -------------------------------------------------------


def test_same_report_gives_identical_bytes() -> None:
    report = numbered()
    assert render(report) == render(report) == DocxWriter().render(report)


@settings(max_examples=10, deadline=None)
@given(consistent_reports())
def test_same_generated_report_gives_identical_bytes(report: Report) -> None:
    assert render(report) == render(report)


def test_another_process_gives_identical_bytes(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from govinfo_report.serialize import load\n"
        "from govinfo_report.writers import render\n"
        "sys.stdout.buffer.write(render(load(sys.argv[1]), 'docx'))\n"
    )
    source = tmp_path / "report.json"
    report = numbered()
    source.write_text(dumps(report, "json"), encoding="utf-8")
    other = subprocess.run(
        [sys.executable, "-c", script, str(source)], capture_output=True, check=True
    ).stdout
    assert other == render(report)


def test_zip_entries_carry_a_fixed_timestamp() -> None:
    with zipfile.ZipFile(io.BytesIO(render(numbered()))) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_core_properties_come_from_the_report() -> None:
    props = reopen(render(numbered())).core_properties
    assert (props.title, props.author, props.revision) == (
        "温州市洞头区政务服务中心2021年政府信息公开工作年度报告",
        "温州市洞头区政务服务中心",
        1,
    )
    assert props.created == props.modified == dt.datetime(2022, 1, 22, tzinfo=dt.UTC)


def custom_properties(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("docProps/custom.xml"))
    ns = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
    return {p.get("name"): p[0].text for p in root.iter(f"{ns}property")}


@settings(max_examples=15, deadline=None)
@given(reports())
def test_unprinted_fields_are_embedded_as_a_custom_property(report: Report) -> None:
    if not writable(report):
        return
    value = custom_properties(render(report))[_embedded.PROPERTY]
    assert json.loads(value) == _embedded.unprinted(report)
    known = from_unprinted(json.loads(value))
    meta = report.metadata
    assert (known.agency_kind, known.publication_date, known.contact) == (
        meta.agency_kind,
        meta.publication_date,
        meta.contact,
    )
    assert (known.states_fee, known.processing_fee) == (True, report.processing_fee)
    anchors = _embedded.unprinted(report).get(_embedded.SIDEWAYS_AFTER)
    assert known.sideways_after == (None if anchors is None else tuple(anchors))


# --- templates ---------------------------------------------------------------------------------


@pytest.fixture
def letterhead(tmp_path: Path) -> Path:
    """A user's template: narrower margins, a letterhead header, its own footer and text."""
    document = docx.Document()
    section = document.sections[0]
    section.left_margin = Mm(30)
    section.header.paragraphs[0].text = "某某局文件"
    section.footer.paragraphs[0].text = "某某局 印"
    document.add_paragraph("模板里的示例正文")
    path = tmp_path / "letterhead.docx"
    document.save(path)
    return path


def test_template_keeps_letterhead_and_footer_on_our_page_setup(letterhead: Path) -> None:
    document = reopen(render(numbered(), template=letterhead))
    section = document.sections[0]
    assert round(section.left_margin.mm) == 28
    assert section.header.paragraphs[0].text == "某某局文件"
    assert section.footer.paragraphs[0].text == "某某局 印"


def test_template_layout_keeps_the_templates_page_setup(letterhead: Path) -> None:
    document = reopen(render(numbered(), template=letterhead, template_layout=True))
    assert round(document.sections[0].left_margin.mm) == 30


def test_template_body_is_replaced_by_the_report(letterhead: Path) -> None:
    texts = [p.text for p in reopen(render(numbered(), template=letterhead)).paragraphs]
    assert "模板里的示例正文" not in texts
    assert texts[0] == "温州市洞头区政务服务中心"
    assert sum(1 for _ in reopen(render(numbered(), template=letterhead)).tables) == 3


def test_template_layout_uses_its_styles_and_creates_missing_ones(letterhead: Path) -> None:
    before = docx.Document(letterhead).styles
    kept = before["Heading 1"].element.rPr.rFonts.get(qn("w:asciiTheme"))
    styles = reopen(render(numbered(), template=letterhead, template_layout=True)).styles
    assert styles["Heading 1"].element.rPr.rFonts.get(qn("w:asciiTheme")) == kept
    assert styles["Table Text Small"].element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    assert styles["Run-in Heading"].type == 2  # character


def test_template_styles_the_writer_defines_are_the_writers(letterhead: Path) -> None:
    styles = reopen(render(numbered(), template=letterhead)).styles
    assert styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert styles["Heading 1"].element.rPr.rFonts.get(qn("w:asciiTheme")) is None
    assert styles["Table Text Small"].element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    assert styles["Intense Quote"].base_style.name == "Normal"  # the template's own, kept


def test_template_styles_with_localised_ids_are_referenced_by_their_id(tmp_path: Path) -> None:
    document = docx.Document()
    heading = document.styles["Heading 1"].element
    heading.set(qn("w:styleId"), "1")  # what Chinese Word names "heading 1"
    path = tmp_path / "zh.docx"
    document.save(path)
    result = reopen(render(numbered(), template=path))
    headings = [p for p in result.paragraphs if p.text == "一、总体情况"]
    assert headings[0]._p.pPr.pStyle.val == "1"
    assert headings[0].style.name == "Heading 1"


def test_template_without_footers_gets_page_numbers(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    docx.Document().save(path)
    section = reopen(render(numbered(), template=path)).sections[0]
    assert section.footer.paragraphs[0].text.startswith("— ")
    assert section.even_page_footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_template_output_is_deterministic(letterhead: Path) -> None:
    assert render(numbered(), template=letterhead) == render(numbered(), template=letterhead)


def test_dotx_template_is_accepted(tmp_path: Path, letterhead: Path) -> None:
    dotx = tmp_path / "letterhead.dotx"
    with zipfile.ZipFile(letterhead) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, data)
    document = reopen(render(numbered(), template=dotx))
    assert document.sections[0].header.paragraphs[0].text == "某某局文件"


def test_our_own_output_as_template_carries_only_the_new_embedded_data(
    tmp_path: Path, letterhead: Path
) -> None:
    first = tmp_path / "first.docx"
    first.write_bytes(render(numbered(), template=letterhead))
    second = numbered("2019", 2020)
    props = custom_properties(render(second, template=first))
    assert props == {_embedded.PROPERTY: _embedded.dumps(second)}


def test_template_custom_properties_are_kept(tmp_path: Path, letterhead: Path) -> None:
    template = tmp_path / "with_props.docx"
    with zipfile.ZipFile(letterhead) as src, zipfile.ZipFile(template, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", CUSTOM_TYPE + b"</Types>")
            if info.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", CUSTOM_REL + b"</Relationships>")
            dst.writestr(info, data)
        dst.writestr("docProps/custom.xml", CUSTOM_XML)
    props = custom_properties(render(numbered(), template=template))
    assert props == {"部门编码": "A01", _embedded.PROPERTY: _embedded.dumps(numbered())}


CUSTOM_TYPE = (
    b'<Override PartName="/docProps/custom.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
)
CUSTOM_REL = (
    b'<Relationship Id="rId99" Target="docProps/custom.xml" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/custom-properties"/>'
)
CUSTOM_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="部门编码">'
    "<vt:lpwstr>A01</vt:lpwstr></property></Properties>"
).encode()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"not a zip at all", "is not a .docx document"),
        (b"PK\x03\x04broken", "is a corrupt zip"),
    ],
)
def test_unreadable_template_is_an_error_before_anything_is_written(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    template = tmp_path / "bad.docx"
    template.write_bytes(content)
    out = tmp_path / "out.docx"
    with pytest.raises(ReportWriteError) as info:
        write_report(numbered(), out, template=template)
    assert str(info.value).startswith(f"template {template} {problem}")
    assert not out.exists()


def test_missing_template_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ReportWriteError, match=r"cannot read template .*nowhere\.docx"):
        DocxWriter(template=tmp_path / "nowhere.docx")


def test_zip_without_a_document_is_not_a_template(tmp_path: Path) -> None:
    template = tmp_path / "empty.docx"
    with zipfile.ZipFile(template, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ReportWriteError, match="not a readable Word document"):
        DocxWriter(template=template)


# --- through the registry -----------------------------------------------------------------------


def test_render_by_name_with_template_option(letterhead: Path) -> None:
    data = render_with(numbered(), "docx", template=letterhead)
    assert reopen(data).sections[0].header.paragraphs[0].text == "某某局文件"


def test_write_report_picks_docx_from_the_suffix(tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    write_report(numbered(), out)
    assert out.read_bytes() == render(numbered())


def test_report_without_sections_still_ends_in_a_paragraph() -> None:
    report = attrs.evolve(blank_report(year=2021), sections=())
    body = reopen(render(report)).element.body
    assert body[-2].tag == qn("w:p")
    assert body[-1].tag == qn("w:sectPr")


def test_section_id_outside_the_format_prints_without_a_table() -> None:
    report = numbered()
    extra = Section(id="appendix", heading="七、附件", paragraphs=("附件正文。",))
    document = reopen(render(attrs.evolve(report, sections=(*report.sections, extra))))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"][-1] == "七、附件"
    assert len(document.tables) == 3


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_blank_report_renders(version: str) -> None:
    report = blank_report(version, year=2020 if version == "2019" else 2022)
    assert_tables_read_back(report, render(report))


def test_template_style_ids_with_markup_characters_give_a_readable_document(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    for name, style_id in (("Normal", 'N<"&1'), ("Heading 1", "H&1"), ("Footer", "F&1>")):
        document.styles[name].element.set(qn("w:styleId"), style_id)
    path = tmp_path / "markup-ids.docx"
    document.save(path)
    data = render(numbered(), template=path)
    result = reopen(data)
    headings = [p for p in result.paragraphs if p.text == "一、总体情况"]
    assert headings[0]._p.pPr.pStyle.val == "H&1"
    # (python-docx cannot look a style up by an id holding '"': compare the ids)
    assert result.sections[0].footer.paragraphs[0]._p.pPr.pStyle.val == "F&1>"
    assert result.paragraphs[2]._p.pPr.pStyle.val == 'N<"&1'
    out = tmp_path / "report.docx"
    out.write_bytes(data)
    report, _ = read_report(out)
    assert report.applications == numbered().applications


def test_template_binding_wordprocessingml_to_another_prefix_is_accepted(
    tmp_path: Path,
) -> None:
    plain = io.BytesIO()
    docx.Document().save(plain)
    with zipfile.ZipFile(plain) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    w = root.nsmap["w"]
    nsmap = {("wx" if k == "w" else k): v for k, v in root.nsmap.items()}
    other = etree.Element(root.tag, nsmap=nsmap)
    other.extend(list(root))
    parts["word/document.xml"] = etree.tostring(other, xml_declaration=True, encoding="UTF-8")
    assert b"<wx:body>" in parts["word/document.xml"]
    path = tmp_path / "prefixed.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = render(numbered(), template=path)
    with zipfile.ZipFile(io.BytesIO(result)) as archive:
        assert etree.fromstring(archive.read("word/document.xml")).nsmap["w"] == w
    out = tmp_path / "report.docx"
    out.write_bytes(result)
    report, _ = read_report(out)
    assert report.applications == numbered().applications
