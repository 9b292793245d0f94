"""Escaping for the Markdown writer: any text as Markdown or HTML that parses back, with
any CommonMark parser, to exactly the same string.

Inline syntax characters get a backslash, whitespace a CommonMark parser would strip
becomes a numeric character reference, line breaks become hard breaks (paragraphs),
references (headings) or ``<br>`` (GFM cells); text that needs none of it (the common
case) is returned as is. Control characters no Markdown can hold are refused.
"""

from __future__ import annotations

import html
import re
from typing import Any

from govinfo_report.errors import ReportWriteError
from govinfo_report.model import Empty, Money
from govinfo_report.model.text import UNSTORABLE, UNSTORABLE_CHARACTERS

# Characters that start inline syntax anywhere in a line (or end an ATX heading, or split
# a table cell). A backslash before ASCII punctuation always yields the character itself.
_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~#"})
_ORDERED_MARKER = re.compile(r"\d{1,9}(?=[.)])")
# Entities CommonMark decodes to the character itself (it turns the rest into U+FFFD).
_NO_ENTITY = frozenset([*range(0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0)])


def _entity(ch: str) -> str:
    return ch if ord(ch) in _NO_ENTITY else f"&#{ord(ch)};"


# Control characters other than tab, line feed and carriage return: CommonMark drops
# them at the ends of a line and has no character reference for them (nor has DOCX).
# Lone surrogates cannot be encoded as UTF-8 at all. (No output stores any of them.)
_UNWRITABLE = UNSTORABLE


# Anything that needs escaping; text without it is written as is (the common case).
_PLAIN = re.compile(rf"[\\`*_\[\]<>&|~#\r\n{UNSTORABLE_CHARACTERS}]|^\s|\s$")


_HTML_PLAIN = re.compile(rf"[&<>\"'\r\n{UNSTORABLE_CHARACTERS}]")


def check(text: str) -> None:
    """Refuse ``text`` if it holds a character no Markdown can hold.

    Raises:
        ReportWriteError: a control character other than tab, line feed or carriage
            return.
    """
    bad = _UNWRITABLE.search(text)
    if bad is not None:
        raise ReportWriteError(
            f"cannot write control character U+{ord(bad.group()):04X} in {text[:60]!r}: "
            "Markdown cannot hold it; remove it from the report",
            zh=f"无法写出 {text[:60]!r} 中的控制字符 U+{ord(bad.group()):04X}：Markdown "
            "容纳不了它；请从报告中删去",
        )


def _escape_line(line: str, block_start: bool = True) -> str:
    """One line of text as inline Markdown that parses back to exactly ``line``.

    ``block_start`` says whether the line may be read as block syntax (a paragraph's
    lines may; a table cell's content may not).
    """
    if _UNWRITABLE.search(line):
        check(line)
    core = line.strip()
    if core:
        start = line.index(core[0])
        lead, trail = line[:start], line[start + len(core) :]
    else:
        lead, trail = line, ""
    text = core.translate(_INLINE)
    if "\r" in text:  # a bare carriage return would end the line
        text = text.replace("\r", "&#13;")
    if text and block_start and not lead:
        # Block syntax that only counts at the start of a line: lists, setext underlines.
        if text[0] in "-+=":
            text = "\\" + text
        elif text[0].isdigit():
            marker = _ORDERED_MARKER.match(text)
            if marker is not None:
                text = text[: marker.end()] + "\\" + text[marker.end() :]
    # Markdown strips the whitespace around a line; entities keep it.
    if lead:
        text = "".join(map(_entity, lead)) + text
    if trail:
        text += "".join(map(_entity, trail))
    return text


def escape_text(text: str) -> str:
    """``text`` as inline Markdown that parses back to exactly ``text``.

    Special characters get a backslash, whitespace at the start or end of a line
    becomes a numeric character reference, and a line break becomes a hard break
    (backslash, newline).

    Raises:
        ReportWriteError: ``text`` holds a control character other than tab, line feed
            or carriage return, which no Markdown can hold.
    """
    if not text or (_PLAIN.search(text) is None and text[0] not in "-+=0123456789"):
        return text
    if "\n" not in text:
        return _escape_line(text)
    # A hard break cannot start or end a paragraph: line feeds there are references.
    body = text.strip("\n")
    start = text.index(body) if body else len(text)
    lead, trail = text[:start], text[start + len(body) :]
    middle = "\\\n".join(_escape_line(line) for line in body.split("\n")) if body else ""
    return "&#10;" * len(lead) + middle + "&#10;" * len(trail)


def escape_heading(text: str) -> str:
    """``text`` as the content of a one-line heading: line feeds become references."""
    if "\n" not in text:
        return _escape_line(text)
    return "&#10;".join(_escape_line(part) for part in text.split("\n"))


def escape_cell(text: str) -> str:
    """``text`` as the content of a GFM table cell (``|`` escaped, newlines as ``<br>``)."""
    if not text or _PLAIN.search(text) is None:
        return text
    lines = text.split("\n")
    return "<br>".join(_escape_line(line, block_start=False) for line in lines)


def escape_html(text: str) -> str:
    """``text`` as HTML cell content, line breaks kept as character references."""
    if _HTML_PLAIN.search(text) is None:
        return text
    check(text)
    return html.escape(text).replace("\n", "&#10;").replace("\r", "&#13;")


def cell_text(value: Any) -> str:
    """A cell as the report prints it: digits, money as stated, ``""`` blank, ``"/"``."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Empty):
        return value.value
    if isinstance(value, Money):
        # Fixed-point digits: str(Decimal) may say "1E+3", which no cell holds.
        return f"{value.amount:f}{value.unit or ''}"
    raise TypeError(f"not a cell value: {value!r}")
