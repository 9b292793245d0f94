"""Reading an input's bytes: regular files only, standard input as a stream, always capped.

Opening a FIFO for reading blocks until someone writes to it, and a device such as
``/dev/zero`` never ends, so ``validate``, ``render``, ``import``, ``serialize.load`` and
``read_report`` would hang on them. Here a path is opened without blocking
(``O_NONBLOCK``), the opened descriptor is checked with ``fstat`` (so a symlink or a
rename between a check and the open changes nothing), and anything that is not a
regular file is refused with what it is. Streaming goes through a stream instead
(``-`` on the command line, ``read_report(sys.stdin.buffer)``), read up to the same cap.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import IO

_KINDS = (
    (stat.S_ISDIR, "a folder", "文件夹"),
    (stat.S_ISFIFO, "a FIFO", "命名管道（FIFO）"),
    (stat.S_ISCHR, "a character device", "字符设备"),
    (stat.S_ISBLK, "a block device", "块设备"),
    (stat.S_ISSOCK, "a socket", "套接字"),
)
_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # absent on Windows, where FIFOs do not exist


class NotARegularFileError(OSError):
    """The path names a FIFO, a device, a socket or a folder; ``strerror`` says which."""

    kind = "not a regular file"
    """What it is: "a FIFO", "a character device" ... (``strerror`` adds advice)."""
    kind_zh = "非普通文件"
    """:attr:`kind` in Chinese: "命名管道（FIFO）", "字符设备" ..."""
    zh = "它不是普通文件"
    """``strerror`` in Chinese."""


def _kind(mode: int) -> tuple[str, str]:
    found = ((en, zh) for test, en, zh in _KINDS if test(mode))
    return next(found, ("not a regular file", "非普通文件"))


def refusal_zh(reason: str) -> str | None:
    """The Chinese of a refusal's reason (``strerror``: "it is a FIFO, not a regular
    file; …"), or None when ``reason`` is not one."""
    for mode in (stat.S_IFDIR, stat.S_IFIFO, stat.S_IFCHR, stat.S_IFBLK, stat.S_IFSOCK, 0):
        english, chinese = _reason(mode)
        if reason == english:
            return chinese
    return None


def _reason(mode: int) -> tuple[str, str]:
    """Why a node of ``mode`` is refused, in English and Chinese."""
    kind, kind_zh = _kind(mode)
    what, zh = f"it is {kind}, not a regular file", f"它是{kind_zh}，不是普通文件"
    if not stat.S_ISDIR(mode):  # a stream of some kind: say how to stream
        what += "; use - to read standard input"
        zh += "；读取标准输入请用 -"
    return what, zh


def _refusal(mode: int, path: Path) -> NotARegularFileError:
    kind, kind_zh = _kind(mode)
    what, zh = _reason(mode)
    error = NotARegularFileError(0, what, str(path))
    error.kind, error.kind_zh, error.zh = kind, kind_zh, zh
    return error


def read_file(path: Path, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of the regular file at ``path`` (one more than allowed,
    so that the caller can tell a file over its cap).

    Raises:
        NotARegularFileError: ``path`` is a FIFO, a device, a socket or a folder.
        OSError: it cannot be opened or read.
    """
    with open_regular(path) as fh:
        return _read_capped(fh, limit)


def open_regular(path: Path) -> IO[bytes]:
    """The regular file at ``path``, opened for reading in binary, never waiting on a
    FIFO nor opening a device (for a reader that seeks: a zip archive).

    Raises:
        NotARegularFileError: ``path`` is a FIFO, a device, a socket or a folder.
        OSError: it cannot be opened.
    """
    try:
        fd = os.open(path, _FLAGS | _NONBLOCK)
    except FileNotFoundError:
        dangling = _dangling(path)
        if dangling is not None:
            raise dangling from None
        raise
    except OSError:
        # A socket cannot be opened at all (ENXIO); say what it is rather than that.
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):
            raise _refusal(mode, path) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _refusal(mode, path)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise


_CHUNK = 1024 * 1024


def _dangling(path: Path) -> FileNotFoundError | None:
    """The error for ``path`` when it is a link to nothing ("No such file or directory"
    would be wrong: a listing of its folder shows it), else None."""
    try:
        target = os.readlink(path)
    except OSError:
        return None  # not a link, or gone: the error as the system gave it
    what = f"it is a link to {target}, which does not exist"
    return FileNotFoundError(errno.ENOENT, what, str(path))


def _read_capped(stream: IO[bytes], limit: int) -> bytes:
    # In chunks: read(limit + 1) would reserve the whole cap (64 MiB) for a 20 kB input.
    data = bytearray()
    while len(data) <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - len(data)))
        if not isinstance(chunk, bytes | bytearray):
            raise TypeError(f"expected a binary stream, got one that gives {type(chunk).__name__}")
        if not chunk:
            break
        data += chunk
    return bytes(data)


def read_stream(stream: IO[bytes], limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of a binary stream (standard input, a pipe, a socket).

    Raises:
        TypeError: a text stream (``sys.stdin`` rather than ``sys.stdin.buffer``).
        OSError: it cannot be read.
    """
    return _read_capped(stream, limit)
