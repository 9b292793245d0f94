"""Every error a reader raises is worded in Chinese too, and the command line says it
in the language of ``--lang``."""

from __future__ import annotations

import ast
import errno
import io
import json
import os
import pickle
from pathlib import Path
from typing import Any

import pytest

from govinfo_report import (
    GovinfoReportError,
    ReportReadError,
    ReportWriteError,
    errors,
    render_many,
)
from govinfo_report._failures import describe_error, os_reason
from govinfo_report._load_messages import load_problem
from govinfo_report.cli import run
from govinfo_report.readers import read_report
from zips import encrypted_zip

SRC = Path(__file__).resolve().parents[1] / "src" / "govinfo_report"

# The callables that make a library error from a message: every error class but
# ReportLoadError (whose problems are said in Chinese by their shape, in
# _load_messages) and UnknownOptionError (worded in its own __init__), and the
# ``error`` a package check is given (ReportReadError or, for a template,
# ReportWriteError).
_MAKERS = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, GovinfoReportError)
} - {"GovinfoReportError", "ReportLoadError", "UnknownOptionError"} | {"UsageError"}
_PARAMETERS = {"error", "_error"}


def _maker(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name) and (func.id in _MAKERS or func.id in _PARAMETERS):
        return func.id
    if isinstance(func, ast.Attribute) and func.attr in _PARAMETERS:
        return func.attr
    return None


def _unworded(root: Path = SRC) -> list[str]:
    """Every making of a read error without ``zh=``: a call of the class anywhere (a
    function may build the error that its caller raises), and a raise of ``error(...)``."""
    missing = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _maker(n) in _MAKERS]
        calls += [
            n.exc
            for n in ast.walk(tree)
            if isinstance(n, ast.Raise) and isinstance(n.exc, ast.Call) and _maker(n.exc)
        ]
        for call in calls:
            if not any(k.arg == "zh" for k in call.keywords):
                missing.append(f"{path.relative_to(root)}:{call.lineno}: {_maker(call)}(...)")
    return sorted(set(missing))


def test_every_read_error_made_carries_its_chinese() -> None:
    assert _unworded() == []


def test_the_scan_finds_an_error_without_chinese(tmp_path: Path) -> None:
    # The scan above is what keeps new messages bilingual: it must see those that are not.
    (tmp_path / "m.py").write_text(
        "def f(x, error):\n"
        "    ok = ReportReadError('bad', zh='坏')\n"
        "    made = ReportReadError(f'{x} is bad')\n"
        "    raise error('worse')\n",
        encoding="utf-8",
    )
    assert _unworded(tmp_path) == ["m.py:3: ReportReadError(...)", "m.py:4: error(...)"]


def test_message_gives_either_language() -> None:
    error = ReportReadError("x.pdf is a scanned PDF", zh="x.pdf 是扫描件 PDF")
    assert str(error) == "x.pdf is a scanned PDF"
    assert error.message("en") == "x.pdf is a scanned PDF"
    assert error.message("zh") == "x.pdf 是扫描件 PDF"
    assert error.message() == "x.pdf 是扫描件 PDF"


def test_an_error_without_chinese_is_said_in_english() -> None:
    error = GovinfoReportError("something odd")
    assert error.zh is None
    assert error.message("zh") == "something odd"
    assert GovinfoReportError().message("zh") == "GovinfoReportError"


@pytest.mark.parametrize("kind", [ReportReadError, ReportWriteError])
def test_the_chinese_survives_a_process_boundary(kind: type[GovinfoReportError]) -> None:
    error = kind("bad", zh="坏")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is kind
    assert str(again) == "bad"
    assert again.message("zh") == "坏"


# --- what the readers and the command line say -----------------------------------------


def _read_error(source: object, **kwargs: Any) -> ReportReadError:
    with pytest.raises(ReportReadError) as caught:
        read_report(source, **kwargs)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize(
    ("data", "english", "chinese"),
    [
        (b"", "r.txt is empty (0 bytes)", "r.txt 是空文件（0 字节）"),
        (b" \n\t", "r.txt holds nothing but white space", "r.txt 只有空白字符"),
        (
            b"\x00\x01binary",
            "r.txt is binary data, not text (it contains NUL bytes)",
            "r.txt 是二进制数据，不是文本（含有 NUL 字节）",
        ),
        (
            "随便写的几句话，不是报告。".encode(),
            "r.txt does not look like a report (政府信息公开工作年度报告): no section heading "
            "and no statistic table found",
            "r.txt 看起来不是政府信息公开工作年度报告：没有找到章节标题，也没有找到统计表",
        ),
    ],
)
def test_a_text_that_cannot_be_read_is_said_in_both_languages(
    data: bytes, english: str, chinese: str
) -> None:
    error = _read_error(data, name="r.txt", suffix=".txt")
    assert str(error) == english
    assert error.message("en") == english
    assert error.message("zh") == chinese


def test_an_undecodable_text_names_its_byte_in_chinese() -> None:
    error = _read_error(b"\x81\x20abc", name="r.txt", format="text")
    assert error.message("zh") == (
        "无法按 UTF-8、GBK 或 GB18030 文本解码 r.txt（偏移 0 处的字节 0x81 不是 gb18030）"
    )
    error = _read_error(b"<p>\x81\x20</p>", name="p.html", format="html")
    assert (
        error.message("zh")
        == "无法按 utf-8、gb18030 解码 p.html（偏移 3 处的字节 0x81 不是 gb18030）"
    )


def test_web_pages_say_it_in_chinese() -> None:
    error = _read_error(b"<html><body>\x00</body></html>", name="p.html", format="html")
    assert error.message("zh") == "p.html 是二进制数据，不是网页"
    error = _read_error(b"From: x\n\nhello", name="p.mht", format="mhtml")
    assert error.message("zh").startswith("p.mht 不是保存的网页（MHTML）：没有 MIME-Version 标头")
    error = _read_error(b"# t\n\xff\xfe", name="r.md", format="markdown")
    assert error.message("zh") == "r.md 不是 UTF-8 文本：偏移 4 处的字节 0xff"


def test_a_folder_or_a_missing_file_is_said_in_chinese(tmp_path: Path) -> None:
    error = _read_error(tmp_path)
    assert str(error) == f"cannot read {tmp_path}: it is a folder, not a regular file"
    assert error.message("zh") == f"无法读取 {tmp_path}：它是文件夹，不是普通文件"
    error = _read_error(tmp_path / "nope.pdf")
    assert error.message("zh") == f"无法读取 {tmp_path / 'nope.pdf'}：没有这个文件或文件夹"


def test_a_system_reason_of_its_own_words_is_kept() -> None:
    system = OSError(errno.EACCES, os.strerror(errno.EACCES), "x")
    assert os_reason(system) == os.strerror(errno.EACCES)
    assert os_reason(system, "zh") == "没有权限"
    ours = OSError(errno.ENOENT, "no such template", "t.docx")  # a message of ours
    assert os_reason(ours, "zh") == "no such template"
    unknown = OSError(errno.EDOM, os.strerror(errno.EDOM))
    assert os_reason(unknown, "zh") == os.strerror(errno.EDOM)


def test_describe_error_says_memory_and_access_in_either_language(tmp_path: Path) -> None:
    where = tmp_path / "r.json"
    assert (
        describe_error(MemoryError(), where, "zh") == f"处理 {where} 时内存不足；输入太大或太复杂"
    )
    missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(where))
    assert describe_error(missing, lang="zh") == f"无法访问 {where}：没有这个文件或文件夹"
    assert describe_error(missing) == f"cannot access {where}: {os.strerror(errno.ENOENT)}"
    error = ReportReadError("bad", zh="坏")
    assert (describe_error(error), describe_error(error, lang="zh")) == ("bad", "坏")


def _cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


def test_validate_says_an_unreadable_file_in_the_language_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"\x00\x01binary")
    code, _, err = _cli("validate", path)
    assert code == 2
    assert err == f"govinfo-report: error: {path} 是二进制数据，不是文本（含有 NUL 字节）\n"
    code, _, err = _cli("validate", "--lang", "en", path)
    assert (
        err == f"govinfo-report: error: {path} is binary data, not text (it contains NUL bytes)\n"
    )
    # The JSON output is for programs: its error stays the English, as before, and
    # error_zh gives the Chinese beside it, whatever --lang says.
    for lang in ("zh", "en"):
        code, out, _ = _cli("validate", "--json", "--lang", lang, path)
        unusable = json.loads(out)["files"][0]
        assert unusable["error"] == f"{path} is binary data, not text (it contains NUL bytes)"
        assert unusable["error_zh"] == f"{path} 是二进制数据，不是文本（含有 NUL 字节）"


def test_an_archive_member_that_cannot_be_read_is_said_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "b.zip"
    path.write_bytes(encrypted_zip({"r.json": b"{}"}))
    code, _, err = _cli("validate", path)
    assert code == 2
    assert (
        err == f"govinfo-report: error: 无法读取 {path}#r.json：它在压缩包中已加密：请用密码解压\n"
    )
    code, _, err = _cli("validate", "--lang", "en", path)
    assert "it is encrypted in the archive: unpack it with its password" in err


def test_a_batch_render_gives_the_chinese_beside_the_english(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b" \n")
    (result,) = render_many({"bad": bad}, tmp_path / "out", "markdown")
    assert result.error == f"{bad} holds nothing but white space"
    assert result.error_zh == f"{bad} 只有空白字符"
    code, _, err = _cli("render", tmp_path, "-o", tmp_path / "out2", "--to", "markdown")
    assert code == 2
    assert f"{bad}: {bad} 只有空白字符" in err


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("cannot read the file: Permission denied", "无法读取文件：没有权限"),
        ("cannot read the file: Is a directory", "无法读取文件：这是文件夹，不是文件"),
        (
            "cannot read the file: it is a FIFO, not a regular file; use - to read standard input",
            "无法读取文件：它是命名管道（FIFO），不是普通文件；读取标准输入请用 -",
        ),
        (
            "cannot read the file: it is a folder, not a regular file",
            "无法读取文件：它是文件夹，不是普通文件",
        ),
        ("cannot read the file: something new", "无法读取文件：something new"),
    ],
)
def test_a_file_the_loader_cannot_read_is_said_in_chinese(english: str, chinese: str) -> None:
    if "Permission" in english and os.strerror(errno.EACCES) != "Permission denied":
        pytest.skip("this system words EACCES otherwise")
    if "directory" in english and os.strerror(errno.EISDIR) != "Is a directory":
        pytest.skip("this system words EISDIR otherwise")
    assert load_problem(english).message_zh == chinese


def test_a_folder_without_reports_is_said_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = _cli("validate", tmp_path / "empty")
    assert code == 2
    assert f"{tmp_path / 'empty'}: 此文件夹及其下各级文件夹中没有报告文件（查找的后缀：" in err
    code, _, err = _cli("validate", "--lang", "en", tmp_path / "empty")
    assert f"{tmp_path / 'empty'}: no report files in this folder or below (looked for " in err
