"""DUP.1's sketches: a MinHash signature per judged section, computed where a report is
read (see :mod:`._similar` for the estimator and why numpy rather than datasketch)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import numpy as np
import numpy.typing as npt

from govinfo_report.model import Report
from govinfo_report.survey._similar_text import (
    BINS,
    JACCARD_THRESHOLD,
    SHINGLE,
    normalised_sections,
)

_BIN_BITS: Final = 6  # 2**6 == BINS
_VALUE_MASK: Final = np.uint64((1 << (64 - _BIN_BITS)) - 1)
_PRIME: Final = np.uint64(0x100000001B3)


# --- Sketches -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class SectionSketch:
    """One judged section: where it is, how long, and its MinHash signature."""

    index: int
    """Its position in ``report.sections`` (the finding's path ``sections[i]``)."""
    section: str
    """The section id (``overview``, ``problems`` …): only equal ids are compared."""
    length: int
    """Normalised characters."""
    signature: bytes
    """:data:`BINS` bytes; each run of :data:`ROWS` bytes is one LSH band key."""


@attrs.frozen(kw_only=True)
class Sketch:
    """What the corpus-wide DUP.1 needs of a report: about 100 bytes per judged section.

    Plain data: computed in the worker that read the report, pickled to the main process.
    """

    sections: tuple[SectionSketch, ...] = ()


def _mix(h: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64's finaliser: every input bit reaches every output bit."""
    h = h ^ (h >> np.uint64(30))  # a new array: the caller's is left as it was
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return h


def signature(text: str) -> bytes:
    """The :data:`BINS`-byte MinHash signature of ``text``'s character 5-grams.

    One hash per shingle (a polynomial of its code points, mixed); its top 6 bits choose
    the bin, the rest compete for the bin's minimum. An empty bin borrows the next
    non-empty bin's minimum, shifted by the distance (rotation densification), so short
    texts still fill every bin consistently. Deterministic across processes and
    machines (no ``hash()``, whose seed differs per process). A text shorter than a
    shingle is padded with U+0000.
    """
    return signatures([text])[0]


_EMPTY: Final = np.uint64(np.iinfo(np.uint64).max)
"""An empty bin's minimum (a shingle's value, masked to 58 bits, never is)."""
_BIN_ORDER: Final = np.arange(2 * BINS)


def signatures(texts: Sequence[str]) -> list[bytes]:
    """:func:`signature` of each of ``texts``, computed together.

    A numpy call costs microseconds whatever its size, and a signature takes about
    thirty: a report's sections are hashed as one array, the shingles that would
    straddle two texts left out, and their bins filled and densified at once.
    """
    if not texts:
        return []
    padded = [t if len(t) >= SHINGLE else t + "\0" * (SHINGLE - len(t)) for t in texts]
    lengths = [len(t) for t in padded]
    codes = np.frombuffer("".join(padded).encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    n = len(codes) - SHINGLE + 1
    h = codes[:n].copy()
    for j in range(1, SHINGLE):  # in place: no new array per step
        np.multiply(h, _PRIME, out=h)
        np.add(h, codes[j : j + n], out=h)
    h = _mix(h)
    bins = (h >> np.uint64(64 - _BIN_BITS)).astype(np.intp)
    k = len(texts)
    if k > 1:
        # Each text's shingles go to its own bins. A shingle belongs to the text it
        # starts in, if it ends there too: the SHINGLE - 1 that start in one text and end
        # in the next go to a bin past the last, thrown away (a mask to leave them out
        # would copy every array: a third of the signatures' time).
        counts = np.array(lengths, dtype=np.intp)
        bins += np.repeat(np.arange(0, k * BINS, BINS, dtype=np.intp), counts)[:n]
        ends = np.cumsum(counts[:-1])
        bins[(ends[:, None] - np.arange(1, SHINGLE)).ravel()] = k * BINS
    mins = np.full(k * BINS + 1, _EMPTY, dtype=np.uint64)
    np.minimum.at(mins, bins, h & _VALUE_MASK)
    table = mins[:-1].reshape(k, BINS)
    filled = table != _EMPTY
    if not filled.all():
        # Each bin takes the first filled bin at or after it (cyclically), offset by
        # the distance so that borrowed values differ from the lender's.
        index = np.where(np.hstack([filled, filled]), _BIN_ORDER, 2 * BINS)
        # The smallest filled position at or after each bin: a running minimum from the
        # right, read back in order.
        lender = np.minimum.accumulate(index[:, ::-1], axis=1)[:, : BINS - 1 : -1]
        distance = (lender - _BIN_ORDER[:BINS]).astype(np.uint64)
        table = np.take_along_axis(table, lender % BINS, axis=1) + (
            distance << np.uint64(64 - _BIN_BITS)
        )
    values = (_mix(table) & np.uint64(0xFF)).astype(np.uint8).tobytes()
    return [values[k * BINS : (k + 1) * BINS] for k in range(len(texts))]


def sketch(report: Report) -> Sketch:
    """The :class:`Sketch` of ``report``: a signature for every section long enough to judge."""
    (one,) = sketches([judged_sections(report)])
    return one


Judged = list[tuple[int, str, str]]
"""A report's sections to judge: (index in ``report.sections``, section id, normalised text)."""


def judged_sections(report: Report) -> Judged:
    """What :func:`sketches` needs of ``report`` (its sections long enough to judge)."""
    return [(i, s.id, text) for i, s, text in normalised_sections(report)]


def sketches(reports: Sequence[Judged]) -> list[Sketch]:
    """The :class:`Sketch` of each report's :func:`judged_sections`, every signature
    computed in one :func:`signatures` call: a worker sketches its whole batch of
    files at once, so that numpy's cost per call is paid once a batch, not once a
    report (which was most of a sketch). The same sketches as one at a time."""
    signed = iter(signatures([text for judged in reports for _, _, text in judged]))
    return [
        Sketch(
            sections=tuple(
                SectionSketch(index=i, section=section, length=len(text), signature=next(signed))
                for i, section, text in judged
            )
        )
        for judged in reports
    ]


def estimated_similarity(a: bytes, b: bytes) -> float:
    """The Jaccard similarity that two signatures estimate (0 to 1).

    Bytes of unrelated sections agree by chance one time in 256; that share is removed.
    """
    if len(a) != len(b) or not a:
        raise ValueError("signatures of different lengths cannot be compared")
    equal = int(np.count_nonzero(np.frombuffer(a, np.uint8) == np.frombuffer(b, np.uint8)))
    return jaccard_from_matches(equal / len(a))


def jaccard_from_matches(share: float) -> float:
    return max(0.0, (share - 1 / 256) / (1 - 1 / 256))


MIN_EQUAL = int(np.ceil(BINS * (JACCARD_THRESHOLD + (1 - JACCARD_THRESHOLD) / 256)))
"""Equal signature bytes of a pair estimated at :data:`JACCARD_THRESHOLD` or more."""


__all__ = [
    "MIN_EQUAL",
    "Judged",
    "SectionSketch",
    "Sketch",
    "estimated_similarity",
    "jaccard_from_matches",
    "judged_sections",
    "signature",
    "signatures",
    "sketch",
    "sketches",
]
