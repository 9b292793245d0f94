"""Label normalisation and matching for the readers: published text → format labels.

Published reports print the official labels with every kind of noise: full-width and
half-width characters, spaces and line breaks inside cells, （） for (), “” or "" or no
quotes, 、 for . , a dropped or doubled character, fill-in notes appended in brackets
("规章（设区的市…）"), a trailing note dropped ("（二）部分公开"). :func:`normalize` maps all
of these to one canonical string, and :class:`LabelIndex` looks a printed label up among
the labels of the format declarations in a fixed order of trust: exact, known variant,
bracketed note added or dropped, the ordinal left out ("予以公开" for "（一）予以公开",
table rows only), then a small edit distance that must single out one label. Labels are
matched by text, never by position; nothing here spells a label.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Hashable, Iterable
from typing import Generic, Literal, TypeVar

import attrs

from govinfo_report._traditional import simplified

K = TypeVar("K", bound=Hashable)

MatchKind = Literal["exact", "variant", "annotated", "ordinal", "fuzzy"]

_DELETE = "“”„‟\"'‘’「」『』《》〈〉\u200b\u200c\u200d\u2060\ufeff\u00ad*"
_PUNCT = str.maketrans(
    {
        **dict.fromkeys(_DELETE, None),
        "【": "(",
        "[": "(",
        "〔": "(",
        "】": ")",
        "]": ")",
        "〕": ")",
        # List punctuation is interchangeable in printed ordinals: 一、 一. 一，1、 1．
        "、": "、",
        ".": "、",
        ",": "、",
        "·": "、",
        "。": "、",
        ";": "、",
        "—": "-",
        "–": "-",
        "―": "-",
        "~": "-",
        "〜": "-",
    }
)
_TRAILING_NOTE = re.compile(r"(?:\([^()]*\))+$")
_ORDINAL = re.compile(
    r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}、)"
)
"""A leading ordinal of a normalised label: (一) 一、 1、 (the forms of （一） 一、 1. 1、)."""


@functools.lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """The canonical form of a label for comparison.

    NFKC (full-width → half-width letters, digits and brackets), every whitespace
    character removed (spaces and line breaks inside cells), quotes removed, bracket and
    list-punctuation variants unified. Two labels are "the same" when their normalised
    forms are equal. Traditional characters are read as Simplified
    (:mod:`govinfo_report._traditional`).
    """
    folded = simplified(unicodedata.normalize("NFKC", text))
    return "".join(folded.split()).translate(_PUNCT)


def strip_note(norm: str) -> str:
    """A normalised label without its trailing bracketed note(s): "规章(设区的市…)" → "规章"."""
    return _TRAILING_NOTE.sub("", norm)


def strip_ordinal(norm: str) -> str:
    """A normalised label without its leading ordinal: "(一)予以公开" → "予以公开"."""
    return _ORDINAL.sub("", norm, count=1)


def distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance between ``a`` and ``b``, or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            cost = previous[j - 1] + (ca != cb)
            insert = current[j - 1] + 1
            delete = previous[j] + 1
            value = min(cost, insert, delete)
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


def tolerance(norm: str) -> int:
    """How many edits a label of this length may differ by: none for short labels (规章,
    其他, 总计 are too close to other words), one from 5 characters, two from 12."""
    if len(norm) >= 12:
        return 2
    if len(norm) >= 5:
        return 1
    return 0


@attrs.frozen
class Match(Generic[K]):
    """A printed label resolved to a key of the index, and how sure the match is."""

    key: K
    label: str
    """The declared label it matched."""
    kind: MatchKind
    distance: int = 0

    @property
    def exact(self) -> bool:
        """Whether the printed label is the declared one up to normalisation."""
        return self.kind == "exact"


class LabelIndex(Generic[K]):
    """Declared labels (with their keys) to look printed labels up in.

    Several labels may share a key (a label and its known variants); one label may not
    name two keys (such a label is ambiguous and matches nothing by itself).
    """

    def __init__(
        self, entries: Iterable[tuple[str, K, bool]] = (), *, ordinals_optional: bool = False
    ) -> None:
        """``entries`` are ``(label, key, is_variant)``. With ``ordinals_optional``, a
        printed label without the declared one's leading ordinal matches it (table rows
        printed without （一）; never section headings, where a bare "总体情况" in the text
        is not the heading 一、总体情况)."""
        self._ordinals_optional = ordinals_optional
        self._exact: dict[str, list[tuple[K, str, bool]]] = {}
        self._noted: dict[str, list[tuple[K, str]]] = {}
        self._bare: dict[str, list[tuple[K, str]]] = {}
        self._all: list[tuple[str, K, str]] = []
        self._memo: dict[tuple[str, bool], Match[K] | None] = {}
        for label, key, variant in entries:
            self.add(label, key, variant=variant)

    def add(self, label: str, key: K, *, variant: bool = False, canonical: str = "") -> None:
        """Declare ``label`` as naming ``key`` (a known variant of ``canonical`` if
        ``variant``; matches then report ``canonical``)."""
        self._memo.clear()
        norm = normalize(label)
        if variant and canonical:
            label = canonical
        if not norm:
            return
        bucket = self._exact.setdefault(norm, [])
        if all(k != key for k, _, _ in bucket):
            bucket.append((key, label, variant))
        base = strip_note(norm)
        if base and base != norm:
            self._noted.setdefault(base, []).append((key, label))
        bare = strip_ordinal(norm)
        if len(bare) >= 2 and bare != norm:
            self._bare.setdefault(bare, []).append((key, label))
        self._all.append((norm, key, label))

    def declared_keys(self) -> set[K]:
        """Every key a declared label names."""
        return {key for _norm, key, _label in self._all}

    def __contains__(self, text: str) -> bool:
        return self.match(text) is not None

    def match(self, text: str, *, fuzzy: bool = True) -> Match[K] | None:
        """The key ``text`` names, or ``None`` when it names none or several."""
        memo = (text, fuzzy)
        if memo in self._memo:
            return self._memo[memo]
        found = self._match(text, fuzzy)
        if len(self._memo) > 4096:
            self._memo.clear()  # labels repeat; arbitrary text must not grow this
        self._memo[memo] = found
        return found

    def _match(self, text: str, fuzzy: bool) -> Match[K] | None:
        norm = normalize(text)
        if not norm:
            return None
        found = self._exact.get(norm)
        if found:
            return self._one(found, "exact")
        base = strip_note(norm)
        if base and base != norm:
            # A fill-in note appended to a declared label: "上一年项目数量（指2019年事项数）".
            found = self._exact.get(base)
            if found:
                return self._one(found, "annotated")
        noted = self._noted.get(norm) or (self._noted.get(base) if base else None)
        if noted:
            # The declared label's own note dropped: "本年收费金额" for "…（单位：万元）".
            keys = {k for k, _ in noted}
            if len(keys) == 1:
                key, label = noted[0]
                return Match(key, label, "annotated")
            return None
        for declared, key, label in self._all:
            if norm.startswith(declared) and norm[len(declared)] == "(":
                return Match(key, label, "annotated")
        if self._ordinals_optional and strip_ordinal(norm) == norm:
            # Printed without its ordinal ("予以公开" for "（一）予以公开"): matched only when
            # one key's labels, stripped of theirs, read so.
            bare = self._bare.get(norm) or (self._bare.get(base) if base else None)
            if bare and len({k for k, _ in bare}) == 1:
                key, label = bare[0]
                return Match(key, label, "ordinal")
        if not fuzzy:
            return None
        return self._fuzzy(base or norm)

    def _one(self, found: list[tuple[K, str, bool]], kind: MatchKind) -> Match[K] | None:
        if len(found) != 1:
            return None
        key, label, variant = found[0]
        return Match(key, label, "variant" if variant and kind == "exact" else kind)

    def _fuzzy(self, norm: str) -> Match[K] | None:
        limit = tolerance(norm)
        if limit == 0:
            return None
        best: list[tuple[int, K, str]] = []
        for declared, key, label in self._all:
            allowed = min(limit, tolerance(declared))
            if allowed == 0:
                continue
            d = distance(norm, declared, allowed)
            if d <= allowed:
                best.append((d, key, label))
        if not best:
            return None
        best.sort(key=lambda item: item[0])
        top = best[0][0]
        keys = {key for d, key, _ in best if d == top}
        if len(keys) != 1:
            return None  # two labels equally close: a guess, so no match
        d, key, label = best[0]
        return Match(key, label, "fuzzy", d)

    def prefixed(self, text: str, minimum: int = 3) -> list[K]:
        """Keys whose label starts with ``text`` (a header cell cut at a line break,
        "本年新" for 本年新制作数量/本年新公开数量), in declaration order, without repeats."""
        norm = normalize(text)
        if len(norm) < minimum:
            return []
        keys: list[K] = []
        for declared, key, _ in self._all:
            if declared.startswith(norm) and declared != norm and key not in keys:
                keys.append(key)
        return keys


SUBHEADING = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")
"""A second-level ordinal at the start of a paragraph: （一） (一) （ 十二 ）."""
