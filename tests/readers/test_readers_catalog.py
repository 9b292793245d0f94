"""The readers' catalog: every code a reader can emit is described, and the docs list it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govinfo_report.checks.catalog import CATALOG as CHECK_CATALOG
from govinfo_report.readers import _findings as rf
from govinfo_report.readers.catalog import CATALOG, describe
from govinfo_report.readers.docx import EMBEDDED_CODE
from govinfo_report.readers.markdown import FRONT_MATTER

ROOT = Path(__file__).resolve().parents[2]
READERS = ROOT / "src" / "govinfo_report" / "readers"
DOCS = ROOT / "docs" / "readers" / "index.md"

# A reader code written anywhere in the readers' source: "R.CELL", "R.DOCX.EMBEDDED".
_CODE_LITERAL = re.compile(r"""["'](R\.[A-Z][A-Z_]*(?:\.[A-Z][A-Z_]*)*)["']""")
_FINAL = re.compile(r"""^\w+: Final = ["'](R\.[A-Z_.]+)["']""", re.MULTILINE)
_DOC_ROW = re.compile(r"^\| `(R\.[A-Z_.]+)` \| ([^|]+) \| (.+) \| (.+) \| (.+) \|$", re.MULTILINE)


def _source_codes(pattern: re.Pattern[str]) -> set[str]:
    return {
        code
        for path in READERS.glob("*.py")
        if path.name != "catalog.py"
        for code in pattern.findall(path.read_text(encoding="utf-8"))
    }


def test_every_final_code_constant_in_the_readers_is_in_the_catalog() -> None:
    declared = _source_codes(_FINAL)
    assert {"R.CELL", "R.DOCX.EMBEDDED", "R.MARKDOWN.FRONT_MATTER"} <= declared
    assert declared - set(CATALOG) == set()


def test_every_code_written_in_the_readers_source_is_in_the_catalog() -> None:
    assert _source_codes(_CODE_LITERAL) - set(CATALOG) == set()


def test_the_catalog_describes_no_code_that_no_reader_declares() -> None:
    assert set(CATALOG) - _source_codes(_FINAL) == set()


def test_the_docx_and_markdown_readers_own_codes_are_in_the_catalog() -> None:
    assert EMBEDDED_CODE in CATALOG
    assert FRONT_MATTER in CATALOG
    assert FRONT_MATTER == rf.MARKDOWN_FRONT_MATTER


def test_the_engine_codes_are_in_the_catalog_in_the_same_order() -> None:
    assert [code for code in CATALOG if code in rf.CODES] == list(rf.CODES)


def test_reader_codes_and_check_codes_do_not_overlap() -> None:
    assert set(CATALOG) & set(CHECK_CATALOG) == set()


@pytest.mark.parametrize("code", list(CATALOG))
def test_every_entry_is_written_in_both_languages(code: str) -> None:
    info = CATALOG[code]
    for field in ("title", "meaning", "why", "fix"):
        zh, en = getattr(info, f"{field}_zh"), getattr(info, f"{field}_en")
        assert zh.strip(), (code, field)
        assert en.strip(), (code, field)
        assert re.search(r"[\u4e00-\u9fff]", zh), (code, field)


def test_docs_table_lists_exactly_the_catalog_codes_in_its_order() -> None:
    rows = _DOC_ROW.findall(DOCS.read_text(encoding="utf-8"))
    assert [row[0] for row in rows] == list(CATALOG)


def test_docs_table_says_what_the_catalog_says() -> None:
    rows = _DOC_ROW.findall(DOCS.read_text(encoding="utf-8"))
    for code, severity, meaning, why, fix in rows:
        info = CATALOG[code]
        assert severity.startswith(info.severity.value), code
        assert (meaning, why, fix) == (info.meaning_en, info.why_en, info.fix_en), code


def test_describe_gives_the_fix_in_both_languages() -> None:
    info = describe("R.CELL")
    assert info.fix("en").startswith("Look the values up in the original document")
    assert info.fix("zh").startswith("对照原始文件")


def test_describe_an_unknown_code_lists_the_reader_codes() -> None:
    with pytest.raises(KeyError, match=re.escape("unknown reader finding code 'T3.1'")):
        describe("T3.1")
