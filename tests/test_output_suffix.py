"""An output named for one format and written in another is refused before anything is
read or written: ``render -o report.docx --to markdown`` would leave a .docx Word cannot
open, ``new --to xlsx -o report.yaml`` a workbook no report loader reads. A suffix no
writer claims stays the user's choice (``--to markdown -o notes.txt``)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from govinfo_report import cli as cli_module

EXAMPLE = Path("examples/example_2021.yaml")


def cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("name", "to", "claimed"),
    [
        ("out.docx", "markdown", "docx"),
        ("out.md", "docx", "markdown"),
        ("out.xlsx", "docx", "xlsx"),
        ("out.DOCX", "xlsx", "docx"),
    ],
)
def test_render_refuses_a_writer_the_suffix_contradicts(
    tmp_path: Path, name: str, to: str, claimed: str
) -> None:
    output = tmp_path / name
    code, out, err = cli("render", EXAMPLE, "-o", output, "--to", to)
    assert (code, out) == (2, "")
    suffix = output.suffix
    assert err == (
        f"govinfo-report: error: --to {to} 会以 {to} 格式写出 {output}，但 {suffix} 是 "
        f"{claimed} 的后缀；请给出 {to} 格式的文件名，或去掉 --to\n"
    )
    err = cli("render", "--lang", "en", EXAMPLE, "-o", output, "--to", to)[2]
    assert err == (
        f"govinfo-report: error: --to {to} would write {output} as {to}, but {suffix} is "
        f"the suffix of {claimed}; give the file a name for {to}, or leave out --to\n"
    )
    assert not output.exists()


@pytest.mark.parametrize(
    ("name", "to"),
    [("out.txt", "markdown"), ("out.markdown", "markdown"), ("OUT.DOCX", "docx"), ("x.md", None)],
)
def test_render_writes_where_the_suffix_agrees_or_is_no_writers(
    tmp_path: Path, name: str, to: str | None
) -> None:
    output = tmp_path / name
    args = ["--to", to] if to else []
    code, _, err = cli("render", EXAMPLE, "-o", output, *args)
    assert code == 0, err
    assert output.stat().st_size > 0


def test_an_existing_file_is_kept_when_the_suffix_contradicts(tmp_path: Path) -> None:
    output = tmp_path / "out.docx"
    output.write_bytes(b"the office's own document")
    assert cli("render", EXAMPLE, "-o", output, "--to", "markdown", "--force")[0] == 2
    assert output.read_bytes() == b"the office's own document"


@pytest.mark.parametrize("name", ["r.yaml", "r.yml", "r.json", "r.TOML"])
def test_new_refuses_a_workbook_under_a_report_files_name(tmp_path: Path, name: str) -> None:
    output = tmp_path / name
    code, _, err = cli("new", "--year", "2025", "--to", "xlsx", "-o", output)
    assert code == 2
    assert err == (
        f"govinfo-report: error: --to xlsx 会把工作簿写到 {output}，而这是报告文件的文件名；"
        "请给出 -o FILE.xlsx，或去掉 --to\n"
    )
    assert (
        "a name for a report file"
        in cli("new", "--lang", "en", "--year", "2025", "--to", "xlsx", "-o", output)[2]
    )
    assert not output.exists()


def test_new_writes_a_workbook_under_any_other_name(tmp_path: Path) -> None:
    output = tmp_path / "填报表.bin"
    assert cli("new", "--year", "2025", "--to", "xlsx", "-o", output)[0] == 0
    assert output.read_bytes()[:2] == b"PK"
