"""TX.1's alternation, regrouped so that each position is tried only against the
statements that can start there.

TX.1 reads a text with one alternation of 13 statements (1,754 characters of regular
expression), and ``pattern.finditer(text)`` tries every alternative at every position:
95% of a whole check. Here the alternatives are grouped by the characters their matches
can start with (予以公开 and 予以公开及部分公开 with 予, the statements of a number with
the digits), each group behind a one-character lookahead, and the whole behind a
lookahead of all those characters: a position no statement starts at costs one test,
and any other position only its group. The characters are partitioned by *which*
alternatives can start with them, so at a position at most one group applies and in it
the alternatives keep their order: the matches are ``pattern.finditer(text)``'s, one for
one (same spans, same named groups, same alternative).

The first characters come from the parsed expressions (:mod:`re._parser`, the parser
behind :mod:`re`); when an alternative's cannot be told simply (a negated class, a
statement that may match nothing), or the parser is not what this module expects,
:func:`dispatched` returns None and TX.1 runs the plain alternation, as it always did.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

# The parser of the standard library's re (a private module, hence no typing): it tells
# the first characters of an expression. Without it, no regrouping.
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
    """The alternation, regrouped by first character, over the statements a text can hold.

    A statement whose words (one of :attr:`required`'s strings for it) are not in a
    text cannot match anywhere in it, and is left out of the alternation for that text:
    in a paragraph on 主动公开 that names no 结转 and no 顺延, a digit is not even a
    place where a statement could start. One regrouped alternation is compiled for each
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

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What ``re.compile("|".join(alternatives)).finditer(text)`` yields."""
        present = frozenset(word for word in self.words if word in text)
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
        """The regrouped alternation of the statements ``present`` allows (None: none)."""
        chosen = [
            alternative
            for alternative, words in zip(self.alternatives, self.required, strict=True)
            if words is None or not present.isdisjoint(words)
        ]
        if not chosen:
            return None
        # A subset of alternatives that could be regrouped can be regrouped.
        return _dispatch(chosen) or re.compile("|".join(source for source, _ in chosen))


_UNKNOWN: Any = object()
_MAX_PATTERNS = 256
"""Compiled alternations kept per rule, one per set of words met in a text; beyond, the
alternation of every statement (one more, kept too). None is ever dropped."""


def dispatched(alternatives: Sequence[str]) -> Dispatch | None:
    """The alternation of ``alternatives`` (each a complete expression, their group
    names distinct), regrouped by first character; None when it cannot be.

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
        if _dispatch(firsts) is None:
            return None
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


def _dispatch(alternatives: list[tuple[str, frozenset[str]]]) -> re.Pattern[str] | None:
    """The alternation with its alternatives grouped by first character, or None.

    The characters are partitioned by which alternatives can start with them, so that
    at any position at most one group applies and within it the alternatives keep
    their order: the leftmost-first choice is the alternation's own.
    """
    members = set().union(*(first for _, first in alternatives))
    if _DIGIT in members and any(c != _DIGIT and c.isdecimal() for c in members):
        return None  # a digit both as itself and as \d: not partitioned here
    classes: dict[tuple[int, ...], list[str]] = {}
    for char in sorted(members):
        which = tuple(k for k, (_, first) in enumerate(alternatives) if char in first)
        classes.setdefault(which, []).append(char)
    seen = [k for which in classes for k in which]
    if len(seen) != len(set(seen)):
        return None  # an alternative in two groups would name its groups twice
    groups = [
        f"(?={_charset(chars)})(?:{'|'.join(alternatives[k][0] for k in which)})"
        for which, chars in classes.items()
    ]
    return re.compile(f"(?={_charset(sorted(members))})(?:{'|'.join(groups)})")


def _charset(chars: list[str]) -> str:
    return "[" + "".join(c if c == _DIGIT else re.escape(c) for c in chars) + "]"
