"""The DOCX writer: a report as an agency would publish it, laid out after GB/T 9704-2012.

The package (styles, settings, page setup, page-number footers) is prepared once per
writer with python-docx, from the user's template or from a minimal built-in one, and
kept as ready-made zip parts. Rendering a report then only builds ``document.xml``'s
body as text (title, intro, six sections, the three official tables laid out as
:mod:`govinfo_report.formats.layout` declares them, the signature block) and the
document properties, and zips the parts with fixed timestamps, so the same report
always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO, ClassVar

import attrs
import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from govinfo_report import _embedded
from govinfo_report.errors import ReportWriteError
from govinfo_report.formats.layout import Keep, Line, Output, layout_of, printed
from govinfo_report.model import Report, Subsection, Table, format_value
from govinfo_report.writers import _ooxml as ox
from govinfo_report.writers import _ooxml_styles as oxs
from govinfo_report.writers._ooxml import Cell, TableRow


@attrs.frozen
class _Skeleton:
    """A prepared package: every zip part but the body, the document properties to fill."""

    parts: tuple[tuple[str, bytes], ...]
    document: str
    prefix: bytes
    """``document.xml`` up to and including ``<w:body>``."""
    suffix: bytes
    """``document.xml`` from the body's ``w:sectPr`` to the end."""
    core: str
    custom: str
    custom_properties: tuple[str, ...]
    """The template's own custom properties, kept."""
    styles: Mapping[str, str]
    """Style name (as in :data:`_ooxml.STYLES`) → the style id to reference."""


_DEFAULT: _Skeleton | None = None


def _default_skeleton() -> _Skeleton:
    # Preparing the package costs a few milliseconds; a process renders many reports.
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = _prepare(docx.Document(io.BytesIO(oxs.base_package())))
    return _DEFAULT


class DocxWriter:
    """Writes a report as a Word document (.docx).

    Args:
        template: a .docx (or .dotx) whose letterhead, styles and page setup to use. Its
            body is replaced by the report; its section settings, headers and footers are
            kept (page-number footers are added only if it has none); the styles the
            writer needs that it lacks are created. ``None`` uses the built-in layout.

    Raises:
        ReportWriteError: the template cannot be read as a Word document.
    """

    name: ClassVar[str] = "docx"
    suffix: ClassVar[str] = ".docx"
    binary: ClassVar[bool] = True

    def __init__(self, template: str | Path | None = None) -> None:
        self.template = None if template is None else Path(template)
        # Load the template now, so that a bad one fails before anything is written.
        self._skeleton = (
            _default_skeleton() if self.template is None else _prepare(_open(self.template))
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
        try:
            body = builder.build(report)
            meta = report.metadata
            core = ox.core_part(title=report.title, author=meta.agency, stamp=_stamp(report))
            builder.where = "the contact details (kept in the document properties)"
            pid = 2 + len(sk.custom_properties)
            custom = ox.custom_part(
                [
                    *sk.custom_properties,
                    ox.custom_property(pid, _embedded.PROPERTY, _embedded.dumps(report)),
                ]
            )
        except ox.IllegalTextError as exc:
            raise ReportWriteError(f"cannot write {builder.where} as DOCX: {exc}") from None
        replaced = {
            sk.document: sk.prefix + body.encode("utf-8") + sk.suffix,
            sk.core: core,
            sk.custom: custom,
        }
        buffer = io.BytesIO()
        ox.write_zip(((name, replaced.get(name, data)) for name, data in sk.parts), buffer)
        return buffer.getvalue()


def _stamp(report: Report) -> str:
    """Created/modified time: the signing date, else 1 January after the reported year."""
    meta = report.metadata
    day = meta.signing_date or dt.date(min(max(meta.year + 1, 1), 9999), 1, 1)
    return f"{day.isoformat()}T00:00:00Z"


# --- preparing the package ---------------------------------------------------------------


def _open(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportWriteError(f"cannot read template {path}: {exc.strerror}") from None
    try:
        data = _dotx_as_docx(data)
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise ReportWriteError(
            f"template {path} is not a readable Word document (.docx): {exc}"
        ) from None


def _dotx_as_docx(data: bytes) -> bytes:
    """A .dotx template re-labelled as a document (python-docx only opens documents)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml")
        if ox.CT_DOTX_MAIN.encode() not in types:
            return data
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    types = types.replace(ox.CT_DOTX_MAIN.encode(), ox.CT_DOCX_MAIN.encode())
    buffer = io.BytesIO()
    ox.write_zip([(n, types if n == "[Content_Types].xml" else d) for n, d in parts], buffer)
    return buffer.getvalue()


def _prepare(document: Document) -> _Skeleton:
    """Empty the body, complete styles, page setup and footers; keep the rest as zip parts.

    Only python-docx's public API and the lxml elements it exposes (``element``,
    ``part.element``) are used; what it cannot do (rebinding the ``w:`` prefix) is done
    on the saved XML (see :func:`_bind_w_prefix`).
    """
    styles = _ensure_styles(document.styles.element)
    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    if sect is None:
        body.append(parse_xml(oxs.section_properties().replace("<w:sectPr>", _W_SECT, 1)))
    section = document.sections[-1]
    footers = (section.footer, section.even_page_footer, section.first_page_footer)
    if all(footer.is_linked_to_previous for footer in footers):  # no footer of its own
        document.settings.odd_and_even_pages_header_footer = True
        for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
            footer.is_linked_to_previous = False
            element = footer.part.element
            for child in list(element):
                element.remove(child)
            element.append(
                parse_xml(
                    ox.page_number_paragraph(styles["footer"], odd=odd).replace(
                        "<w:p>", f'<w:p xmlns:w="{ox.W_NS}">', 1
                    )
                )
            )
    document.core_properties  # noqa: B018 - creates docProps/core.xml if the template lacks it
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return _skeleton(parts, document.part.partname.lstrip("/"), styles)


_W_SECT = f'<w:sectPr xmlns:w="{ox.W_NS}">'


def _bind_w_prefix(xml: bytes) -> bytes:
    """``document.xml`` with ``w:`` meaning WordprocessingML, as the body text assumes.

    A template may bind the namespace to another prefix; python-docx offers no way to
    replace a part's root element, so the saved XML is rewritten with lxml.
    """
    root = etree.fromstring(xml)
    if root.nsmap.get("w") == ox.W_NS:
        return xml
    # (the default namespace, key None, is not used by document.xml)
    nsmap = {k: v for k, v in root.nsmap.items() if k and k != "w" and v != ox.W_NS}
    nsmap.update(w=ox.W_NS, r=ox.R_NS)
    new = etree.Element(root.tag, nsmap=nsmap)
    new.attrib.update(root.attrib)
    new.extend(list(root))
    return etree.tostring(new, xml_declaration=True, encoding="UTF-8", standalone=True)


def _ensure_styles(styles: etree._Element) -> dict[str, str]:
    """Style name → id for every style the writer uses; missing ones are created."""
    found: dict[str, tuple[str, str]] = {}
    ids: set[str] = set()
    has_default = False
    for style in styles.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId")) or ""
        kind = style.get(qn("w:type")) or "paragraph"
        ids.add(style_id)
        has_default |= kind == "paragraph" and style.get(qn("w:default")) in ("1", "true")
        name = style.find(qn("w:name"))
        if name is not None:
            found.setdefault((name.get(qn("w:val")) or "").lower(), (style_id, kind))
    result: dict[str, str] = {}
    for spec in oxs.STYLES:
        existing = found.get(spec.name.lower())
        if existing is not None and existing[1] == spec.kind:
            result[spec.name] = existing[0]
            continue
        style_id = spec.id
        while style_id in ids:
            style_id = "Govinfo" + style_id
        ids.add(style_id)
        element = parse_xml(spec.xml(style_id))
        if spec.default and has_default:
            del element.attrib[qn("w:default")]
        styles.append(element)
        result[spec.name] = style_id
    return result


def _skeleton(parts: list[tuple[str, bytes]], document: str, styles: dict[str, str]) -> _Skeleton:
    data = dict(parts)
    rels = etree.fromstring(data["_rels/.rels"])
    targets = {
        rel.get("Type"): (rel.get("Target") or "").lstrip("/")
        for rel in rels.iterchildren(f"{{{ox.PKG_REL_NS}}}Relationship")
    }
    core = targets[ox.RT_CORE]
    custom = targets.get(ox.RT_CUSTOM)
    kept: list[str] = []
    if custom is not None and custom in data:
        for prop in etree.fromstring(data[custom]).iterchildren(f"{{{ox.CUSTOM_NS}}}property"):
            if prop.get("name") != _embedded.PROPERTY:
                prop.set("pid", str(2 + len(kept)))
                kept.append(etree.tostring(prop, encoding="unicode"))
    else:
        custom = "docProps/custom.xml"
        used = {rel.get("Id") for rel in rels}
        rel_id = next(f"rId{n}" for n in range(1, 1000) if f"rId{n}" not in used)
        etree.SubElement(
            rels,
            f"{{{ox.PKG_REL_NS}}}Relationship",
            Id=rel_id,
            Type=ox.RT_CUSTOM,
            Target=custom,
        )
        data["_rels/.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8")
        types = etree.fromstring(data["[Content_Types].xml"])
        etree.SubElement(
            types, f"{{{ox.CT_NS}}}Override", PartName="/" + custom, ContentType=ox.CT_CUSTOM
        )
        data["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8")
        parts.append((custom, b""))
    xml = data[document] = _bind_w_prefix(data[document])
    start = xml.index(b"<w:body>") + len(b"<w:body>")
    end = xml.rindex(b"<w:sectPr")
    return _Skeleton(
        parts=tuple((name, data.get(name, blob)) for name, blob in parts),
        document=document,
        prefix=xml[:start],
        suffix=xml[end:],
        core=core,
        custom=custom,
        custom_properties=tuple(kept),
        styles=styles,
    )


# --- the body ----------------------------------------------------------------------------


class _Body:
    """Builds the body XML of one report; ``where`` names the part being written."""

    def __init__(self, styles: Mapping[str, str]) -> None:
        self.s = styles
        self.where = "the report"
        self.out: list[str] = []

    def para(self, style: str, text: str, ppr: str = "") -> None:
        self.out.append(ox.paragraph(self.s[style], ox.run(text) if text else "", ppr))

    def build(self, report: Report) -> str:
        meta = report.metadata
        self.where = "the title"
        if meta.title is None and meta.agency:
            self.para("Title", meta.agency)
            self.para("Title", meta.standard_title[len(meta.agency) :])
        else:
            self.para("Title", report.title)
        for i, text in enumerate(report.intro, 1):
            self.where = f"intro paragraph {i}"
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
            self.section(section.heading, section.paragraphs, section.subsections, section.id)
            if spec is not None and spec.table and spec.table not in printed:
                printed.add(spec.table)
                self.table(report.table(spec.table))
        for _, table_id in pending:
            self.table(report.table(table_id))
        self.signature(report)
        if self.out and self.out[-1].startswith("<w:tbl>"):
            self.para("Normal", "")  # Word wants a paragraph between a table and sectPr
        return "".join(self.out)

    def section(
        self, heading: str, paragraphs: Sequence[str], subs: Sequence[Subsection], sid: str
    ) -> None:
        self.where = f"the heading of section {sid!r}"
        self.para("heading 1", heading)
        for i, text in enumerate(paragraphs, 1):
            self.where = f"paragraph {i} of section {sid!r}"
            self.para("Normal", text)
        for n, sub in enumerate(subs, 1):
            self.where = f"subsection {n} of section {sid!r}"
            rest: Sequence[str] = sub.paragraphs
            if sub.run_in:
                first = sub.paragraphs[0] if sub.paragraphs else ""
                runs = ox.run(sub.heading, self.s["Run-in Heading"])
                runs += ox.run(first) if first else ""
                self.out.append(ox.paragraph(self.s["Normal"], runs))
                rest = sub.paragraphs[1:]
            else:
                self.para("heading 2", sub.heading)
            for text in rest:
                self.para("Normal", text)

    def signature(self, report: Report) -> None:
        """GB/T 9704 7.3.5.2: a blank line, the agency 2 字 from the right, the date below."""
        self.where = "the signature"
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
        self.where = f"table {spec.number} ({spec.id})"
        layout = layout_of(spec, Output.DOCX)
        for extra in table.extra_rows:
            if len(extra.values) > layout.extra_room:
                raise ReportWriteError(
                    f"extra row {extra.label!r} of table {spec.number} has "
                    f"{len(extra.values)} values; the table has room for {layout.extra_room}"
                )
        rows = _rows(printed(layout, table.extra_rows), table, layout.keep)
        style = self.s["Table Text Small" if layout.small_text else "Table Text"]
        self.out.append(ox.table(layout.widths, rows, style=style))


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
