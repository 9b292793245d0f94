"""The reader registry: names → readers, detection by content (as the output side has one).

A reader is anything with ``name``, ``suffixes``, ``sniff(data)`` and
``read(data, source=...)`` (see :class:`Reader`). ``read_report`` picks one by name, or
detects it when no name is given: an interchange suffix (``.json``, ``.yaml``, ``.yml``,
``.toml``) decides; otherwise the document readers' cheap signatures (a DOCX or XLSX zip,
HTML markup, an OLE2 Word document), then the interchange syntaxes by parsing (see
:mod:`._sniff`), then Markdown and text. A document no reader takes is named when it is
a format not supported yet (a presentation, an OpenDocument or old WPS file, an image:
:mod:`._unsupported`).
Input comes from a path (regular files only: a FIFO would block), bytes, or a binary
stream such as standard input, always under one size cap.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple, Protocol, TypeGuard, runtime_checkable

from govinfo_report._input import read_file, read_stream
from govinfo_report.errors import ReportReadError, UnknownFormatError
from govinfo_report.findings import Finding
from govinfo_report.model import Report

if TYPE_CHECKING:
    from govinfo_report.readers._sniff import Parsed

MAX_SOURCE_BYTES = 64 * 1024 * 1024
"""Inputs larger than this are refused before any parsing."""


class ReadResult(NamedTuple):
    """A report read from a document, with the reader's findings (what it could not
    place, label variants it accepted, ...).

    A named tuple, so that ``report, findings = read_report(path)`` unpacks with the
    right types for a type checker, and it pickles to another process as it is.
    """

    report: Report
    """What was read."""
    findings: tuple[Finding, ...] = ()
    """What the reader could not read, or read with a doubt, in document order."""


@runtime_checkable
class Reader(Protocol):
    """One input format."""

    name: str
    suffixes: tuple[str, ...]

    def sniff(self, data: bytes) -> bool:
        """Whether ``data`` is in this format (a document reader checks a cheap
        signature; the interchange readers parse)."""

    def read(self, data: bytes, *, source: str = "<bytes>") -> ReadResult:
        """The report in ``data``.

        Raises:
            ReportReadError: ``data`` is not a report this reader can read.
            ReportLoadError: (interchange formats) the file has structural problems.
        """


class _Recognising(Reader, Protocol):
    """A reader that recognises a document by parsing it (the interchange readers); the
    registry hands back what it parsed, so that the document is parsed once."""

    def recognise(self, data: bytes) -> Parsed | None: ...

    def read_recognised(self, data: bytes, parsed: Parsed, *, source: str) -> ReadResult: ...


def _recognises(reader: Reader) -> TypeGuard[_Recognising]:
    """Whether ``reader`` is a :class:`_Recognising` reader: what ``isinstance`` with a
    runtime-checkable protocol answers, told once per class (the protocol check looks up
    every member on every call: 20-40 µs, a tenth of reading a JSON report)."""
    cls = type(reader)
    known = _RECOGNISING.get(cls)
    if known is None:
        members = ("recognise", "read_recognised")
        known = _RECOGNISING[cls] = all(callable(getattr(cls, m, None)) for m in members)
    return known


_RECOGNISING: dict[type, bool] = {}


# Order matters for detection: the cheap signatures of the document readers first, then
# the interchange syntaxes by parsing, then Markdown and text (almost any text is YAML,
# so those come after a parser has said it holds no report).
_BUILTINS: dict[str, str] = {
    "docx": "govinfo_report.readers.docx:DocxReader",
    "xlsx": "govinfo_report.readers.xlsx:XlsxReader",
    "pdf": "govinfo_report.readers.pdf:PdfReader",
    "ofd": "govinfo_report.readers.ofd:OfdReader",
    "html": "govinfo_report.readers.html:HtmlReader",
    "mhtml": "govinfo_report.readers.mhtml:MhtmlReader",
    "doc": "govinfo_report.readers.doc:DocReader",
    "xls": "govinfo_report.readers.xls:XlsReader",
    "json": "govinfo_report.readers.interchange:JsonReader",
    "toml": "govinfo_report.readers.interchange:TomlReader",
    "yaml": "govinfo_report.readers.interchange:YamlReader",
    "markdown": "govinfo_report.readers.markdown:MarkdownReader",
    "text": "govinfo_report.readers.text:TextReader",
}
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "docx": (".docx", ".docm", ".dotx", ".dotm"),
    "xlsx": (".xlsx", ".xlsm"),
    "pdf": (".pdf",),
    "ofd": (".ofd",),
    "html": (".html", ".htm", ".shtml", ".xhtml"),
    "mhtml": (".mht", ".mhtml"),
    "doc": (".doc", ".dot", ".rtf", ".wps", ".wpt"),
    "xls": (".xls", ".xlt", ".et", ".ett"),
    "json": (".json",),
    "toml": (".toml",),
    "yaml": (".yaml", ".yml"),
    "markdown": (".md", ".markdown"),
    "text": (".txt", ".text"),
}
"""Each built-in reader's ``suffixes``, known before its module is imported (a test
checks that they agree), so that a suffix can pick a reader without importing the rest."""
_cache: dict[str, Reader] = {}


def builtin_suffixes() -> frozenset[str]:
    """Every suffix a built-in reader takes, told without importing any reader (a folder
    walk starts at once, and a survey's workers are not kept waiting a third of a
    second). A reader whose dependency is missing still has its files taken: reading
    one then says that the reader is not available, rather than a walk passing over
    them unseen."""
    return frozenset(s for suffixes in _SUFFIXES.values() for s in suffixes)


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
        raise UnknownFormatError(
            f"unknown input format {name!r}; expected one of {known}",
            zh=f"没有输入格式 {name!r}；可用的有 {known}",
        )
    module, _, attr = target.partition(":")
    try:
        reader: Reader = getattr(importlib.import_module(module), attr)()
    except ImportError as exc:
        # Say why, rather than calling a reader whose dependency is missing "unknown".
        raise UnknownFormatError(
            f"the {name} reader is not available: {exc}", zh=f"{name} 读取器不可用：{exc}"
        ) from exc
    _cache[name] = reader
    return reader


def detect(data: bytes, suffix: str = "") -> Reader:
    """The reader for ``data``: an interchange suffix decides, else the content, else
    the suffix.

    Raises:
        ReportReadError: no reader recognises the data.
    """
    return _detect(data, suffix)[0]


def _detect(data: bytes, suffix: str) -> tuple[Reader, Parsed | None]:
    """The reader, and what it parsed when it recognised ``data`` by parsing."""
    suffix = suffix.lower()
    parser, missing = _parser_for(suffix)
    if parser is not None:
        return parser, None
    readers = [get_reader(name) for name in available_readers()]
    by_suffix = [r for r in readers if suffix and suffix in r.suffixes]
    # A .json/.yaml/.toml file is what its name says: read as such, it says what is wrong
    # (a syntax error, "valid JSON, but not a report") rather than being taken for text.
    for reader in by_suffix:
        if _recognises(reader):
            return reader, None
    # A document suffix whose reader's signature agrees is the strongest signal.
    for reader in by_suffix:
        if reader.sniff(data):
            return reader, None
    from govinfo_report.readers._unsupported import is_binary, unsupported

    # A zip that stores a YAML report uncompressed holds "metadata:" at a line's start:
    # parsed, it said "not UTF-8 text" rather than that it is a zip archive.
    binary = is_binary(data)
    for reader in readers:
        if _recognises(reader):
            if binary:
                continue
            parsed = reader.recognise(data)
            if parsed is not None:
                return reader, parsed
        elif reader.sniff(data):
            return reader, None
    # What the bytes say beats a suffix (an encrypted .docx, a workbook named .doc).
    named = unsupported(data, "", suffix_hint=suffix)
    if named is None and by_suffix:
        return by_suffix[0], None
    if named is not None:
        raise ReportReadError(named, zh=unsupported(data, "", suffix_hint=suffix, lang="zh"))
    named = unsupported(data, suffix)
    if named is not None:
        raise ReportReadError(named, zh=unsupported(data, suffix, lang="zh"))
    if missing is not None:
        raise ReportReadError(
            f"cannot read a {suffix} file: {missing}",
            zh=f"无法读取 {suffix} 文件：{missing.message('zh')}",
        )
    known = ", ".join(available_readers())
    raise ReportReadError(
        f"cannot tell what kind of document this is; expected one of {known}",
        zh=f"无法判断这是哪一种文档；可读取的有 {known}",
    )


def _parser_for(suffix: str) -> tuple[Reader | None, UnknownFormatError | None]:
    """The reader that parses files of ``suffix`` (lower case: ``.json``), if one does;
    else None, and why the suffix's own reader is not available when it is not.

    An interchange suffix decides before any document reader is imported:
    ``validate report.json`` loads neither python-docx nor lxml nor pypdfium2.
    """
    missing: UnknownFormatError | None = None
    for name in _BUILTINS:
        if not suffix or suffix not in _SUFFIXES.get(name, ()):
            continue
        try:
            candidate = get_reader(name)
        except UnknownFormatError as exc:
            missing = missing or exc
            continue
        if _recognises(candidate):
            return candidate, None
    return None, missing


def _parsed(format: str | None, suffix: str | None) -> bool:
    """Whether the input goes to a reader that parses it (JSON, YAML, TOML), which says
    itself what is wrong with an empty text: by ``format``, else by its suffix."""
    reader = get_reader(format) if format else _parser_for((suffix or "").lower())[0]
    return reader is not None and _recognises(reader)


def read_report(
    source: str | Path | bytes | IO[bytes],
    format: str | None = None,
    *,
    name: str | None = None,
    suffix: str | None = None,
) -> ReadResult:
    """Read a report from a file path, bytes, or a binary stream.

    Args:
        source: a path (of a regular file), the document's bytes, or a binary stream
            such as ``sys.stdin.buffer`` (read to its end, up to :data:`MAX_SOURCE_BYTES`).
        format: a reader name (``docx``, ``html``, ``markdown``, ``text``, ``json``,
            ``yaml``, ``toml``); detected when ``None``.
        name: how to call the source in messages (defaults to the path, ``<bytes>``,
            or the stream's name: ``<stdin>`` for standard input).
        suffix: the file name's suffix (``".json"``), a hint for detection as a path's
            own suffix is: for bytes already read from a file (a path's own suffix is
            used when None).

    Raises:
        ReportReadError: unreadable, not a regular file (a FIFO, a device), too large,
            or not a report.
        ReportLoadError: an interchange file with structural problems.
        UnknownFormatError: ``format`` names no reader.
    """
    if isinstance(source, bytes):
        data = source
        label = name or "<bytes>"
    elif isinstance(source, str | Path):
        path = Path(source)
        label = name or str(path)
        suffix = path.suffix if suffix is None else suffix
        try:
            data = read_file(path, MAX_SOURCE_BYTES)
        except OSError as exc:
            raise _unreadable(label, exc) from None
    else:
        stream_name = getattr(source, "name", None)  # sys.stdin.buffer's is "<stdin>"
        label = name or (stream_name if isinstance(stream_name, str) else "<stream>")
        try:
            data = read_stream(source, MAX_SOURCE_BYTES)
        except OSError as exc:
            raise _unreadable(label, exc) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise ReportReadError(
            f"{label} is larger than {MAX_SOURCE_BYTES} bytes",
            zh=f"{label} 大于 {MAX_SOURCE_BYTES} 字节",
        )
    if not data.strip() and not _parsed(format, suffix):
        # Said as it is: not "not a readable PDF (Data format error)", "Document is
        # empty" (lxml) or "does not look like a report". JSON, YAML and TOML say it
        # as a load problem ("the document is empty"), in either language.
        if not data:
            raise ReportReadError(f"{label} is empty (0 bytes)", zh=f"{label} 是空文件（0 字节）")
        raise ReportReadError(f"{label} holds nothing but white space", zh=f"{label} 只有空白字符")
    if format:
        return get_reader(format).read(data, source=label)
    reader, parsed = _detect(data, suffix if suffix is not None else "")
    if parsed is not None and _recognises(reader):
        return reader.read_recognised(data, parsed, source=label)
    return reader.read(data, source=label)


def _unreadable(label: str, exc: OSError) -> ReportReadError:
    """The error of an input that cannot be read (permission denied, a directory)."""
    from govinfo_report._failures import os_reason

    return ReportReadError(
        f"cannot read {label}: {os_reason(exc)}",
        zh=f"无法读取 {label}：{os_reason(exc, 'zh')}",
    )
