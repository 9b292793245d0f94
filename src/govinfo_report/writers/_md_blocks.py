"""The Markdown writer's text blocks: front matter, title, paragraphs, sections,
sub-sections and the signature, one rule function each (see ``MarkdownWriter.rules``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from govinfo_report import _embedded
from govinfo_report.model import Metadata, Report, Section, Subsection
from govinfo_report.model.text import UNSTORABLE
from govinfo_report.writers._md_escape import check, escape_heading, escape_text

if TYPE_CHECKING:
    from govinfo_report.writers.markdown import MarkdownWriter

EMPTY_PARAGRAPH: Final = "<p></p>"
"""How an empty paragraph is written (Markdown has no empty paragraph of its own)."""


def date_text(date: dt.date) -> str:
    """``2021年1月22日`` (GB/T 9704 7.3.5.4: full year, no leading zeros)."""
    return f"{date.year}年{date.month}月{date.day}日"


def title_lines(meta: Metadata) -> tuple[str, ...]:
    """The title as printed: agency and year line for the standard title, else one line."""
    if meta.title is not None:
        return (meta.title,)
    standard = meta.standard_title
    return (meta.agency, standard[len(meta.agency) :])


# --- the other blocks ------------------------------------------------------------------


# JSON string syntax is YAML's double-quoted style, but for the characters YAML treats
# as line breaks or as unprintable, which must be escaped there.
_YAML_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), 0x2028, 0x2029, 0xFEFF)}


def _quoted(value: str) -> str:
    """``value`` as a double-quoted YAML string."""
    if UNSTORABLE.search(value):  # escaped here, but no other output holds it
        check(value)
    return json.dumps(value, ensure_ascii=False).translate(_YAML_ESCAPES)


def _yaml(data: Mapping[str, Any], indent: str = "") -> list[str]:
    """A mapping of strings, whole numbers, lists of strings or of whole numbers and
    mappings as block YAML
    (strings quoted, a list in flow style).

    Written directly rather than through PyYAML, which took a quarter of the render time.
    """
    lines = []
    for key, value in data.items():
        if isinstance(value, Mapping) and not value:
            lines.append(f"{indent}{key}: {{}}")
        elif isinstance(value, Mapping):
            lines.append(f"{indent}{key}:")
            lines.extend(_yaml(value, indent + "  "))
        elif isinstance(value, str):
            lines.append(f"{indent}{key}: {_quoted(value)}")
        elif isinstance(value, int) and not isinstance(value, bool):
            lines.append(f"{indent}{key}: {value}")
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            items = ", ".join(_quoted(v) for v in value)
            lines.append(f"{indent}{key}: [{items}]")
        elif isinstance(value, list) and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            items = ", ".join(str(v) for v in value)
            lines.append(f"{indent}{key}: [{items}]")
        elif value is None:
            lines.append(f"{indent}{key}: null")
        else:
            raise TypeError(f"cannot write {type(value).__name__} {key} in the front matter")
    return lines


def render_front_matter(writer: MarkdownWriter, report: Report) -> str:
    """YAML between ``---`` lines: our marker, the identity, the unprinted fields."""
    meta = report.metadata
    unprinted = _embedded.unprinted(report)
    unprinted.pop(_embedded.SIDEWAYS_AFTER, None)  # Table 4 prints row by row here
    level3 = _embedded.level3_run_ins(report)  # the DOCX tells them by their style
    if level3:
        unprinted[_embedded.LEVEL3_RUN_IN] = level3
    data: dict[str, Any] = {
        _embedded.PROPERTY: unprinted.pop("version"),
        "format_version": meta.format_version.value,
        "year": meta.year,
        "agency": meta.agency,
        **unprinted,
    }
    return "\n".join(["---", *_yaml(data), "---"])


def render_title(writer: MarkdownWriter, meta: Metadata) -> str:
    """``# agency`` and ``# YYYY年政府信息公开工作年度报告``, or ``# custom title``."""
    return "\n".join(f"# {escape_heading(line)}".rstrip() for line in title_lines(meta))


def render_paragraph(writer: MarkdownWriter, text: str) -> str:
    """A body paragraph; an empty one as ``<p></p>``."""
    return escape_text(text) if text else EMPTY_PARAGRAPH


def render_section(writer: MarkdownWriter, section: Section) -> str:
    """``## heading``, its paragraphs, its sub-sections, its closing paragraphs (which
    the front matter counts, as the text cannot show them)."""
    parts = [f"## {escape_heading(section.heading)}".rstrip()]
    parts += [render_paragraph(writer, p) for p in section.paragraphs]
    parts += [writer.rules["subsection"](writer, s) for s in section.subsections]
    parts += [render_paragraph(writer, p) for p in section.closing]
    return "\n\n".join(parts)


def render_subsection(writer: MarkdownWriter, sub: Subsection, level: int = 3) -> str:
    """``### heading`` and paragraphs; a run-in heading as ``**heading** first paragraph``;
    then its level-3 headings, ``#### 1.…`` (or run in, ``**1.…** rest``).

    The space after the closing ``**`` is required: CommonMark does not close emphasis
    between Chinese punctuation and a letter (``**（一）问题。**一是`` stays literal).
    Which run-in headings are level-3 ones the text cannot show; the front matter lists
    them (:func:`govinfo_report._embedded.level3_run_ins`).
    """
    paragraphs = list(sub.paragraphs)
    if sub.run_in:
        strong = f"**{escape_text(sub.heading)}**" if sub.heading else "<strong></strong>"
        # An empty first paragraph stays a paragraph of its own: reading the bold
        # heading alone and then "<p></p>" gives the same subsection back.
        if paragraphs and paragraphs[0]:
            parts = [f"{strong} {escape_text(paragraphs.pop(0))}"]
        else:
            parts = [strong]
    else:
        parts = [f"{'#' * level} {escape_heading(sub.heading)}".rstrip()]
    parts += [render_paragraph(writer, p) for p in paragraphs]
    parts += [render_subsection(writer, s, 4) for s in sub.subsections]
    return "\n\n".join(parts)


def render_signature(writer: MarkdownWriter, meta: Metadata) -> str:
    """A thematic break, then the agency and the 成文日期 on two lines."""
    lines = [escape_text(meta.agency)] if meta.agency else []
    if meta.signing_date is not None:
        lines.append(date_text(meta.signing_date))
    return "---\n\n" + "\\\n".join(lines)
