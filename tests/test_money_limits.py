"""Money with a huge exponent (``1e999999999``) is refused at load, by every command.

Before the bound, ``validate`` passed such a file, ``render`` took 3 GB and then raised
MemoryError, and ``import`` ran for minutes: ``f"{amount:f}"`` writes out a billion
digits. Each command runs here in a subprocess under a 1 GiB address-space limit and a
timeout, so a regression fails instead of exhausting the machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report import blank_report
from govinfo_report.serialize import to_data

_LIMITED_RUN = """
import io, json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from govinfo_report.cli import run
out, err = io.StringIO(), io.StringIO()
code = run(sys.argv[1:], out, err)
print(json.dumps({"code": code, "stderr": err.getvalue()}))
"""


def _hostile(tmp_path: Path) -> Path:
    data = to_data(blank_report(year=2023, agency="某局"))
    data["processing_fee"] = {"amount": "__FEE__"}
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace('"amount": ""', '"amount": 1e999999999', 1)
    text = text.replace('"__FEE__"', "1e999999999")
    path = tmp_path / "hostile.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX")
@pytest.mark.parametrize(
    "command",
    [
        ["validate", "{src}"],
        ["render", "{src}", "-o", "{dir}/out.md"],
        ["import", "{src}", "-o", "{dir}/out.yaml"],
    ],
    ids=["validate", "render", "import"],
)
def test_money_with_a_huge_exponent_is_a_clear_error_in_bounded_memory(
    tmp_path: Path, command: list[str]
) -> None:
    src = _hostile(tmp_path)
    args = [*(a.format(src=src, dir=tmp_path) for a in command), "--lang", "en"]
    done = subprocess.run(
        [sys.executable, "-c", _LIMITED_RUN, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["code"] == 2
    stderr = result["stderr"]
    assert "amount out of range: 1000000000 digits before the decimal point (at most 15)" in stderr
    assert "@ $.proactive.fees.amount" in stderr
    assert "@ $.processing_fee.amount" in stderr
    assert "internal error" not in stderr
    assert not (tmp_path / "out.md").exists()
    assert not (tmp_path / "out.yaml").exists()
