"""The DOCX reader's first half: WordprocessingML → paragraphs and grids, as Word shows it."""

from __future__ import annotations

from govinfo_report.readers._document import Grid, Paragraph
from govinfo_report.readers.docx import extract
from readers.docx_parts import p, package, tbl, tc, tr


def blocks(body: str, **kwargs: str) -> list[Paragraph | Grid]:
    return list(extract(package(body, **kwargs)).blocks)


def texts(body: str, **kwargs: str) -> list[str]:
    return [b.text for b in blocks(body, **kwargs) if isinstance(b, Paragraph)]


def only_grid(body: str) -> Grid:
    (grid,) = [b for b in blocks(body) if isinstance(b, Grid)]
    return grid


# --- paragraphs --------------------------------------------------------------------------


def test_paragraphs_come_in_document_order_with_locations() -> None:
    result = blocks(p("第一段") + "<w:p/>" + p("第二段"))
    assert result == [
        Paragraph(text="第一段", location="paragraph 1"),
        Paragraph(text="第二段", location="paragraph 2"),
    ]


def test_runs_hyperlinks_and_smart_tags_join_into_one_text() -> None:
    body = (
        "<w:p><w:r><w:t>政府</w:t></w:r><w:hyperlink><w:r><w:t>信息</w:t></w:r></w:hyperlink>"
        "<w:smartTag><w:r><w:t>公开</w:t></w:r></w:smartTag></w:p>"
    )
    assert texts(body) == ["政府信息公开"]


def test_deleted_revision_is_dropped_and_inserted_kept() -> None:
    body = (
        "<w:p><w:r><w:t>受理</w:t></w:r>"
        "<w:del><w:r><w:delText>858</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>859</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r></w:p>"
    )
    assert texts(body) == ["受理859件"]


def test_moved_from_text_is_dropped() -> None:
    body = "<w:p><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:r><w:t>新</w:t></w:r></w:p>"
    assert texts(body) == ["新"]


def test_complex_field_shows_its_result_not_its_code() -> None:
    body = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> =SUM(LEFT) </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>26</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    assert texts(body) == ["26"]


def test_simple_field_shows_its_result() -> None:
    body = (
        '<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>2024年1月17日</w:t></w:r></w:fldSimple></w:p>'
    )
    assert texts(body) == ["2024年1月17日"]


def test_line_break_inside_a_paragraph_is_a_newline() -> None:
    body = "<w:p><w:r><w:t>沭阳县发展和改革局</w:t><w:br/><w:t>2023年政府信息公开年度报告</w:t></w:r></w:p>"
    assert texts(body) == ["沭阳县发展和改革局\n2023年政府信息公开年度报告"]


def test_tabs_and_no_break_spaces_are_kept_for_the_assembler_to_normalise() -> None:
    body = "<w:p><w:r><w:t>电话：</w:t><w:tab/><w:t>0527\u00a083593059</w:t></w:r></w:p>"
    assert texts(body) == ["电话：\t0527\u00a083593059"]


def test_block_content_control_gives_its_content() -> None:
    body = (
        "<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>"
        + p("受控内容")
        + ("</w:sdtContent></w:sdt>")
    )
    assert texts(body) == ["受控内容"]


def test_alternate_content_is_read_once_from_the_first_choice() -> None:
    box = "<w:txbxContent>" + p("文本框里的字") + "</w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    assert texts(body) == ["正文", "文本框里的字"]


def test_table_inside_a_text_box_becomes_a_grid() -> None:
    inner = tbl(tr(tc("信息内容"), tc("本年制发件数")), tr(tc("规章"), tc("3")), columns=2)
    body = f"<w:p><w:r><w:pict><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></w:pict></w:r></w:p>"
    assert only_grid(body).cells == (("信息内容", "本年制发件数"), ("规章", "3"))


# --- heading hints ------------------------------------------------------------------------

STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Custom"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="Derived"/>'
    '<w:basedOn w:val="1"/></w:style>'
)


def levels(body: str) -> list[int | None]:
    return [b.level for b in blocks(body, styles=STYLES) if isinstance(b, Paragraph)]


def test_heading_style_names_give_levels_in_english_and_chinese() -> None:
    body = p("一、总体情况", '<w:pStyle w:val="1"/>') + p(
        "（一）主动公开", '<w:pStyle w:val="a3"/>'
    )
    assert levels(body) == [1, 2]


def test_title_style_is_level_zero() -> None:
    assert levels(p("报告", '<w:pStyle w:val="Title"/>')) == [0]


def test_outline_level_of_the_style_or_paragraph_gives_the_level() -> None:
    body = p("一、总体情况", '<w:pStyle w:val="Outline"/>') + p("正文", '<w:outlineLvl w:val="1"/>')
    assert levels(body) == [1, 2]


def test_style_based_on_a_heading_is_not_itself_a_heading() -> None:
    assert levels(p("一段", '<w:pStyle w:val="Derived"/>')) == [None]


def test_bold_or_heiti_numbered_line_is_a_heading_by_its_number() -> None:
    body = (
        p("一、总体情况", rpr="<w:b/>")
        + p("（一）主动公开", rpr='<w:rFonts w:eastAsia="方正楷体_GBK"/>')
        + p("1.规章", rpr="<w:b/>")
    )
    assert levels(body) == [1, 2, 3]


def test_plain_numbered_line_is_body_text() -> None:
    assert levels(p("一、总体情况")) == [None]


def test_bold_with_w_val_false_is_not_bold() -> None:
    assert levels(p("一、总体情况", rpr='<w:b w:val="0"/>')) == [None]


def test_centered_emphasised_lines_at_the_top_are_the_title() -> None:
    title = '<w:jc w:val="center"/>'
    body = (
        p("沭阳县发展和改革局", title, '<w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/>')
        + p("2023年政府信息公开年度报告", title, '<w:sz w:val="44"/>')
        + p("根据《条例》要求……")
        + p("表格标题", title, "<w:b/>")
    )
    assert levels(body) == [0, 0, None, None]


NUMBERING = (
    '<w:abstractNum w:abstractNumId="7">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>'
)


def numbered(text: str, ilvl: int) -> str:
    return p(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="3"/></w:numPr>')


def test_list_numbers_are_rendered_in_front_of_the_text() -> None:
    body = (
        numbered("总体情况", 0)
        + numbered("主动公开", 1)
        + numbered("依申请公开", 1)
        + numbered("规章", 2)
        + numbered("主动公开政府信息情况", 0)
        + numbered("小节", 1)
    )
    assert texts(body, numbering=NUMBERING) == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "1.规章",
        "二、主动公开政府信息情况",
        "（一）小节",
    ]


def test_list_numbers_count_past_ten_in_chinese() -> None:
    body = "".join(numbered(f"第{i}", 0) for i in range(1, 13))
    assert texts(body, numbering=NUMBERING)[9:] == ["十、第10", "十一、第11", "十二、第12"]


def test_a_number_already_typed_is_not_doubled() -> None:
    assert texts(numbered("一、总体情况", 0), numbering=NUMBERING) == ["一、总体情况"]


# --- tables -------------------------------------------------------------------------------


def test_grid_span_repeats_the_text_with_one_origin() -> None:
    grid = only_grid(
        tbl(
            tr(tc("第二十条第（五）项", '<w:gridSpan w:val="3"/>')),
            tr(tc("信息内容"), tc("本年处理决定数量", '<w:gridSpan w:val="2"/>')),
            columns=3,
        )
    )
    assert grid.cells == (
        ("第二十条第（五）项",) * 3,
        ("信息内容", "本年处理决定数量", "本年处理决定数量"),
    )
    assert grid.origin == (((0, 0),) * 3, ((1, 0), (1, 1), (1, 1)))


def test_vertical_merge_continues_the_restart_cell_above() -> None:
    grid = only_grid(
        tbl(
            tr(tc("三、本年度办理结果", '<w:vMerge w:val="restart"/>'), tc("（一）予以公开")),
            tr(tc("", "<w:vMerge/>"), tc("（二）部分公开")),
            tr(tc("", '<w:vMerge w:val="continue"/>'), tc("（七）总计")),
            tr(tc("四、结转下年度继续办理"), tc("0")),
            columns=2,
        )
    )
    assert [row[0] for row in grid.cells] == ["三、本年度办理结果"] * 3 + ["四、结转下年度继续办理"]
    assert [row[0] for row in grid.origin or ()] == [(0, 0), (0, 0), (0, 0), (3, 0)]


def test_vertical_merge_of_a_spanning_cell_covers_all_its_columns() -> None:
    grid = only_grid(
        tbl(
            tr(
                tc("勾稽关系", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'),
                tc("申请人情况"),
            ),
            tr(tc("", '<w:gridSpan w:val="2"/><w:vMerge/>'), tc("自然人")),
            columns=3,
        )
    )
    assert grid.cells[1] == ("勾稽关系", "勾稽关系", "自然人")
    assert grid.origin is not None
    assert grid.origin[1] == ((0, 0), (0, 0), (1, 2))


def test_legacy_horizontal_merge_joins_the_cells() -> None:
    grid = only_grid(
        tbl(
            tr(
                tc("第二十条第（一）项", '<w:hMerge w:val="restart"/>'),
                tc("", '<w:hMerge w:val="continue"/>'),
                tc("", '<w:hMerge w:val="continue"/>'),
            ),
            tr(tc("规章"), tc("1"), tc("2")),
            columns=3,
        )
    )
    assert grid.cells[0] == ("第二十条第（一）项",) * 3
    assert grid.origin is not None
    assert grid.origin[0] == ((0, 0),) * 3


def test_grid_before_shifts_a_row_and_short_rows_are_padded() -> None:
    grid = only_grid(
        tbl(
            tr(tc("a"), tc("b"), tc("c")),
            tr(tc("x"), pr='<w:gridBefore w:val="1"/>'),
            columns=3,
        )
    )
    assert grid.cells == (("a", "b", "c"), ("", "x", ""))


def test_cell_paragraphs_join_with_newlines() -> None:
    grid = only_grid(tbl(tr(tc("本年新\n制作数量")), columns=1))
    assert grid.cells == (("本年新\n制作数量",),)


def test_rows_and_cells_inside_content_controls_are_read() -> None:
    row = tr(tc("规章"), "<w:sdt><w:sdtContent>" + tc("5") + "</w:sdtContent></w:sdt>")
    body = tbl("<w:sdt><w:sdtContent>" + row + "</w:sdtContent></w:sdt>", columns=2)
    assert only_grid(body).cells == (("规章", "5"),)


def test_row_deleted_with_tracked_changes_is_skipped() -> None:
    body = tbl(tr(tc("保留")), tr(tc("删除"), pr="<w:del/>"), columns=1)
    assert only_grid(body).cells == (("保留",),)


def test_nested_table_follows_its_parent_grid() -> None:
    inner = tbl(tr(tc("内"), tc("表")), columns=2)
    outer = tbl(
        tr(tc("外"), "<w:tc><w:tcPr/>" + p("说明") + inner + "</w:tc>"),
        columns=2,
    )
    grids = [b for b in blocks(outer) if isinstance(b, Grid)]
    assert [g.cells for g in grids] == [(("外", "说明"),), (("内", "表"),)]
    assert [g.location for g in grids] == ["table 1", "table 2"]


def test_one_column_frame_around_the_report_is_read_as_its_content() -> None:
    inner = tbl(tr(tc("信息内容"), tc("本年制发件数")), columns=2)
    frame = tbl(
        tr("<w:tc><w:tcPr/>" + p("一、总体情况") + inner + p("正文") + "</w:tc>"), columns=1
    )
    result = blocks(frame)
    assert [type(b).__name__ for b in result] == ["Paragraph", "Grid", "Paragraph"]
    assert isinstance(result[1], Grid)
    assert result[1].cells == (("信息内容", "本年制发件数"),)


def test_embedded_property_is_returned_with_the_blocks() -> None:
    from govinfo_report import _embedded
    from readers.docx_parts import custom_properties

    data = package(p("x"), custom=custom_properties(_embedded.PROPERTY, '{"version": 1}'))
    assert extract(data).embedded == '{"version": 1}'


def test_hidden_text_is_not_displayed_so_not_read() -> None:
    body = (
        "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        "<w:r><w:rPr><w:vanish w:val='0'/></w:rPr><w:t>显示</w:t></w:r></w:p>"
    )
    assert texts(body) == ["显示"]


def test_ruby_reads_the_base_text_only() -> None:
    body = (
        "<w:p><w:r><w:ruby><w:rt><w:r><w:t>shù</w:t></w:r></w:rt>"
        "<w:rubyBase><w:r><w:t>沭</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"
    )
    assert texts(body) == ["沭"]
