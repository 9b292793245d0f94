"""The dashboard page: its sections, each a chart with its data table beside it.

:func:`page` turns a tallied :class:`~._tally.Survey` into the HTML document. Headings
are bilingual, Chinese first; a section with nothing to show says so rather than
drawing an empty chart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from govinfo_report._version import package_version
from govinfo_report.catalog import describe
from govinfo_report.survey._dashboard._charts import (
    DEFS,
    FINDING_SERIES,
    STATUS_SERIES,
    WORST_SERIES,
    columns,
    hbars,
    legend,
    row_bar,
    sparkline,
)
from govinfo_report.survey._dashboard._html import (
    Markup,
    bi,
    count,
    el,
    esc,
    join,
    percent,
    table,
)
from govinfo_report.survey._dashboard._style import CSS
from govinfo_report.survey._dashboard._tally import (
    FIGURES,
    RATES,
    RULE_STATES,
    STATUSES,
    Agency,
    Survey,
)

_STATUS_TITLES = {
    s: (series.zh, series.en) for s, series in zip(STATUSES, STATUS_SERIES, strict=True)
}
_BINS = 10  # a ratio's histogram: tenths, and one bin above 100 % for inconsistent reports

SECTIONS = (
    ("status", "报告状态", "Reports by status"),
    ("rules", "按规则统计的发现", "Findings by rule"),
    ("worst", "问题最多的报告", "Worst reports"),
    ("years", "逐年合计", "Totals per year"),
    ("agencies", "各机关逐年对比", "Agencies year over year"),
    ("rates", "派生比率", "Derived ratios"),
    ("unreadable", "无法读取的文件", "Unreadable files"),
)


def page(survey: Survey) -> str:
    """The dashboard of ``survey`` as a complete HTML document."""
    if survey.rows:
        body = [
            _overview(survey),
            _contents(),
            _status_section(survey),
            _rules_section(survey),
            _worst_section(survey),
            _years_section(survey),
            _agencies_section(survey),
            _rates_section(survey),
            _unreadable_section(survey),
        ]
    else:
        body = [_none("这次调查没有任何报告。", "This survey holds no reports.")]
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


def _section(anchor: str, *body: str | None) -> Markup:
    zh, en = next((zh, en) for a, zh, en in SECTIONS if a == anchor)
    return el("section", {"id": anchor}, el("h2", None, bi(zh, en)), *body)


def _none(zh: str, en: str) -> Markup:
    return el("p", {"class": "none"}, bi(zh, en))


def _lead(zh: str, en: str) -> Markup:
    return el("p", {"class": "lead"}, bi(zh, en))


def _pair(chart: str, data: str, css: str = "pair") -> Markup:
    """A chart with its data table beside it (below it on a narrow screen)."""
    return el(
        "div",
        {"class": css},
        el("div", {"class": "chart"}, chart),
        el("div", {"class": "data"}, data),
    )


# --- overview ------------------------------------------------------------------------------------


def _overview(s: Survey) -> Markup:
    years = sorted(int(y) for y in s.by_year if y)
    span = "—" if not years else f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    severities = "、".join(f"{count(s.severities[k])} {k}" for k in ("error", "warning", "notice"))
    cards = [
        ("报告", "reports", count(s.rows), "份文件 files"),
        *(
            (*_STATUS_TITLES[k], count(s.by_status[k]), percent(s.by_status[k], s.rows))
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


# --- reports by status ---------------------------------------------------------------------------


def _ordered(groups: Mapping[str, Counter[str]], *, years: bool = False) -> list[str]:
    """The groups' keys sorted (years as numbers), the unknown ("") last."""
    known = sorted((g for g in groups if g), key=int if years else None)
    return known + ([""] if "" in groups else [])


def _status_section(s: Survey) -> Markup:
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
        _lead(
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
                *(bi(*_STATUS_TITLES[k]) for k in STATUSES),
                bi("合计", "total"),
            ],
            ([label, *map(count, values), count(sum(values))] for label, values in rows),
            numeric=range(1, len(STATUSES) + 2),
        )
        title = f"报告状态，{zh} Reports by status, {en}"
        chart = hbars(chart_id, title, rows, STATUS_SERIES, labels=all_labels)
        parts.append(el("h3", None, bi(zh, en.capitalize())))
        parts.append(_pair(chart, data))
    return _section("status", *parts)


# --- findings by rule ----------------------------------------------------------------------------


def _rule_title(code: str) -> Markup:
    try:
        info = describe(code)
    except KeyError:  # a code from a newer library, or a third party's: shown as it is
        return esc("—")
    return join([info.title_zh, el("span", {"class": "en"}, info.title_en)])


def _rules_section(s: Survey) -> Markup:
    codes = sorted(
        set(s.findings) | set(s.rule_reports),
        key=lambda c: (-sum(s.findings[c].values()), -s.rule_reports[c]["fail"], c),
    )
    if not codes:
        if not s.findings_read:
            return _section(
                "rules",
                _none(
                    "没有 findings.jsonl，也没有规则列。", "No findings.jsonl and no rule columns."
                ),
            )
        return _section("rules", _none("没有任何发现。", "No findings at all."))
    biggest = max(sum(s.findings[c].values()) for c in codes)
    rows = []
    for i, code in enumerate(codes):
        found = [s.findings[code]["fail"], s.findings[code]["uncertain"]]
        reports = s.rule_reports.get(code)
        bar = row_bar(f"rule-{i}", f"{code} 发现 findings", found, FINDING_SERIES, biggest)
        rows.append(
            [
                code,
                _rule_title(code),
                bar,
                *map(count, found),
                *(count(reports[k]) if reports else "" for k in RULE_STATES),
            ]
        )
    note = (
        None
        if s.findings_read
        else _none(
            "没有 findings.jsonl：只有报告数（reports.csv 的 rule: 列）。",
            "No findings.jsonl: report counts only (reports.csv's rule: columns).",
        )
    )
    data = table(
        bi("各规则的发现数与报告数", "Findings and reports per rule"),
        [
            bi("代码", "code"),
            bi("规则", "rule"),
            bi("发现", "findings"),
            bi("不通过", "fail"),
            bi("不确定", "uncertain"),
            bi("不通过", "fail"),
            bi("不确定", "uncertain"),
            bi("通过", "pass"),
            bi("不适用", "n/a"),
        ],
        rows,
        numeric=range(3, 9),
        css="rules",
        scroll=True,
        groups=[("", 2), (bi("发现数", "findings"), 3), (bi("报告数", "reports"), 4)],
    )
    return _section(
        "rules",
        _lead(
            "发现数来自 findings.jsonl；报告数来自 reports.csv 每条规则的状态列。按发现数排列。",
            "Findings from findings.jsonl; reports from reports.csv's rule columns. "
            "Most findings first.",
        ),
        note,
        legend(FINDING_SERIES),
        data,
    )


def _file(s: Survey, file: str) -> Markup:
    """A file's path below the survey's common folder; the whole path on hovering."""
    shown = file[len(s.folder) :] if s.folder and file.startswith(s.folder) else file
    return el("span", {"class": "file", "title": file if shown != file else None}, shown)


def _relative_to(s: Survey) -> Markup | None:
    if not s.folder:
        return None
    return el(
        "p",
        {"class": "lead"},
        bi("文件路径相对于", "Files are named relative to"),
        " ",
        el("code", None, s.folder),
    )


# --- worst reports -------------------------------------------------------------------------------


def _worst_section(s: Survey) -> Markup:
    if not s.worst:
        return _section(
            "worst", _none("没有报告有错误或警告。", "No report has an error or a warning.")
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
            _file(s, w.file),
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
    return _section("worst", _relative_to(s), legend(WORST_SERIES), data)


# --- totals per year -----------------------------------------------------------------------------


def _years_section(s: Survey) -> Markup:
    years = sorted(s.year_totals)
    if not years:
        return _section(
            "years", _none("没有可读且注明年度的报告。", "No readable report with a year.")
        )
    labels = [str(y) for y in years]
    charts = []
    for i, f in enumerate(FIGURES):
        values = [s.year_totals[y][i].value for y in years]
        chart = columns(f"year-{f.name}", f"{f.zh} {f.en}", labels, values)
        charts.append(
            el("figure", {"class": "mini"}, el("figcaption", None, bi(f.zh, f.en)), chart)
        )
    data = table(
        bi("各年度合计；n 为填写了该项的报告数", "Totals per year; n: reports stating the figure"),
        [bi("年度", "year"), *(x for f in FIGURES for x in (bi(f.zh, f.en), "n"))],
        (
            [label, *(x for t in s.year_totals[y] for x in (count(t.value), count(t.n)))]
            for label, y in zip(labels, years, strict=True)
        ),
        numeric=range(1, 1 + 2 * len(FIGURES)),
        css="wide",
        scroll=True,
    )
    lead = _lead(
        "每年合计只计填写了该项的报告，空白不当作 0；同一机关同一年度的多份文件都计入。",
        "Each total adds the reports that state the figure (a blank is never 0); "
        "every file counts, duplicates too.",
    )
    return _section(
        "years", lead, _pair(el("div", {"class": "multiples"}, *charts), data, "pair stacked")
    )


# --- agencies year over year ---------------------------------------------------------------------


_SPARKED = (0, 1, 2, 3, 5)  # 新收, 办结, 公开, 复议, 诉讼; 纠正 is written under 复议 and 诉讼


def _agency_row(index: int, agency: Agency) -> list[str]:
    years = [y.year for y in agency.years]
    duplicates = (
        el(
            "span",
            {"class": "note"},
            f"另有 {agency.duplicates} 份同年文件未计 · {agency.duplicates} more not counted",
        )
        if agency.duplicates
        else None
    )
    cells: list[str] = [join([agency.name, duplicates]), "、".join(map(str, years))]
    for i in _SPARKED:
        f = FIGURES[i]
        values = [y.figures[i] for y in agency.years]
        corrected = None
        if f.name in ("review_total", "litigation_total"):
            series = " → ".join(count(y.figures[i + 1]) for y in agency.years)
            corrected = el("span", {"class": "sub"}, f"纠正 corrected {series}")
        cells.append(
            join(
                [
                    sparkline(
                        f"a{index}-{f.name}", f"{agency.name} · {f.zh} {f.en}", years, values
                    ),
                    el("span", {"class": "series"}, " → ".join(map(count, values))),
                    corrected,
                ]
            )
        )
    return cells


def _agencies_section(s: Survey) -> Markup:
    if not s.agencies:
        return _section(
            "agencies",
            _none("没有机关有两个年度以上的报告。", "No agency has reports for two years or more."),
        )
    shown = len(s.agencies)
    lead = _lead(
        f"有两个年度以上报告的机关共 {count(s.multi_year_count)} 个，"
        f"列出单年新收申请最多的 {count(shown)} 个。"
        "同一机关同一年度有多份文件时，只计文件名最前的一份。",
        f"{count(s.multi_year_count)} agencies have reports for two years or more; "
        f"the {count(shown)} with most new requests in a year are shown. "
        "Of several files for one agency and year, the first by name counts.",
    )
    data = table(
        bi(
            "各机关逐年数字：折线从左到右为各年度，断开处为未填写",
            "Figures per agency and year: lines run over the years, broken at blanks",
        ),
        [
            bi("机关", "agency"),
            bi("年度", "years"),
            *(bi(FIGURES[i].zh, FIGURES[i].en) for i in _SPARKED),
        ],
        (_agency_row(i, a) for i, a in enumerate(s.agencies)),
        css="agencies",
        scroll=True,
    )
    return _section("agencies", lead, data)


# --- derived ratios ------------------------------------------------------------------------------


def _quantile(counts: Counter[int], q: float) -> int:
    """The nearest-rank ``q`` quantile (the smallest value with ``q`` of them at or below)."""
    n = sum(counts.values())
    rank = max(1, -(-round(q * n * 4) // 4))  # ceil(q * n) for q in quarters, exactly
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= rank:
            return value
    raise ValueError("no values to take a quantile of")


def _basis_points(value: int) -> str:
    return f"{value / 100:.2f}%"


def _histogram(counts: Counter[int]) -> list[int]:
    bins = [0] * (_BINS + 1)
    for value, n in counts.items():
        bins[_BINS if value > 10000 else min(value * _BINS // 10000, _BINS - 1)] += n
    return bins if bins[-1] else bins[:-1]


def _rates_section(s: Survey) -> Markup:
    parts: list[str] = [
        _lead(
            "只统计给出了比率的报告：分母不足 30 件或有空白操作数时，调查不评价该比率。",
            "Only rated reports count: the survey rates none below N = 30 or with a blank operand.",
        )
    ]
    for r in RATES:
        counts = s.rates[r.name]
        rated, unrated = sum(counts.values()), s.unrated[r.name]
        parts.append(el("h3", None, bi(r.zh, r.en)))
        parts.append(el("p", {"class": "formula"}, f"{r.zh} = {r.formula}"))
        if not rated:
            parts.append(
                _none(
                    f"没有报告给出{r.zh}（{count(unrated)} 份未评价）。",
                    f"No report is rated ({count(unrated)} not rated).",
                )
            )
            continue
        stats = [
            ("已评价", "rated", count(rated)),
            ("未评价", "not rated", count(unrated)),
            ("下四分位", "lower quartile", _basis_points(_quantile(counts, 0.25))),
            ("中位数", "median", _basis_points(_quantile(counts, 0.5))),
            ("上四分位", "upper quartile", _basis_points(_quantile(counts, 0.75))),
        ]
        parts.append(
            el(
                "dl",
                {"class": "stats"},
                join(
                    el("div", None, el("dt", None, bi(zh, en)), el("dd", None, v))
                    for zh, en, v in stats
                ),
            )
        )
        bins = _histogram(counts)
        labels = [f"{10 * i}–{10 * (i + 1)}%" for i in range(_BINS)] + [">100%"]
        short = [str(10 * i) for i in range(_BINS)] + [">100"]
        chart = columns(
            f"rate-{r.name}",
            f"{r.zh}分布 Distribution of the {r.en}",
            short[: len(bins)],
            bins,
            width=520,
            height=190,
        )
        figure = el(
            "figure",
            {"class": "hist"},
            chart,
            el(
                "figcaption",
                {"class": "axis"},
                bi("横轴：比率区间下限（%）", "x: lower end of the range (%)"),
            ),
        )
        data = table(
            bi(f"{r.zh}分布", f"Distribution of the {r.en}"),
            [bi("区间", "range"), bi("报告数", "reports"), bi("占比", "share")],
            ([label, count(n), percent(n, rated)] for label, n in zip(labels, bins, strict=False)),
            numeric=(1, 2),
            css="compact",
        )
        parts.append(_pair(figure, data))
    return _section("rates", *parts)


# --- unreadable files and the footer -------------------------------------------------------------


def _unreadable_section(s: Survey) -> Markup:
    total = s.by_status["unreadable"]
    if not total:
        return _section("unreadable", _none("所有文件都已读取。", "Every file was read."))
    caption = bi(
        f"无法读取的文件：共 {count(total)} 份，列出前 {count(len(s.unreadable))} 份",
        f"Unreadable files: {count(total)}, the first {count(len(s.unreadable))} listed",
    )
    rows = ([_file(s, f), el("span", {"class": "reason"}, r or "—")] for f, r in s.unreadable)
    return _section(
        "unreadable",
        _relative_to(s),
        table(caption, [bi("文件", "file"), bi("原因", "reason")], rows, css="unreadable"),
    )


def _footer() -> Markup:
    sources = bi(
        "数据来源：本文件夹中的 reports.csv 与 findings.jsonl。",
        "Sources: reports.csv and findings.jsonl in this folder.",
    )
    return el(
        "footer", None, el("p", None, sources), el("p", None, f"govinfo-report {package_version()}")
    )


__all__ = ["SECTIONS", "page"]
