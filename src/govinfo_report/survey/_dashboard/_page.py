"""The dashboard page: the document, its overview and its table of contents.

:func:`page` turns a tallied :class:`~._tally.Survey` into the HTML document; the
sections come from :mod:`._reports` (documents and findings) and :mod:`._figures`
(the figures they state).
"""

from __future__ import annotations

from govinfo_report._version import package_version
from govinfo_report.survey._dashboard._charts import DEFS
from govinfo_report.survey._dashboard._figures import (
    agencies_section,
    rates_section,
    years_section,
)
from govinfo_report.survey._dashboard._html import Markup, bi, count, el, join, percent
from govinfo_report.survey._dashboard._layout import SECTIONS, STATUS_TITLES, none
from govinfo_report.survey._dashboard._model import STATUSES, Survey
from govinfo_report.survey._dashboard._reports import (
    rules_section,
    status_section,
    unreadable_section,
    worst_section,
)
from govinfo_report.survey._dashboard._style import CSS


def page(survey: Survey) -> str:
    """The dashboard of ``survey`` as a complete HTML document."""
    if survey.rows:
        body = [
            _overview(survey),
            _contents(),
            status_section(survey),
            rules_section(survey),
            worst_section(survey),
            years_section(survey),
            agencies_section(survey),
            rates_section(survey),
            unreadable_section(survey),
        ]
    else:
        body = [none("这次调查没有任何报告。", "This survey holds no reports.")]
    header = el(
        "header",
        None,
        el(
            "p",
            {"class": "kicker"},
            bi("政府信息公开工作年度报告", "Annual reports on open government information"),
        ),
        el("h1", None, bi("调查总览", "Survey overview")),
    )
    head = el(
        "head",
        None,
        el("meta", {"charset": "utf-8"}),
        el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        el("title", None, "政府信息公开工作年度报告调查总览 · Survey overview"),
        el("style", None, Markup(CSS)),
    )
    main = el("main", None, header, *body, _footer())
    document = el("html", {"lang": "zh-CN"}, head, el("body", None, DEFS, main))
    return f"<!DOCTYPE html>\n{document}\n"


# --- overview ------------------------------------------------------------------------------------


def _overview(s: Survey) -> Markup:
    years = sorted(int(y) for y in s.by_year if y)
    span = "—" if not years else f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    severities = "、".join(f"{count(s.severities[k])} {k}" for k in ("error", "warning", "notice"))
    cards = [
        ("报告", "reports", count(s.rows), "份文件 files"),
        *(
            (*STATUS_TITLES[k], count(s.by_status[k]), percent(s.by_status[k], s.rows))
            for k in STATUSES
        ),
        (
            "机关",
            "agencies",
            count(s.agency_count),
            f"{count(s.multi_year_count)} 个有两年以上 with 2+ years",
        ),
        ("年度", "years", span, f"{len(years)} 个年度 years"),
        (
            "单元格读取",
            "cells read",
            percent(s.cells_read, s.cells_stated),
            f"{count(s.cells_read)} / {count(s.cells_stated)}",
        ),
        (
            "发现",
            "findings",
            count(s.findings_total) if s.findings_read else "—",
            severities if s.findings_read else "没有 findings.jsonl · missing",
        ),
    ]
    return el(
        "div",
        {"class": "kpis"},
        join(
            el(
                "div",
                {"class": "kpi"},
                el("span", {"class": "label"}, bi(zh, en)),
                el("b", None, value),
                el("span", {"class": "sub"}, sub),
            )
            for zh, en, value, sub in cards
        ),
    )


def _contents() -> Markup:
    items = (el("li", None, el("a", {"href": f"#{a}"}, bi(zh, en))) for a, zh, en in SECTIONS)
    return el("nav", {"aria-label": "目录 contents"}, el("ol", None, join(items)))


def _footer() -> Markup:
    sources = bi(
        "数据来源：本文件夹中的 reports.csv 与 findings.jsonl。",
        "Sources: reports.csv and findings.jsonl in this folder.",
    )
    return el(
        "footer", None, el("p", None, sources), el("p", None, f"govinfo-report {package_version()}")
    )


__all__ = ["page"]
