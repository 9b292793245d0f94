"""The command line's and the output writers' own errors are worded in Chinese too: said
in Chinese by default (``--lang zh``) and in English with ``--lang en``; ``str()`` of
the error stays the English."""

from __future__ import annotations

import argparse
import errno
import io
import os
import shutil
import stat
import zipfile
from pathlib import Path

import attrs
import pytest

from govinfo_report import ReportWriteError, SurveyError, dump, load
from govinfo_report._io import Staging, write_output
from govinfo_report.cli import run
from govinfo_report.cli._common import UsageError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "example_2021.yaml"  # 安澜县自然资源局, on 2024
PREFIX = "govinfo-report: error: "


def _cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


def _says(args: list[object], chinese: str, english: str) -> None:
    """The command fails (exit 2) saying ``chinese`` by default, ``english`` with
    ``--lang en``: each the whole error line."""
    code, _, err = _cli(*args)
    assert (code, err) == (2, f"{PREFIX}{chinese}\n")
    code, _, err = _cli(*args, "--lang", "en")
    assert (code, err) == (2, f"{PREFIX}{english}\n")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.yaml"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture
def tree(tmp_path: Path, report: Path) -> Path:
    """A folder of one report, for the batch commands."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(report, folder / "a.yaml")
    return folder


# --- the output policy (_cli_output, _io) ----------------------------------------------


def test_an_output_that_is_a_folder(tmp_path: Path, report: Path) -> None:
    folder = tmp_path / "out.md"
    folder.mkdir()
    _says(
        ["render", report, "-o", folder],
        f"无法写入 {folder}：它是文件夹；请给出文件名",
        f"cannot write {folder}: it is a folder; give the name of a file",
    )


def test_a_dangling_symbolic_link_as_output(tmp_path: Path, report: Path) -> None:
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "nowhere" / "x.md")
    target = Path(os.path.realpath(tmp_path / "nowhere")) / "x.md"
    _says(
        ["render", report, "-o", link],
        f"无法写入 {link}：它是指向 {target} 的符号链接，目标不存在",
        f"cannot write {link}: it is a symbolic link to {target}, which does not exist",
    )


def test_an_output_in_a_missing_folder(tmp_path: Path, report: Path) -> None:
    output = tmp_path / "nowhere" / "out.md"
    _says(
        ["render", report, "-o", output],
        f"无法写入 {output}：文件夹 {output.parent} 不存在",
        f"cannot write {output}: the folder {output.parent} does not exist",
    )


def test_a_read_only_output_without_force(tmp_path: Path, report: Path) -> None:
    output = tmp_path / "out.md"
    output.write_text("mine", encoding="utf-8")
    output.chmod(stat.S_IRUSR)
    _says(
        ["render", report, "-o", output],
        f"{output} 已存在且是只读的；如要覆盖请加 --force",
        f"{output} exists and is read-only; use --force to overwrite it",
    )
    assert output.read_text(encoding="utf-8") == "mine"


def test_an_existing_output_without_force(tmp_path: Path, report: Path) -> None:
    output = tmp_path / "out.json"
    output.write_text("{}", encoding="utf-8")
    _says(
        ["import", report, "-o", output],
        f"{output} 已存在；如要覆盖请加 --force",
        f"{output} already exists; use --force to overwrite it",
    )


def test_the_input_as_its_own_output(report: Path) -> None:
    _says(
        ["import", report, "-o", report, "--force"],
        f"不会覆盖输入文件 {report}；请用 -o 给出另一个输出",
        f"refusing to overwrite the input {report}; give another -o",
    )


# --- render ---------------------------------------------------------------------------


def test_render_without_a_writer_or_an_output(report: Path) -> None:
    _says(
        ["render", report],
        "请用 --to（docx、markdown、xlsx 等）指定写出器，或用 -o FILE 给出输出文件",
        "say which writer with --to (docx, markdown, xlsx, ...) or give -o FILE",
    )


def test_render_of_standard_input_without_an_output() -> None:
    _says(
        ["render", "-", "--to", "markdown"],
        "正在读取标准输入：请用 -o FILE 给出输出文件，文本输出可用 -o -",
        "reading standard input: give -o FILE, or -o - for text output",
    )


def test_render_of_a_binary_format_to_standard_output(report: Path) -> None:
    _says(
        ["render", report, "--to", "xlsx", "-o", "-"],
        "xlsx 输出是二进制的；请用 -o FILE，不要用 -o -",
        "xlsx output is binary; give -o FILE instead of -o -",
    )


def test_render_template_layout_without_a_template(tmp_path: Path, report: Path) -> None:
    _says(
        ["render", report, "--template-layout", "-o", tmp_path / "out.docx"],
        "--template-layout 须与 --template T.docx 一起使用",
        "--template-layout needs --template T.docx",
    )


def test_render_with_an_option_the_writer_does_not_take(tmp_path: Path, report: Path) -> None:
    _says(
        ["render", report, "--to", "markdown", "--template", report, "-o", tmp_path / "o.md"],
        "写出器 'markdown' 不接受选项 template",
        "writer 'markdown' does not accept the option(s) template",
    )


def test_render_of_a_batch_without_a_writer(tmp_path: Path, tree: Path) -> None:
    _says(
        ["render", tree, "-o", tmp_path / "out"],
        "批量生成：请用 --to（docx、markdown、xlsx 等）指定写出器",
        "rendering a batch: say which writer with --to (docx, markdown, xlsx, ...)",
    )


def test_render_of_a_batch_without_an_output_folder(tree: Path) -> None:
    _says(
        ["render", tree, "--to", "markdown"],
        "批量生成：请用 -o OUTDIR 给出输出文件夹",
        "rendering a batch: give the output folder with -o OUTDIR",
    )


def test_render_of_a_batch_with_standard_input(tmp_path: Path, tree: Path) -> None:
    _says(
        ["render", tree, "-", "--to", "markdown", "-o", tmp_path / "out"],
        "标准输入（-）是一份报告：请单独生成",
        "standard input (-) is one report: render it on its own",
    )


def test_render_of_a_batch_into_a_file(tmp_path: Path, tree: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("x", encoding="utf-8")
    _says(
        ["render", tree, "--to", "markdown", "-o", target],
        f"{target} 不是文件夹；批量生成要写入文件夹",
        f"{target} is not a folder; a batch writes into a folder",
    )


# --- import of an archive, migrate, validate --------------------------------------------


def _archive(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_an_archive_imported_without_an_output_folder(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "a.zip", {"a.yaml": EXAMPLE.read_bytes()})
    _says(
        ["import", archive, "-o", tmp_path / "new.yaml"],
        f"{archive} 含有多份报告：请用 -o OUTDIR 给出文件夹",
        f"{archive} holds several reports: give a folder with -o OUTDIR",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_an_archive_imported_where_an_output_is_a_fifo(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "a.zip", {"a.yaml": EXAMPLE.read_bytes()})
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "a.yaml")
    _says(
        ["import", archive, "-o", out, "--force"],
        f"{out / 'a.yaml'} 不是普通文件；请先删除它",
        f"{out / 'a.yaml'} is not a regular file; remove it first",
    )


def test_migrate_to_a_format_no_migration_leads_to(tmp_path: Path, report: Path) -> None:
    _says(
        ["migrate", report, "--to", "2019", "-o", tmp_path / "old.yaml"],
        "没有从 2021 格式到 2019 格式的迁移；已有的迁移：2019 → 2021",
        "no migration from the 2021 format to the 2019 format; declared: 2019 → 2021",
    )


def test_validate_previous_of_another_agency(tmp_path: Path, report: Path) -> None:
    this = load(report)
    meta = attrs.evolve(this.metadata, year=this.metadata.year - 1, agency="安澜县教育局")
    previous = tmp_path / "previous.yaml"
    dump(attrs.evolve(this, metadata=meta), previous)
    args: list[object] = ["validate", "--previous", previous, report]
    code, _, err = _cli(*args)
    assert code == 2
    assert err == (
        f"{PREFIX}{report}: --previous {previous} 是安澜县教育局的报告，不是安澜县自然资源局的；"
        "请给出该机关 2023 年度的报告，或用 --force-previous 仍然比较\n"
    )
    code, _, err = _cli(*args, "--lang", "en")
    assert code == 2
    assert err == (
        f"{PREFIX}{report}: --previous {previous} is a report of 安澜县教育局, not of "
        "安澜县自然资源局; give that agency's report on 2023, or --force-previous to "
        "compare them anyway\n"
    )


# --- survey -----------------------------------------------------------------------------


def test_a_survey_output_folder_that_is_a_file(tmp_path: Path, tree: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("x", encoding="utf-8")
    _says(
        ["survey", tree, "-o", target],
        f"{target} 不是文件夹；请给出存放调查输出的文件夹",
        f"{target} is not a folder; give a folder for the survey's outputs",
    )


def test_a_survey_output_folder_holding_other_files(tmp_path: Path, tree: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("x", encoding="utf-8")
    _says(
        ["survey", tree, "-o", out],
        f"{out} 中有其他文件，且没有调查结果；请给出新的或空的文件夹（或以前某次调查的文件夹）",
        f"{out} holds other files and no survey; give a new or empty folder "
        "(or a previous survey's)",
    )


def test_a_survey_output_folder_that_cannot_be_made(tmp_path: Path, tree: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    out = blocker / "out"
    if os.strerror(errno.ENOTDIR) != "Not a directory":
        pytest.skip("this system words ENOTDIR otherwise")
    _says(
        ["survey", tree, "-o", out],
        f"无法创建 {out}：路径中有一项不是文件夹",
        f"cannot create {out}: Not a directory",
    )


def test_a_survey_of_standard_input(tmp_path: Path, tree: Path) -> None:
    _says(
        ["survey", tree, "-", "-o", tmp_path / "out"],
        "标准输入（-）是一份报告：请用 validate 检查它；survey 用于文件和文件夹",
        "standard input (-) is one report: validate it; survey files and folders",
    )
    assert not (tmp_path / "out").exists()


def test_a_survey_of_nothing(tmp_path: Path) -> None:
    from govinfo_report.survey import survey

    with pytest.raises(SurveyError) as caught:
        survey([], tmp_path / "out")
    assert str(caught.value) == "nothing to survey: give at least one file or folder"
    assert caught.value.message("zh") == "没有可调查的内容：请至少给出一个文件或文件夹"


# --- new -----------------------------------------------------------------------------------


def test_new_says_its_errors_in_the_language_asked_for(tmp_path: Path) -> None:
    _says(
        ["new", "-o", tmp_path / "new.yaml"],
        "请用 --year 指定年度，或用 --from 从上一年度的报告开始",
        "say which year with --year, or start from last year's with --from",
    )
    assert not (tmp_path / "new.yaml").exists()


def _new_error(tmp_path: Path, **given: object) -> UsageError:
    from govinfo_report.cli import _new

    options = {
        "previous": None,
        "year": 2024,
        "format": None,
        "output": tmp_path / "new.yaml",
        "to": None,
        "departments": None,
        "agency": None,
        "kind": None,
        "force": False,
        "lang": "zh",
        **given,
    }
    with pytest.raises(UsageError) as caught:
        _new.run(argparse.Namespace(**options), io.StringIO(), io.StringIO())
    return caught.value


def test_new_errors_are_worded_in_chinese(tmp_path: Path, report: Path) -> None:
    listed = tmp_path / "departments.txt"
    listed.write_text("# none\n\n", encoding="utf-8")
    twice = tmp_path / "twice.txt"
    twice.write_text("教育局\n教育局\n", encoding="utf-8")
    cases: list[tuple[dict[str, object], str, str]] = [
        (
            {"year": None},
            "say which year with --year, or start from last year's with --from",
            "请用 --year 指定年度，或用 --from 从上一年度的报告开始",
        ),
        (
            {"departments": listed},
            "--departments writes a workbook: give -o FILE.xlsx or --to xlsx",
            "--departments 写出的是工作簿：请给出 -o FILE.xlsx 或 --to xlsx",
        ),
        (
            {"departments": listed, "to": "xlsx", "previous": report},
            "--departments starts every department blank; it does not take --from",
            "--departments 让每个部门都从空白开始；不能与 --from 一起使用",
        ),
        (
            {"to": "xlsx", "output": "-"},
            "a workbook is binary; give -o FILE.xlsx instead of -o -",
            "工作簿是二进制文件；请用 -o FILE.xlsx，不要用 -o -",
        ),
        (
            {"departments": listed, "to": "xlsx"},
            f"{listed} lists no department (one name a line)",
            f"{listed} 中没有列出部门（每行一个名称）",
        ),
        (
            {"departments": twice, "to": "xlsx"},
            f"{twice} lists '教育局' twice",
            f"{twice} 把 '教育局' 列了两次",
        ),
    ]
    for given, english, chinese in cases:
        if given.get("to") == "xlsx" and "output" not in given:
            given = {**given, "output": tmp_path / "new.xlsx"}  # a workbook's name
        error = _new_error(tmp_path, **given)
        assert (str(error), error.message("en"), error.message("zh")) == (english, english, chinese)


# --- the output writer itself -------------------------------------------------------------


def _write_error(path: Path, **kwargs: bool) -> ReportWriteError:
    with pytest.raises(ReportWriteError) as caught:
        write_output(path, b"x", **kwargs)
    return caught.value


def test_write_output_refuses_in_both_languages(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    error = _write_error(folder)
    assert str(error) == f"cannot write {folder}: it is a folder; give the name of a file"
    assert error.message("zh") == f"无法写入 {folder}：它是文件夹；请给出文件名"

    read_only = tmp_path / "ro.txt"
    read_only.write_text("mine", encoding="utf-8")
    read_only.chmod(stat.S_IRUSR)
    error = _write_error(read_only)
    assert str(error) == f"cannot write {read_only}: it is read-only; pass force=True to replace it"
    assert error.message("zh") == f"无法写入 {read_only}：它是只读的；如要替换请传入 force=True"

    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    error = _write_error(loop)
    assert str(error) == f"cannot write {loop}: it is a loop of symbolic links"
    assert error.message("zh") == f"无法写入 {loop}：它是循环的符号链接"


def test_a_system_refusal_is_said_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(folder: str, mode: int) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr("govinfo_report._io.new_temp", refuse)
    output = tmp_path / "out.txt"
    error = _write_error(output)
    assert str(error) == f"cannot write {output}: {os.strerror(errno.EACCES)}"
    assert error.message("zh") == f"无法写入 {output}：没有权限"
    with Staging() as staging, pytest.raises(ReportWriteError) as caught:
        staging.reserve(output)
    assert caught.value.message("zh") == f"无法写入 {output}：没有权限"


def test_render_to_a_folder_or_a_name_without_suffix(tmp_path: Path, report: Path) -> None:
    folder = tmp_path / "outdir"
    folder.mkdir()
    _says(
        ["render", report, "-o", folder],
        f"无法判断 {folder} 的输出格式：它是文件夹；请给出以 .docx、.md 或 .xlsx 结尾的文件名；"
        "或用 --to 指定写出器",
        f"cannot tell the output format of {folder}: it is a folder; give a file name ending "
        "in .docx, .md or .xlsx; or say which writer with --to",
    )
    bare = tmp_path / "report_out"
    _says(
        ["render", report, "-o", bare],
        f"无法判断 {bare} 的输出格式：它没有后缀；请给出以 .docx、.md 或 .xlsx 结尾的文件名；"
        "或用 --to 指定写出器",
        f"cannot tell the output format of {bare}: it has no suffix; give a file name ending "
        "in .docx, .md or .xlsx; or say which writer with --to",
    )
    assert not bare.exists()
    assert list(folder.iterdir()) == []


# --- status lines ------------------------------------------------------------------------


def test_status_lines_follow_the_language(tmp_path: Path, report: Path) -> None:
    def status(*args: object) -> tuple[str, str]:
        zh = _cli(*args)
        en = _cli(*args, "--force", "--lang", "en")
        assert zh[0] == en[0] == 0, (zh, en)
        return zh[2].splitlines()[-1], en[2].splitlines()[-1]

    new = tmp_path / "new.yaml"
    assert status("new", "--year", "2025", "-o", new) == (
        f"已写入 {new}（2021 格式，2025 年度报告）",
        f"wrote {new} (2021 format, report on 2025)",
    )
    docx = tmp_path / "r.docx"
    assert status("render", report, "-o", docx) == (f"已写入 {docx}", f"wrote {docx}")
    back = tmp_path / "back.yaml"
    zh, en = status("import", docx, "-o", back)
    assert zh.startswith(f"已写入 {back}（表格单元格读到 ")
    assert zh.endswith(" 个）")
    assert en.startswith(f"wrote {back} (")
    assert en.endswith(" table cells read)")
