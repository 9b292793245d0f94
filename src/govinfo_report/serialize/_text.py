"""The three syntaxes: a report as JSON, YAML or TOML text, and back."""

from __future__ import annotations

import json
from typing import Any

import tomli_w
import yaml

from govinfo_report import _parse
from govinfo_report._parse import Syntax
from govinfo_report.errors import ReportLoadError, UnknownFormatError
from govinfo_report.formats import TABLE_IDS
from govinfo_report.model import Report
from govinfo_report.serialize._converter import from_data, to_data

SYNTAXES: tuple[Syntax, ...] = ("json", "yaml", "toml")


def dumps(report: Report, syntax: Syntax = "json") -> str:
    """The report as JSON, YAML or TOML text (UTF-8, Chinese unescaped)."""
    data = to_data(report)
    if syntax == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if syntax == "yaml":
        for table in TABLE_IDS:
            data[table] = {
                key: _FlowRow(row) if key != "extra_rows" else row
                for key, row in data[table].items()
            }
        text: str = yaml.dump(
            data,
            Dumper=_YAMLDumper,
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=100,
        )
        return text
    if syntax == "toml":
        return tomli_w.dumps(data)
    raise UnknownFormatError(f"unknown syntax {syntax!r}; expected one of {SYNTAXES}")


class _FlowRow(dict[str, Any]):
    """A table row, written on one line: ``new_received: {natural_person: 5, ...}``."""


class _YAMLDumper(yaml.SafeDumper):
    """Block style for people who edit the file (one paragraph per item), table rows on
    one line each so that a table reads like a table."""


_YAMLDumper.add_representer(
    _FlowRow,
    lambda dumper, row: dumper.represent_mapping("tag:yaml.org,2002:map", row, flow_style=True),
)


def parse(text: str, syntax: Syntax, *, source: str = "<text>") -> Any:
    """Parse ``text`` into a plain tree, with a clear error for a syntax error.

    Strict: a key given twice in one mapping is an error with its path, as is a YAML
    alias (see :mod:`govinfo_report._parse`).

    Raises:
        ReportLoadError: the text is not valid ``syntax``, or repeats a key.
    """
    if syntax not in SYNTAXES:
        raise UnknownFormatError(f"unknown syntax {syntax!r}; expected one of {SYNTAXES}")
    return _parse.parse(text, syntax, source=source)


def loads(text: str, syntax: Syntax = "json", *, source: str = "<text>") -> Report:
    """A report from JSON, YAML or TOML text.

    Raises:
        ReportLoadError: a syntax error, a document that is no report (a list, a
            mapping without ``metadata``), or every structural problem with its path.
    """
    tree = parse(text, syntax, source=source)
    problem = _parse.not_a_report(tree, syntax)
    if problem is not None:
        raise ReportLoadError(source, [problem])
    return from_data(tree, source=source)
