"""The text a report holds: the characters no output can store, and every text field.

A report read from a published document can hold characters that a Word file (XML 1.0)
or Markdown cannot store: control characters other than tab, line feed and carriage
return, DEL and the C1 controls, lone surrogates (not encodable as UTF-8) and the
non-characters U+FFFE and U+FFFF. They are declared here once: every writer refuses them
all, the checks report them (CH.1) before a writer has to. The model itself holds them,
as it holds everything a report printed.

:func:`text_fields` finds every string of a report from the attrs declarations and the
type hints of the model classes, so a text field added to the model is covered without
being listed anywhere.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from govinfo_report.formats import CellKind, TableSpec
from govinfo_report.model.cells import Money
from govinfo_report.model.report import Report
from govinfo_report.model.table import Table

UNSTORABLE_CHARACTERS: Final = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
"""The characters no output can store, as the inside of a regular-expression character
class (for a writer that folds them into a larger class)."""

UNSTORABLE: Final = re.compile(f"[{UNSTORABLE_CHARACTERS}]")
"""Matches one character no output can store."""

TextField = tuple[str, str]
"""``(path, text)``: where a string sits in the report (``sections[2].paragraphs[0]``)
and the string."""


def texts(report: Report) -> list[str]:
    """Every string ``report`` holds, in declaration order (see :func:`text_fields`)."""
    return _collector(with_paths=False)(report)


def text_fields(report: Report) -> list[TextField]:
    """Every string ``report`` holds, with its path, in declaration order.

    Paths are those of the findings: ``metadata.agency``, ``intro[0]``,
    ``sections[0].subsections[1].paragraphs[2]``,
    ``sections[4].subsections[0].subsections[1].heading``, ``proactive.extra_rows[0].label``. A
    money cell's unit ("251000元") is text too, at the cell's path
    (``proactive.fees.amount``, ``proactive.extra_rows[0].values[1]``).
    """
    return _collector(with_paths=True)(report)


# --- the walk, written out from the declarations --------------------------------------
# The checks look at every string of every report they are given, so the walk is written
# out as one Python function per mode, compiled once (as attrs does for __init__): a
# statement per field, a loop per tuple, none of the calls a generic walk makes per
# value. It is generated from the attrs fields and the type hints of the model classes.

_MONEY_CELLS: dict[int, tuple[TableSpec, tuple[tuple[int, str], ...]]] = {}


def _money_cells(spec: TableSpec) -> tuple[tuple[int, str], ...]:
    """(index, cell id) of the money cells of ``spec``: the only cells that hold text."""
    # By identity: the specs are the formats' singletons, and hashing one hashes every cell.
    entry = _MONEY_CELLS.get(id(spec))
    if entry is None or entry[0] is not spec:
        cells = tuple((c.index, c.id) for c in spec.cells if c.kind is CellKind.MONEY)
        entry = _MONEY_CELLS[id(spec)] = (spec, cells)
    return entry[1]


def _is_model(hint: Any) -> bool:
    # Only the model's own classes: a format declaration (TableSpec) is not report text.
    return (
        isinstance(hint, type)
        and attrs.has(hint)
        and hint.__module__.startswith("govinfo_report.model.")
    )


def _members(hint: Any) -> tuple[Any, ...]:
    """The types of a union other than None, or ``()`` if ``hint`` is no union."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return tuple(a for a in typing.get_args(hint) if a is not type(None))
    return ()


def _item(hint: Any) -> Any:
    """The item type of ``tuple[X, ...]``, or ``None``."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


@functools.cache
def _holds_text(hint: Any) -> bool:
    if hint is str or hint is Money:
        return True
    if _is_model(hint):
        hints = typing.get_type_hints(hint)
        return any(
            (hint, f.name) in _FIELD_EMITTERS or _holds_text(hints[f.name])
            for f in attrs.fields(hint)
        )
    item = _item(hint)
    if item is not None:
        return _holds_text(item)
    if typing.get_origin(hint) not in (None, typing.Union, types.UnionType):
        # A list, a dict, a fixed-length tuple: the walk would miss the text in it.
        raise TypeError(f"cannot walk a model field of type {hint!r}; use tuple[X, ...]")
    return any(_holds_text(m) for m in _members(hint))


class _Emitter:
    """Writes the walk's source: ``out.append(...)`` for each string at its path.

    A path is the inside of an f-string (``sections[{i3}].heading``); without paths the
    strings alone are collected.
    """

    def __init__(self, *, with_paths: bool) -> None:
        self.with_paths = with_paths
        self.lines = ["def collect(report):", "    out = []"]
        self.namespace: dict[str, Any] = {"Money": Money, "_money_cells": _money_cells}
        self._count = 0
        self._open: list[type] = []

    def var(self, stem: str) -> str:
        self._count += 1
        return f"{stem}{self._count}"

    def line(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)

    def out(self, indent: int, path: str, expr: str) -> None:
        self.line(
            indent, f"out.append((f{path!r}, {expr}))" if self.with_paths else f"out.append({expr})"
        )

    def emit(self, hint: Any, expr: str, path: str, indent: int) -> None:
        """Collect the strings of ``expr``, a value of type ``hint`` at ``path``."""
        if not _holds_text(hint):
            return
        if hint is str:
            self.out(indent, path, expr)
        elif hint is Money:
            self.line(indent, f"if {expr}.unit is not None:")
            self.out(indent + 1, path, f"{expr}.unit")
        elif _is_model(hint):
            self.node(hint, expr, path, indent)
        elif (item := _item(hint)) is not None:
            if item is str and not self.with_paths:
                self.line(indent, f"out.extend({expr})")
                return
            i, v = self.var("i"), self.var("v")
            loop = f"{i}, {v} in enumerate({expr})" if self.with_paths else f"{v} in {expr}"
            self.line(indent, f"for {loop}:")
            self.emit(item, v, f"{path}[{{{i}}}]", indent + 1)
        else:
            members = _members(hint)
            v = expr
            if not expr.isidentifier():
                v = self.var("v")
                self.line(indent, f"{v} = {expr}")
            if len(members) == 1 and len(typing.get_args(hint)) == 2:  # X | None
                self.line(indent, f"if {v} is not None:")
                self.emit(members[0], v, path, indent + 1)
                return
            for member in members:  # a cell value: by the type it has
                if _holds_text(member):
                    name = self.var("T")
                    self.namespace[name] = member
                    self.line(indent, f"if type({v}) is {name}:")
                    self.emit(member, v, path, indent + 1)

    def node(self, cls: type, expr: str, path: str, indent: int) -> None:
        """Collect the strings of every field of ``expr``, an instance of ``cls``."""
        v = expr
        if not expr.isidentifier():
            v = self.var("v")
            self.line(indent, f"{v} = {expr}")
        hints = typing.get_type_hints(cls)
        # A class met inside itself (a level-3 Subsection) is walked without the field
        # that nests it: the model allows one level (its validator), and the walk is
        # written out, so it must end.
        inner = cls in self._open
        self._open.append(cls)
        for field in attrs.fields(cls):
            if inner and _item(hints[field.name]) is cls:
                continue
            at = f"{path}.{field.name}" if path else field.name
            special = _FIELD_EMITTERS.get((cls, field.name))
            if special is not None:
                special(self, f"{v}.{field.name}", v, path, indent)
            else:
                self.emit(hints[field.name], f"{v}.{field.name}", at, indent)
        self._open.pop()


def _table_values(em: _Emitter, values: str, table: str, path: str, indent: int) -> None:
    """A table's values: the units of its money cells, at the cells' paths."""
    i, cell_id, v = em.var("i"), em.var("c"), em.var("v")
    em.line(indent, f"for {i}, {cell_id} in _money_cells({table}.spec):")
    em.line(indent + 1, f"{v} = {values}[{i}]")
    em.line(indent + 1, f"if type({v}) is Money and {v}.unit is not None:")
    em.out(indent + 2, f"{path}.{{{cell_id}}}", f"{v}.unit")


_FIELD_EMITTERS: dict[tuple[type, str], Callable[[_Emitter, str, str, str, int], None]] = {
    (Table, "values"): _table_values
}
"""Fields whose walk the type hints do not give: ``(emitter, field expression, instance
expression, instance path, indent)``. A table's values are addressed by cell id, which
only the table's spec knows."""


@functools.cache
def _collector(*, with_paths: bool) -> Callable[[Report], list[Any]]:
    em = _Emitter(with_paths=with_paths)
    em.node(Report, "report", "", 1)
    em.line(1, "return out")
    kind = "text fields" if with_paths else "texts"
    exec(compile("\n".join(em.lines), f"<{kind} of a report>", "exec"), em.namespace)
    collect: Callable[[Report], list[Any]] = em.namespace["collect"]
    return collect
