"""agency_key: one key per agency however its name is spelt."""

from __future__ import annotations

import doctest

import pytest

from govinfo_report import _agency
from govinfo_report._agency import agency_key, different_agencies


@pytest.mark.parametrize(
    "spelling",
    [
        "温州市洞头区政务服务中心",
        " 温州市 洞头区 政务服务中心 ",
        "温州市洞头区政务服务中心2020年政府信息公开工作年度报告",
        "温州市洞头区政务服务中心2020年度政府信息公开工作报告",
        "温州市洞头区政务服务中心关于2020年政府信息公开工作年度报告",
        "《温州市洞头区政务服务中心》",
    ],
)
def test_spellings_of_one_agency_share_a_key(spelling: str) -> None:
    assert agency_key(spelling) == "温州市洞头区政务服务中心"


def test_full_width_and_people_s_government() -> None:
    assert agency_key("（东城区）人民政府") == agency_key("(东城区)政府")
    assert agency_key("ＡＢＣ局") == "abc局"


def test_different_agencies_differ() -> None:
    assert agency_key("洞头区政务服务中心") != agency_key("洞头区数据管理中心")
    assert agency_key("") == ""


def test_doctests() -> None:
    assert doctest.testmod(_agency).failed == 0


def test_different_agencies_need_two_names_with_different_keys() -> None:
    assert different_agencies("洞头区政务服务中心", "洞头区数据管理中心")
    assert not different_agencies("温州市洞头区 人民政府", "温州市洞头区政府")
    assert not different_agencies("", "洞头区数据管理中心")
    assert not different_agencies("洞头区政务服务中心", "")


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("温州市洞头区政务服务中心", "洞头区政务服务中心"),
        ("洞头区政务服务中心", "温州市洞头区政务服务中心"),
        ("浙江省温州市洞头区人民政府", "温州市洞头区政府"),
    ],
)
def test_a_name_with_its_region_in_front_is_not_another_agency(name: str, other: str) -> None:
    assert not different_agencies(name, other)


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("温州市洞头区政务服务中心", "政务服务中心"),  # names no place
        ("温州市洞头区政务服务中心", "鹿城区政务服务中心"),
        ("北京市朝阳区政府", "长春市朝阳区政府"),
        ("温州市洞头区政务服务中心", "州市洞头区政务服务中心"),  # 温州 is one name
    ],
)
def test_other_names_around_a_region_are_other_agencies(name: str, other: str) -> None:
    assert different_agencies(name, other)
