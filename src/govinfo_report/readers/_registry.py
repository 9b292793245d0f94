"""The reader registry, mirroring the writers': names → readers, detection by content.

A reader is anything with ``name``, ``suffixes``, ``sniff(data)`` and
``read(data, source=...)`` (see :class:`Reader`). ``read_report`` picks one by name, or
by sniffing the bytes (then by suffix) when no name is given.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol, runtime_checkable

import attrs

from govinfo_report.checks.findings import Finding
from govinfo_report.errors import ReportReadError, UnknownFormatError
from govinfo_report.model import Report

MAX_SOURCE_BYTES = 64 * 1024 * 1024
"""Inputs larger than this are refused before any parsing."""


@attrs.frozen
class ReadResult:
    """A report read from a document, with the reader's findings (what it could not
    place, label variants it accepted, ...). Unpacks as ``report, findings``."""

    report: Report
    findings: tuple[Finding, ...] = ()

    def __iter__(self) -> Iterator[object]:
        return iter((self.report, self.findings))


@runtime_checkable
class Reader(Protocol):
    """One input format."""

    name: str
    suffixes: tuple[str, ...]

    def sniff(self, data: bytes) -> bool:
        """Whether ``data`` looks like this format (cheap; looks at the first bytes)."""

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in ``data``.

        Raises:
            ReportReadError: ``data`` is not a report this reader can read.
            ReportLoadError: (interchange formats) the file has structural problems.
        """


# Order matters for sniffing: the most specific signatures first.
_BUILTINS: dict[str, str] = {
    "docx": "govinfo_report.readers.docx:DocxReader",
    "json": "govinfo_report.readers.interchange:JsonReader",
    "toml": "govinfo_report.readers.interchange:TomlReader",
    "yaml": "govinfo_report.readers.interchange:YamlReader",
    "html": "govinfo_report.readers.html:HtmlReader",
    "markdown": "govinfo_report.readers.markdown:MarkdownReader",
    "text": "govinfo_report.readers.text:TextReader",
}
_cache: dict[str, Reader] = {}


def available_readers() -> list[str]:
    """Names of the readers whose modules are present, in sniffing order."""
    names = []
    for name in _BUILTINS:
        try:
            get_reader(name)
        except UnknownFormatError:
            continue
        names.append(name)
    return names


def get_reader(name: str) -> Reader:
    """A reader by name.

    Raises:
        UnknownFormatError: no reader has that name; the message lists those that exist.
    """
    if name in _cache:
        return _cache[name]
    target = _BUILTINS.get(name)
    if target is None:
        known = ", ".join(repr(n) for n in _BUILTINS)
        raise UnknownFormatError(f"unknown input format {name!r}; expected one of {known}")
    module, _, attr = target.partition(":")
    try:
        reader: Reader = getattr(importlib.import_module(module), attr)()
    except ImportError as exc:
        # Say why, rather than calling a reader whose dependency is missing "unknown".
        raise UnknownFormatError(f"the {name} reader is not available: {exc}") from exc
    _cache[name] = reader
    return reader


def detect(data: bytes, suffix: str = "") -> Reader:
    """The reader for ``data``: by content first, then by file suffix.

    Raises:
        ReportReadError: no reader recognises the data.
    """
    suffix = suffix.lower()
    by_suffix = [r for r in map(get_reader, available_readers()) if suffix in r.suffixes]
    # A suffix that names exactly one reader whose sniff agrees is the strongest signal.
    for reader in by_suffix:
        if reader.sniff(data):
            return reader
    for name in available_readers():
        reader = get_reader(name)
        if reader.sniff(data):
            return reader
    if by_suffix:
        return by_suffix[0]
    raise ReportReadError(
        "cannot tell what kind of document this is; expected one of "
        + ", ".join(available_readers())
    )


def read_report(
    source: str | Path | bytes, format: str | None = None, *, name: str | None = None
) -> ReadResult:
    """Read a report from a file path or bytes.

    Args:
        source: a path, or the document's bytes.
        format: a reader name (``docx``, ``html``, ``markdown``, ``text``, ``json``,
            ``yaml``, ``toml``); detected from the content when ``None``.
        name: how to call the source in messages (defaults to the path).

    Raises:
        ReportReadError: unreadable, too large, or not a report.
        ReportLoadError: an interchange file with structural problems.
        UnknownFormatError: ``format`` names no reader.
    """
    suffix = ""
    if isinstance(source, bytes):
        data = source
        label = name or "<bytes>"
    else:
        path = Path(source)
        label = name or str(path)
        suffix = path.suffix
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_SOURCE_BYTES + 1)
        except OSError as exc:
            raise ReportReadError(f"cannot read {label}: {exc.strerror or exc}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise ReportReadError(f"{label} is larger than {MAX_SOURCE_BYTES} bytes")
    reader = get_reader(format) if format else detect(data, suffix)
    return reader.read(data, source=label)
