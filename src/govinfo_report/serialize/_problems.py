"""Problems in an input tree: the exception, its message and its ``@ $.path``."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ForbiddenExtraKeysError


class Problem(ValueError):
    """One problem in an input tree; its message is shown as is, before ``@ path``."""


class UnknownKeys(ForbiddenExtraKeysError):
    """Keys a mapping may not hold, and the ones it may (for a "did you mean")."""

    def __init__(self, cl: type, extra: set[str], known: Iterable[str]) -> None:
        super().__init__("", cl, extra)
        self.known = tuple(known)


_CLOSE = 0.75
"""How alike (difflib's ratio) a key must be to a known one to be suggested: two letters
swapped in a short key (yaer) or one missed in a long id (new_recieved), not a key
that merely shares a few letters with one (fax, note, extra)."""


def _known(exc: ForbiddenExtraKeysError) -> tuple[str, ...]:
    if isinstance(exc, UnknownKeys):
        return exc.known
    return tuple(field.name for field in attrs.fields(exc.cl)) if attrs.has(exc.cl) else ()


def format_exception(exc: BaseException, type_: type | None) -> str:
    """The message of one leaf problem, before its ``@ path``."""
    if isinstance(exc, Problem):
        return str(exc)
    if isinstance(exc, ForbiddenExtraKeysError):
        unknown = sorted(exc.extra_fields)
        text = f"unknown key(s) {', '.join(repr(k) for k in unknown)}"
        known = _known(exc)
        meant = [
            (key, close[0])
            for key in unknown
            if isinstance(key, str)
            and (close := difflib.get_close_matches(key, known, n=1, cutoff=_CLOSE))
        ]
        if len(unknown) == 1 and meant:
            return f"{text} (did you mean {meant[0][1]!r}?)"
        if meant:
            said = ", ".join(f"{right!r} for {wrong!r}" for wrong, right in meant)
            return f"{text} (did you mean {said}?)"
        return text
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
