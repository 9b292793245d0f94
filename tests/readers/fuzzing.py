"""What the readers' fuzz tests share: the outcome every input must have, and the edit
that mutates a real document.

A reader given any bytes returns a report with findings or refuses them with a clear
``ReportReadError``/``ReportLoadError``; any other exception is a bug the fuzz test
reports.
"""

from __future__ import annotations

from collections.abc import Iterable

from govinfo_report.errors import ReportLoadError, ReportReadError
from govinfo_report.readers import Reader, ReadResult


def read_or_refuse(reader: Reader, data: bytes, source: str) -> None:
    """Read ``data`` with ``reader``: a report with findings, or a clear refusal.

    Raises:
        AssertionError: the reader returned something other than a ``ReadResult``.
    """
    try:
        result = reader.read(data, source=source)
    except (ReportReadError, ReportLoadError):
        return
    assert isinstance(result, ReadResult)


def splice(data: bytes, edits: Iterable[tuple[int, int, bytes]]) -> bytes:
    """``data`` with each ``(at, cut, insert)`` applied in turn: ``cut`` bytes from ``at``
    replaced by ``insert``."""
    page = bytearray(data)
    for at, cut, insert in edits:
        page[at : at + cut] = insert
    return bytes(page)
