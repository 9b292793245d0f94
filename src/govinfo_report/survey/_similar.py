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
from collections.abc import Iterable, Iterator, Sequence
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
    name = nfkc("".join(agency.split()))
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
    # str.split() splits at what ``\s`` matches (str.isspace), four times as fast.
    text = "".join(nfkc(text).split())
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
    for j in range(1, SHINGLE):
        h = h * _PRIME + codes[j : j + n]
    if len(texts) > 1:
        # A shingle belongs to the text it starts in, if it ends there too.
        owner = np.repeat(np.arange(len(texts)), lengths)[:n]
        ends = np.cumsum(lengths)
        keep = np.arange(SHINGLE, n + SHINGLE) <= ends[owner]
        h, offset = h[keep], owner[keep] * BINS
    h = _mix(h)
    bins = (h >> np.uint64(64 - _BIN_BITS)).astype(np.intp)
    if len(texts) > 1:
        bins += offset
    mins = np.full(len(texts) * BINS, _EMPTY, dtype=np.uint64)
    np.minimum.at(mins, bins, h & _VALUE_MASK)
    table = mins.reshape(len(texts), BINS)
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
    judged = normalised_sections(report)
    signed = signatures([text for _, _, text in judged])
    return Sketch(
        sections=tuple(
            SectionSketch(index=i, section=s.id, length=len(text), signature=sig)
            for (i, s, text), sig in zip(judged, signed, strict=True)
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
        bounds = np.flatnonzero(np.diff(columns.doc[order])) + 1
        for group in np.split(order, bounds):
            found = []
            for entry in (int(e) for e in group):
                index = int(columns.index[entry])
                section = self._sections[int(columns.section[entry])]
                if others[entry]:
                    named = [self._agencies[x] for x in examples[entry] if x >= 0]
                    found.append(cluster_finding(index, section, int(others[entry]), named))
                if previous[entry] >= 0:
                    year = int(columns.year[entry]) - 1
                    found.append(previous_finding(index, section, float(previous[entry]), year))
            yield int(columns.doc[group[0]]), tuple(sorted(found, key=_finding_order))

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
                similarity[entry] = 100 * _from_matches(equal / BINS)


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
            copied = _equal_bytes(signatures, members, reps) >= _MIN_EQUAL
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
    "signatures",
    "sketch",
]
