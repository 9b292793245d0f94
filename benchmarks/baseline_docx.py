"""The baseline the DOCX writer is measured against: python-docx's public API, used plainly.

This is how one would write the report with python-docx without thinking about speed:
``doc.add_table(rows, cols)``, ``table.cell(r, c).text = ...`` for every cell and
``cell.merge(other)`` for every merged region, headings with ``add_heading``, the page
set up through ``section``. It produces the same content as
:class:`govinfo_report.writers.docx.DocxWriter` (title, intro, sections, the three
tables with their merges, the signature), so the ratio printed by ``bench_docx.py`` is
like for like.
"""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable

from govinfo_report import Report
from govinfo_report.model import Table, format_value


def render_baseline(report: Report) -> bytes:
    """The report as .docx bytes, written with python-docx's public API only."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name = "仿宋_GB2312"
    normal.font.size = Pt(16)
    normal.paragraph_format.line_spacing = Pt(29)
    normal.paragraph_format.first_line_indent = Pt(32)

    meta = report.metadata
    for line in (meta.agency, meta.standard_title[len(meta.agency) :]):
        document.add_paragraph(line, style="Title").alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in report.intro:
        document.add_paragraph(text)
    tables = {s.id: s.table for s in report.format.sections}
    for sec in report.sections:
        document.add_heading(sec.heading, level=1)
        for text in sec.paragraphs:
            document.add_paragraph(text)
        for sub in sec.subsections:
            document.add_heading(sub.heading, level=2)
            for text in sub.paragraphs:
                document.add_paragraph(text)
        table_id = tables.get(sec.id)
        if table_id == "proactive":
            _proactive(document, report.proactive)
        elif table_id == "applications":
            _applications(document, report.applications)
        elif table_id == "review_litigation":
            _review(document, report.review_litigation)
    name = document.add_paragraph(meta.agency)
    name.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if meta.signing_date is not None:
        day = meta.signing_date
        date = document.add_paragraph(f"{day.year}年{day.month}月{day.day}日")
        date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _new_table(document: docx.document.Document, rows: int, cols: int) -> DocxTable:
    table = document.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    return table


def _proactive(document: docx.document.Document, table: Table) -> None:
    spec = table.spec
    rows = sum(2 + len(g.rows) for g in spec.groups)
    out = _new_table(document, rows, 4)
    r = 0
    for group in spec.groups:
        caption = out.cell(r, 0).merge(out.cell(r, 3))
        caption.text = group.caption or ""
        r += 1
        out.cell(r, 0).text = group.header_first_cell or ""
        for i, column in enumerate(group.columns):
            last = 3 if i == len(group.columns) - 1 else i + 1
            cell = out.cell(r, i + 1).merge(out.cell(r, last))
            cell.text = column.label
        for row in group.rows:
            r += 1
            out.cell(r, 0).text = row.label
            for i, column in enumerate(group.columns):
                last = 3 if i == len(group.columns) - 1 else i + 1
                cell = out.cell(r, i + 1).merge(out.cell(r, last))
                cell.text = format_value(table.get(row.id, column.id))
        r += 1


def _applications(document: docx.document.Document, table: Table) -> None:
    spec = table.spec
    group = spec.groups[0]
    out = _new_table(document, 3 + len(group.rows), 10)
    out.cell(0, 0).merge(out.cell(2, 2)).text = spec.corner_note or ""
    out.cell(0, 3).merge(out.cell(0, 9)).text = spec.column_group or ""
    out.cell(1, 3).merge(out.cell(2, 3)).text = group.columns[0].label
    out.cell(1, 4).merge(out.cell(1, 8)).text = group.columns[1].parent or ""
    for i, column in enumerate(group.columns[1:6], start=4):
        out.cell(2, i).text = column.label
    out.cell(1, 9).merge(out.cell(2, 9)).text = group.columns[6].label
    for i, row in enumerate(group.rows):
        r = 3 + i
        path = row.label_path
        if len(path) == 1:
            out.cell(r, 0).merge(out.cell(r, 2)).text = path[0]
        elif len(path) == 2:
            out.cell(r, 0).text = path[0]
            out.cell(r, 1).merge(out.cell(r, 2)).text = path[1]
        else:
            out.cell(r, 0).text = path[0]
            out.cell(r, 1).text = path[1]
            out.cell(r, 2).text = path[2]
        for c, column in enumerate(group.columns):
            out.cell(r, 3 + c).text = format_value(table.get(row.id, column.id))
    # vertical merges of equal labels in the first two label columns
    for col in (0, 1):
        start = 3
        while start < 3 + len(group.rows):
            path = group.rows[start - 3].label_path
            end = start
            while (
                end + 1 < 3 + len(group.rows)
                and len(path) > col + 1
                and len(group.rows[end + 1 - 3].label_path) > col + 1
                and group.rows[end + 1 - 3].label_path[: col + 1] == path[: col + 1]
            ):
                end += 1
            if end > start:
                label = path[col]
                merged = out.cell(start, col).merge(out.cell(end, col))
                merged.text = label
            start = end + 1


def _review(document: docx.document.Document, table: Table) -> None:
    group = table.spec.groups[0]
    out = _new_table(document, 4, 15)
    out.cell(0, 0).merge(out.cell(0, 4)).text = group.rows[0].label_path[0]
    out.cell(0, 5).merge(out.cell(0, 14)).text = group.rows[1].label_path[0]
    for c, column in enumerate(group.columns):
        out.cell(1, c).merge(out.cell(2, c)).text = column.label
    for k, row in enumerate(group.rows[1:]):
        base = 5 + 5 * k
        out.cell(1, base).merge(out.cell(1, base + 4)).text = row.label_path[1]
        for c, column in enumerate(group.columns):
            out.cell(2, base + c).text = column.label
    for c, value in enumerate(table.values):
        out.cell(3, c).text = format_value(value)
