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

A :class:`Staging` writes several outputs as a set: each to a temporary file (reserved
before anything is computed, so a destination that cannot be written is refused at
once), then every one put in place by :meth:`Staging.commit`; a failure before that
leaves every destination as it was.

Temporary files are ``.govinfo-report-<random>.tmp`` (:mod:`govinfo_report._temp_files`),
locked while their writer lives; the first write into a folder removes those of a
process killed before it could rename or remove its own.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import Literal

import attrs

from govinfo_report._failures import os_reason
from govinfo_report._temp_files import (
    NOFOLLOW,
    TEMP_PREFIX,
    TEMP_SUFFIX,
    keep_owner_and_mode,
    new_temp,
    remove_leftovers,
    sync_folder,
    write_all,
)
from govinfo_report.errors import ReportWriteError

Kind = Literal["create", "replace", "in_place"]
Reason = tuple[str, str]  # why a path is refused, in English and in Chinese

# Linux's /proc/<pid>/fd (what /dev/stdout and /dev/fd lead to) and the BSDs' /dev/fd.
_DESCRIPTOR_FOLDER = re.compile(r"/proc/[^/]+(?:/task/[^/]+)?/fd|/dev/fd")
_MAX_LINKS = 40  # the kernel's limit of symbolic links in one lookup
_LOOP = ("it is a loop of symbolic links", "它是循环的符号链接")
_READ_ONLY = (
    "it is read-only; pass force=True to replace it",
    "它是只读的；如要替换请传入 force=True",
)


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
            dangling = f"it is a symbolic link to {target}, which does not exist"
            raise _refused(given, (dangling, f"它是指向 {target} 的符号链接，目标不存在")) from None
        if not target.parent.is_dir():
            missing = (f"the folder {given.parent} does not exist", f"文件夹 {given.parent} 不存在")
            raise _refused(given, missing) from None
        return Destination(given, target, "create")
    except OSError as exc:
        raise _refused(given, _reason(exc)) from None
    mode = existing.st_mode
    if stat.S_ISREG(mode) and not descriptor:
        return Destination(given, target, "replace", existing)
    if stat.S_ISREG(mode) or stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Destination(given, target, "in_place", existing)
    kind = _kind_of(mode)
    raise _refused(given, (f"{kind[0]}; give the name of a file", f"{kind[1]}；请给出文件名"))


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
        raise _refused(dest.path, _READ_ONLY)
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
    raise _refused(path, _LOOP)


def _kind_of(mode: int) -> Reason:
    if stat.S_ISDIR(mode):
        return "it is a folder", "它是文件夹"
    if stat.S_ISSOCK(mode):
        return "it is a socket", "它是套接字"
    if stat.S_ISBLK(mode):
        return "it is a block device (a disk)", "它是块设备（磁盘）"
    return "it is not a regular file", "它不是普通文件"


def _reason(exc: OSError) -> Reason:
    return _LOOP if exc.errno == errno.ELOOP else (os_reason(exc), os_reason(exc, "zh"))


def _refused(path: Path, reason: Reason) -> ReportWriteError:
    return ReportWriteError(f"cannot write {path}: {reason[0]}", zh=f"无法写入 {path}：{reason[1]}")


# --- writing ----------------------------------------------------------------------------------


def _write_in_place(dest: Destination, chunks: Iterable[bytes]) -> None:
    assert dest.existing is not None
    # Behind /dev/stdout a regular file was opened by the shell: append, as `>>` wants
    # and as `>` (already truncated) gives the same.
    append = os.O_APPEND if stat.S_ISREG(dest.existing.st_mode) else 0
    fd = os.open(dest.target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | append)
    try:
        if stat.S_IFMT(os.fstat(fd).st_mode) != stat.S_IFMT(dest.existing.st_mode):
            replaced = "it was replaced by something else while writing"
            raise _refused(dest.path, (replaced, "写入过程中它被替换成了别的东西"))
        for data in chunks:
            write_all(fd, data)
    finally:
        os.close(fd)


def _write_atomically(dest: Destination, chunks: Iterable[bytes]) -> None:
    folder = str(dest.target.parent)
    remove_leftovers(folder)
    # A file we replace may be private: the temporary one is, until it has its mode.
    fd, temp = new_temp(folder, 0o600 if dest.existing is not None else 0o666)
    try:
        if dest.existing is not None:
            keep_owner_and_mode(fd, dest.existing)
        for data in chunks:
            write_all(fd, data)
        os.fsync(fd)
        os.replace(temp, dest.target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    finally:
        os.close(fd)  # only now: the lock tells cleaners the file is still wanted
    sync_folder(folder)


# --- several outputs as a set -------------------------------------------------------------


@attrs.frozen
class Slot:
    """One output of a :class:`Staging`: the temporary file its bytes go to until the
    staging commits. It can be sent to another process, which writes it there."""

    path: Path
    """The output as given; errors name it, never the temporary file."""
    temp: Path
    """Where its bytes are until :meth:`Staging.commit`; read it to use them before."""

    def write(self, chunks: Iterable[bytes]) -> None:
        """Write the concatenation of ``chunks`` to the temporary file, from its start.

        Raises:
            ReportWriteError: it could not be written (a full disk); names :attr:`path`.
        """
        try:
            fd = os.open(self.temp, os.O_WRONLY | os.O_TRUNC | NOFOLLOW)
            try:
                for data in chunks:
                    write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise _refused(self.path, _reason(exc)) from None


@attrs.frozen
class _Reserved:
    slot: Slot
    dest: Destination
    fd: int  # held open, and so locked, until the temporary file is renamed or removed


class Staging:
    """Outputs written apart and put in place together.

    :meth:`reserve` checks a destination as :func:`write_output` would and makes its
    temporary file (with the mode and owner of the file it will replace); the
    :class:`Slot`\\ s are written, here or in other processes; :meth:`commit` renames
    each over its destination, in the order reserved (a FIFO or device gets its bytes
    copied in place). Leaving the ``with`` block without committing, by an error or an
    interruption, removes the temporary files: every destination is as it was.
    """

    def __init__(self, *, force: bool = False) -> None:
        self.force = force
        self._reserved: list[_Reserved] = []

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.discard()

    def reserve(self, path: str | os.PathLike[str]) -> Slot:
        """The slot of the output ``path``.

        Raises:
            ReportWriteError: as :func:`write_output` would refuse ``path`` (a folder, a
                read-only file without ``force``...), or its temporary file cannot be made.
        """
        dest = destination(path)
        if dest.read_only and not self.force:
            raise _refused(dest.path, _READ_ONLY)
        # A file is replaced by a rename, so its temporary file is beside it; a FIFO or
        # a device gets a copy, and its temporary file is in the folder it was named in.
        folder = (
            os.path.dirname(os.path.join(os.getcwd(), dest.path))
            if dest.kind == "in_place"
            else str(dest.target.parent)
        )
        try:
            remove_leftovers(folder)
            fd, temp = new_temp(folder, 0o600 if dest.kind == "replace" else 0o666)
        except OSError as exc:
            raise _refused(dest.path, _reason(exc)) from None
        if dest.kind == "replace":
            assert dest.existing is not None
            keep_owner_and_mode(fd, dest.existing)
        slot = Slot(dest.path, Path(temp))
        self._reserved.append(_Reserved(slot, dest, fd))
        return slot

    def commit(self) -> None:
        """Put every output in place, in the order reserved.

        Raises:
            ReportWriteError: one could not be put in place (its destination changed
                since it was reserved); those before it are in place, the rest not.
        """
        folders: dict[str, None] = {}
        try:
            while self._reserved:
                reserved = self._reserved[0]
                slot, dest = reserved.slot, reserved.dest
                try:
                    if dest.kind == "in_place":
                        _write_in_place(dest, _chunks_of(slot.temp))
                        os.unlink(slot.temp)
                    else:
                        os.replace(slot.temp, dest.target)
                        folders[str(dest.target.parent)] = None
                except OSError as exc:
                    raise _refused(dest.path, _reason(exc)) from None
                del self._reserved[0]
                os.close(reserved.fd)
        finally:
            self.discard()
            for folder in folders:
                sync_folder(folder)

    def discard(self) -> None:
        """Remove the temporary files not yet put in place."""
        for reserved in self._reserved:
            with suppress(OSError):
                os.unlink(reserved.slot.temp)
            os.close(reserved.fd)
        self._reserved.clear()


def _chunks_of(path: Path) -> Iterator[bytes]:
    with path.open("rb") as stream:
        yield from iter(lambda: stream.read(1 << 20), b"")


__all__ = [
    "TEMP_PREFIX",
    "TEMP_SUFFIX",
    "Destination",
    "Slot",
    "Staging",
    "destination",
    "write_output",
    "write_output_chunks",
]
