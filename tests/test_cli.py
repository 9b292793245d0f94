"""The ``govinfo-report`` command: each subcommand's output, files and exit code, and
that no input ever ends in a traceback."""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, BinaryIO

import attrs
import docx
import pytest

import govinfo_report
from govinfo_report import AgencyKind, FormatVersion, Report, blank_report
from govinfo_report import cli as cli_module
from govinfo_report.checks import Finding, Severity, Status, check
from govinfo_report.cli._validate import FileResult
from govinfo_report.readers import ReadResult
from govinfo_report.schema import json_schema
from govinfo_report.serialize import dump, dumps, load, loads
from govinfo_report.writers import _registry as writer_registry
from strategies import evolve_cell

FIXTURE = Path(__file__).parent / "fixtures" / "cli" / "report_2021.yaml"
PREFIX = "govinfo-report: error: "


def cli(*args: object) -> tuple[int, str, str]:
    """Run the CLI in-process; return exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.yaml"
    shutil.copy(FIXTURE, path)
    return path


def _broken_report() -> Report:
    report = load(FIXTURE)
    value = report.cell("applications.new_received.natural_person")
    return evolve_cell(report, "applications.new_received.natural_person", value + 1)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.json"
    dump(_broken_report(), path)
    return path


@pytest.fixture
def unusable(tmp_path: Path) -> Path:
    path = tmp_path / "unusable.json"
    path.write_text(dumps(load(FIXTURE)).replace('"year": 2024', '"year": "2024"'))
    return path


# --- validate -----------------------------------------------------------------------------


def test_validate_clean_report_exits_0(clean: Path) -> None:
    code, out, err = cli("validate", clean)
    assert (code, err) == (0, "")
    assert f"{clean}: 无错误\n" in out
    assert out.endswith(
        "共检查 1 个文件：0 个有错误，0 个无法读取；错误 0 条，警告 0 条，提示 0 条；"
        "表格单元格读到 200 个，共 200 个\n"
    )


def test_validate_prints_error_in_chinese_with_its_cell_and_exits_1(broken: Path) -> None:
    code, out, _ = cli("validate", broken)
    assert code == 1
    line = next(x for x in out.splitlines() if " T3.1 " in x)
    assert line.startswith(f"{broken}: 错误 T3.1 applications.new_received.natural_person: ")
    expected = next(f for f in check(_broken_report()) if f.code == "T3.1")
    assert line.endswith(expected.message_zh)


def test_validate_lang_en_prints_english(broken: Path) -> None:
    code, out, _ = cli("validate", "--lang", "en", broken)
    assert code == 1
    expected = next(f for f in check(_broken_report()) if f.code == "T3.1")
    assert f"error T3.1 applications.new_received.natural_person: {expected.message_en}" in out
    assert "1 file(s) checked: 1 with errors, 0 unusable" in out


def test_validate_json_lists_every_finding_as_its_dict(broken: Path) -> None:
    code, out, _ = cli("validate", "--json", broken)
    document = json.loads(out)
    assert code == document["exit_code"] == 1
    (result,) = document["files"]
    assert result["file"] == str(broken)
    assert result["status"] == "errors"
    assert result["findings"] == [f.to_dict() for f in check(_broken_report())]
    assert result["counts"]["error"] == sum(f["severity"] == "error" for f in result["findings"])
    assert document["summary"]["files"] == 1
    assert document["summary"]["with_errors"] == 1


def test_min_severity_filters_display_not_exit_code(tmp_path: Path) -> None:
    blank = blank_report(year=2024).cell("proactive.rules.issued")
    report = evolve_cell(_broken_report(), "proactive.rules.issued", blank)
    path = tmp_path / "r.yaml"
    dump(report, path)
    _, everything, _ = cli("validate", path)
    assert f"{path}: 提示 B.1 proactive.rules.issued: " in everything
    code, out, _ = cli("validate", "--min-severity", "error", path)
    *lines, summary = out.splitlines()
    assert code == 1
    assert lines
    assert all(line.startswith(f"{path}: 错误 ") for line in lines)
    notices = sum(f.severity is Severity.NOTICE for f in check(report))
    assert notices >= 1
    assert f"提示 {notices} 条；" in summary


def test_min_severity_filters_json_findings_but_counts_all(broken: Path) -> None:
    _, out, _ = cli("validate", "--json", "--severity", "error", broken)
    (result,) = json.loads(out)["files"]
    assert {f["severity"] for f in result["findings"]} == {"error"}
    assert sum(result["counts"].values()) == len(check(_broken_report()))


def test_unusable_file_does_not_stop_the_batch(clean: Path, unusable: Path, broken: Path) -> None:
    code, out, err = cli("validate", clean, unusable, broken)
    assert code == 2
    assert f"{clean}: 无错误" in out
    assert f"{broken}: 错误 T3.1" in out
    # Load problems in the language asked for (Chinese by default), paths as written.
    assert f"govinfo-report: error: 无法读取 {unusable}：1 个问题" in err
    assert "应为整数，实际为字符串 '2024' @ $.metadata.year" in err
    assert out.splitlines()[-1].startswith("共检查 3 个文件：1 个有错误，1 个无法读取")
    _, _, err = cli("validate", "--lang", "en", clean, unusable, broken)
    assert f"govinfo-report: error: cannot load {unusable}: 1 problem(s)" in err
    assert "expected a whole number, got str '2024' @ $.metadata.year" in err


def test_unusable_file_in_json_output(unusable: Path) -> None:
    code, out, _ = cli("validate", "--json", unusable)
    (result,) = json.loads(out)["files"]
    assert code == 2
    assert result["status"] == "unusable"
    assert result["problems"] == ["expected a whole number, got str '2024' @ $.metadata.year"]


def test_errors_without_unusable_files_exit_1(clean: Path, broken: Path) -> None:
    assert cli("validate", clean, broken)[0] == 1


def test_missing_file_is_unusable(tmp_path: Path) -> None:
    code, _, err = cli("validate", tmp_path / "nope.yaml")
    assert code == 2
    assert (
        err == f"govinfo-report: error: 无法读取 {tmp_path / 'nope.yaml'}：没有这个文件或文件夹\n"
    )
    code, _, err = cli("validate", "--lang", "en", tmp_path / "nope.yaml")
    assert code == 2
    assert err == (
        f"govinfo-report: error: cannot read {tmp_path / 'nope.yaml'}: No such file or directory\n"
    )
    assert "Traceback" not in err


def test_jsonl_streams_one_line_per_file_then_a_summary(
    clean: Path, broken: Path, unusable: Path
) -> None:
    code, out, _ = cli("validate", "--jsonl", clean, broken, unusable)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2
    assert [line.get("file") for line in lines[:3]] == [str(clean), str(broken), str(unusable)]
    assert [line.get("status") for line in lines[:3]] == ["ok", "errors", "unusable"]
    assert lines[3] == {
        "summary": json.loads(cli("validate", "--json", clean, broken, unusable)[1])["summary"],
        "exit_code": 2,
    }


def test_jsonl_lines_are_the_json_documents_files(clean: Path, broken: Path) -> None:
    _, jsonl, _ = cli("validate", "--jsonl", "--severity", "warning", clean, broken)
    _, document, _ = cli("validate", "--json", "--severity", "warning", clean, broken)
    files = [json.loads(line) for line in jsonl.splitlines()[:-1]]
    assert files == json.loads(document)["files"]


def test_json_and_jsonl_exclude_each_other(clean: Path) -> None:
    code, _, err = cli("validate", "--json", "--jsonl", clean)
    assert code == 2
    assert "参数 --jsonl：不能与参数 --json 同时使用" in err
    assert "not allowed with" in cli("validate", "--lang", "en", "--json", "--jsonl", clean)[2]
    assert "Traceback" not in err


def test_a_batch_keeps_no_findings_of_files_already_printed(
    monkeypatch: pytest.MonkeyPatch, clean: Path, broken: Path
) -> None:
    # A batch over thousands of reports must hold one report's findings at a time.
    kept: list[FileResult] = []
    original = FileResult.summarised

    def spy(self: FileResult) -> FileResult:
        result = original(self)
        kept.append(result)
        return result

    monkeypatch.setattr(FileResult, "summarised", spy)
    code, out, _ = cli("validate", clean, broken)
    assert code == 1
    assert "T3.1" in out
    assert [r.findings for r in kept] == [(), ()]
    assert kept[1].counts[Severity.ERROR] > 0


def test_folder_is_searched_recursively_for_readable_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    shutil.copy(FIXTURE, tmp_path / "a" / "b" / "one.yaml")
    dump(load(FIXTURE), tmp_path / "a" / "two.json")
    shutil.copy(FIXTURE, tmp_path / ".hidden" / "skipped.yaml")
    (tmp_path / "a" / "notes.csv").write_text("not a report")
    code, out, _ = cli("validate", "--json", tmp_path)
    files = [r["file"] for r in json.loads(out)["files"]]
    assert code == 0
    assert files == [str(tmp_path / "a" / "b" / "one.yaml"), str(tmp_path / "a" / "two.json")]


def test_a_folder_without_reports_is_unusable_and_says_so(tmp_path: Path, clean: Path) -> None:
    empty = tmp_path / "empty"
    (empty / ".hidden").mkdir(parents=True)
    (empty / ".hidden" / "r.yaml").write_text("hidden files are skipped")
    (empty / "notes.xyz").write_text("no reader takes this suffix")
    code, out, err = cli("validate", "--lang", "en", empty, clean)
    assert code == 2
    assert err.startswith(f"{PREFIX}{empty}: no report files in this folder or below (looked for ")
    assert ".yaml" in err
    assert out.splitlines() == [
        f"{clean}: no errors",
        "2 file(s) checked: 0 with errors, 1 unusable; "
        "findings: 0 error(s), 0 warning(s), 0 notice(s); table cells read: 200 of 200",
    ]


def test_reader_findings_are_reported_with_the_checks(
    monkeypatch: pytest.MonkeyPatch, clean: Path
) -> None:
    finding = Finding(
        code="R.TEST",
        severity=Severity.WARNING,
        status=Status.UNCERTAIN,
        message_zh="无法确定该单元格",
        message_en="could not place this cell",
        paths=("applications.new_received.total",),
        location="table 3 row 5",
    )

    def read_report(source: Any, format: str | None = None, **_: Any) -> ReadResult:
        return ReadResult(load(FIXTURE), (finding,))

    monkeypatch.setattr("govinfo_report.readers.read_report", read_report)
    code, out, _ = cli("validate", clean)
    assert code == 0
    assert (
        f"{clean} (第 3 个表格第 5 行): 警告（待定） R.TEST applications.new_received.total: "
        "无法确定该单元格" in out
    )
    out = cli("validate", "--lang", "en", clean)[1]
    assert f"{clean} (table 3 row 5): warning (uncertain) R.TEST" in out


def test_reader_crash_marks_only_that_file_unusable(
    monkeypatch: pytest.MonkeyPatch, clean: Path, broken: Path
) -> None:
    from govinfo_report import readers

    real = readers.read_report

    def read_report(source: Any, format: str | None = None, **kw: Any) -> ReadResult:
        if Path(source) == clean:
            raise RuntimeError("reader bug")
        return real(source, format, **kw)

    monkeypatch.setattr("govinfo_report.readers.read_report", read_report)
    code, out, err = cli("validate", clean, broken)
    assert code == 2
    assert f"{clean}: 内部错误：RuntimeError: reader bug" in err
    assert f"{broken}: 错误 T3.1" in out
    assert "Traceback" not in err
    code, _, err = cli("validate", "--lang", "en", clean, broken)
    assert code == 2
    assert f"{clean}: internal error: RuntimeError: reader bug" in err


def test_previous_report_enables_cross_year_checks(tmp_path: Path, clean: Path) -> None:
    current = load(clean)
    previous = attrs.evolve(current, metadata=attrs.evolve(current.metadata, year=2023))
    value = current.cell("applications.carried_over.natural_person")
    previous = evolve_cell(previous, "applications.carried_forward.natural_person", value + 2)
    path = tmp_path / "previous.yaml"
    dump(previous, path)
    _, without, _ = cli("validate", "--json", clean)
    code, out, _ = cli("validate", "--json", "--previous", path, clean)
    codes = {f["code"] for f in json.loads(out)["files"][0]["findings"]}
    assert "X.1" in codes
    assert "X.1" not in {f["code"] for f in json.loads(without)["files"][0]["findings"]}
    assert code == 0  # X.1 is a warning


def test_unusable_previous_report_exits_2(clean: Path, unusable: Path) -> None:
    code, out, err = cli("validate", "--previous", unusable, clean)
    assert (code, out) == (2, "")
    assert "govinfo-report: error: 无法读取" in err
    assert (
        "govinfo-report: error: cannot load"
        in cli("validate", "--lang", "en", "--previous", unusable, clean)[2]
    )


def test_explain_prints_how_to_fix(broken: Path) -> None:
    from govinfo_report.checks import CATALOG

    _, out, _ = cli("validate", "--explain", broken)
    assert f"    修改：{CATALOG['T3.1'].fix_zh}\n" in out


def test_explain_prints_the_fix_for_a_reader_finding() -> None:
    from govinfo_report.readers.catalog import CATALOG as READER_CATALOG

    text = Path(__file__).parent / "fixtures" / "text" / "01_wenzhou_dongtou_zwfwzx_2020.txt"
    _, out, _ = cli("validate", "--explain", "--lang", "en", text)
    lines = out.splitlines()
    cell = next(i for i, line in enumerate(lines) if " R.CELL " in line)
    assert lines[cell + 1] == f"    fix: {READER_CATALOG['R.CELL'].fix_en}"


# --- new ---------------------------------------------------------------------------------


def test_new_writes_a_blank_report(tmp_path: Path) -> None:
    path = tmp_path / "report.yaml"
    code, _, err = cli(
        "new",
        "--lang",
        "en",
        "--year",
        "2025",
        "-o",
        path,
        "--agency",
        "某某局",
        "--kind",
        "government",
    )
    assert code == 0
    assert err == f"wrote {path} (2021 format, report on 2025)\n"
    expected = blank_report(year=2025, agency="某某局", agency_kind=AgencyKind.GOVERNMENT)
    assert load(path) == expected


def test_new_takes_the_format_from_the_year(tmp_path: Path) -> None:
    cli("new", "--year", "2020", "-o", tmp_path / "r.json")
    assert load(tmp_path / "r.json").metadata.format_version is FormatVersion.V2019


def test_new_format_option_overrides_the_year(tmp_path: Path) -> None:
    cli("new", "--year", "2020", "--format", "2021", "-o", tmp_path / "r.toml")
    assert load(tmp_path / "r.toml").metadata.format_version is FormatVersion.V2021


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("mine")
    code, _, err = cli("new", "--lang", "en", "--year", "2025", "-o", path)
    assert code == 2
    assert err == f"govinfo-report: error: {path} already exists; use --force to overwrite it\n"
    assert path.read_text() == "mine"


def test_new_force_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("mine")
    assert cli("new", "--year", "2025", "-o", path, "--force")[0] == 0
    assert load(path) == blank_report(year=2025)


def test_new_unknown_suffix_is_an_error(tmp_path: Path) -> None:
    code, _, err = cli("new", "--lang", "en", "--year", "2025", "-o", tmp_path / "r.txt")
    assert code == 2
    assert "cannot tell the syntax" in err
    assert not (tmp_path / "r.txt").exists()


def test_new_year_without_format_is_an_error(tmp_path: Path) -> None:
    code, _, err = cli("new", "--lang", "en", "--year", "2018", "-o", tmp_path / "r.yaml")
    assert code == 2
    assert "no statutory format for reports on 2018" in err


EXAMPLE_2021 = Path(__file__).resolve().parent.parent / "examples" / "example_2021.yaml"


def test_new_from_last_year_starts_this_years_report(tmp_path: Path) -> None:
    path = tmp_path / "r2025.yaml"
    code, _, err = cli("new", "--lang", "en", "--from", EXAMPLE_2021, "--year", "2025", "-o", path)
    assert code == 0
    assert err == f"wrote {path} (2021 format, report on 2025, from {EXAMPLE_2021})\n"
    assert load(path) == govinfo_report.next_report(load(EXAMPLE_2021), year=2025)


def test_new_from_last_year_passes_x1_against_it(tmp_path: Path) -> None:
    path = tmp_path / "r2025.yaml"
    cli("new", "--from", EXAMPLE_2021, "-o", path)
    code, out, _ = cli("validate", path, "--previous", EXAMPLE_2021, "--json")
    findings = json.loads(out)["files"][0]["findings"]
    assert code == 0
    assert [f for f in findings if f["code"] == "X.1"] == []
    assert load(path).applications["carried_over.total"] == 5


def test_new_from_takes_the_year_after_and_the_agency_unless_told(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    cli("new", "--from", EXAMPLE_2021, "-o", path, "--agency", "某某局", "--kind", "other")
    meta = load(path).metadata
    assert (meta.year, meta.agency, meta.agency_kind) == (2025, "某某局", AgencyKind.OTHER)


def test_new_from_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("mine")
    code, _, err = cli("new", "--lang", "en", "--from", EXAMPLE_2021, "-o", path)
    assert (code, err) == (2, f"{PREFIX}{path} already exists; use --force to overwrite it\n")
    assert path.read_text() == "mine"
    assert cli("new", "--lang", "en", "--from", EXAMPLE_2021, "-o", path, "--force")[0] == 0


def test_new_from_never_overwrites_last_years_report(tmp_path: Path) -> None:
    last = tmp_path / "last.yaml"
    shutil.copy(EXAMPLE_2021, last)
    code, _, err = cli("new", "--lang", "en", "--from", last, "-o", last, "--force")
    assert code == 2
    assert "refusing to overwrite the input" in err
    assert load(last) == load(EXAMPLE_2021)


def test_new_from_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = cli("new", "--from", tmp_path / "none.yaml", "-o", tmp_path / "r.yaml")
    assert code == 2
    assert err.startswith(PREFIX)
    assert not (tmp_path / "r.yaml").exists()


def test_new_needs_a_year_or_last_years_report(tmp_path: Path) -> None:
    code, _, err = cli("new", "-o", tmp_path / "r.yaml")
    assert code == 2
    assert "--year" in err
    assert "--from" in err


def test_validate_warns_that_a_new_report_without_agency_names_none(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    cli("new", "--year", "2025", "-o", path)
    code, out, _ = cli("validate", path)
    assert code == 0  # a warning: the author still has to write it
    assert f"{path}: 警告 M.1 metadata.agency: 没有机关名称：" in out


@pytest.mark.parametrize("year", ["0", "9999", "10000"])
def test_new_year_out_of_range_is_a_clear_error(tmp_path: Path, year: str) -> None:
    code, _, err = cli(
        "new", "--lang", "en", "--year", year, "--format", "2021", "-o", tmp_path / "r.yaml"
    )
    assert (code, err) == (
        2,
        f"govinfo-report: error: year must be between 1 and 9998, got {year}\n",
    )
    assert not (tmp_path / "r.yaml").exists()


def test_new_into_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "no" / "r.yaml"
    code, _, err = cli("new", "--lang", "en", "--year", "2025", "-o", out)
    assert code == 2
    assert (
        err
        == f"govinfo-report: error: cannot write {out}: the folder {out.parent} does not exist\n"
    )


# --- schema ------------------------------------------------------------------------------


def test_schema_prints_the_schema_for_either_format() -> None:
    code, out, _ = cli("schema")
    assert code == 0
    assert json.loads(out) == json_schema()


def test_schema_of_one_format_to_a_file(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    assert cli("schema", "--format", "2019", "-o", path) == (0, "", "")
    assert json.loads(path.read_text(encoding="utf-8")) == json_schema("2019")


# --- render ------------------------------------------------------------------------------


@attrs.define
class TextWriter:
    """A minimal text writer for the tests: the agency name and one option."""

    name: str = "plain"
    suffix: str = ".txt"
    binary: bool = False
    tables: str = "pipe"

    def write(self, report: Report, dest: BinaryIO) -> None:
        dest.write(f"{report.metadata.agency} {self.tables}\n".encode())


@attrs.define
class BinaryWriter:
    name: str = "blob"
    suffix: str = ".bin"
    binary: bool = True
    template: Path | None = None

    def write(self, report: Report, dest: BinaryIO) -> None:
        dest.write(b"\x00" + str(self.template).encode())


@pytest.fixture
def writers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(writer_registry._registered, "plain", TextWriter)
    monkeypatch.setitem(writer_registry._registered, "blob", BinaryWriter)


@pytest.mark.usefixtures("writers")
def test_render_writes_beside_the_input_with_the_writer_suffix(clean: Path) -> None:
    code, out, err = cli("render", "--lang", "en", clean, "--to", "plain")
    assert (code, out) == (0, "")
    assert clean.with_suffix(".txt").read_text(encoding="utf-8") == "安澜县自然资源局 pipe\n"
    assert err == f"wrote {clean.with_suffix('.txt')}\n"


@pytest.mark.usefixtures("writers")
def test_render_text_to_stdout_with_option(clean: Path) -> None:
    assert cli("render", clean, "--to", "plain", "--html-tables", "-o", "-") == (
        0,
        "安澜县自然资源局 html\n",
        "",
    )


@pytest.mark.usefixtures("writers")
def test_render_passes_the_template(clean: Path, tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(b"template")
    out = tmp_path / "out.bin"
    assert cli("render", clean, "--to", "blob", "--template", template, "-o", out)[0] == 0
    assert out.read_bytes() == b"\x00" + str(template).encode()


def test_render_with_template_layout_keeps_the_templates_page_size(
    clean: Path, tmp_path: Path
) -> None:
    template = tmp_path / "letter.docx"
    docx.Document().save(template)  # US Letter
    widths = {}
    for flags in ([], ["--template-layout"]):
        out = tmp_path / f"out{len(flags)}.docx"
        assert cli("render", clean, "--template", template, *flags, "-o", out)[0] == 0
        widths[len(flags)] = round(docx.Document(out).sections[0].page_width.mm)
    assert widths == {0: 210, 1: 216}


def test_render_template_layout_without_a_template_is_a_usage_error(
    clean: Path, tmp_path: Path
) -> None:
    code, _, err = cli(
        "render", clean, "--lang", "en", "--template-layout", "-o", tmp_path / "out.docx"
    )
    assert code == 2
    assert "--template-layout needs --template" in err
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.usefixtures("writers")
def test_render_refuses_binary_to_stdout(clean: Path) -> None:
    code, out, err = cli("render", clean, "--lang", "en", "--to", "blob", "-o", "-")
    assert (code, out) == (2, "")
    assert "blob output is binary" in err


@pytest.mark.usefixtures("writers")
def test_render_never_overwrites_the_input(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_bytes(dumps(load(FIXTURE), "json").encode())
    for args in (["--to", "plain", "--from", "json"], ["-o", source]):
        code, _, err = cli("render", source, "--lang", "en", *args)
        assert code == 2
        assert f"refusing to overwrite the input {source}" in err
    assert json.loads(source.read_text(encoding="utf-8"))["metadata"]["year"] == 2024


@pytest.mark.usefixtures("writers")
@pytest.mark.parametrize("link", ["symlink_to", "hardlink_to"])
@pytest.mark.parametrize("command", ["render", "import"])
def test_the_input_is_never_overwritten_through_a_link_even_with_force(
    clean: Path, tmp_path: Path, command: str, link: str
) -> None:
    output = tmp_path / "alias.yaml"
    getattr(output, link)(clean)
    before = clean.read_bytes()
    args = ["--to", "plain"] if command == "render" else []
    code, _, err = cli(command, clean, "--lang", "en", *args, "-o", output, "--force")
    assert (code, err) == (2, f"{PREFIX}refusing to overwrite the input {clean}; give another -o\n")
    assert clean.read_bytes() == before


@pytest.mark.parametrize("command", ["render", "import"])
def test_a_symlink_loop_given_as_input_is_a_clear_error(tmp_path: Path, command: str) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    code, _, err = cli(
        command, loop, "-o", tmp_path / ("out.md" if command == "render" else "out.yaml")
    )
    assert code == 2
    assert err.startswith(PREFIX)
    assert str(loop) in err
    assert "internal error" not in err


@pytest.mark.usefixtures("writers")
def test_render_option_the_writer_does_not_take(clean: Path) -> None:
    code, _, err = cli("render", clean, "--lang", "en", "--to", "plain", "--template", clean)
    assert code == 2
    assert "writer 'plain' does not accept the option(s) template" in err


def test_render_unknown_writer_lists_the_known_ones(clean: Path) -> None:
    code, _, err = cli("render", clean, "--lang", "en", "--to", "pdf")
    assert code == 2
    assert "unknown output format 'pdf'; expected one of" in err
    assert "'docx'" in err


def test_render_missing_template_is_an_error(clean: Path, tmp_path: Path) -> None:
    code, _, err = cli("render", clean, "--to", "docx", "--template", tmp_path / "no.docx")
    assert code == 2
    assert err == f"govinfo-report: error: 无法访问 {tmp_path / 'no.docx'}：没有这个模板\n"
    code, _, err = cli(
        "render", clean, "--lang", "en", "--to", "docx", "--template", tmp_path / "no.docx"
    )
    assert code == 2
    assert "no such template" in err


@pytest.mark.usefixtures("writers")
def test_render_unusable_input_exits_2_and_writes_nothing(unusable: Path) -> None:
    code, _, err = cli("render", unusable, "--to", "plain")
    assert code == 2
    assert "@ $.metadata.year" in err
    assert not unusable.with_suffix(".txt").exists()


def test_render_year_out_of_range_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "report.yaml"
    source.write_text(FIXTURE.read_text(encoding="utf-8").replace("year: 2024", "year: 9999"))
    code, _, err = cli("render", source, "--to", "markdown", "--lang", "en")
    assert code == 2
    assert "year must be between 1 and 9998, got 9999 @ $.metadata.year" in err
    assert (
        "年份须在 1 到 9998 之间，实际为 9999 @ $.metadata.year"
        in cli("render", source, "--to", "markdown")[2]
    )
    assert not (tmp_path / "report.md").exists()


def test_render_writes_a_report_with_errors_but_says_so_and_exits_1(
    broken: Path, tmp_path: Path
) -> None:
    out = tmp_path / "broken.md"
    code, _, err = cli("render", broken, "--to", "markdown", "-o", out)
    assert code == 1
    assert out.read_text(encoding="utf-8").startswith("---\n")
    assert "T3.1 applications.new_received.natural_person" in err
    assert "Traceback" not in err


def test_render_markdown_with_the_real_writer(clean: Path) -> None:
    pytest.importorskip("govinfo_report.writers.markdown")
    code, out, _ = cli("render", clean, "--to", "markdown", "-o", "-")
    assert code == 0
    assert "安澜县自然资源局" in out


def test_render_docx_with_the_real_writer(clean: Path) -> None:
    pytest.importorskip("govinfo_report.writers.docx")
    code, _, _ = cli("render", clean, "--to", "docx")
    assert code == 0
    assert clean.with_suffix(".docx").read_bytes().startswith(b"PK")


# --- import ------------------------------------------------------------------------------


def test_import_writes_the_report_in_the_output_syntax(clean: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code, stdout, err = cli("import", "--lang", "en", clean, "-o", out)
    assert (code, stdout, err) == (0, "", f"wrote {out} (200 of 200 table cells read)\n")
    assert load(out) == load(FIXTURE)


def test_import_to_stdout_is_yaml(clean: Path) -> None:
    code, out, _ = cli("import", clean, "-o", "-")
    assert code == 0
    assert out == dumps(load(FIXTURE), "yaml")


def test_import_refuses_to_overwrite(clean: Path, tmp_path: Path) -> None:
    assert "refusing to overwrite the input" in cli("import", clean, "--lang", "en", "-o", clean)[2]
    existing = tmp_path / "existing.yaml"
    existing.write_text("mine")
    code, _, err = cli("import", clean, "--lang", "en", "-o", existing)
    assert code == 2
    assert "already exists; use --force" in err
    assert existing.read_text() == "mine"


def test_import_prints_the_reader_findings(
    monkeypatch: pytest.MonkeyPatch, clean: Path, tmp_path: Path
) -> None:
    finding = Finding(
        code="R.CELL",
        severity=Severity.ERROR,
        status=Status.UNCERTAIN,
        message_zh="无法放置数值 7",
        message_en="could not place the value 7",
        location="line 23",
    )
    monkeypatch.setattr(
        "govinfo_report.readers.read_report",
        lambda source, format=None, **_: ReadResult(load(FIXTURE), (finding,)),
    )
    code, _, err = cli("import", clean, "-o", tmp_path / "r.yaml", "--lang", "en")
    assert code == 1  # written, but the reader could not place everything
    assert f"{clean} (line 23): error (uncertain) R.CELL: could not place the value 7\n" in err
    assert (tmp_path / "r.yaml").exists()


# --- errors, help, the installed script ---------------------------------------------------


def test_unexpected_exception_is_a_short_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: Any) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr("govinfo_report.cli._schema.run", boom)
    monkeypatch.delenv(cli_module.DEBUG_ENV, raising=False)
    code, out, err = cli("schema", "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith("govinfo-report: internal error: RuntimeError: boom\n")
    assert "GOVINFO_REPORT_DEBUG=1" in err
    assert "Traceback" not in err
    code, out, err = cli("schema")
    assert (code, out) == (2, "")
    assert err.startswith(
        "govinfo-report: 内部错误：RuntimeError: boom\n这是 govinfo-report 的缺陷"
    )
    assert "GOVINFO_REPORT_DEBUG=1" in err
    assert "Traceback" not in err


def _out_of_memory(*_: Any) -> ReadResult:
    raise MemoryError  # as Python raises it: with an empty message


@pytest.mark.parametrize("command", ["render", "import"])
def test_out_of_memory_is_a_clear_error_naming_the_input(
    monkeypatch: pytest.MonkeyPatch, clean: Path, tmp_path: Path, command: str
) -> None:
    monkeypatch.setattr("govinfo_report.cli._common.read_input", _out_of_memory)
    output = tmp_path / ("out.md" if command == "render" else "out.yaml")
    code, _, err = cli(command, clean, "-o", output, "--lang", "en")
    assert code == 2
    assert err == (
        f"{PREFIX}out of memory while processing {clean}; the input is too large or too complex\n"
    )
    assert cli(command, clean, "-o", output)[2] == (
        f"{PREFIX}处理 {clean} 时内存不足；输入太大或太复杂\n"
    )


def test_out_of_memory_in_a_batch_marks_that_file_unusable(
    monkeypatch: pytest.MonkeyPatch, clean: Path
) -> None:
    monkeypatch.setattr("govinfo_report.cli._common.read_input", _out_of_memory)
    assert cli("validate", clean)[2] == f"{PREFIX}处理 {clean} 时内存不足；输入太大或太复杂\n"
    code, _, err = cli("validate", "--lang", "en", clean)
    assert code == 2
    assert err == (
        f"{PREFIX}out of memory while processing {clean}; the input is too large or too complex\n"
    )


def test_an_internal_error_without_a_message_names_the_exception(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(*_: Any) -> int:
        raise RuntimeError

    monkeypatch.setattr("govinfo_report.cli._schema.run", boom)
    monkeypatch.delenv(cli_module.DEBUG_ENV, raising=False)
    assert cli("schema", "--lang", "en")[2].startswith(
        "govinfo-report: internal error: RuntimeError\n"
    )
    assert cli("schema")[2].startswith("govinfo-report: 内部错误：RuntimeError\n")


def test_debug_environment_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: Any) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr("govinfo_report.cli._schema.run", boom)
    monkeypatch.setenv(cli_module.DEBUG_ENV, "1")
    assert "Traceback (most recent call last)" in cli("schema")[2]


def test_version_goes_to_the_given_stdout_and_exits_0() -> None:
    code, out, err = cli("--version")
    assert (code, err) == (0, "")
    assert out == f"govinfo-report {govinfo_report.__version__}\n"


def test_usage_error_goes_to_the_given_stderr() -> None:
    code, out, err = cli("validate")
    assert (code, out) == (2, "")
    assert err.startswith("用法： govinfo-report validate")
    assert err.endswith("govinfo-report validate: error: 缺少必需的参数：FILE\n")
    err = cli("validate", "--lang", "en")[2]
    assert "govinfo-report validate: error: the following arguments are required: FILE" in err


def test_parser_overrides_no_private_argparse_attribute() -> None:
    from govinfo_report.cli._parser import Parser

    overridden = [
        name
        for name in vars(Parser)
        if name.startswith("_")
        and not name.startswith("__")
        and hasattr(argparse.ArgumentParser, name)
    ]
    assert overridden == []


def test_help_goes_to_stdout_and_exits_0() -> None:
    code, out, err = cli("--help")
    assert (code, err) == (0, "")
    assert "validate" in out
    assert "render" in out


def test_missing_command_is_a_usage_error() -> None:
    code, out, err = cli()
    assert (code, out) == (2, "")
    assert err.startswith("用法： govinfo-report")


def test_bad_option_is_a_usage_error(clean: Path) -> None:
    code, _, err = cli("validate", "--lang", "fr", clean)
    assert code == 2
    assert "参数 --lang：无效的取值 'fr'（可选：'zh', 'en'）" in err
    code, _, err = cli("validate", "--lang", "en", "--min-severity", "fr", clean)
    assert code == 2
    assert "invalid choice: 'fr'" in err


def test_main_uses_the_process_streams(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_module.main(["schema", "--format", "2021"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema("2021")


def installed_script() -> str:
    """The console script of the running interpreter's environment, on PATH or not.

    A venv's ``bin`` is only on PATH once activated; pytest run as ``venv/bin/python -m
    pytest`` is not, so look next to the interpreter first.
    """
    folder = Path(sys.executable).parent
    for name in ("govinfo-report", "govinfo-report.exe"):
        if (folder / name).is_file():
            return str(folder / name)
    return shutil.which("govinfo-report") or pytest.fail("govinfo-report is not installed")


def test_installed_script_is_found_without_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert Path(installed_script()).parent == Path(sys.executable).parent


def test_installed_script_reports_bad_input_without_traceback(
    tmp_path: Path, unusable: Path
) -> None:
    script = installed_script()
    junk = tmp_path / "deep.json"
    junk.write_text('{"metadata": ' + "[" * 100_000)
    done = subprocess.run(
        [script, "validate", str(unusable), str(junk), str(FIXTURE)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "@ $.metadata.year" in done.stderr
    assert "JSON 无效：嵌套过深" in done.stderr  # the load problem in Chinese, as the rest
    assert f"{FIXTURE}: 无错误" in done.stdout


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head(1)")
def test_validate_into_head_ends_quietly(tmp_path: Path) -> None:
    # Blank reports: one notice per blank cell, ~80 KB of findings each, so the batch
    # fills the pipe (64 KB) long before it ends and the writes after `head` exits fail.
    for i in range(4):
        dump(blank_report(year=2021, agency="某某局"), tmp_path / f"r{i}.yaml")
    validate = subprocess.Popen(
        [sys.executable, "-m", "govinfo_report", "validate", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert validate.stdout is not None
    head = subprocess.Popen(["head", "-1"], stdin=validate.stdout, stdout=subprocess.PIPE)
    validate.stdout.close()  # head alone reads the pipe, so its exit closes it
    first_line, _ = head.communicate(timeout=120)
    _, err = validate.communicate(timeout=120)
    assert first_line.decode("utf-8").startswith(f"{tmp_path / 'r0.yaml'}: ")
    assert err == b""
    assert validate.returncode == cli_module.EXIT_BROKEN_PIPE


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "schema", "--format", "2021"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["$schema"].startswith("https://json-schema.org/")


# --- never a silent pass -------------------------------------------------------------------

_NO_TABLES = "\n".join(
    [
        "某县审计局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "本年度主动公开政府信息12条。",
        "二、主动公开政府信息情况",
        "详见附件（图片）。",
        "三、收到和处理政府信息公开申请情况",
        "本年度收到申请3件。",
        "四、政府信息公开行政复议、行政诉讼情况",
        "无。",
        "五、存在的主要问题及改进情况",
        "公开意识有待加强。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        "某县审计局",
        "2024年1月20日",
    ]
)


def test_a_document_whose_tables_were_not_read_does_not_validate(tmp_path: Path) -> None:
    path = tmp_path / "no_tables.txt"
    path.write_text(_NO_TABLES, encoding="utf-8")
    code, out, _ = cli("validate", "--lang", "en", path)
    assert code == 1
    missing = [line for line in out.splitlines() if " R.TABLE_MISSING " in line]
    assert [line.split(" R.TABLE_MISSING ")[1].split(":")[0] for line in missing] == [
        "proactive",
        "applications",
        "review_litigation",
    ]
    assert all("error R.TABLE_MISSING" in line for line in missing)
    assert all("the document has no tables at all" in line for line in missing)
    assert out.splitlines()[-1].endswith("; table cells read: 0 of 200")


def test_validate_json_counts_the_cells_read(tmp_path: Path, clean: Path) -> None:
    path = tmp_path / "no_tables.txt"
    path.write_text(_NO_TABLES, encoding="utf-8")
    code, out, _ = cli("validate", "--json", clean, path)
    document = json.loads(out)
    assert code == document["exit_code"] == 1
    assert [f["cells"] for f in document["files"]] == [
        {"read": 200, "stated": 200},
        {"read": 0, "stated": 200},
    ]
    assert document["summary"]["cells"] == {"read": 200, "stated": 400}


def test_import_says_how_many_cells_it_read(tmp_path: Path) -> None:
    path = tmp_path / "no_tables.txt"
    path.write_text(_NO_TABLES, encoding="utf-8")
    code, out, err = cli("import", "--lang", "en", path, "-o", "-")
    assert code == 1  # written, but no table was found
    assert loads(out, "yaml").metadata.agency == "某县审计局"
    assert err.endswith("read 0 of 200 table cells\n")
    assert err.count("R.TABLE_MISSING") == 3


def test_every_command_gets_its_options_when_named_and_none_for_help_alone() -> None:
    from govinfo_report.cli._parser import _COMMANDS, build_parser

    def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return dict(action.choices)

    everything = subparsers(build_parser(io.StringIO(), io.StringIO(), sorted(_COMMANDS)))
    assert set(everything) == _COMMANDS
    for name, sub in everything.items():
        assert len(sub._actions) > 1, name  # more than -h
    alone = subparsers(build_parser(io.StringIO(), io.StringIO(), ["--help"]))
    assert all(len(sub._actions) == 1 for sub in alone.values())
