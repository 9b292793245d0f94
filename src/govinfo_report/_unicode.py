"""NFKC, exactly, at the speed Chinese prose needs (one function shared by the package).

:func:`unicodedata.normalize` decomposes and recomposes every character of a string
that is not already normalised, and Chinese prose never is, for its full-width
punctuation: 120 µs for one report's sections. :func:`nfkc` gives the same string.
"""

from __future__ import annotations

import unicodedata
from typing import Final

_COMPATIBLE: Final = (
    ("，", ","),
    ("（", "("),
    ("）", ")"),
    ("：", ":"),
    ("；", ";"),
    ("！", "!"),
    ("？", "?"),
    ("％", "%"),
    ("　", " "),
    ("…", "..."),
)
"""The compatibility characters of Chinese prose, each with its NFKC decomposition."""


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, exactly, in a fraction of its time on
    Chinese prose.

    NFKC decomposes and recomposes every character of a string that is not already
    normalised (about 80 ns a character: 120 µs for one report's sections), and Chinese
    prose never is, for its full-width punctuation. Replacing those characters by their
    compatibility decompositions first does not change the string's NFKC (NFKC is NFC of
    the full decomposition, which already holds them), and what remains is then usually
    normalised, which ``is_normalized``'s quick check tells in a few microseconds.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    for compatible, decomposed in _COMPATIBLE:
        if compatible in text:
            text = text.replace(compatible, decomposed)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


__all__ = ["nfkc"]
