"""The scalar hooks: strict, so that ``"12"`` never silently becomes 12."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
from cattrs.errors import IterableValidationError

from govinfo_report.errors import AmountRangeError, ReportValueError
from govinfo_report.formats import FormatVersion
from govinfo_report.model import AgencyKind
from govinfo_report.model.cells import check_amount
from govinfo_report.model.report import check_year
from govinfo_report.serialize._problems import Problem, got


def structure_str(value: Any, _: Any) -> str:
    """A string, never a number made one."""
    if not isinstance(value, str):
        raise Problem(f"expected a string, {got(value)}")
    return value


def structure_int(value: Any, _: Any) -> int:
    """A whole number, never a bool or a numeric string."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise Problem(f"expected a whole number, {got(value)}")
    return value


def structure_year(value: Any, _: Any) -> int:
    """A whole number that can be a report's year (1–9998)."""
    try:
        return check_year(structure_int(value, int))
    except ReportValueError as exc:
        raise Problem(str(exc)) from None


def structure_bool(value: Any, _: Any) -> bool:
    """``true`` or ``false`` only."""
    if not isinstance(value, bool):
        raise Problem(f"expected true or false, {got(value)}")
    return value


def structure_date(value: Any, _: Any) -> dt.date:
    """A date, from a YAML/TOML date or a ``YYYY-MM-DD`` string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Problem(f"expected a date YYYY-MM-DD, {got(value)}")


def decimal(value: Any) -> Decimal:
    """An exact amount from a number or a string, within the bounds of an amount.

    Raises:
        Problem: not a finite number, or more digits than an amount can have.
    """
    if isinstance(value, bool):
        raise Problem(f"expected a decimal number, {got(value)}")
    try:
        # str() of a float is its shortest repr: 7730.28 stays 7730.28.
        number = Decimal(str(value)) if isinstance(value, int | float | str | Decimal) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise Problem(f"expected a decimal number, {got(value)}")
    try:
        return check_amount(number)
    except AmountRangeError as exc:  # 1e999999999 is short to write, a billion digits long
        raise Problem(str(exc)) from None


def structure_decimal(value: Any, _: Any) -> Decimal:
    """An exact amount (see :func:`decimal`)."""
    return decimal(value)


def structure_format_version(value: Any, _: Any) -> FormatVersion:
    """The format version named by ``value`` (``"2021"`` or ``2021``)."""
    try:
        return FormatVersion(str(value)) if isinstance(value, str | int) else FormatVersion(None)
    except ValueError:
        expected = ", ".join(repr(v.value) for v in FormatVersion)
        raise Problem(f"expected a format version ({expected}), {got(value)}") from None


KIND_BY_NAME = {k.value: k for k in AgencyKind} | {k.label: k for k in AgencyKind}
"""Every agency kind by its value (``department``) and by its Chinese label."""


def structure_agency_kind(value: Any, _: Any = None) -> AgencyKind:
    """The agency kind named by ``value``: its value (``"department"``) or its label.

    The structure hook for :class:`~govinfo_report.model.AgencyKind`, shared with the
    embedded data of our own documents.

    Raises:
        Problem: ``value`` names no agency kind; the message lists the kinds.
    """
    if isinstance(value, str) and value in KIND_BY_NAME:
        return KIND_BY_NAME[value]
    expected = ", ".join(repr(k.value) for k in AgencyKind)
    raise Problem(f"expected an agency kind ({expected}), {got(value)}")


def structure_str_tuple(value: Any, _: Any) -> tuple[str, ...]:
    """A list of strings, every item that is not one reported with its index."""
    if not isinstance(value, list | tuple):
        raise Problem(f"expected a list of strings, {got(value)}")
    errors: list[Exception] = []
    for i, item in enumerate(value):
        if not isinstance(item, str):
            exc = Problem(f"expected a string, {got(item)}")
            exc.__notes__ = [cattrs.errors.IterableValidationNote(f"@ index {i}", i, str)]
            errors.append(exc)
    if errors:
        raise IterableValidationError("invalid list", errors, tuple)
    return tuple(value)
