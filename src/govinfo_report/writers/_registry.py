"""The writer registry: names → writer factories, built-ins plus entry-point plugins.

A writer is anything with ``name``, ``suffix``, ``binary`` and ``write(report, dest)``
(see :class:`Writer`). Built-in writers are imported lazily, so ``import govinfo_report``
does not pay for python-docx. Third-party writers register through the
``govinfo_report.writers`` entry-point group; the entry point names a class (or any
callable) that takes the writer's options as keyword arguments. An option the writer
does not take is refused with :class:`~govinfo_report.errors.UnknownOptionError`, which
names the options it has; the built-in writers' options are typed (``template`` for
docx, ``tables`` for markdown, ``findings`` for xlsx).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, Protocol, overload, runtime_checkable

from govinfo_report.errors import UnknownFormatError, UnknownOptionError
from govinfo_report.model import Report

if TYPE_CHECKING:
    from govinfo_report.writers.markdown import TableMode

ENTRY_POINT_GROUP = "govinfo_report.writers"


@runtime_checkable
class Writer(Protocol):
    """What the registry hands out: one output format.

    ``write`` always receives a binary stream, never a path; text writers encode UTF-8.
    ``write_report`` and the command line hand it an in-memory buffer and write the
    bytes to the destination themselves once the writer is done, so a writer need not
    care how a file is replaced safely, and a writer's error leaves the destination as
    it was. Output must be deterministic: the same report and options give the same
    bytes.
    """

    name: str
    """Registry name, e.g. ``"docx"``."""
    suffix: str
    """File suffix including the dot, e.g. ``".docx"``."""
    binary: bool
    """False for text formats that may be printed to a terminal."""

    def write(self, report: Report, dest: BinaryIO) -> None:
        """Write ``report`` to ``dest``."""


WriterFactory = Callable[..., Writer]

_BUILTINS: dict[str, str] = {
    "docx": "govinfo_report.writers.docx:DocxWriter",
    "markdown": "govinfo_report.writers.markdown:MarkdownWriter",
    "xlsx": "govinfo_report.writers.xlsx:XlsxWriter",
}
_registered: dict[str, WriterFactory] = {}


def register_writer(name: str, factory: WriterFactory) -> None:
    """Make ``factory`` (a Writer class or callable taking options) available as ``name``."""
    _registered[name] = factory


def _load(target: str) -> WriterFactory:
    module, _, attr = target.partition(":")
    factory: WriterFactory = getattr(importlib.import_module(module), attr)
    return factory


def _plugins() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_writers() -> list[str]:
    """Every writer name: built-ins, registered ones and installed plugins, sorted."""
    return sorted({*_BUILTINS, *_registered, *_plugins()})


def check_options(name: str, factory: WriterFactory, options: Mapping[str, Any]) -> None:
    """Refuse an option that ``factory`` does not take, naming the ones it does.

    A factory that takes ``**kwargs``, or whose signature cannot be read, decides itself.

    Raises:
        UnknownOptionError: ``options`` holds a keyword the factory has no parameter for.
    """
    if not options:
        return
    try:
        parameters = inspect.signature(factory).parameters.values()
    except (TypeError, ValueError):  # a callable without a readable signature
        return
    if any(p.kind is p.VAR_KEYWORD for p in parameters):
        return
    named = [p.name for p in parameters if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    for option in options:
        if option not in named:
            raise UnknownOptionError(f"writer {name!r}", option, named, what_zh=f"写出器 {name!r} ")


@overload
def get_writer(name: Literal["docx"], *, template: str | Path | None = ...) -> Writer: ...


@overload
def get_writer(name: Literal["markdown"], *, tables: TableMode = ...) -> Writer: ...


@overload
def get_writer(name: Literal["xlsx"], *, findings: bool = ...) -> Writer: ...


@overload
def get_writer(name: str, **options: Any) -> Writer: ...


def get_writer(name: str, **options: Any) -> Writer:
    """A writer by name, constructed with ``options``.

    Raises:
        UnknownFormatError: no writer has that name; the message lists those that exist.
        UnknownOptionError: the writer has no such option (also a ``TypeError``); the
            message lists the options it has.
    """
    factory = _factory(name)
    check_options(name, factory, options)
    return factory(**options)


def _factory(name: str) -> WriterFactory:
    if name in _registered:
        return _registered[name]
    if name in _BUILTINS:
        return _load(_BUILTINS[name])
    plugins = _plugins()
    if name in plugins:
        factory: WriterFactory = plugins[name].load()
        return factory
    expected = ", ".join(repr(n) for n in available_writers())
    raise UnknownFormatError(
        f"unknown output format {name!r}; expected one of {expected}",
        zh=f"没有输出格式 {name!r}；可用的有 {expected}",
    )
