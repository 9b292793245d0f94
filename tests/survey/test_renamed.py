"""Reports that may continue another name's of the year before: listed, never paired."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from fixtures.survey.corpus import write_named
from govinfo_report._agency import shorter_names
from govinfo_report.survey import Renamed, survey
from govinfo_report.survey._renamed import possible_renames


@pytest.mark.parametrize(
    ("key", "names"),
    [
        ("温州市洞头区政务服务中心", ["洞头区政务服务中心"]),  # 政务服务中心 names no place
        ("浙江省温州市洞头区政府", ["温州市洞头区政府", "洞头区政府"]),
        ("北京市朝阳区政府", ["朝阳区政府"]),
        ("沭阳县发展和改革局", []),  # nothing after 县 names a place
        ("上海市浦东新区陆家嘴街道办事处", ["浦东新区陆家嘴街道办事处", "陆家嘴街道办事处"]),
        ("某县某镇政府", ["某镇政府"]),
        ("市区", []),  # a region end at the end: nothing after it
    ],
)
def test_shorter_names_drop_a_region_in_front_and_still_name_a_place(
    key: str, names: list[str]
) -> None:
    assert shorter_names(key) == names


def _renames(*rows: tuple[str, int]) -> list[tuple[str, str]]:
    found = possible_renames((key, year, f"{key}{year}.json") for key, year in rows)
    return [(r.file, r.previous_file) for r in found]


def test_a_name_that_loses_or_gains_its_region_is_listed_either_way() -> None:
    lost = _renames(("温州市洞头区政务服务中心", 2023), ("洞头区政务服务中心", 2024))
    assert lost == [("洞头区政务服务中心2024.json", "温州市洞头区政务服务中心2023.json")]
    gained = _renames(("洞头区政务服务中心", 2023), ("温州市洞头区政务服务中心", 2024))
    assert gained == [("温州市洞头区政务服务中心2024.json", "洞头区政务服务中心2023.json")]


def test_only_where_neither_name_has_the_other_year() -> None:
    # 北京市朝阳区政府 goes on in 2024: the 朝阳区政府 of 2024 is someone else's.
    assert (
        _renames(("北京市朝阳区政府", 2023), ("北京市朝阳区政府", 2024), ("朝阳区政府", 2024)) == []
    )
    # 朝阳区政府 had a report in 2023 too: it is paired under its own key.
    assert _renames(("北京市朝阳区政府", 2023), ("朝阳区政府", 2023), ("朝阳区政府", 2024)) == []
    # Two years apart: not the year before.
    assert _renames(("北京市朝阳区政府", 2022), ("朝阳区政府", 2024)) == []


def test_a_shorter_name_two_agencies_share_lists_both() -> None:
    found = possible_renames(
        [
            ("北京市朝阳区政府", 2023, "bj.json"),
            ("长春市朝阳区政府", 2023, "cc.json"),
            ("朝阳区政府", 2024, "x.json"),
        ]
    )
    assert found == [
        Renamed("x.json", "朝阳区政府", 2024, "bj.json", "北京市朝阳区政府"),
        Renamed("x.json", "朝阳区政府", 2024, "cc.json", "长春市朝阳区政府"),
    ]


def test_a_survey_lists_them_and_pairs_nothing(tmp_path: Path) -> None:
    renamed = [("a", "温州市洞头区政务服务中心", 2023), ("b", "洞头区政务服务中心", 2024)]
    corpus = write_named(tmp_path / "in", renamed)
    result = survey([corpus], tmp_path / "out", jobs=1)
    assert result.pairs == 0
    with (tmp_path / "out" / "reports.csv").open(encoding="utf-8", newline="") as stream:
        rows = {row["file"]: row for row in csv.DictReader(stream)}
    assert rows[str(corpus / "b.json")]["maybe_previous_file"] == str(corpus / "a.json")
    assert rows[str(corpus / "b.json")]["previous_file"] == ""
    assert rows[str(corpus / "a.json")]["maybe_previous_file"] == ""
    assert result.renamed == (
        Renamed(
            str(corpus / "b.json"),
            "洞头区政务服务中心",
            2024,
            str(corpus / "a.json"),
            "温州市洞头区政务服务中心",
        ),
    )


def test_two_possible_previous_reports_are_both_named_in_the_row(tmp_path: Path) -> None:
    corpus = write_named(
        tmp_path / "in",
        [
            ("bj", "北京市朝阳区人民政府", 2023),
            ("cc", "长春市朝阳区人民政府", 2023),
            ("x", "朝阳区人民政府", 2024),
        ],
    )
    result = survey([corpus], tmp_path / "out", jobs=1)
    assert [r.previous_file for r in result.renamed] == [
        str(corpus / "bj.json"),
        str(corpus / "cc.json"),
    ]
    with (tmp_path / "out" / "reports.csv").open(encoding="utf-8", newline="") as stream:
        rows = {row["file"]: row for row in csv.DictReader(stream)}
    assert rows[str(corpus / "x.json")]["maybe_previous_file"] == (
        f"{corpus / 'bj.json'}; {corpus / 'cc.json'}"
    )
