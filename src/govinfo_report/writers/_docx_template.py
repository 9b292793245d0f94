"""Preparing the DOCX package once per writer: the template (or the built-in one) with
its body emptied, the writer's styles put in, page setup and page-number footers (see
:mod:`._docx_pages`), kept as ready-made zip parts, each deflated once, around the place
where each report's body goes.

Only python-docx's public API and the lxml elements it exposes (``element``,
``part.element``) are used; what python-docx cannot do (rebinding the ``w:`` prefix of
``document.xml``) is done with lxml on the saved XML.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from collections.abc import Mapping
from pathlib import Path

import attrs
import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from govinfo_report import _embedded, _package
from govinfo_report.errors import ReportWriteError
from govinfo_report.writers import _docx_pages as pages
from govinfo_report.writers import _ooxml as ox
from govinfo_report.writers import _ooxml_styles as oxs
from govinfo_report.writers import _zip


@attrs.frozen
class Skeleton:
    """A prepared package: every zip part but the body, the document properties to fill."""

    parts: tuple[_zip.Member, ...]
    """Every part, deflated once; those of :attr:`document`, :attr:`core` and
    :attr:`custom` are placeholders, written anew for each report."""
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


_DEFAULT: Skeleton | None = None


def default_skeleton() -> Skeleton:
    """The prepared built-in package (prepared once per process)."""
    # Preparing the package costs a few milliseconds; a process renders many reports.
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = prepare(docx.Document(io.BytesIO(oxs.base_package())))
    return _DEFAULT


def open_template(path: Path) -> Document:
    """The template at ``path`` as a python-docx document (a .dotx re-labelled).

    Raises:
        ReportWriteError: it cannot be read, or is not a Word document.
    """
    # python-docx inflates and parses every part it is given, with no check of its own:
    # every entry is first inflated once under govinfo_report._package's limits (entries,
    # declared total, compression ratio, sizes that lie, XML and DOCTYPEs).
    source = f"template {path}"
    data = _template_bytes(path, source)
    _package.Package(data, source, ReportWriteError, source_zh=f"模板 {path}").check_all()
    try:
        data = _dotx_as_docx(data)
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a broken package
        raise ReportWriteError(
            f"template {path} is not a readable Word document (.docx): {exc}",
            zh=f"模板 {path} 不是可读取的 Word 文档（.docx）：{exc}",
        ) from None


def _template_bytes(path: Path, source: str) -> bytes:
    """The template file's bytes: a regular file, at most ``MAX_PACKAGE_BYTES``."""
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        from govinfo_report._failures import os_reason

        raise ReportWriteError(
            f"cannot read template {path}: {exc.strerror}",
            zh=f"无法读取模板 {path}：{os_reason(exc, 'zh')}",
        ) from None
    limit = _package.MAX_PACKAGE_BYTES
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReportWriteError(
                f"cannot read {source}: not a regular file", zh=f"无法读取模板 {path}：不是普通文件"
            )
        # The stated size spares reading a huge file; the size read bounds one that grows.
        data = fh.read(limit + 1) if info.st_size <= limit else b""
        if info.st_size > limit or len(data) > limit:
            raise ReportWriteError(
                f"{source} is larger than {limit} bytes; refused",
                zh=f"模板 {path} 大于 {limit} 字节，不予读取",
            )
    return data


def _dotx_as_docx(data: bytes) -> bytes:
    """A .dotx template re-labelled as a document (python-docx only opens documents)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml")
        if ox.CT_DOTX_MAIN.encode() not in types:
            return data
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    types = types.replace(ox.CT_DOTX_MAIN.encode(), ox.CT_DOCX_MAIN.encode())
    buffer = io.BytesIO()
    _zip.write_parts([(n, types if n == "[Content_Types].xml" else d) for n, d in parts], buffer)
    return buffer.getvalue()


def prepare(document: Document, *, template_layout: bool = False) -> Skeleton:
    """Empty the body, complete styles, page setup and footers; keep the rest as zip parts.

    The writer's styles and page setup replace the template's, unless ``template_layout``
    (then the writer's only fill in what the template lacks).
    """
    styles = _ensure_styles(document.styles.element, replace=not template_layout)
    sect = pages.last_section(document.element.body)
    if not template_layout:
        pages.own_page_setup(sect)
        pages.own_punctuation(document)
    pages.page_numbers(document, sect, styles["footer"])
    document.core_properties  # noqa: B018 - creates docProps/core.xml if the template lacks it
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return _skeleton(parts, document.part.partname.lstrip("/"), styles)


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


def _ensure_styles(styles: etree._Element, *, replace: bool) -> dict[str, str]:
    """Style name → id for every style the writer uses, the writer's own definitions.

    A style the template defines under the same name (and of the same kind) keeps its
    id, so that the template's styles based on it still find it; with ``replace`` its
    definition becomes the writer's, else the template's stays. Missing ones are created.
    """
    found: dict[str, etree._Element] = {}
    ids: set[str] = set()
    has_default = False
    for style in styles.iterchildren(qn("w:style")):
        kind = style.get(qn("w:type")) or "paragraph"
        ids.add(style.get(qn("w:styleId")) or "")
        has_default |= kind == "paragraph" and _is_default(style)
        name = style.find(qn("w:name"))
        if name is not None:
            found.setdefault((name.get(qn("w:val")) or "").lower(), style)
    result: dict[str, str] = {}
    for spec in oxs.STYLES:
        existing = found.get(spec.name.lower())
        if existing is not None and (existing.get(qn("w:type")) or "paragraph") == spec.kind:
            style_id = existing.get(qn("w:styleId")) or ""
            result[spec.name] = style_id
            if replace:
                element = parse_xml(spec.xml(style_id))
                # Which paragraph style is the default stays the template's choice.
                if _is_default(existing):
                    element.set(qn("w:default"), "1")
                elif spec.default:
                    del element.attrib[qn("w:default")]
                existing.addprevious(element)
                styles.remove(existing)
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


def _is_default(style: etree._Element) -> bool:
    return style.get(qn("w:default")) in ("1", "true", "on")


def _skeleton(parts: list[tuple[str, bytes]], document: str, styles: dict[str, str]) -> Skeleton:
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
    per_report = {document, core, custom}
    return Skeleton(
        parts=tuple(
            _zip.member(name, b"" if name in per_report else data.get(name, blob))
            for name, blob in parts
        ),
        document=document,
        prefix=xml[:start],
        suffix=xml[end:],
        core=core,
        custom=custom,
        custom_properties=tuple(kept),
        styles=styles,
    )
