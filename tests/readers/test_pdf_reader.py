"""The PDF reader on real exports: our DOCX output and the Word/WPS-like DOCX fixtures as
LibreOffice exports them (``tests/fixtures/pdf``), and the WPS-like PDFs drawn by
``tests/fixtures/pdf_wps/make.py``.

Every stated cell of each is compared with the report it was made from, in both formats;
the sections, intro and printed metadata too; and the checks find the same in the report
read as in its source (no false error).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from govinfo_report import Report, Severity, check, load
from govinfo_report import cli as cli_module
from govinfo_report.errors import ReportReadError
from govinfo_report.model import BLANK
from govinfo_report.readers import ReadResult, read_report
from govinfo_report.readers._document import Grid, Paragraph
from govinfo_report.readers._pages import Char, Edge, Page, displayed
from govinfo_report.readers._pdf_source import open_document
from govinfo_report.readers._registry import detect
from govinfo_report.readers.pdf import GLYPH_CODE, PdfReader, extract

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OURS = FIXTURES / "pdf"
WPS = FIXTURES / "pdf_wps"
sys.path.insert(0, str(OURS))

from reports import DOCX_FIXTURES, REPORTS  # noqa: E402

READER = PdfReader()


def read(path: Path) -> ReadResult:
    return READER.read(path.read_bytes(), source=path.name)


def _checks(report: Report) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((f.code, f.paths) for f in check(report))


def assert_same(result: ReadResult, source: Report, *, unprinted: tuple[str, ...] = ()) -> None:
    """Every cell, section and printed metadata field as in ``source``; no error
    finding; the checks find the same."""
    report = result.report
    for read_table, source_table in zip(report.tables, source.tables, strict=True):
        wrong = [
            (cell.id, want, got)
            for cell, want, got in zip(
                source_table.spec.cells, source_table.values, read_table.values, strict=True
            )
            if want != got
        ]
        assert wrong == [], source_table.spec.id
        assert read_table.extra_rows == source_table.extra_rows
    assert report.intro == source.intro
    assert report.sections == source.sections
    for field in ("agency", "year", "format_version", "signing_date", "contact"):
        if field not in unprinted:
            assert getattr(report.metadata, field) == getattr(source.metadata, field), field
    assert [f for f in result.findings if f.severity is Severity.ERROR] == []
    assert _checks(report) == _checks(source)


# --- our own DOCX output, exported by LibreOffice ------------------------------------------


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_our_docx_exported_by_libreoffice_reads_back(name: str) -> None:
    assert_same(read(OURS / f"{name}.pdf"), REPORTS[name]())


@pytest.mark.parametrize("degrees", [90, 270])
def test_landscape_pages_stored_turned_read_as_shown(degrees: int) -> None:
    """``rotate.py``: landscape_2023.pdf with its landscape pages stored portrait and
    marked ``/Rotate``; its boxes are turned as a viewer shows the page."""
    path = OURS / f"rotated_{degrees}_2023.pdf"
    document = open_document(path.read_bytes(), path.name)
    try:
        assert {document[i].get_rotation() for i in range(len(document))} == {0, degrees}
    finally:
        document.close()
    assert_same(read(path), REPORTS["landscape_2023"]())


def test_a_page_shown_turned_has_its_boxes_turned() -> None:
    page = Page(
        number=1, width=100, height=200, chars=(Char("政", 10, 20, 30, 40, 20),),
        edges=(Edge(10, 50, 90, 50),), images=0, unmapped=0,
    )  # fmt: skip
    quarter, half, three = (displayed(page, k) for k in (1, 2, 3))
    assert (quarter.width, quarter.height) == (200, 100)
    assert quarter.chars[0][1:5] == (160, 10, 180, 30)
    assert quarter.edges == (Edge(150, 10, 150, 90),)  # a horizontal line turns vertical
    assert half.chars[0][1:5] == (70, 160, 90, 180)
    assert three.chars[0][1:5] == (20, 70, 40, 90)
    assert displayed(page, 4) is page


def test_the_split_fixture_really_splits_table_3_and_repeats_its_header() -> None:
    blocks, _ = extract((OURS / "split_2023.pdf").read_bytes())
    (grid,) = [b for b in blocks if isinstance(b, Grid) and "申请人情况" in b.cells[0]]
    assert grid.location is not None
    assert grid.location.startswith("pages ")
    assert sum("申请人情况" in row for row in grid.cells) == 1  # the repeat was dropped


@pytest.mark.parametrize("name", DOCX_FIXTURES)
def test_word_and_wps_like_docx_exported_read_as_the_docx_does(name: str) -> None:
    """Rows broken over a page break, merged labels going on, wrapped headings."""
    source = read_report(FIXTURES / "docx" / f"{name}.docx").report
    assert_same(read(OURS / f"{name}.pdf"), source)


# --- WPS-like PDFs -------------------------------------------------------------------------

_UNPRINTED = ("agency_kind", "publication_date")


@pytest.mark.parametrize("name", ["a_ruled_2019", "b_ruled_2021", "h_blank_cells_2019"])
def test_wps_like_ruled_pdfs_read_every_cell(name: str) -> None:
    assert_same(read(WPS / f"{name}.pdf"), load(WPS / f"{name}.expected.json"))


def test_tables_without_ruling_lines_are_placed_from_column_positions() -> None:
    """Wrapped labels, the vertical 三、本年度办理结果, Table 3 over two pages. Table 4
    printed as one row of 15 values under repeated column names is read exactly: each
    part's name (行政复议, 未经复议直接起诉, 复议后起诉) is centred over its five columns."""
    source = load(WPS / "c_unruled_2021.expected.json")
    result = read(WPS / "c_unruled_2021.pdf")
    assert result.report.tables == source.tables
    assert not [f for f in result.findings if f.code in {"R.CELL", "R.HEADER_MISSING"}]
    assert result.report.sections == source.sections


def test_a_misspelt_label_is_read_by_its_place_with_a_notice() -> None:
    source = load(WPS / "d_misspelt_2021.expected.json")
    result = read(WPS / "d_misspelt_2021.pdf")
    assert result.report.tables == source.tables
    (variant,) = [f for f in result.findings if "其他法律行政止公开" in f.message_zh]
    assert variant.code == "R.LABEL_VARIANT"
    assert variant.severity is Severity.NOTICE


def test_a_glyph_without_unicode_is_a_finding_and_never_guessed() -> None:
    source = load(WPS / "f_missing_tounicode_2021.expected.json")
    result = read(WPS / "f_missing_tounicode_2021.pdf")
    glyphs = [f for f in result.findings if f.code == GLYPH_CODE]
    assert [f.location for f in glyphs] == [
        "f_missing_tounicode_2021.pdf: page 1",
        "f_missing_tounicode_2021.pdf: page 2",
    ]
    assert all(f.severity is Severity.WARNING for f in glyphs)
    assert "4 glyph(s)" in glyphs[0].message_en
    assert result.report.tables == source.tables
    text = "".join(p for s in result.report.sections for p in s.paragraphs)
    assert "\ufffd" not in text
    assert "新时代国特色" in "".join(
        p for s in result.report.sections for sub in s.subsections for p in sub.paragraphs
    ) + "".join(p for s in result.report.sections for p in s.paragraphs)


def test_a_font_without_any_tounicode_is_reported_on_every_page_and_nothing_guessed() -> None:
    source = load(WPS / "g_no_tounicode_2021.expected.json")
    result = read(WPS / "g_no_tounicode_2021.pdf")
    glyphs = [f for f in result.findings if f.code == GLYPH_CODE]
    assert {f.location for f in glyphs} == {
        f"g_no_tounicode_2021.pdf: page {n}" for n in range(1, 7)
    }
    # Most of each page is unreadable: errors, so the document never validates clean.
    assert all(f.severity is Severity.ERROR for f in glyphs)
    assert "the page is mostly unreadable" in glyphs[0].message_en
    # Whatever was read is right; what was not is blank and said so.
    for table, want in zip(result.report.tables, source.tables, strict=True):
        for got, expected in zip(table.values, want.values, strict=True):
            assert got in (expected, BLANK)


def test_an_image_only_pdf_is_refused_with_its_own_message() -> None:
    with pytest.raises(
        ReportReadError, match=r"has no text layer: its 2 page\(s\) are images"
    ) as e:
        read(WPS / "e_image_only.pdf")
    assert "OCR" in str(e.value)


# --- blocks --------------------------------------------------------------------------------


def _blocks(path: Path) -> list[Grid | Paragraph]:
    return extract(path.read_bytes())[0]


def test_title_signature_and_date_have_their_roles_and_page_numbers_are_left_out() -> None:
    blocks = _blocks(OURS / "full_2023.pdf")
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    assert paragraphs[0].level == 0
    assert paragraphs[0].text == "沭阳县发展和改革局2023年政府信息公开工作年度报告"
    assert [(p.role, p.text) for p in paragraphs[-2:]] == [
        ("signature", "沭阳县发展和改革局"),
        ("date", "2024年1月17日"),
    ]
    assert not any("—" in p.text and len(p.text) < 8 for p in paragraphs)


def test_a_wrapped_cjk_paragraph_is_joined_without_spaces_over_a_page_break() -> None:
    paragraphs = [b for b in _blocks(OURS / "full_2023.pdf") if isinstance(b, Paragraph)]
    body = [p for p in paragraphs if p.text.startswith("2023年，我局")]
    assert body
    assert all(p.text == REPORTS["full_2023"]().intro[0] for p in body)


def test_the_vertical_merged_label_is_one_cell_over_its_rows() -> None:
    grids = [b for b in _blocks(WPS / "b_ruled_2021.pdf") if isinstance(b, Grid)]
    (table3,) = [g for g in grids if any("三、本年度办理结果" in row for row in g.cells)]
    assert table3.origin is not None
    rows = [r for r, row in enumerate(table3.cells) if row[0] == "三、本年度办理结果"]
    assert len(rows) >= 20
    assert {table3.origin[r][0] for r in rows} == {table3.origin[rows[0]][0]}


# --- the command line ------------------------------------------------------------------------


def _cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


def test_validate_reports_a_pdfs_cross_check_errors_as_errors() -> None:
    """full_2023 fills every cell with a distinct figure, so its Table 3 does not add
    up (T3.1), as in its source; b_ruled_2021 does."""
    code, out, _ = _cli("validate", "--min-severity", "error", OURS / "full_2023.pdf")
    assert code == 1
    assert "T3.1" in out
    code, _, _ = _cli("validate", "--min-severity", "error", WPS / "b_ruled_2021.pdf")
    assert code == 0


def test_import_writes_a_pdfs_report(tmp_path: Path) -> None:
    target = tmp_path / "report.yaml"
    code, _, err = _cli("import", WPS / "b_ruled_2021.pdf", "-o", target)
    assert code == 0, err
    assert load(target).tables == load(WPS / "b_ruled_2021.expected.json").tables


# --- detection -----------------------------------------------------------------------------


def test_a_pdf_is_detected_by_its_signature_and_read_by_read_report() -> None:
    data = (OURS / "full_2023.pdf").read_bytes()
    assert detect(data).name == "pdf"
    assert detect(b"\r\n" * 100 + data).name == "pdf"
    assert read_report(OURS / "full_2023.pdf").report.metadata.year == 2023
    assert read_report(data, format="pdf").report.metadata.agency == "沭阳县发展和改革局"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: b"%PDF-1.7\n" + b"\x00garbage" * 100, "is not a readable PDF"),
        (lambda: (OURS / "full_2023.pdf").read_bytes()[:4000], "not a readable PDF"),
    ],
)
def test_damaged_pdfs_are_clear_errors(make: Callable[[], bytes], message: str) -> None:
    with pytest.raises(ReportReadError, match=message):
        READER.read(make(), source="bad.pdf")
