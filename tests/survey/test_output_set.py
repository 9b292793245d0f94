"""A survey's outputs are one set: checked before anything is read, and put in place
together once all are written, so a folder never holds some new and some old."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from govinfo_report.errors import ReportLoadError, ReportWriteError
from govinfo_report.survey import SurveyError, _dashboard, _run, survey

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
OUTPUTS = ("reports.csv", "reports.xlsx", "cells.csv", "findings.jsonl", "index.html")


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for name in ("example_2021.yaml", "dongtou_2020.yaml"):
        shutil.copyfile(EXAMPLES / name, folder / name)
    return folder


def _contents(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus and the folder of a survey of it, after which the corpus changed."""
    corpus, out = _corpus(tmp_path / "corpus"), tmp_path / "out"
    survey([corpus], out, jobs=1)
    (corpus / "dongtou_2020.yaml").unlink()  # the next survey's outputs differ
    return corpus, out


def test_an_output_that_cannot_be_written_stops_the_survey_before_it_reads(
    previous: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, out = previous
    (out / "cells.csv").unlink()
    (out / "cells.csv").mkdir()
    before = _contents(out)

    def never(*args: object) -> int:
        raise AssertionError("the corpus was read")

    monkeypatch.setattr(_run, "_phase1", never)
    with pytest.raises(ReportWriteError, match=r"cells\.csv: it is a folder"):
        survey([corpus], out, jobs=1)
    assert _contents(out) == before  # reports.csv and the rest as they were
    assert sorted(p.name for p in out.iterdir()) == sorted([*before, "cells.csv"])


@pytest.mark.parametrize("error", [ReportLoadError("x", ["broken"]), KeyboardInterrupt()])
def test_a_failure_while_writing_leaves_the_previous_outputs_and_no_temporary_file(
    previous: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    corpus, out = previous
    before = _contents(out)

    def fails(*args: object, **kwargs: object) -> Path:
        raise error  # the dashboard comes last: every other output is written by now

    monkeypatch.setattr(_dashboard, "write_dashboard", fails)
    with pytest.raises(type(error)):
        survey([corpus], out, jobs=1)
    after = _contents(out)
    cache = ".survey-cache.sqlite3"
    assert {k: v for k, v in after.items() if k != cache} == {
        k: v for k, v in before.items() if k != cache
    }


def test_the_outputs_replace_the_previous_ones_keeping_their_modes(
    previous: tuple[Path, Path],
) -> None:
    corpus, out = previous
    (out / "reports.csv").chmod(0o640)
    (out / "index.html").chmod(0o444)  # read-only: a survey replaces its own outputs
    before = _contents(out)
    result = survey([corpus], out, jobs=1)
    assert result.files == 1
    after = _contents(out)
    assert all(after[name] != before[name] for name in ("reports.csv", "cells.csv"))
    assert stat.S_IMODE((out / "reports.csv").stat().st_mode) == 0o640
    assert stat.S_IMODE((out / "index.html").stat().st_mode) == 0o444
    assert sorted(after) == sorted([*OUTPUTS, ".survey-cache.sqlite3"])


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_outputs_of_a_parallel_survey_are_the_serial_ones(tmp_path: Path, jobs: int) -> None:
    corpus = _corpus(tmp_path / "corpus")
    survey([corpus], tmp_path / "one", jobs=1)
    survey([corpus], tmp_path / "out", jobs=jobs)
    one, out = _contents(tmp_path / "one"), _contents(tmp_path / "out")
    assert {k: out[k] for k in OUTPUTS} == {k: one[k] for k in OUTPUTS}


def test_a_folder_holding_only_a_killed_surveys_temporary_file_is_taken(tmp_path: Path) -> None:
    """A survey killed before its cache was made leaves only its temporary files: the
    folder is not one "holding other files", and the next survey removes them."""
    corpus, out = _corpus(tmp_path / "corpus"), tmp_path / "out"
    out.mkdir()
    (out / ".govinfo-report-0123456789abcdef.tmp").write_bytes(b"half a cells.csv")
    survey([corpus], out, jobs=1)
    assert sorted(os.listdir(out)) == sorted([*OUTPUTS, ".survey-cache.sqlite3"])


def test_a_folder_holding_other_hidden_files_is_still_refused(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path / "corpus"), tmp_path / "out"
    out.mkdir()
    (out / ".govinfo-report-notes.txt").write_text("mine")
    with pytest.raises(SurveyError, match="holds other files"):
        survey([corpus], out, jobs=1)
