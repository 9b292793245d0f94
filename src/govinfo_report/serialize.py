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
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs
import cattrs
import tomli_w
import yaml
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from govinfo_report import _parse
from govinfo_report._input import read_file
from govinfo_report._parse import Syntax
from govinfo_report.errors import (
    AmountRangeError,
    GovinfoReportError,
    ReportLoadError,
    ReportValueError,
    UnknownFormatError,
)
from govinfo_report.formats import (
    TABLE_IDS,
    CellKind,
    CellSpec,
    FormatVersion,
    TableSpec,
    get_format,
)
from govinfo_report.model import (
    BLANK,
    NOT_APPLICABLE,
    AgencyKind,
    CellValue,
    Empty,
    ExtraRow,
    Money,
    Report,
    Section,
    Subsection,
    Table,
)
from govinfo_report.model.cells import check_amount
from govinfo_report.model.report import Metadata, check_year

SYNTAXES: tuple[Syntax, ...] = ("json", "yaml", "toml")
_SUFFIXES: dict[str, Syntax] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}

MAX_INPUT_BYTES = 16 * 1024 * 1024
"""Interchange files larger than this are refused before parsing (a report is ~20 kB)."""


class Problem(ValueError):
    """One problem in an input tree; its message is shown as is, before ``@ path``."""


def _format_exception(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, Problem):
        return str(exc)
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown key(s) {', '.join(repr(k) for k in sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required key missing"
    return cattrs.v.format_exception(exc, type_)


def _got(value: Any) -> str:
    if isinstance(value, Decimal | float) and not isinstance(value, bool):
        # JSON and TOML decimals arrive as Decimal (exact); a reader knows them as numbers.
        return f"got number {value}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"got {type(value).__name__} {text}"


# --- scalar hooks: strict, so that "12" never silently becomes 12 -------------------


def _structure_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise Problem(f"expected a string, {_got(value)}")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Problem(f"expected a whole number, {_got(value)}")
    return value


def _structure_year(value: Any, _: Any) -> int:
    try:
        return check_year(_structure_int(value, int))
    except ReportValueError as exc:
        raise Problem(str(exc)) from None


def _structure_bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise Problem(f"expected true or false, {_got(value)}")
    return value


def _structure_date(value: Any, _: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Problem(f"expected a date YYYY-MM-DD, {_got(value)}")


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise Problem(f"expected a decimal number, {_got(value)}")
    try:
        # str() of a float is its shortest repr: 7730.28 stays 7730.28.
        number = Decimal(str(value)) if isinstance(value, int | float | str | Decimal) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise Problem(f"expected a decimal number, {_got(value)}")
    try:
        return check_amount(number)
    except AmountRangeError as exc:  # 1e999999999 is short to write, a billion digits long
        raise Problem(str(exc)) from None


def _structure_decimal(value: Any, _: Any) -> Decimal:
    return _decimal(value)


def _structure_format_version(value: Any, _: Any) -> FormatVersion:
    try:
        return FormatVersion(str(value)) if isinstance(value, str | int) else FormatVersion(None)
    except ValueError:
        expected = ", ".join(repr(v.value) for v in FormatVersion)
        raise Problem(f"expected a format version ({expected}), {_got(value)}") from None


_KIND_BY_NAME = {k.value: k for k in AgencyKind} | {k.label: k for k in AgencyKind}


def structure_agency_kind(value: Any, _: Any = None) -> AgencyKind:
    """The agency kind named by ``value``: its value (``"department"``) or its label.

    The structure hook for :class:`~govinfo_report.model.AgencyKind`, shared with the
    embedded data of our own documents.

    Raises:
        Problem: ``value`` names no agency kind; the message lists the kinds.
    """
    if isinstance(value, str) and value in _KIND_BY_NAME:
        return _KIND_BY_NAME[value]
    expected = ", ".join(repr(k.value) for k in AgencyKind)
    raise Problem(f"expected an agency kind ({expected}), {_got(value)}")


def _structure_str_tuple(value: Any, _: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise Problem(f"expected a list of strings, {_got(value)}")
    errors: list[Exception] = []
    for i, item in enumerate(value):
        if not isinstance(item, str):
            exc = Problem(f"expected a string, {_got(item)}")
            exc.__notes__ = [cattrs.errors.IterableValidationNote(f"@ index {i}", i, str)]
            errors.append(exc)
    if errors:
        raise IterableValidationError("invalid list", errors, tuple)
    return tuple(value)


# --- cells and tables ---------------------------------------------------------------


def structure_cell(spec: CellSpec, value: Any) -> CellValue:
    """One cell from plain data, as its kind requires.

    Raises:
        Problem: the value does not fit the cell.
    """
    if value is None or value == "":
        return BLANK
    if value == "/":
        return NOT_APPLICABLE
    if spec.kind is CellKind.MONEY:
        if isinstance(value, str):
            try:
                return Money.parse(value)
            except AmountRangeError as exc:
                raise Problem(str(exc)) from None
            except ValueError:
                pass
        elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return Money(_decimal(value))
        raise Problem(f"expected an amount ('7730.28' or '251000元'), '' or '/', {_got(value)}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise Problem(f"expected a count (whole number), '' or '/', {_got(value)}")
    return value


def unstructure_cell(value: CellValue) -> int | str:
    """One cell as plain data: int, money string, ``""`` or ``"/"``."""
    if isinstance(value, Empty):
        return value.value
    if isinstance(value, Money):
        # Fixed-point digits: str(Decimal) may say "1E+20" or "0E-7", which no cell holds.
        return f"{value.amount:f}{value.unit or ''}"
    return value


def _note(exc: Exception, name: str) -> Exception:
    exc.__notes__ = [*getattr(exc, "__notes__", []), AttributeValidationNote(name, name, Any)]
    return exc


def _structure_extra_rows(value: Any, spec: TableSpec) -> tuple[ExtraRow, ...]:
    if not isinstance(value, list | tuple):
        raise Problem(f"expected a list of rows, {_got(value)}")
    rows: list[ExtraRow] = []
    errors: list[Exception] = []
    row_ids = {r.id for r in spec.rows}
    for i, item in enumerate(value):
        problems: list[Exception] = []
        if not isinstance(item, Mapping):
            problems.append(Problem(f"expected a mapping, {_got(item)}"))
        else:
            extra = set(item) - {"label", "values", "after"}
            if extra:
                problems.append(ForbiddenExtraKeysError("", ExtraRow, extra))
            label = item.get("label")
            if not isinstance(label, str):
                problems.append(_note(Problem(f"expected a string, {_got(label)}"), "label"))
            after = item.get("after")
            if after is not None and after not in row_ids:
                problems.append(
                    _note(Problem(f"expected a row id of {spec.id}, {_got(after)}"), "after")
                )
            raw_values = item.get("values", [])
            values: list[CellValue] = []
            if not isinstance(raw_values, list | tuple):
                problems.append(_note(Problem(f"expected a list, {_got(raw_values)}"), "values"))
            else:
                for v in raw_values:
                    if v is None or v == "":
                        values.append(BLANK)
                    elif v == "/":
                        values.append(NOT_APPLICABLE)
                    elif isinstance(v, int) and not isinstance(v, bool):
                        values.append(v)
                    elif isinstance(v, str | float | Decimal):
                        try:
                            values.append(Money.parse(str(v)))
                        except ValueError:
                            problems.append(
                                _note(Problem(f"expected a number, '' or '/', {_got(v)}"), "values")
                            )
                    else:
                        problems.append(
                            _note(Problem(f"expected a number, '' or '/', {_got(v)}"), "values")
                        )
            if not problems and isinstance(label, str):
                rows.append(ExtraRow(label=label, values=tuple(values), after=after))
        if problems:
            exc = ClassValidationError(f"extra row {i}", problems, ExtraRow)
            exc.__notes__ = [cattrs.errors.IterableValidationNote(f"@ index {i}", i, ExtraRow)]
            errors.append(exc)
    if errors:
        raise IterableValidationError("invalid extra rows", errors, tuple)
    return tuple(rows)


def structure_table(value: Any, spec: TableSpec) -> Table:
    """A table of ``spec`` from ``{row_id: {column_id: value}}`` (and ``extra_rows``).

    Raises:
        Problem: ``value`` is not a mapping.
        ClassValidationError: every missing, unknown or ill-typed cell, with notes.
    """
    if not isinstance(value, Mapping):
        raise Problem(f"expected a mapping of rows, {_got(value)}")
    fast = _structure_table_fast(value, spec)
    if fast is not None:
        return fast
    values: list[CellValue] = []
    errors: list[Exception] = []
    for group in spec.groups:
        for row in group.rows:
            raw = value.get(row.id)
            if not isinstance(raw, Mapping):
                errors.append(
                    _note(
                        KeyError(row.id)
                        if raw is None and row.id not in value
                        else Problem(f"expected a mapping of columns, {_got(raw)}"),
                        row.id,
                    )
                )
                values.extend(BLANK for _ in group.columns)
                continue
            row_errors: list[Exception] = []
            for column in group.columns:
                cell = spec.cells[spec.index[f"{row.id}.{column.id}"]]
                if column.id not in raw:
                    row_errors.append(_note(KeyError(column.id), column.id))
                    values.append(BLANK)
                    continue
                try:
                    values.append(structure_cell(cell, raw[column.id]))
                except Problem as exc:
                    row_errors.append(_note(exc, column.id))
                    values.append(BLANK)
            extra = set(raw) - {c.id for c in group.columns}
            if extra:
                row_errors.append(ForbiddenExtraKeysError("", Table, extra))
            if row_errors:
                errors.append(_note(ClassValidationError(row.id, row_errors, Table), row.id))
    extra_rows: tuple[ExtraRow, ...] = ()
    if "extra_rows" in value:
        try:
            extra_rows = _structure_extra_rows(value["extra_rows"], spec)
        except (Problem, IterableValidationError) as exc:
            errors.append(_note(exc, "extra_rows"))
    unknown = set(value) - {r.id for r in spec.rows} - {"extra_rows"}
    if unknown:
        errors.append(ForbiddenExtraKeysError("", Table, unknown))
    if errors:
        raise ClassValidationError(spec.id, errors, Table)
    return Table(spec=spec, values=tuple(values), extra_rows=extra_rows)


_MISSING = object()
_PLANS: dict[int, tuple[TableSpec, tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]]] = {}


def _plan(spec: TableSpec) -> tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]:
    """Per row: its id and its columns as (id, holds money), computed once per format."""
    cached = _PLANS.get(id(spec))
    if cached is None or cached[0] is not spec:
        plan = tuple(
            (row.id, tuple((c.id, c.kind is CellKind.MONEY) for c in group.columns))
            for group in spec.groups
            for row in group.rows
        )
        cached = _PLANS[id(spec)] = (spec, plan)
    return cached[1]


def _structure_table_fast(value: Mapping[str, Any], spec: TableSpec) -> Table | None:
    """The table when every cell is well-formed, else ``None`` for the detailed path.

    Loading a whole report must stay within ~200 µs; this loop is most of it. Anything
    unusual (a missing or extra key, an odd value) falls back to
    :func:`structure_table`'s detailed path, which reports every problem.
    """
    plan = _plan(spec)
    if len(value) != len(plan) + ("extra_rows" in value):
        return None
    values: list[CellValue] = []
    append = values.append
    for row_id, columns in plan:
        raw = value.get(row_id)
        if type(raw) is not dict or len(raw) != len(columns):
            return None
        for column_id, money in columns:
            cell = raw.get(column_id, _MISSING)
            kind = type(cell)
            if kind is int and not money:
                append(cell)
            elif kind is str:
                if cell == "":
                    append(BLANK)
                elif cell == "/":
                    append(NOT_APPLICABLE)
                elif money:
                    try:
                        append(Money.parse(cell))
                    except ValueError:
                        return None
                else:
                    return None
            elif cell is None:
                append(BLANK)
            else:
                return None
    extra_rows: tuple[ExtraRow, ...] = ()
    if "extra_rows" in value:
        try:
            extra_rows = _structure_extra_rows(value["extra_rows"], spec)
        except (Problem, IterableValidationError):
            return None
    return Table(spec=spec, values=tuple(values), extra_rows=extra_rows)


def unstructure_table(table: Table) -> dict[str, Any]:
    """``{row_id: {column_id: value}}`` in document order, then ``extra_rows`` if any."""
    out: dict[str, Any] = {}
    it = iter(table.values)
    for group in table.spec.groups:
        for row in group.rows:
            out[row.id] = {c.id: unstructure_cell(next(it)) for c in group.columns}
    if table.extra_rows:
        out["extra_rows"] = [
            _drop_none(
                {
                    "label": r.label,
                    "values": [unstructure_cell(v) for v in r.values],
                    "after": r.after,
                }
            )
            for r in table.extra_rows
        ]
    return out


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


# --- the report ----------------------------------------------------------------------

_REPORT_KEYS = (
    "metadata",
    "intro",
    "sections",
    "proactive",
    "applications",
    "review_litigation",
    "processing_fee",
)


def _structure_report(converter: cattrs.Converter, value: Any) -> Report:
    if not isinstance(value, Mapping):
        raise Problem(f"expected a mapping with a report's keys, {_got(value)}")
    errors: list[Exception] = []
    fields: dict[str, Any] = {}
    report_fields = attrs.fields_dict(Report)
    for name in ("metadata", "intro", "sections", "processing_fee"):
        if name not in value:
            if report_fields[name].default is attrs.NOTHING:
                errors.append(_note(KeyError(name), name))
            continue
        if name == "sections":
            fast = _structure_sections_fast(value[name])
            if fast is not None:
                fields[name] = fast
                continue
        try:
            fields[name] = converter.structure(value[name], report_fields[name].type)  # type: ignore[arg-type]
        except Exception as exc:  # cattrs raises a mix; every one is reported
            errors.append(_note(exc, name))
    version = _peek_version(value)
    if version is not None:
        spec = get_format(version)
        for table in spec.tables:
            if table.id not in value:
                errors.append(_note(KeyError(table.id), table.id))
                continue
            try:
                fields[table.id] = structure_table(value[table.id], table)
            except (Problem, ClassValidationError) as exc:
                errors.append(_note(exc, table.id))
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
        return _structure_format_version(metadata.get("format_version"), None)
    except Problem:
        return None  # reported where metadata is structured


def _unstructure_report(converter: cattrs.Converter, report: Report) -> dict[str, Any]:
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


def configure_converter(converter: cattrs.Converter) -> None:
    """Register every hook the report model needs on ``converter``."""
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(FormatVersion, _structure_format_version)
    converter.register_structure_hook(AgencyKind, structure_agency_kind)
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _structure_str_tuple)
    converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    converter.register_unstructure_hook(Decimal, lambda d: f"{d:f}")
    converter.register_unstructure_hook(FormatVersion, lambda v: v.value)
    converter.register_unstructure_hook(AgencyKind, lambda v: v.value)
    converter.register_structure_hook(Report, lambda v, _: _structure_report(converter, v))
    converter.register_unstructure_hook(Report, lambda r: _unstructure_report(converter, r))
    converter.register_unstructure_hook(Table, unstructure_table)


def make_converter() -> cattrs.Converter:
    """A converter for the interchange format: strict, detailed errors, no None in output."""
    converter = cattrs.Converter(
        forbid_extra_keys=True, detailed_validation=True, omit_if_default=False
    )
    configure_converter(converter)
    # Drop None-valued fields so that JSON, YAML and TOML share one tree.
    for cls in _classes_with_optional_fields():
        base: Callable[[Any], dict[str, Any]] = cattrs.gen.make_dict_unstructure_fn(cls, converter)
        converter.register_unstructure_hook(cls, _dropping_none(base))
        structure = converter.get_structure_hook(cls)
        if cls is Metadata:  # the year's range, checked where the problem keeps its path
            year = cattrs.gen.override(struct_hook=_structure_year)
            structure = cattrs.gen.make_dict_structure_fn(cls, converter, year=year)
        # cattrs' own message for a non-mapping is "'list' object has no attribute 'keys'".
        converter.register_structure_hook(cls, _mapping_only(structure))
        records = tuple[cls, ...]  # type: ignore[valid-type]
        converter.register_structure_hook_func(
            _is_type(records), _list_only(converter.get_structure_hook(records))
        )
    return converter


def _is_type(expected: Any) -> Callable[[Any], bool]:
    def predicate(type_: Any) -> bool:
        return bool(type_ == expected)

    return predicate


def _mapping_only(fn: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, Mapping):
            raise Problem(f"expected a mapping, {_got(value)}")
        return fn(value, type_)

    return structure


def _list_only(fn: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    # Without this a string or a mapping would be iterated item by item.
    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise Problem(f"expected a list, {_got(value)}")
        return fn(value, type_)

    return structure


def _classes_with_optional_fields() -> tuple[type, ...]:
    from govinfo_report.model import Contact, Metadata, ProcessingFee, Section, Subsection

    # Leaves first: a generated function captures the hooks of its fields when made.
    return (Contact, ProcessingFee, Subsection, Section, Metadata)


def _dropping_none(fn: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    def unstructure(obj: Any) -> dict[str, Any]:
        return _drop_none(fn(obj))

    return unstructure


CONVERTER = make_converter()


# --- syntaxes ------------------------------------------------------------------------


def to_data(report: Report) -> dict[str, Any]:
    """The report as a plain tree of dicts, lists, strings and ints."""
    data: dict[str, Any] = CONVERTER.unstructure(report, Report)
    return data


def from_data(data: Any, *, source: str = "<data>") -> Report:
    """A report from a plain tree.

    Raises:
        ReportLoadError: listing every problem with its path.
    """
    try:
        report: Report = CONVERTER.structure(data, Report)
    except (ClassValidationError, IterableValidationError) as exc:
        raise ReportLoadError(source, _problems(exc)) from None
    except Problem as exc:
        raise ReportLoadError(source, [f"{exc} @ $"]) from None
    return report


def _problems(exc: BaseException) -> list[str]:
    return cattrs.transform_error(exc, "$", _format_exception)


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


def syntax_for(path: str | Path) -> Syntax:
    """The syntax a file name implies (``.json``, ``.yaml``/``.yml``, ``.toml``).

    Raises:
        UnknownFormatError: any other suffix.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise UnknownFormatError(
            f"cannot tell the syntax of {str(path)!r} from its suffix {suffix!r}; "
            "expected .json, .yaml, .yml or .toml"
        )
    return _SUFFIXES[suffix]


def decode(raw: bytes, *, source: str = "<bytes>") -> str:
    """An interchange file's bytes as text: UTF-8 (a BOM is allowed), size-capped.

    Raises:
        ReportLoadError: larger than :data:`MAX_INPUT_BYTES` or not UTF-8.
    """
    if len(raw) > MAX_INPUT_BYTES:
        raise ReportLoadError(source, [f"file is larger than {MAX_INPUT_BYTES} bytes"])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportLoadError(
            source, [f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start}"]
        ) from None


def read_text(path: str | Path) -> str:
    """A file's text, decoded as UTF-8 (a BOM is allowed), with clear errors.

    Raises:
        ReportLoadError: unreadable, not a regular file (a FIFO would block), too large
            or not UTF-8.
    """
    try:
        raw = read_file(Path(path), MAX_INPUT_BYTES)
    except OSError as exc:
        raise ReportLoadError(str(path), [f"cannot read the file: {exc.strerror or exc}"]) from None
    return decode(raw, source=str(path))


def load(path: str | Path, syntax: Syntax | None = None) -> Report:
    """A report from a JSON, YAML or TOML file (syntax from the suffix unless given).

    Raises:
        ReportLoadError: listing every problem with its path.
        UnknownFormatError: the syntax cannot be told from the suffix.
    """
    return loads(read_text(path), syntax or syntax_for(path), source=str(path))


def dump(
    report: Report, path: str | Path, syntax: Syntax | None = None, *, force: bool = False
) -> None:
    """Write the report to ``path`` (syntax from the suffix unless given).

    Written as :func:`govinfo_report.writers.write_report` writes: atomically, keeping an
    existing file's mode and owner, following a symbolic link, in place to a device or
    FIFO, never replacing anything that is not a regular file.

    Args:
        report: the report.
        path: the destination.
        syntax: ``json``, ``yaml`` or ``toml`` (default: from the suffix).
        force: replace ``path`` even if it is a read-only file.

    Raises:
        ReportWriteError: ``path`` is refused (a folder, a socket, a dangling symbolic
            link, a read-only file without ``force``, ...) or could not be written.
        UnknownFormatError: the syntax cannot be told from the suffix.
    """
    from govinfo_report._io import write_output

    text = dumps(report, syntax or syntax_for(path))
    write_output(path, text.encode("utf-8"), force=force)


__all__ = [
    "CONVERTER",
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
    "structure_cell",
    "structure_table",
    "syntax_for",
    "to_data",
    "unstructure_cell",
    "unstructure_table",
]
