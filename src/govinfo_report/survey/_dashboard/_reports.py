"""The page's sections on the reports: by status, findings by rule, the worst, the unreadable.

Each counts documents or findings; the figures the reports state are in :mod:`._figures`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from govinfo_report.catalog import describe
from govinfo_report.survey._dashboard._charts import (
    FINDING_SERIES,
    STATUS_SERIES,
    WORST_SERIES,
    hbars,
    legend,
    row_bar,
)
from govinfo_report.survey._dashboard._html import Markup, bi, count, el, esc, table
from govinfo_report.survey._dashboard._layout import (
    STATUS_TITLES,
    file_name,
    lead,
    none,
    pair,
    relative_to,
    section,
)
from govinfo_report.survey._dashboard._model import RULE_STATES, STATUSES, Survey

# --- reports by status ---------------------------------------------------------------------------


def _ordered(groups: Mapping[str, Counter[str]], *, years: bool = False) -> list[str]:
    """The groups' keys sorted (years as numbers), the unknown ("") last."""
    known = sorted((g for g in groups if g), key=int if years else None)
    return known + ([""] if "" in groups else [])


def status_section(s: Survey) -> Markup:
    """Reports by status: all of them, then by year, format version and file type."""
    views = (
        (
            "status",
            "全部报告",
            "all reports",
            "范围",
            "scope",
            [("全部 all", [s.by_status[k] for k in STATUSES])],
        ),
        (
            "status-year",
            "按年度",
            "by year",
            "年度",
            "year",
            [
                (y or "未知 unknown", [s.by_year[y][k] for k in STATUSES])
                for y in _ordered(s.by_year, years=True)
            ],
        ),
        (
            "status-format",
            "按格式版本",
            "by format version",
            "格式版本",
            "format version",
            [
                (f or "未知 unknown", [s.by_format[f][k] for k in STATUSES])
                for f in _ordered(s.by_format)
            ],
        ),
        (
            "status-suffix",
            "按文件类型",
            "by file type",
            "文件类型",
            "file type",
            [
                (f or "无后缀 none", [s.by_suffix[f][k] for k in STATUSES])
                for f in _ordered(s.by_suffix)
            ],
        ),
    )
    parts: list[str] = [
        lead(
            "“无错误”：已读取且没有错误级发现。无法读取的文件只在本节计数。",
            "“No errors”: read, with no error finding. "
            "Unreadable files count in this section only.",
        ),
        legend(STATUS_SERIES),
    ]
    all_labels = [label for *_, rows in views for label, _ in rows]
    for chart_id, zh, en, head_zh, head_en, rows in views:
        caption = bi(f"报告状态，{zh}", f"Reports by status, {en}")
        data = table(
            caption,
            [
                bi(head_zh, head_en),
                *(bi(*STATUS_TITLES[k]) for k in STATUSES),
                bi("合计", "total"),
            ],
            ([label, *map(count, values), count(sum(values))] for label, values in rows),
            numeric=range(1, len(STATUSES) + 2),
        )
        title = f"报告状态，{zh} Reports by status, {en}"
        chart = hbars(chart_id, title, rows, STATUS_SERIES, labels=all_labels)
        parts.append(el("h3", None, bi(zh, en.capitalize())))
        parts.append(pair(chart, data))
    return section("status", *parts)


# --- findings by rule ----------------------------------------------------------------------------


_SEVERITIES = {"error": "错误", "warning": "警告", "notice": "提示"}


def _rule_title(code: str) -> tuple[Markup, Markup]:
    """The rule's title and the severity of its failure, from the catalog ("—" if not in it)."""
    try:
        info = describe(code)
    except KeyError:  # a code from a newer library, or a third party's: shown as it is
        return esc("—"), esc("—")
    severity = info.severity.value
    return bi(info.title_zh, info.title_en), bi(_SEVERITIES.get(severity, severity), severity)


def rules_section(s: Survey) -> Markup:
    """Findings per rule (fail, uncertain) and reports per rule state, most findings first."""
    empty: Counter[str] = Counter()
    codes = sorted(
        set(s.findings) | set(s.rule_reports),
        key=lambda c: (
            -sum(s.findings.get(c, empty).values()),
            -s.rule_reports.get(c, empty)["fail"],
            c,
        ),
    )
    if not codes:
        if not s.findings_read:
            return section(
                "rules",
                none(
                    "没有 findings.jsonl，也没有规则列。", "No findings.jsonl and no rule columns."
                ),
            )
        return section("rules", none("没有任何发现。", "No findings at all."))
    biggest = max(sum(s.findings.get(c, empty).values()) for c in codes)
    rows = []
    for i, code in enumerate(codes):
        found = [s.findings.get(code, empty)[k] for k in ("fail", "uncertain")]
        reports = s.rule_reports.get(code)
        bar = row_bar(f"rule-{i}", f"{code} 发现 findings", found, FINDING_SERIES, biggest)
        rows.append(
            [
                code,
                *_rule_title(code),
                bar,
                *map(count, found),
                *(count(reports[k]) if reports else "" for k in RULE_STATES),
            ]
        )
    note = (
        None
        if s.findings_read
        else none(
            "没有 findings.jsonl：只有报告数（reports.csv 的 rule: 列）。",
            "No findings.jsonl: report counts only (reports.csv's rule: columns).",
        )
    )
    data = table(
        bi("各规则的发现数与报告数", "Findings and reports per rule"),
        [
            bi("代码", "code"),
            bi("规则", "rule"),
            bi("级别", "severity"),
            bi("发现", "findings"),
            bi("不通过", "fail"),
            bi("不确定", "uncertain"),
            bi("不通过", "fail"),
            bi("不确定", "uncertain"),
            bi("通过", "pass"),
            bi("不适用", "n/a"),
        ],
        rows,
        numeric=range(4, 10),
        css="rules",
        scroll=True,
        groups=[("", 3), (bi("发现数", "findings"), 3), (bi("报告数", "reports"), 4)],
    )
    return section(
        "rules",
        lead(
            "发现数来自 findings.jsonl；报告数来自 reports.csv 每条规则的状态列。按发现数排列。",
            "Findings from findings.jsonl; reports from reports.csv's rule columns. "
            "Most findings first.",
        ),
        note,
        legend(FINDING_SERIES),
        data,
    )


# --- worst reports -------------------------------------------------------------------------------


def worst_section(s: Survey) -> Markup:
    """The reports with most errors, then warnings, then notices."""
    if not s.worst:
        return section(
            "worst", none("没有报告有错误或警告。", "No report has an error or a warning.")
        )
    biggest = max(w.errors + w.warnings for w in s.worst)
    rows = [
        [
            str(i),
            w.agency or "—",
            w.year or "—",
            row_bar(
                f"worst-{i}",
                f"#{i} {w.agency or w.file}",
                [w.errors, w.warnings],
                WORST_SERIES,
                biggest,
                160,
            ),
            count(w.errors),
            count(w.warnings),
            count(w.notices),
            file_name(s, w.file),
        ]
        for i, w in enumerate(s.worst, 1)
    ]
    data = table(
        bi(
            f"错误最多的 {len(s.worst)} 份报告（其次按警告数）",
            f"The {len(s.worst)} reports with most errors, then warnings",
        ),
        [
            "#",
            bi("机关", "agency"),
            bi("年度", "year"),
            bi("错误与警告", "errors and warnings"),
            bi("错误", "errors"),
            bi("警告", "warnings"),
            bi("提示", "notices"),
            bi("文件", "file"),
        ],
        rows,
        numeric=(0, 4, 5, 6),
        css="worst",
        scroll=True,
    )
    return section("worst", relative_to(s), legend(WORST_SERIES), data)


# --- unreadable files and the footer -------------------------------------------------------------


def unreadable_section(s: Survey) -> Markup:
    """The first unreadable files in file order, with why each could not be read."""
    total = s.by_status["unreadable"]
    if not total:
        return section("unreadable", none("所有文件都已读取。", "Every file was read."))
    caption = bi(
        f"无法读取的文件：共 {count(total)} 份，列出前 {count(len(s.unreadable))} 份",
        f"Unreadable files: {count(total)}, the first {count(len(s.unreadable))} listed",
    )
    rows = ([file_name(s, f), _reason(en, zh)] for f, en, zh in s.unreadable)
    return section(
        "unreadable",
        relative_to(s),
        table(caption, [bi("文件", "file"), bi("原因", "reason")], rows, css="unreadable"),
    )


def _reason(english: str, chinese: str) -> Markup:
    """Why a file could not be read: the Chinese, the English beside it where it differs."""
    if not english:
        return el("span", {"class": "reason"}, chinese or "—")
    if not chinese or chinese == english:
        return el("span", {"class": "reason"}, english)
    return el("span", {"class": "reason"}, bi(chinese, english))


__all__ = ["rules_section", "status_section", "unreadable_section", "worst_section"]
