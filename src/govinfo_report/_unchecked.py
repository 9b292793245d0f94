"""Instances of the model's frozen classes built without running their validators.

The loader's fast path (:mod:`govinfo_report.serialize._fast`) checks the exact type of
every value as it goes (``type(x) is str``, a row's cells all ``int``): stricter than
the validators, which would then check every value of a report a second time, a third
of a load. :func:`builder` gives, per class, a constructor that only sets the fields, as
the class's own ``__init__`` does once its validators have passed.

Only a caller that has itself checked everything the class's validators check may use
one; everywhere else the validators are the model's guarantee. A test builds every
class both ways from the same values and compares them.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

T = TypeVar("T")


def builder(cls: type[T]) -> Callable[..., T]:
    """``build(*values)``: an instance of ``cls`` with its fields set to ``values``, in
    field order (every field given; no default, converter or validator applied).

    A slotted class's fields are set through their slot descriptors (a third faster
    than ``object.__setattr__``, which the class's own ``__init__`` uses)."""
    if not attrs.has(cls) or getattr(cls, "__attrs_post_init__", None) is not None:
        raise TypeError(f"{cls.__name__} is not a plain attrs class")
    names = [field.name for field in attrs.fields(cls)]
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    lines = []
    for i, name in enumerate(names):
        slot = getattr(cls, name, None)
        if isinstance(slot, types.MemberDescriptorType):
            scope[f"_set{i}"] = slot.__set__
            lines.append(f"    _set{i}(self, v{i})\n")
        else:
            scope["_setattr"] = object.__setattr__
            lines.append(f"    _setattr(self, {name!r}, v{i})\n")
    arguments = ", ".join(f"v{i}" for i in range(len(names)))
    code = f"def build({arguments}):\n    self = _new(_cls)\n{''.join(lines)}    return self\n"
    exec(compile(code, f"<unchecked builder of {cls.__name__}>", "exec"), scope)
    build: Callable[..., T] = scope["build"]
    build.__doc__ = f"A {cls.__name__} from its fields' values, in order, unchecked."
    return build


__all__ = ["builder"]
