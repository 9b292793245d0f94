"""``previous=`` of another agency: refused by check() and validate --previous, unless asked."""

from __future__ import annotations

import io
from pathlib import Path

import attrs
import pytest

from govinfo_report import PreviousReportMismatch, Report, check, dump, load
from govinfo_report.cli import run

EXAMPLE = Path("examples/example_2021.yaml")


def _previous(report: Report, agency: str) -> Report:
    meta = attrs.evolve(report.metadata, year=report.metadata.year - 1, agency=agency)
    return attrs.evolve(report, metadata=meta)


def _cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


def test_check_refuses_a_previous_report_of_another_agency() -> None:
    report = load(EXAMPLE)
    with pytest.raises(PreviousReportMismatch, match="not of '安澜县自然资源局'") as caught:
        check(report, previous=_previous(report, "安澜县教育局"))
    assert "other_agency=True" in str(caught.value)


def test_check_compares_another_agency_when_asked() -> None:
    report = load(EXAMPLE)
    other = check(report, previous=_previous(report, "安澜县教育局"), other_agency=True)
    assert other == check(report, previous=_previous(report, report.metadata.agency))
    assert {f.code for f in other} >= {"X.1"}  # the example's 结转 differ year to year


@pytest.mark.parametrize(
    "spelling",
    [
        "安澜县 自然资源局",
        "安澜县自然资源局2023年政府信息公开工作年度报告",
        "",
        "赣州市安澜县自然资源局",  # the region in front: a person paired them
    ],
)
def test_one_agency_spelt_differently_or_unnamed_is_the_same_agency(spelling: str) -> None:
    report = load(EXAMPLE)
    same = check(report, previous=_previous(report, report.metadata.agency))
    assert check(report, previous=_previous(report, spelling)) == same


def test_validate_previous_of_another_agency_exits_2_and_says_how_to_force(tmp_path: Path) -> None:
    previous = tmp_path / "previous.yaml"
    dump(_previous(load(EXAMPLE), "安澜县教育局"), previous)
    code, out, err = _cli("validate", "--previous", previous, EXAMPLE)
    assert "1 个无法读取" in out
    assert code == 2
    assert (
        f"govinfo-report: error: {EXAMPLE}: --previous {previous} 是安澜县教育局的报告，"
        "不是安澜县自然资源局的；请给出该机关 2023 年度的报告，或用 --force-previous 仍然比较\n"
    ) in err
    code, out, err = _cli("validate", "--lang", "en", "--previous", previous, EXAMPLE)
    assert code == 2
    assert (
        f"govinfo-report: error: {EXAMPLE}: --previous {previous} is a report of 安澜县教育局, "
        "not of 安澜县自然资源局; give that agency's report on 2023, or --force-previous to "
        "compare them anyway\n"
    ) in err
    assert "Traceback" not in err


def test_validate_force_previous_compares_anyway(tmp_path: Path) -> None:
    previous = tmp_path / "previous.yaml"
    dump(_previous(load(EXAMPLE), "安澜县教育局"), previous)
    code, out, err = _cli("validate", "--json", "--force-previous", "--previous", previous, EXAMPLE)
    assert (code, err) == (0, "")
    assert '"code": "X.1"' in out


def test_a_region_in_front_of_another_agency_is_still_another_agency() -> None:
    report = load(EXAMPLE)
    with pytest.raises(PreviousReportMismatch):
        check(report, previous=_previous(report, "赣州市安澜县教育局"))


def test_validate_previous_with_the_region_in_front_compares(tmp_path: Path) -> None:
    previous = tmp_path / "previous.yaml"
    dump(_previous(load(EXAMPLE), "赣州市安澜县自然资源局"), previous)
    code, out, err = _cli("validate", "--json", "--previous", previous, EXAMPLE)
    assert (code, err) == (0, "")
    assert '"code": "X.1"' in out
