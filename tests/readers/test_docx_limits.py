"""The DOCX reader's bounds: how much XML one document may give the parser, numbers in
attributes (spans, sizes, list levels) read without int()'s surprises, and one cell cap
for the document.

The hostile documents are read in a child capped at 1 GiB (see :mod:`readers.bounded`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report._package import MAX_XML_BYTES
from govinfo_report.errors import ReportReadError
from govinfo_report.readers._document import Grid, Paragraph
from govinfo_report.readers._limits import MAX_DOCUMENT_CELLS
from govinfo_report.readers.docx import extract
from readers.bounded import cli_outcome, evaluate, outcome
from readers.docx_parts import p, package, tbl, tc, tiny_paragraphs_xml, tr

_LIMIT = f"the limit is {MAX_XML_BYTES} (a long report has a few megabytes)"
_READ = "from govinfo_report.readers.docx import DocxReader"


@pytest.fixture(scope="module")
def big_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xml") / "big.docx"
    path.write_bytes(package(document_xml=tiny_paragraphs_xml()))
    return path


def test_document_xml_over_the_limit_is_refused_before_parsing(big_docx: Path) -> None:
    setup = f"{_READ}\ndata = open({str(big_docx)!r}, 'rb').read()"
    kind, message = outcome(setup, "DocxReader().read(data, source='big.docx')")
    assert kind == "ReportReadError"
    assert message.startswith("big.docx: part 'word/document.xml' brings the package's XML to ")
    assert _LIMIT in message


def test_cli_names_the_xml_limit(big_docx: Path) -> None:
    code, stderr = cli_outcome(["validate", "--lang", "en", str(big_docx)])
    assert code == 2
    assert stderr.startswith(f"govinfo-report: error: {big_docx}: part 'word/document.xml' ")
    assert _LIMIT in stderr


# --- numbers in attributes ---------------------------------------------------------------

_DIGITS = "9" * 5000
"""More digits than int() converts (4,300)."""


def _texts(body: str, numbering: str | None = None) -> list[str]:
    return [getattr(b, "text", "") for b in extract(package(body, numbering=numbering)).blocks]


def _grid(*cells: str, row: str = "") -> tuple[tuple[str, ...], ...]:
    (grid,) = extract(package(tbl(tr(*cells, pr=row), columns=2))).blocks
    assert isinstance(grid, Grid)
    return grid.cells


def test_grid_span_of_superscript_two_is_no_span() -> None:
    assert _grid(tc("a", '<w:gridSpan w:val="²"/>'), tc("b")) == (("a", "b"),)


def test_grid_before_of_superscript_two_is_no_gap() -> None:
    assert _grid(tc("a"), tc("b"), row='<w:gridBefore w:val="²"/>') == (("a", "b"),)


@pytest.mark.parametrize(
    ("cell", "row"),
    [(f'<w:gridSpan w:val="{_DIGITS}"/>', ""), ("", f'<w:gridBefore w:val="{_DIGITS}"/>')],
)
def test_span_of_5000_digits_is_clamped_and_the_grid_refused(cell: str, row: str) -> None:
    with pytest.raises(ReportReadError, match="grid columns"):
        _grid(tc("a", cell), tc("b"), row=row)


@pytest.mark.parametrize("value", ["²", _DIGITS, "-1", "1.5"])
def test_outline_level_and_size_that_are_no_numbers_are_ignored(value: str) -> None:
    ppr = f'<w:outlineLvl w:val="{value}"/>'
    rpr = f'<w:sz w:val="{value}"/>'
    (paragraph,) = extract(package(p("本年度", ppr=ppr, rpr=rpr))).blocks
    assert isinstance(paragraph, Paragraph)
    assert paragraph.level is None


def _numbered(start: str, fmt: str = "decimal", text: str = "%1.", ilvl: str = "0") -> str:
    lvl = (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )
    return (
        f'<w:abstractNum w:abstractNumId="1">{lvl}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    )


_ITEM = '<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr>'


@pytest.mark.parametrize(("start", "label"), [("²", "1."), (_DIGITS, "1."), ("--5", "1.")])
def test_list_start_that_is_no_number_starts_at_one(start: str, label: str) -> None:
    texts = _texts(p("项目", ppr=_ITEM.format(ilvl=0)), _numbered(start))
    assert texts == [f"{label}项目"]


def test_list_level_that_is_no_number_gives_no_label() -> None:
    assert _texts(p("项目", ppr=_ITEM.format(ilvl="²")), _numbered("1", ilvl="²")) == ["项目"]


def _huge_list(text: str) -> list[str]:
    """Ten paragraphs of a list in letters starting at 999,999,999, read in a child."""
    setup = (
        f"import sys\nsys.path.insert(0, {str(Path(__file__).parent.parent)!r})\n"
        "from readers.docx_parts import package, p\n"
        "from govinfo_report.readers.docx import extract\n"
        f"numbering = {_numbered('999999999', 'upperLetter', text)!r}\n"
        f"body = p('项目', ppr={_ITEM.format(ilvl=0)!r}) * 10\n"
    )
    texts: list[str] = evaluate(
        setup, "[b.text for b in extract(package(body, numbering=numbering)).blocks]"
    )
    return texts


def test_letters_for_a_huge_list_number_are_shown_as_digits() -> None:
    # Before: 38 million letters per paragraph (MemoryError at 1 GiB for ten of them).
    assert _huge_list("%1.")[:2] == ["999999999.项目", "1000000000.项目"]


def test_a_list_number_text_of_200_characters_gives_no_label() -> None:
    assert _huge_list("%1" * 100)[0] == "项目"


@pytest.mark.parametrize(
    ("fmt", "start", "label"),
    [
        ("upperLetter", "27", "AA."),
        ("upperLetter", "781", "781."),
        ("upperRoman", "3999", "MMMCMXCIX."),
        ("upperRoman", "4000", "4000."),
    ],
)
def test_letters_and_roman_numerals_stop_where_word_stops(fmt: str, start: str, label: str) -> None:
    texts = _texts(p("项目", ppr=_ITEM.format(ilvl=0)), _numbered(start, fmt))
    assert texts == [f"{label}项目"]


def test_cli_reads_a_document_with_a_span_of_superscript_two(tmp_path: Path) -> None:
    path = tmp_path / "span.docx"
    path.write_bytes(
        package(p("一、总体情况") + tbl(tr(tc("a", '<w:gridSpan w:val="²"/>'), tc("b")), columns=2))
    )
    code, stderr = cli_outcome(["validate", "--lang", "en", str(path)])
    assert code == 2
    assert stderr.startswith(f"govinfo-report: error: {path}")
    assert "internal error" not in stderr


# --- cells -------------------------------------------------------------------------------


def _wide_tables(count: int) -> bytes:
    """``count`` tables of 300 rows, each one cell spanning 256 grid columns: 76,800
    grid positions a table from 25 KB of XML."""
    row = tr(tc("x", '<w:gridSpan w:val="256"/>'))
    return package(p("一、总体情况") + tbl(*[row] * 300, columns=256) * count)


def test_tables_together_over_the_document_cap_are_refused() -> None:
    with pytest.raises(ReportReadError) as info:
        extract(_wide_tables(2), source="wide.docx")
    message = str(info.value)
    assert message.startswith("wide.docx: word/document.xml: table 2 would bring ")
    assert f"the limit is {MAX_DOCUMENT_CELLS} cells per document" in message


def test_one_table_under_the_cap_is_read() -> None:
    (_, grid) = extract(_wide_tables(1)).blocks
    assert isinstance(grid, Grid)
    assert (len(grid.cells), len(grid.cells[0])) == (300, 256)


def test_cli_names_the_cell_limit(tmp_path: Path) -> None:
    path = tmp_path / "wide.docx"
    path.write_bytes(_wide_tables(2))
    code, stderr = cli_outcome(["validate", "--lang", "en", str(path)])
    assert code == 2
    assert stderr.startswith(f"govinfo-report: error: {path}: word/document.xml: table 2 ")
    assert f"the limit is {MAX_DOCUMENT_CELLS} cells per document" in stderr
