"""The cattrs converter of the interchange format, and the plain tree it makes and reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError, IterableValidationNote

from govinfo_report.errors import ReportLoadError
from govinfo_report.formats import FormatVersion
from govinfo_report.model import AgencyKind, Report, Table
from govinfo_report.model.report import Metadata, Subsection
from govinfo_report.serialize._problems import Problem, got, note, problems
from govinfo_report.serialize._report import structure_report, unstructure_report
from govinfo_report.serialize._scalars import (
    structure_agency_kind,
    structure_bool,
    structure_date,
    structure_decimal,
    structure_format_version,
    structure_int,
    structure_str,
    structure_str_tuple,
    structure_year,
)
from govinfo_report.serialize._tables import drop_none, unstructure_table


def configure_converter(converter: cattrs.Converter) -> None:
    """Register every hook the report model needs on ``converter``."""
    converter.register_structure_hook(str, structure_str)
    converter.register_structure_hook(int, structure_int)
    converter.register_structure_hook(bool, structure_bool)
    converter.register_structure_hook(dt.date, structure_date)
    converter.register_structure_hook(Decimal, structure_decimal)
    converter.register_structure_hook(FormatVersion, structure_format_version)
    converter.register_structure_hook(AgencyKind, structure_agency_kind)
    converter.register_structure_hook_func(lambda t: t == tuple[str, ...], structure_str_tuple)
    converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    converter.register_unstructure_hook(Decimal, lambda d: f"{d:f}")
    converter.register_unstructure_hook(FormatVersion, lambda v: v.value)
    converter.register_unstructure_hook(AgencyKind, lambda v: v.value)
    converter.register_structure_hook(Report, lambda v, _: structure_report(converter, v))
    converter.register_unstructure_hook(Report, lambda r: unstructure_report(converter, r))
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
        converter.register_unstructure_hook(
            cls, _dropping_none(base, _OMITTED_IF_EMPTY.get(cls.__name__, ()))
        )
        structure = converter.get_structure_hook(cls)
        if cls is Metadata:  # the year's range, checked where the problem keeps its path
            year = cattrs.gen.override(struct_hook=structure_year)
            structure = cattrs.gen.make_dict_structure_fn(cls, converter, year=year)
        if cls is Subsection:  # its level-3 headings: looked up when read, once registered
            nested = cattrs.gen.override(struct_hook=_structure_level3(converter))
            structure = cattrs.gen.make_dict_structure_fn(cls, converter, subsections=nested)
        # cattrs' own message for a non-mapping is "'list' object has no attribute 'keys'".
        converter.register_structure_hook(cls, _mapping_only(structure))
        records = tuple[cls, ...]  # type: ignore[valid-type]
        converter.register_structure_hook_func(
            _is_type(records), _list_only(converter.get_structure_hook(records))
        )
    return converter


def _structure_level3(converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    # A Subsection's hook is made before the list-only hook of its own records exists,
    # and would capture cattrs' default, which iterates a string letter by letter.
    # A level-3 heading with subsections of its own is refused here, where the problem
    # keeps its path, rather than by the model's validator ("invalid value").
    def structure(value: Any, _type: Any) -> Any:
        level3: tuple[Subsection, ...] = converter.structure(value, tuple[Subsection, ...])
        errors: list[Exception] = []
        for n, sub in enumerate(level3):
            if sub.subsections:
                problem = Problem(
                    "a level-3 heading (1.…) has no subsections; write level-4 headings "
                    "(（1）…) as paragraphs"
                )
                exc = ClassValidationError(
                    f"level-3 heading {n}", [note(problem, "subsections")], Subsection
                )
                exc.__notes__ = [IterableValidationNote(f"@ index {n}", n, Subsection)]
                errors.append(exc)
        if errors:
            raise IterableValidationError("invalid level-3 headings", errors, tuple)
        return level3

    return structure


def _is_type(expected: Any) -> Callable[[Any], bool]:
    def predicate(type_: Any) -> bool:
        return bool(type_ == expected)

    return predicate


def _mapping_only(fn: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, Mapping):
            raise Problem(f"expected a mapping, {got(value)}")
        return fn(value, type_)

    return structure


def _list_only(fn: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    # Without this a string or a mapping would be iterated item by item.
    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, list | tuple):
            raise Problem(f"expected a list, {got(value)}")
        return fn(value, type_)

    return structure


def _classes_with_optional_fields() -> tuple[type, ...]:
    from govinfo_report.model import Contact, Metadata, ProcessingFee, Section

    # Leaves first: a generated function captures the hooks of its fields when made.
    return (Contact, ProcessingFee, Subsection, Section, Metadata)


_OMITTED_IF_EMPTY: dict[str, tuple[str, ...]] = {
    "Section": ("closing",),
    "Subsection": ("subsections",),
}
"""Fields written only when they hold something: a field added after reports were
written, so that a report without it writes the same file as before."""


def _dropping_none(
    fn: Callable[[Any], dict[str, Any]], empty: tuple[str, ...] = ()
) -> Callable[[Any], dict[str, Any]]:
    def unstructure(obj: Any) -> dict[str, Any]:
        data = drop_none(fn(obj))
        for name in empty:
            if not data.get(name, True):
                del data[name]
        return data

    return unstructure


CONVERTER = make_converter()


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
        raise ReportLoadError(source, problems(exc)) from None
    except Problem as exc:
        raise ReportLoadError(source, [f"{exc} @ $"]) from None
    return report
