"""Surveys of many reports: read and check a corpus, pair years and levels, export figures.

:func:`survey` reads every report under the paths given (any mix of formats, in
parallel), checks each, pairs each with its agency's report on the year before
(X.1-X.3), checks parents against their children (H.1) given a hierarchy, judges
copied text (DUP.1), and writes ``reports.csv``, ``reports.xlsx``, ``cells.csv``,
``findings.jsonl`` and ``index.html`` into an output folder that also caches what it
read. :func:`agency_key` is the one normalisation of agency names that pairing,
hierarchies and exports share; :func:`expand_paths` the folder scan ``validate`` shares.

``govinfo_report.survey`` at the top level is :func:`survey` (the function), however
this package was imported: the top-level package keeps its exports when a submodule of
the same name is imported.
"""

from __future__ import annotations

from govinfo_report._agency import agency_key
from govinfo_report._scan import expand_paths
from govinfo_report.survey._columns import CELL_COLUMNS, REPORT_COLUMNS, RULE_CODES
from govinfo_report.survey._renamed import Renamed
from govinfo_report.survey._run import OUTPUTS, SurveyError, SurveyResult, survey
from govinfo_report.survey._summary import FileResult, summarise

__all__ = [
    "CELL_COLUMNS",
    "OUTPUTS",
    "REPORT_COLUMNS",
    "RULE_CODES",
    "FileResult",
    "Renamed",
    "SurveyError",
    "SurveyResult",
    "agency_key",
    "expand_paths",
    "summarise",
    "survey",
]
