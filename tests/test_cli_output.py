"""The command line's one output policy, the same for ``new``, ``import``, ``render`` and
``schema``: ``-o -`` is stdout; an existing file is replaced only with ``--force``; the
input is never overwritten; a device or FIFO is written in place and anything else that
is not a regular file is refused, before any work is done.

Every hostile node is made in ``tmp_path``; no test writes to a real system path.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from govinfo_report import blank_report
from govinfo_report import cli as cli_module
from govinfo_report.schema import json_schema
from govinfo_report.serialize import dumps, load, loads
from govinfo_report.writers import render

FIXTURE = Path(__file__).parent / "fixtures" / "cli" / "report_2021.yaml"
PREFIX = "govinfo-report: error: "

Args = Callable[[Path, Path | str], list[object]]
"""A command's arguments given its input and its output."""

# In English, which these tests read (each command's Chinese: test_error_language_cli).
COMMANDS: dict[str, Args] = {
    "new": lambda source, out: ["new", "--lang", "en", "--year", "2025", "-o", out],
    "import": lambda source, out: ["import", source, "--lang", "en", "-o", out],
    "render": lambda source, out: ["render", source, "--lang", "en", "--to", "markdown", "-o", out],
    "schema": lambda source, out: ["schema", "--lang", "en", "--format", "2021", "-o", out],
}
SUFFIX = {"new": ".yaml", "import": ".yaml", "render": ".md", "schema": ".json"}


def cli(*args: object) -> tuple[int, str, str]:
    """Run the CLI in-process; return exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(params=sorted(COMMANDS))
def command(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "report.yaml"
    path.parent.mkdir()
    shutil.copy(FIXTURE, path)
    return path


def _run(command: str, source: Path, out: Path | str, *extra: str) -> tuple[int, str, str]:
    return cli(*COMMANDS[command](source, out), *extra)


def _existing(tmp_path: Path, command: str, mode: int = 0o644) -> Path:
    out = tmp_path / f"out{SUFFIX[command]}"
    out.write_text("mine")
    out.chmod(mode)
    return out


# --- an existing file --------------------------------------------------------------------------


def test_an_existing_file_is_kept_without_force(command: str, source: Path, tmp_path: Path) -> None:
    out = _existing(tmp_path, command)
    code, stdout, err = _run(command, source, out)
    assert (code, stdout) == (2, "")
    assert err == f"{PREFIX}{out} already exists; use --force to overwrite it\n"
    assert out.read_text() == "mine"


def test_force_replaces_an_existing_file_and_keeps_its_mode(
    command: str, source: Path, tmp_path: Path
) -> None:
    out = _existing(tmp_path, command, 0o600)
    assert _run(command, source, out, "--force")[0] == 0
    assert out.read_text(encoding="utf-8") != "mine"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_read_only_file_is_named_as_such(command: str, source: Path, tmp_path: Path) -> None:
    out = _existing(tmp_path, command, 0o444)
    code, _, err = _run(command, source, out)
    assert code == 2
    assert err == f"{PREFIX}{out} exists and is read-only; use --force to overwrite it\n"
    assert out.read_text() == "mine"


def test_force_replaces_a_read_only_file(command: str, source: Path, tmp_path: Path) -> None:
    out = _existing(tmp_path, command, 0o444)
    assert _run(command, source, out, "--force")[0] == 0
    assert out.read_text(encoding="utf-8") != "mine"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_force_replaces_the_target_of_a_symlink(command: str, source: Path, tmp_path: Path) -> None:
    target = _existing(tmp_path, command)
    link = tmp_path / f"link{SUFFIX[command]}"
    link.symlink_to(target.name)
    assert _run(command, source, link, "--force")[0] == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") != "mine"


def test_rendering_the_readme_command_twice_asks_for_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    shutil.copy(FIXTURE, tmp_path / "examples" / "dongtou_2020.yaml")
    args = ["render", "examples/dongtou_2020.yaml", "--to", "docx", "-o", "dongtou_2020.docx"]
    args += ["--lang", "en"]
    assert cli(*args) == (0, "", "wrote dongtou_2020.docx\n")
    assert cli(*args) == (
        2,
        "",
        f"{PREFIX}dongtou_2020.docx already exists; use --force to overwrite it\n",
    )
    assert cli(*args, "--force") == (0, "", "wrote dongtou_2020.docx\n")


# --- stdout and what is not a regular file -------------------------------------------------------


def test_dash_writes_to_stdout(command: str, source: Path, tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*"))
    code, out, _ = _run(command, source, "-")
    assert code == 0
    expected = {
        "new": dumps(blank_report(year=2025), "yaml"),
        "import": dumps(load(FIXTURE), "yaml"),
        "render": render(load(FIXTURE), "markdown").decode("utf-8"),
        "schema": json.dumps(json_schema("2021"), ensure_ascii=False, indent=2) + "\n",
    }[command]
    assert out == expected
    assert sorted(tmp_path.rglob("*")) == before


def test_new_to_stdout_is_a_blank_report_in_yaml() -> None:
    code, out, err = cli("new", "--year", "2025", "--agency", "某某局", "-o", "-")
    assert (code, err) == (0, "")
    assert loads(out, "yaml") == blank_report(year=2025, agency="某某局")


def test_a_character_device_is_written_in_place_without_force(
    command: str, source: Path, tmp_path: Path
) -> None:
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a twin of /dev/null
    except PermissionError:
        pytest.skip("creating device nodes needs root")
    code, _, err = _run(command, source, null)
    assert code == 0, err
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert os.lstat(null).st_rdev == os.makedev(1, 3)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="no /proc/self/fd")
def test_a_dev_stdout_like_path_is_written_in_place_without_force(
    source: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    code, _, err = cli("render", "--lang", "en", source, "--to", "markdown", "-o", stdout)
    assert (code, err) == (0, f"wrote {stdout}\n")
    assert capfd.readouterr().out == render(load(FIXTURE), "markdown").decode("utf-8")
    assert stdout.is_symlink()


def test_a_socket_is_refused_before_any_work(
    command: str, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # AF_UNIX paths are limited to 108 bytes: a short name
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock")
        code, stdout, err = _run(command, source, "sock")
        assert (code, stdout) == (2, "")
        assert err == f"{PREFIX}cannot write sock: it is a socket; give the name of a file\n"
        assert stat.S_ISSOCK(os.lstat("sock").st_mode)


def test_a_folder_is_refused(command: str, source: Path, tmp_path: Path) -> None:
    folder = tmp_path / f"out{SUFFIX[command]}"
    folder.mkdir()
    code, _, err = _run(command, source, folder, "--force")
    assert code == 2
    assert err == f"{PREFIX}cannot write {folder}: it is a folder; give the name of a file\n"
    assert folder.is_dir()


def test_a_dangling_symlink_is_refused_even_with_force(
    command: str, source: Path, tmp_path: Path
) -> None:
    link = tmp_path / f"out{SUFFIX[command]}"
    link.symlink_to(tmp_path / "elsewhere")
    code, _, err = _run(command, source, link, "--force")
    assert code == 2
    assert err.startswith(f"{PREFIX}cannot write {link}: it is a symbolic link to ")
    assert not (tmp_path / "elsewhere").exists()


def test_a_symlink_loop_as_output_is_refused(command: str, source: Path, tmp_path: Path) -> None:
    loop = tmp_path / f"out{SUFFIX[command]}"
    loop.symlink_to(loop.name)
    code, _, err = _run(command, source, loop, "--force")
    assert (code, err) == (2, f"{PREFIX}cannot write {loop}: it is a loop of symbolic links\n")


# --- the policy is stated -----------------------------------------------------------------------


def test_every_writing_command_states_the_policy_in_its_help(command: str) -> None:
    code, out, _ = cli(command, "--help", "--lang", "en")
    assert code == 0
    text = " ".join(out.split())  # argparse wraps lines
    assert "--force replace an existing file, even a read-only one" in text
    assert "an existing file is replaced only with --force" in text
    assert "the input is never overwritten" in text
    code, out, _ = cli(command, "--help")  # in Chinese, by default
    assert code == 0
    text = "".join(out.split())  # wrapped by columns, where Chinese has no spaces
    assert "--force替换已有文件，即使它是只读的" in text
    assert "已有文件只有加--force才会被替换" in text
    assert "绝不覆盖输入文件" in text
