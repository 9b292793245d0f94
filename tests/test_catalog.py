"""The one lookup for every finding code: the checks' and the readers'."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from govinfo_report.catalog import CATALOG, describe
from govinfo_report.checks.catalog import CATALOG as CHECK_CATALOG
from govinfo_report.migrate.catalog import CATALOG as MIGRATE_CATALOG
from govinfo_report.readers.catalog import CATALOG as READER_CATALOG
from govinfo_report.survey.catalog import CATALOG as SURVEY_CATALOG

CHECKS = Path(__file__).resolve().parent.parent / "src" / "govinfo_report" / "checks"


def test_catalog_holds_every_check_code_and_every_reader_code() -> None:
    assert list(CATALOG) == [*CHECK_CATALOG, *READER_CATALOG, *SURVEY_CATALOG, *MIGRATE_CATALOG]


@pytest.mark.parametrize("code", ["T3.1", "SEC.2", "TX.2", "R.CELL", "R.DOCX.EMBEDDED"])
def test_describe_finds_a_code_of_either_kind(code: str) -> None:
    assert describe(code) is (CHECK_CATALOG.get(code) or READER_CATALOG[code])


def test_describe_finds_the_markdown_readers_own_code() -> None:
    assert describe("R.MARKDOWN.FRONT_MATTER").title("en") == "Markdown front matter unusable"


def test_describe_an_unknown_code_lists_both_kinds() -> None:
    with pytest.raises(KeyError, match=re.escape("unknown finding code 'Z.9'")) as info:
        describe("Z.9")
    assert "T3.1" in str(info.value)
    assert "R.CELL" in str(info.value)


def test_the_checks_do_not_import_the_readers() -> None:
    # The one lookup lives above both; the checks' own modules never name a reader.
    imported = set()
    for path in CHECKS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert "govinfo_report.checks.catalog" in imported
    assert {m for m in imported if m.startswith("govinfo_report.readers")} == set()
