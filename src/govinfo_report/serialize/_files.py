"""Interchange files: the syntax from the suffix, size-capped UTF-8 reading, load and dump."""

from __future__ import annotations

from pathlib import Path

from govinfo_report._input import read_file
from govinfo_report._parse import Syntax
from govinfo_report.errors import ReportLoadError, UnknownFormatError
from govinfo_report.model import Report
from govinfo_report.serialize._text import dumps, loads

_SUFFIXES: dict[str, Syntax] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}

MAX_INPUT_BYTES = 16 * 1024 * 1024
"""Interchange files larger than this are refused before parsing (a report is ~20 kB)."""


def syntax_for(path: str | Path) -> Syntax:
    """The syntax a file name implies (``.json``, ``.yaml``/``.yml``, ``.toml``).

    Raises:
        UnknownFormatError: any other suffix.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise UnknownFormatError(
            f"cannot tell the syntax of {str(path)!r} from its suffix {suffix!r}; "
            "expected .json, .yaml, .yml or .toml",
            zh=f"无法从后缀 {suffix!r} 判断 {str(path)!r} 的语法；后缀应为 .json、.yaml、.yml "
            "或 .toml",
        )
    return _SUFFIXES[suffix]


def decode(raw: bytes, *, source: str = "<bytes>") -> str:
    """An interchange file's bytes as text: UTF-8 (a BOM is allowed), size-capped.

    Raises:
        ReportLoadError: larger than :data:`MAX_INPUT_BYTES` or not UTF-8.
    """
    if len(raw) > MAX_INPUT_BYTES:
        raise ReportLoadError(source, [f"file is larger than {MAX_INPUT_BYTES} bytes"])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportLoadError(
            source, [f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start}"]
        ) from None


def read_text(path: str | Path) -> str:
    """A file's text, decoded as UTF-8 (a BOM is allowed), with clear errors.

    Raises:
        ReportLoadError: unreadable, not a regular file (a FIFO would block), too large
            or not UTF-8.
    """
    try:
        raw = read_file(Path(path), MAX_INPUT_BYTES)
    except OSError as exc:
        raise ReportLoadError(str(path), [f"cannot read the file: {exc.strerror or exc}"]) from None
    return decode(raw, source=str(path))


def load(path: str | Path, syntax: Syntax | None = None) -> Report:
    """A report from a JSON, YAML or TOML file (syntax from the suffix unless given).

    Raises:
        ReportLoadError: listing every problem with its path.
        UnknownFormatError: the syntax cannot be told from the suffix.
    """
    return loads(read_text(path), syntax or syntax_for(path), source=str(path))


def dump(
    report: Report, path: str | Path, syntax: Syntax | None = None, *, force: bool = False
) -> None:
    """Write the report to ``path`` (syntax from the suffix unless given).

    Written as :func:`govinfo_report.writers.write_report` writes: atomically, keeping an
    existing file's mode and owner, following a symbolic link, in place to a device or
    FIFO, never replacing anything that is not a regular file.

    Args:
        report: the report.
        path: the destination.
        syntax: ``json``, ``yaml`` or ``toml`` (default: from the suffix).
        force: replace ``path`` even if it is a read-only file.

    Raises:
        ReportWriteError: ``path`` is refused (a folder, a socket, a dangling symbolic
            link, a read-only file without ``force``, ...) or could not be written.
        UnknownFormatError: the syntax cannot be told from the suffix.
    """
    from govinfo_report._io import write_output

    text = dumps(report, syntax or syntax_for(path))
    write_output(path, text.encode("utf-8"), force=force)
