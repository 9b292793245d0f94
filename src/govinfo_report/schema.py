"""A JSON Schema (draft 2020-12) of the interchange format, generated, never hand-written.

The records (metadata, sections, the fee) come from the attrs classes of the model: their
fields, types, defaults and attribute docstrings. The three tables come from the format
declarations in :mod:`govinfo_report.formats`: every row and column is a required
property titled with its Chinese label and described in English, so the schema changes
when a format does. The schema describes what :func:`govinfo_report.serialize.dumps`
writes (the canonical form); the loader is slightly more lenient (``null`` for a blank
cell, a JSON number for money, the Chinese name of an agency kind).
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import inspect
import itertools
import textwrap
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from govinfo_report.formats import CellKind, FormatSpec, FormatVersion, TableSpec, get_format
from govinfo_report.model import (
    AgencyKind,
    Contact,
    Metadata,
    ProcessingFee,
    Report,
    Section,
    Subsection,
    Table,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"

MONEY_PATTERN = r"^-?[0-9]+(\.[0-9]+)?([^0-9\s.\-][^0-9]*)?$"
"""Exact decimal digits, then the unit if the cell wrote one (``7730.28``, ``251000元``)."""
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

_RECORDS: tuple[type, ...] = (Contact, Metadata, Subsection, Section, ProcessingFee)


def json_schema(version: FormatVersion | str | None = None) -> dict[str, Any]:
    """The JSON Schema of a report file.

    Args:
        version: a format (``FormatVersion.V2021`` or ``"2021"``) for a schema of that
            format only; ``None`` for one that accepts either, chosen by
            ``metadata.format_version`` (``oneOf``).

    Returns:
        A fresh dict, ready for ``json.dumps``.

    Raises:
        UnknownFormatError: ``version`` names no statutory format.
    """
    defs = _shared_defs()
    if version is not None:
        spec = get_format(version)
        defs.update(_table_defs(spec))
        return {
            "$schema": DIALECT,
            "$id": f"urn:govinfo-report:report:{spec.version.value}",
            **_report(spec),
            "$defs": defs,
        }
    choices = []
    for spec in map(get_format, FormatVersion):
        defs.update(_table_defs(spec))
        defs[f"report_{spec.version.value}"] = _report(spec)
        choices.append({"$ref": f"#/$defs/report_{spec.version.value}"})
    return {
        "$schema": DIALECT,
        "$id": "urn:govinfo-report:report",
        "title": "政府信息公开工作年度报告 / annual report on open government information",
        "description": "A report in either statutory format; metadata.format_version "
        "decides which tables it must have.",
        "oneOf": choices,
        "$defs": defs,
    }


# --- records from the model ------------------------------------------------------------


def _report(spec: FormatSpec) -> dict[str, Any]:
    schema = _record(Report)
    schema["title"] = f"{spec.name} / annual report, {spec.version.value} format"
    properties = schema["properties"]
    properties["metadata"] = {
        "$ref": "#/$defs/Metadata",
        "properties": {"format_version": {"const": spec.version.value}},
    }
    for table in spec.tables:
        properties[table.id] = {"$ref": f"#/$defs/{_table_def_name(table)}"}
    return schema


def _shared_defs() -> dict[str, Any]:
    defs: dict[str, Any] = {cls.__name__: _record(cls) for cls in _RECORDS}
    # A level-3 heading is a Subsection without subsections: one level nests, not more.
    level3 = defs["Subsection"]["properties"]["subsections"]
    level3["items"] = {**level3["items"], "properties": {"subsections": {"maxItems": 0}}}
    defs["blank"] = {"const": "", "title": "空白", "description": "Blank: not filled in."}
    defs["not_applicable"] = {
        "const": "/",
        "title": "／",
        "description": 'Not applicable: the report printed "/".',
    }
    number_or_empty = [{"$ref": "#/$defs/blank"}, {"$ref": "#/$defs/not_applicable"}]
    defs[CellKind.COUNT.value] = {
        "description": "A count (whole number; the validator reports negatives), "
        "'' for blank or '/' for not applicable.",
        "anyOf": [{"type": "integer"}, *number_or_empty],
    }
    defs[CellKind.SIGNED_COUNT.value] = {
        "description": "A signed count (本年增/减: negative for a decrease), '' or '/'.",
        "anyOf": [{"type": "integer"}, *number_or_empty],
    }
    defs[CellKind.MONEY.value] = {
        "description": "An amount as a string of exact digits, with the unit if the cell "
        "wrote one ('7730.28', '251000元'), '' or '/'.",
        "anyOf": [{"type": "string", "pattern": MONEY_PATTERN}, *number_or_empty],
    }
    defs["extra_row"] = {
        "type": "object",
        "title": "非标准行 / extra row",
        "description": "A row the report added that the format does not have.",
        "properties": {
            "label": {
                "type": "string",
                "pattern": "\\S",
                "description": "As printed; at least one visible character.",
            },
            "values": {
                "type": "array",
                "items": {
                    "anyOf": [
                        {"type": "integer"},
                        {"type": "string", "pattern": MONEY_PATTERN},
                        *number_or_empty,
                    ]
                },
            },
            "after": {"type": "string", "description": "Id of the row it follows."},
        },
        "required": ["label"],
        "additionalProperties": False,
    }
    return defs


def _record(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = _attribute_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        prop = _type_schema(hints[field.name])
        if field.name in docs:
            prop = {**prop, "description": docs[field.name]}
        properties[field.name] = prop
        if field.default is attrs.NOTHING:
            required.append(field.name)
    return {
        "type": "object",
        "title": cls.__name__,
        "description": _first_paragraph(cls.__doc__ or ""),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _type_schema(type_: Any) -> dict[str, Any]:
    args = typing.get_args(type_)
    if isinstance(type_, types.UnionType) or typing.get_origin(type_) is typing.Union:
        # ``X | None``: None is written by leaving the key out, so only X is described.
        (inner,) = (a for a in args if a is not type(None))
        return _type_schema(inner)
    if typing.get_origin(type_) is tuple:
        return {"type": "array", "items": _type_schema(args[0])}
    if type_ in _RECORDS:
        return {"$ref": f"#/$defs/{type_.__name__}"}
    if type_ is Table:
        return {}  # replaced by the format's table
    if type_ is FormatVersion:
        return {"enum": [v.value for v in FormatVersion]}
    if type_ is AgencyKind:
        return {
            "enum": [k.value for k in AgencyKind],
            "description": "; ".join(f"{k.value}: {k.label}" for k in AgencyKind),
        }
    simple: dict[Any, dict[str, Any]] = {
        str: {"type": "string"},
        int: {"type": "integer"},
        bool: {"type": "boolean"},
        dt.date: {"type": "string", "format": "date", "pattern": DATE_PATTERN},
        Decimal: {"type": "string", "pattern": DECIMAL_PATTERN},
    }
    return dict(simple[type_])


@functools.cache
def _attribute_docs(cls: type) -> dict[str, str]:
    """Attribute docstrings (a string right after ``name: type = ...``) of ``cls``."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    except (OSError, TypeError):  # no source (frozen app): descriptions are a nicety
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for node, after in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[node.target.id] = _plain(after.value.value)
    return docs


def _first_paragraph(doc: str) -> str:
    return _plain(inspect.cleandoc(doc).split("\n\n")[0])


def _plain(doc: str) -> str:
    """Docstring text as one line, without reST literal markup."""
    return " ".join(doc.replace("``", "").split())


# --- tables from the format declarations ---------------------------------------------


def _table_def_name(table: TableSpec) -> str:
    return f"{table.id}_{table.version.value}"


def _table_defs(spec: FormatSpec) -> dict[str, Any]:
    return {_table_def_name(t): _table(t) for t in spec.tables}


def _table(table: TableSpec) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for group in table.groups:
        for row in group.rows:
            path = ([group.caption] if group.caption else []) + list(row.label_path)
            rows[row.id] = {
                "type": "object",
                "title": " / ".join(path),
                "description": row.english,
                "properties": {
                    column.id: _cell(table, row.id, column.id) for column in group.columns
                },
                "required": [column.id for column in group.columns],
                "additionalProperties": False,
            }
    description = f"Table {table.number}: {table.english}, {table.version.value} format."
    if table.corner_note:
        description += f" {table.corner_note}"
    return {
        "type": "object",
        "title": table.title,
        "description": description,
        "properties": {
            **rows,
            "extra_rows": {"type": "array", "items": {"$ref": "#/$defs/extra_row"}},
        },
        "required": list(rows),
        "additionalProperties": False,
    }


def _cell(table: TableSpec, row_id: str, column_id: str) -> dict[str, Any]:
    cell = table.cell(f"{row_id}.{column_id}")
    column = cell.column
    return {
        "$ref": f"#/$defs/{cell.kind.value}",
        "title": " / ".join(cell.labels),
        "description": f"{cell.row.english}: {column.english} ({column.unit}); "
        f"cell {table.id}.{cell.id}",
    }


__all__ = ["DIALECT", "MONEY_PATTERN", "json_schema"]
