"""The report as a whole, on the detailed path: every problem of a tree, with its path.

A well-formed tree is taken by the fast path first (:mod:`._fast`); this one runs only
when that declines, and reports everything it finds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError

from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.model import Report
from govinfo_report.serialize._fast import structure_report_fast
from govinfo_report.serialize._problems import Problem, UnknownKeys, got, note
from govinfo_report.serialize._scalars import structure_format_version
from govinfo_report.serialize._tables import structure_table, unstructure_table

_REPORT_KEYS = (
    "metadata",
    "intro",
    "sections",
    "proactive",
    "applications",
    "review_litigation",
    "processing_fee",
)


def structure_report(converter: cattrs.Converter, value: Any) -> Report:
    """A report from a plain tree: every problem collected, each with its path.

    Raises:
        Problem: ``value`` is not a mapping.
        ClassValidationError: every problem found, with notes giving their paths.
    """
    fast = structure_report_fast(value)
    if fast is not None:
        return fast[0]
    if not isinstance(value, Mapping):
        raise Problem(f"expected a mapping with a report's keys, {got(value)}")
    errors: list[Exception] = []
    fields: dict[str, Any] = {}
    report_fields = attrs.fields_dict(Report)
    for name in ("metadata", "intro", "sections", "processing_fee"):
        if name not in value:
            if report_fields[name].default is attrs.NOTHING:
                errors.append(note(KeyError(name), name))
            continue
        try:
            fields[name] = converter.structure(value[name], report_fields[name].type)  # type: ignore[arg-type]
        except Exception as exc:  # cattrs raises a mix; every one is reported
            errors.append(note(exc, name))
    version = _peek_version(value)
    if version is not None:
        spec = get_format(version)
        for table in spec.tables:
            if table.id not in value:
                errors.append(note(KeyError(table.id), table.id))
                continue
            try:
                fields[table.id] = structure_table(value[table.id], table)
            except (Problem, ClassValidationError) as exc:
                errors.append(note(exc, table.id))
    unknown = set(value) - set(_REPORT_KEYS)
    if unknown:
        errors.append(UnknownKeys(Report, unknown, _REPORT_KEYS))
    if errors:
        raise ClassValidationError("invalid report", errors, Report)
    try:
        return Report(**fields)
    except (TypeError, ValueError) as exc:  # cross-field shape, e.g. a mismatched table
        raise ClassValidationError("invalid report", [Problem(str(exc))], Report) from None


def _peek_version(value: Mapping[str, Any]) -> FormatVersion | None:
    metadata = value.get("metadata")
    if not isinstance(metadata, Mapping):
        return None
    try:
        return structure_format_version(metadata.get("format_version"), None)
    except Problem:
        return None  # reported where metadata is structured


def unstructure_report(converter: cattrs.Converter, report: Report) -> dict[str, Any]:
    """The report as a plain tree, tables in their format's order."""
    out: dict[str, Any] = {
        "metadata": converter.unstructure(report.metadata),
        "intro": list(report.intro),
        "sections": [converter.unstructure(s) for s in report.sections],
        "proactive": unstructure_table(report.proactive),
        "applications": unstructure_table(report.applications),
        "review_litigation": unstructure_table(report.review_litigation),
    }
    if report.processing_fee is not None:
        out["processing_fee"] = converter.unstructure(report.processing_fee)
    return out
