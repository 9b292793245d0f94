"""Rule DUP.1: a section copied from last year's report or from another agency's (雷同).

The 2021 format names 内容雷同 among the failings it holds agencies accountable for, and
evaluators deduct for it. A section is judged on its *normalised* text: the agency's
name and its place names replaced by one mark, every number and year by another,
whitespace removed, so that last year's text with this year's figures is still a copy.
Sections whose normalised text is shorter than :data:`MIN_CHARS` are not judged: one
sentence such as “本年度未收取信息处理费” is the same everywhere without being copied.

Two comparisons, for two scales:

- :func:`compare_previous` compares one report with the same agency's previous one,
  section by section, with rapidfuzz's normalised Indel similarity
  (``fuzz.ratio``, 0–100): a section is a copy at :data:`PAIR_THRESHOLD` (90) or more,
  i.e. at most about one character in ten inserted or deleted.
- For a corpus, :func:`sketch` turns a report into a small picklable :class:`Sketch`
  (computed where the report is read) and :class:`SimilarIndex` collects the sketches of
  every report in the main process and finds, without comparing every pair, the
  sections nearly identical to another agency's of the same year, and (by default) to
  the same agency's previous year. Each section's sketch is a MinHash signature of its
  character 5-grams: :data:`BINS` one-byte values (one-permutation hashing with
  rotation densification, then 8 bits of each bin's minimum). Four bins make one LSH
  band key, so the signature *is* the band keys: nothing else is stored per section.
  Two sections whose shingle sets have Jaccard similarity J share each byte with
  probability about J + (1 − J)/256; the index estimates J from the share of equal
  bytes and calls the pair nearly identical at :data:`JACCARD_THRESHOLD` (0.8).

Big clusters (2,000 townships filling in one template) are handled by union-find: in
each band bucket every member is verified against the bucket's first members only, so
the cost grows with the number of sections, not its square, and the finding says
"nearly identical to N reports of the same year, e.g. X, Y".

datasketch was the first choice for the MinHash; it is not used because its
``MinHash.update_batch`` hashes each shingle in a Python loop (5 ms for a 7,400-character
report, ten times a report's whole budget in a 5,000-reports-a-second survey) and its
``MinHashLSH`` keeps kilobytes of Python objects per key. The same estimator in numpy
costs well under a millisecond per report and 75 bytes per judged section.
"""

from __future__ import annotations

import array
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Final

import attrs
import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.model import Report, Section

CODE: Final = "DUP.1"
MIN_CHARS: Final = 50
"""Normalised characters a section needs to be judged (about two sentences)."""
PAIR_THRESHOLD: Final = 90.0
"""rapidfuzz ``fuzz.ratio`` (0–100) at or above which two sections are a copy."""
JACCARD_THRESHOLD: Final = 0.8
"""Estimated 5-gram Jaccard similarity at or above which two sections are a copy."""
SHINGLE: Final = 5
"""Characters per shingle: about two Chinese words, so shared phrases alone do not match."""
BINS: Final = 64
"""One-byte MinHash values per section (its whole signature)."""
ROWS: Final = 4
"""Signature bytes per LSH band: ``BINS // ROWS`` bands of 32-bit keys."""
EXAMPLES: Final = 2
"""Other agencies named in a finding about a cluster."""

_AGENCY_MARK = "@"
_NUMBER_MARK = "#"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CHINESE_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
_SPACE = re.compile(r"\s+")
_PLACE = re.compile(r"(.{2,8}?(?:自治州|自治县|自治区|省|市|县|区|旗|镇|乡|街道))")

_BIN_BITS: Final = 6  # 2**6 == BINS
_VALUE_MASK: Final = np.uint64((1 << (64 - _BIN_BITS)) - 1)
_PRIME: Final = np.uint64(0x100000001B3)


# --- Normalising --------------------------------------------------------------------

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


def agency_names(agency: str) -> tuple[str, ...]:
    """The spellings of ``agency`` that :func:`normalise` replaces, longest first.

    The name as written and with 人民政府 shortened to 政府, then its leading place names
    (温州市洞头区人民政府 → 温州市洞头区, 温州市, 洞头区) and their stems without the
    administrative suffix when two or more characters remain (温州, 洞头).
    """
    name = nfkc(_SPACE.sub("", agency))
    if not name:
        return ()
    names = {name, name.replace("人民政府", "政府")}
    rest, prefix = name, ""
    while (match := _PLACE.match(rest)) is not None:
        place = match.group(1)
        prefix += place
        names.update((prefix, place))
        stem = re.sub(r"(?:自治州|自治县|自治区|省|市|县|区|旗|镇|乡|街道)$", "", place)
        if len(stem) >= 2:
            names.add(stem)
        rest = rest[match.end() :]
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def normalise(text: str, names: Iterable[str] = ()) -> str:
    """``text`` as DUP.1 compares it: NFKC, ``names`` → ``@``, numbers and years → ``#``,
    no whitespace.

    >>> normalise("洞头区 2023年 共收到申请 12 件。", ("洞头区",))
    '@#年共收到申请#件。'
    """
    text = _SPACE.sub("", nfkc(text))
    for name in names:
        if name:
            text = text.replace(name, _AGENCY_MARK)
    text = _CHINESE_YEAR.sub(_NUMBER_MARK, text)
    return _NUMBER.sub(_NUMBER_MARK, text)


def section_text(section: Section) -> str:
    """A section's prose: its paragraphs, its subsections' and its closing ones (not
    headings, which every report shares)."""
    return "\n".join(section.texts)


def normalised_sections(report: Report) -> list[tuple[int, Section, str]]:
    """``(index, section, normalised text)`` for every section long enough to judge."""
    names = agency_names(report.metadata.agency)
    judged = []
    for i, section in enumerate(report.sections):
        text = normalise(section_text(section), names)
        if len(text) >= MIN_CHARS:
            judged.append((i, section, text))
    return judged


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
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def signature(text: str) -> bytes:
    """The :data:`BINS`-byte MinHash signature of ``text``'s character 5-grams.

    One hash per shingle (a polynomial of its code points, mixed); its top 6 bits choose
    the bin, the rest compete for the bin's minimum. An empty bin borrows the next
    non-empty bin's minimum, shifted by the distance (rotation densification), so short
    texts still fill every bin consistently. Deterministic across processes and
    machines (no ``hash()``, whose seed differs per process).
    """
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if len(codes) < SHINGLE:
        codes = np.concatenate([codes, np.zeros(SHINGLE - len(codes), dtype=np.uint64)])
    n = len(codes) - SHINGLE + 1
    h = codes[:n].copy()
    for j in range(1, SHINGLE):
        h = h * _PRIME + codes[j : j + n]
    h = _mix(h)
    bins = (h >> np.uint64(64 - _BIN_BITS)).astype(np.intp)
    mins = np.full(BINS, np.iinfo(np.uint64).max, dtype=np.uint64)
    np.minimum.at(mins, bins, h & _VALUE_MASK)
    filled = np.flatnonzero(mins != np.iinfo(np.uint64).max)
    if len(filled) < BINS:
        # Each bin takes the first filled bin at or after it (cyclically), offset by
        # the distance so that borrowed values differ from the lender's.
        doubled = np.concatenate([filled, filled + BINS])
        lender = doubled[np.searchsorted(doubled, np.arange(BINS))]
        distance = (lender - np.arange(BINS)).astype(np.uint64)
        mins = mins[lender % BINS] + (distance << np.uint64(64 - _BIN_BITS))
    return (_mix(mins) & np.uint64(0xFF)).astype(np.uint8).tobytes()


def sketch(report: Report) -> Sketch:
    """The :class:`Sketch` of ``report``: a signature for every section long enough to judge."""
    return Sketch(
        sections=tuple(
            SectionSketch(index=i, section=s.id, length=len(text), signature=signature(text))
            for i, s, text in normalised_sections(report)
        )
    )


def estimated_similarity(a: bytes, b: bytes) -> float:
    """The Jaccard similarity that two signatures estimate (0 to 1).

    Bytes of unrelated sections agree by chance one time in 256; that share is removed.
    """
    if len(a) != len(b) or not a:
        raise ValueError("signatures of different lengths cannot be compared")
    equal = int(np.count_nonzero(np.frombuffer(a, np.uint8) == np.frombuffer(b, np.uint8)))
    return _from_matches(equal / len(a))


def _from_matches(share: float) -> float:
    return max(0.0, (share - 1 / 256) / (1 - 1 / 256))


_MIN_EQUAL = int(np.ceil(BINS * (JACCARD_THRESHOLD + (1 - JACCARD_THRESHOLD) / 256)))
"""Equal signature bytes of a pair estimated at :data:`JACCARD_THRESHOLD` or more."""


# --- Findings -----------------------------------------------------------------------


def _section_names(section_id: str) -> tuple[str, str]:
    """The standard heading and English name of a section id (the id if unknown)."""
    for spec in get_format(FormatVersion.V2021).sections:
        if spec.id == section_id:
            return spec.heading, spec.english
    return section_id, section_id


def previous_finding(index: int, section_id: str, similarity: float, year: int) -> Finding:
    """DUP.1 for section ``index`` nearly identical to the agency's report on ``year``.

    ``similarity`` is in percent: rapidfuzz's ratio, or the estimated Jaccard × 100.
    """
    zh, en = _section_names(section_id)
    return Finding(
        code=CODE,
        severity=Severity.WARNING,
        status=Status.FAIL,
        message_zh=(
            f"“{zh}”与本机关{year}年报告的同一部分基本雷同"
            f"（去除机关名称和数字后相似度 {similarity:.0f}%）"
        ),
        message_en=(
            f"section '{en}' is nearly identical to the same section of the agency's "
            f"report on {year} ({similarity:.0f}% similar once names and numbers are removed)"
        ),
        paths=(f"sections[{index}]",),
        reported=round(similarity),
    )


def cluster_finding(index: int, section_id: str, others: int, examples: Sequence[str]) -> Finding:
    """DUP.1 for section ``index`` nearly identical to ``others`` other agencies' reports."""
    zh, en = _section_names(section_id)
    return Finding(
        code=CODE,
        severity=Severity.WARNING,
        status=Status.FAIL,
        message_zh=(
            f"“{zh}”与同年度其他 {others} 个机关报告的同一部分基本雷同，如 {'、'.join(examples)}"
        ),
        message_en=(
            f"section '{en}' is nearly identical to the same section of {others} other "
            f"agencies' reports of the same year, e.g. {', '.join(examples)}"
        ),
        paths=(f"sections[{index}]",),
        reported=others,
    )


def compare_previous(report: Report, previous: Report) -> tuple[Finding, ...]:
    """DUP.1 findings for the sections of ``report`` copied from ``previous``.

    ``previous`` should be the same agency's report on an earlier year (the caller pairs
    them; this function compares whatever it is given). Sections are matched by id; a
    section is a copy when rapidfuzz's ``fuzz.ratio`` of the two normalised texts is at
    least :data:`PAIR_THRESHOLD`. Each report's own agency names are replaced, so the
    copy of a renamed agency is found too.
    """
    earlier = {s.id: text for _i, s, text in normalised_sections(previous)}
    findings = []
    for i, section, text in normalised_sections(report):
        before = earlier.get(section.id)
        if before is None:
            continue
        score = fuzz.ratio(text, before, score_cutoff=PAIR_THRESHOLD)
        if score:
            findings.append(previous_finding(i, section.id, score, previous.metadata.year))
    return tuple(findings)


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
        n = len(self)
        if n == 0:
            return {}
        signatures = np.frombuffer(bytes(self._signatures), dtype=np.uint8).reshape(n, BINS)
        columns = _Columns(
            doc=self._entry_doc.array(),
            index=self._entry_index.array(),
            section=self._entry_section.array(),
            year=self._entry_year.array(),
            agency=self._entry_agency.array(),
        )
        a, b = _similar_pairs(signatures, columns.section, columns.year)
        found: dict[int, list[Finding]] = {}
        self._cluster_findings(_components(n, a, b), columns, found)
        if self._previous:
            self._previous_findings(signatures, columns, found)
        return {d: tuple(sorted(fs, key=_finding_order)) for d, fs in sorted(found.items())}

    def _cluster_findings(
        self, labels: npt.NDArray[np.intp], columns: _Columns, found: dict[int, list[Finding]]
    ) -> None:
        # Entries by cluster, and within one by document and entry.
        order = np.lexsort((np.arange(len(labels)), columns.doc, labels))
        bounds = np.flatnonzero(np.diff(labels[order])) + 1
        for group in np.split(order, bounds):
            if len(group) < 2:
                continue
            members = [int(e) for e in group]
            agencies = [int(columns.agency[e]) for e in members]
            distinct = list(dict.fromkeys(agencies))
            if len(distinct) < 2:
                continue  # one agency's copies of one report (its .docx and its .pdf)
            # Every member's own agency is among ``distinct``: the others are the rest,
            # and its examples the first of them, whatever the size of the cluster.
            others = len(distinct) - 1
            first = distinct[: EXAMPLES + 1]
            for e, own in zip(members, agencies, strict=True):
                examples = [self._agencies[a] for a in first if a != own][:EXAMPLES]
                found.setdefault(int(columns.doc[e]), []).append(
                    cluster_finding(
                        int(columns.index[e]),
                        self._sections[int(columns.section[e])],
                        others,
                        examples,
                    )
                )

    def _previous_findings(
        self, signatures: npt.NDArray[np.uint8], columns: _Columns, found: dict[int, list[Finding]]
    ) -> None:
        # Sorted by agency, section, year, document: an entry's previous year, if the
        # agency reported on it, is the first entry of the run just before its own.
        order = np.lexsort((columns.doc, columns.year, columns.section, columns.agency))
        last_key: tuple[int, int, int] | None = None
        run_first = -1
        before_key: tuple[int, int, int] | None = None
        before_first = -1
        for entry in (int(e) for e in order):
            key = (
                int(columns.agency[entry]),
                int(columns.section[entry]),
                int(columns.year[entry]),
            )
            if key != last_key:
                before_key, before_first = last_key, run_first
                last_key, run_first = key, entry
            if before_key != (key[0], key[1], key[2] - 1):
                continue
            equal = int(np.count_nonzero(signatures[entry] == signatures[before_first]))
            if equal >= _MIN_EQUAL:
                found.setdefault(int(columns.doc[entry]), []).append(
                    previous_finding(
                        int(columns.index[entry]),
                        self._sections[key[1]],
                        100 * _from_matches(equal / BINS),
                        key[2] - 1,
                    )
                )


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
"""Members of a band bucket that the others are verified against (see _similar_pairs)."""


def _similar_pairs(
    signatures: npt.NDArray[np.uint8],
    section: npt.NDArray[np.int64],
    year: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Pairs ``(a[k], b[k])`` of entries of one section id and year whose signatures
    estimate a copy (a pair may come more than once).

    Candidates share one band key; each bucket's members are verified against its first
    :data:`_REPRESENTATIVES` members only, never all pairs, so a bucket of 2,000 copies
    costs 8,000 comparisons, and :func:`_components` joins the rest. Vectorised per band.
    """
    n = len(signatures)
    bands = np.ascontiguousarray(signatures).view("<u4").reshape(n, BINS // ROWS)
    found_a: list[npt.NDArray[np.intp]] = []
    found_b: list[npt.NDArray[np.intp]] = []
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
            equal = np.count_nonzero(signatures[members] == signatures[reps], axis=1)
            copied = equal >= _MIN_EQUAL
            found_a.append(reps[copied])
            found_b.append(members[copied])
    if not found_a:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty
    return np.concatenate(found_a), np.concatenate(found_b)


def _components(n: int, a: npt.NDArray[np.intp], b: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """Per entry ``0..n-1``, the smallest entry of its connected component under the
    edges ``(a[k], b[k])``.

    Vectorised union-find: each round hooks the root of every edge's larger label
    under the smaller, then pointer jumping makes every label a root again; at the
    fixpoint both ends of every edge share one root. A handful of rounds for any
    corpus, where a Python union-find spent a second on the 2 million pairs of
    10,000 reports sharing one template.
    """
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
    "BINS",
    "CODE",
    "JACCARD_THRESHOLD",
    "MIN_CHARS",
    "PAIR_THRESHOLD",
    "SectionSketch",
    "SimilarIndex",
    "Sketch",
    "agency_names",
    "cluster_finding",
    "compare_previous",
    "estimated_similarity",
    "nfkc",
    "normalise",
    "normalised_sections",
    "previous_finding",
    "section_text",
    "signature",
    "sketch",
]
