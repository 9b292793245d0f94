"""Writing outputs (``govinfo_report._io``) through every API that writes a path:
``write_output``, ``writers.write_report`` and ``serialize.dump``.

Whatever the path names is respected: devices and FIFOs are written in place and stay
what they are, folders and sockets are refused, a regular file is replaced atomically
keeping its mode and owner, symbolic links are followed. Every hostile node is made in
``tmp_path``; no test writes to a real system path.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from govinfo_report import ReportWriteError, blank_report
from govinfo_report._io import TEMP_PREFIX, TEMP_SUFFIX, write_output
from govinfo_report.serialize import dump, dumps
from govinfo_report.writers import render, write_report

REPORT = blank_report(year=2021, agency="某某局")
Write = Callable[..., bytes]
"""Writes to a path with one of the APIs and returns the bytes it should have written."""


def _write_output(path: Path, **options: Any) -> bytes:
    write_output(path, b"new content\n", **options)
    return b"new content\n"


def _write_report(path: Path, **options: Any) -> bytes:
    write_report(REPORT, path, to="markdown", **options)
    return render(REPORT, "markdown")


def _dump(path: Path, **options: Any) -> bytes:
    dump(REPORT, path, "yaml", **options)
    return dumps(REPORT, "yaml").encode("utf-8")


@pytest.fixture(
    params=[_write_output, _write_report, _dump], ids=["write_output", "report", "dump"]
)
def write(request: pytest.FixtureRequest) -> Write:
    function: Write = request.param
    return function


def _mknod(path: Path, mode: int, device: int) -> None:
    try:
        os.mknod(path, mode, device)
    except PermissionError:
        pytest.skip("creating device nodes needs root")


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- what is not a regular file -----------------------------------------------------------------


def test_a_character_device_is_written_in_place(write: Write, tmp_path: Path) -> None:
    null = tmp_path / "null"
    _mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a twin of /dev/null
    write(null)
    after = os.lstat(null)
    assert stat.S_ISCHR(after.st_mode)
    assert after.st_rdev == os.makedev(1, 3)
    assert _names(tmp_path) == ["null"]


def test_a_fifo_is_written_in_place(write: Write, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    # A reader that is there before the write, without a thread: open without waiting
    # for a writer, then read blocking. Reading a FIFO no writer opened gives EOF, so a
    # write that misses the FIFO cannot hang the test. The report fits the pipe buffer.
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        os.set_blocking(reader, True)
        expected = write(fifo)
        received = b"".join(iter(lambda: os.read(reader, 1 << 16), b""))
    finally:
        os.close(reader)
    assert received == expected
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def _read_all(fd: int) -> bytes:
    try:
        return os.read(fd, 1 << 16)
    except BlockingIOError:
        return b""


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    read_end, write_end = os.pipe()
    yield read_end, write_end
    os.close(read_end)
    os.close(write_end)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc/self/fd")
def test_a_descriptor_path_like_dev_stdout_is_written_in_place(
    write: Write, tmp_path: Path, pipe: tuple[int, int]
) -> None:
    # What /dev/stdout is: a link to /proc/self/fd/1, here made in tmp_path.
    stdout = tmp_path / "stdout"
    stdout.symlink_to(f"/proc/self/fd/{pipe[1]}")
    expected = write(stdout)
    os.set_blocking(pipe[0], False)  # a write that missed the pipe must fail, not hang
    assert _read_all(pipe[0]) == expected
    assert stdout.is_symlink()
    assert _names(tmp_path) == ["stdout"]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc/self/fd")
def test_a_file_behind_a_descriptor_path_is_appended_to_not_replaced(
    write: Write, tmp_path: Path
) -> None:
    # `command -o /dev/stdout >> log`: the shell opened the file; it must stay that file.
    log = tmp_path / "log"
    log.write_bytes(b"before\n")
    inode = log.stat().st_ino
    with log.open("ab") as shell_stdout:
        stdout = tmp_path / "stdout"
        stdout.symlink_to(f"/proc/self/fd/{shell_stdout.fileno()}")
        expected = write(stdout)
    assert log.read_bytes() == b"before\n" + expected
    assert log.stat().st_ino == inode


def test_a_socket_is_refused(write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a short relative name: AF_UNIX paths are limited to 108 bytes
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock")
        with pytest.raises(ReportWriteError, match=r"^cannot write sock: it is a socket;"):
            write(Path("sock"))
        assert stat.S_ISSOCK(os.lstat("sock").st_mode)


def test_a_folder_is_refused(write: Write, tmp_path: Path) -> None:
    folder = tmp_path / "out.md"
    folder.mkdir()
    with pytest.raises(
        ReportWriteError, match=f"^{re.escape(f'cannot write {folder}: it is a folder')}"
    ):
        write(folder)
    assert folder.is_dir()
    assert _names(tmp_path) == ["out.md"]


def test_a_block_device_is_refused(write: Write, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    _mknod(disk, stat.S_IFBLK | 0o600, os.makedev(0, 0))  # no such device behind it
    with pytest.raises(ReportWriteError, match="it is a block device"):
        write(disk)
    assert stat.S_ISBLK(os.lstat(disk).st_mode)


# --- regular files --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_replacing_a_file_keeps_its_mode(write: Write, tmp_path: Path, mode: int) -> None:
    path = tmp_path / "out"
    path.write_bytes(b"old")
    path.chmod(mode)
    expected = write(path)
    assert path.read_bytes() == expected
    assert stat.S_IMODE(path.stat().st_mode) == mode


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file away needs root")
def test_replacing_a_file_keeps_its_owner_and_group(write: Write, tmp_path: Path) -> None:
    path = tmp_path / "out"
    path.write_bytes(b"old")
    os.chown(path, 12345, 23456)
    write(path)
    assert (path.stat().st_uid, path.stat().st_gid) == (12345, 23456)


def test_a_new_file_gets_the_mode_open_gives_it(write: Write, tmp_path: Path) -> None:
    umask = os.umask(0o027)
    try:
        write(tmp_path / "new")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o640


def test_a_read_only_file_is_refused(write: Write, tmp_path: Path) -> None:
    path = tmp_path / "out"
    path.write_bytes(b"old")
    path.chmod(0o444)  # root could write it: the mode says it must not be
    with pytest.raises(
        ReportWriteError, match=f"^{re.escape(f'cannot write {path}: it is read-only')}"
    ):
        write(path)
    assert path.read_bytes() == b"old"


def test_force_replaces_a_read_only_file_and_keeps_it_read_only(
    write: Write, tmp_path: Path
) -> None:
    path = tmp_path / "out"
    path.write_bytes(b"old")
    path.chmod(0o444)
    expected = write(path, force=True)
    assert path.read_bytes() == expected
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_a_name_of_250_bytes_is_written_and_replaced(write: Write, tmp_path: Path) -> None:
    name = "报" * 82 + "x.md"  # 3 bytes a character: 250 bytes, under NAME_MAX (255)
    assert len(name.encode()) == 250
    path = tmp_path / name
    write(path)
    expected = write(path)
    assert path.read_bytes() == expected
    assert _names(tmp_path) == [name]


def test_a_failed_write_names_the_target_and_changes_nothing(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out"
    path.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ReportWriteError) as caught:
        write(path)
    assert str(caught.value) == f"cannot write {path}: {os.strerror(errno.ENOSPC)}"
    assert path.read_bytes() == b"old"
    assert _names(tmp_path) == ["out"]


# --- symbolic links -------------------------------------------------------------------------------


def test_a_symlink_is_followed_and_stays_a_link(write: Write, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "real" / "out"
    target.write_bytes(b"old")
    target.chmod(0o600)
    link = tmp_path / "links" / "out"
    link.symlink_to(Path("..") / "real" / "out")
    expected = write(link)
    assert os.readlink(link) == str(Path("..") / "real" / "out")
    assert target.read_bytes() == expected
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _names(tmp_path / "real") == ["out"]
    assert _names(tmp_path / "links") == ["out"]


def test_a_dangling_symlink_is_refused(write: Write, tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "missing")
    message = f"cannot write {link}: it is a symbolic link to {tmp_path / 'missing'}, which"
    with pytest.raises(ReportWriteError, match=f"^{re.escape(message)}"):
        write(link)
    assert _names(tmp_path) == ["out"]
    assert link.is_symlink()


def test_a_symlink_loop_is_refused(write: Write, tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(ReportWriteError, match=r"a: it is a loop of symbolic links$"):
        write(tmp_path / "a")
    assert _names(tmp_path) == ["a", "b"]


# --- temporary files left by a killed process ------------------------------------------------------

_KILLED_WRITER = """
import os, signal, sys
from govinfo_report import _temp_files
fd, temp = _temp_files.new_temp(sys.argv[1], 0o600)
os.write(fd, b"half a report")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_temporary_file_left_by_a_killed_process_is_removed(write: Write, tmp_path: Path) -> None:
    killed = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(tmp_path)], check=False)
    assert killed.returncode == -9
    (left,) = _names(tmp_path)
    assert left.startswith(TEMP_PREFIX)
    write(tmp_path / "out")
    assert _names(tmp_path) == ["out"]


def test_a_temporary_file_still_being_written_is_kept(write: Write, tmp_path: Path) -> None:
    busy = tmp_path / f"{TEMP_PREFIX}busy{TEMP_SUFFIX}"
    with busy.open("wb") as other_writer:
        fcntl.flock(other_writer.fileno(), fcntl.LOCK_EX)  # as a live writer holds it
        write(tmp_path / "out")
        assert _names(tmp_path) == sorted([busy.name, "out"])
