"""The page's sections on the figures the reports state: per year, per agency, the ratios.

Totals add the reports that state a figure, never a blank as 0; the ratios are the
survey's own (not rated below N = 30), counted where rated.
"""

from __future__ import annotations

from collections import Counter

from govinfo_report.survey._dashboard._charts import columns, sparkline
from govinfo_report.survey._dashboard._html import Markup, bi, count, el, join, percent, table
from govinfo_report.survey._dashboard._layout import lead, none, pair, section
from govinfo_report.survey._dashboard._model import FIGURES, RATES, Agency, Survey

_BINS = 10  # a ratio's histogram: tenths, and one bin above 100 % for inconsistent reports


# --- totals per year -----------------------------------------------------------------------------


def years_section(s: Survey) -> Markup:
    """The headline figures summed per year: small multiples, the table below them."""
    years = sorted(s.year_totals)
    if not years:
        return section(
            "years", none("没有可读且注明年度的报告。", "No readable report with a year.")
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
    note = lead(
        "每年合计只计填写了该项的报告，空白不当作 0。同一机关同一年度有多份文件时，"
        f"只计文件名最前的一份（{count(s.duplicates)} 份未计）。",
        "Each total adds the reports that state the figure (a blank is never 0). Of several "
        f"files for one agency and year, the first by name counts ({count(s.duplicates)} not).",
    )
    return section(
        "years", note, pair(el("div", {"class": "multiples"}, *charts), data, "pair stacked")
    )


# --- agencies year over year ---------------------------------------------------------------------


_PLACE = {f.name: i for i, f in enumerate(FIGURES)}
_SPARKED = tuple(
    _PLACE[n]
    for n in ("new_received", "total_outcomes", "disclosed", "review_total", "litigation_total")
)
_CORRECTED = {  # written under the total they correct, not a line of their own
    _PLACE["review_total"]: _PLACE["review_corrected"],
    _PLACE["litigation_total"]: _PLACE["litigation_corrected"],
}


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
        if i in _CORRECTED:
            series = " → ".join(count(y.figures[_CORRECTED[i]]) for y in agency.years)
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


def agencies_section(s: Survey) -> Markup:
    """The agencies with two years or more, each figure a sparkline with its values."""
    if not s.agencies:
        return section(
            "agencies",
            none("没有机关有两个年度以上的报告。", "No agency has reports for two years or more."),
        )
    shown = len(s.agencies)
    note = lead(
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
    return section("agencies", note, data)


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


def rates_section(s: Survey) -> Markup:
    """Each derived ratio's distribution over the rated reports, with its quartiles."""
    parts: list[str] = [
        lead(
            "只统计给出了比率的报告：分母不足 30 件或有空白操作数时，调查不评价该比率。"
            "同一机关同一年度只计一份。",
            "Only rated reports count: the survey rates none below N = 30 or with a blank "
            "operand. One file per agency and year counts.",
        )
    ]
    for r in RATES:
        counts = s.rates[r.name]
        rated, unrated = sum(counts.values()), s.unrated[r.name]
        parts.append(el("h3", None, bi(r.zh, r.en)))
        parts.append(el("p", {"class": "formula"}, f"{r.zh} = {r.formula}"))
        if not rated:
            parts.append(
                none(
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
        parts.append(pair(figure, data))
    return section("rates", *parts)


__all__ = ["agencies_section", "rates_section", "years_section"]
