"""The DOCX reader's ``first_child`` is lxml's ``find`` for a plain tag, element for
element, on real documents and on trees with comments, processing instructions and
look-alike tags in other namespaces."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from govinfo_report.readers._docx_styles import first_child
from readers.docx_parts import real_and_rendered

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    ("name", "data"), real_and_rendered(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_first_child_is_find_on_every_element_of_a_document(name: str, data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    tags = {e.tag for e in root.iter() if isinstance(e.tag, str)}
    assert len(tags) > 20, name
    elements = [e for e in root.iter() if isinstance(e.tag, str) and len(e)]
    for element in elements:
        for tag in tags:
            assert first_child(element, tag) is element.find(tag)


def test_first_child_skips_what_find_skips() -> None:
    root = etree.fromstring(
        f'<w:p xmlns:w="{W}" xmlns:x="urn:other"><!-- a comment --><?pi data?>'
        "<x:pPr/><w:r><w:pPr/></w:r><w:pPr><w:pStyle/></w:pPr><w:pPr/></w:p>"
    )
    for tag in (f"{{{W}}}pPr", "{urn:other}pPr", f"{{{W}}}pStyle", f"{{{W}}}r", "pPr"):
        assert first_child(root, tag) is root.find(tag)
    assert first_child(root, f"{{{W}}}pPr") is root[4]  # the first w:pPr child, not x:pPr
