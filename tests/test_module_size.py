"""No module over 400 lines without a reason in its docstring (issue 8): a long module is
usually two concepts, and where it is not, it says why."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "govinfo_report"
LIMIT = 400
REASONS = ("The module is long because", "longer than most")


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_a_long_module_says_why(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    if lines <= LIMIT:
        return
    doc = ast.get_docstring(ast.parse(text)) or ""
    assert any(reason in " ".join(doc.split()) for reason in REASONS), (
        f"{path.relative_to(SRC)} has {lines} lines and its docstring says not why"
    )
