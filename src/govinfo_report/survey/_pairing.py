"""Phase 2 of a survey: each report checked against the same agency's previous year.

Reports are keyed by :func:`~govinfo_report._agency.agency_key` of their agency
and their year. A report whose key also has a report on the year before is checked
against it: the cross-year rules (X.1-X.3) in the forms that ``check(report,
previous=...)`` gives, which replace the one-year forms phase 1 found. Two readable
files of one agency and year are a *duplicate* agency-year: they are listed in the
survey's result, and the first by path is the one the next year is paired with (and
each of them is paired with the year before), so the choice never depends on the order
in which files were read.

The cross-year rules read only the statistic tables, so they run on the tables phase 1
stored (:func:`~govinfo_report.survey._payload.lite_report`), not on the documents
again; :func:`cross_year_findings` is exactly the X.* part of
:func:`govinfo_report.check` with ``previous=`` (a test holds it to that).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from govinfo_report.checks import PairPlan
from govinfo_report.checks.rules import Context, Rule
from govinfo_report.findings import Finding
from govinfo_report.formats import FormatVersion
from govinfo_report.model import Report
from govinfo_report.survey import _columns as columns
from govinfo_report.survey._json import tree
from govinfo_report.survey._payload import StoredTables, decode_tables, lite_report


@functools.cache
def _cross_year_rules(version: FormatVersion, previous: FormatVersion) -> tuple[Rule, ...]:
    from govinfo_report.checks import ruleset

    return tuple(
        rule
        for rule in ruleset(version, previous).values()
        if rule.code.startswith(columns.CROSS_YEAR_PREFIX)
    )


def cross_year_findings(report: Report, previous: Report) -> tuple[Finding, ...]:
    """The X.* findings of ``check(report, previous=previous)``, in its order."""
    from govinfo_report.checks import check

    if previous.metadata.year != report.metadata.year - 1:
        # check() says why; the survey never pairs such reports.
        check(report, previous=previous, other_agency=True)
    return cross_year_on_tables(
        report.metadata.format_version.value,
        report,
        previous.metadata.format_version.value,
        previous,
    )


def cross_year_on_tables(
    version: str, tables: Any, previous_version: str, previous: Any
) -> tuple[Finding, ...]:
    """The X.* findings of a report of ``version`` against last year's, on their tables.

    ``tables`` and ``previous`` are reports or :class:`StoredTables`: the cross-year
    rules read nothing but ``<table>.values``.
    """
    found = _cross_year_plan(version, previous_version).findings(Context(tables, previous))
    return tuple(sorted(found, key=lambda f: (*f.sort_key, f.message_zh)))


@functools.cache
def _cross_year_plan(version: str, previous: str) -> PairPlan:
    """The cross-year rules compiled: the sums of a pair whose cells are all whole
    numbers tested by one function (most pairs), each rule alone otherwise."""
    rules = _cross_year_rules(FormatVersion(version), FormatVersion(previous))
    return PairPlan.of(rules, f"{version} against {previous}, cross-year")


def cross_year_codes(version: str, previous: str) -> frozenset[str]:
    """The X.* rule codes a report of ``version`` paired with one of ``previous`` is checked by."""
    return frozenset(
        code
        for code in columns.rule_codes_of(FormatVersion(version), FormatVersion(previous))
        if code.startswith(columns.CROSS_YEAR_PREFIX)
    )


class Group(NamedTuple):
    """The readable files of one agency and year (the first by path is its report)."""

    key: str
    year: int
    files: list[str]
    version: str
    tables: StoredTables


def groups(rows: Iterator[tuple[str, int, str, str, str]]) -> Iterator[tuple[Group, Group | None]]:
    """Each agency-year with the agency's year before (None when it has none), from
    ``(agency key, year, path, version, tables)`` rows in key, year, path order.

    Every file of a group is paired with the previous group's first file; a group's
    own first file is what the next year pairs with.
    """
    last: Group | None = None
    current: Group | None = None
    for key, year, path, version, tables in rows:
        if current is not None and (current.key, current.year) == (key, year):
            current.files.append(path)
            continue
        if current is not None:
            yield current, _before(current, last)
            last = current
        current = Group(key, year, [path], version, decode_tables(tables))
    if current is not None:
        yield current, _before(current, last)


def _before(group: Group, last: Group | None) -> Group | None:
    if last is not None and last.key == group.key and last.year == group.year - 1:
        return last
    return None


def lite_from_stored(stored: Sequence[Any]) -> Report:
    """The report phase 1 stored: a row of :meth:`Cache.one` / :meth:`Cache.readable`."""
    _path, _key, year, version, row, tables, _sketch = stored
    meta = tree(row)
    return lite_report(
        agency=meta["agency"],
        year=year,
        version=version,
        kind=meta["agency_kind"],
        tables=tables,
    )


__all__ = [
    "Group",
    "cross_year_codes",
    "cross_year_findings",
    "cross_year_on_tables",
    "groups",
    "lite_from_stored",
]
