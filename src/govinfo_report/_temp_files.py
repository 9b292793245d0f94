"""Temporary files beside an output: making them, writing them with the mode of the file
they replace, and removing those a killed process left.

A temporary file is named ``.govinfo-report-<random>.tmp`` whatever the output's name,
so a legal name stays legal, and is locked (``flock``) while its writer lives. The first
temporary file a process makes in a folder removes the unlocked ones there first: those
of a process killed before it could rename or remove its own.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
from contextlib import suppress

TEMP_PREFIX = ".govinfo-report-"
TEMP_SUFFIX = ".tmp"
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_cleaned: set[str] = set()  # folders whose leftovers this process has already removed


def is_temporary(name: str) -> bool:
    """Whether ``name`` is the name of one of our temporary files."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


def new_temp(folder: str, mode: int) -> tuple[int, str]:
    """A new, locked temporary file in ``folder``: its descriptor and its path."""
    for _ in range(8):
        temp = os.path.join(folder, f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, mode)
        except FileExistsError:
            continue
        _lock(fd)
        # Another process's cleanup may have removed it between open and lock.
        if _is(temp, fd):
            return fd, temp
        os.close(fd)
    raise FileExistsError(errno.EEXIST, "cannot create a temporary file", folder)


def remove_leftovers(folder: str) -> None:
    """Remove the temporary files in ``folder`` that no live writer holds."""
    if folder in _cleaned:
        return
    _cleaned.add(folder)
    try:
        names = [n for n in os.listdir(folder) if n.startswith(TEMP_PREFIX)]
    except OSError:
        return
    for name in names:
        if name.endswith(TEMP_SUFFIX):
            with suppress(OSError):
                _remove_if_abandoned(os.path.join(folder, name))


def _remove_if_abandoned(path: str) -> None:
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | NOFOLLOW)
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode) and _try_lock(fd) and _is(path, fd):
            os.unlink(path)
    finally:
        os.close(fd)


def _is(path: str, fd: int) -> bool:
    """Whether ``path`` still names the file open as ``fd``."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


if sys.platform == "win32":  # no flock: never remove a file that might be in use

    def _lock(fd: int) -> None:
        pass

    def _try_lock(fd: int) -> bool:
        return False

else:
    import fcntl

    def _lock(fd: int) -> None:
        # A file system without locks cannot lock for the cleaner either, which then
        # removes nothing: writing must not fail for it.
        with suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


# --- writing them ---------------------------------------------------------------------------


def write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to ``fd`` (``os.write`` may write less)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def keep_owner_and_mode(fd: int, existing: os.stat_result) -> None:
    """Give the file open as ``fd`` the owner, group and mode of ``existing``, as far as
    this process may."""
    if hasattr(os, "fchown"):
        # Not root: keep at least the group, if we belong to it.
        for uid in (existing.st_uid, -1):
            try:
                os.fchown(fd, uid, existing.st_gid)
                break
            except PermissionError:
                continue
    if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
        with suppress(PermissionError):  # a file system without modes: it stays 0600
            os.fchmod(fd, stat.S_IMODE(existing.st_mode))  # after chown, which clears setuid


def sync_folder(folder: str) -> None:
    """Make the rename durable; best effort (not every system opens folders)."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


__all__ = [
    "NOFOLLOW",
    "TEMP_PREFIX",
    "TEMP_SUFFIX",
    "is_temporary",
    "keep_owner_and_mode",
    "new_temp",
    "remove_leftovers",
    "sync_folder",
    "write_all",
]
