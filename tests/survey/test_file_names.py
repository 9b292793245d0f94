"""A file whose name is not UTF-8 (GBK, from an archive made on Windows) is surveyed like
any other, named in the outputs with its undecodable bytes written ``\\xNN``."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from govinfo_report._scan import shown
from govinfo_report.survey import survey

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "example_2021.yaml"


def _gbk_file(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix`` with the stem's bytes in GBK, as Python names it (its
    undecodable bytes as lone surrogates); skip where the file system refuses it."""
    raw = os.fsencode(folder) + b"/" + stem.encode("gbk") + suffix.encode()
    try:
        with open(raw, "wb"):
            pass
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    return Path(os.fsdecode(raw))


def test_shown_writes_the_bytes_a_name_cannot_decode_and_leaves_text_alone() -> None:
    gbk = os.fsdecode("年报".encode("gbk") + b".yaml")  # c4 ea b1 a8: ea b1 a8 is UTF-8 "걨"
    assert gbk == "\udcc4걨.yaml"
    assert shown(gbk) == "\\xc4걨.yaml"
    assert shown("/tmp/某局/2023年报告.json") == "/tmp/某局/2023年报告.json"
    assert shown("report.json") == "report.json"
    assert shown("a\ud800b") == "a\\ud800b"  # a surrogate no file system gives
    assert all(c.isprintable() for c in shown(gbk))
    shown(gbk).encode("utf-8")  # any UTF-8 output holds it


def test_a_survey_reads_gbk_named_files_and_keeps_them_on_a_rerun(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = _gbk_file(inputs, "年报2021", ".yaml")
    shutil.copyfile(EXAMPLE, good)
    bad = _gbk_file(inputs, "坏文件", ".json")
    bad.write_text("{", encoding="utf-8")
    out = tmp_path / "out"

    first = survey([inputs], out, jobs=1)
    assert (first.files, first.unreadable, first.internal_errors) == (2, 1, 0)
    with (out / "reports.csv").open(encoding="utf-8", newline="") as stream:
        rows = {row["file"]: row for row in csv.DictReader(stream)}
    assert set(rows) == {shown(str(good)), shown(str(bad))}
    assert rows[shown(str(good))]["status"] == "ok"
    reason = rows[shown(str(bad))]["reason"]
    assert f"cannot load {shown(str(bad))}: " in reason  # the reader's message, naming it
    assert "internal error" not in reason
    for line in (out / "findings.jsonl").read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["file"] in rows
    assert "\\x" in (out / "index.html").read_text(encoding="utf-8")

    again = survey([inputs], out, jobs=2)
    assert (again.files, again.read, again.internal_errors) == (2, 0, 0)  # both unchanged


def test_validate_names_them_as_the_survey_does(tmp_path: Path) -> None:
    """validate's JSON Lines are UTF-8 any parser takes (no lone surrogate written as
    ``\\udcc4``), and its plain lines name the file as the survey's outputs do."""
    import io

    import orjson

    from govinfo_report import cli

    good = _gbk_file(tmp_path, "年报2021", ".yaml")
    shutil.copyfile(EXAMPLE, good)
    bad = _gbk_file(tmp_path, "坏文件", ".json")
    bad.write_text("{", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["validate", "--jsonl", str(tmp_path)], out, err) == 2
    lines = [orjson.loads(line.encode("utf-8")) for line in out.getvalue().splitlines()]
    by_file = {line["file"]: line for line in lines[:-1]}
    assert set(by_file) == {shown(str(good)), shown(str(bad))}
    assert by_file[shown(str(bad))]["error"].startswith(f"cannot load {shown(str(bad))}")
    out = io.StringIO()
    cli.run(["validate", str(good)], out, io.StringIO())
    assert out.getvalue().startswith(f"{shown(str(good))}: ")
