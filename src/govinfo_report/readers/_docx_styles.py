"""What a DOCX paragraph looks like, for heading hints: styles and list numbers.

Word and WPS mark a report's headings in several ways: a built-in heading style
("Heading 1", "标题 1"), an outline level set on the paragraph or its style, or just
bold/黑体 runs on a short numbered line. Headings numbered by Word's list feature do not
contain their number ("一、") in the text at all; :class:`Numbering` renders it from
``numbering.xml`` the way Word displays it, so that labels can be matched.
"""

from __future__ import annotations

import re
from typing import Final

import attrs
from lxml import etree

from govinfo_report.readers._limits import decimal

W_MAIN: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT: Final = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def first_child(element: etree._Element, tag: str) -> etree._Element | None:
    """``element.find(tag)`` for a ``{namespace}name`` tag: its first child of that tag,
    or None. lxml's ``find`` goes through ElementPath on every call (2 µs); the reader
    asks it several times of every paragraph, run and cell."""
    for item in element:
        if item.tag == tag:
            return item
    return None


def toggle(element: etree._Element | None, w: str) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): True, False or unset."""
    if element is None:
        return None
    return element.get(f"{{{w}}}val", "true").lower() not in ("0", "false", "off", "none")


@attrs.frozen
class Look:
    """The formatting that matters for telling headings from body text."""

    outline: int | None = None
    """Outline level 0-8 (0 = Heading 1), None for body text."""
    heading: int | None = None
    """Level from the style name: 0 for Title/标题, 1-9 for Heading N/标题 N."""
    bold: bool | None = None
    font: str = ""
    size: int | None = None
    """Font size in half-points."""
    centered: bool | None = None
    num: tuple[str, int] | None = None
    """List numbering (numId, ilvl) the style applies."""


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题"})


def _heading_from_name(name: str) -> int | None:
    name = name.strip()
    match = _HEADING_NAME.match(name)
    if match:
        return int(match.group(1))
    return 0 if name.lower() in _TITLE_NAMES else None


def read_look(ppr: etree._Element | None, rpr: etree._Element | None, w: str) -> Look:
    """The :class:`Look` set directly by a ``w:pPr`` and a ``w:rPr`` (either may be None)."""
    outline = centered = num = None
    if ppr is not None:
        lvl = first_child(ppr, f"{{{w}}}outlineLvl")
        level = decimal(lvl.get(f"{{{w}}}val")) if lvl is not None else None
        outline = level if level is not None and level < 9 else None
        jc = first_child(ppr, f"{{{w}}}jc")
        if jc is not None:
            centered = jc.get(f"{{{w}}}val") == "center"
        numpr = first_child(ppr, f"{{{w}}}numPr")
        if numpr is not None:
            num_id = first_child(numpr, f"{{{w}}}numId")
            ilvl = first_child(numpr, f"{{{w}}}ilvl")
            if num_id is not None:
                level = decimal(ilvl.get(f"{{{w}}}val", "0")) if ilvl is not None else 0
                num = (num_id.get(f"{{{w}}}val", "0"), level or 0)
    bold = None
    font = ""
    size = None
    if rpr is not None:
        bold = toggle(first_child(rpr, f"{{{w}}}b"), w)
        fonts = first_child(rpr, f"{{{w}}}rFonts")
        if fonts is not None:
            font = fonts.get(f"{{{w}}}eastAsia") or fonts.get(f"{{{w}}}ascii") or ""
        sz = first_child(rpr, f"{{{w}}}sz")
        if sz is not None:
            size = decimal(sz.get(f"{{{w}}}val"))
    return Look(outline=outline, bold=bold, font=font, size=size, centered=centered, num=num)


def _merge(base: Look, over: Look) -> Look:
    return Look(
        outline=over.outline if over.outline is not None else base.outline,
        heading=over.heading if over.heading is not None else base.heading,
        bold=over.bold if over.bold is not None else base.bold,
        font=over.font or base.font,
        size=over.size if over.size is not None else base.size,
        centered=over.centered if over.centered is not None else base.centered,
        num=over.num if over.num is not None else base.num,
    )


class Styles:
    """Paragraph and character styles of ``styles.xml``, resolved through ``basedOn``."""

    def __init__(self, root: etree._Element | None, w: str) -> None:
        self._w = w
        self._raw: dict[str, tuple[str | None, Look]] = {}
        self._resolved: dict[str, Look] = {}
        self.names: dict[str, str] = {}
        """Style id → style name, lower-cased ("heading 1", "run-in heading")."""
        self.default = Look()
        self.numbered = False
        """Whether any style numbers its paragraphs (a ``w:numPr`` in its ``w:pPr``)."""
        if root is None:
            return
        for style in root.iter(f"{{{w}}}style"):
            style_id = style.get(f"{{{w}}}styleId")
            if style_id is None:
                continue
            name = style.find(f"{{{w}}}name")
            based = style.find(f"{{{w}}}basedOn")
            look = read_look(style.find(f"{{{w}}}pPr"), style.find(f"{{{w}}}rPr"), w)
            if name is not None:
                name_text = name.get(f"{{{w}}}val", "")
                self.names[style_id] = name_text.strip().lower()
                look = attrs.evolve(look, heading=_heading_from_name(name_text))
            parent = based.get(f"{{{w}}}val") if based is not None else None
            self._raw[style_id] = (parent, look)
            self.numbered = self.numbered or look.num is not None
            if (
                style.get(f"{{{w}}}default") in ("1", "true")
                and style.get(f"{{{w}}}type") == "paragraph"
            ):
                self.default = self.look(style_id)

    def look(self, style_id: str | None) -> Look:
        """The resolved look of a style (the default paragraph style for None/unknown)."""
        if style_id is None or style_id not in self._raw:
            return self.default
        if style_id in self._resolved:
            return self._resolved[style_id]
        chain: list[Look] = []
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current in self._raw and current not in seen:
            seen.add(current)
            parent, look = self._raw[current]
            chain.append(look)
            current = parent
        resolved = Look()
        for look in reversed(chain):
            # A heading name applies to its own style only, not to styles based on it.
            resolved = _merge(attrs.evolve(resolved, heading=None), look)
        self._resolved[style_id] = resolved
        return resolved


# --- list numbering -------------------------------------------------------------------

_CHINESE_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_MAX_ROMAN: Final = 3999
"""Above this, roman numerals have no standard form; the number is shown in digits."""
_MAX_LETTERS: Final = 780
"""Letters repeat (A … Z, AA … ZZ, …): 780 is 30 Z's, as far as Word goes; larger numbers
are shown in digits rather than as thousands of letters (a start of 999,999,999 was
38 million letters per paragraph)."""
_MAX_LEVEL_TEXT: Final = 100
"""A list level's number text (``%1、``, ``（%2）``, ``%1.%2.%3``) longer than this gives no
label: each ``%n`` in it repeats a number, for every paragraph of the list."""


def _chinese(n: int, digits: str = _CHINESE_DIGITS, ten: str = "十") -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    return str(n)


def _roman(n: int) -> str:
    if not 0 < n <= _MAX_ROMAN:
        return str(n)
    out = []
    for value, glyph in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(glyph)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    if not 0 < n <= _MAX_LETTERS:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """``n`` in the ``w:numFmt`` style ``fmt`` (decimal, chineseCounting, ...)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting"):
        return _chinese(n)
    if fmt in ("ideographTraditional", "ideographDigital"):
        return "".join(_CHINESE_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL_DIGITS, "拾")
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n)) if n >= 0 else str(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x245F + n) if 1 <= n <= 20 else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        text = _letters(n)
        return text if fmt == "upperLetter" else text.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        text = _roman(n)
        return text if fmt == "upperRoman" else text.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@attrs.frozen
class _Level:
    fmt: str
    text: str
    start: int


class Numbering:
    """Renders Word list numbers ("一、", "（二）", "3.") in document order."""

    def __init__(self, root: etree._Element | None, w: str) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        self._abstract_of: dict[str, str] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, _Level]] = {}
        for node in root.iter(f"{{{w}}}abstractNum"):
            abstract[node.get(f"{{{w}}}abstractNumId", "")] = self._read_levels(node, w)
        for num in root.iter(f"{{{w}}}num"):
            num_id = num.get(f"{{{w}}}numId", "")
            ref = num.find(f"{{{w}}}abstractNumId")
            abstract_id = ref.get(f"{{{w}}}val", "") if ref is not None else ""
            levels = dict(abstract.get(abstract_id, {}))
            for override in num.iter(f"{{{w}}}lvlOverride"):
                ilvl = decimal(override.get(f"{{{w}}}ilvl", "0"))
                if ilvl is None:
                    continue
                inner = override.find(f"{{{w}}}lvl")
                if inner is not None:
                    levels.update(self._read_levels(override, w))
                start = override.find(f"{{{w}}}startOverride")
                if start is not None and ilvl in levels:
                    value = decimal(start.get(f"{{{w}}}val"), signed=True)
                    if value is not None:
                        levels[ilvl] = attrs.evolve(levels[ilvl], start=value)
            self._levels[num_id] = levels
            # Lists of one abstract definition share their counters, as in Word.
            self._abstract_of[num_id] = abstract_id

    @staticmethod
    def _read_levels(node: etree._Element, w: str) -> dict[int, _Level]:
        levels: dict[int, _Level] = {}
        for lvl in node.iter(f"{{{w}}}lvl"):
            ilvl = decimal(lvl.get(f"{{{w}}}ilvl", "0"))
            if ilvl is None:
                continue
            fmt = lvl.find(f"{{{w}}}numFmt")
            text = lvl.find(f"{{{w}}}lvlText")
            start = lvl.find(f"{{{w}}}start")
            start_value = decimal(start.get(f"{{{w}}}val"), signed=True) if start is not None else 1
            levels[ilvl] = _Level(
                fmt=fmt.get(f"{{{w}}}val", "decimal") if fmt is not None else "decimal",
                text=text.get(f"{{{w}}}val", "") if text is not None else "",
                start=1 if start_value is None else start_value,
            )
        return levels

    def label(self, num: tuple[str, int]) -> str:
        """The number Word shows for the next paragraph of list ``num`` (and count it)."""
        num_id, ilvl = num
        levels = self._levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        counters = self._counters.setdefault(self._abstract_of.get(num_id, num_id), {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet" or len(level.text) > _MAX_LEVEL_TEXT:
            return ""

        def placeholder(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            if index not in levels:
                return ""
            value = counters.get(index, levels[index].start)
            return format_number(value, levels[index].fmt)

        return re.sub(r"%([1-9])", placeholder, level.text)
