"""What a type checker sees of the public API (run with mypy's own API on snippets)."""

from __future__ import annotations

from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")


def _reveal(tmp_path: Path, code: str) -> str:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(code, encoding="utf-8")
    stdout, stderr, status = api.run(
        [
            "--strict",
            "--follow-imports=silent",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(snippet),
        ]
    )
    assert status == 0, stdout + stderr
    return stdout


def test_read_report_unpacks_as_report_and_findings(tmp_path: Path) -> None:
    out = _reveal(
        tmp_path,
        "from govinfo_report import read_report\n"
        "report, findings = read_report('r.json')\n"
        "reveal_type(report)\n"
        "reveal_type(findings)\n",
    )
    assert 'Revealed type is "govinfo_report.model.report.Report"' in out
    assert 'Revealed type is "tuple[govinfo_report.findings.Finding, ...]"' in out
