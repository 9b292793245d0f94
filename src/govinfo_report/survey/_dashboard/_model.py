"""What the dashboard knows of a survey: the columns it reads and the tallies it keeps.

:class:`Survey` holds every tally the page draws, all bounded whatever the corpus
(counts per status, year, format, rule and ratio value; the worst reports; the
agencies shown year over year); :mod:`._tally` fills it from the exports.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import attrs

REPORTS_CSV = "reports.csv"
FINDINGS_JSONL = "findings.jsonl"

WORST_SHOWN = 20
"""How many of the worst reports are kept (most errors, then warnings)."""
AGENCIES_SHOWN = 40
"""How many agencies with two years or more the year-over-year table shows."""
UNREADABLE_SHOWN = 20
"""How many unreadable files are listed with their reasons."""

STATUSES = ("ok", "errors", "unreadable")
RULE_STATES = ("fail", "uncertain", "pass", "n/a")
RULE_PREFIX = "rule:"


@attrs.frozen
class Figure:
    """A headline figure: the sum of one or two reports.csv columns."""

    name: str
    zh: str
    en: str
    columns: tuple[str, ...]


FIGURES = (
    Figure("new_received", "新收申请", "new requests", ("new_received",)),
    Figure("total_outcomes", "办结", "outcomes", ("total_outcomes",)),
    Figure(
        "disclosed", "予以公开+部分公开", "disclosed in full or part",
        ("disclosed", "partially_disclosed"),
    ),
    Figure("review_total", "行政复议", "reconsiderations", ("review_total",)),
    Figure("review_corrected", "复议纠正", "reconsiderations corrected", ("review_corrected",)),
    Figure("litigation_total", "行政诉讼", "lawsuits", ("litigation_total",)),
    Figure("litigation_corrected", "诉讼纠正", "lawsuits corrected", ("litigation_corrected",)),
)  # fmt: skip
"""The figures summed per year and followed per agency; a blank operand makes it unknown."""


@attrs.frozen
class Rate:
    """A derived ratio the survey computes (blank where it is not rated)."""

    name: str
    zh: str
    en: str
    formula: str


RATES = (
    Rate(
        "substantive_disclosure_rate", "实质公开率", "substantive disclosure rate",
        "(予以公开 + 部分公开) / 办理结果总计",
    ),
    Rate(
        "review_correction_rate", "复议纠错率", "reconsideration correction rate",
        "结果纠正 / 行政复议总计",
    ),
)  # fmt: skip

COUNT_COLUMNS = ("errors", "warnings", "notices", "cells_read", "cells_stated")
REQUIRED_COLUMNS = (
    "file", "agency", "agency_key", "year", "format", "status", "reason", *COUNT_COLUMNS,
    *sorted({c for f in FIGURES for c in f.columns}), *(r.name for r in RATES),
)  # fmt: skip
"""The reports.csv columns the dashboard reads; the others (and their order) may vary."""


@attrs.define
class Sum:
    """A figure summed over the reports that state it (``n`` of them)."""

    total: int = 0
    n: int = 0

    def add(self, value: int | None) -> None:
        """Count ``value`` in, unless it is unknown."""
        if value is not None:
            self.total += value
            self.n += 1

    @property
    def value(self) -> int | None:
        """The total, or None when no report states the figure."""
        return self.total if self.n else None


@attrs.frozen
class Worst:
    """One of the reports with most errors (then warnings, then notices)."""

    errors: int
    warnings: int
    notices: int
    file: str
    agency: str
    year: str

    @property
    def rank(self) -> tuple[int, int, int, str]:
        """Its place: most errors first; ties in file order."""
        return (-self.errors, -self.warnings, -self.notices, self.file)


@attrs.frozen
class AgencyYear:
    """One agency's figures for one year (in :data:`FIGURES` order), from one file."""

    year: int
    file: str
    figures: tuple[int | None, ...]


@attrs.frozen
class Agency:
    """An agency with reports for two years or more."""

    key: str
    name: str
    """Its name as its latest report prints it."""
    years: tuple[AgencyYear, ...]
    duplicates: int
    """Files beyond the first (in file order) for one of its years: not counted here."""


def _by_status() -> defaultdict[str, Counter[str]]:
    return defaultdict(Counter)


@attrs.define
class Survey:
    """Everything the dashboard shows, tallied from a survey's exports."""

    rows: int = 0
    by_status: Counter[str] = attrs.field(factory=Counter)
    by_year: defaultdict[str, Counter[str]] = attrs.field(factory=_by_status)
    by_format: defaultdict[str, Counter[str]] = attrs.field(factory=_by_status)
    by_suffix: defaultdict[str, Counter[str]] = attrs.field(factory=_by_status)
    cells_read: int = 0
    cells_stated: int = 0
    rule_reports: defaultdict[str, Counter[str]] = attrs.field(factory=_by_status)
    """Per rule code, how many reports are in each state (reports.csv's rule: columns)."""
    worst: list[Worst] = attrs.field(factory=list)
    unreadable: list[tuple[str, str, str]] = attrs.field(factory=list)
    """The first unreadable files in file order, with their reasons (English, Chinese:
    blank in a reports.csv without the column)."""
    year_totals: defaultdict[int, tuple[Sum, ...]] = attrs.field(
        factory=lambda: defaultdict(lambda: tuple(Sum() for _ in FIGURES))
    )
    """Per year, each figure of :data:`FIGURES` summed (an agency's first file a year)."""
    duplicates: int = 0
    """Files not counted in the totals and rates: an agency's second (third...) of a year."""
    rates: dict[str, Counter[int]] = attrs.field(factory=lambda: {r.name: Counter() for r in RATES})
    """Per rate, how many reports have each value, in basis points (0.8125 → 8125).

    Like :attr:`year_totals`, one file per agency and year counts.
    """
    unrated: Counter[str] = attrs.field(factory=Counter)
    folder: str = ""
    """The folder every file is in (ending in its separator), "" when they share none."""
    agency_count: int = 0
    multi_year_count: int = 0
    agencies: tuple[Agency, ...] = ()
    findings_read: bool = False
    """Whether findings.jsonl was there to read."""
    findings: defaultdict[str, Counter[str]] = attrs.field(factory=_by_status)
    """Per finding code, how many findings of each status (fail, uncertain)."""
    severities: Counter[str] = attrs.field(factory=Counter)

    @property
    def findings_total(self) -> int:
        """How many findings findings.jsonl holds."""
        return sum(sum(c.values()) for c in self.findings.values())


__all__ = [
    "AGENCIES_SHOWN", "COUNT_COLUMNS", "FIGURES", "FINDINGS_JSONL", "RATES", "REPORTS_CSV",
    "REQUIRED_COLUMNS", "RULE_PREFIX", "RULE_STATES", "STATUSES", "UNREADABLE_SHOWN",
    "WORST_SHOWN", "Agency", "AgencyYear", "Figure", "Rate", "Sum", "Survey", "Worst",
]  # fmt: skip
