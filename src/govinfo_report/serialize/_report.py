"""The report as a whole: its keys, its sections (with a fast path) and its tables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.model import Report, Section, Subsection
from govinfo_report.serialize._problems import Problem, got, note
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
        if name == "sections":
            fast = _structure_sections_fast(value[name])
            if fast is not None:
                fields[name] = fast
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
        errors.append(ForbiddenExtraKeysError("", Report, unknown))
    if errors:
        raise ClassValidationError("invalid report", errors, Report)
    try:
        return Report(**fields)
    except (TypeError, ValueError) as exc:  # cross-field shape, e.g. a mismatched table
        raise ClassValidationError("invalid report", [Problem(str(exc))], Report) from None


_SECTION_KEYS = frozenset(("id", "heading", "paragraphs", "subsections"))
_SUBSECTION_KEYS = frozenset(("heading", "paragraphs", "run_in"))


def _strings(value: Any) -> tuple[str, ...] | None:
    if type(value) is not list or not all(type(v) is str for v in value):
        return None
    return tuple(value)


def _structure_sections_fast(value: Any) -> tuple[Section, ...] | None:
    """The sections when every one is well-formed, else ``None`` for cattrs' detailed path.

    Same reason as :func:`_structure_table_fast`: the generic path is a fifth of a load.
    """
    if type(value) is not list:
        return None
    sections: list[Section] = []
    for item in value:
        if type(item) is not dict or not item.keys() <= _SECTION_KEYS:
            return None
        section_id, heading = item.get("id"), item.get("heading")
        paragraphs = _strings(item.get("paragraphs", []))
        raw_subsections = item.get("subsections", [])
        if type(section_id) is not str or type(heading) is not str or paragraphs is None:
            return None
        if type(raw_subsections) is not list:
            return None
        subsections: list[Subsection] = []
        for sub in raw_subsections:
            if type(sub) is not dict or not sub.keys() <= _SUBSECTION_KEYS:
                return None
            sub_heading, run_in = sub.get("heading"), sub.get("run_in", False)
            sub_paragraphs = _strings(sub.get("paragraphs", []))
            if type(sub_heading) is not str or type(run_in) is not bool or sub_paragraphs is None:
                return None
            subsections.append(
                Subsection(heading=sub_heading, paragraphs=sub_paragraphs, run_in=run_in)
            )
        sections.append(
            Section(
                id=section_id,
                heading=heading,
                paragraphs=paragraphs,
                subsections=tuple(subsections),
            )
        )
    return tuple(sections)


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
