"""Readers: published reports (Word, web pages, Markdown, flattened text) and the
interchange files (JSON/YAML/TOML) turned into a :class:`Report` plus findings for what
could not be read.

``read_report(path)`` detects the format from the content; ``read_report(path, "html")``
names it.
"""

from __future__ import annotations

from govinfo_report.readers._registry import (
    MAX_SOURCE_BYTES,
    Reader,
    ReadResult,
    available_readers,
    builtin_suffixes,
    detect,
    get_reader,
    read_report,
)
from govinfo_report.readers._unsupported import DOCUMENT_SUFFIXES as UNSUPPORTED_SUFFIXES

__all__ = [
    "MAX_SOURCE_BYTES",
    "UNSUPPORTED_SUFFIXES",
    "ReadResult",
    "Reader",
    "available_readers",
    "builtin_suffixes",
    "detect",
    "get_reader",
    "read_report",
]
