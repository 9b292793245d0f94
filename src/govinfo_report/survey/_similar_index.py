"""DUP.1 across a corpus: the sketches of every report, the clusters of copies among them
and their findings, without comparing every pair (see :mod:`._similar`)."""

from __future__ import annotations

import array
from collections.abc import Iterator
from typing import Final

import attrs
import numpy as np
import numpy.typing as npt

from govinfo_report.findings import Finding
from govinfo_report.survey._similar_sketch import MIN_EQUAL, Sketch
from govinfo_report.survey._similar_text import (
    BINS,
    EXAMPLES,
    ROWS,
    cluster_finding,
    previous_finding,
)


class SimilarIndex:
    """Every report's :class:`Sketch`, and the DUP.1 findings across the corpus.

    ``add`` each report as it comes back from its worker, then call ``findings`` once.
    Per judged section the index keeps its signature (:data:`BINS` bytes) and 11 bytes
    of ids in flat arrays; per agency one reference to its key. Reports may be added in
    any order: the findings depend only on what was added.

    Args:
        previous: also compare each report with the same agency's report on the year
            before (from the sketches, at :data:`JACCARD_THRESHOLD`), so that a survey
            needs no second pass over the texts for that half of DUP.1.
    """

    def __init__(self, *, previous: bool = True) -> None:
        self._previous = previous
        self._signatures = bytearray()
        self._entry_doc = _IntColumn("q")
        self._entry_index = _IntColumn("H")
        self._entry_section = _IntColumn("B")
        self._entry_year = _IntColumn("h")
        self._entry_agency = _IntColumn("i")
        self._agency_ids: dict[str, int] = {}
        self._agencies: list[str] = []
        self._section_ids: dict[str, int] = {}
        self._sections: list[str] = []

    def __len__(self) -> int:
        """The number of judged sections held."""
        return len(self._entry_doc)

    def add(self, doc_id: int, agency_key: str, year: int, sketch: Sketch) -> None:
        """Hold the sketch of document ``doc_id``, a report of ``agency_key`` on ``year``.

        Raises:
            ValueError: a signature is not :data:`BINS` bytes (a sketch of another version).
        """
        for part in sketch.sections:
            if len(part.signature) != BINS:
                raise ValueError(
                    f"document {doc_id}: a signature of {len(part.signature)} bytes, "
                    f"expected {BINS}"
                )
        agency = _intern(self._agency_ids, self._agencies, agency_key)
        for part in sketch.sections:
            self._signatures += part.signature
            self._entry_doc.append(doc_id)
            self._entry_index.append(part.index)
            self._entry_section.append(_intern(self._section_ids, self._sections, part.section))
            self._entry_year.append(year)
            self._entry_agency.append(agency)

    def findings(self) -> dict[int, tuple[Finding, ...]]:
        """DUP.1 findings per document id (documents without any are left out).

        Per section at most one finding for copies among other agencies of the same
        year (how many, and the first :data:`EXAMPLES` agency keys by document id) and,
        with ``previous``, one for a copy of the same agency's year before.
        """
        return dict(self.iter_findings())

    def iter_findings(self) -> Iterator[tuple[int, tuple[Finding, ...]]]:
        """:meth:`findings`, one document at a time in document order.

        What a finding says is kept as numbers per judged section (the size of its
        cluster, its example agencies, last year's similarity), and the findings of a
        document are made only when it is reached: a survey writing them away as they
        come holds no finding objects, however many reports share a template.
        """
        n = len(self)
        if n == 0:
            return
        # A view of the held bytes, not a copy (nothing is added while it is read).
        signatures = np.frombuffer(self._signatures, dtype=np.uint8).reshape(n, BINS)
        columns = _Columns(
            doc=self._entry_doc.array(),
            index=self._entry_index.array(),
            section=self._entry_section.array(),
            year=self._entry_year.array(),
            agency=self._entry_agency.array(),
        )
        others, examples = self._clusters(
            _copies(signatures, columns.section, columns.year), columns
        )
        previous = np.full(n, -1.0)
        if self._previous:
            self._previous_matches(signatures, columns, previous)
        judged = np.flatnonzero((others > 0) | (previous >= 0))
        order = judged[np.lexsort((judged, columns.doc[judged]))]
        if not len(order):
            return
        # Read as Python numbers once: a numpy scalar costs a tenth of a microsecond a
        # read, and a corpus of one template has a finding for every section.
        rows = zip(
            columns.doc[order].tolist(),
            columns.index[order].tolist(),
            columns.section[order].tolist(),
            columns.year[order].tolist(),
            others[order].tolist(),
            examples[order].tolist(),
            previous[order].tolist(),
            strict=True,
        )
        agencies, sections = self._agencies, self._sections
        current = -1
        found: list[Finding] = []
        for doc, index, section_no, year, other, example, similar in rows:
            if doc != current:
                if found:
                    yield current, tuple(sorted(found, key=_finding_order))
                current = doc
                found = []
            section = sections[section_no]
            if other:
                named = [agencies[x] for x in example if x >= 0]
                found.append(cluster_finding(index, section, other, named))
            if similar >= 0:
                found.append(previous_finding(index, section, similar, year - 1))
        yield current, tuple(sorted(found, key=_finding_order))

    def _clusters(
        self, labels: npt.NDArray[np.intp], columns: _Columns
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Per entry, the other agencies of its cluster (0: none) and the first
        :data:`EXAMPLES` of them by document id (-1 where fewer)."""
        n = len(labels)
        others = np.zeros(n, dtype=np.int64)
        examples = np.full((n, EXAMPLES), -1, dtype=np.int64)
        # Entries by cluster, and within one by document and entry.
        order = np.lexsort((np.arange(n), columns.doc, labels))
        bounds = np.flatnonzero(np.diff(labels[order])) + 1
        for group in np.split(order, bounds):
            if len(group) < 2:
                continue
            agencies = columns.agency[group].tolist()
            distinct = list(dict.fromkeys(agencies))
            if len(distinct) < 2:
                continue  # one agency's copies of one report (its .docx and its .pdf)
            # Every member's own agency is among ``distinct``: the others are the rest,
            # and its examples the first of them, whatever the size of the cluster.
            others[group] = len(distinct) - 1
            first = distinct[: EXAMPLES + 1]
            for e, own in zip(group.tolist(), agencies, strict=True):
                named = [x for x in first if x != own][:EXAMPLES]
                examples[e, : len(named)] = named
        return others, examples

    def _previous_matches(
        self,
        signatures: npt.NDArray[np.uint8],
        columns: _Columns,
        similarity: npt.NDArray[np.float64],
    ) -> None:
        """Set ``similarity[entry]`` (percent) for each entry nearly identical to the same
        section of its agency's report on the year before."""
        # Sorted by agency, section, year, document: an entry's previous year, if the
        # agency reported on it, is the first entry of the run just before its own.
        order = np.lexsort((columns.doc, columns.year, columns.section, columns.agency))
        agency, section, year = columns.agency[order], columns.section[order], columns.year[order]
        new_run = np.ones(len(order), dtype=bool)
        new_run[1:] = (
            (agency[1:] != agency[:-1]) | (section[1:] != section[:-1]) | (year[1:] != year[:-1])
        )
        run = np.cumsum(new_run) - 1
        # The position of the first entry of the run before each entry's own (the
        # entry's own run's first for the first run, which the test below refuses).
        before = np.flatnonzero(new_run)[np.maximum(run - 1, 0)]
        paired = (
            (run > 0)
            & (agency[before] == agency)
            & (section[before] == section)
            & (year[before] == year - 1)
        )
        entries, firsts = order[paired], order[before[paired]]
        equal = _equal_bytes(signatures, entries, firsts)
        copied = equal >= MIN_EQUAL
        # jaccard_from_matches, element by element: the same float operations.
        share = equal[copied] / BINS
        similarity[entries[copied]] = 100 * np.maximum(0.0, (share - 1 / 256) / (1 - 1 / 256))


@attrs.frozen
class _Columns:
    doc: npt.NDArray[np.int64]
    index: npt.NDArray[np.int64]
    section: npt.NDArray[np.int64]
    year: npt.NDArray[np.int64]
    agency: npt.NDArray[np.int64]


def _finding_order(finding: Finding) -> tuple[tuple[str, ...], str]:
    return (finding.paths, finding.message_en)


def _intern(ids: dict[str, int], names: list[str], name: str) -> int:
    number = ids.setdefault(name, len(names))
    if number == len(names):
        names.append(name)
    return number


class _IntColumn:
    """A growing column of small ints in a compact :mod:`array` (not a list of objects)."""

    def __init__(self, typecode: str) -> None:
        self._data = array.array(typecode)

    def __len__(self) -> int:
        return len(self._data)

    def append(self, value: int) -> None:
        self._data.append(value)

    def array(self) -> npt.NDArray[np.int64]:
        return np.asarray(self._data, dtype=np.int64)


_REPRESENTATIVES: Final = 4
"""Members of a band bucket that the others are verified against (see _copies)."""


def _copies(
    signatures: npt.NDArray[np.uint8],
    section: npt.NDArray[np.int64],
    year: npt.NDArray[np.int64],
) -> npt.NDArray[np.intp]:
    """Per entry, the smallest entry of its cluster: the entries of one section id and
    year joined by signatures that estimate a copy.

    Candidates share one band key; each bucket's members are verified against its first
    :data:`_REPRESENTATIVES` members only, never all pairs, so a bucket of 2,000 copies
    costs 8,000 comparisons, and :func:`_components` joins the rest. Vectorised per
    band, and each band's pairs are joined into the clusters at once rather than kept:
    the memory is a few arrays of the entries, whatever the number of copies.
    """
    n = len(signatures)
    bands = np.ascontiguousarray(signatures).view("<u4").reshape(n, BINS // ROWS)
    labels = np.arange(n, dtype=np.intp)
    for band in range(bands.shape[1]):
        order = np.lexsort((np.arange(n), bands[:, band], section, year))
        k_band = bands[order, band]
        k_section = section[order]
        k_year = year[order]
        new = np.ones(n, dtype=bool)
        new[1:] = (
            (k_band[1:] != k_band[:-1])
            | (k_section[1:] != k_section[:-1])
            | (k_year[1:] != k_year[:-1])
        )
        start = np.maximum.accumulate(np.where(new, np.arange(n), 0))
        rank = np.arange(n) - start
        for r in range(_REPRESENTATIVES):
            rep_pos = start + r
            valid = (rank > r) & (rep_pos < n)
            if not valid.any():
                break
            members = order[valid]
            reps = order[rep_pos[valid]]
            # Pairs already in one cluster need no comparison.
            apart = labels[members] != labels[reps]
            members, reps = members[apart], reps[apart]
            copied = _equal_bytes(signatures, members, reps) >= MIN_EQUAL
            labels = _components(n, reps[copied], members[copied], labels)
    return labels


_COMPARED: Final = 4096
"""Signature pairs compared at once: their copies take a few hundred kilobytes, not
megabytes per 10,000 reports (memory stays flat as the corpus grows)."""


def _equal_bytes(
    signatures: npt.NDArray[np.uint8], a: npt.NDArray[np.intp], b: npt.NDArray[np.intp]
) -> npt.NDArray[np.intp]:
    """Per pair ``(a[k], b[k])``, how many bytes of the two signatures are equal."""
    equal = np.empty(len(a), dtype=np.intp)
    for start in range(0, len(a), _COMPARED):
        part = slice(start, start + _COMPARED)
        equal[part] = np.count_nonzero(signatures[a[part]] == signatures[b[part]], axis=1)
    return equal


def _components(
    n: int,
    a: npt.NDArray[np.intp],
    b: npt.NDArray[np.intp],
    labels: npt.NDArray[np.intp] | None = None,
) -> npt.NDArray[np.intp]:
    """Per entry ``0..n-1``, the smallest entry of its connected component under the
    edges ``(a[k], b[k])``, joined to the components ``labels`` (a previous result)
    already holds.

    Vectorised union-find: each round hooks the root of every edge's larger label
    under the smaller, then pointer jumping makes every label a root again; at the
    fixpoint both ends of every edge share one root. A handful of rounds for any
    corpus, where a Python union-find spent a second on the 2 million pairs of
    10,000 reports sharing one template.
    """
    if labels is None:
        labels = np.arange(n, dtype=np.intp)
    if len(a) == 0:
        return labels
    while True:
        low = np.minimum(labels[a], labels[b])
        hooked = labels.copy()
        np.minimum.at(hooked, labels[a], low)
        np.minimum.at(hooked, labels[b], low)
        while True:
            jumped = hooked[hooked]
            if np.array_equal(jumped, hooked):
                break
            hooked = jumped
        if np.array_equal(hooked, labels):
            return labels
        labels = hooked


__all__ = [
    "SimilarIndex",
]
