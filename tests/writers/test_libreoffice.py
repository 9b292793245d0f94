"""LibreOffice opens and converts the DOCX writer's output (skipped without ``soffice``).

One conversion run for a 2021 and a 2019 report with a number in every cell, in a
private LibreOffice profile (a shared one fails when another instance is running). With
``pdftotext`` installed the PDF's text is checked too: title, table labels, values and
"— N —" page numbers all made it onto the pages.

Pagination is checked on the pages LibreOffice lays out: the 2021 example with a
lead-in sentence before each table, shifted down one line at a time by 0 to 21 extra
one-line paragraphs (a page holds 22 lines), so that every heading and lead-in comes to
every place on its page; no page may end with a heading, a lead-in or a caption of
Table 2. A report on a letterhead template shows the letterhead on every page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import attrs
import docx
import pytest

from govinfo_report import Report
from govinfo_report.serialize import load
from govinfo_report.writers.docx import DocxWriter
from writers.libreoffice import SOFFICE, convert, filled

PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def to_pdf(folder: Path, sources: list[Path]) -> None:
    """Convert ``sources`` to PDF in ``folder``, in one LibreOffice run."""
    convert(folder, "pdf", sources)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Report, Path]]:
    folder = tmp_path_factory.mktemp("libreoffice")
    reports = {"r2021": filled("2021", 2021), "r2019": filled("2019", 2020)}
    sources = []
    for name, report in reports.items():
        path = folder / f"{name}.docx"
        path.write_bytes(DocxWriter().render(report))
        sources.append(path)
    to_pdf(folder, sources)
    return {name: (report, folder / f"{name}.pdf") for name, report in reports.items()}


@pytest.mark.parametrize("name", ["r2021", "r2019"])
def test_libreoffice_converts_the_document_to_pdf(
    converted: dict[str, tuple[Report, Path]], name: str
) -> None:
    _, pdf = converted[name]
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler) is not installed")
@pytest.mark.parametrize("name", ["r2021", "r2019"])
def test_converted_pages_show_title_tables_and_page_numbers(
    converted: dict[str, tuple[Report, Path]], name: str
) -> None:
    report, pdf = converted[name]
    text = subprocess.run(
        [PDFTOTEXT or "pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert report.metadata.agency in text
    assert report.applications.spec.rows[-1].label in text  # 四、结转下年度继续办理
    assert str(report.review_litigation["review.upheld"]) in text
    assert str(report.applications["total_outcomes.total"]) in text
    # pdftotext drops the spaces beside the dashes
    assert re.search(r"—\s*1\s*—", text)
    assert re.search(r"—\s*2\s*—", text)


# --- pagination and letterhead, on LibreOffice's pages -----------------------------------------

EXAMPLE = load(Path(__file__).resolve().parents[2] / "examples" / "example_2021.yaml")
LEAD_INS = {
    "proactive": "本年度主动公开政府信息情况如下表：",
    "applications": "本年度收到和处理政府信息公开申请情况如下表：",
    "review_litigation": "本年度政府信息公开行政复议、行政诉讼情况如下表：",
}
SHIFTS = range(22)
RED_HEAD = "安澜县自然资源局文件"


def shifted(lines: int) -> Report:
    """The 2021 example with lead-ins before its tables and ``lines`` more lines in 一."""
    sections = []
    for section in EXAMPLE.sections:
        if section.id == "overview":
            extra = tuple(f"第{k + 1}段补充说明。" for k in range(lines))
            section = attrs.evolve(section, paragraphs=section.paragraphs + extra)
        if section.id in LEAD_INS:
            section = attrs.evolve(section, paragraphs=(LEAD_INS[section.id],))
        sections.append(section)
    return attrs.evolve(EXAMPLE, sections=tuple(sections))


@pytest.fixture(scope="module")
def paginated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pagination")
    writer = DocxWriter()
    sources = []
    for lines in SHIFTS:
        sources.append(folder / f"shift{lines:02d}.docx")
        sources[-1].write_bytes(writer.render(shifted(lines)))
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = RED_HEAD
    template.save(folder / "template.docx")
    sources.append(folder / "letterhead.docx")
    sources[-1].write_bytes(DocxWriter(template=folder / "template.docx").render(shifted(0)))
    to_pdf(folder, sources)
    return {source.stem: source.with_suffix(".pdf") for source in sources}


def page_lines(pdf: Path) -> list[list[str]]:
    """Each page's lines of text, top to bottom, spaces removed, page numbers left out."""
    text = subprocess.run(
        [PDFTOTEXT or "pdftotext", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = text.split("\f")  # pdftotext ends every page with a form feed
    if pages and not pages[-1].strip():
        pages.pop()
    result = []
    for page in pages:
        lines = (re.sub(r"\s+", "", line) for line in page.splitlines())
        result.append([line for line in lines if line and not PAGE_NUMBER.fullmatch(line)])
    return result


PAGE_NUMBER = re.compile(r"—\d+—")
CAPTION = re.compile(r"第二十条第（[一二三四五六七八九十]+）项")


def must_not_end_a_page(report: Report) -> set[str]:
    texts = set(LEAD_INS.values())
    for section in report.sections:
        texts.add(section.heading)
        texts.update(sub.heading for sub in section.subsections if not sub.run_in)
    return {re.sub(r"\s+", "", text) for text in texts}


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler) is not installed")
@pytest.mark.parametrize("lines", SHIFTS)
def test_no_page_ends_with_a_heading_a_lead_in_or_a_caption(
    paginated: dict[str, Path], lines: int
) -> None:
    report = shifted(lines)
    stranded = must_not_end_a_page(report)
    pages = page_lines(paginated[f"shift{lines:02d}"])
    assert len(pages) > 4
    last_lines = [page[-1] for page in pages if page]
    assert [line for line in last_lines if line in stranded or CAPTION.fullmatch(line)] == []
    # the lines looked at are the ones printed: every heading is somewhere
    printed = {line for page in pages for line in page}
    assert stranded <= printed


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler) is not installed")
def test_letterhead_of_a_template_is_on_every_page(paginated: dict[str, Path]) -> None:
    text = subprocess.run(
        [PDFTOTEXT or "pdftotext", str(paginated["letterhead"]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) > 4
    assert [RED_HEAD in page for page in pages] == [True] * len(pages)


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="pdfinfo (poppler) is not installed")
def test_report_on_a_template_is_printed_on_a4(paginated: dict[str, Path]) -> None:
    info = subprocess.run(
        ["pdfinfo", str(paginated["letterhead"])], capture_output=True, text=True, check=True
    ).stdout
    assert "(A4)" in info
