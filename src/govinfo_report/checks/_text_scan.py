"""TX.1's alternation, tried only where a statement can start, and only with the
statements a text can hold.

TX.1 reads a text with one alternation of 14 statements (about 2,000 characters of
regular expression); ``pattern.finditer(text)`` enters the alternation at every
position: 95% of a whole check when it was written so. Two things make it cheap here,
and neither changes a match:

- the alternation is put behind a look-ahead of every character its matches can start
  with (the digits and numerals of "5件结转下年度", 收 of 收到, 予 of 予以公开 …): a
  position no statement starts at costs one test. Behind it, the statements are
  written first character first (``予(?<![及和与、或不]予)以公开``, not
  ``(?<![及和与、或不])予以公开``; see ``text_statements.not_after``), and each is named
  by an empty group at its end, so that ``re`` passes over a statement that starts
  with another character without trying it;
- a statement whose words (one of :attr:`Dispatch.required`'s strings for it) are not
  in a text cannot match anywhere in it, and is left out of the alternation for that
  text; a text holding none of any statement's words is not scanned at all.

The matches are ``pattern.finditer(text)``'s, one for one (same spans, same named
groups, same alternative): the look-ahead only skips positions where no alternative
can match, and a left-out alternative matches nowhere in the text.

The first characters and the words come from the parsed expressions (:mod:`re._parser`,
the parser behind :mod:`re`); when an alternative's cannot be told simply (a negated
class, a statement that may match nothing), or the parser is not what this module
expects, :func:`dispatched` returns None and TX.1 runs the plain alternation.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

# The parser of the standard library's re (a private module, hence no typing): it tells
# the first characters of an expression. Without it, the plain alternation.
_sre: Any
_sre_parse: Any
try:
    _sre = importlib.import_module("re._constants")
    _sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - every supported Python has them
    _sre = _sre_parse = None

_DIGIT = "\\d"
"""The member of a first-character set standing for every decimal digit."""


@attrs.frozen(kw_only=True)
class Dispatch:
    """The alternation, behind a look-ahead of its first characters, over the statements
    a text can hold.

    A statement whose words (one of :attr:`required`'s strings for it) are not in a
    text cannot match anywhere in it, and is left out of the alternation for that text:
    in a paragraph on 主动公开 that names no 结转 and no 顺延, a digit is not even a
    place where a statement could start. One alternation is compiled for each
    of the first :data:`_MAX_PATTERNS` sets of words met, and kept; a text holding any
    other set is read with the alternation of every statement.
    """

    alternatives: tuple[tuple[str, frozenset[str]], ...]
    """Each alternative's expression and the characters its matches start with."""
    required: tuple[tuple[str, ...] | None, ...]
    """For each alternative, strings one of which each of its matches contains (None:
    not known, the alternative is always tried)."""
    words: tuple[str, ...]
    """Every string of :attr:`required`, once."""
    _patterns: dict[frozenset[str], re.Pattern[str] | None] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )
    _any_word: re.Pattern[str] | None = attrs.field(init=False, eq=False, repr=False)
    """Finds any of :attr:`words`: a text holding none (most paragraphs that hold 件) is
    told in one scan, not one per word."""

    def __attrs_post_init__(self) -> None:
        any_word = "|".join(re.escape(word) for word in self.words)
        object.__setattr__(self, "_any_word", re.compile(any_word) if any_word else None)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What ``re.compile("|".join(alternatives)).finditer(text)`` yields."""
        if self._any_word is not None and self._any_word.search(text) is None:
            present: frozenset[str] = _NONE
        else:
            present = frozenset([word for word in self.words if word in text])
        pattern = self._patterns.get(present, _UNKNOWN)
        if pattern is _UNKNOWN:
            if len(self._patterns) >= _MAX_PATTERNS:
                # A set met after so many others: the alternation of every statement
                # finds the same matches (one whose words are absent cannot match),
                # compiled once, where compiling another (0.6 ms, twice a whole check)
                # for each new set, or clearing them all, would thrash on a corpus
                # whose paragraphs hold many different sets.
                present = frozenset(self.words)
                pattern = self._patterns.get(present, _UNKNOWN)
            if pattern is _UNKNOWN:
                pattern = self._patterns[present] = self._pattern(present)
        return iter(()) if pattern is None else pattern.finditer(text)

    def _pattern(self, present: frozenset[str]) -> re.Pattern[str] | None:
        """The alternation of the statements ``present`` allows (None: none)."""
        chosen = [
            alternative
            for alternative, words in zip(self.alternatives, self.required, strict=True)
            if words is None or not present.isdisjoint(words)
        ]
        if not chosen:
            return None
        return _dispatch(chosen)


_UNKNOWN: Any = object()
_NONE: frozenset[str] = frozenset()
_MAX_PATTERNS = 256
"""Compiled alternations kept per rule, one per set of words met in a text; beyond, the
alternation of every statement (one more, kept too). None is ever dropped."""


def dispatched(alternatives: Sequence[str]) -> Dispatch | None:
    """The alternation of ``alternatives`` (each a complete expression, their group
    names distinct), read as :class:`Dispatch` reads it; None when it cannot be.

    What it finds is exactly what ``re.compile("|".join(alternatives))`` finds, match
    for match, position by position and alternative by alternative.
    """
    if _sre is None:
        return None
    firsts: list[tuple[str, frozenset[str]]] = []
    required: list[tuple[str, ...] | None] = []
    try:
        for source in alternatives:
            parsed = _sre_parse.parse(source).data
            first = _first(parsed)
            if first is None or not first[0] or first[1]:
                return None  # unknown, or an alternative that can match nothing first
            firsts.append((source, first[0]))
            needed = _required(parsed)
            required.append(tuple(sorted(needed)) if needed else None)
    except (re.error, RecursionError, AttributeError, TypeError, ValueError):
        return None  # a parser other than the one this module reads
    every = tuple(sorted({w for r in required if r for w in r}))
    return Dispatch(alternatives=tuple(firsts), required=tuple(required), words=every)


def _required(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Strings one of which every match of ``items`` contains, the most telling such
    set found (its shortest string longest), or None: literal runs of the sequence,
    and groups or alternations of whose every branch that can be said."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset(["".join(run)]))
            run = []
        inner: frozenset[str] | None = None
        if op is _sre.SUBPATTERN:
            inner = _required(av[-1].data)
        elif op is _sre.ATOMIC_GROUP:
            inner = _required(av.data)
        elif op is _sre.BRANCH:
            branches = [_required(b.data) for b in av[1]]
            if all(b is not None for b in branches):
                inner = frozenset().union(*(b for b in branches if b is not None))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] > 0:
            inner = _required(av[2].data)
        if inner:
            found.append(inner)
    if not found:
        return None
    return max(found, key=lambda words: min(map(len, words)))


def _first(items: list[tuple[Any, Any]]) -> tuple[frozenset[str], bool] | None:
    """(the characters a match of ``items`` can start with, whether it can be empty),
    or None when that cannot be told simply. Decimal digits are :data:`_DIGIT`."""
    chars: set[str] = set()
    for op, av in items:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue  # zero-width: the next item consumes the first character
        if op is _sre.LITERAL:
            chars.add(chr(av))
            return frozenset(chars), False
        if op is _sre.IN:
            members = _class(av)
            if members is None:
                return None
            return frozenset(chars | members), False
        if op is _sre.SUBPATTERN:
            found = _first(av[-1].data)
        elif op is _sre.ATOMIC_GROUP:
            found = _first(av.data)
        elif op is _sre.BRANCH:
            found = _union([_first(p.data) for p in av[1]])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            found = _first(av[2].data)
            if found is not None and av[0] == 0:
                found = (found[0], True)
        else:
            return None  # any character, a back-reference, ...: no simple answer
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def _union(
    parts: list[tuple[frozenset[str], bool] | None],
) -> tuple[frozenset[str], bool] | None:
    if any(p is None for p in parts):
        return None
    known = [p for p in parts if p is not None]
    return frozenset().union(*(p[0] for p in known)), any(p[1] for p in known)


def _class(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The members of a character class: literals, small ranges and ``\\d``."""
    members: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            members.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < 256:
            members.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_DIGIT:
            members.add(_DIGIT)
        else:
            return None  # a negated class, \w, a wide range: no simple answer
    return members


def _dispatch(alternatives: list[tuple[str, frozenset[str]]]) -> re.Pattern[str]:
    """The alternation behind a look-ahead of every character its matches start with.

    A match of an alternative starts with one of its first characters, so the
    look-ahead removes no match: at a position that holds none of them one test fails
    at once, and at any other the alternatives are tried in their order, as in the
    plain alternation, those that start with another character passed over by ``re``
    without being tried.
    """
    members = sorted(set().union(*(first for _, first in alternatives)))
    return re.compile(f"(?={_charset(members)})(?:{'|'.join(s for s, _ in alternatives)})")


def _charset(chars: list[str]) -> str:
    return "[" + "".join(c if c == _DIGIT else re.escape(c) for c in chars) + "]"
