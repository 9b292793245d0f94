"""The PDF reader's geometry on small made-up inputs: cell grids and merges from ruling
lines, a table joined over a page break, paragraphs and page furniture."""

from __future__ import annotations

from govinfo_report.readers._document import Paragraph
from govinfo_report.readers._pages import Char, Edge
from govinfo_report.readers._pdf_joins import mend
from govinfo_report.readers._pdf_lines import Segment, cell_text, group_lines
from govinfo_report.readers._pdf_tables import find_tables, grid, join
from govinfo_report.readers._pdf_unruled import _part_span
from govinfo_report.readers.pdf import extract
from readers.test_pdf_limits import pdf


def h(y: float, x0: float, x1: float) -> Edge:
    return Edge(x0, y, x1, y)


def v(x: float, y0: float, y1: float) -> Edge:
    return Edge(x, y0, x, y1)


def chars(text: str, x: float, y: float, size: float = 10.0) -> list[Char]:
    return [
        Char(c, x + i * size, y, x + (i + 1) * size, y + size, size) for i, c in enumerate(text)
    ]


def test_a_missing_inner_border_is_a_merged_cell() -> None:
    # Two rows, three columns; the first row has no border between columns 2 and 3.
    edges = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), v(0, 0, 40), v(100, 0, 40)]
    edges += [v(200, 20, 40), v(300, 0, 40)]
    (table,) = find_tables(edges, "page 1")
    table.chars += chars("标签", 10, 5) + chars("合并", 150, 5) + chars("1", 110, 25)
    table.chars += chars("2", 210, 25)
    cells, origins = grid(table)
    assert cells == (("标签", "合并", "合并"), ("", "1", "2"))
    assert origins == (((0, 0), (0, 1), (0, 1)), ((1, 0), (1, 1), (1, 2)))


def test_a_label_printed_one_character_a_line_is_one_cell_text() -> None:
    column = [c for i, ch in enumerate("三、本年度") for c in chars(ch, 5, i * 14.0)]
    assert cell_text(column) == "三、本年度"
    assert len(group_lines(column)) == 5


def test_a_frame_alone_is_no_table() -> None:
    assert find_tables([h(0, 0, 500), h(700, 0, 500), v(0, 0, 700), v(500, 0, 700)], "p") == []


def test_a_table_continued_on_the_next_page_repeats_no_header_and_mends_a_broken_row() -> None:
    def part(top: float) -> list[Edge]:
        return [h(top, 0, 300), h(top + 20, 0, 300), h(top + 40, 0, 300)] + [
            v(x, top, top + 40) for x in (0, 200, 300)
        ]

    (first,) = find_tables(part(600), "page 1")
    first.chars += chars("信息内容", 5, 605) + chars("总计", 205, 605)
    first.chars += chars("3.补正后申请内容仍", 5, 625)
    (second,) = find_tables(part(50), "page 2")
    second.chars += chars("信息内容", 5, 55) + chars("总计", 205, 55)
    second.chars += chars("不明确", 5, 75) + chars("25", 205, 75)
    assert join(first, second)
    cells, origins = grid(first)
    assert cells == (("信息内容", "总计"), ("3.补正后申请内容仍不明确", "25"))
    assert origins == (((0, 0), (0, 1)), ((1, 0), (1, 1)))


def test_two_complete_rows_at_a_page_break_stay_two_rows() -> None:
    cells = (("a", "b"), ("1.属于国家秘密", "1"), ("2.重复申请", "2"))
    origins = tuple(tuple((r, c) for c in range(2)) for r in range(3))
    assert mend(cells, origins, [2]) == (cells, origins)


def test_tables_with_other_borders_are_not_joined() -> None:
    (first,) = find_tables(
        [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), v(0, 0, 40), v(300, 0, 40)], "p"
    )
    (other,) = find_tables(
        [h(0, 0, 200), h(20, 0, 200), h(40, 0, 200), v(0, 0, 40), v(200, 0, 40)], "p"
    )
    assert not join(first, other)


def test_page_numbers_and_running_headers_are_left_out() -> None:
    def page(n: int) -> bytes:
        body = b"".join(
            b"BT /F1 12 Tf 72 %d Td (Body text line %d of page %d, long enough.) Tj ET\n"
            % (700 - 20 * i, i, n)
            for i in range(3)
        )
        header = b"BT /F1 9 Tf 72 810 Td (City Bureau annual report) Tj ET\n"
        number = b"BT /F1 9 Tf 290 30 Td (- %d -) Tj ET\n" % n
        return header + body + number

    blocks, _ = extract(pdf([page(n) for n in (1, 2, 3)]))
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert not any("City Bureau" in t or t.startswith("-") for t in texts)
    body = " ".join(texts)
    lines = [f"Body text line {i} of page {n}" for n in (1, 2, 3) for i in range(3)]
    assert all(line in body for line in lines)
    assert [body.index(line) for line in lines] == sorted(body.index(line) for line in lines)


def test_a_table_4_part_name_heads_the_five_columns_centred_under_it() -> None:
    columns = [100.0 + 20 * c for c in range(15)]  # three parts of five columns
    # 复议后起诉 centred over the last five columns; 行政复议 over the first five.
    assert _part_span(Segment(320, 360, "复议后起诉"), columns) == range(10, 15)
    assert _part_span(Segment(125, 155, "行政复议"), columns) == range(5)
    # Not a part's name (行政诉讼 heads ten columns), or no five columns under it.
    assert _part_span(Segment(230, 270, "行政诉讼"), columns) is None
    assert _part_span(Segment(20, 60, "行政复议"), columns) is None
    assert _part_span(Segment(125, 155, "行政复议"), columns[:4]) is None
