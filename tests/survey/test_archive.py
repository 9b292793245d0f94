"""Zip archives in a survey: each report inside is a row ``ARCHIVE#MEMBER``, paired as
any file is; what cannot be read inside says why, and nothing is unpacked to disk."""

from __future__ import annotations

import csv
import io
import struct
import zipfile
from pathlib import Path

import pytest

from fixtures.survey.corpus import write_named
from govinfo_report import _archive as archive
from govinfo_report.survey import survey
from zips import encrypted_zip


def _rows(out: Path) -> dict[str, dict[str, str]]:
    with (out / "reports.csv").open(encoding="utf-8", newline="") as stream:
        return {row["file"]: row for row in csv.DictReader(stream)}


def _gbk_zip(path: Path, members: list[tuple[str, bytes]]) -> None:
    """A zip as Windows in China writes one: names in GBK, without the UTF-8 flag (which
    zipfile sets for any name that is not ASCII, so ASCII stand-ins are patched)."""
    stand_ins = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i, (name, data) in enumerate(members):
            raw = name.encode("gb18030")
            stand_in = f"{i:04d}".encode().ljust(len(raw), b"_")
            stand_ins.append((stand_in, raw))
            z.writestr(stand_in.decode(), data)
    data = path.read_bytes()
    for stand_in, raw in stand_ins:
        assert data.count(stand_in) == 2  # the local header and the central directory
        data = data.replace(stand_in, raw)
    path.write_bytes(data)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A folder with a 2023 report loose and a bundle holding the 2024 one, another
    agency's, a picture, macOS's leftovers and an archive inside the archive."""
    reports = write_named(
        tmp_path / "named", [("a2023", "安澜县教育局", 2023), ("a2024", "安澜县教育局", 2024)]
    )
    write_named(tmp_path / "other", [("b", "安澜县民政局", 2024)])
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (reports / "a2023.json").rename(corpus / "a2023.json")
    _gbk_zip(
        corpus / "各单位年报.zip",
        [
            ("教育局/2024年报告.json", (reports / "a2024.json").read_bytes()),
            ("民政局.json", (tmp_path / "other" / "b.json").read_bytes()),
            ("照片.png", b"\x89PNG\r\n\x1a\n"),
            ("__MACOSX/._民政局.json", b"\x00\x05\x16\x07"),
            ("~$民政局.docx", b"\x0bAdministrator"),
            ("旧版.zip", b"PK\x05\x06" + bytes(18)),
        ],
    )
    return corpus


def test_each_report_in_an_archive_is_a_row_named_by_its_gbk_name(
    bundle: Path, tmp_path: Path
) -> None:
    result = survey([bundle], tmp_path / "out", jobs=1)
    rows = _rows(tmp_path / "out")
    zipped = f"{bundle / '各单位年报.zip'}#"
    assert list(rows) == [
        str(bundle / "a2023.json"),
        f"{zipped}教育局/2024年报告.json",
        f"{zipped}旧版.zip",
        f"{zipped}民政局.json",
    ]
    assert rows[f"{zipped}民政局.json"]["agency"] == "安澜县民政局"
    assert rows[f"{zipped}旧版.zip"]["reason"].startswith("this is a zip archive (.zip)")
    assert (result.files, result.ok, result.unreadable) == (4, 3, 1)


def test_a_report_in_an_archive_is_paired_with_its_previous_year(
    bundle: Path, tmp_path: Path
) -> None:
    survey([bundle], tmp_path / "out", jobs=1)
    row = _rows(tmp_path / "out")[f"{bundle / '各单位年报.zip'}#教育局/2024年报告.json"]
    assert row["previous_file"] == str(bundle / "a2023.json")


def test_jobs_2_gives_the_same_bytes_as_serial(bundle: Path, tmp_path: Path) -> None:
    survey([bundle], tmp_path / "one", jobs=1)
    survey([bundle], tmp_path / "two", jobs=2)
    for name in ("reports.csv", "cells.csv", "findings.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_utf8_names_are_read_as_flagged() -> None:
    info = zipfile.ZipInfo("报告.json")
    info.flag_bits |= 0x800
    assert archive.member_name(info) == "报告.json"


def _one(tmp_path: Path, data: bytes) -> dict[str, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.zip").write_bytes(data)
    survey([folder], tmp_path / "out", jobs=1)
    [row] = _rows(tmp_path / "out").values()
    return row


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def test_an_encrypted_member_says_so(tmp_path: Path) -> None:
    row = _one(tmp_path, encrypted_zip({"r.json": b"{}"}))
    assert row["file"].endswith("b.zip#r.json")
    assert "it is encrypted in the archive" in row["reason"]


def test_a_member_larger_than_it_declares_is_refused(tmp_path: Path) -> None:
    data = bytearray(_zip({"r.json": b"{" + b" " * 5000 + b"}"}))
    at = data.find(b"PK\x01\x02") + 24  # the central directory's uncompressed size
    struct.pack_into("<I", data, at, 10)
    row = _one(tmp_path, bytes(data))
    assert row["status"] == "unreadable"
    assert "cannot read" in row["reason"]
    assert "damaged" in row["reason"] or "beyond its declared size" in row["reason"]


def test_a_damaged_archive_is_one_row_saying_so(tmp_path: Path) -> None:
    row = _one(tmp_path, b"PK\x03\x04 not really a zip")
    assert row["file"].endswith("b.zip")
    assert "is not a readable zip archive" in row["reason"]


def test_an_archive_of_no_report_is_one_row_and_unchanged_next_time(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.zip").write_bytes(_zip({"photo.jpg": b"\xff\xd8\xff", "notes/": b""}))
    first = survey([folder], tmp_path / "out", jobs=1)
    [row] = _rows(tmp_path / "out").values()
    assert row["reason"].startswith("a zip archive holding no report files")
    again = survey([folder], tmp_path / "out", jobs=1)
    assert (first.read, again.read, again.unreadable) == (1, 0, 1)


def test_too_many_entries_are_not_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_MEMBERS", 2)
    row = _one(tmp_path, _zip({f"{i}.json": b"{}" for i in range(3)}))
    assert row["reason"].endswith(
        "holds 3 entries, over the 2 that are opened: unpack it and give the folder"
    )


def test_members_over_the_inflated_total_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive, "MAX_INFLATED", 3)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.zip").write_bytes(_zip({"a.json": b"{}", "b.json": b"{}"}))
    survey([folder], tmp_path / "out", jobs=1)
    rows = list(_rows(tmp_path / "out").values())
    assert "inflates to more than 3 bytes" not in rows[0]["reason"]
    assert "the archive inflates to more than 3 bytes" in rows[1]["reason"]


def test_a_word_document_named_zip_is_read_as_the_document(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    docx = Path("tests/fixtures/docx/shuyang_2023.docx").read_bytes()
    (folder / "报告.zip").write_bytes(docx)
    survey([folder], tmp_path / "out", jobs=1)
    [row] = _rows(tmp_path / "out").values()
    assert (row["file"], row["status"], row["agency"]) == (
        str(folder / "报告.zip"),
        "ok",
        "沭阳县发展和改革局",
    )


def test_an_unchanged_archive_is_not_read_again(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = survey([bundle], out, jobs=1, similar=False)
    assert first.read == 4  # the loose report and the archive's three rows
    before = (out / "reports.csv").read_bytes()
    again = survey([bundle], out, jobs=1, similar=False)
    assert again.read == 0  # nothing changed: the archive's rows are kept, not re-read
    assert again.files == 4
    assert (out / "reports.csv").read_bytes() == before
    # DUP.1 asked for now: the rows stored without sketches cannot be reused.
    assert survey([bundle], out, jobs=1, similar=True).read == 4
    assert survey([bundle], out, jobs=1, similar=True).read == 0


def test_a_changed_archive_is_read_again_and_its_old_rows_dropped(
    bundle: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    survey([bundle], out, jobs=1)
    zipped = bundle / "各单位年报.zip"
    zipped.write_bytes(_zip({"新/r.json": (bundle / "a2023.json").read_bytes()}))
    result = survey([bundle], out, jobs=2)
    assert result.read == 1  # the archive; the loose report is unchanged
    assert list(_rows(out)) == [str(bundle / "a2023.json"), f"{zipped}#新/r.json"]
    assert result.dropped == 3
