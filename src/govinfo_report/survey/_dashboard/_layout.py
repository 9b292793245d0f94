"""The page's layout pieces shared by its sections: headings, notes, chart-and-table pairs.

Every section is a heading (from :data:`SECTIONS`, bilingual, Chinese first), then a
chart with its data table beside it (:func:`pair`) or a note that there is nothing to
show (:func:`none`): a section never draws an empty chart.
"""

from __future__ import annotations

from govinfo_report.survey._dashboard._charts import STATUS_SERIES
from govinfo_report.survey._dashboard._html import Markup, bi, el
from govinfo_report.survey._dashboard._model import STATUSES, Survey

STATUS_TITLES = {
    s: (series.zh, series.en) for s, series in zip(STATUSES, STATUS_SERIES, strict=True)
}

SECTIONS = (
    ("status", "报告状态", "Reports by status"),
    ("rules", "按规则统计的发现", "Findings by rule"),
    ("worst", "问题最多的报告", "Worst reports"),
    ("years", "逐年合计", "Totals per year"),
    ("agencies", "各机关逐年对比", "Agencies year over year"),
    ("rates", "派生比率", "Derived ratios"),
    ("unreadable", "无法读取的文件", "Unreadable files"),
)


def section(anchor: str, *body: str | None) -> Markup:
    """The section ``anchor`` of :data:`SECTIONS`: its heading, then ``body``."""
    zh, en = next((zh, en) for a, zh, en in SECTIONS if a == anchor)
    return el("section", {"id": anchor}, el("h2", None, bi(zh, en)), *body)


def none(zh: str, en: str) -> Markup:
    """A note in place of a chart: there is nothing to show."""
    return el("p", {"class": "none"}, bi(zh, en))


def lead(zh: str, en: str) -> Markup:
    """A section's opening note: what it counts and how."""
    return el("p", {"class": "lead"}, bi(zh, en))


def pair(chart: str, data: str, css: str = "pair") -> Markup:
    """A chart with its data table beside it (below it on a narrow screen)."""
    return el(
        "div",
        {"class": css},
        el("div", {"class": "chart"}, chart),
        el("div", {"class": "data"}, data),
    )


def file_name(s: Survey, file: str) -> Markup:
    """A file's path below the survey's common folder; the whole path on hovering."""
    shown = file[len(s.folder) :] if s.folder and file.startswith(s.folder) else file
    return el("span", {"class": "file", "title": file if shown != file else None}, shown)


def relative_to(s: Survey) -> Markup | None:
    """The note naming the folder that file names are relative to (None without one)."""
    if not s.folder:
        return None
    return el(
        "p",
        {"class": "lead"},
        bi("文件路径相对于", "Files are named relative to"),
        " ",
        el("code", None, s.folder),
    )


__all__ = [
    "SECTIONS",
    "STATUS_TITLES",
    "file_name",
    "lead",
    "none",
    "pair",
    "relative_to",
    "section",
]
