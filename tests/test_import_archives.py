"""``import ARCHIVE.zip -o OUTDIR``: each report inside as a report file in OUTDIR, under
a name made from its path in the archive, never written outside OUTDIR, every output
checked before anything is written, and a member that cannot be read named."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from govinfo_report import load
from govinfo_report.cli import run
from govinfo_report.cli._import_archive import MAX_NAME_BYTES, output_names
from test_validate_archives import bundle

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "example_2021.yaml"
DONGTOU = ROOT / "examples" / "dongtou_2020.yaml"
PROTECTED = ROOT / "tests" / "fixtures" / "protected" / "report_2021.doc"


def cli(*args: object) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run([str(a) for a in args], stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_each_report_becomes_a_file_named_by_its_path(tmp_path: Path) -> None:
    path = bundle(
        tmp_path / "各单位年报.zip",
        {
            "各单位年报/教育局/2024.yaml": EXAMPLE.read_bytes(),
            "各单位年报/洞头.yaml": DONGTOU.read_bytes(),
            "各单位年报/logo.png.txt": b"not a report",
        },
    )
    out = tmp_path / "out"
    code, _, err = cli("import", "--lang", "en", path, "-o", out)
    assert code == 2, err  # the .txt holds no report
    # The folder every member shares (各单位年报) is left out of the names.
    assert files_under(out) == {"教育局_2024.yaml", "洞头.yaml"}
    assert load(out / "教育局_2024.yaml") == load(EXAMPLE)
    assert load(out / "洞头.yaml") == load(DONGTOU)
    assert f"error: {path}#各单位年报/logo.png.txt" in err
    assert "imported 2 report(s)" in err
    assert "1 could not be read" in err
    assert "Traceback" not in err


def test_a_clean_archive_exits_0_and_fill_totals_applies_to_each(tmp_path: Path) -> None:
    from govinfo_report import dumps
    from govinfo_report.model import BLANK

    report = load(EXAMPLE)
    total = "applications.new_received.total"
    unfilled = dumps(report.with_cells({total: BLANK}), "yaml").encode()
    path = bundle(tmp_path / "a.zip", {"a.yaml": unfilled, "b.yaml": unfilled})
    out = tmp_path / "out"
    code, _, err = cli("import", path, "--fill-totals", "-o", out)
    assert code == 0, err
    for name in ("a.yaml", "b.yaml"):
        assert load(out / name).cell(total) == report.cell(total)


@pytest.mark.parametrize(
    ("member", "expected"),
    [
        ("../../etc/passwd.yaml", "etc_passwd.yaml"),
        ("/tmp/abs.yaml", "tmp_abs.yaml"),
        ("a\\b\\c.yaml", "a_b_c.yaml"),
        ("./x/./y.yaml", "x_y.yaml"),
        ("x//y.yaml", "x_y.yaml"),
        ("ctl\x01\x1f.yaml", "ctl__.yaml"),
    ],
)
def test_a_name_never_leaves_the_folder(member: str, expected: str) -> None:
    # With a second member, nothing is shared: the whole path makes the name.
    assert output_names([member, "other.yaml"])[member] == expected


def test_long_hidden_and_colliding_names_are_made_safe_and_distinct() -> None:
    long = "局" * 150 + ".doc"
    names = output_names([long, "局.doc", "局.xls", "A.yaml", "a.yaml", "x/.y.yaml"])
    assert len(names[long].encode()) <= MAX_NAME_BYTES
    assert names["局.doc"] == "局.doc.yaml"  # the same stem: the suffix is kept
    assert names["局.xls"] == "局.xls.yaml"
    assert names["A.yaml"] == "A.yaml.yaml"
    assert names["a.yaml"] == "a.yaml~2.yaml"  # apart on a case-insensitive disk too
    assert names["x/.y.yaml"] == "x_.y.yaml"
    assert len({n.casefold() for n in names.values()}) == len(names)


def test_hostile_member_names_write_only_inside_outdir(tmp_path: Path) -> None:
    data = EXAMPLE.read_bytes()
    path = bundle(
        tmp_path / "evil.zip",
        {
            "/abs.yaml": data,
            "a\\..\\..\\b.yaml": data,
            "c/./d.yaml": data,
            "é" * 120 + ".yaml": data,
        },
    )
    out = tmp_path / "work" / "out"
    code, _, err = cli("import", path, "-o", out)
    assert code == 0, err
    assert files_under(tmp_path) - {"evil.zip"} == {
        "work",
        "work/out",
        *(f"work/out/{name}" for name in files_under(out)),
    }
    # A member under ``..`` is passed over as survey and validate pass it over (as a
    # hidden name); ``./`` is no part of a name.
    assert len(files_under(out)) == 3
    assert "c_d.yaml" in files_under(out)
    assert all(len(name.encode()) <= MAX_NAME_BYTES for name in files_under(out))


def test_an_existing_output_stops_the_import_before_anything_is_written(tmp_path: Path) -> None:
    path = bundle(tmp_path / "a.zip", {"a.yaml": EXAMPLE.read_bytes(), "b.yaml": b""})
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.yaml").write_text("mine", encoding="utf-8")
    code, _, err = cli("import", path, "-o", out, "--lang", "en")
    assert code == 2
    assert "b.yaml already exists; use --force" in err
    assert files_under(out) == {"b.yaml"}  # a.yaml not written either
    assert (out / "b.yaml").read_text(encoding="utf-8") == "mine"
    bundle(path, {"a.yaml": EXAMPLE.read_bytes(), "b.yaml": DONGTOU.read_bytes()})
    assert cli("import", path, "-o", out, "--force")[0] == 0
    assert load(out / "b.yaml") == load(DONGTOU)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_where_an_output_goes_is_refused_not_written(tmp_path: Path) -> None:
    path = bundle(tmp_path / "a.zip", {"a.yaml": EXAMPLE.read_bytes()})
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "a.yaml")
    code, _, err = cli("import", path, "-o", out, "--force", "--lang", "en")
    assert code == 2
    assert "is not a regular file" in err


def test_a_member_that_cannot_be_read_is_named_and_the_rest_imported(tmp_path: Path) -> None:
    path = bundle(
        tmp_path / "a.zip",
        {"锁.doc": PROTECTED.read_bytes(), "坏.json": b"{", "好.yaml": EXAMPLE.read_bytes()},
    )
    out = tmp_path / "out"
    code, _, err = cli("import", path, "-o", out)
    assert code == 2
    assert f"{path}#锁.doc: 这是密码加密的 Word 97-2003 文档" in err  # --lang zh, the default
    assert f"{path}#坏.json" in err
    assert files_under(out) == {"好.yaml"}


@pytest.mark.parametrize("output", ["-", "new.yaml"])
def test_an_archive_needs_a_folder(tmp_path: Path, output: str) -> None:
    path = bundle(tmp_path / "a.zip", {"a.yaml": EXAMPLE.read_bytes()})
    given = tmp_path / output if output != "-" else "-"
    code, stdout, err = cli("import", path, "-o", given, "--lang", "en")
    assert code == 2
    assert f"{path} holds several reports: give a folder with -o OUTDIR" in err
    assert stdout == ""
    assert not (tmp_path / "new.yaml").exists()


def test_an_archive_without_reports_or_a_broken_one_says_so(tmp_path: Path) -> None:
    empty = bundle(tmp_path / "e.zip", {"logo.png": b"\x89PNG"})
    code, _, err = cli("import", empty, "-o", tmp_path / "out")
    assert code == 2
    assert "不含报告文件的 zip 压缩包" in err
    code, _, err = cli("import", empty, "-o", tmp_path / "out", "--lang", "en")
    assert "a zip archive holding no report files" in err
    broken = tmp_path / "b.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    code, _, err = cli("import", broken, "-o", tmp_path / "out")
    assert code == 2
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_document_named_zip_is_imported_as_the_document(tmp_path: Path) -> None:
    from govinfo_report import render

    docx = tmp_path / "report.zip"
    docx.write_bytes(render(load(EXAMPLE), "docx"))
    out = tmp_path / "r.yaml"
    code, _, err = cli("import", docx, "-o", out)
    assert code == 0, err
    assert load(out).tables == load(EXAMPLE).tables
