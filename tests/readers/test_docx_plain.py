"""The one-pass reading of plain Word tables (``_docx_plain``) gives the general walk's
grids, cell for cell: on our writer's tables and real ones, and on random tables made of
everything a cell can hold, Word's and forged (text outside runs, marks out of place)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from govinfo_report import load, render
from govinfo_report.errors import ReportReadError
from govinfo_report.readers import read_report
from govinfo_report.readers._document import Block
from govinfo_report.readers._docx_blocks import Extractor
from govinfo_report.readers._docx_plain import PlainTables, _rows
from govinfo_report.readers._docx_styles import W_MAIN, W_STRICT, Numbering, Styles
from readers.docx_parts import DOCX_FIXTURES as FIXTURES
from readers.docx_parts import EXAMPLES, real_and_rendered

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NUMBERING = (
    '<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
    '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)
"""A list numbered 1. 2. 3.: what a paragraph with ``w:numPr`` shows in front of it."""


def _read(tbl: etree._Element, w: str, *, fast: bool, trusted: bool) -> list[Block] | str:
    """The blocks of ``tbl`` as the extractor reads it (the error message if it refuses)."""
    numbering = etree.fromstring(NUMBERING.format(w=w))
    extractor = Extractor(w, Styles(None, w), Numbering(numbering, w), trusted=trusted)
    if not fast:
        extractor._plain = None
    try:
        extractor.table(tbl)
    except ReportReadError as error:
        return str(error)
    return extractor.blocks


def _plain(tbl: etree._Element, w: str = W_MAIN) -> bool:
    """Whether ``tbl`` is read in one pass."""
    return PlainTables(w).rows(tbl, trusted=False) is not None


def _tables(data: bytes) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return list(root.iter(f"{{{W_MAIN}}}tbl"))


def test_our_writers_tables_are_read_in_one_pass_and_read_the_same() -> None:
    data = render(load(EXAMPLES / "example_2021.yaml"), "docx")
    tables = _tables(data)
    assert len(tables) == 3
    for tbl in tables:
        assert _plain(tbl)
        for trusted in (True, False):
            blocks = _read(tbl, W_MAIN, fast=True, trusted=trusted)
            assert blocks == _read(tbl, W_MAIN, fast=False, trusted=trusted)
            assert blocks
            assert not isinstance(blocks, str)


@pytest.mark.parametrize(
    ("name", "data"), real_and_rendered(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_whole_documents_read_the_same_without_the_one_pass(
    name: str, data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = read_report(data, name=name, suffix=".docx")
    monkeypatch.setattr(PlainTables, "rows", lambda self, tbl, trusted: None)
    assert read_report(data, name=name, suffix=".docx") == fast


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.docx")), ids=lambda p: p.name)
def test_real_documents_tables_read_the_same(path: Path) -> None:
    tables = [t for t in _tables(path.read_bytes()) if t.getparent().tag != f"{{{W_MAIN}}}tc"]
    assert any(_plain(t) for t in tables)
    for tbl in tables:
        assert _read(tbl, W_MAIN, fast=True, trusted=False) == _read(
            tbl, W_MAIN, fast=False, trusted=False
        )


def test_a_style_that_numbers_paragraphs_turns_the_one_pass_reading_off() -> None:
    styles = etree.fromstring(
        f'<w:styles xmlns:w="{W_MAIN}"><w:style w:type="paragraph" w:styleId="L">'
        '<w:name w:val="List"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'
        "</w:style></w:styles>"
    )
    assert Styles(styles, W_MAIN).numbered
    assert not Styles(None, W_MAIN).numbered
    extractor = Extractor(W_MAIN, Styles(styles, W_MAIN), Numbering(None, W_MAIN))
    assert extractor._plain is None


# --- random tables --------------------------------------------------------------------

_TEXTS = st.sampled_from(["", " ", "1", "12 ", "予以公开", " 件", "\u3000合计\u3000", "/"])
_VALS = st.sampled_from([None, "2", "3", "0", "-1", "x", "99999999999", "restart", "continue"])


def _el(tag: str, *children: object, **attributes: str | None) -> str:
    attrs = "".join(f' w:{k}="{v}"' for k, v in attributes.items() if v is not None)
    return f"<{tag}{attrs}>{''.join(map(str, children))}</{tag}>"


_IN_RUN = st.sampled_from(
    [
        "<w:br/>",
        "<w:cr/>",
        "<w:tab/>",
        "<w:ptab/>",
        "<w:noBreakHyphen/>",
        "<w:delText>删</w:delText>",
        "<w:instrText>PAGE</w:instrText>",
        '<w:fldChar w:fldCharType="begin"/>',
        "<w:rPr><w:b/></w:rPr>",
        "<x:t>other</x:t>",
        "<w:t/>",
        "<!-- comment -->",
    ]
)
_IN_PARAGRAPH = st.sampled_from(
    [
        "<w:pPr><w:jc w:val='center'/></w:pPr>",
        "<w:bookmarkStart w:id='0' w:name='a'/><w:bookmarkEnd w:id='0'/>",
        "<w:proofErr w:type='spellStart'/>",
    ]
)
_MARKS = st.one_of(
    _VALS.map(lambda v: _el("w:gridSpan", val=v)),
    _VALS.map(lambda v: _el("w:vMerge", val=v)),
    _VALS.map(lambda v: _el("w:hMerge", val=v)),
    st.just("<w:hideMark/>"),
    st.just("<w:tcW w:w='1000' w:type='dxa'/>"),
)
_TEXT = _TEXTS.map(lambda t: _el("w:t", t))
_RUN = st.one_of(
    st.lists(_TEXT, max_size=2),  # most runs are text alone, as in real tables
    st.lists(st.one_of(_TEXT, _IN_RUN), max_size=4),
).map(lambda items: _el("w:r", *items))
_PARAGRAPH = st.one_of(
    st.lists(_RUN, max_size=3),
    st.lists(st.one_of(_RUN, _IN_PARAGRAPH), max_size=4),
).map(lambda items: _el("w:p", *items))
_CELL = st.tuples(
    st.one_of(st.none(), st.lists(_MARKS, max_size=3)), st.lists(_PARAGRAPH, max_size=3)
).map(lambda c: _el("w:tc", *([] if c[0] is None else [_el("w:tcPr", *c[0])]), *c[1]))
_ROW = st.tuples(st.booleans(), st.lists(_CELL, max_size=4)).map(
    lambda r: _el("w:tr", *(["<w:trPr><w:cantSplit/></w:trPr>"] if r[0] else []), *r[1])
)
_TABLE = st.tuples(st.integers(0, 4), st.lists(_ROW, max_size=4)).map(
    lambda t: _el(
        "w:tbl",
        "<w:tblPr/>",
        _el("w:tblGrid", *["<w:gridCol w:w='1000'/>"] * t[0]),
        *t[1],
    )
)
"""A table made only of what a plain table holds."""

_R = "<w:r><w:t>文字</w:t></w:r>"
_P = f"<w:p>{_R}</w:p>"
ODD: list[tuple[str, str, str]] = [
    # (what it is, the element it goes in, the fragment): each sends a table to the
    # general walk, and the general walk reads it some other way than as runs of text.
    ("hidden run", "r", "<w:rPr><w:vanish/></w:rPr>"),
    ("a vanish turned off", "r", '<w:rPr><w:vanish w:val="0"/></w:rPr>'),
    ("text in run properties", "r", "<w:rPr><w:t>forged</w:t></w:rPr>"),
    (
        "alternate content",
        "r",
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="wps"><w:t>choice</w:t>'
        "</mc:Choice><mc:Fallback><w:t>fallback</w:t></mc:Fallback></mc:AlternateContent>",
    ),
    ("text box", "r", f"<w:drawing><w:txbxContent>{_P}</w:txbxContent></w:drawing>"),
    ("ruby", "p", f"<w:ruby><w:rt>{_R}</w:rt><w:rubyBase>{_R}</w:rubyBase></w:ruby>"),
    ("tab stop", "p", "<w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs></w:pPr>"),
    (
        "list number",
        "p",
        "<w:pPr><w:numPr><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr></w:pPr>",
    ),
    ("merge mark out of place", "p", "<w:pPr><w:gridSpan w:val='2'/></w:pPr>"),
    (
        "a paragraph in run properties",
        "p",
        "<w:r><w:t>前</w:t></w:r><w:r><w:rPr><w:p/></w:rPr><w:t>后</w:t></w:r>",
    ),
    ("break outside a run", "p", "<w:br/>"),
    ("text outside a run", "p", "<w:t>文字</w:t>"),
    ("hyperlink", "p", f"<w:hyperlink>{_R}</w:hyperlink>"),
    ("insertion", "p", f"<w:ins>{_R}</w:ins>"),
    ("deletion", "p", f"<w:del>{_R}</w:del>"),
    ("moved from", "p", f"<w:moveFrom>{_R}</w:moveFrom>"),
    ("moved to", "p", f"<w:moveTo>{_R}</w:moveTo>"),
    ("inline content control", "p", f"<w:sdt><w:sdtContent>{_R}</w:sdtContent></w:sdt>"),
    ("smart tag", "p", f"<w:smartTag>{_R}</w:smartTag>"),
    ("nested table", "tc", f"<w:tbl><w:tr><w:tc>{_P}</w:tc></w:tr></w:tbl>"),
    ("empty nested table", "tc", "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid></w:tbl>"),
    ("block content control", "tc", f"<w:sdt><w:sdtContent>{_P}</w:sdtContent></w:sdt>"),
    ("custom XML paragraph", "tc", f"<w:customXml>{_P}</w:customXml>"),
    ("a second tcPr", "tc", "<w:tcPr/><w:tcPr><w:gridSpan w:val='3'/><w:hideMark/></w:tcPr>"),
    ("a deleted row", "tr", "<w:trPr><w:del w:id='1' w:author='a' w:date='2024-01-01'/></w:trPr>"),
    ("cells before the grid", "tr", "<w:trPr><w:gridBefore w:val='2'/></w:trPr>"),
    ("a paragraph outside a cell", "tr", f"<w:tc>{_P}</w:tc>{_P}"),
    (
        "cell content control",
        "tr",
        f"<w:sdt><w:sdtContent><w:tc>{_P}</w:tc></w:sdtContent></w:sdt>",
    ),
    (
        "row content control",
        "tbl",
        f"<w:sdt><w:sdtContent><w:tr><w:tc>{_P}</w:tc></w:tr></w:sdtContent></w:sdt>",
    ),
    ("custom XML row", "tbl", f"<w:customXml><w:tr><w:tc>{_P}</w:tc></w:tr></w:customXml>"),
]


def _parse(xml: str, w: str) -> etree._Element:
    """``xml`` (a ``w:`` element) as an element in namespace ``w``."""
    return _parse_all(xml, w)[0]


def _parse_all(xml: str, w: str) -> list[etree._Element]:
    """The elements of the ``w:`` fragment ``xml``, in namespace ``w``."""
    root = etree.fromstring(f'<w:root xmlns:w="{w}" xmlns:x="urn:x">{xml}</w:root>')
    return list(root)


def _insert(where: etree._Element, index: int, fragment: str, w: str) -> None:
    for k, element in enumerate(_parse_all(fragment, w)):
        where.insert(index + k, element)


@settings(max_examples=500, deadline=None)
@given(
    table=_TABLE,
    odd=st.one_of(st.none(), st.sampled_from(ODD)),
    data=st.data(),
    trusted=st.booleans(),
    strict=st.booleans(),
)
def test_random_tables_read_the_same_in_one_pass(
    table: str, odd: tuple[str, str, str] | None, data: st.DataObject, trusted: bool, strict: bool
) -> None:
    w = W_STRICT if strict else W_MAIN
    tbl = _parse(table, w)
    if odd is not None:
        _, home, fragment = odd
        homes = [tbl] if home == "tbl" else list(tbl.iter(f"{{{w}}}{home}"))
        assume(homes)
        where = data.draw(st.sampled_from(homes))
        _insert(where, data.draw(st.integers(0, len(where))), fragment, w)
        assert not _plain(tbl, w), odd[0]
    else:
        assert _plain(tbl, w)
    assert _read(tbl, w, fast=True, trusted=trusted) == _read(tbl, w, fast=False, trusted=trusted)


CAUTIOUS = {
    "a vanish turned off",
    "tab stop",
    "break outside a run",
    "text outside a run",
    "hyperlink",
    "insertion",
    "moved to",
    "inline content control",
    "smart tag",
    "block content control",
    "custom XML paragraph",
    "cell content control",
    "row content control",
    "custom XML row",
}
"""Odd things the one pass would read right where they are put here (first in their
element): sent to the general walk anyway, which keeps the test of a plain table
simple: text and breaks only in a run of a paragraph of a cell of a row of the table,
no w:vanish at all, no w:tab outside a run. A table with a hyperlink or a content
control in it is read the slow way; these are rare in the statistic tables."""


@pytest.mark.parametrize(("what", "home", "fragment"), ODD, ids=[o[0] for o in ODD])
def test_each_odd_thing_would_be_misread_by_the_one_pass(
    what: str, home: str, fragment: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why each odd thing sends a table to the general walk: read in one pass as if
    the table were plain, it would come out wrong (but for the :data:`CAUTIOUS` ones)."""
    cell = "<w:tc><w:tcPr/><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc>"
    tbl = _parse(f"<w:tbl><w:tr>{cell}{cell}</w:tr><w:tr>{cell}</w:tr></w:tbl>", W_MAIN)
    homes = [tbl] if home == "tbl" else list(tbl.iter(f"{{{W_MAIN}}}{home}"))
    _insert(homes[0], 0, fragment, W_MAIN)
    assert not _plain(tbl)
    walked = _read(tbl, W_MAIN, fast=True, trusted=True)
    assert walked == _read(tbl, W_MAIN, fast=False, trusted=True)

    def as_if_plain(self: PlainTables, tbl: etree._Element, trusted: bool) -> object:
        found = self._read(tbl, checked=False)
        assert found is not None
        return _rows(found, trusted)

    monkeypatch.setattr(PlainTables, "rows", as_if_plain)
    forced = _read(tbl, W_MAIN, fast=True, trusted=True)
    assert (forced == walked) == (what in CAUTIOUS), (forced, walked)
