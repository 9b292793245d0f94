"""Migration of a report from the 2019 试行 format to the 2021 format.

:func:`migrate` moves every cell along the declaration in
:mod:`govinfo_report.formats.migration` and returns the new report with findings
(codes ``MIG.*``, described in :mod:`govinfo_report.migrate.catalog`) for everything
that did not carry over as it was; it never makes up a number.

``govinfo_report.migrate`` at the top level is :func:`migrate` (the function), however
this package was imported, as for :func:`govinfo_report.survey`.
"""

from __future__ import annotations

from govinfo_report.migrate._run import MigrationResult, migrate
from govinfo_report.migrate.catalog import CATALOG

__all__ = ["CATALOG", "MigrationResult", "migrate"]
