"""The DOCX writer: a report as an agency would publish it, laid out after GB/T 9704-2012.

The package (styles, settings, page setup, page-number footers) is prepared once per
writer with python-docx, from the user's template or from a minimal built-in one, and
kept as ready-made zip parts (:mod:`._docx_template`). Rendering a report then only
builds ``document.xml``'s body as text (title, intro, six sections, the three official
tables laid out as :mod:`govinfo_report.formats.layout` declares them, the signature
block; the contact and the fee in a sentence where the prose does not state them, see
:mod:`govinfo_report._stated`) and the document properties, and zips the parts with
fixed timestamps, so the same report always gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, ClassVar

from govinfo_report import _embedded, _stated
from govinfo_report.errors import ReportWriteError
from govinfo_report.formats.layout import Keep, Line, Output, check_room, layout_of, printed
from govinfo_report.model import Report, Section, Subsection, Table, format_value
from govinfo_report.writers import _docx_template as tpl
from govinfo_report.writers import _ooxml as ox
from govinfo_report.writers import _zip
from govinfo_report.writers._ooxml import Cell, TableRow


class DocxWriter:
    """Writes a report as a Word document (.docx).

    Args:
        template: a .docx (or .dotx) to print the report on. Its body is replaced by the
            report; its headers and footers (a letterhead, a first-page 红头), the
            other settings of its last section and its styles the writer does not
            define are kept. Page-number footers are added if it has no footer, and its
            default header then shows on even pages too. ``None`` uses the built-in
            package.
        template_layout: use the template's own page setup and its definitions of the
            writer's styles (Normal, Title, heading 1 ...) instead of the GB/T 9704
            ones; the writer then creates only the styles the template lacks.

    Raises:
        ReportWriteError: the template cannot be read as a Word document.
    """

    name: ClassVar[str] = "docx"
    suffix: ClassVar[str] = ".docx"
    binary: ClassVar[bool] = True

    def __init__(
        self, template: str | Path | None = None, *, template_layout: bool = False
    ) -> None:
        self.template = None if template is None else Path(template)
        self.template_layout = template_layout
        # Read and prepare the template once, now: a bad one fails before anything is
        # written, and each report then only adds its body (see _docx_template).
        self._skeleton = (
            tpl.default_skeleton()
            if self.template is None
            else tpl.prepare(tpl.open_template(self.template), template_layout=template_layout)
        )

    def write(self, report: Report, dest: BinaryIO) -> None:
        """Write ``report`` to ``dest`` as a .docx.

        Raises:
            ReportWriteError: the report holds text a Word document cannot contain, or an
                extra row with more values than its table has columns.
        """
        dest.write(self.render(report))

    def render(self, report: Report) -> bytes:
        """The .docx file for ``report``, as bytes (see :meth:`write`)."""
        sk = self._skeleton
        builder = _Body(sk.styles)
        # The contact and the fee are printed where the prose does not state them.
        printed = _stated.as_printed(report)
        try:
            body = builder.build(printed.report, printed.added)
            meta = report.metadata
            core = ox.core_part(title=report.title, author=meta.agency, stamp=_stamp(report))
            builder.where = (
                "the contact details (kept in the document properties)",
                "联系方式（保存在文档属性中）",
            )
            pid = 2 + len(sk.custom_properties)
            custom = ox.custom_part(
                [
                    *sk.custom_properties,
                    ox.custom_property(
                        pid, _embedded.PROPERTY, _embedded.dumps(report, printed.added)
                    ),
                ]
            )
        except ox.IllegalTextError as exc:
            raise ReportWriteError(
                f"cannot write {builder.where[0]} as DOCX: {exc}",
                zh=f"无法把{builder.where[1]}写成 DOCX：{exc}",
            ) from None
        fresh = {
            sk.document: sk.prefix + body.encode("utf-8") + sk.suffix,
            sk.core: core,
            sk.custom: custom,
        }
        buffer = io.BytesIO()
        # The template's parts were deflated once, when the writer was made.
        _zip.write(
            (_zip.member(m.name, fresh[m.name]) if m.name in fresh else m for m in sk.parts),
            buffer,
        )
        return buffer.getvalue()


def _stamp(report: Report) -> str:
    """Created/modified time: the signing date, else 1 January after the reported year."""
    return ox.stamp(report.metadata.signing_date, report.metadata.year)


# --- the body ----------------------------------------------------------------------------


_KEEP_HEADING = "<w:keepNext/><w:keepLines/>"
"""A heading is never the last line of a page, nor split across two. Said on the
paragraph, not only in the heading styles, so that a template's styles cannot lose it."""
_KEEP_LEAD_IN = "<w:keepNext/>"
"""The paragraph before a table ("……情况如下：") stays on the table's page; the table's
rows keep together (see ``_rows``), so the lead-in and its heading move with them."""


class _Body:
    """Builds the body XML of one report; ``where`` names the part being written (in
    English and Chinese)."""

    def __init__(self, styles: Mapping[str, str]) -> None:
        self.s = styles
        self.where = ("the report", "报告")
        self.out: list[str] = []
        self.last: tuple[str, str, str] | None = None
        """Style id, runs and properties of ``out[-1]`` when it is a paragraph."""

    def para(self, style: str, text: str, ppr: str = "") -> None:
        self.emit(self.s[style], ox.run(text) if text else "", ppr)

    def emit(self, style_id: str, runs: str, ppr: str = "") -> None:
        self.out.append(ox.paragraph(style_id, runs, ppr))
        self.last = (style_id, runs, ppr)

    def keep_with_table(self) -> None:
        """Keep the paragraph just written, the table's lead-in, with the table."""
        if self.last is None or self.last[2].startswith(_KEEP_LEAD_IN):
            return
        style_id, runs, ppr = self.last
        self.out[-1] = ox.paragraph(style_id, runs, _KEEP_LEAD_IN + ppr)

    def build(self, report: Report, added: Sequence[str] = ()) -> str:
        """The body of ``report`` as printed; ``added`` names the sentences
        :func:`~govinfo_report._stated.as_printed` added to its prose."""
        meta = report.metadata
        self.where = ("the title", "标题")
        if meta.title is None and meta.agency:
            self.para("Title", meta.agency)
            self.para("Title", meta.standard_title[len(meta.agency) :])
        else:
            self.para("Title", report.title)
        contact_at = len(report.intro) if _stated.CONTACT in added else 0
        for i, text in enumerate(report.intro, 1):
            self.where = (
                (
                    "the contact details (printed at the end of the intro)",
                    "联系方式（印在引言末尾）",
                )
                if i == contact_at
                else (f"intro paragraph {i}", f"引言第 {i} 段")
            )
            self.para("Normal", text)
        spec_sections = {s.id: s for s in report.format.sections}
        present = {s.id for s in report.sections}
        # A table whose section is missing still prints, where that section would be.
        pending = sorted(
            (s.number, s.table) for s in report.format.sections if s.table and s.id not in present
        )
        printed: set[str] = set()
        for section in report.sections:
            spec = spec_sections.get(section.id)
            while spec is not None and pending and pending[0][0] < spec.number:
                self.table(report.table(pending.pop(0)[1]))
            self.section(section)
            if spec is not None and spec.table and spec.table not in printed:
                printed.add(spec.table)
                self.table(report.table(spec.table))
        for _, table_id in pending:
            self.table(report.table(table_id))
        self.signature(report)
        if self.out and self.out[-1].startswith("<w:tbl>"):
            self.para("Normal", "")  # Word wants a paragraph between a table and sectPr
        return "".join(self.out)

    def section(self, section: Section) -> None:
        sid, subs = section.id, section.subsections
        self.where = (f"the heading of section {sid!r}", f"章节 {sid!r} 的标题")
        self.para("heading 1", section.heading, _KEEP_HEADING)
        for i, text in enumerate(section.paragraphs, 1):
            self.where = (f"paragraph {i} of section {sid!r}", f"章节 {sid!r} 第 {i} 段")
            self.para("Normal", text)
        for n, sub in enumerate(subs, 1):
            self.where = (f"subsection {n} of section {sid!r}", f"章节 {sid!r} 第 {n} 个小节")
            self.heading(sub, "heading 2", "Run-in Heading")
            for m, level3 in enumerate(sub.subsections, 1):
                self.where = (
                    f"level-3 heading {m} of subsection {n} of section {sid!r}",
                    f"章节 {sid!r} 第 {n} 个小节的第 {m} 个三级标题",
                )
                self.heading(level3, "heading 3", "Run-in Heading 3")
        # After the last sub-heading's paragraphs, as printed reports do; which ones
        # close the section is in the document's record (see _embedded).
        for i, text in enumerate(section.closing, 1):
            self.where = (
                f"closing paragraph {i} of section {sid!r}",
                f"章节 {sid!r} 结尾第 {i} 段",
            )
            self.para("Normal", text)

    def heading(self, sub: Subsection, style: str, run_in_style: str) -> None:
        """A sub-heading (（一）… in ``style``) or a level-3 heading (1.…) and its
        paragraphs; run into its first paragraph in ``run_in_style`` when ``run_in``."""
        rest: Sequence[str] = sub.paragraphs
        if sub.run_in:
            first = sub.paragraphs[0] if sub.paragraphs else ""
            runs = ox.run(sub.heading, self.s[run_in_style])
            runs += ox.run(first) if first else ""
            self.emit(self.s["Normal"], runs)
            rest = sub.paragraphs[1:]
        else:
            self.para(style, sub.heading, _KEEP_HEADING)
        for text in rest:
            self.para("Normal", text)

    def signature(self, report: Report) -> None:
        """GB/T 9704 7.3.5.2: a blank line, the agency 2 字 from the right, the date below."""
        self.where = ("the signature", "落款")
        meta = report.metadata
        day = meta.signing_date
        date = f"{day.year}年{day.month}月{day.day}日" if day else ""
        name_w, date_w = ox.text_width(meta.agency), ox.text_width(date)
        right_name, right_date = 2.0, name_w - date_w  # date starts 2 字 right of the name
        if date and date_w > name_w:
            right_date, right_name = 2.0, date_w - name_w + 4.0
        space = f'<w:spacing w:before="{ox.LINE_PITCH}"/>'
        if meta.agency:
            self.para("Signature", meta.agency, space + ox.indent(right=right_name))
            space = ""
        if date:
            self.para("Signature", date, space + ox.indent(right=right_date if meta.agency else 2))

    def table(self, table: Table) -> None:
        spec = table.spec
        self.where = (f"table {spec.number} ({spec.id})", f"表{spec.number}（{spec.id}）")
        layout = layout_of(spec, Output.DOCX)
        check_room(layout, table.extra_rows)
        rows = _rows(printed(layout, table.extra_rows), table, layout.keep)
        style = self.s["Table Text Small" if layout.small_text else "Table Text"]
        self.keep_with_table()
        self.out.append(ox.table(layout.widths, rows, style=style))
        self.last = None


# --- the three tables --------------------------------------------------------------------


def _rows(lines: Sequence[Line], table: Table, keep: Keep | None) -> Iterator[TableRow]:
    """The laid-out lines of ``table`` as DOCX rows: a cell starting a vertical merge
    restarts it, a covered position continues it (see :mod:`govinfo_report.formats.layout`)."""
    values, index, extras = table.values, table.spec.index, table.extra_rows
    last = len(lines) - 1
    for k, line in enumerate(lines):
        cells: list[Cell] = []
        for slot in line.slots:
            span = slot.colspan
            if slot.covered:
                cells.append(Cell(span=span, vmerge="continue"))
            elif slot.cell is not None:
                cells.append(Cell(format_value(values[index[slot.cell]]), span=span))
            elif slot.value is not None and line.extra is not None:
                cells.append(Cell(format_value(extras[line.extra].values[slot.value]), span=span))
            elif slot.filler:
                cells.append(Cell(span=span, filler=True))
            else:
                cells.append(
                    Cell(
                        slot.text,
                        span=span,
                        vmerge="restart" if slot.rowspan > 1 else None,
                        align="left" if slot.align_left else None,
                    )
                )
        if keep is Keep.TABLE:
            keep_next = k < last
        else:  # each block of Table 2 on one page
            keep_next = k < last and line.block >= 0 and lines[k + 1].block == line.block
        yield TableRow(tuple(cells), header=line.repeat, keep_next=keep_next)
