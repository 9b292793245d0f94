"""Lists accepted where the model stores tuples: the one converter every such field uses.

An author writes ``Section(paragraphs=["……"])`` or ``ExtraRow(values=[4, 4, 16])`` as
readily as a tuple; the frozen model stores a tuple, so that a report stays immutable
and hashable. Only a list is converted: anything else reaches the field's validator as
it was given, which names what it expected.
"""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def as_tuple(value: tuple[T, ...] | list[T]) -> tuple[T, ...]:
    """``value`` as a tuple if it is a list, else as it is (for the validator to judge)."""
    return tuple(value) if isinstance(value, list) else value


__all__ = ["as_tuple"]
