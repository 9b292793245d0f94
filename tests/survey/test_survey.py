"""survey(): a corpus of mixed reports in, the exports out, years paired as laid out."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import govinfo_report
from fixtures.survey.corpus import Layout, build_corpus, hierarchy_yaml
from govinfo_report.survey import REPORT_COLUMNS, SurveyError, SurveyResult, agency_key, survey
from govinfo_report.survey._columns import CELL_COLUMNS

OUTPUTS = ("reports.csv", "reports.xlsx", "cells.csv", "findings.jsonl", "index.html")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Layout]:
    folder = tmp_path_factory.mktemp("corpus")
    return folder, build_corpus(folder)


@pytest.fixture(scope="module")
def serial_run(
    corpus: tuple[Path, Layout], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, SurveyResult]:
    folder, _ = corpus
    out = tmp_path_factory.mktemp("serial")
    return out, survey([folder], out, jobs=1)


@pytest.fixture(scope="module")
def serial(serial_run: tuple[Path, SurveyResult]) -> Path:
    return serial_run[0]


def _rows(out: Path) -> dict[str, dict[str, str]]:
    with (out / "reports.csv").open(encoding="utf-8", newline="") as stream:
        return {row["file"]: row for row in csv.DictReader(stream)}


def _relative(corpus: tuple[Path, Layout], rows: dict[str, dict[str, str]]) -> dict[str, Any]:
    folder, _ = corpus
    prefix = str(folder) + "/"
    return {k.removeprefix(prefix): v for k, v in rows.items()}


def test_every_file_has_one_row_with_the_columns_in_order(
    corpus: tuple[Path, Layout], serial: Path
) -> None:
    _, layout = corpus
    with (serial / "reports.csv").open(encoding="utf-8", newline="") as stream:
        header = next(csv.reader(stream))
    assert tuple(header) == REPORT_COLUMNS
    assert sorted(_relative(corpus, _rows(serial))) == list(layout.files)
    assert len(layout.files) >= 250


def test_rows_are_in_path_order(serial: Path) -> None:
    files = list(_rows(serial))
    assert files == sorted(files)


def test_each_report_is_paired_with_its_agencys_previous_year(
    corpus: tuple[Path, Layout], serial: Path
) -> None:
    folder, layout = corpus
    rows = _relative(corpus, _rows(serial))
    for file, previous in layout.pairs.items():
        assert rows[file]["previous_file"] == str(folder / previous), file
    generated = {f for f in layout.files if not f.startswith(("published/", "broken/"))}
    unpaired = generated - set(layout.pairs)
    assert all(rows[f]["previous_file"] == "" for f in unpaired)


def test_cross_year_rules_pass_on_consistent_years_and_fail_where_broken(
    corpus: tuple[Path, Layout], serial: Path
) -> None:
    _, layout = corpus
    rows = _relative(corpus, _rows(serial))
    assert rows[layout.x1_broken]["rule:X.1"] == "fail"
    others = [f for f in layout.pairs if f != layout.x1_broken]
    assert {rows[f]["rule:X.1"] for f in others} == {"pass"}
    # X.2 (规范性文件 in force) exists in the 2021 format only.
    assert {rows[f]["rule:X.2"] for f in others} == {"pass", "n/a"}
    assert {rows[f]["rule:X.2"] for f in others if rows[f]["format"] == "2021"} == {"pass"}


def test_cross_year_findings_are_in_findings_jsonl(
    corpus: tuple[Path, Layout], serial: Path
) -> None:
    folder, layout = corpus
    with (serial / "findings.jsonl").open(encoding="utf-8") as stream:
        findings = [json.loads(line) for line in stream]
    x1 = [f for f in findings if f["code"] == "X.1" and f["status"] == "fail"]
    assert {f["file"] for f in x1} == {str(folder / layout.x1_broken)}
    # The column broken and the total column that sums it.
    assert sorted(f["paths"][0] for f in x1) == [
        "applications.carried_over.natural_person",
        "applications.carried_over.total",
    ]


def test_the_dashboard_counts_the_findings_as_one_made_from_the_files(
    serial: Path, with_levels: Path, tmp_path: Path
) -> None:
    """The survey's page counts findings from what it stored (no findings.jsonl read
    again): the page rebuilt from the written files is the same, byte for byte, with
    the cross-year, DUP.1 and H.1 findings among them."""
    import shutil

    from govinfo_report.survey._dashboard import write_dashboard

    for out in (serial, with_levels):
        copy = tmp_path / out.name
        shutil.copytree(out, copy)
        (copy / "index.html").unlink()
        write_dashboard(copy)
        assert (copy / "index.html").read_bytes() == (out / "index.html").read_bytes()
    lines = (with_levels / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    assert {"X.1", "H.1"} <= {json.loads(line)["code"] for line in lines}


def test_each_rows_counts_are_its_findings_in_findings_jsonl(serial: Path) -> None:
    from collections import Counter

    with (serial / "findings.jsonl").open(encoding="utf-8") as stream:
        found = Counter((f["file"], f["severity"]) for f in map(json.loads, stream))
    for file, row in _rows(serial).items():
        for severity, column in (
            ("error", "errors"),
            ("warning", "warnings"),
            ("notice", "notices"),
        ):
            assert int(row[column]) == found[file, severity], (file, severity)


def test_unreadable_files_are_rows_with_their_reason(
    corpus: tuple[Path, Layout], serial: Path
) -> None:
    _, layout = corpus
    rows = _relative(corpus, _rows(serial))
    for file in layout.unreadable:
        assert rows[file]["status"] == "unreadable"
        assert rows[file]["reason"]
        assert {rows[file][f"rule:{c}"] for c in ("T3.1", "X.1", "H.1")} == {"n/a"}


def test_a_duplicate_agency_year_is_listed_and_the_first_is_paired(
    corpus: tuple[Path, Layout], serial_run: tuple[Path, SurveyResult]
) -> None:
    folder, layout = corpus
    out, result = serial_run
    first, twin = (str(folder / f) for f in layout.duplicate)
    listed = [files for _, _, files in result.duplicates if first in files]
    assert listed == [(first, twin)]
    rows = _rows(out)
    followers = [r for r in rows.values() if r["previous_file"] in (first, twin)]
    assert followers
    assert {r["previous_file"] for r in followers} == {first}


def _cells(out: Path, file: str) -> dict[tuple[str, str], tuple[str, str]]:
    with (out / "cells.csv").open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        assert tuple(next(reader)) == CELL_COLUMNS
        return {(r[1], r[2]): (r[3], r[4]) for r in reader if r[0] == file}


def test_cells_csv_holds_every_cell_as_read_blank_and_not_applicable_apart(
    corpus: tuple[Path, Layout], serial: Path
) -> None:
    folder, _ = corpus
    file = folder / "published/text_01_wenzhou_dongtou_zwfwzx_2020.txt"
    report = govinfo_report.read_report(file).report
    expected = {
        (table.spec.id, spec.id): (
            ""
            if value is govinfo_report.BLANK
            else "/"
            if value is govinfo_report.NOT_APPLICABLE
            else str(value),
            "",
        )
        for table in report.tables
        for spec, value in table.items()
        if not isinstance(value, govinfo_report.Money)
    }
    cells = _cells(serial, str(file))
    assert {k: v for k, v in cells.items() if k in expected} == expected
    assert len(cells) == sum(len(t.values) for t in report.tables)
    assert "" in {v for v, _ in cells.values()}


def test_cells_csv_writes_not_applicable_as_a_slash(
    corpus: tuple[Path, Layout], serial: Path
) -> None:
    folder, _ = corpus
    township = _cells(serial, str(folder / "2023/agency_002.json"))  # 街道办事处: no fees
    assert township["proactive", "fees.amount"] == ("/", "")


def test_cells_csv_gives_amounts_exactly_with_their_unit(
    corpus: tuple[Path, Layout], serial: Path
) -> None:
    folder, _ = corpus
    cells = _cells(serial, str(folder / "2022/agency_003.json"))
    assert cells["proactive", "fees.amount"] == ("86.35", "万元")


def test_headline_figures_and_rates(corpus: tuple[Path, Layout], serial: Path) -> None:
    rows = _relative(corpus, _rows(serial))
    row = rows["county/2022/government.yaml"]
    new, outcomes = int(row["new_received"]), int(row["total_outcomes"])
    assert new > 0
    disclosed = int(row["disclosed"]) + int(row["partially_disclosed"])
    if outcomes >= 30:
        assert row["substantive_disclosure_rate"] == f"{disclosed / outcomes:.4f}"
    small = [r for r in rows.values() if r["review_total"] not in ("", "/")]
    assert all(r["review_correction_rate"] == "" for r in small if int(r["review_total"]) < 30)


def test_workbook_says_in_chinese_what_each_column_holds(serial: Path) -> None:
    from openpyxl import load_workbook

    from govinfo_report.survey._column_notes import NOTES
    from govinfo_report.survey._columns import BASE_COLUMNS

    assert set(NOTES) == set(BASE_COLUMNS)  # a new column needs its note
    workbook = load_workbook(serial / "reports.xlsx", read_only=True)
    try:
        assert workbook.sheetnames == ["reports", "列说明"]
        rows = list(workbook["列说明"].iter_rows(values_only=True))
    finally:
        workbook.close()
    assert rows[0] == ("列", "中文名", "说明")
    assert tuple(row[0] for row in rows[1:]) == REPORT_COLUMNS
    names = {row[0]: (row[1], row[2]) for row in rows[1:]}
    assert names["substantive_disclosure_rate"][0] == "实质公开率"
    assert names["rule:T3.1"][1].startswith("表三列勾稽")
    for column, (name, note) in names.items():
        assert name, column
        assert any("\u4e00" <= c <= "\u9fff" for c in note), column


def test_workbook_holds_the_csv_rows_with_numbers_as_numbers(serial: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(serial / "reports.xlsx", read_only=True)
    try:
        rows = list(workbook["reports"].iter_rows(values_only=True))
    finally:
        workbook.close()
    csv_rows = list(_rows(serial).values())
    assert rows[0] == REPORT_COLUMNS
    assert len(rows) == len(csv_rows) + 1
    year = REPORT_COLUMNS.index("year")
    assert rows[1][year] == int(csv_rows[0]["year"]) or csv_rows[0]["year"] == ""


def test_jobs_2_gives_the_same_bytes_as_serial(
    corpus: tuple[Path, Layout], serial: Path, tmp_path: Path
) -> None:
    folder, _ = corpus
    survey([folder], tmp_path, jobs=2)
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (serial / name).read_bytes(), name


def test_a_dask_cluster_gives_the_same_bytes_as_serial(
    corpus: tuple[Path, Layout], serial: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    folder, _ = corpus
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = survey([folder], tmp_path, executor=client.get_executor())
    assert result.read == result.files
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (serial / name).read_bytes(), name


def test_a_rerun_reads_only_changed_files_and_drops_deleted_ones(
    corpus: tuple[Path, Layout], tmp_path: Path
) -> None:
    source, layout = corpus
    folder = tmp_path / "corpus"
    shutil.copytree(source, folder)
    out = tmp_path / "out"
    first = survey([folder], out, jobs=1)
    assert first.read == first.files
    changed = folder / layout.x1_broken
    (folder / layout.duplicate[1]).unlink()
    changed.write_bytes(changed.read_bytes().replace("。".encode(), "；".encode(), 1))
    again = survey([folder], out, jobs=1)
    assert (again.read, again.dropped, again.files) == (1, 1, first.files - 1)
    fresh = survey([folder], tmp_path / "fresh", jobs=1)
    assert fresh.read == fresh.files
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name


def test_a_folder_without_reports_is_read_on_every_run_never_unchanged(tmp_path: Path) -> None:
    # The scan finds it unreadable itself, on every run: a fresh survey read it, and a
    # re-run cannot call it unchanged since the last one.
    empty = tmp_path / "empty"
    empty.mkdir()
    shutil.copy("examples/example_2021.yaml", tmp_path / "a.yaml")
    given = [empty, tmp_path / "a.yaml"]
    first = survey(given, tmp_path / "out", jobs=1)
    assert (first.files, first.read, first.unreadable) == (2, 2, 1)
    again = survey(given, tmp_path / "out", jobs=1)
    assert (again.files, again.read, again.unreadable) == (2, 1, 1)


def test_a_file_given_twice_or_also_under_a_folder_is_read_once(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy("examples/example_2021.yaml", folder / "a.yaml")
    shutil.copy("examples/dongtou_2020.yaml", folder / "b.yaml")
    again = folder / "." / "a.yaml"  # the same name once a path: reports/a.yaml
    result = survey([folder / "a.yaml", again, folder, folder], tmp_path / "out", jobs=1)
    assert (result.files, result.read, result.ok) == (2, 2, 2)
    assert list(_rows(tmp_path / "out")) == [str(folder / "a.yaml"), str(folder / "b.yaml")]


def test_documents_of_formats_not_read_yet_are_counted_and_named(tmp_path: Path) -> None:
    # A downloaded corpus holds .odt, .xls and .zip files beside the reports: each is a
    # row saying what it is and what to do, not a file the count passes over.
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy("examples/example_2021.yaml", folder / "a.yaml")
    (folder / "b.odt").write_bytes(b"PK\x03\x04 application/vnd.oasis.opendocument.text")
    (folder / "c.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # a picture: not walked
    result = survey([folder], tmp_path / "out", jobs=1)
    assert (result.files, result.ok, result.unreadable) == (3, 1, 2)
    rows = _rows(tmp_path / "out")
    assert list(rows) == [str(folder / n) for n in ("a.yaml", "b.odt", "c.zip")]
    assert rows[str(folder / "b.odt")]["reason"].startswith("this is an OpenDocument text (.odt)")
    # (An archive is opened: this empty one holds nothing; tests/survey/test_archive.py.)
    assert rows[str(folder / "c.zip")]["reason"].startswith("a zip archive holding no report")


def test_an_internal_error_is_reported_on_its_row_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import govinfo_report.checks as checks

    shutil.copy("examples/example_2021.yaml", tmp_path / "a.yaml")
    shutil.copy("examples/dongtou_2020.yaml", tmp_path / "b.yaml")
    real = checks.check

    def broken(report: Any, **kwargs: Any) -> Any:
        if report.metadata.year == 2024:
            raise ZeroDivisionError("boom")
        return real(report, **kwargs)

    monkeypatch.setattr(checks, "check", broken)
    result = survey([tmp_path], tmp_path / "out", jobs=1)
    assert (result.files, result.internal_errors, result.unreadable, result.ok) == (2, 1, 1, 1)
    row = _rows(tmp_path / "out")[str(tmp_path / "a.yaml")]
    assert row["status"] == "unreadable"
    assert row["reason"] == "internal error while checking: ZeroDivisionError: boom"


def test_the_top_level_name_calls_the_survey(tmp_path: Path) -> None:
    result = govinfo_report.survey(["examples/example_2021.yaml"], tmp_path / "a", jobs=1)
    assert result.files == 1


def test_the_top_level_name_stays_the_function_after_a_submodule_import() -> None:
    # Importing govinfo_report.survey._run would rebind the attribute to the package;
    # the top-level package keeps its export.
    import govinfo_report.survey._run

    assert callable(govinfo_report.survey)
    assert govinfo_report.survey.__module__ == "govinfo_report.survey._run"


def test_an_output_folder_with_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "thesis.docx").write_text("mine")
    with pytest.raises(SurveyError, match="holds other files and no survey"):
        survey(["examples/example_2021.yaml"], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.docx"]


def test_nothing_to_survey_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SurveyError, match="nothing to survey"):
        survey([], tmp_path)


@pytest.fixture(scope="module")
def with_levels(corpus: tuple[Path, Layout], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder, _ = corpus
    out = tmp_path_factory.mktemp("levels")
    hierarchy = out.parent / "hierarchy.yaml"
    hierarchy.write_text(hierarchy_yaml(), encoding="utf-8")
    result = survey([folder], out, jobs=2, hierarchy=hierarchy)
    assert result.parents == 3
    return out


def test_the_parent_is_checked_against_its_children_each_year(
    corpus: tuple[Path, Layout], with_levels: Path
) -> None:
    _, layout = corpus
    rows = _relative(corpus, _rows(with_levels))
    statuses = {year: rows[path]["rule:H.1"] for year, path in layout.parent_years.items()}
    missing_year = layout.missing_child[1]
    assert statuses[layout.h1_broken_year] == "fail"
    assert statuses[missing_year] == "uncertain"  # a child has no report that year
    assert set(statuses.values()) == {"fail", "uncertain", "pass"}


def test_children_name_their_parent_and_others_have_none(
    corpus: tuple[Path, Layout], with_levels: Path
) -> None:
    folder, layout = corpus
    rows = _relative(corpus, _rows(with_levels))
    for year, parent in layout.parent_years.items():
        children = [f for f in rows if f.startswith(f"county/{year}/dept_")]
        assert children
        assert {rows[f]["parent"] for f in children} == {str(folder / parent)}
    assert {r["rule:H.1"] for f, r in rows.items() if not f.endswith("government.yaml")} == {"n/a"}


def test_the_missing_child_is_named_in_the_uncertain_finding(
    corpus: tuple[Path, Layout], with_levels: Path
) -> None:
    folder, layout = corpus
    parent = str(folder / layout.parent_years[layout.missing_child[1]])
    with (with_levels / "findings.jsonl").open(encoding="utf-8") as stream:
        h1 = [f for f in map(json.loads, stream) if f["code"] == "H.1" and f["file"] == parent]
    assert h1
    assert all(agency_key(layout.missing_child[0]) in f["message_zh"] for f in h1)


def test_copied_sections_are_found_across_the_corpus(serial: Path) -> None:
    rows = _rows(serial)
    statuses = {r["rule:DUP.1"] for r in rows.values() if r["status"] != "unreadable"}
    # Every generated report shares the example's prose: copies everywhere, and the
    # published reports of other agencies are not copies of it.
    assert statuses == {"fail", "pass"}
    assert {r["rule:DUP.1"] for r in rows.values() if r["status"] == "unreadable"} == {"n/a"}


def test_the_dashboard_is_written(serial: Path) -> None:
    page = (serial / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "DUP.1" in page


def test_no_similar_leaves_dup1_not_applied(tmp_path: Path) -> None:
    result = survey(["examples"], tmp_path, jobs=1, similar=False)
    assert {r["rule:DUP.1"] for r in _rows(tmp_path).values()} == {"n/a"}
    assert any("DUP.1" in note for note in result.skipped)


def test_a_bad_hierarchy_file_stops_the_survey_before_reading(tmp_path: Path) -> None:
    bad = tmp_path / "h.yaml"
    bad.write_text("安澜县人民政府: 3\n", encoding="utf-8")
    with pytest.raises(govinfo_report.ReportLoadError, match=r"h\.yaml"):
        survey(["examples"], tmp_path / "out", hierarchy=bad)
    assert not (tmp_path / "out").exists()


def test_a_worker_that_dies_loses_only_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing
    import os

    from govinfo_report.survey import _run, _summary

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the patched reader reaches the workers only through fork")
    # Fork even if an earlier test left threads (Dask's): this test's workers only read.
    monkeypatch.setattr(_run, "_context", lambda: multiprocessing.get_context("fork"))
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        shutil.copy("examples/example_2021.yaml", folder / f"r{i:02d}.yaml")
    real = _summary._summarise_bytes

    def crashing(name: str, data: bytes, *args: Any) -> Any:
        if name.endswith("r05.yaml"):
            os._exit(1)  # as a segfault or the out-of-memory killer would
        return real(name, data, *args)

    monkeypatch.setattr(_summary, "_summarise_bytes", crashing)
    result = survey([folder], tmp_path / "out", jobs=2)
    assert (result.files, result.unreadable, result.internal_errors) == (12, 1, 1)
    row = _rows(tmp_path / "out")[str(folder / "r05.yaml")]
    assert (
        row["reason"] == "internal error: the process reading it died (a crash, or out of memory)"
    )


def test_an_output_folder_inside_the_corpus_is_not_surveyed(tmp_path: Path) -> None:
    shutil.copy("examples/example_2021.yaml", tmp_path / "a.yaml")
    survey([tmp_path], tmp_path / "survey", jobs=1)
    again = survey([tmp_path], tmp_path / "survey", jobs=1)  # index.html is there now
    assert (again.files, again.read) == (1, 0)
    assert list(_rows(tmp_path / "survey")) == [str(tmp_path / "a.yaml")]


def test_a_link_in_the_corpus_to_an_output_is_not_surveyed(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    shutil.copy("examples/example_2021.yaml", corpus / "a.yaml")
    survey([corpus], out, jobs=1)
    (corpus / "page.html").symlink_to(out / "index.html")  # our dashboard, by a link
    again = survey([corpus], out, jobs=1)
    assert (again.files, again.read) == (1, 0)
    assert list(_rows(out)) == [str(corpus / "a.yaml")]
