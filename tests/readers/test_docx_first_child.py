"""The DOCX reader's ``first_child`` is lxml's ``find`` for a plain tag, element for
element, on real documents and on trees with comments, processing instructions and
look-alike tags in other namespaces."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from govinfo_report import load, render
from govinfo_report.readers._docx_styles import first_child

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "docx"
EXAMPLES = Path(__file__).parent.parent.parent / "examples"


def _documents() -> list[tuple[str, bytes]]:
    found = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.glob("*.docx"))]
    for example in sorted(EXAMPLES.glob("*.yaml")):
        found.append((example.name, render(load(example), "docx")))
    return found


@pytest.mark.parametrize(
    ("name", "data"), _documents(), ids=lambda v: v if isinstance(v, str) else ""
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
