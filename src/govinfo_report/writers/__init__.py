"""Writers: a report as a publishable Word document, Markdown, an Excel workbook, or a
plugin's format.

``get_writer("docx")`` returns a writer; ``write_report(report, "out.docx")`` picks the
writer from the suffix (or ``to=``) and writes the file safely (see :func:`write_report`).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from govinfo_report._io import write_output
from govinfo_report.errors import UnknownFormatError
from govinfo_report.model import Report

if TYPE_CHECKING:
    from govinfo_report.writers.markdown import TableMode

from govinfo_report.writers._registry import (
    ENTRY_POINT_GROUP,
    Writer,
    available_writers,
    get_writer,
    register_writer,
)


@overload
def render(report: Report, to: Literal["docx"], *, template: str | Path | None = ...) -> bytes: ...


@overload
def render(report: Report, to: Literal["markdown"], *, tables: TableMode = ...) -> bytes: ...


@overload
def render(report: Report, to: Literal["xlsx"], *, findings: bool = ...) -> bytes: ...


@overload
def render(report: Report, to: str, **options: Any) -> bytes: ...


def render(report: Report, to: str, **options: Any) -> bytes:
    """The report rendered by writer ``to``, as bytes (UTF-8 for text writers).

    Raises:
        UnknownFormatError: no writer has the name ``to``.
        UnknownOptionError: the writer has no such option; the message lists its options.
    """
    buffer = io.BytesIO()
    get_writer(to, **options).write(report, buffer)
    return buffer.getvalue()


def writer_for_path(path: str | Path) -> str:
    """The name of the writer whose suffix matches ``path``.

    Raises:
        UnknownFormatError: no writer claims the suffix.
    """
    suffix = Path(path).suffix.lower()
    aliases = {".md": "markdown", ".markdown": "markdown", ".docx": "docx", ".xlsx": "xlsx"}
    if suffix in aliases:
        return aliases[suffix]
    if not suffix:
        folder = Path(path).is_dir()
        what, what_zh = ("is a folder", "是文件夹") if folder else ("has no suffix", "没有后缀")
        raise UnknownFormatError(
            f"cannot tell the output format of {path}: it {what}; give a file name ending "
            "in .docx, .md or .xlsx",
            zh=f"无法判断 {path} 的输出格式：它{what_zh}；请给出以 .docx、.md 或 .xlsx 结尾的"
            "文件名",
        )
    for name in available_writers():
        try:
            if get_writer(name).suffix == suffix:
                return name
        except Exception:  # a broken plugin must not hide the others
            continue
    expected = ", ".join(available_writers())
    raise UnknownFormatError(
        f"no writer for suffix {suffix!r}; expected one of {expected}",
        zh=f"没有写后缀为 {suffix!r} 的文件的写出器；可用的有 {expected}",
    )


def write_report(
    report: Report,
    path: str | Path,
    to: str | None = None,
    *,
    force: bool = False,
    **options: Any,
) -> None:
    """Render ``report`` and write it to ``path``.

    The report is rendered completely first, so a writer's error leaves ``path`` as it
    was. A new or existing regular file is written atomically (a temporary file in the
    same folder, then a rename) and an existing one keeps its mode and owner; a symbolic
    link is followed and stays a link. A character device or FIFO (``/dev/null``, a
    named pipe, ``/dev/stdout``) is written in place, never replaced.

    Args:
        report: the report.
        path: the destination.
        to: the writer's name (default: chosen by the suffix of ``path``).
        force: replace ``path`` even if it is a read-only file.
        **options: the writer's options (``template=...`` for docx, ...).

    Raises:
        ReportWriteError: the report cannot be written in this format, or ``path`` is
            refused: a folder, a socket, a block device, a dangling symbolic link, a
            read-only file without ``force``, or a folder that does not exist.
        UnknownFormatError: no writer has the name ``to`` or the suffix of ``path``.
    """
    data = render(report, to or writer_for_path(path), **options)
    write_output(path, data, force=force)


__all__ = [
    "ENTRY_POINT_GROUP",
    "Writer",
    "available_writers",
    "get_writer",
    "register_writer",
    "render",
    "write_report",
    "writer_for_path",
]
