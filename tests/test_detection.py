"""Detection: a report in JSON, YAML or TOML is recognised by parsing, whatever its key
order and leading matter; a telling suffix decides; flattened text stays text.

Detection used to look for ``metadata`` in the first 4 KB: a YAML report with a
leading blank line or ``%YAML 1.1`` was read as flattened text (and ``validate`` said 无错误),
key-sorted JSON and TOML whose ``[metadata]`` came late were "not a report".
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

import pytest
import tomli_w
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report import FormatVersion, Report, blank_report, render
from govinfo_report.cli import run
from govinfo_report.errors import ReportLoadError, ReportReadError
from govinfo_report.readers import detect, read_report
from govinfo_report.serialize import SYNTAXES, Syntax, dumps, load, to_data
from strategies import reports

_SUFFIX = {"json": ".json", "yaml": ".yaml", "toml": ".toml"}

# Enough examples that a key order putting metadata late comes up often (the old prefix
# sniff failed 114 of 1000 shuffled TOML reports); a YAML example costs ~60 ms here.
READ_BACK = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

LEADING: dict[str, list[str]] = {
    "json": ["", "\n", "\n\n  \t", "\ufeff", "\r\n"],
    "yaml": [
        "",
        "\n",
        "#comment\n",
        "# 注释\n\n",
        "%YAML 1.1\n---\n",
        "--- # c\n",
        "%YAML 1.1\n--- # c\n\n",
        "---\n",
        "\ufeff# c\n",
    ],
    "toml": ["", "\n", "# comment\n", "# 注释\n\n", "\ufeff"],
}


def _shuffled(value: Any, rng: random.Random) -> Any:
    """Every mapping's keys in a random order; lists keep theirs (it is their meaning)."""
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: _shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [_shuffled(v, rng) for v in value]
    return value


def _written(report: Report, syntax: Syntax, order: str, rng: random.Random) -> str:
    """The report as another program might write it."""
    if order == "ours":
        return dumps(report, syntax)
    data = to_data(report)
    if order == "shuffled":
        data = _shuffled(data, rng)
    key_sorted = order == "sorted"
    if syntax == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=key_sorted)
    if syntax == "yaml":
        text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=key_sorted)
        return text
    return tomli_w.dumps(_sorted(data) if key_sorted else data)


def _sorted(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


@st.composite
def documents(draw: st.DrawFn, syntax: Syntax) -> tuple[Report, bytes]:
    report = draw(reports())
    order = draw(st.sampled_from(["ours", "sorted", "shuffled"]))
    rng = draw(st.randoms(use_true_random=False))
    lead = draw(st.sampled_from(LEADING[syntax]))
    return report, (lead + _written(report, syntax, order, rng)).encode("utf-8")


def _validate(path: Path) -> dict[str, Any]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["validate", "--json", str(path)], out, err)
    assert code in (0, 1), err.getvalue()
    result: dict[str, Any] = json.loads(out.getvalue())["files"][0]
    return result


@pytest.mark.parametrize("syntax", SYNTAXES)
@READ_BACK
@given(document=st.data())
def test_a_report_in_any_key_order_and_leading_matter_reads_back_every_way(
    syntax: Syntax, document: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    report, data = document.draw(documents(syntax))
    folder = tmp_path_factory.mktemp("read-back")
    named, bare = folder / f"report{_SUFFIX[syntax]}", folder / "report"
    named.write_bytes(data)
    bare.write_bytes(data)
    assert read_report(data).report == report
    assert read_report(bare).report == report
    assert read_report(named).report == report
    # The command line: validate reads it as the report (a text reading has R.* findings),
    # and import writes the same report back.
    result = _validate(bare)
    assert result["status"] in ("ok", "errors")
    assert not [f["code"] for f in result["findings"] if f["code"].startswith("R.")]
    out, err = io.StringIO(), io.StringIO()
    assert run(["import", str(named), "-o", str(folder / "back.json")], out, err) == 0, err
    assert load(folder / "back.json") == report


# --- a telling suffix decides ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("x.json", "[1, 2]", "valid JSON, but not a report: the top level is a list"),
        ("x.yaml", "a: 1\n", "valid YAML, but not a report: no 'metadata' key at the top level"),
        ("x.yml", "just a sentence\n", "valid YAML, but not a report: the top level is a string"),
        ("x.toml", "a = 1\n", "valid TOML, but not a report: no 'metadata' key"),
    ],
)
def test_an_interchange_file_that_holds_no_report_says_so(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportLoadError, match=f"cannot load {path}: 1 problem") as info:
        read_report(path)
    assert info.value.problems[0].startswith(message)


def test_validate_says_an_interchange_file_holds_no_report(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run(["validate", "--lang", "en", str(path)], out, err) == 2
    assert "valid JSON, but not a report: the top level is a list" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert run(["validate", str(path)], out, err) == 2
    assert "JSON 有效，但不是报告：顶层是 列表" in err.getvalue()  # Chinese by default


def test_a_yaml_suffix_is_read_as_yaml_even_if_it_reads_as_text(tmp_path: Path) -> None:
    # Flattened text is valid YAML (a string); named .yaml, it is not taken for text.
    path = tmp_path / "report.yaml"
    path.write_text("某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    with pytest.raises(ReportLoadError, match="valid YAML, but not a report"):
        read_report(path)


def test_a_suffix_decides_over_content(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_bytes(dumps(blank_report(year=2023), "yaml").encode())
    with pytest.raises(ReportLoadError, match="invalid JSON"):
        read_report(path)


# --- content without a telling suffix --------------------------------------------------

_YAML = dumps(blank_report(FormatVersion.V2021, year=2023, agency="某局"), "yaml")


@pytest.mark.parametrize(
    "lead", ["\n", "#comment\n", "%YAML 1.1\n---\n", "--- # c\n", "# 某局2023年政府信息公开\n"]
)
def test_yaml_with_leading_matter_is_detected_as_yaml(lead: str) -> None:
    assert detect((lead + _YAML).encode()).name == "yaml"


def test_key_sorted_json_is_detected_as_json() -> None:
    data = to_data(blank_report(year=2023, agency="某局"))
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    assert text.index('"metadata"') > 4096
    assert detect(text.encode()).name == "json"


def test_our_toml_with_a_long_intro_is_detected_as_toml() -> None:
    report = blank_report(year=2023, agency="某局")
    long = report.__class__(**{**_fields(report), "intro": ("本年度" * 100,) * 20})
    text = dumps(long, "toml")
    assert text.index("[metadata]") > 4096
    assert detect(text.encode()).name == "toml"
    assert read_report(text.encode()).report == long


def _fields(report: Report) -> dict[str, Any]:
    import attrs

    return {f.name: getattr(report, f.name) for f in attrs.fields(Report)}


def test_flattened_text_that_is_valid_yaml_goes_to_the_text_reader() -> None:
    text = "示例县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度认真落实《条例》。\n"
    assert isinstance(yaml.safe_load(text), str)
    assert detect(text.encode()).name == "text"


def test_a_yaml_mapping_without_metadata_is_not_taken_for_yaml() -> None:
    text = "title: 示例县人民政府2023年政府信息公开工作年度报告\n一、总体情况: 本年度认真落实。\n"
    assert detect(text.encode()).name == "text"


def test_text_that_mentions_metadata_is_still_text() -> None:
    text = "示例县人民政府2023年政府信息公开工作年度报告\n一、总体情况\nmetadata 一词不算。\n"
    assert detect(text.encode()).name == "text"


def test_a_broken_yaml_report_without_a_suffix_reports_its_syntax_error() -> None:
    # It names its metadata as a YAML report does: it is YAML with a problem, not text.
    broken = _YAML.replace("agency_kind: department", "agency_kind: [department")
    with pytest.raises(ReportLoadError, match="invalid YAML"):
        read_report(broken.encode())


def test_a_yaml_report_with_a_null_metadata_lists_its_problems() -> None:
    text = "metadata:\nsections: []\n"
    with pytest.raises(ReportLoadError) as info:
        read_report(text.encode())
    assert "expected a mapping, got NoneType None @ $.metadata" in info.value.problems


def test_a_gbk_yaml_report_without_a_suffix_says_it_is_not_utf8() -> None:
    with pytest.raises(ReportLoadError, match="not UTF-8 text"):
        read_report(_YAML.encode("gbk"))


def test_a_json_list_without_a_suffix_is_no_document_at_all() -> None:
    with pytest.raises(ReportReadError, match="cannot tell what kind of document"):
        read_report(b"[1, 2, 3]")


def test_a_markdown_report_with_front_matter_is_still_markdown() -> None:
    data = render(blank_report(year=2023, agency="某局"), "markdown")
    assert detect(data).name == "markdown"
    assert detect(data, ".md").name == "markdown"


def test_a_docx_is_detected_before_anything_is_parsed() -> None:
    assert detect(render(blank_report(year=2023, agency="某局"), "docx")).name == "docx"


# --- empty inputs -----------------------------------------------------------------------

_DOCUMENT_SUFFIXES = (".docx", ".xlsx", ".pdf", ".html", ".doc", ".xls", ".md", ".txt", "")


@pytest.mark.parametrize("suffix", _DOCUMENT_SUFFIXES)
@pytest.mark.parametrize(
    ("data", "said"),
    [(b"", "is empty (0 bytes)"), (b" \r\n\t\n", "holds nothing but white space")],
)
def test_an_empty_document_says_it_is_empty(
    tmp_path: Path, suffix: str, data: bytes, said: str
) -> None:
    # It was "not a readable PDF (PDFium: Data format error)", lxml's "Document is
    # empty", "does not look like a report" or "cannot tell what kind of document".
    path = tmp_path / f"report{suffix}"
    path.write_bytes(data)
    with pytest.raises(ReportReadError) as info:
        read_report(path)
    assert str(info.value) == f"{path} {said}"


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".toml"])
def test_an_empty_interchange_file_is_a_load_problem_in_either_language(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"\n")
    with pytest.raises(ReportLoadError) as info:
        read_report(path)
    assert info.value.problems == ("the document is empty",)
    for lang, said in (("en", "the document is empty"), ("zh", "文档为空")):
        out, err = io.StringIO(), io.StringIO()
        assert run(["validate", "--lang", lang, str(path)], out, err) == 2
        assert said in err.getvalue()
