"""Lists accepted where the model stores tuples: the one converter every such field uses.

An author writes ``Section(paragraphs=["……"])`` or ``ExtraRow(values=[4, 4, 16])`` as
readily as a tuple; the frozen model stores a tuple, so that a report stays immutable
and hashable. Only a list is converted: anything else reaches the field's validator as
it was given, which names what it expected.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

T = TypeVar("T")


def as_tuple(value: tuple[T, ...] | list[T]) -> tuple[T, ...]:
    """``value`` as a tuple if it is a list, else as it is (for the validator to judge)."""
    return tuple(value) if isinstance(value, list) else value


def strings(value: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """A tuple-of-strings field's converter (:func:`as_tuple`, typed for strings)."""
    return as_tuple(value)


def check_strings(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A tuple-of-strings field's validator."""
    if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{attribute.name} must be a tuple of strings")


__all__ = ["as_tuple", "check_strings", "strings"]
