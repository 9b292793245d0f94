"""Surveys of many reports: read and check a corpus, pair years and levels, export figures.

:func:`survey` reads every report under the paths given (any mix of formats, in
parallel), checks each, pairs each with its agency's report on the year before
(X.1-X.3), checks parents against their children (H.1) given a hierarchy, judges
copied text (DUP.1), and writes ``reports.csv``, ``reports.xlsx``, ``cells.csv``,
``findings.jsonl`` and ``index.html`` into an output folder that also caches what it
read. :func:`agency_key` is the one normalisation of agency names that pairing,
hierarchies and exports share; :func:`expand_paths` the folder scan ``validate`` shares.

``govinfo_report.survey`` is this package and, called, :func:`survey` itself, so that
``govinfo_report.survey(paths, out)`` works however the package was imported.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from govinfo_report.survey._agency import agency_key
from govinfo_report.survey._columns import CELL_COLUMNS, REPORT_COLUMNS, RULE_CODES
from govinfo_report.survey._run import OUTPUTS, SurveyError, SurveyResult, survey
from govinfo_report.survey._scan import expand_paths
from govinfo_report.survey._summary import FileResult, summarise


class _CallablePackage(types.ModuleType):
    """This package's module type: calling it calls :func:`survey`.

    ``govinfo_report.survey`` names the function in the top-level package, but importing
    any submodule (``govinfo_report.survey._agency``) rebinds that attribute to the
    package; a callable package makes both spellings do the same thing.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> SurveyResult:
        return survey(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage

__all__ = [
    "CELL_COLUMNS",
    "OUTPUTS",
    "REPORT_COLUMNS",
    "RULE_CODES",
    "FileResult",
    "SurveyError",
    "SurveyResult",
    "agency_key",
    "expand_paths",
    "summarise",
    "survey",
]
