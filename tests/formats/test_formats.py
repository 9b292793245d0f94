"""The format declarations: sizes, ids and labels as the statutory formats print them."""

from __future__ import annotations

import pytest

from govinfo_report import FormatVersion, UnknownFormatError, format_for_year, get_format
from govinfo_report.formats import FORMATS, CellKind


@pytest.mark.parametrize(
    ("version", "sizes"),
    [(FormatVersion.V2019, (22, 161, 15)), (FormatVersion.V2021, (10, 175, 15))],
)
def test_each_format_has_the_official_number_of_cells(version, sizes):
    assert tuple(len(t.cells) for t in get_format(version).tables) == sizes


@pytest.mark.parametrize("version", list(FormatVersion))
def test_cell_ids_are_unique_and_indexed_in_order(version):
    for table in get_format(version).tables:
        ids = [c.id for c in table.cells]
        assert len(ids) == len(set(ids))
        assert [table.index[i] for i in ids] == list(range(len(ids)))


def test_table3_2021_splits_other_handling_into_three_rows():
    rows = [r.id for r in get_format("2021").applications.rows]
    assert rows[-5:] == [
        "other_no_amendment",
        "other_unpaid_fee",
        "other_other",
        "total_outcomes",
        "carried_forward",
    ]
    assert "other_handling" in [r.id for r in get_format("2019").applications.rows]


def test_table3_labels_are_verbatim():
    spec = get_format("2021").applications
    assert spec.cell("withheld_security.total").row.label_path == (
        "三、本年度办理结果",
        "（三）不予公开",
        "3.危及“三安全一稳定”",
    )
    assert spec.corner_note == (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    )
    assert spec.cell("new_received.research_institution").labels == (
        "一、本年新收政府信息公开申请数量",
        "法人或其他组织",
        "科研机构",
    )


def test_outcome_rows_span_the_documented_number_of_rows():
    # 三、本年度办理结果 spans 22 rows in 2021 and 20 in 2019 (including （七）总计).
    for version, span in (("2021", 22), ("2019", 20)):
        rows = get_format(version).applications.rows
        assert sum(r.label_path[0] == "三、本年度办理结果" for r in rows) == span


def test_money_and_signed_cells_are_declared_by_kind():
    t2_2021 = get_format("2021").proactive
    assert t2_2021.cell("fees.amount").kind is CellKind.MONEY
    assert t2_2021.cell("fees.amount").column.label == "本年收费金额（单位：万元）"
    t2_2019 = get_format("2019").proactive
    signed = [c.id for c in t2_2019.cells if c.kind is CellKind.SIGNED_COUNT]
    assert signed == [
        "licensing.change",
        "other_services.change",
        "penalties.change",
        "enforcement.change",
        "fees.change",
    ]
    assert t2_2019.cell("procurement.amount").kind is CellKind.MONEY


def test_table4_is_identical_in_both_formats():
    a, b = (get_format(v).review_litigation for v in FormatVersion)
    assert [(c.id, c.labels) for c in a.cells] == [(c.id, c.labels) for c in b.cells]


@pytest.mark.parametrize(
    ("year", "version"),
    [
        (2019, FormatVersion.V2019),
        (2020, FormatVersion.V2019),
        (2021, FormatVersion.V2021),
        (2035, FormatVersion.V2021),
    ],
)
def test_format_for_year(year, version):
    assert format_for_year(year).version is version


def test_no_format_before_2019():
    with pytest.raises(UnknownFormatError, match="2018"):
        format_for_year(2018)


def test_unknown_version_lists_the_known_ones():
    with pytest.raises(UnknownFormatError, match="'2019', '2021'"):
        get_format("2020")


def test_unknown_cell_names_the_table_and_format():
    with pytest.raises(KeyError, match=r"applications.*2021"):
        get_format("2021").applications.cell("nope.total")


def test_both_formats_share_the_six_section_headings():
    headings = [s.heading for s in FORMATS[FormatVersion.V2019].sections]
    assert headings == [s.heading for s in FORMATS[FormatVersion.V2021].sections]
    assert headings[0] == "一、总体情况"
    assert headings[5] == "六、其他需要报告的事项"
