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
