"""Three published reports as the checks see them, built from the figures they print.

Transcribed from the public reports (洞头区政务服务中心2020, 上海市人民政府办公厅2019,
沭阳县发展和改革局2023): every table cell as published, ``None`` where the page leaves
it empty; text shortened to what the rules read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import attrs

from govinfo_report import BLANK, AgencyKind, CellValue, Money, Report, Section, blank_report

Row = Sequence[int | None]


def _cells(table_id: str, rows: dict[str, Row], columns: Sequence[str]) -> dict[str, CellValue]:
    out: dict[str, CellValue] = {}
    for row, values in rows.items():
        for column, value in zip(columns, values, strict=True):
            out[f"{table_id}.{row}.{column}"] = BLANK if value is None else value
    return out


T3_COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_interest_org",
    "legal_service_org",
    "other_org",
    "total",
)
T4_ROWS = ("review", "litigation_direct", "litigation_after_review")
T4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")


def _build(
    version: str,
    year: int,
    agency: str,
    cells: dict[str, CellValue],
    texts: dict[str, str],
    **meta: object,
) -> Report:
    report = blank_report(version, year=year, agency=agency, agency_kind=AgencyKind.DEPARTMENT)
    changes: dict[str, dict[str, CellValue]] = {}
    for path, value in cells.items():
        table_id, _, cell_id = path.partition(".")
        changes.setdefault(table_id, {})[cell_id] = value
    sections = tuple(
        Section(id=s.id, heading=s.heading, paragraphs=(texts[s.id],) if s.id in texts else ())
        for s in report.sections
    )
    return attrs.evolve(
        report,
        metadata=attrs.evolve(report.metadata, **meta),
        sections=sections,
        **{t: report.table(t).replace(c) for t, c in changes.items()},
    )


def _t4(values: Sequence[int | None]) -> dict[str, CellValue]:
    rows = {row: values[i * 5 : i * 5 + 5] for i, row in enumerate(T4_ROWS)}
    return _cells("review_litigation", rows, T4_COLUMNS)


def dongtou_2020() -> Report:
    """洞头 2020: zeros where the flattened text gives numbers, blank elsewhere."""
    t3_rows = [r.id for r in blank_report("2019", year=2020).applications.spec.rows]
    cells = {
        "proactive.rules.made": 0,
        "proactive.rules.published": 0,
        "proactive.normative_documents.made": 0,
        "proactive.normative_documents.published": 0,
        "proactive.fees.items_last_year": 0,
        "proactive.fees.change": 0,
        "proactive.procurement.projects": 0,
        "proactive.procurement.amount": Money(Decimal(0)),
    }
    for row in ("licensing", "other_services", "penalties", "enforcement"):
        cells[f"proactive.{row}.items_last_year"] = 0
        cells[f"proactive.{row}.change"] = 0
    cells.update(_cells("applications", dict.fromkeys(t3_rows, (0,)), T3_COLUMNS[:1]))
    cells.update(_t4([0, 0, 0] + [None] * 12))
    texts = {
        "overview": "2020年,温州市洞头区政务服务中心严格遵循《条例》及相关规定……",
        "problems": "(一)存在的主要问题。一是信息公开效率有待提高……",
        "other": "(一)2020年度洞头区政务公开工作要点落实情况。",
    }
    return _build(
        "2019",
        2020,
        "温州市洞头区政务服务中心",
        cells,
        texts,
        signing_date=dt.date(2021, 1, 22),
    )


def shanghai_2019() -> Report:
    """上海市人民政府办公厅 2019: legal-person columns and many 总计 cells left empty."""
    n = None
    t3 = {
        "new_received": (821, 35, n, n, 2, 1, 859),
        "carried_over": (18, n, n, n, n, n, 18),
        "disclosed": (258, 12, n, n, 1, 1, n),
        "partially_disclosed": (3, n, n, n, n, n, n),
        "withheld_state_secret": (14, n, n, n, n, n, n),
        "withheld_prohibited": (n, n, n, n, n, n, n),
        "withheld_security": (n, n, n, n, n, n, n),
        "withheld_third_party": (n, n, n, n, n, n, n),
        "withheld_internal": (5, n, n, n, n, n, n),
        "withheld_process": (3, 1, n, n, n, n, n),
        "withheld_enforcement": (n, n, n, n, n, n, n),
        "withheld_enquiry": (10, 2, n, n, n, n, n),
        "unavailable_not_held": (252, 12, n, n, 1, n, n),
        "unavailable_to_create": (44, 3, n, n, n, n, n),
        "unavailable_unclear": (25, n, n, n, n, n, n),
        "not_processed_petition": (148, 1, n, n, n, n, n),
        "not_processed_repeated": (5, 4, n, n, n, n, n),
        "not_processed_publication": (n, n, n, n, n, n, n),
        "not_processed_excessive": (n, n, n, n, n, n, n),
        "not_processed_confirmation": (n, n, n, n, n, n, n),
        "other_handling": (n, n, n, n, n, n, n),
        "total_outcomes": (767, 35, n, n, 2, 1, 805),
        "carried_forward": (72, n, n, n, n, n, 72),
    }
    cells = _cells("applications", t3, T3_COLUMNS)
    cells.update(_t4([5, n, n, 2, 7, 8, n, n, 1, 9, n, n, n, n, n]))
    cells.update(
        {
            "proactive.rules.made": 13,
            "proactive.rules.published": 13,
            "proactive.rules.total_published": 524,
            "proactive.normative_documents.made": 60,
            "proactive.normative_documents.published": 60,
            "proactive.normative_documents.total_published": 368,
            "proactive.fees.items_last_year": 0,
            "proactive.fees.change": 0,
            "proactive.procurement.projects": 6,
            "proactive.procurement.amount": Money(Decimal(251000), "元"),
        }
    )
    for row in ("licensing", "other_services", "penalties", "enforcement"):
        for column in ("items_last_year", "change", "decisions"):
            cells[f"proactive.{row}.{column}"] = 0
    texts = {
        "overview": "2019年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导……",
        "problems": "一是新《条例》实施后，专业领域的理论学习仍需加强……",
        "other": "无。",
    }
    return _build(
        "2019",
        2019,
        "上海市人民政府办公厅",
        cells,
        texts,
        publication_date=dt.date(2020, 1, 31),
    )


def shuyang_2023() -> Report:
    """沭阳县发展和改革局 2023: the five legal-person columns left empty."""
    rows = [r.id for r in blank_report("2021", year=2023).applications.spec.rows]
    values = dict.fromkeys(rows, 0)
    values.update(new_received=26, disclosed=26, total_outcomes=26)
    t3 = {row: (v, None, None, None, None, None, v) for row, v in values.items()}
    cells = _cells("applications", t3, T3_COLUMNS)
    cells.update(_t4([0, 0, 0, 1, 1] + [0] * 10))
    cells.update(
        {
            "proactive.rules.issued": 0,
            "proactive.rules.repealed": 0,
            "proactive.rules.in_force": 0,
            "proactive.normative_documents.issued": 8,
            "proactive.normative_documents.repealed": 0,
            "proactive.normative_documents.in_force": 18,
            "proactive.licensing.decisions": 0,
            "proactive.penalties.decisions": 0,
            "proactive.enforcement.decisions": 0,
            "proactive.fees.amount": Money(Decimal(0)),
        }
    )
    texts = {
        "overview": "2023年，县发展和改革局认真贯彻执行省、市、县有关文件精神……",
        "problems": "（一）存在的主要问题。各科室人员信息公开意识有所松懈……",
        "other": "2023年度，县发展和改革局政府信息公开未发生收费情况。",
    }
    return _build(
        "2021",
        2023,
        "沭阳县发展和改革局",
        cells,
        texts,
        signing_date=dt.date(2024, 1, 17),
    )
