"""Title parsing: the agency comes back exactly as printed, whatever was folded to match."""

from __future__ import annotations

import pytest

from govinfo_report import read_report
from govinfo_report.readers._meta import parse_title


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        (
            "某市住房和城乡建设局（人防办）２０２３年政府信息公开工作年度报告",
            "某市住房和城乡建设局（人防办）",
            2023,
        ),
        ("ＡＢＣ县财政局2021年政府信息公开工作年度报告", "ＡＢＣ县财政局", 2021),
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅", 2019),
        ("二〇二二年度螅镇政府信息公开工作年度报告", "螅镇", 2022),
    ],
)
def test_agency_is_returned_as_printed(title: str, agency: str, year: int) -> None:
    parsed = parse_title(title)
    assert parsed is not None
    assert (parsed.agency, parsed.year) == (agency, year)


def test_a_read_report_keeps_full_width_brackets_in_the_agency() -> None:
    text = (
        "某市住房和城乡建设局（人防办）2023年政府信息公开工作年度报告\n"
        "一、总体情况\n2023年，我局……\n"
        "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
        "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n"
        "六、其他需要报告的事项\n无。\n"
    )
    report, _ = read_report(text.encode(), "text")
    assert report.metadata.agency == "某市住房和城乡建设局（人防办）"
