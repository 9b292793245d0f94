"""The HTML reader on portal-style pages of published reports and on bad input."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report.errors import ReportReadError
from govinfo_report.formats import FormatVersion
from govinfo_report.model import Contact, ExtraRow, ProcessingFee
from govinfo_report.readers import MAX_SOURCE_BYTES, ReadResult, detect, read_report
from govinfo_report.readers.html import MAX_HTML_BYTES, HtmlReader, to_blocks
from govinfo_report.readers.text import TextReader
from published import (
    SHANGHAI_2019_T2,
    SHANGHAI_2019_T3,
    SHANGHAI_2019_T4,
    SHUYANG_2023_T2,
    SHUYANG_2023_T3,
    SHUYANG_2023_T4,
    rows_of,
)
from readers.fuzzing import read_or_refuse, splice

FIXTURES = Path(__file__).parent.parent / "fixtures"
SHANGHAI = FIXTURES / "html" / "shanghai_2019.html"
SHUYANG = FIXTURES / "html" / "shuyang_2023_gbk.html"
HUBEI = FIXTURES / "html" / "hubei_style_2020.html"
READER = HtmlReader()


@pytest.fixture(scope="module")
def shanghai() -> ReadResult:
    return read_report(SHANGHAI)


@pytest.fixture(scope="module")
def shuyang() -> ReadResult:
    return read_report(SHUYANG)


@pytest.fixture(scope="module")
def hubei() -> ReadResult:
    return read_report(HUBEI)


@pytest.mark.parametrize("path", [SHANGHAI, SHUYANG, HUBEI])
def test_pages_are_detected_as_html(path: Path) -> None:
    assert detect(path.read_bytes(), "").name == "html"


# --- Shanghai 2019 (UTF-8, rowspan="20") ---------------------------------------------------


def test_shanghai_tables_every_cell(shanghai: ReadResult) -> None:
    report = shanghai.report
    assert report.metadata.format_version is FormatVersion.V2019
    assert rows_of(report.proactive) == SHANGHAI_2019_T2
    assert rows_of(report.applications) == SHANGHAI_2019_T3
    assert rows_of(report.review_litigation) == SHANGHAI_2019_T4


def test_shanghai_metadata(shanghai: ReadResult) -> None:
    meta = shanghai.report.metadata
    assert (meta.agency, meta.year, meta.publication_date) == (
        "上海市人民政府办公厅",
        2019,
        dt.date(2020, 1, 31),
    )


def test_shanghai_page_reads_as_the_text_transcription_does(shanghai: ReadResult) -> None:
    text = TextReader().read(
        (FIXTURES / "text" / "02_shanghai_szfbgt_2019.txt").read_bytes(), source="02.txt"
    )
    assert shanghai.report.sections == text.report.sections
    assert shanghai.report.intro == text.report.intro


def test_shanghai_furniture_is_left_out(shanghai: ReadResult) -> None:
    everything = " ".join(
        [
            *shanghai.report.intro,
            *(p for s in shanghai.report.sections for p in s.paragraphs),
            *(p for s in shanghai.report.sections for sub in s.subsections for p in sub.paragraphs),
        ]
    )
    for furniture in ("首页", "字号", "打印本页", "网站标识码", "相关文章", "2018年上海市"):
        assert furniture not in everything


def test_shanghai_rowspan_20_is_expanded() -> None:
    grids = [b for b in to_blocks(SHANGHAI.read_bytes()) if hasattr(b, "cells")]
    table3 = grids[1]
    outcome_rows = [r for r in table3.cells if r[0] == "三、本年度办理结果"]
    assert len(outcome_rows) == 20
    assert all(len(r) == 10 for r in table3.cells)


# --- Shuyang 2023 (GBK, rowspan="22") ------------------------------------------------------


def test_shuyang_gbk_page_tables_every_cell(shuyang: ReadResult) -> None:
    report = shuyang.report
    assert report.metadata.format_version is FormatVersion.V2021
    assert rows_of(report.proactive) == SHUYANG_2023_T2
    assert rows_of(report.applications) == SHUYANG_2023_T3
    assert rows_of(report.review_litigation) == SHUYANG_2023_T4


def test_shuyang_metadata_and_contact(shuyang: ReadResult) -> None:
    meta = shuyang.report.metadata
    assert meta.agency == "沭阳县发展和改革局"
    assert meta.signing_date == dt.date(2024, 1, 17)
    assert meta.publication_date == dt.date(2024, 1, 17)
    assert meta.contact == Contact(
        office="沭阳县发展和改革局",
        address="沭阳县沭城街道苏州东路42号",
        postcode="223600",
        phone="0527—83593059",
    )


def test_shuyang_processing_fee_from_section_six(shuyang: ReadResult) -> None:
    assert shuyang.report.processing_fee == ProcessingFee(amount=Decimal(0))


def test_shuyang_indented_paragraphs_are_trimmed(shuyang: ReadResult) -> None:
    assert shuyang.report.intro[0].startswith("根据《中华人民共和国政府信息公开条例》")


def test_gbk_page_without_declaration_is_detected() -> None:
    data = SHUYANG.read_bytes().replace(b"; charset=gbk", b"")
    assert READER.read(data).report == read_report(SHUYANG).report


def test_wrongly_declared_utf8_falls_back_to_gb18030() -> None:
    data = SHUYANG.read_bytes().replace(b"charset=gbk", b"charset=utf-8")
    assert READER.read(data).report.metadata.agency == "沭阳县发展和改革局"


# --- a portal's info line -------------------------------------------------------------------

_INFO_PAGE = """<html><head><meta charset="utf-8"></head><body>
<div class="crumbs">首页 &gt; 政府信息公开 &gt; 年度报告</div>
<h1>示例县发展和改革局2023年政府信息公开工作年度报告</h1>
<div class="info">来源：示例县发展和改革局　发布时间：2024-01-19 10:02　浏览次数：57</div>
<p>本年度报告根据《条例》编制。</p>
<p>一、总体情况</p><p>全年主动公开信息120条。</p>
<p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<p>五、存在的主要问题及改进情况</p><p>解读不够及时。</p>
<p>六、其他需要报告的事项</p><p>无。</p>
<p>示例县发展和改革局</p><p>2024年1月17日</p>
</body></html>"""


def test_portal_info_line_gives_the_publication_date_not_the_signing_date() -> None:
    result = read_report(_INFO_PAGE.encode(), "html")
    meta = result.report.metadata
    assert (meta.publication_date, meta.signing_date) == (
        dt.date(2024, 1, 19),
        dt.date(2024, 1, 17),
    )
    assert result.report.intro == ("本年度报告根据《条例》编制。",)


# --- Hubei-style 2020 (annotated labels, extra row, typo, layout table) --------------------


def test_hubei_annotated_labels_are_matched(hubei: ReadResult) -> None:
    table = hubei.report.proactive
    assert table["rules.made"] == 13
    assert table["licensing.items_last_year"] == 0
    assert table["licensing.decisions"] == 0
    reported = {f.reported for f in hubei.findings if f.code == "R.LABEL_VARIANT"}
    assert {
        "规章（设区的市、自治州人民政府应提供相关数据）",
        "上一年项目数量（指2019年事项数）",
        "处理决定数量（指2020年办件量）",
        "2.其他法律行政法规禁公开",
    } <= reported


def test_hubei_extra_row_is_kept_after_its_row(hubei: ReadResult) -> None:
    assert hubei.report.proactive.extra_rows == (
        ExtraRow(label="其他主动公开文件", values=(12, 12, 30), after="normative_documents"),
    )
    assert any(f.code == "R.EXTRA_ROW" for f in hubei.findings)


def test_hubei_tables_match_the_shanghai_values(hubei: ReadResult) -> None:
    assert rows_of(hubei.report.applications) == SHANGHAI_2019_T3
    assert rows_of(hubei.report.review_litigation) == SHANGHAI_2019_T4


def test_hubei_two_line_title_signature_and_contact(hubei: ReadResult) -> None:
    meta = hubei.report.metadata
    assert meta.agency == "示例市研究室"
    assert meta.year == 2020
    assert meta.title is None  # the standard title, broken over two lines
    assert meta.signing_date == dt.date(2021, 1, 20)
    assert meta.contact == Contact(
        office="示例市研究室办公室",
        address="示例市人民路1号",
        postcode="430000",
        phone="027-12345678",
    )


def test_hubei_processing_fee_from_section_six(hubei: ReadResult) -> None:
    # 六: "本年度未收取信息处理费。"
    assert hubei.report.processing_fee == ProcessingFee(amount=Decimal(0))


def test_hubei_br_separated_paragraphs_become_subsections(hubei: ReadResult) -> None:
    overview = hubei.report.section("overview")
    assert overview is not None
    assert overview.paragraphs == (
        "2020年，示例市研究室认真贯彻落实《条例》，做好政府信息公开工作。",
    )
    assert [(s.heading, s.paragraphs, s.run_in) for s in overview.subsections] == [
        ("（一）主动公开。", ("全年主动公开政府信息45条。",), True),
        ("（二）依申请公开。", ("全年未收到政府信息公开申请。",), True),
    ]


# --- bad input -----------------------------------------------------------------------------


def test_page_over_the_cap_is_refused_before_parsing() -> None:
    data = b"<html><body>" + b"<p>x</p>" * ((MAX_HTML_BYTES // 8) + 1)
    tracemalloc.start()
    try:
        with pytest.raises(ReportReadError, match="refused"):
            READER.read(data, source="big.html")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


def test_100_mb_file_is_refused_with_bounded_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.write(b"<html><body>")
        fh.truncate(100 * 1024 * 1024)
    with pytest.raises(ReportReadError, match=str(MAX_SOURCE_BYTES)):
        read_report(path)


def test_deep_nesting_is_a_clear_error_or_a_result() -> None:
    data = ("<html><body>" + "<div>" * 100_000 + "一、总体情况" + "</div>" * 100_000).encode()
    with pytest.raises(ReportReadError):
        READER.read(data, source="deep.html")


def test_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    page = (
        SHANGHAI.read_text(encoding="utf-8")
        .replace(
            "<!DOCTYPE html>",
            f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>',
        )
        .replace("无。", "&xxe;无。")
    )
    report = READER.read(page.encode()).report
    other = report.section("other")
    assert other is not None
    assert "TOPSECRET" not in " ".join(other.paragraphs)


def test_page_without_a_report_is_refused() -> None:
    with pytest.raises(ReportReadError, match="does not look like"):
        READER.read(
            b"<html><body><p>Hello</p><table><tr><td>a</td><td>b</td></tr></table></body></html>"
        )


def test_binary_junk_is_refused() -> None:
    with pytest.raises(ReportReadError):
        READER.read(b"<html>\x00\x01\x02\xff\xfe" * 50, source="junk.html")


def test_span_bomb_is_refused() -> None:
    cell = '<td rowspan="65534" colspan="1000">x</td>'
    rows = "".join(f"<tr>{cell}<td>y</td></tr>" for _ in range(200))
    with pytest.raises(ReportReadError, match="cells per document"):
        READER.read(f"<html><body><table>{rows}</table></body></html>".encode())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_random_bytes_never_crash(data: bytes) -> None:
    read_or_refuse(READER, b"<html><body>" + data, "fuzz.html")


_PAGE = SHANGHAI.read_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, len(_PAGE)), st.integers(0, 400), st.binary(max_size=8)),
        max_size=8,
    )
)
def test_fuzz_mutated_page_never_crashes(edits: list[tuple[int, int, bytes]]) -> None:
    read_or_refuse(READER, splice(_PAGE, edits), "fuzz.html")
