"""Writing an output file without harming whatever the path names.

:func:`write_output` decides from what the path names at the time of writing how the
bytes reach it (:func:`destination` says so beforehand, for the command line's checks):

- nothing yet: a new file, created atomically (a temporary file in the same folder, then
  a rename), with the mode a plain ``open()`` would give it;
- a regular file, symbolic links followed: replaced atomically, keeping its mode and,
  where the system allows, its owner and group; a link stays a link and its target gets
  the new content. A read-only file is refused unless ``force``;
- a character device or a FIFO (``/dev/null``, a terminal, a named pipe), or a file
  descriptor path such as ``/dev/stdout``: written in place, never replaced;
- a folder, a socket, a block device, a dangling symbolic link or a loop: refused.

Temporary files are named ``.govinfo-report-<random>.tmp`` whatever the target's name,
so a legal name stays legal, and are locked (``flock``) while their writer lives. The
first write into a folder removes the unlocked ones: those of a process killed before
it could rename or remove its own.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import sys
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import Literal

import attrs

from govinfo_report.errors import ReportWriteError

TEMP_PREFIX = ".govinfo-report-"
TEMP_SUFFIX = ".tmp"

Kind = Literal["create", "replace", "in_place"]

# Linux's /proc/<pid>/fd (what /dev/stdout and /dev/fd lead to) and the BSDs' /dev/fd.
_DESCRIPTOR_FOLDER = re.compile(r"/proc/[^/]+(?:/task/[^/]+)?/fd|/dev/fd")
_MAX_LINKS = 40  # the kernel's limit of symbolic links in one lookup
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_cleaned: set[str] = set()  # folders whose leftovers this process has already removed


@attrs.frozen
class Destination:
    """What writing to a path does, decided from what the path names now."""

    path: Path
    """The path as given; errors name it."""
    target: Path
    """The file written: ``path`` with its symbolic links followed."""
    kind: Kind
    """``create`` a new file, ``replace`` a regular file, or write ``in_place``."""
    existing: os.stat_result | None = None
    """The status of what is there already (None when creating)."""

    @property
    def read_only(self) -> bool:
        """An existing file without its owner's write permission, or not writable by us.

        The mode bit is checked as well as access(2) because root may write anything.
        """
        if self.existing is None or self.kind != "replace":
            return False
        return not self.existing.st_mode & stat.S_IWUSR or not os.access(self.target, os.W_OK)


def destination(path: str | os.PathLike[str]) -> Destination:
    """What writing to ``path`` would do.

    Raises:
        ReportWriteError: the path cannot be written: a folder, a socket, a block device,
            a dangling symbolic link, a loop, or a folder that does not exist.
    """
    given = Path(path)
    target, linked, descriptor = _follow(given)
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        if linked:
            reason = f"it is a symbolic link to {target}, which does not exist"
            raise _refused(given, reason) from None
        if not target.parent.is_dir():
            raise _refused(given, f"the folder {given.parent} does not exist") from None
        return Destination(given, target, "create")
    except OSError as exc:
        raise _refused(given, _reason(exc)) from None
    mode = existing.st_mode
    if stat.S_ISREG(mode) and not descriptor:
        return Destination(given, target, "replace", existing)
    if stat.S_ISREG(mode) or stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Destination(given, target, "in_place", existing)
    raise _refused(given, f"it is {_kind_of(mode)}; give the name of a file")


def write_output(path: str | os.PathLike[str], data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` as described in this module's docstring.

    Args:
        path: the destination.
        data: the complete content.
        force: replace a read-only file too (its mode is kept).

    Raises:
        ReportWriteError: the destination is refused or could not be written; the
            message names ``path``, never a temporary file, and ``path`` is unchanged.
    """
    write_output_chunks(path, (data,), force=force)


def write_output_chunks(
    path: str | os.PathLike[str], chunks: Iterable[bytes], *, force: bool = False
) -> None:
    """Write the concatenation of ``chunks`` to ``path``, as :func:`write_output` does.

    For outputs too large to hold at once (a survey's cells.csv): the chunks are
    written as they come, to the temporary file that then replaces ``path``, so
    ``path`` shows either its old content or the whole new one. An exception raised
    by ``chunks`` leaves ``path`` unchanged (when written atomically) and propagates.

    Raises:
        ReportWriteError: as :func:`write_output`.
    """
    dest = destination(path)
    if dest.read_only and not force:
        raise _refused(dest.path, "it is read-only; pass force=True to replace it")
    try:
        if dest.kind == "in_place":
            _write_in_place(dest, chunks)
        else:
            _write_atomically(dest, chunks)
    except ReportWriteError:
        raise
    except OSError as exc:
        raise _refused(dest.path, _reason(exc)) from None


# --- resolving the path ---------------------------------------------------------------------


def _follow(path: Path) -> tuple[Path, bool, bool]:
    """``path`` with its symbolic links followed one by one.

    Returns the path reached, whether a link was followed, and whether the walk stopped
    at a file descriptor link (``/proc/self/fd/1``), whose target is not a path.
    """
    current = os.path.join(os.getcwd(), path)
    linked = False
    for _ in range(_MAX_LINKS):
        folder = os.path.realpath(os.path.dirname(current))
        current = os.path.join(folder, os.path.basename(current))
        if _DESCRIPTOR_FOLDER.fullmatch(folder):
            return Path(current), linked, True
        try:
            link = os.readlink(current)
        except OSError:  # not a link, or nothing there: os.stat will tell
            return Path(current), linked, False
        current, linked = os.path.join(folder, link), True
    raise _refused(path, "it is a loop of symbolic links")


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISBLK(mode):
        return "a block device (a disk)"
    return "not a regular file"


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "it is a loop of symbolic links"
    return exc.strerror or str(exc)


def _refused(path: Path, reason: str) -> ReportWriteError:
    return ReportWriteError(f"cannot write {path}: {reason}")


# --- writing ----------------------------------------------------------------------------------


def _write_in_place(dest: Destination, chunks: Iterable[bytes]) -> None:
    assert dest.existing is not None
    # Behind /dev/stdout a regular file was opened by the shell: append, as `>>` wants
    # and as `>` (already truncated) gives the same.
    append = os.O_APPEND if stat.S_ISREG(dest.existing.st_mode) else 0
    fd = os.open(dest.target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | append)
    try:
        if stat.S_IFMT(os.fstat(fd).st_mode) != stat.S_IFMT(dest.existing.st_mode):
            raise _refused(dest.path, "it was replaced by something else while writing")
        for data in chunks:
            _write_all(fd, data)
    finally:
        os.close(fd)


def _write_atomically(dest: Destination, chunks: Iterable[bytes]) -> None:
    folder = str(dest.target.parent)
    _remove_leftovers(folder)
    # A file we replace may be private: the temporary one is, until it has its mode.
    fd, temp = _new_temp(folder, 0o600 if dest.existing is not None else 0o666)
    try:
        if dest.existing is not None:
            _keep_owner_and_mode(fd, dest.existing)
        for data in chunks:
            _write_all(fd, data)
        os.fsync(fd)
        os.replace(temp, dest.target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    finally:
        os.close(fd)  # only now: the lock tells cleaners the file is still wanted
    _sync_folder(folder)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _keep_owner_and_mode(fd: int, existing: os.stat_result) -> None:
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


def _sync_folder(folder: str) -> None:
    """Make the rename durable; best effort (not every system opens folders)."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --- temporary files ----------------------------------------------------------------------------


def _new_temp(folder: str, mode: int) -> tuple[int, str]:
    """A new, locked temporary file in ``folder``: its descriptor and its path."""
    for _ in range(8):
        temp = os.path.join(folder, f"{TEMP_PREFIX}{secrets.token_hex(8)}{TEMP_SUFFIX}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, mode)
        except FileExistsError:
            continue
        _lock(fd)
        # Another process's cleanup may have removed it between open and lock.
        if _is(temp, fd):
            return fd, temp
        os.close(fd)
    raise FileExistsError(errno.EEXIST, "cannot create a temporary file", folder)


def _remove_leftovers(folder: str) -> None:
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
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | _NOFOLLOW)
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


__all__ = [
    "TEMP_PREFIX",
    "TEMP_SUFFIX",
    "Destination",
    "destination",
    "write_output",
    "write_output_chunks",
]
