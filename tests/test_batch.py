"""Batch render: render_many() and ``render DIR... -o OUTDIR``, one writer, a file each."""

from __future__ import annotations

import io
import shutil
import stat
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import docx
import pytest

from govinfo_report import (
    RenderResult,
    UnknownFormatError,
    dump,
    load,
    read_report,
    render,
    render_many,
)
from govinfo_report import cli as cli_module
from govinfo_report._io import TEMP_PREFIX
from govinfo_report.writers import docx as docx_writer
from strategies import evolve_cell

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "example_2021.yaml"
DONGTOU = ROOT / "examples" / "dongtou_2020.yaml"


def _cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_module.run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """reports/: the two examples, and sub/x.yaml (a copy of the 2021 one)."""
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLE, folder / "example_2021.yaml")
    shutil.copy(DONGTOU, folder / "dongtou_2020.yaml")
    shutil.copy(EXAMPLE, folder / "sub" / "x.yaml")
    return folder


# --- render_many -----------------------------------------------------------------------------


def test_render_many_writes_one_file_per_report_at_its_name(tmp_path: Path) -> None:
    report = load(EXAMPLE)
    results = render_many({"a": report, "sub/b.yaml": DONGTOU}, tmp_path / "out", "markdown")
    assert [(r.name, r.ok) for r in results] == [("a", True), ("sub/b.yaml", True)]
    assert results[0].output == tmp_path / "out" / "a.md"
    assert (tmp_path / "out" / "a.md").read_bytes() == render(report, "markdown")
    assert (tmp_path / "out" / "sub" / "b.md").read_bytes() == render(load(DONGTOU), "markdown")


def test_render_many_makes_one_writer_for_the_whole_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[object] = []
    original = docx_writer.DocxWriter.__init__

    def counting(self: docx_writer.DocxWriter, *args: object, **kwargs: object) -> None:
        made.append(self)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(docx_writer.DocxWriter, "__init__", counting)
    report = load(EXAMPLE)
    results = render_many({f"r{i}": report for i in range(5)}, tmp_path, "docx")
    assert all(r.ok for r in results)
    assert len(made) == 1


def test_a_failing_report_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    results = render_many(
        [("first", EXAMPLE), ("bad", bad), ("last", DONGTOU)], tmp_path / "out", "markdown"
    )
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].output is None
    assert "cannot load" in (results[1].error or "")
    assert not (tmp_path / "out" / "bad.md").exists()


def test_a_bug_of_ours_on_one_report_is_said_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from govinfo_report.writers.markdown import MarkdownWriter

    def broken(self: object, report: object, stream: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(MarkdownWriter, "write", broken)
    [result] = render_many({"a": EXAMPLE}, tmp_path / "out", "markdown")
    assert (result.error, result.error_zh) == (
        "internal error: RuntimeError: boom",
        "内部错误：RuntimeError: boom",
    )


def test_a_writers_error_leaves_no_file_and_no_temporary_file(tmp_path: Path) -> None:
    report = load(EXAMPLE)
    broken = report.with_section("problems", paragraphs=("控制字符\x01",))
    results = render_many({"good": report, "broken": broken}, tmp_path, "docx")
    assert [r.ok for r in results] == [True, False]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.docx"]
    assert not any(p.name.startswith(TEMP_PREFIX) for p in tmp_path.iterdir())


def test_an_existing_file_is_replaced_as_write_report_does(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("old")
    (results,) = render_many({"a": EXAMPLE}, tmp_path, "markdown")
    assert results.ok
    assert (tmp_path / "a.md").read_bytes() == render(load(EXAMPLE), "markdown")


def test_a_read_only_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text("old")
    target.chmod(stat.S_IRUSR)  # read-only by its mode, even for root
    (refused,) = render_many({"a": EXAMPLE}, tmp_path, "markdown")
    assert not refused.ok
    assert target.read_text() == "old"
    (forced,) = render_many({"a": EXAMPLE}, tmp_path, "markdown", force=True)
    assert forced.ok


def test_the_input_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "r.md"
    source.write_bytes(render(load(EXAMPLE), "markdown"))
    before = source.read_bytes()
    (result,) = render_many({"r": source}, tmp_path, "markdown", force=True)
    assert "refusing to overwrite the input" in (result.error or "")
    assert source.read_bytes() == before


def test_two_reports_for_one_output_the_second_is_refused(tmp_path: Path) -> None:
    results = render_many([("a.yaml", EXAMPLE), ("a.json", DONGTOU)], tmp_path, "markdown")
    assert [r.ok for r in results] == [True, False]
    assert "is already the output of a.yaml" in (results[1].error or "")
    assert (tmp_path / "a.md").read_bytes() == render(load(EXAMPLE), "markdown")


@pytest.mark.parametrize("name", ["/etc/x", "../x", "a/../../x"])
def test_a_name_outside_the_folder_is_refused(tmp_path: Path, name: str) -> None:
    (result,) = render_many({name: EXAMPLE}, tmp_path / "out", "markdown")
    assert result.error == "the name must be a relative path inside the output folder"


def test_an_unknown_writer_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(UnknownFormatError, match="unknown output format 'pdf'"):
        render_many({"a": EXAMPLE}, tmp_path, "pdf")
    assert list(tmp_path.iterdir()) == []


def test_an_executor_gives_the_same_files_in_the_same_order(tmp_path: Path) -> None:
    reports = {f"r{i:02}": (EXAMPLE if i % 2 else DONGTOU) for i in range(19)}
    serial = render_many(reports, tmp_path / "serial", "docx")
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = render_many(reports, tmp_path / "pooled", "docx", executor=pool)
    assert [r.name for r in pooled] == [r.name for r in serial] == list(reports)
    for name in reports:
        serial_bytes = (tmp_path / "serial" / f"{name}.docx").read_bytes()
        assert (tmp_path / "pooled" / f"{name}.docx").read_bytes() == serial_bytes


def test_a_template_is_used_for_every_report_of_the_batch(tmp_path: Path) -> None:
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "安澜县自然资源局文件"
    template = tmp_path / "letterhead.docx"
    letterhead.save(template)
    results = render_many({"a": EXAMPLE, "b": DONGTOU}, tmp_path / "out", template=template)
    for result in results:
        assert result.output is not None
        header = docx.Document(str(result.output)).sections[0].header
        assert "安澜县自然资源局文件" in header.paragraphs[0].text


def test_results_say_whether_a_written_report_has_errors(tmp_path: Path) -> None:
    assert RenderResult(name="a").ok
    assert not RenderResult(name="a", error="x").ok
    (result,) = render_many({"a": EXAMPLE}, tmp_path, "markdown")
    assert not result.has_errors  # render_many does not check; the command line does


# --- render DIR... -o OUTDIR ------------------------------------------------------------------


def test_render_a_folder_writes_each_report_at_its_relative_path(tree: Path) -> None:
    out = tree.parent / "out"
    code, stdout, err = _cli("render", "--lang", "en", tree, "-o", out, "--to", "markdown")
    assert (code, stdout) == (0, "")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md")) == [
        "dongtou_2020.md",
        "example_2021.md",
        "sub/x.md",
    ]
    assert read_report(out / "sub" / "x.md").report == load(EXAMPLE)
    assert f"wrote {out / 'sub' / 'x.md'}\n" in err
    assert err.endswith("rendered 3 of 3: 0 with errors, 0 failed\n")


def test_render_folders_and_files_together(tree: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(DONGTOU, other / "d.yaml")
    out = tmp_path / "out"
    code, _, _ = _cli("render", tree / "sub", other / "d.yaml", "-o", out, "--to", "docx")
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["d.docx", "x.docx"]
    assert read_report(out / "d.docx").report == load(DONGTOU)


def test_a_report_named_twice_is_rendered_once_by_its_first_name(tree: Path) -> None:
    # The folder first: sub/x.yaml is sub/x.md; given again by name (once more inside
    # the folder sub, given too), it is not rendered again, which failed as "already
    # the output of x.yaml".
    out = tree.parent / "out"
    given = (tree, tree / "sub" / "x.yaml", tree / "sub", tree / "example_2021.yaml")
    code, _, err = _cli("render", "--lang", "en", *given, "-o", out, "--to", "markdown")
    assert code == 0, err
    assert err.endswith("rendered 3 of 3: 0 with errors, 0 failed\n")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md")) == [
        "dongtou_2020.md",
        "example_2021.md",
        "sub/x.md",
    ]


def test_existing_outputs_are_refused_without_force_and_the_batch_goes_on(tree: Path) -> None:
    out = tree.parent / "out"
    (out / "sub").mkdir(parents=True)
    (out / "sub" / "x.md").write_text("hand-edited")
    code, _, err = _cli("render", "--lang", "en", tree, "-o", out, "--to", "markdown")
    assert code == 2
    assert f"{tree / 'sub' / 'x.yaml'}: {out / 'sub' / 'x.md'} already exists; use --force" in err
    assert (out / "sub" / "x.md").read_text() == "hand-edited"
    assert (out / "example_2021.md").exists()
    assert err.endswith("rendered 2 of 3: 0 with errors, 1 failed\n")
    assert _cli("render", "--lang", "en", tree, "-o", out, "--to", "markdown", "--force")[0] == 0
    assert read_report(out / "sub" / "x.md").report == load(EXAMPLE)


def test_a_report_with_errors_is_written_and_exits_1(tree: Path) -> None:
    report = load(EXAMPLE)
    path = "applications.new_received.natural_person"
    dump(evolve_cell(report, path, report.cell(path) + 1), tree / "sub" / "x.yaml")
    out = tree.parent / "out"
    code, _, err = _cli("render", tree, "-o", out, "--to", "markdown")
    assert code == 1
    assert f"{tree / 'sub' / 'x.yaml'}: 错误 T3.1 {path}:" in err
    assert (out / "sub" / "x.md").exists()
    assert err.endswith("共 3 份，已生成 3 份：1 份有错误，0 份失败\n")


def test_an_unreadable_file_fails_alone_and_exits_2(tree: Path) -> None:
    (tree / "sub" / "bad.json").write_text("{not json")
    out = tree.parent / "out"
    code, _, err = _cli("render", tree, "-o", out, "--to", "markdown")
    assert code == 2
    assert f"govinfo-report: error: {tree / 'sub' / 'bad.json'}: 无法读取" in err  # --lang zh
    code, _, err = _cli(
        "render", tree, "-o", tree.parent / "out_en", "--to", "markdown", "--lang", "en"
    )
    assert f"govinfo-report: error: {tree / 'sub' / 'bad.json'}: cannot load" in err
    assert len(list(out.rglob("*.md"))) == 3


def test_an_empty_folder_is_a_failure(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = _cli("render", tmp_path / "empty", "-o", tmp_path / "out", "--to", "docx")
    assert code == 2
    assert "此文件夹及其下各级文件夹中没有报告文件（查找的后缀：.doc, " in err
    args = ("render", tmp_path / "empty", "-o", tmp_path / "out", "--to", "docx", "--lang", "en")
    code, _, err = _cli(*args)
    assert code == 2
    assert "no report files in this folder or below" in err


def test_a_second_run_into_a_folder_inside_the_input_skips_its_own_outputs(tree: Path) -> None:
    out = tree / "rendered"
    assert _cli("render", "--lang", "en", tree, "-o", out, "--to", "docx")[0] == 0
    code, _, err = _cli("render", "--lang", "en", tree, "-o", out, "--to", "docx", "--force")
    assert code == 0
    assert err.endswith("rendered 3 of 3: 0 with errors, 0 failed\n")
    assert not (out / "rendered").exists()


def test_a_batch_in_worker_processes_writes_the_same_files(tree: Path) -> None:
    serial, pooled = tree.parent / "serial", tree.parent / "pooled"
    assert _cli("render", tree, "-o", serial, "--to", "docx")[0] == 0
    assert _cli("render", tree, "-o", pooled, "--to", "docx", "--jobs", "2")[0] == 0
    for path in serial.rglob("*.docx"):
        assert (pooled / path.relative_to(serial)).read_bytes() == path.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "OUT"], "say which writer with --to"),
        (["--to", "docx"], "give the output folder with -o OUTDIR"),
        (["--to", "docx", "-o", "-"], "give the output folder with -o OUTDIR"),
    ],
)
def test_a_batch_needs_a_writer_and_an_output_folder(
    tree: Path, args: list[str], message: str
) -> None:
    given = [a.replace("OUT", str(tree.parent / "o")) for a in args]
    code, _, err = _cli("render", tree, "--lang", "en", *given)
    assert code == 2
    assert message in err


def test_a_batch_into_a_file_is_refused(tree: Path) -> None:
    target = tree.parent / "out.docx"
    target.write_text("x")
    code, _, err = _cli("render", tree, "--lang", "en", "-o", target, "--to", "docx")
    assert code == 2
    assert "is not a folder" in err


def test_render_one_file_works_as_before(tmp_path: Path) -> None:
    out = tmp_path / "one.md"
    assert _cli("render", EXAMPLE, "-o", out)[0] == 0
    assert out.read_bytes() == render(load(EXAMPLE), "markdown")
