"""Failures in words: the one message for an error met on an input, for every batch.

The command line (each command, ``validate``'s batches) and :mod:`govinfo_report.batch`
describe what went wrong with a file the same way.
"""

from __future__ import annotations

from govinfo_report.errors import GovinfoReportError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from pathlib import Path


def describe_error(exc: BaseException, path: Path | None = None) -> str:
    """A message for an error met while working on ``path`` (the input, if any)."""
    if isinstance(exc, MemoryError):  # its message is usually empty
        where = f" while processing {path}" if path is not None else ""
        detail = f" ({exc})" if str(exc) else ""
        return f"out of memory{where}{detail}; the input is too large or too complex"
    if isinstance(exc, OSError) and not isinstance(exc, GovinfoReportError):
        where = f" {exc.filename}" if exc.filename else ""
        return f"cannot access{where}: {exc.strerror or exc}"
    return str(exc) or type(exc).__name__


def exception_name(exc: BaseException) -> str:
    """``Type: message``, or the type alone when the message is empty."""
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


__all__ = ["describe_error", "exception_name"]
