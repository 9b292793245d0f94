"""_io.Staging: several outputs written apart and put in place together."""

from __future__ import annotations

import os
import stat
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from govinfo_report._io import Slot, Staging
from govinfo_report._temp_files import is_temporary
from govinfo_report.errors import ReportWriteError


def _names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def _write(slot: Slot, data: bytes) -> None:
    slot.write([data[:3], data[3:]])


def test_commit_puts_every_output_in_place_and_nothing_before(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_bytes(b"old a")
    with Staging() as staging:
        a, b = staging.reserve(tmp_path / "a.csv"), staging.reserve(tmp_path / "b.csv")
        _write(a, b"new a")
        _write(b, b"new b")
        assert a.temp.read_bytes() == b"new a"  # readable before the commit
        assert (tmp_path / "a.csv").read_bytes() == b"old a"
        assert not (tmp_path / "b.csv").exists()
        staging.commit()
    assert (tmp_path / "a.csv").read_bytes() == b"new a"
    assert (tmp_path / "b.csv").read_bytes() == b"new b"
    assert _names(tmp_path) == ["a.csv", "b.csv"]


def test_leaving_without_commit_removes_the_temporary_files_only(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_bytes(b"old a")
    staging = Staging()
    _write(staging.reserve(tmp_path / "a.csv"), b"new a")
    staging.reserve(tmp_path / "b.csv")
    assert any(is_temporary(n) for n in _names(tmp_path))
    with pytest.raises(RuntimeError), staging:
        raise RuntimeError("interrupted")
    assert _names(tmp_path) == ["a.csv"]
    assert (tmp_path / "a.csv").read_bytes() == b"old a"


def test_a_destination_is_refused_when_reserved_by_its_name(tmp_path: Path) -> None:
    (tmp_path / "folder.csv").mkdir()
    read_only = tmp_path / "locked.csv"
    read_only.write_bytes(b"keep")
    read_only.chmod(0o444)
    with Staging() as staging:
        with pytest.raises(
            ReportWriteError, match=r"folder\.csv: it is a folder; give the name of a file$"
        ):
            staging.reserve(tmp_path / "folder.csv")
        with pytest.raises(ReportWriteError, match=r"locked\.csv: it is read-only"):
            staging.reserve(read_only)
        with pytest.raises(ReportWriteError, match=r"the folder .*missing does not exist"):
            staging.reserve(tmp_path / "missing" / "a.csv")
    with Staging(force=True) as staging:
        _write(staging.reserve(read_only), b"forced")
        staging.commit()
    assert read_only.read_bytes() == b"forced"
    assert stat.S_IMODE(read_only.stat().st_mode) == 0o444


def test_a_replaced_file_keeps_its_mode_and_a_link_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_bytes(b"old")
    real.chmod(0o604)
    (tmp_path / "link.csv").symlink_to(real)
    with Staging() as staging:
        _write(staging.reserve(tmp_path / "link.csv"), b"new content")
        staging.commit()
    assert (tmp_path / "link.csv").is_symlink()
    assert real.read_bytes() == b"new content"
    assert stat.S_IMODE(real.stat().st_mode) == 0o604


def test_a_slot_can_be_written_by_another_process(tmp_path: Path) -> None:
    with Staging() as staging:
        slot = staging.reserve(tmp_path / "cells.csv")
        with ProcessPoolExecutor(max_workers=1) as pool:
            pool.submit(_write, slot, b"from a worker").result()
        staging.commit()
    assert (tmp_path / "cells.csv").read_bytes() == b"from a worker"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_write_error_names_the_output_not_its_temporary_file() -> None:
    slot = Slot(Path("out/cells.csv"), Path("/dev/full"))
    with pytest.raises(ReportWriteError, match=r"^cannot write out/cells\.csv: No space left"):
        slot.write([b"x" * 10])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_gets_its_bytes_at_commit_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "index.html"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    with Staging() as staging:
        slot = staging.reserve(fifo)
        assert slot.temp.parent == tmp_path
        _write(slot, b"<html>page</html>")
        reader.start()
        staging.commit()
    reader.join(timeout=10)
    assert got == [b"<html>page</html>"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert _names(tmp_path) == ["index.html"]


def test_a_destination_changed_since_reserved_stops_the_commit_there(tmp_path: Path) -> None:
    with Staging() as staging:
        first, second, third = (staging.reserve(tmp_path / n) for n in ("1.csv", "2.csv", "3.csv"))
        for slot in (first, second, third):
            _write(slot, b"data")
        (tmp_path / "2.csv").mkdir()  # after it was checked
        with pytest.raises(ReportWriteError, match=r"2\.csv: "):
            staging.commit()
    assert (tmp_path / "1.csv").read_bytes() == b"data"
    assert (tmp_path / "2.csv").is_dir()
    assert _names(tmp_path) == ["1.csv", "2.csv"]  # no temporary file left, no 3.csv
