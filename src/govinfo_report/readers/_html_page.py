"""What of a portal page is the report: page furniture to skip, and the main content.

A portal page wraps the report in navigation, breadcrumbs, share buttons, font-size
switches and footers. :data:`SKIP` names the elements never read (scripts, forms, media,
``<nav>``, ``<footer>`` …), :func:`is_furniture` the elements whose class, id or style
says they are furniture; :func:`main_content` then keeps the blocks inside the smallest
element that holds every section heading, plus the title just before it.
"""

from __future__ import annotations

from typing import Final

import lxml.html

from govinfo_report.readers import _meta
from govinfo_report.readers._document import Block, Paragraph
from govinfo_report.readers._sections import section_index

SKIP: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "nav",
        "footer",
        "aside",
        "iframe",
        "frame",
        "frameset",
        "form",
        "button",
        "select",
        "option",
        "textarea",
        "input",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "map",
        "audio",
        "video",
        "img",
    }
)
_FURNITURE: Final = (
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "share",
    "fontsize",
    "font-size",
    "font_size",
    "zihao",
    "toolbar",
    "sidebar",
    "related",
    "pager",
    "copyright",
    "position",
    "location",
)


def is_furniture(element: lxml.html.HtmlElement) -> bool:
    marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
    if not marks.strip():
        style = element.get("style", "").replace(" ", "").lower()
        return "display:none" in style
    if any(mark in marks for mark in _FURNITURE):
        return True
    style = element.get("style", "").replace(" ", "").lower()
    return "display:none" in style


def _ancestors(element: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [element, *element.iterancestors()]


def _common(elements: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement:
    chain = _ancestors(elements[0])
    depth = {id(e): i for i, e in enumerate(chain)}
    best = 0
    for element in elements[1:]:
        for ancestor in _ancestors(element):
            if id(ancestor) in depth:
                best = max(best, depth[id(ancestor)])
                break
    return chain[best]


def _within(element: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    return element is root or any(a is root for a in element.iterancestors())


def main_content(blocks: list[Block], elements: list[lxml.html.HtmlElement]) -> list[Block]:
    """The blocks of the report itself: those inside the smallest element holding every
    section heading, and the title paragraphs just before the first heading."""
    index = section_index()
    headings = [
        i
        for i, block in enumerate(blocks)
        if isinstance(block, Paragraph)
        and len(block.text) <= 50
        and index.match(block.text.rstrip("。.：:")) is not None
    ]
    if len(headings) < 2:
        return blocks
    body = _common([elements[i] for i in headings])
    first = headings[0]
    start = first
    for i in range(first - 1, max(-1, first - 12), -1):
        block = blocks[i]
        if isinstance(block, Paragraph) and _meta.parse_title(block.text) is not None:
            start = i
            if i > 0 and isinstance(blocks[i - 1], Paragraph):
                previous = blocks[i - 1]
                assert isinstance(previous, Paragraph)
                if _meta.looks_like_agency(previous.text) and len(previous.text) <= 30:
                    start = i - 1
            break
    kept = []
    for i, (block, element) in enumerate(zip(blocks, elements, strict=True)):
        if _within(element, body) or start <= i < first:
            kept.append(block)
    return kept
