"""Three published reports as the checks see them, built from the figures they print.

The table cells come from ``published`` (the one transcription of 洞头区政务服务中心2020,
上海市人民政府办公厅2019 and 沭阳县发展和改革局2023 that the reader tests read against);
this module adds what the rules read besides: the dates printed and the section text,
shortened.
"""

from __future__ import annotations

import datetime as dt

import attrs

from govinfo_report import AgencyKind, Report, Section, blank_report
from published import DONGTOU_2020, SHANGHAI_2019, SHUYANG_2023, Published


def _build(
    published: Published,
    texts: dict[str, str],
    *,
    signing_date: dt.date | None = None,
    publication_date: dt.date | None = None,
) -> Report:
    report = blank_report(
        published.version,
        year=published.year,
        agency=published.agency,
        agency_kind=AgencyKind.DEPARTMENT,
    )
    sections = tuple(
        Section(id=s.id, heading=s.heading, paragraphs=(texts[s.id],) if s.id in texts else ())
        for s in report.sections
    )
    return attrs.evolve(
        report,
        metadata=attrs.evolve(
            report.metadata, signing_date=signing_date, publication_date=publication_date
        ),
        sections=sections,
        proactive=published.table("proactive"),
        applications=published.table("applications"),
        review_litigation=published.table("review_litigation"),
    )


def dongtou_2020() -> Report:
    """洞头 2020: zeros where the flattened text gives numbers, blank elsewhere."""
    texts = {
        "overview": "2020年,温州市洞头区政务服务中心严格遵循《条例》及相关规定……",
        "problems": "(一)存在的主要问题。一是信息公开效率有待提高……",
        "other": "(一)2020年度洞头区政务公开工作要点落实情况。",
    }
    return _build(DONGTOU_2020, texts, signing_date=dt.date(2021, 1, 22))


def shanghai_2019() -> Report:
    """上海市人民政府办公厅 2019: legal-person columns and many 总计 cells left empty."""
    texts = {
        "overview": "2019年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导……",
        "problems": "一是新《条例》实施后，专业领域的理论学习仍需加强……",
        "other": "无。",
    }
    return _build(SHANGHAI_2019, texts, publication_date=dt.date(2020, 1, 31))


def shuyang_2023() -> Report:
    """沭阳县发展和改革局 2023: the five legal-person columns left empty."""
    texts = {
        "overview": "2023年，县发展和改革局认真贯彻执行省、市、县有关文件精神……",
        "problems": "（一）存在的主要问题。各科室人员信息公开意识有所松懈……",
        "other": "2023年度，县发展和改革局政府信息公开未发生收费情况。",
    }
    return _build(SHUYANG_2023, texts, signing_date=dt.date(2024, 1, 17))
