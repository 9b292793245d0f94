"""Every finding code, the checks', the readers', the survey's and the migration's, as one lookup.

The checks declare theirs in :mod:`govinfo_report.checks.catalog`, the readers theirs in
:mod:`govinfo_report.readers.catalog`, the survey's (H.1, DUP.1) in
:mod:`govinfo_report.survey.catalog`, the migration's (MIG.*) in
:mod:`govinfo_report.migrate.catalog`, all as the same
:class:`~govinfo_report.findings.RuleInfo` entries. This module sits above both
(as the command line does), so the checks never import the readers and a lookup never
depends on which modules happen to have been imported: ``describe("R.CELL")`` and
``describe("T3.1")`` answer the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from govinfo_report.checks.catalog import CATALOG as CHECK_CATALOG
from govinfo_report.findings import RuleInfo, entry
from govinfo_report.migrate.catalog import CATALOG as MIGRATE_CATALOG
from govinfo_report.readers.catalog import CATALOG as READER_CATALOG
from govinfo_report.survey.catalog import CATALOG as SURVEY_CATALOG

CATALOG: Mapping[str, RuleInfo] = MappingProxyType(
    {**CHECK_CATALOG, **READER_CATALOG, **SURVEY_CATALOG, **MIGRATE_CATALOG}
)
"""Every finding code: the checks' in their documentation order, the readers', the
survey's, the migration's."""


def describe(code: str) -> RuleInfo:
    """The catalog entry for any finding code, a check's (``T3.1``) or a reader's (``R.CELL``).

    Raises:
        KeyError: nothing produces ``code``; the message lists the codes that exist.
    """
    return entry(CATALOG, code)


__all__ = [
    "CATALOG",
    "CHECK_CATALOG",
    "MIGRATE_CATALOG",
    "READER_CATALOG",
    "SURVEY_CATALOG",
    "RuleInfo",
    "describe",
]
