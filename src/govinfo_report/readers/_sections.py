"""The document as sections: the six headings found by their text, the sub-headings
（一）… inside each section, their level-3 headings (1.…) where the source marks them,
and each section's paragraphs.

:func:`split_parts` cuts the document's blocks at the section headings (standard, a known
variant, or a few characters off, with a notice); the blocks before the first heading
are the front matter (:mod:`._front`). :func:`split_subheading` is the run-in rule for
sub-headings, and :func:`read_section` turns one part into a
:class:`~govinfo_report.model.Section`. :func:`section_index` is the heading index the
HTML reader also uses to find the report inside a portal page.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import FormatVersion, SectionSpec, get_format
from govinfo_report.model import Section, Subsection
from govinfo_report.readers import _findings as rf
from govinfo_report.readers._document import Block, Paragraph
from govinfo_report.readers._labels import SUBHEADING, LabelIndex, Match
from govinfo_report.readers._table_index import caption_index

RUN_IN_WINDOW = 60
"""How far into a （一） paragraph a run-in heading may end (characters)."""
_TERMINATORS = "。：:"
_HEADING_MAX = 50
"""A paragraph longer than this (characters) is body text, never a section heading."""


@functools.cache
def section_index() -> LabelIndex[str]:
    """The six section headings of the 2021 format and their variants, keyed by section id."""
    index: LabelIndex[str] = LabelIndex()
    for spec in get_format(FormatVersion.V2021).sections:
        index.add(spec.heading, spec.id)
        for variant in spec.variants:
            index.add(variant, spec.id, variant=True)
    return index


@functools.cache
def section_specs() -> dict[str, SectionSpec]:
    """The section declarations by id."""
    return {s.id: s for s in get_format(FormatVersion.V2021).sections}


@attrs.define
class Part:
    """The blocks before the first heading (``spec`` None) or of one section."""

    spec: SectionSpec | None
    heading: str = ""
    location: str = ""
    blocks: list[Block] = attrs.Factory(list)


def _heading(paragraph: Paragraph, seen: set[str], trusted: bool) -> Match[str] | None:
    if trusted and paragraph.level != 1:
        return None
    text = paragraph.text.strip().rstrip("。.：:")
    if not text or len(text) > _HEADING_MAX:
        return None
    match = section_index().match(text)
    if match is None or match.key in seen:
        return None
    return match


def split_parts(blocks: Sequence[Block], trusted: bool) -> tuple[list[Part], list[Finding]]:
    """The front matter (a part without spec) and one part per section heading found,
    in document order, with a notice for each heading read as a variant."""
    parts = [Part(None)]
    seen: set[str] = set()
    findings: list[Finding] = []
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            match = _heading(block, seen, trusted)
            if match is not None:
                seen.add(match.key)
                spec = section_specs()[match.key]
                location = block.location or f"paragraph {i + 1}"
                heading = block.text if trusted else block.text.strip()
                parts.append(Part(spec, heading, location))
                if not match.exact:
                    findings.append(
                        rf.finding(
                            rf.HEADING_VARIANT,
                            Severity.NOTICE,
                            f"标题“{block.text.strip()}”按“{spec.heading}”读取",
                            f"heading {block.text.strip()!r} was read as {spec.heading!r}",
                            paths=(f"sections.{spec.id}",),
                            reported=block.text.strip(),
                            location=location,
                        )
                    )
                continue
        parts[-1].blocks.append(block)
    return parts, findings


def split_subheading(paragraph: Paragraph, trusted: bool) -> tuple[str, str | None] | None:
    """A sub-heading paragraph as (heading, run-in text or None), or None if it is body.

    Rule (untrusted text): a paragraph that starts with （一）…（十）. If a 。 or ： ends a
    phrase within the first :data:`RUN_IN_WINDOW` characters and text follows it, the
    heading runs in: heading = up to and including that mark ("（一）存在的主要问题。"),
    the rest is the subsection's first paragraph. If nothing follows the mark, or the
    paragraph is short and has no mark ("（一）主动公开方面"), the whole paragraph is the
    heading. A long paragraph with no early mark is a run-in whose heading is the ordinal
    alone, so that its text is kept whole. With trusted levels (our own documents), a
    level-2 paragraph is a heading, split at ``Paragraph.run_in`` when given.
    """
    text = paragraph.text if trusted else paragraph.text.strip()
    if trusted:
        if paragraph.level != 2:
            return None
        if paragraph.run_in is not None:
            return text[: paragraph.run_in], text[paragraph.run_in :]
        return text, None
    if paragraph.level == 2 and paragraph.run_in is not None:
        # The source marks the run-in heading (a bold run): it ends where the mark does.
        return text[: paragraph.run_in], text[paragraph.run_in :].strip()
    marker = SUBHEADING.match(text)
    if marker is None:
        return None
    window = text[: RUN_IN_WINDOW + 1]
    ends = [i for i, ch in enumerate(window) if ch in _TERMINATORS and i >= marker.end()]
    if ends:
        end = ends[0] + 1
        rest = text[end:]
        if rest.strip():
            return text[:end], rest.strip()
        return text, None
    if len(text) <= RUN_IN_WINDOW:
        return text, None
    return text[: marker.end()], text[marker.end() :].strip()


def _level3(paragraph: Paragraph, trusted: bool) -> tuple[str, str | None] | None:
    """A level-3 heading paragraph (1.…) as (heading, run-in text or None), or None.

    Only where the source marks the level (our own documents; a DOCX Heading 3 style or
    outline level, a Markdown ``####``): a "1." paragraph of plain text is as often a
    list item as a heading, and stays a paragraph.
    """
    if paragraph.level != 3 or not (trusted or paragraph.marked):
        return None
    text = paragraph.text if trusted else paragraph.text.strip()
    if paragraph.run_in is not None:
        rest = text[paragraph.run_in :]
        return text[: paragraph.run_in], rest if trusted else rest.strip()
    return text, None


def read_section(part: Part, trusted: bool) -> Section:
    """The section a part holds: its paragraphs, its sub-headed subsections and their
    level-3 headings (1.…) where the source marks them."""
    assert part.spec is not None
    paragraphs: list[str] = []
    subs: list[tuple[str, list[str], bool, list[Subsection]]] = []
    level3: list[tuple[str, list[str], bool]] | None = None  # of the last sub-heading
    for block in part.blocks:
        if not isinstance(block, Paragraph):
            continue
        # Our own output's text is exact: kept as written, an empty paragraph it marks
        # as such included.
        text = block.text if trusted else block.text.strip()
        if block.role == "caption" or (
            (not text.strip() and not (trusted and (block.role == "blank" or block.level)))
            or (not trusted and caption_index().match(text) is not None)
        ):
            continue  # a Table 2 caption printed as a paragraph belongs to the table
        sub = split_subheading(block, trusted)
        if sub is not None:
            _close(subs, level3)
            heading, rest = sub
            subs.append((heading, [rest] if rest else [], rest is not None, []))
            level3 = []
            continue
        inner = _level3(block, trusted) if level3 is not None else None
        if inner is not None and level3 is not None:
            heading, rest = inner
            level3.append((heading, [rest] if rest else [], rest is not None))
        elif level3:
            level3[-1][1].append(text)
        elif subs:
            subs[-1][1].append(text)
        else:
            paragraphs.append(text)
    _close(subs, level3)
    return Section(
        id=part.spec.id,
        heading=part.heading,
        paragraphs=tuple(paragraphs),
        subsections=tuple(
            Subsection(heading=h, paragraphs=tuple(p), run_in=r, subsections=tuple(s))
            for h, p, r, s in subs
        ),
    )


def _close(
    subs: list[tuple[str, list[str], bool, list[Subsection]]],
    level3: list[tuple[str, list[str], bool]] | None,
) -> None:
    """The level-3 headings read into the last sub-heading's."""
    if subs and level3:
        subs[-1][3].extend(
            Subsection(heading=h, paragraphs=tuple(p), run_in=r) for h, p, r in level3
        )
