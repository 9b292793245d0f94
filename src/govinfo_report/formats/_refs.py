"""Format declarations pickle by reference, so that values carrying them travel intact.

A report's tables hold their :class:`~govinfo_report.formats.TableSpec`, and the model
compares specs by identity (``table.spec is report.format.proactive``). Pickled by value,
a spec came back as a copy: the unpickled report failed its own validators on the first
:func:`attrs.evolve`, and each copy carried the whole format (a 2021 report pickled to
32 KB, against 13.7 KB of JSON). Every object a format declares is therefore registered
here under a path of ids (``("2021", "cell", "applications", "new_received.total")``)
and pickles as a call to :func:`lookup` with that path, which returns the very object
the receiving process declared. :mod:`copy` uses the same protocol, so a deep copy of a
report shares its specs too.

An object built by hand that no format declares keeps the default pickling (by value).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, SupportsIndex

from govinfo_report.errors import UnknownFormatError

if TYPE_CHECKING:
    from govinfo_report.formats._spec import FormatSpec

_PATHS: dict[int, tuple[str, ...]] = {}
"""``id(object)`` → its path. The registered objects live as long as the process (the
formats hold them), so an id is never reused by another object."""
_OBJECTS: dict[tuple[str, ...], object] = {}


def _add(path: tuple[str, ...], obj: object) -> None:
    # An object shared by both formats (a common row, Table 4) keeps its first path; the
    # lookup of that path returns the same object, which is all identity needs.
    _PATHS.setdefault(id(obj), path)
    _OBJECTS.setdefault(path, obj)


def register(spec: FormatSpec) -> None:
    """Register ``spec`` and every object it declares (sections, tables, groups, rows,
    columns, cells) so that they pickle by reference."""
    version = spec.version.value
    _add((version,), spec)
    for section in spec.sections:
        _add((version, "section", section.id), section)
    for table in spec.tables:
        _add((version, "table", table.id), table)
        for group in table.groups:
            _add((version, "group", table.id, group.id), group)
            for row in group.rows:
                _add((version, "row", table.id, row.id), row)
            for column in group.columns:
                _add((version, "column", table.id, group.id, column.id), column)
        for cell in table.cells:
            _add((version, "cell", table.id, cell.id), cell)


def lookup(*path: str) -> object:
    """The declared object at ``path``: what an unpickled reference resolves to.

    Raises:
        UnknownFormatError: this version of the library declares nothing at ``path``
            (the pickle came from a version with other formats).
    """
    try:
        return _OBJECTS[path]
    except KeyError:
        raise UnknownFormatError(
            f"no format declaration at {'/'.join(path)}; the pickle was made by a "
            "govinfo-report whose formats differ from this one",
            zh=f"{'/'.join(path)} 处没有格式声明；这个 pickle 由格式与本版本不同的 "
            "govinfo-report 生成",
        ) from None


class ByReference:
    """Base of the declaration classes: pickles (and copies) as a reference to the
    declared object, or by value if no format declares it."""

    __slots__ = ()

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        path = _PATHS.get(id(self))
        if path is None or _OBJECTS.get(path) is not self:
            return object.__reduce_ex__(self, protocol)
        return (lookup, path)
