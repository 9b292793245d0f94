"""The command line's ``--help`` in the language of ``--lang``: Chinese by default, as
every other text of the command line.

argparse wraps help by characters (:mod:`textwrap`), and a Chinese character takes two
columns of a terminal: wrapped by argparse, Chinese lines run past the edge. So every
help text is translated (:data:`~govinfo_report.cli._help_zh.ZH`) and wrapped here, by
display columns (:func:`wrap`), when the parser is built, and the parser prints it as it
is (:class:`argparse.RawTextHelpFormatter`). English is left to argparse, as before.

The language is read from the arguments as given (:func:`language`): ``--help`` stops
the parser before ``--lang`` is parsed, and a usage error is said in it too. Imported
for every run of the command line: no :mod:`typing`, nothing heavy.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Sequence

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from govinfo_report.findings import Lang

_NO_LINE_START = frozenset("，。、；：？！）》」』】〉”’…,.;:?!)]}%")
"""What never starts a line: it stays with what is before it (行首禁则)."""
_NO_LINE_END = frozenset("（《「『【〈“‘([{")
"""What never ends a line: it stays with what follows."""
_WIDE = frozenset("WF")


def language(args: Sequence[str]) -> Lang:
    """The language ``--lang`` asks for in ``args`` (the last one given wins, as in
    argparse, which also takes ``--la en`` and ``--lang=en``); Chinese by default, as for
    every command."""
    lang: Lang = "zh"
    given = list(args)
    for i, arg in enumerate(given):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):  # --l is --lang, as in argparse
            continue
        if not equals:
            value = given[i + 1] if i + 1 < len(given) else ""
        if value in ("zh", "en"):
            lang = "zh" if value == "zh" else "en"
    return lang


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in _WIDE


def columns(text: str) -> int:
    """The columns ``text`` takes on a terminal: two for a wide (CJK) character."""
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_is_wide, text))


_TOKENS = re.compile(r"\s+|[!-~]+|.", re.DOTALL)
"""A run of spaces, a run of printable ASCII (narrow, never broken within), or any
other character alone: a character at a time only where that is needed."""


def _units(text: str) -> list[str]:
    """``text`` cut where a line may break: each wide character alone, a word of narrow
    ones whole, punctuation kept with its neighbour (:data:`_NO_LINE_START`,
    :data:`_NO_LINE_END`); a run of spaces is one ``" "``."""
    units: list[str] = []
    for token in _TOKENS.findall(text):
        if token.isspace():
            if units and units[-1] != " ":
                units.append(" ")
            continue
        if units and units[-1] != " ":
            first, last = token[0], units[-1][-1]
            if (
                first in _NO_LINE_START
                or last in _NO_LINE_END
                or not (_is_wide(first) or _is_wide(last))  # within a word
            ):
                units[-1] += token
                continue
        units.append(token)
    return units


def wrap(text: str, width: int) -> str:
    """``text`` in lines of at most ``width`` columns, broken between words and between
    wide characters, never before a closing mark or after an opening one; a word longer
    than a line is cut. Runs of spaces become one space, none at a line's ends."""
    lines: list[str] = []
    line, used, space = "", 0, False
    for unit in _units(text.strip()):
        if unit == " ":
            space = True
            continue
        size = columns(unit)
        gap = 1 if space and line else 0
        space = False
        if line and used + gap + size > width:
            lines.append(line)
            line, used, gap = "", 0, 0
        if not line:
            while size > width:  # longer than a line on its own: cut it
                cut, taken = _cut(unit, width)
                lines.append(cut)
                unit, size = unit[len(cut) :], size - taken
        line += " " * gap + unit
        used += gap + size
    if line:
        lines.append(line)
    return "\n".join(lines)


def _cut(unit: str, width: int) -> tuple[str, int]:
    """The longest start of ``unit`` within ``width`` columns (one character at least),
    and its columns."""
    taken = 0
    for end, char in enumerate(unit):
        size = 2 if _is_wide(char) else 1
        if end and taken + size > width:
            return unit[:end], taken
        taken += size
    return unit, taken


class HelpTexts:
    """The help texts of one run: translated into its language, wrapped to its width.

    ``width`` is the help's (argparse's: the terminal's columns less 2). A Chinese
    option's text is wrapped from the column argparse prints it in (its help position:
    at most 24 columns in, less on a narrow terminal; at least 11 columns wide), a
    description or epilog to the whole width. English is left to argparse, which wraps
    it by characters, as it always has (a character is a column).
    """

    def __init__(self, lang: Lang, width: int) -> None:
        self.lang: Lang = lang
        self.width = width
        self._wrapped: dict[tuple[str, int], str] = {}
        self.missing: list[str] = []
        """English texts the catalogue has no Chinese for (printed in English)."""

    def text(self, english: str) -> str:
        """``english`` in the run's language."""
        if self.lang == "en":
            return english
        from govinfo_report.cli._help_zh import ZH

        chinese = ZH.get(english)
        if chinese is None:
            self.missing.append(english)
            return english
        return chinese

    def said(self, *english: str) -> str:
        """Sentences in the run's language, one after the other: spaced in English, run
        on in Chinese."""
        return ("" if self.lang == "zh" else " ").join(self.text(e) for e in english)

    def of_argument(self, options: dict[str, object]) -> None:
        """The ``help`` among ``add_argument``'s keyword ``options``, translated and
        wrapped in place (``argparse.SUPPRESS`` left as it is)."""
        given = options.get("help")
        if isinstance(given, str) and given != argparse.SUPPRESS:
            options["help"] = self.option(self.text(given))

    def option(self, text: str, position: int = 24) -> str:
        """``text`` (already in the run's language) wrapped for an option's help, which
        argparse prints from column ``position`` on (24 at most, argparse's default;
        the program's list of commands starts nearer)."""
        if self.lang == "en":
            return text  # argparse wraps English as it always has
        position = min(position, max(self.width - 20, 4))
        wrapped = self._wrapped.get((text, position))
        if wrapped is None:  # every command's -h is the same text: wrapped once
            wrapped = self._wrapped[text, position] = wrap(text, max(self.width - position, 11))
        return wrapped

    def paragraph(self, text: str) -> str:
        """``text`` (already in the run's language) wrapped to the whole width."""
        return text if self.lang == "en" else wrap(text, max(self.width, 11))

    @property
    def formatter(self) -> type[argparse.HelpFormatter]:
        """argparse's formatter for the run's texts: its own wrapping for English, the
        texts as they are for Chinese (wrapped here by columns)."""
        return argparse.HelpFormatter if self.lang == "en" else argparse.RawTextHelpFormatter

    def printed(self, text: str) -> str:
        """argparse's usage (or whole help) with what argparse adds in English said in
        the run's language: in Chinese, the ``usage: `` prefix is ``用法：`` and a space
        (the seven columns argparse aligns the lines of a long usage to), and a section's
        title ends with a full-width colon (``选项：``; argparse writes ``title:``)."""
        english = "usage: "
        if self.lang == "en":
            return text
        if text.startswith(english):
            text = "用法： " + text[len(english) :]
        for title in self._titles:
            text = text.replace(f"\n{title}:\n", f"\n{title}：\n")
        return text

    @property
    def _titles(self) -> tuple[str, ...]:
        return tuple(self.text(t) for t in ("positional arguments", "options", "commands"))


__all__ = ["HelpTexts", "columns", "language", "wrap"]
