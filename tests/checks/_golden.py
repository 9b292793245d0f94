"""The reports the test suite holds, and a fingerprint of their findings, for the golden file.

``python tests/checks/_golden.py`` writes ``golden_findings.json``: for every report of
``examples/``, every document of ``tests/fixtures`` a reader can read, and the published
reports the checks tests build, how many findings ``check()`` gives of each code and the
SHA-256 of all of them (code, severity, status, both messages, paths, values, in order).
It was written by the implementation before TX.1 was made fast (issue 10, item 6);
``test_findings_unchanged.py`` compares against it, so that a change of any finding, of
any word of a message, shows. Regenerate it only for a deliberate change.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GOLDEN = HERE / "golden_findings.json"
_DOCUMENTS = (".docx", ".html", ".pdf", ".txt", ".md")
"""Fixture suffixes read (``.doc`` needs LibreOffice; the rest are scripts and notes)."""


def corpus() -> Iterator[tuple[str, Any]]:
    """(name, report) for every report the suite has, in a stable order."""
    from govinfo_report import load, read_report
    from govinfo_report.errors import GovinfoReportError

    for path in sorted((ROOT / "examples").iterdir()):
        if path.suffix in (".yaml", ".json", ".toml"):
            yield f"examples/{path.name}", load(path)
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*")):
        if path.suffix in (".yaml", ".json") and "cli" in path.parts:
            yield str(path.relative_to(ROOT)), load(path)
        elif path.suffix in _DOCUMENTS and path.name != "README.md":
            try:
                report, _ = read_report(path)
            except GovinfoReportError:
                continue  # an unreadable fixture (an image-only PDF) has no findings
            yield str(path.relative_to(ROOT)), report
    sys.path.insert(0, str(ROOT / "tests"))
    from checks import _published

    for build in (_published.dongtou_2020, _published.shanghai_2019, _published.shuyang_2023):
        yield f"published:{build.__name__}", build()


def fingerprint(findings: list[dict[str, Any]]) -> dict[str, Any]:
    """How many findings of each code, and the SHA-256 of them all, in order."""
    text = json.dumps(findings, ensure_ascii=False, sort_keys=True)
    return {
        "codes": dict(sorted(Counter(f["code"] for f in findings).items())),
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
    }


def findings_data() -> dict[str, dict[str, Any]]:
    """``{report name: fingerprint of its findings}`` over :func:`corpus`."""
    from govinfo_report import check

    return {name: fingerprint([f.to_dict() for f in check(report)]) for name, report in corpus()}


if __name__ == "__main__":
    data = findings_data()
    GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    total = sum(sum(d["codes"].values()) for d in data.values())
    print(f"{GOLDEN}: {len(data)} reports, {total} findings")
