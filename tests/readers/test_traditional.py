"""A report written in Traditional Chinese (政府資訊公開工作年度報告) is read: labels and
headings matched after conversion to Simplified, its text kept as printed, with an
``R.TRADITIONAL`` notice (issue 9).

``tests/fixtures/traditional/report.html`` is ``tests/fixtures/same_report/report.html``
converted once with OpenCC's s2t and 信息 written 資訊 (政府資訊公開), so every cell
is known.
"""

from __future__ import annotations

from pathlib import Path

from govinfo_report._traditional import is_traditional, simplified
from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.readers._labels import normalize
from govinfo_report.readers.html import HtmlReader

FIXTURES = Path(__file__).parents[1] / "fixtures"
TRADITIONAL = (FIXTURES / "traditional" / "report.html").read_bytes()
SIMPLIFIED = (FIXTURES / "same_report" / "report.html").read_bytes()


def test_a_traditional_report_reads_the_cells_of_its_simplified_original() -> None:
    traditional = HtmlReader().read(TRADITIONAL, source="tw.html")
    original = HtmlReader().read(SIMPLIFIED, source="cn.html")
    assert traditional.report.tables == original.report.tables
    meta = traditional.report.metadata
    assert (meta.year, meta.format_version) == (2022, original.report.metadata.format_version)
    assert meta.agency == "某某縣人民政府"  # as printed
    # Every section found, its text kept in Traditional characters.
    assert [s.id for s in traditional.report.sections] == [s.id for s in original.report.sections]
    headings = [s.heading for s in traditional.report.sections]
    assert "二、主動公開政府資訊情況" in headings
    assert traditional.report.sections[0].paragraphs == ("全年主動公開資訊86條。",)
    codes = {f.code for f in traditional.findings}
    assert "R.TRADITIONAL" in codes
    # Nothing else reported than for the original (whose tables print only some rows).
    assert [f.paths for f in traditional.findings if f.code == "R.ROW_MISSING"] == [
        f.paths for f in original.findings if f.code == "R.ROW_MISSING"
    ]
    assert codes - {"R.TRADITIONAL"} == {f.code for f in original.findings}
    [notice] = [f for f in traditional.findings if f.code == "R.TRADITIONAL"]
    assert notice.message_en.startswith("the document is written in Traditional Chinese")


def test_a_simplified_report_gives_no_traditional_notice() -> None:
    result = HtmlReader().read(SIMPLIFIED, source="cn.html")
    assert "R.TRADITIONAL" not in {f.code for f in result.findings}
    assert not is_traditional(["某某縣人民政府2022年政府信息公开工作年度报告，" * 3])


def test_the_official_labels_in_traditional_characters_match_their_simplified_form() -> None:
    assert simplified("政府資訊公開工作年度報告") == "政府信息公开工作年度报告"
    assert simplified("收到和處理政府資訊公開申請情況") == "收到和处理政府信息公开申请情况"
    assert normalize("（三）不予公開 / 2.其他法律行政法規禁止公開") == normalize(
        "（三）不予公开 / 2.其他法律行政法规禁止公开"
    )
    # One character for one: the printed agency's place in a title maps back.
    text = "某某縣人民政府2022年政府資訊公開工作年度報告"
    assert len(simplified(text)) == len(text)


def test_the_conversion_leaves_every_simplified_label_as_it_is() -> None:
    # A Traditional form that is itself a Simplified character of a label (干 for 幹)
    # must not be in the table: it would change the Simplified labels themselves.
    for version in FormatVersion:
        spec = get_format(version)
        labels = [s.heading for s in spec.sections]
        for table in spec.tables:
            labels += [row.label for row in table.rows]
            labels += [c.label for g in table.groups for c in g.columns]
        for label in labels:
            assert simplified(label) == label, label
