"""DUP.1's text side: what a section is compared as, and the findings it gives.

The normalisation (:func:`normalise`: NFKC, the agency's names and every number
replaced, no white space), the rule's constants, the two findings (a copy of last
year's section, a copy of other agencies' of the same year) and the pairwise comparison
of two reports (:func:`compare_previous`, rapidfuzz). :mod:`._similar` explains the rule
and the corpus-wide sketches; :mod:`._similar_sketch` and :mod:`._similar_index` build
on this module.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Final

from rapidfuzz import fuzz

from govinfo_report._unicode import nfkc
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
# \d\d* for \d+, [C][C]{3} for [C]{4}: the same matches, but an expression whose first
# item is a single character (class) lets re skip the positions it cannot start at,
# where a repeat first makes it try every one: a third and half of the time.
_NUMBER = re.compile(r"\d\d*(?:[.,]\d+)*")
_CHINESE_YEAR = re.compile(r"[〇零一二三四五六七八九][〇零一二三四五六七八九]{3}(?=年)")
_PLACE = re.compile(r"(.{2,8}?(?:自治州|自治县|自治区|省|市|县|区|旗|镇|乡|街道))")


# --- Normalising --------------------------------------------------------------------


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
    """A section's prose: its paragraphs, its subsections' (their level-3 headings'
    too) and its closing ones (not headings, which every report shares)."""
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


# --- Findings -----------------------------------------------------------------------


@functools.cache  # a corpus of one template has a finding for every section
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


__all__ = [
    "BINS",
    "CODE",
    "EXAMPLES",
    "JACCARD_THRESHOLD",
    "MIN_CHARS",
    "PAIR_THRESHOLD",
    "ROWS",
    "SHINGLE",
    "agency_names",
    "cluster_finding",
    "compare_previous",
    "nfkc",
    "normalise",
    "normalised_sections",
    "previous_finding",
    "section_text",
]
