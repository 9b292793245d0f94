"""How the pages of a report on a template look: its letterhead, our page setup.

A report replaces the template's body, so only the body's last section survives. What
the template says about headers and footers is kept, including those that section only
inherits from the earlier sections of the template (a letterhead set on a cover
section). The page setup the writer owns (A4, the GB/T 9704 margins, one column, the
line grid) replaces the template's unless the template's layout is asked for; every
other setting of the section (a different first page, page-number format, borders) stays
the template's. A template without footers of its own gets the "— N —" page numbers,
odd pages right and even pages left, and the even pages then get a copy of its default
header, so a letterhead shows on every page and not only on the odd ones. The one
document setting that decides how many 字 a line holds, the compression of full-width
punctuation, is the writer's too (Chinese Word's: punctuation compressed).

Only python-docx's public API and the lxml elements it exposes are used.
"""

from __future__ import annotations

import copy

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.hdrftr import HeaderPart
from docx.section import Section
from lxml import etree

from govinfo_report.writers import _ooxml as ox
from govinfo_report.writers import _ooxml_styles as oxs

_ORDER = tuple(
    qn(f"w:{tag}")
    for tag in (
        "headerReference",
        "footerReference",
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    )
)
"""The children of ``w:sectPr`` in the order the schema requires."""

_AFTER_SPACING_CONTROL = frozenset(
    qn(f"w:{tag}")
    for tag in (
        "printTwoOnOne",
        "strictFirstAndLastChars",
        "noLineBreaksAfter",
        "noLineBreaksBefore",
        "savePreviewPicture",
        "doNotValidateAgainstSchema",
        "saveInvalidXml",
        "ignoreMixedContent",
        "alwaysShowPlaceholderText",
        "doNotDemarcateInvalidXml",
        "saveXmlDataOnly",
        "useXSLTWhenSaving",
        "saveThroughXslt",
        "showXMLTags",
        "alwaysMergeEmptyNamespace",
        "updateFields",
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    )
) | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}
"""The children of ``w:settings`` that the schema puts after ``characterSpacingControl``."""

_REFERENCES = (qn("w:headerReference"), qn("w:footerReference"))
_O_RELID = "{urn:schemas-microsoft-com:office:office}relid"


def last_section(body: etree._Element) -> etree._Element:
    """Empty ``body`` but for its final ``w:sectPr`` (made if missing), which is given
    every header and footer reference it inherits from the sections before it."""
    sect = body.find(qn("w:sectPr"))
    if sect is None:
        sect = parse_xml(oxs.section_properties().replace("<w:sectPr>", _W_SECT, 1))
        body.append(sect)
    inherited: dict[tuple[str, str], etree._Element] = {}
    for earlier in body.iterfind(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:sectPr')}"):
        for ref in earlier:
            if ref.tag in _REFERENCES:
                inherited[ref.tag, ref.get(qn("w:type")) or "default"] = ref
    own = {(ref.tag, ref.get(qn("w:type")) or "default") for ref in sect if ref.tag in _REFERENCES}
    for key, ref in inherited.items():
        if key not in own:
            _insert(sect, copy.deepcopy(ref))
    for child in list(body):
        if child is not sect:
            body.remove(child)
    return sect


def own_page_setup(sect: etree._Element) -> None:
    """Replace the section's page size, margins, columns and grid with the writer's."""
    ours = parse_xml(oxs.section_properties().replace("<w:sectPr>", _W_SECT, 1))
    for child in list(ours):
        old = sect.find(child.tag)
        if old is not None:
            sect.remove(old)
        _insert(sect, child)


def own_punctuation(document: Document) -> None:
    """Compress full-width punctuation, as the writer's own package does."""
    settings = document.settings.element
    control = settings.find(qn("w:characterSpacingControl"))
    if control is None:
        control = etree.SubElement(settings, qn("w:characterSpacingControl"))
        for sibling in settings:
            if sibling.tag in _AFTER_SPACING_CONTROL:
                sibling.addprevious(control)
                break
    control.set(qn("w:val"), ox.COMPRESS_PUNCTUATION)


def page_numbers(document: Document, sect: etree._Element, footer_style: str) -> None:
    """Give a template without footers of its own the GB/T 9704 page numbers.

    Odd and even pages then have their own footers, so even pages would lose a
    letterhead that is only the default (odd-page) header: they get a copy of it.
    """
    section = document.sections[-1]
    footers = (section.footer, section.even_page_footer, section.first_page_footer)
    if not all(footer.is_linked_to_previous for footer in footers):
        return  # the template's footers, as they are
    settings = document.settings
    template_had_even_pages = settings.odd_and_even_pages_header_footer
    settings.odd_and_even_pages_header_footer = True
    numbered = [(section.footer, True), (section.even_page_footer, False)]
    if section.different_first_page_header_footer:
        numbered.append((section.first_page_footer, True))  # page 1 is odd
    for footer, odd in numbered:
        footer.is_linked_to_previous = False
        element = footer.part.element
        for child in list(element):
            element.remove(child)
        paragraph = ox.page_number_paragraph(footer_style, odd=odd)
        element.append(parse_xml(paragraph.replace("<w:p>", f'<w:p xmlns:w="{ox.W_NS}">', 1)))
    if (
        not template_had_even_pages
        and not section.header.is_linked_to_previous
        and section.even_page_header.is_linked_to_previous
    ):
        _even_header_from_default(document, section, sect)


def _even_header_from_default(document: Document, section: Section, sect: etree._Element) -> None:
    """A new header part, a copy of the section's default header, as its even header."""
    source = section.header.part
    package = document.part.package
    part = HeaderPart(
        package.next_partname("/word/header%d.xml"),
        source.content_type,
        copy.deepcopy(source.element),
        package,
    )
    # The copy's images and links are the default header's, under ids of its own part.
    ids = {
        rid: part.relate_to(
            rel.target_ref if rel.is_external else rel.target_part,
            rel.reltype,
            is_external=rel.is_external,
        )
        for rid, rel in sorted(source.rels.items())
    }
    for element in part.element.iter():
        for name, value in element.attrib.items():
            if value in ids and (name.startswith(f"{{{ox.R_NS}}}") or name == _O_RELID):
                element.set(name, ids[value])
    rid = document.part.relate_to(part, RT.HEADER)
    reference = parse_xml(
        f'<w:headerReference xmlns:w="{ox.W_NS}" xmlns:r="{ox.R_NS}" '
        f'w:type="even" r:id="{ox.escape(rid)}"/>'
    )
    _insert(sect, reference)


def _insert(sect: etree._Element, child: etree._Element) -> None:
    """Insert ``child`` into ``sect`` where the schema's order puts it."""
    rank = _ORDER.index(child.tag)
    for sibling in sect:
        if sibling.tag in _ORDER and _ORDER.index(sibling.tag) > rank:
            sibling.addprevious(child)
            return
    sect.append(child)


_W_SECT = f'<w:sectPr xmlns:w="{ox.W_NS}">'
