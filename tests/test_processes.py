"""Reports, findings and read results cross process boundaries intact.

One worker process, started fresh (``spawn``: nothing inherited from this process, as on
another machine), serves the whole module; each test sends values there and back.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs
import pytest

from govinfo_report import Report, check, fill_totals, serialize
from govinfo_report.readers import ReadResult, read_report
from govinfo_report.writers import render

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "example_2021.yaml"
HTML = ROOT / "tests" / "fixtures" / "html" / "shanghai_2019.html"


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
        yield executor


@pytest.fixture(scope="module")
def report() -> Report:
    # The example with one wrong total, so that check() has findings to compare.
    example = serialize.load(EXAMPLE)
    return example.with_cells({"applications.new_received.natural_person": 999})


# --- run in the worker ------------------------------------------------------------------


def echo(value: object) -> object:
    return value


def specs_are_declared(report: Report) -> bool:
    return all(t.spec is report.format.table(t.spec.id) for t in report.tables)


def evolve_and_fill(report: Report) -> Report:
    return fill_totals(attrs.evolve(report, intro=("另一进程中修改。",)))


# --- the tests --------------------------------------------------------------------------


def test_report_comes_back_equal_with_the_declared_specs(
    pool: ProcessPoolExecutor, report: Report
) -> None:
    back = pool.submit(echo, report).result()
    assert back == report
    assert specs_are_declared(back)


def test_report_in_a_worker_holds_the_workers_own_specs(
    pool: ProcessPoolExecutor, report: Report
) -> None:
    assert pool.submit(specs_are_declared, report).result()


def test_report_can_be_evolved_and_filled_in_a_worker(
    pool: ProcessPoolExecutor, report: Report
) -> None:
    assert pool.submit(evolve_and_fill, report).result() == evolve_and_fill(report)


def test_check_in_a_worker_gives_the_same_findings(
    pool: ProcessPoolExecutor, report: Report
) -> None:
    findings = check(report)
    assert findings  # the wrong total
    assert pool.submit(check, report).result() == findings


def test_writer_in_a_worker_gives_the_same_output(
    pool: ProcessPoolExecutor, report: Report
) -> None:
    assert pool.submit(render, report, "docx").result() == render(report, "docx")


def test_findings_come_back_equal(pool: ProcessPoolExecutor, report: Report) -> None:
    findings = check(report)
    assert pool.submit(echo, findings).result() == findings


def test_read_result_comes_back_intact(pool: ProcessPoolExecutor) -> None:
    result = read_report(HTML)
    back = pool.submit(echo, result).result()
    assert isinstance(back, ReadResult)
    assert back == result
    assert specs_are_declared(back.report)


def test_read_result_made_in_a_worker_arrives_intact(pool: ProcessPoolExecutor) -> None:
    back = pool.submit(read_report, HTML).result()
    assert back == read_report(HTML)
    report, _findings = back
    assert fill_totals(report) == fill_totals(read_report(HTML).report)
