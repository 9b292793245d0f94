"""Three published reports as the checks see them, built from the figures they print.

The table cells come from ``published`` (the one transcription of 洞头区政务服务中心2020,
上海市人民政府办公厅2019 and 沭阳县发展和改革局2023 that the reader tests read against);
this module adds what the rules read besides: the dates printed and the section text,
shortened except for the subsections of 一、总体情况 whose figures TX.1 reads (copied
verbatim from the published pages).
"""

from __future__ import annotations

import datetime as dt

import attrs

from govinfo_report import AgencyKind, Report, Section, Subsection, blank_report
from published import DONGTOU_2020, SHANGHAI_2019, SHUYANG_2023, Published

SHANGHAI_2019_OVERVIEW = (
    Subsection(
        heading="（一）主动公开方面",
        paragraphs=(
            "2019年，通过“中国上海”门户网站、《上海市人民政府公报》等平台主动公开规章13件，"
            "行政规范性文件60件，市政府其他文件162件，人事任免文件141件。",
        ),
    ),
    Subsection(
        heading="（二）依申请公开方面",
        paragraphs=(
            "市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；"
            "答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到"
            "下年度答复），均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；"
            "不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%；"
            "不予处理158件，占19.6%；其他处理0件。信息公开类行政复议7件，诉讼9件，均获维持，"
            "继续保持了省级政府零败诉的记录，维护了市政府依法行政、公开透明的良好形象。",
        ),
    ),
)
"""上海2019's 一、总体情况 (一) and (二), verbatim: the figures its text states."""

SHUYANG_2023_OVERVIEW = (
    Subsection(
        heading="（一）主动公开政府信息情况",
        paragraphs=(
            "2023年，我局严格审签程序，全力做好政府信息公开工作。全年共审核发布各类公开政府"
            "信息249条，其中：发布行政公文和政策解读信息9条；机构设置和人事任免信息7条；"
            "重点工作39条；财政预决算信息6条；信息公开年度报告1条；政府信息公开指南1条；"
            "政府网站信息185条；政府信息公开制度1条。全年受理网络问政182件。",
        ),
    ),
    Subsection(
        heading="（二）依申请公开政府信息情况",
        paragraphs=(
            "2023年度我局共收到依申请信息公开26件，及时回复申请人，并将申请人所申请的信息"
            "通过电子邮箱发送给申请人",
        ),
    ),
)
"""沭阳2023's 一、总体情况 (一) and (二), verbatim."""


def _build(
    published: Published,
    texts: dict[str, str],
    *,
    signing_date: dt.date | None = None,
    publication_date: dt.date | None = None,
    overview: tuple[Subsection, ...] = (),
) -> Report:
    report = blank_report(
        published.version,
        year=published.year,
        agency=published.agency,
        agency_kind=AgencyKind.DEPARTMENT,
    )
    sections = tuple(
        Section(
            id=s.id,
            heading=s.heading,
            paragraphs=(texts[s.id],) if s.id in texts else (),
            subsections=overview if s.id == "overview" else (),
        )
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
    return _build(
        SHANGHAI_2019, texts, publication_date=dt.date(2020, 1, 31), overview=SHANGHAI_2019_OVERVIEW
    )


def shuyang_2023() -> Report:
    """沭阳县发展和改革局 2023: the five legal-person columns left empty."""
    texts = {
        "overview": "2023年，县发展和改革局认真贯彻执行省、市、县有关文件精神……",
        "problems": "（一）存在的主要问题。各科室人员信息公开意识有所松懈……",
        "other": "2023年度，县发展和改革局政府信息公开未发生收费情况。",
    }
    return _build(
        SHUYANG_2023, texts, signing_date=dt.date(2024, 1, 17), overview=SHUYANG_2023_OVERVIEW
    )
