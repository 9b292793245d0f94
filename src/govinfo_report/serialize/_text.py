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
from govinfo_report.serialize._fast import string_colons, structure_report_fast

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
        return _commented(text, report)
    if syntax == "toml":
        return tomli_w.dumps(data)
    raise UnknownFormatError(
        f"unknown syntax {syntax!r}; expected one of {SYNTAXES}",
        zh=f"没有语法 {syntax!r}；可用的有 {SYNTAXES}",
    )


def _commented(text: str, report: Report) -> str:
    """The YAML ``text`` of ``report`` with each table and row named in Chinese in a
    comment line above it (the table's title and its columns, the row's label path),
    for the person who fills the file in by hand; the loader skips comments.

    A table is a top-level key (a line at column 0); its rows are its keys two columns
    in. A row written on several lines (a long flow mapping) continues further in, and
    ``extra_rows`` is no row of the format: neither gets a comment."""
    tables = {table.spec.id: table.spec for table in report.tables}
    lines: list[str] = []
    rows: dict[str, tuple[str, ...]] = {}
    for line in text.split("\n"):
        if line and not line.startswith(" "):
            spec = tables.get(line[:-1]) if line.endswith(":") else None
            rows = {} if spec is None else {row.id: row.label_path for row in spec.rows}
            if spec is not None:
                lines.append(f"# {spec.title}")
                for group in spec.groups:
                    named = "，".join(f"{column.id} {column.label}" for column in group.columns)
                    lines.append(f"# {group.caption + ' ' if group.caption else ''}列：{named}")
        elif rows and line.startswith("  ") and line[2:3] not in (" ", "-"):
            path = rows.get(line[2:].partition(":")[0])
            if path is not None:
                lines.append(f"  # {' / '.join(path)}")
        lines.append(line)
    return "\n".join(lines)


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
        raise UnknownFormatError(
            f"unknown syntax {syntax!r}; expected one of {SYNTAXES}",
            zh=f"没有语法 {syntax!r}；可用的有 {SYNTAXES}",
        )
    return _parse.parse(text, syntax, source=source)


def loads(text: str, syntax: Syntax = "json", *, source: str = "<text>") -> Report:
    """A report from JSON, YAML or TOML text.

    Raises:
        ReportLoadError: a syntax error, a document that is no report (a list, a
            mapping without ``metadata``), or every structural problem with its path.
    """
    if syntax == "json":
        report = _json_fast(text)
        if report is not None:
            return report
    tree = parse(text, syntax, source=source)
    problem = _parse.not_a_report(tree, syntax)
    if problem is not None:
        raise ReportLoadError(source, [problem])
    return from_data(tree, source=source)


def _json_fast(text: str) -> Report | None:
    """The report of a well-formed JSON text with no key given twice, or None (the
    detailed path then parses it again and reports every problem).

    The text is parsed by orjson (:func:`~govinfo_report._parse.load_json_native`),
    and by json only when orjson refuses it or its tree is not taken: the fast path
    takes no float, so an amount written as a JSON number is json's exact Decimal.

    A repeated key is found without a Python hook per object: every key of the text
    is followed by a ``:`` of its own, so the text holds at least as many ``:`` as
    keys, plus those inside strings. The fast path counts the keys of the parsed tree
    exactly (:func:`~._fast.structure_report_fast`); a key given twice leaves the tree
    one key short of the text. So when the tree has as many keys as the text has
    ``:`` outside the tree's strings, no key was repeated. The strings' ``:`` are
    counted only when the first test fails, and only where none is written as
    ``\\u003a`` (such a colon is in a string but not in the text).
    """
    try:
        fast = structure_report_fast(_parse.load_json_native(text))
    except ValueError:
        fast = None
    if fast is None:
        # orjson refused the text (json may read it: a lone surrogate), or its tree has
        # a float the fast path does not take (an amount as a JSON number, which json
        # reads as an exact Decimal), or the report is unusual: once more with json.
        try:
            tree = _parse.load_json_plain(text)
        except (ValueError, RecursionError):
            return None  # the detailed path says what is wrong
        fast = structure_report_fast(tree)
        if fast is None:
            return None
    report, keys = fast
    colons = text.count(":")
    if keys == colons:
        return report
    if "\\u003a" in text or "\\u003A" in text:
        return None
    return report if keys == colons - string_colons(report) else None
