"""A survey says why a file could not be read in Chinese too: reports.csv's
``reason_zh`` beside ``reason``, and the dashboard shows the Chinese with the English."""

from __future__ import annotations

import csv
from pathlib import Path

from govinfo_report.survey import survey
from zips import encrypted_zip


def test_each_reason_is_given_in_both_languages(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bin.txt").write_bytes(b"\x00\x01binary")
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    (folder / "b.zip").write_bytes(encrypted_zip({"r.json": b"{}"}))
    (tmp_path / "empty").mkdir()  # given: a folder holding no report is a row
    out = tmp_path / "out"
    survey([folder, tmp_path / "empty"], out, jobs=1)
    with (out / "reports.csv").open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        header = reader.fieldnames or []
        rows = {Path(row["file"]).name: row for row in reader}
    assert header[header.index("reason") + 1] == "reason_zh"
    binary = rows["bin.txt"]
    assert (
        binary["reason"] == f"{folder / 'bin.txt'} is binary data, not text (it contains NUL bytes)"
    )
    assert binary["reason_zh"] == f"{folder / 'bin.txt'} 是二进制数据，不是文本（含有 NUL 字节）"
    assert rows["bad.json"]["reason"].startswith(f"cannot load {folder / 'bad.json'}: 1 problem")
    assert rows["bad.json"]["reason_zh"].startswith(f"无法读取 {folder / 'bad.json'}：1 个问题")
    member = rows["b.zip#r.json"]
    assert (
        member["reason_zh"]
        == f"无法读取 {folder / 'b.zip'}#r.json：它在压缩包中已加密：请用密码解压"
    )
    assert rows["empty"]["reason_zh"].startswith("此文件夹及其下各级文件夹中没有报告文件")
    assert all(row["reason_zh"] for row in rows.values() if row["status"] == "unreadable")
    assert all(not row["reason_zh"] for row in rows.values() if row["status"] != "unreadable")
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "是二进制数据，不是文本（含有 NUL 字节）" in page
    assert "is binary data, not text (it contains NUL bytes)" in page


def test_a_reports_csv_without_the_column_still_makes_a_dashboard(tmp_path: Path) -> None:
    # A reports.csv written before reason_zh existed: the dashboard shows its English.
    from govinfo_report.survey._dashboard import write_dashboard

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bin.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out"
    survey([folder], out, jobs=1)
    csv_path = out / "reports.csv"
    with csv_path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    at = rows[0].index("reason_zh")
    with csv_path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([r[:at] + r[at + 1 :] for r in rows])
    page = write_dashboard(out).read_text(encoding="utf-8")
    assert "is binary data, not text (it contains NUL bytes)" in page
    assert "是二进制数据" not in page
