"""Problems in an input tree: the exception, its message and its ``@ $.path``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import cattrs
from cattrs.errors import AttributeValidationNote, ForbiddenExtraKeysError


class Problem(ValueError):
    """One problem in an input tree; its message is shown as is, before ``@ path``."""


def format_exception(exc: BaseException, type_: type | None) -> str:
    """The message of one leaf problem, before its ``@ path``."""
    if isinstance(exc, Problem):
        return str(exc)
    if isinstance(exc, ForbiddenExtraKeysError):
        return f"unknown key(s) {', '.join(repr(k) for k in sorted(exc.extra_fields))}"
    if isinstance(exc, KeyError):
        return "required key missing"
    return cattrs.v.format_exception(exc, type_)


def got(value: Any) -> str:
    """``got <type> <value>``, shortened: what came in, for a problem's message."""
    if isinstance(value, Decimal | float) and not isinstance(value, bool):
        # JSON and TOML decimals arrive as Decimal (exact); a reader knows them as numbers.
        return f"got number {value}"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"got {type(value).__name__} {text}"


def note(exc: Exception, name: str) -> Exception:
    """``exc`` with a note that it happened at key ``name`` (for cattrs' error paths)."""
    exc.__notes__ = [*getattr(exc, "__notes__", []), AttributeValidationNote(name, name, Any)]
    return exc


def problems(exc: BaseException) -> list[str]:
    """Every problem under ``exc`` as ``message @ $.path``."""
    return cattrs.transform_error(exc, "$", format_exception)
