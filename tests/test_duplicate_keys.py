"""A key given twice in one mapping is an error with its path, in every syntax.

JSON and YAML parsers keep the last value without a word, so a report edited by hand
could lose a value silently; TOML's parser refuses duplicates itself.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from govinfo_report import FormatVersion, blank_report
from govinfo_report.cli import run
from govinfo_report.errors import ReportLoadError
from govinfo_report.readers import read_report
from govinfo_report.serialize import dumps, loads


def _text(syntax: str) -> str:
    report = blank_report(FormatVersion.V2021, year=2023, agency="某局")
    return dumps(report, syntax)  # type: ignore[arg-type]


def _problems(text: str, syntax: str) -> tuple[str, ...]:
    with pytest.raises(ReportLoadError) as info:
        loads(text, syntax)  # type: ignore[arg-type]
    return info.value.problems


def test_json_duplicate_key_is_reported_with_its_path() -> None:
    text = _text("json").replace('"year": 2023,', '"year": 2023, "year": 2024,')
    assert _problems(text, "json") == ("duplicate key 'year' @ $.metadata",)


def test_json_lists_every_duplicate_key_at_once() -> None:
    text = _text("json")
    text = text.replace('"year": 2023,', '"year": 2023, "year": 2024,')
    text = text.replace('"id": "overview",', '"id": "overview", "id": "other",')
    text = text.replace('"total": ""', '"total": 1, "total": 2', 1)
    text = text.replace('"intro": []', '"intro": [], "intro": ["x"]')
    assert _problems(text, "json") == (
        "duplicate key 'intro' @ $",
        "duplicate key 'year' @ $.metadata",
        "duplicate key 'id' @ $.sections[0]",
        "duplicate key 'total' @ $.applications.new_received",
    )


def test_yaml_duplicate_key_is_reported_with_its_path() -> None:
    text = _text("yaml").replace("  year: 2023\n", "  year: 2023\n  year: 2024\n")
    assert _problems(text, "yaml") == ("duplicate key 'year' @ $.metadata",)


def test_yaml_keys_spelled_differently_are_still_the_same_key() -> None:
    text = _text("yaml").replace("  year: 2023\n", '  year: 2023\n  "year": 2024\n')
    assert _problems(text, "yaml") == ("duplicate key 'year' @ $.metadata",)


def test_yaml_lists_every_duplicate_key_at_once() -> None:
    text = _text("yaml")
    text = text.replace("  year: 2023\n", "  year: 2023\n  year: 2024\n")
    text = text.replace("- id: proactive\n", "- id: proactive\n  id: other\n")
    text = text.replace("total: ''}", "total: '', total: 3}", 1)
    assert _problems(text, "yaml") == (
        "duplicate key 'year' @ $.metadata",
        "duplicate key 'id' @ $.sections[1]",
        "duplicate key 'total' @ $.applications.new_received",
    )


def test_toml_refuses_a_duplicate_key_itself() -> None:
    text = _text("toml").replace("year = 2023\n", "year = 2023\nyear = 2024\n")
    [problem] = _problems(text, "toml")
    assert problem.startswith("invalid TOML: Cannot overwrite a value (at line ")


def test_toml_refuses_a_table_given_twice() -> None:
    text = _text("toml") + "\n[metadata]\nagency = 'x'\n"
    [problem] = _problems(text, "toml")
    assert problem.startswith("invalid TOML: Cannot declare ('metadata',) twice")


def test_a_duplicate_key_in_bytes_without_a_name_is_still_reported() -> None:
    # Detection must take it for YAML with a problem, not for flattened text.
    text = _text("yaml").replace("  year: 2023\n", "  year: 2023\n  year: 2024\n")
    with pytest.raises(ReportLoadError) as info:
        read_report(text.encode())
    assert info.value.problems == ("duplicate key 'year' @ $.metadata",)


def test_validate_exits_2_naming_the_duplicate_key(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text(_text("json").replace('"year": 2023,', '"year": 2023, "year": 2024,'))
    out, err = io.StringIO(), io.StringIO()
    assert run(["validate", "--lang", "en", str(path)], out, err) == 2
    assert "duplicate key 'year' @ $.metadata" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert run(["validate", str(path)], out, err) == 2
    assert "项 'year' 重复 @ $.metadata" in err.getvalue()  # Chinese by default
