"""The validator: every 勾稽关系 and the other rules, as data, and the findings they produce.

``check(report)`` returns every finding in a deterministic order (severity, code,
paths); ``iter_findings(report)`` yields them lazily; ``is_valid(report)`` says whether
there is no error. Pass ``previous=`` (the same agency's report on the year before) to
add the cross-year rules. ``CATALOG`` documents every finding code. The rules themselves
are data: :data:`RULESETS` maps each format version to ``{rule id: rule}``, built from
the format declarations by the factories in :mod:`govinfo_report.checks.rules`.
"""

from __future__ import annotations

from collections.abc import Iterator

from govinfo_report.checks._engine import PairPlan, collect, run
from govinfo_report.checks.catalog import CATALOG, RuleInfo, describe
from govinfo_report.checks.rulesets import RULESETS, ruleset
from govinfo_report.errors import PreviousReportMismatch
from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.model.report import Report

_RANKS = {severity: severity.rank for severity in Severity}


def _order(finding: Finding) -> tuple[object, ...]:
    """:attr:`Finding.sort_key`, then the message: read without the properties (an
    enum's property costs a descriptor call; a published report has 200 findings)."""
    return (_RANKS[finding.severity], finding.code, finding.paths, finding.message_zh)


def iter_findings(
    report: Report, *, previous: Report | None = None, other_agency: bool = False
) -> Iterator[Finding]:
    """Yield every finding for ``report`` as the rules produce it (not sorted).

    Args:
        report: the report to check.
        previous: the same agency's report on the year before, for the cross-year
            rules (X.1, X.2, X.3); without it those rules use their one-year forms.
        other_agency: accept a ``previous`` report of another agency (by
            :func:`govinfo_report.survey.agency_key`; a blank name matches any).

    Raises:
        PreviousReportMismatch: ``previous`` is not a report on the year before, or is
            another agency's and ``other_agency`` is false.
    """
    if previous is not None and not other_agency:
        _same_agency(report, previous)
    return run(report, previous)


def check(
    report: Report, *, previous: Report | None = None, other_agency: bool = False
) -> tuple[Finding, ...]:
    """Every finding for ``report``, errors first, then by code and cell paths.

    Never stops at the first problem. See :func:`iter_findings` for ``previous`` and
    ``other_agency``.

    Raises:
        PreviousReportMismatch: ``previous`` is not a report on the year before, or is
            another agency's and ``other_agency`` is false.
    """
    if previous is not None and not other_agency:
        _same_agency(report, previous)
    return tuple(sorted(collect(report, previous), key=_order))


def _same_agency(report: Report, previous: Report) -> None:
    """Raise when ``previous`` is surely another agency's report: comparing two agencies'
    figures year over year is a mistake (a wrong file), not a finding."""
    from govinfo_report._agency import different_agencies

    if different_agencies(report.metadata.agency, previous.metadata.agency):
        raise PreviousReportMismatch(
            f"previous= is a report of {previous.metadata.agency!r}, not of "
            f"{report.metadata.agency!r}; give that agency's report on "
            f"{report.metadata.year - 1}, or other_agency=True to compare them anyway",
            zh=f"previous= 是 {previous.metadata.agency!r} 的报告，不是 "
            f"{report.metadata.agency!r} 的；请给出该机关 {report.metadata.year - 1} 年度的报告，"
            "或用 other_agency=True 仍然比较",
        )


def is_valid(report: Report) -> bool:
    """Whether ``report`` has no error finding (warnings and notices are allowed)."""
    return not any(f.severity is Severity.ERROR for f in run(report))


__all__ = [
    "CATALOG",
    "RULESETS",
    "Finding",
    "PairPlan",
    "PreviousReportMismatch",
    "RuleInfo",
    "Severity",
    "Status",
    "check",
    "describe",
    "is_valid",
    "iter_findings",
    "ruleset",
]
