"""``validate`` opens zip archives as ``survey`` does: each report inside is checked and
named ``ARCHIVE#MEMBER``, what cannot be read inside says why, a document named .zip is
read as the document, and nothing is unpacked to disk."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

from govinfo_report import _archive
from govinfo_report.cli import _validate, run

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "example_2021.yaml"
DONGTOU = ROOT / "examples" / "dongtou_2020.yaml"


def validate(*args: object) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run(["validate", *map(str, args)], stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def bundle(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_each_report_in_an_archive_is_checked_and_named(tmp_path: Path) -> None:
    path = bundle(
        tmp_path / "各单位年报.zip",
        {
            "教育局/2024.yaml": EXAMPLE.read_bytes(),
            "洞头.yaml": DONGTOU.read_bytes(),
            "logo.png": b"\x89PNG\r\n\x1a\n",
            "坏.json": b"{",
        },
    )
    code, stdout, _ = validate("--json", path)
    assert code == 2  # 坏.json cannot be read
    files = {f["file"]: f for f in json.loads(stdout)["files"]}
    assert list(files) == [f"{path}#教育局/2024.yaml", f"{path}#洞头.yaml", f"{path}#坏.json"]
    assert files[f"{path}#教育局/2024.yaml"]["status"] == "ok"
    assert files[f"{path}#坏.json"]["status"] == "unusable"
    assert not (tmp_path / "教育局").exists()  # nothing unpacked


def test_an_archive_in_a_folder_is_opened_too(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a.yaml")
    bundle(folder / "b.zip", {"b.yaml": EXAMPLE.read_bytes()})
    code, stdout, _ = validate(folder)
    assert code == 0, stdout
    assert f"{folder / 'b.zip'}#b.yaml: 无错误" in stdout
    assert "共检查 2 个文件" in stdout


def test_an_archive_holding_no_report_says_so(tmp_path: Path) -> None:
    path = bundle(tmp_path / "b.zip", {"photo.jpg": b"\xff\xd8\xff"})
    code, _, stderr = validate(path)
    assert code == 2
    assert f"{path}: {_archive.NO_REPORT_ZH}" in stderr


def test_a_damaged_archive_says_so(tmp_path: Path) -> None:
    path = tmp_path / "b.zip"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, stderr = validate(path)
    assert code == 2
    assert "不是可读取的 zip 压缩包" in stderr
    assert "Traceback" not in stderr


def test_a_word_document_named_zip_is_read_as_the_document(tmp_path: Path) -> None:
    from govinfo_report import load, write_report

    write_report(load(EXAMPLE), tmp_path / "r.docx")
    shutil.copy(tmp_path / "r.docx", tmp_path / "r.zip")
    code, stdout, stderr = validate(tmp_path / "r.zip")
    assert code == 0, stderr
    assert f"{tmp_path / 'r.zip'}: 无错误" in stdout


def test_a_reader_asked_for_reads_the_zip_as_a_file(tmp_path: Path) -> None:
    path = bundle(tmp_path / "b.zip", {"b.yaml": EXAMPLE.read_bytes()})
    code, _, stderr = validate("--from", "docx", path)
    assert code == 2
    assert "#b.yaml" not in stderr


def test_previous_applies_to_the_reports_inside(tmp_path: Path) -> None:
    path = bundle(tmp_path / "b.zip", {"b.yaml": EXAMPLE.read_bytes()})
    code, _, stderr = validate("--previous", DONGTOU, path)
    assert code == 2
    assert f"{path}#b.yaml" in stderr  # the same refusal as for the file itself


def test_the_suffix_is_the_archive_modules() -> None:
    assert _validate._ARCHIVE_SUFFIX == _archive.ARCHIVE_SUFFIX


def test_a_member_named_with_dot_parts_is_read_one_under_dot_dot_is_not(tmp_path: Path) -> None:
    # Some zip tools store ./各局/a.yaml; a name climbing out (../) is passed over, as a
    # hidden name is.
    path = bundle(
        tmp_path / "a.zip",
        {"./各局/a.yaml": EXAMPLE.read_bytes(), "../b.yaml": EXAMPLE.read_bytes()},
    )
    code, stdout, _ = validate("--json", path)
    assert code == 0
    assert [f["file"] for f in json.loads(stdout)["files"]] == [f"{path}#./各局/a.yaml"]
