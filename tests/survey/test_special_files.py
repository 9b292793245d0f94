"""What a survey is given by name but must not read as a file: a FIFO (opening it would
wait for a writer forever), a device, a file over the readers' cap. Each is one
unreadable row saying what it is; the rest of the survey goes on."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from govinfo_report.errors import ReportLoadError, ReportReadError
from govinfo_report.readers import read_report
from govinfo_report.survey import _summary, survey

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "example_2021.yaml"


def _rows(out: Path) -> dict[str, dict[str, str]]:
    with (out / "reports.csv").open(encoding="utf-8", newline="") as stream:
        return {Path(row["file"]).name: row for row in csv.DictReader(stream)}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_fifo_given_by_name_is_unreadable_and_not_waited_on(tmp_path: Path, jobs: int) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    report = tmp_path / "report.yaml"
    shutil.copyfile(EXAMPLE, report)
    result = survey([fifo, report], tmp_path / "out", jobs=jobs)
    assert (result.files, result.unreadable, result.internal_errors) == (2, 1, 0)
    rows = _rows(tmp_path / "out")
    assert rows["pipe.json"]["reason"] == f"cannot read {fifo}: it is a FIFO, not a regular file"
    assert rows["report.yaml"]["status"] == "ok"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_folders_link_to_nothing_and_fifo_are_rows_saying_what_they_are(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / "report.yaml")
    (folder / "gone.json").symlink_to(tmp_path / "moved.json")
    os.mkfifo(folder / "pipe.json")
    result = survey([folder], tmp_path / "out", jobs=1)
    assert (result.files, result.unreadable) == (3, 2)
    rows = _rows(tmp_path / "out")
    assert rows["gone.json"]["reason"] == (
        f"cannot read {folder / 'gone.json'}: it is a link to {tmp_path / 'moved.json'}, "
        "which does not exist"
    )
    assert rows["pipe.json"]["reason"].endswith("it is a FIFO, not a regular file")
    assert rows["report.yaml"]["status"] == "ok"


def test_a_file_over_the_readers_cap_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_summary, "MAX_SOURCE_BYTES", 1000)
    big = tmp_path / "big.yaml"
    shutil.copyfile(EXAMPLE, big)
    result = survey([big], tmp_path / "out", jobs=1)
    assert result.unreadable == 1
    assert _rows(tmp_path / "out")["big.yaml"]["reason"] == f"{big} is larger than 1000 bytes"


def test_the_suffix_given_with_bytes_guides_detection() -> None:
    """``read_report(data, suffix=".json")`` reads as the path ``x.json`` would: a JSON
    document that is no report is said to be one; without the suffix, what it is cannot
    be told."""
    data = b'{"not": "a report"}'
    with pytest.raises(ReportLoadError, match="valid JSON, but not a report"):
        read_report(data, name="x.json", suffix=".json")
    with pytest.raises(ReportReadError, match="cannot tell what kind of document"):
        read_report(data, name="x")
