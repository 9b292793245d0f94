"""The interchange format: a report as JSON, YAML or TOML, loaded and dumped losslessly.

One cattrs converter (:func:`make_converter`) turns a :class:`Report` into plain data
and back. The plain tree is the same for all three syntaxes:

- a table is ``{row_id: {column_id: value}}`` in the format's order, plus an optional
  ``extra_rows`` list;
- a count is an integer; money is a string of exact digits with an optional unit
  (``"7730.28"``, ``"251000元"``); a blank cell is ``""`` (``null`` is read as blank
  too); not applicable is ``"/"``;
- dates are ``YYYY-MM-DD``; fields that are ``None`` are left out (TOML has no null).

Loading is strict and reports every problem at once, each with its path
(``expected a count (whole number), '' or '/', got 'x' @ $.applications.new_received.total``);
unknown keys are rejected with their path.

The package keeps one concept per module, as cattrs does: the problems and their paths
(``_problems``), the scalar hooks (``_scalars``), cells and tables (``_tables``), the
report (``_report``), the converter (``_converter``), the syntaxes (``_text``) and files
(``_files``). Everything public is imported from here.
"""

from __future__ import annotations

from govinfo_report._parse import Syntax
from govinfo_report.errors import GovinfoReportError
from govinfo_report.serialize._converter import (
    CONVERTER,
    configure_converter,
    from_data,
    make_converter,
    to_data,
)
from govinfo_report.serialize._files import (
    MAX_INPUT_BYTES,
    decode,
    dump,
    load,
    read_text,
    syntax_for,
)
from govinfo_report.serialize._problems import Problem
from govinfo_report.serialize._scalars import structure_agency_kind
from govinfo_report.serialize._tables import (
    structure_cell,
    structure_table,
    unstructure_cell,
    unstructure_table,
)
from govinfo_report.serialize._text import SYNTAXES, dumps, loads, parse

__all__ = [
    "CONVERTER",
    "MAX_INPUT_BYTES",
    "SYNTAXES",
    "GovinfoReportError",
    "Problem",
    "Syntax",
    "configure_converter",
    "decode",
    "dump",
    "dumps",
    "from_data",
    "load",
    "loads",
    "make_converter",
    "parse",
    "read_text",
    "structure_agency_kind",
    "structure_cell",
    "structure_table",
    "syntax_for",
    "to_data",
    "unstructure_cell",
    "unstructure_table",
]
