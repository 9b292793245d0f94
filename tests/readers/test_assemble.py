"""The shared reader engine (readers/_assemble.py) on small hand-made documents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from govinfo_report.checks.findings import Severity, Status
from govinfo_report.errors import ReportReadError
from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.model import BLANK, NOT_APPLICABLE, AgencyKind, ProcessingFee
from govinfo_report.readers._assemble import assemble, split_subheading
from govinfo_report.readers._document import Block, Grid, Paragraph
from govinfo_report.readers._known import Known

T4 = get_format(FormatVersion.V2021).review_litigation
HEADINGS = [s.heading for s in get_format(FormatVersion.V2021).sections]
T4_COLUMNS = [c.label for c in T4.groups[0].columns]


def _t4_grid(values: list[str], *, merged: bool = True) -> Grid:
    """Table 4 laid out as portals do (4 rows × 15 columns, merges expanded)."""
    groups = ["行政复议"] * 5 + ["行政诉讼"] * 10
    second = T4_COLUMNS + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    third = T4_COLUMNS * 3
    rows = [groups, second, third, values]
    origin = None
    if merged:
        origin = (
            tuple((0, 0) if c < 5 else (0, 5) for c in range(15)),
            tuple((1, c) if c < 5 else (1, 5 if c < 10 else 10) for c in range(15)),
            tuple((1, c) if c < 5 else (2, c) for c in range(15)),
            tuple((3, c) for c in range(15)),
        )
    return Grid(cells=tuple(tuple(r) for r in rows), origin=origin, location="table 1")


def _doc(
    *extra: Block, title: str = "某县发展和改革局2023年政府信息公开工作年度报告"
) -> list[Block]:
    blocks: list[Block] = [Paragraph(text=title)]
    for heading in HEADINGS:
        blocks.append(Paragraph(text=heading))
        if heading.startswith("四"):
            blocks.append(_t4_grid(["1", "0", "0", "0", "1"] + ["0"] * 10))
    blocks.extend(extra)
    return blocks


def _codes(result: object) -> list[str]:
    return [f.code for f in result.findings]  # type: ignore[attr-defined]


# --- sub-headings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）存在的主要问题。一是不够及时。", ("（一）存在的主要问题。", "一是不够及时。")),
        ("（二）主动公开方面", ("（二）主动公开方面", None)),
        ("(一)2020年度工作要点落实情况。", ("(一)2020年度工作要点落实情况。", None)),
        ("（三）完善制度：全年修订制度3项。", ("（三）完善制度：", "全年修订制度3项。")),
        ("一是加强学习。", None),
    ],
)
def test_subheading_rule(text: str, expected: tuple[str, str | None] | None) -> None:
    assert split_subheading(Paragraph(text=text), trusted=False) == expected


def test_long_subheading_paragraph_without_a_mark_keeps_its_text_whole() -> None:
    text = "（一）" + "全年主动公开政府信息" * 10
    heading, rest = split_subheading(Paragraph(text=text), trusted=False) or ("", None)
    assert (heading, rest) == ("（一）", text[3:])


def test_trusted_level_2_splits_at_the_marked_run_in() -> None:
    paragraph = Paragraph(text="（一）问题，一是慢", level=2, run_in=6)
    assert split_subheading(paragraph, trusted=True) == ("（一）问题，", "一是慢")


# --- metadata ---------------------------------------------------------------------------


def test_title_year_agency_and_signature() -> None:
    result = assemble(_doc(Paragraph(text="某县发展和改革局"), Paragraph(text="2024年 1月17日")))
    meta = result.report.metadata
    assert (meta.agency, meta.year, meta.signing_date) == (
        "某县发展和改革局",
        2023,
        dt.date(2024, 1, 17),
    )
    assert meta.title is None  # the standard title
    other = result.report.section("other")
    assert other is not None
    assert other.paragraphs == ()


def test_date_in_brackets_after_the_title_is_the_signing_date() -> None:
    result = assemble(_doc(title="沭阳县人民政府2025年政府信息公开工作年度报告（2026年1月23日）"))
    assert result.report.metadata.signing_date == dt.date(2026, 1, 23)
    assert result.report.metadata.agency == "沭阳县人民政府"


def test_impossible_date_is_reported_not_read() -> None:
    result = assemble(_doc(Paragraph(text="某县发展和改革局"), Paragraph(text="2021年2月30日")))
    assert result.report.metadata.signing_date is None
    [finding] = [f for f in result.findings if f.code == "R.DATE" and f.reported]
    assert finding.reported == "2021年2月30日"
    assert finding.status is Status.UNCERTAIN


def _fronted(*lines: str, before: tuple[str, ...] = ()) -> list[Block]:
    """``_doc()`` with paragraphs ``before`` its title and ``lines`` right under it."""
    title, *rest = _doc()
    return [
        *(Paragraph(text=t) for t in before),
        title,
        *(Paragraph(text=t) for t in lines),
        *rest,
    ]


@pytest.mark.parametrize(
    "line",
    [
        "发布日期：2024-01-19",
        "发布日期：2024年1月19日",
        "公开日期：2024-01-19　浏览次数：128",
        "来源：某县发展和改革局　发布时间：2024-01-19 10:30",
        "【发布时间：2024-01-19】",
    ],
)
def test_publication_date_from_an_info_line_under_the_title(line: str) -> None:
    result = assemble(_fronted(line, "本年度报告根据《条例》编制。"))
    meta = result.report.metadata
    assert (meta.publication_date, meta.signing_date) == (dt.date(2024, 1, 19), None)
    assert result.report.intro == ("本年度报告根据《条例》编制。",)


def test_publication_date_in_brackets_after_the_title_is_not_the_signing_date() -> None:
    title = "沭阳县人民政府2025年政府信息公开工作年度报告（发布日期：2026年1月23日）"
    meta = assemble(_doc(title=title)).report.metadata
    assert (meta.publication_date, meta.signing_date) == (dt.date(2026, 1, 23), None)
    assert meta.title is None  # the bracketed date is not part of the title


def test_publication_date_line_beside_a_signature_keeps_both_dates() -> None:
    blocks = _fronted("发布日期：2024-01-19")
    blocks += [Paragraph(text="某县发展和改革局"), Paragraph(text="2024年1月17日")]
    meta = assemble(blocks).report.metadata
    assert (meta.publication_date, meta.signing_date) == (
        dt.date(2024, 1, 19),
        dt.date(2024, 1, 17),
    )


def test_signing_date_from_a_labelled_line_under_the_title() -> None:
    meta = assemble(_fronted("成文日期：2024年1月15日　发布日期：2024年1月19日")).report.metadata
    assert (meta.publication_date, meta.signing_date) == (
        dt.date(2024, 1, 19),
        dt.date(2024, 1, 15),
    )


def test_info_line_just_above_the_title_is_read_and_not_left_out() -> None:
    result = assemble(_fronted(before=("首页 > 信息公开", "发布时间：2024-01-19")))
    assert result.report.metadata.publication_date == dt.date(2024, 1, 19)
    [preamble] = [f for f in result.findings if f.code == "R.PREAMBLE"]
    assert preamble.message_en.startswith("1 paragraph(s) before the title")


def test_two_different_publication_dates_are_reported_not_read() -> None:
    result = assemble(_fronted("发布日期：2024-01-19", "公开日期：2024-01-20"))
    assert result.report.metadata.publication_date is None
    [finding] = [f for f in result.findings if f.paths == ("metadata.publication_date",)]
    assert (finding.code, finding.status) == ("R.DATE", Status.UNCERTAIN)
    assert "2024-01-19, 2024-01-20" in finding.message_en


def test_the_same_publication_date_stated_twice_is_read() -> None:
    result = assemble(_fronted("发布日期：2024-01-19", "公开日期：2024年1月19日"))
    assert result.report.metadata.publication_date == dt.date(2024, 1, 19)
    assert [f for f in result.findings if "metadata.publication_date" in f.paths] == []


def test_a_bare_date_label_gives_neither_date() -> None:
    result = assemble(_fronted("日期：2024-01-19　来源：某县发展和改革局"))
    meta = result.report.metadata
    assert (meta.publication_date, meta.signing_date) == (None, None)
    [finding] = [f for f in result.findings if f.code == "R.DATE" and f.reported]
    assert finding.paths == ("metadata.publication_date", "metadata.signing_date")
    assert result.report.intro == ()


def test_an_info_line_inside_the_intro_is_text_not_a_date() -> None:
    intro = ("本年度报告根据《条例》编制。", "发布日期：2024-01-19")
    result = assemble(_fronted(*intro))
    assert result.report.metadata.publication_date is None
    assert result.report.intro == intro


def test_impossible_publication_date_is_reported_on_its_own_path() -> None:
    result = assemble(_fronted("发布日期：2024-02-30"))
    assert result.report.metadata.publication_date is None
    [finding] = [f for f in result.findings if f.reported == "2024-02-30"]
    assert finding.paths == ("metadata.publication_date",)


# --- 信息处理费 ---------------------------------------------------------------------------


def test_processing_fee_from_section_six_with_a_notice_quoting_it() -> None:
    statement = Paragraph(text="全年收取政府信息公开信息处理费0元。", location="paragraph 14")
    result = assemble(_doc(statement))
    assert result.report.processing_fee == ProcessingFee(amount=Decimal(0))
    [finding] = [f for f in result.findings if f.code == "R.FEE"]
    assert (finding.severity, finding.status) == (Severity.NOTICE, Status.FAIL)
    assert (finding.paths, finding.location) == (("processing_fee",), "paragraph 14")
    assert finding.reported == "全年收取政府信息公开信息处理费0元"
    assert finding.message_en == (
        "the processing fee was read from the text of section 六 as 0 yuan: "
        "'全年收取政府信息公开信息处理费0元'"
    )


def test_processing_fee_stated_outside_section_six_is_not_read() -> None:
    blocks = _doc()
    blocks.insert(2, Paragraph(text="本年度未收取信息处理费。"))  # under 一、总体情况
    result = assemble(blocks)
    overview = result.report.section("overview")
    assert overview is not None
    assert overview.paragraphs == ("本年度未收取信息处理费。",)
    assert result.report.processing_fee is None
    assert "R.FEE" not in _codes(result)


def test_ambiguous_processing_fee_is_an_uncertain_notice_and_no_fee() -> None:
    result = assemble(_doc(Paragraph(text="收取信息处理费120元，另收取信息处理费80元。")))
    assert result.report.processing_fee is None
    [finding] = [f for f in result.findings if f.code == "R.FEE"]
    assert (finding.severity, finding.status) == (Severity.NOTICE, Status.UNCERTAIN)
    assert "different amounts are stated" in finding.message_en


def test_section_six_without_a_fee_statement_gives_no_fee_and_no_finding() -> None:
    result = assemble(_doc(Paragraph(text="无。")))
    assert result.report.processing_fee is None
    assert "R.FEE" not in _codes(result)


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("沭阳县人民政府", AgencyKind.GOVERNMENT),
        ("沭阳县沭城镇人民政府", AgencyKind.TOWNSHIP),
        ("某区某某街道办事处", AgencyKind.TOWNSHIP),
        ("沭阳县人民政府办公室", AgencyKind.DEPARTMENT),
        ("沭阳县发展和改革局", AgencyKind.DEPARTMENT),
    ],
)
def test_agency_kind_is_inferred_conservatively(agency: str, kind: AgencyKind) -> None:
    result = assemble(_doc(title=f"{agency}2023年政府信息公开工作年度报告"))
    assert result.report.metadata.agency_kind is kind
    [finding] = [f for f in result.findings if f.code == "R.AGENCY_KIND"]
    assert ("assumed" in finding.message_en) is (kind is AgencyKind.DEPARTMENT)


def test_format_is_taken_from_the_year_when_labels_do_not_tell() -> None:
    result = assemble(_doc(title="某局2020年政府信息公开工作年度报告"))
    assert result.report.metadata.format_version is FormatVersion.V2019
    assert "R.FORMAT" in _codes(result)


def test_year_from_statistics_period_without_title() -> None:
    blocks = _doc()[1:]
    blocks.insert(0, Paragraph(text="本报告统计期限为2022年1月1日至12月31日。"))
    result = assemble(blocks)
    assert result.report.metadata.year == 2022
    assert "R.YEAR" in _codes(result)
    assert result.report.intro == ("本报告统计期限为2022年1月1日至12月31日。",)


def test_text_before_the_title_is_left_out_with_a_notice() -> None:
    result = assemble([Paragraph(text="首页 > 信息公开 > 年报"), *_doc()])
    assert result.report.intro == ()
    assert "R.PREAMBLE" in _codes(result)


def test_missing_section_is_a_warning() -> None:
    blocks = [b for b in _doc() if not (isinstance(b, Paragraph) and b.text.startswith("五"))]
    result = assemble(blocks)
    assert [f.paths for f in result.findings if f.code == "R.SECTION_MISSING"] == [
        ("sections.problems",)
    ]


def test_not_a_report_is_refused() -> None:
    with pytest.raises(ReportReadError, match="does not look like"):
        assemble([Paragraph(text="通知"), Paragraph(text="请于下周一前报送材料。")])


# --- tables -----------------------------------------------------------------------------


def test_table_4_values_placed_by_merged_header() -> None:
    result = assemble(_doc())
    table = result.report.review_litigation
    assert (table["review.upheld"], table["review.total"], table["litigation_direct.total"]) == (
        1,
        1,
        0,
    )


def test_full_width_digits_thousands_and_slash() -> None:
    values = ["１２", "1,234", "/", "", "5"] + ["0"] * 10
    blocks = [b if not isinstance(b, Grid) else _t4_grid(values) for b in _doc()]
    table = assemble(blocks).report.review_litigation
    assert [table[f"review.{c.id}"] for c in T4.groups[0].columns] == [
        12,
        1234,
        NOT_APPLICABLE,
        BLANK,
        5,
    ]


def test_unreadable_value_is_blank_with_an_uncertain_finding() -> None:
    values = ["约5"] + ["0"] * 14
    blocks = [b if not isinstance(b, Grid) else _t4_grid(values) for b in _doc()]
    result = assemble(blocks)
    assert result.report.review_litigation["review.upheld"] is BLANK
    [finding] = [f for f in result.findings if f.code == "R.CELL"]
    assert (finding.paths, finding.reported, finding.status) == (
        ("review_litigation.review.upheld",),
        "约5",
        Status.UNCERTAIN,
    )


def test_one_value_merged_over_several_columns_is_not_split() -> None:
    grid = _t4_grid(["0"] * 15)
    origin = list(grid.origin or ())
    origin[3] = tuple((3, 0) if c < 5 else (3, c) for c in range(15))
    merged = Grid(cells=grid.cells, origin=tuple(origin), location="table 1")
    result = assemble([b if not isinstance(b, Grid) else merged for b in _doc()])
    table = result.report.review_litigation
    assert all(table[f"review.{c.id}"] is BLANK for c in T4.groups[0].columns)
    [finding] = [f for f in result.findings if f.code == "R.CELL"]
    assert len(finding.paths) == 5
    assert "spans several columns" in finding.message_en


def test_rows_of_a_headerless_table_in_format_order_with_a_warning() -> None:
    grid = Grid(cells=(("行政复议", "1", "0", "0", "0", "1"),), location="table 1")
    result = assemble([b if not isinstance(b, Grid) else grid for b in _doc()])
    assert result.report.review_litigation["review.total"] == 1
    assert "R.HEADER_MISSING" in _codes(result)


def test_missing_table_is_one_error_not_one_per_row() -> None:
    result = assemble([b for b in _doc() if not isinstance(b, Grid)])
    missing = [f for f in result.findings if f.code in ("R.TABLE_MISSING", "R.ROW_MISSING")]
    assert [(f.code, f.paths) for f in missing] == [
        ("R.TABLE_MISSING", ("proactive",)),
        ("R.TABLE_MISSING", ("applications",)),
        ("R.TABLE_MISSING", ("review_litigation",)),
    ]


def test_missing_tables_are_errors_that_say_there_are_no_tables_at_all() -> None:
    result = assemble([b for b in _doc() if not isinstance(b, Grid)])
    missing = [f for f in result.findings if f.code == "R.TABLE_MISSING"]
    assert {(f.severity, f.status) for f in missing} == {(Severity.ERROR, Status.FAIL)}
    assert missing[1].message_en == (
        "table 3 (Disclosure requests received and handled) was not found; its cells are "
        "left blank: the document has no tables at all (published as images, or not "
        "recognisable as tables)"
    )
    assert missing[1].message_zh.endswith(
        "：文档中没有任何表格（表格可能以图片形式发布，或未能识别为表格）"
    )


def test_a_missing_table_names_the_tables_the_document_has_instead() -> None:
    other = Grid(cells=(("序号", "事项"), ("1", "网站改版")), location="table 2")
    result = assemble([*_doc(), other])
    [t2, t3] = [f for f in result.findings if f.code == "R.TABLE_MISSING"]
    assert t3.paths == ("applications",)
    assert t3.message_en.endswith(
        ": the document has 2 table(s) (read as table 4; 1 none of the statistic tables), "
        "none with the labels of table 3"
    )
    assert t3.message_zh.endswith(
        "：文档有2张表格（读作表4；1张不是统计表），没有一张带有表3的标签"
    )
    assert t2.paths == ("proactive",)


def test_flattened_short_row_with_an_empty_field_among_its_values_is_quoted() -> None:
    flat = Grid(
        cells=(
            ("行政复议", "行政诉讼", ""),
            (
                "结果维持",
                "结果纠正",
                "其他结果",
                "尚未审结",
                "总计",
                "未经复议直接起诉",
                "复议后起诉",
            ),
            ("5", "", "7"),
        ),
        location="lines 1-3",
        row_locations=("line 1", "line 2", "line 3"),
    )
    result = assemble([b if not isinstance(b, Grid) else flat for b in _doc()])
    assert all(v is BLANK for v in result.report.review_litigation.values)
    [finding] = [f for f in result.findings if f.code == "R.CELL"]
    assert (finding.reported, finding.location, len(finding.paths)) == ("5 |  | 7", "line 3", 15)


# --- what the source already knows ---------------------------------------------------------


def test_known_agency_kind_is_taken_without_a_finding() -> None:
    known = Known(agency_kind=AgencyKind.GOVERNMENT)
    result = assemble(_doc(title="某县发展和改革局2023年政府信息公开工作年度报告"), known=known)
    assert result.report.metadata.agency_kind is AgencyKind.GOVERNMENT
    assert "R.AGENCY_KIND" not in _codes(result)


def test_known_fee_wins_over_the_text_of_section_six_without_a_finding() -> None:
    fee = ProcessingFee(amount=Decimal("80.50"), applications=2)
    statement = Paragraph(text="全年收取政府信息公开信息处理费0元。")
    result = assemble(_doc(statement), known=Known(states_fee=True, processing_fee=fee))
    assert result.report.processing_fee == fee
    assert "R.FEE" not in _codes(result)


def test_known_absence_of_a_fee_is_no_fee_whatever_the_text_says() -> None:
    statement = Paragraph(text="全年收取政府信息公开信息处理费0元。")
    result = assemble(_doc(statement), known=Known(states_fee=True))
    assert result.report.processing_fee is None
    assert "R.FEE" not in _codes(result)


def test_known_identity_is_the_reports_and_a_differing_title_is_kept_as_custom() -> None:
    known = Known(agency="某县人民政府", year=2022)
    result = assemble(_doc(), known=known)
    meta = result.report.metadata
    assert (meta.agency, meta.year) == ("某县人民政府", 2022)
    assert meta.title == "某县发展和改革局2023年政府信息公开工作年度报告"
