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

from govinfo_report.survey._similar_index import SimilarIndex
from govinfo_report.survey._similar_sketch import (
    Judged,
    SectionSketch,
    Sketch,
    estimated_similarity,
    judged_sections,
    signature,
    signatures,
    sketch,
    sketches,
)
from govinfo_report.survey._similar_text import (
    BINS,
    CODE,
    JACCARD_THRESHOLD,
    MIN_CHARS,
    PAIR_THRESHOLD,
    agency_names,
    cluster_finding,
    compare_previous,
    nfkc,
    normalise,
    normalised_sections,
    previous_finding,
    section_text,
)

__all__ = [
    "BINS",
    "CODE",
    "JACCARD_THRESHOLD",
    "MIN_CHARS",
    "PAIR_THRESHOLD",
    "Judged",
    "SectionSketch",
    "SimilarIndex",
    "Sketch",
    "agency_names",
    "cluster_finding",
    "compare_previous",
    "estimated_similarity",
    "judged_sections",
    "nfkc",
    "normalise",
    "normalised_sections",
    "previous_finding",
    "section_text",
    "signature",
    "signatures",
    "sketch",
    "sketches",
]
