"""Inputs that are not regular files are refused, never read; ``-`` reads standard input.

Opening a FIFO for reading blocks until a writer comes, so ``validate``, ``render``,
``import``, ``serialize.load`` and ``read_report`` hung forever on one. The FIFO cases
run in a subprocess with a timeout, so that a regression fails instead of hanging.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from govinfo_report import blank_report
from govinfo_report.cli import run
from govinfo_report.errors import ReportLoadError, ReportReadError
from govinfo_report.readers import _registry, read_report
from govinfo_report.serialize import dumps, load, loads

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and AF_UNIX are POSIX")

_YAML = dumps(blank_report(year=2023, agency="某局"), "yaml")
_FIFO_REFUSED = "it is a FIFO, not a regular file; use - to read standard input"

_AGAINST_A_FIFO = """
import io, json, sys
from govinfo_report.cli import run
from govinfo_report.readers import read_report
from govinfo_report.serialize import load

fifo, link, out = sys.argv[1:]
results = {}
for name, call in [
    ("read_report", lambda: read_report(fifo)),
    ("read_report via symlink", lambda: read_report(link)),
    ("read_report as json", lambda: read_report(fifo, "json")),
    ("load", lambda: load(fifo)),
]:
    try:
        call()
        results[name] = "no error"
    except Exception as exc:
        results[name] = f"{type(exc).__name__}: {exc}"
for args in (
    ["validate", fifo],
    ["render", fifo, "-o", out + "/out.md"],
    ["import", fifo, "-o", out + "/out.yaml"],
):
    stdout, stderr = io.StringIO(), io.StringIO()
    results[args[0]] = [run(args, stdout, stderr), stderr.getvalue()]
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def against_a_fifo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What every entry point does with a FIFO nobody writes to (and a symlink to it)."""
    folder = tmp_path_factory.mktemp("fifo")
    fifo, link = folder / "report.yaml", folder / "link.yaml"
    os.mkfifo(fifo)
    link.symlink_to(fifo)
    done = subprocess.run(
        [sys.executable, "-c", _AGAINST_A_FIFO, str(fifo), str(link), str(folder)],
        capture_output=True,
        text=True,
        timeout=10,  # a blocking open would wait for a writer forever
        check=True,
    )
    results: dict[str, Any] = json.loads(done.stdout)
    results["folder"] = str(folder)
    return results


@pytest.mark.parametrize("call", ["read_report", "read_report via symlink", "read_report as json"])
def test_read_report_refuses_a_fifo_naming_it(against_a_fifo: dict[str, Any], call: str) -> None:
    name = "link.yaml" if "symlink" in call else "report.yaml"
    path = Path(against_a_fifo["folder"]) / name
    assert against_a_fifo[call] == f"ReportReadError: cannot read {path}: {_FIFO_REFUSED}"


def test_load_refuses_a_fifo_naming_it(against_a_fifo: dict[str, Any]) -> None:
    path = Path(against_a_fifo["folder"]) / "report.yaml"
    assert against_a_fifo["load"] == (
        f"ReportLoadError: cannot load {path}: 1 problem(s)\n"
        f"  - cannot read the file: {_FIFO_REFUSED}"
    )


@pytest.mark.parametrize("command", ["validate", "render", "import"])
def test_commands_refuse_a_fifo_with_exit_2(against_a_fifo: dict[str, Any], command: str) -> None:
    code, stderr = against_a_fifo[command]
    assert code == 2
    assert f"govinfo-report: error: 无法读取 {against_a_fifo['folder']}/report.yaml：" in stderr
    assert "它是命名管道（FIFO），不是普通文件；读取标准输入请用 -" in stderr


# --- other kinds of nodes ----------------------------------------------------------------


def test_a_socket_is_refused_as_a_socket(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(ReportReadError, match="it is a socket, not a regular file"):
            read_report(path)


def test_a_character_device_is_refused() -> None:
    with pytest.raises(ReportReadError, match="it is a character device, not a regular file"):
        read_report("/dev/null")


def test_a_folder_is_refused_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ReportLoadError, match=r"it is a folder, not a regular file$"):
        load(tmp_path, "yaml")


def test_a_link_to_nothing_is_named_as_one(tmp_path: Path) -> None:
    # "No such file or directory" would be wrong: a listing of its folder shows it.
    link = tmp_path / "r.yaml"
    link.symlink_to(tmp_path / "moved.yaml")
    with pytest.raises(ReportReadError) as raised:
        read_report(link)
    assert str(raised.value) == (
        f"cannot read {link}: it is a link to {tmp_path / 'moved.yaml'}, which does not exist"
    )
    with pytest.raises(ReportReadError, match="No such file or directory"):
        read_report(tmp_path / "absent.yaml")  # no link: the system's words


def test_a_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(_YAML, encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "r.yaml")
    assert read_report(tmp_path / "link").report == loads(_YAML, "yaml")


# --- streams and standard input ------------------------------------------------------------


def test_read_report_reads_a_binary_stream() -> None:
    assert read_report(io.BytesIO(_YAML.encode())).report == loads(_YAML, "yaml")


def test_a_stream_is_named_in_messages() -> None:
    with pytest.raises(ReportReadError, match=r"^cannot tell what kind of document"):
        read_report(io.BytesIO(b"\x00\x01"))
    with pytest.raises(ReportLoadError, match="cannot load <stream>: "):
        read_report(io.BytesIO(b"[1]"), "json")


def test_a_stream_over_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_registry, "MAX_SOURCE_BYTES", 1000)
    with pytest.raises(ReportReadError, match="<stdin> is larger than 1000 bytes"):
        read_report(io.BytesIO(b" " * 5000), name="<stdin>")


def test_a_text_stream_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="expected a binary stream"):
        read_report(io.StringIO(_YAML))  # type: ignore[arg-type]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_validate_reads_standard_input_as_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, _YAML.encode())
    out, err = io.StringIO(), io.StringIO()
    assert run(["validate", "--json", "-"], out, err) == 0, err.getvalue()
    assert json.loads(out.getvalue())["files"][0]["status"] == "ok"


def test_render_reads_standard_input_as_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, _YAML.encode())
    out, err = io.StringIO(), io.StringIO()
    assert run(["render", "-", "--to", "markdown", "-o", "-"], out, err) == 0, err.getvalue()
    assert out.getvalue().startswith("---\ngovinfo-report: 1\n")
    assert 'agency: "某局"' in out.getvalue()


def test_render_from_standard_input_needs_an_output(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, _YAML.encode())
    out, err = io.StringIO(), io.StringIO()
    assert run(["render", "-", "--to", "docx", "--lang", "en"], out, err) == 2
    assert "reading standard input: give -o FILE" in err.getvalue()


def test_import_reads_standard_input_as_dash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _stdin(monkeypatch, _YAML.encode())
    out, err = io.StringIO(), io.StringIO()
    assert run(["import", "-", "-o", str(tmp_path / "r.json")], out, err) == 0, err.getvalue()
    assert load(tmp_path / "r.json") == loads(_YAML, "yaml")


def test_standard_input_is_capped_like_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_registry, "MAX_SOURCE_BYTES", 1000)
    _stdin(monkeypatch, b" " * 5000)
    out, err = io.StringIO(), io.StringIO()
    assert run(["validate", "-"], out, err) == 2
    assert "<stdin> 大于 1000 字节" in err.getvalue()
    assert run(["validate", "--lang", "en", "-"], out, err) == 2
    assert "<stdin> is larger than 1000 bytes" in err.getvalue()
