"""``govinfo-report survey``: outputs, summary, progress on a terminal only, clear errors."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest

from fixtures.survey.corpus import write_named
from govinfo_report.cli import run


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _cli(*args: object, stderr: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), stderr if stderr is not None else io.StringIO()
    code = run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy("examples/example_2021.yaml", folder / "a.yaml")
    shutil.copy("examples/dongtou_2020.yaml", folder / "b.yaml")
    (folder / "c.json").write_text("{}", encoding="utf-8")
    return folder


def test_survey_writes_the_outputs_and_summarises(tmp_path: Path) -> None:
    code, out, err = _cli(
        "survey", _corpus(tmp_path), "-o", tmp_path / "out", "--lang", "en", "-j", "1"
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "3 file(s) surveyed: 2 ok, 0 with errors, 1 unreadable; 3 read, "
        "0 unchanged since the last survey"
    )
    assert out.splitlines()[-1] == (
        f"wrote reports.csv, reports.xlsx, cells.csv, findings.jsonl, index.html in {tmp_path / 'out'}"
    )
    for name in ("reports.csv", "reports.xlsx", "cells.csv", "findings.jsonl", "index.html"):
        assert (tmp_path / "out" / name).is_file()


def test_a_second_survey_reads_nothing_unchanged(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    _cli("survey", corpus, "-o", tmp_path / "out", "-j", "1")
    code, out, _ = _cli("survey", corpus, "-o", tmp_path / "out", "--lang", "en", "-j", "1")
    assert code == 0
    assert "; 0 read, 3 unchanged since the last survey" in out  # unreadable ones too


def test_a_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    _, _, quiet = _cli("survey", corpus, "-o", tmp_path / "a", "-j", "1")
    assert quiet == ""
    _, _, shown = _cli("survey", corpus, "-o", tmp_path / "b", "-j", "1", stderr=Terminal())
    assert "调查:" in shown  # in the language of --lang, Chinese by default
    assert "/3 [" in shown  # files done of 3
    args = ("survey", corpus, "-o", tmp_path / "d", "-j", "1", "--lang", "en")
    _, _, shown = _cli(*args, stderr=Terminal())
    assert "survey:" in shown
    _, _, asked = _cli("survey", corpus, "-o", tmp_path / "c", "-j", "1", "-q", stderr=Terminal())
    assert asked == ""


def test_an_output_that_is_a_file_exits_2(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("x")
    code, out, err = _cli("survey", "examples", "--lang", "en", "-o", target)
    assert (code, out) == (2, "")
    assert (
        err
        == f"govinfo-report: error: {target} is not a folder; give a folder for the survey's outputs\n"
    )


def test_a_survey_that_reads_not_one_report_exits_2_with_its_outputs(tmp_path: Path) -> None:
    """A folder of scans, or the wrong folder: the outputs say why each file could not be
    read, and the exit code says that nothing could (a cron job must not pass)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.json").write_text('{"hello": "world"}', encoding="utf-8")
    (folder / "empty.yaml").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = _cli("survey", folder, "-o", out, "--lang", "en", "-j", "1")
    assert code == 2
    assert err == (
        "govinfo-report: error: not one of the 2 file(s) could be read as a report; "
        f"why each could not is in {out / 'reports.csv'}\n"
    )
    assert (out / "reports.csv").read_text(encoding="utf-8").count("unreadable") == 2
    assert (out / "index.html").is_file()
    code, _, err = _cli("survey", folder, "-o", out, "-j", "1")
    assert code == 2
    assert err == (
        "govinfo-report: error: 2 个文件没有一个能作为报告读取；"
        f"每个文件的原因见 {out / 'reports.csv'}\n"
    )
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert _cli("survey", empty, "-o", tmp_path / "out2", "-j", "1")[0] == 2
    # One readable report among them is a survey that worked.
    shutil.copy("examples/example_2021.yaml", folder / "a.yaml")
    assert _cli("survey", folder, "-o", out, "-j", "1")[0] == 0


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    code, _, err = _cli("survey", "examples", "-o", tmp_path, "--jobs", "0")
    assert code == 2
    assert "参数 -j/--jobs：应为 1 或更大的整数，实际为 0" in err
    err = _cli("survey", "examples", "-o", tmp_path, "--jobs", "0", "--lang", "en")[2]
    assert "argument -j/--jobs: expected 1 or more, got 0" in err


def test_a_bad_hierarchy_file_exits_2_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "h.yaml"
    bad.write_text("- a list\n", encoding="utf-8")
    code, _, err = _cli("survey", "examples", "-o", tmp_path / "out", "--hierarchy", bad)
    assert code == 2
    assert err.startswith("govinfo-report: error: ")
    assert "h.yaml" in err
    assert "Traceback" not in err


def test_standard_input_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    # "-" is standard input to validate and render; to a survey it was a file named "-",
    # one unreadable row ("No such file or directory").
    code, out, err = _cli("survey", "examples", "-", "--lang", "en", "-o", tmp_path / "out")
    assert (code, out) == (2, "")
    assert err == (
        "govinfo-report: error: standard input (-) is one report: validate it; "
        "survey files and folders\n"
    )
    assert not (tmp_path / "out").exists()


def test_reports_of_a_renamed_agency_are_listed_with_how_to_check_them(tmp_path: Path) -> None:
    renamed = [("a", "温州市洞头区政务服务中心", 2023), ("b", "洞头区政务服务中心", 2024)]
    corpus = write_named(tmp_path / "in", renamed)
    code, out, _ = _cli("survey", corpus, "-o", tmp_path / "out", "--lang", "en", "-j", "1")
    assert code == 0
    lines = out.splitlines()
    at = lines.index(
        "1 report(s) not paired that may continue another name's of the year before "
        "(the agency named with or without its region):"
    )
    assert lines[at + 1 : at + 3] == [
        f"  {corpus / 'b.json'} (洞头区政务服务中心 2024) <- {corpus / 'a.json'} "
        "(温州市洞头区政务服务中心 2023)",
        "  check one: govinfo-report validate FILE --previous PREVIOUS",
    ]


def test_an_archive_of_reports_is_counted_as_one_file_of_several_reports(
    tmp_path: Path,
) -> None:
    import zipfile

    folder = _corpus(tmp_path)
    with zipfile.ZipFile(folder / "bundle.zip", "w") as archive:
        archive.write("examples/example_2021.yaml", "x.yaml")
        archive.write("examples/dongtou_2020.yaml", "y.yaml")
    out = tmp_path / "out"
    code, stdout, _ = _cli("survey", folder, "-o", out, "-j", "1")
    assert code == 0
    assert stdout.splitlines()[0] == (
        "共 4 个文件中的 5 份报告：4 份无错误，0 份有错误，1 份无法读取；"
        "本次读取 5 份，0 份自上次以来未变"
    )
    code, stdout, _ = _cli("survey", folder, "-o", out, "--lang", "en", "-j", "1")
    assert stdout.splitlines()[0] == (
        "5 report(s) in 4 file(s) surveyed: 4 ok, 0 with errors, 1 unreadable; 0 read, "
        "5 unchanged since the last survey"
    )


def test_one_report_a_file_is_counted_as_files_in_chinese(tmp_path: Path) -> None:
    code, stdout, _ = _cli("survey", _corpus(tmp_path), "-o", tmp_path / "out", "-j", "1")
    assert code == 0
    assert stdout.splitlines()[0] == (
        "共 3 个文件：2 个无错误，0 个有错误，1 个无法读取；本次读取 3 个，0 个自上次以来未变"
    )


def test_a_bug_of_ours_on_a_file_is_said_in_the_language_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govinfo_report import checks

    real = checks.check

    def broken(report: Any, **kwargs: Any) -> Any:
        if report.metadata.year == 2024:  # examples/example_2021.yaml, a.yaml
            raise ZeroDivisionError("boom")
        return real(report, **kwargs)

    monkeypatch.setattr(checks, "check", broken)
    corpus = _corpus(tmp_path)
    code, _, err = _cli("survey", corpus, "-o", tmp_path / "a", "-j", "1")
    assert code == 0  # the others were surveyed
    assert err == (
        "govinfo-report: warning: 有 1 个文件因本程序的缺陷未能处理（原因一栏写有“内部错误”）；"
        "这是 govinfo-report 的缺陷，请报告\n"
    )
    _, _, err = _cli("survey", corpus, "-o", tmp_path / "b", "-j", "1", "--lang", "en")
    assert err == (
        "govinfo-report: warning: the library failed on 1 file(s) (their reason says "
        "'internal error'); this is a bug in govinfo-report, please report it\n"
    )


def test_the_summary_says_the_same_in_either_language_for_an_archive(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write("examples/example_2021.yaml", "a.yaml")
        zipped.write("examples/dongtou_2020.yaml", "b.yaml")
    code, out, _ = _cli("survey", archive, "-o", tmp_path / "zh", "-j", "1", "--no-similar")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("共 1 个文件中的 2 份报告：")
    assert lines[1] == "0 份报告与上年报告核对；0 个上级与下级汇总核对"
    assert lines[2] == "未做：DUP.1（雷同）：未判断（similar=False）"
    args = ("survey", archive, "-o", tmp_path / "en", "-j", "1", "--no-similar", "--lang", "en")
    code, out, _ = _cli(*args)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2 report(s) in 1 file(s) surveyed:")
    assert (
        lines[1]
        == "0 report(s) checked against the previous year; 0 parent(s) against their children"
    )
    assert lines[2] == "skipped: DUP.1 (雷同): not judged (similar=False)"
