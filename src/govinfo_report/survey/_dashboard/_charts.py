"""The dashboard's charts: static SVG, each with a ``<title>`` and a ``<desc>``.

Four shapes cover the page: horizontal bars stacked by series (:func:`hbars`), one bar
for a table row (:func:`row_bar`), columns (:func:`columns`) and a sparkline
(:func:`sparkline`). Colours are picked to stay apart in greyscale (dark, middle,
light, hatched), so the page prints on a black-and-white printer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

import attrs

from govinfo_report.survey._dashboard._html import Markup, coord, count, el, join, text_width


@attrs.frozen
class Series:
    """One series of a chart: its bilingual name and its fill."""

    zh: str
    en: str
    fill: str


INK = "#1d2733"
LINE = "#d9dee5"
PRIMARY = "#2b5c8a"
STATUS_SERIES = (
    Series("无错误", "no errors", PRIMARY),
    Series("有错误", "with errors", "#e0902f"),
    Series("无法读取", "unreadable", "url(#hatch)"),
)
FINDING_SERIES = (Series("不通过", "fail", "#a33a2c"), Series("不确定", "uncertain", "#f2c48d"))
WORST_SERIES = (Series("错误", "errors", "#a33a2c"), Series("警告", "warnings", "#f2c48d"))

DEFS = Markup(
    '<svg width="0" height="0" aria-hidden="true" style="position:absolute">'
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#e3e6ea"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#6b7380" stroke-width="2"/></pattern></defs>'
    "</svg>"
)
"""Shared by every chart of the page (the hatching of unreadable files)."""


def svg(chart_id: str, width: float, height: float, title: str, desc: str, body: str) -> Markup:
    """An accessible SVG: ``title`` and ``desc`` name and describe it to screen readers."""
    return el(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {coord(width)} {coord(height)}",
            "width": coord(width),
            "role": "img",
            "aria-labelledby": f"{chart_id}-t {chart_id}-d",
        },
        el("title", {"id": f"{chart_id}-t"}, title),
        el("desc", {"id": f"{chart_id}-d"}, desc),
        body,
    )


def legend(series: Sequence[Series]) -> Markup:
    """A row of swatches in HTML, above the charts it explains."""
    return el(
        "ul",
        {"class": "legend", "aria-hidden": "true"},
        join(
            el(
                "li",
                None,
                el(
                    "svg",
                    {"width": 12, "height": 12, "viewBox": "0 0 12 12"},
                    el("rect", {"width": 12, "height": 12, "fill": s.fill}),
                ),
                f"{s.zh} ",
                el("span", {"class": "en"}, s.en),
            )
            for s in series
        ),
    )


def _segments(
    label: str,
    values: Sequence[int],
    series: Sequence[Series],
    x: float,
    y: float,
    height: float,
    scale: float,
) -> tuple[list[str], float]:
    parts: list[str] = []
    for value, s in zip(values, series, strict=True):
        if value > 0:
            w = max(value * scale, 1.5)
            tip = el("title", None, f"{label} · {s.zh} {s.en}: {count(value)}")
            attrs = {"x": x, "y": y, "width": w, "height": height, "fill": s.fill}
            parts.append(el("rect", attrs, tip))
            x += w
    return parts, x


def hbars(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, Sequence[int]]],
    series: Sequence[Series],
    width: float = 560,
    labels: Sequence[str] = (),
) -> Markup:
    """Horizontal bars, one per row, stacked by series, the row's total at its end.

    The label column is as wide as the widest of the rows' labels and ``labels`` (give
    the labels of sibling charts there, so that their bars start at one place).
    """
    widest = max((text_width(label) for label in [*labels, *(r[0] for r in rows)]), default=0)
    label_w = max(40.0, min(widest + 14, 200))
    row_h, bar_w = 24, width - label_w - 56
    height = row_h * len(rows) + 4
    scale = bar_w / (max((sum(v) for _, v in rows), default=0) or 1)
    parts: list[str] = []
    for i, (label, values) in enumerate(rows):
        y = i * row_h
        parts.append(el("text", {"x": label_w - 8, "y": y + 16, "text-anchor": "end"}, label))
        segments, end = _segments(label, values, series, label_w, y + 4, 16, scale)
        parts.extend(segments)
        parts.append(el("text", {"x": end + 6, "y": y + 16, "class": "value"}, count(sum(values))))
    desc = "; ".join(
        f"{label}: " + ", ".join(f"{s.en} {count(v)}" for s, v in zip(series, values, strict=True))
        for label, values in rows
    )
    return svg(chart_id, width, height, title, desc, join(parts))


def row_bar(
    chart_id: str,
    title: str,
    values: Sequence[int],
    series: Sequence[Series],
    biggest: int,
    width: float = 200,
) -> Markup:
    """One stacked bar for a table row, on a scale shared by the table (``biggest``)."""
    segments, _ = _segments(title, values, series, 0, 2, 12, width / (biggest or 1))
    desc = ", ".join(f"{s.en} {count(v)}" for s, v in zip(series, values, strict=True))
    return svg(chart_id, width, 16, title, desc, join(segments))


def columns(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    values: Sequence[int | None],
    *,
    width: float = 260,
    height: float = 150,
    fill: str = PRIMARY,
) -> Markup:
    """Columns, one per label, each value above its column ("—" for an unknown one).

    Where the columns are too narrow for every value (many years), only the last and the
    (first) highest are written, and every n-th label; the table beside the chart has them all.
    """
    top, bottom = 20.0, 22.0
    plot_h = height - top - bottom
    slot = width / max(len(labels), 1)
    col_w = min(slot * 0.62, 46)
    biggest = max((v for v in values if v is not None), default=0) or 1
    base = top + plot_h
    texts = [count(v) for v in values]
    every_value = slot >= max((text_width(t, 11) for t in texts), default=0) + 4
    step = max(1, math.ceil((max((text_width(x, 11) for x in labels), default=0) + 6) / slot))
    last = len(labels) - 1
    peak = next((i for i, v in enumerate(values) if v == biggest), last)
    parts = [el("line", {"x1": 0, "y1": base, "x2": width, "y2": base, "stroke": LINE})]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        cx = slot * i + slot / 2
        h = 0.0 if value is None or value <= 0 else max(value * plot_h / biggest, 1.5)
        if h:
            attrs = {"x": cx - col_w / 2, "y": base - h, "width": col_w, "height": h, "fill": fill}
            parts.append(el("rect", attrs, el("title", None, f"{label}: {texts[i]}")))
        if every_value or i in (last, peak):
            text = {"x": cx, "y": base - h - 5, "text-anchor": "middle", "class": "value"}
            parts.append(el("text", text, texts[i]))
        if (last - i) % step == 0:
            at = {"x": cx, "y": height - 6, "text-anchor": "middle", "class": "small"}
            parts.append(el("text", at, label))
    desc = "; ".join(f"{label}: {count(v)}" for label, v in zip(labels, values, strict=True))
    return svg(chart_id, width, height, title, desc, join(parts))


def sparkline(
    chart_id: str, title: str, years: Sequence[int], values: Sequence[int | None]
) -> Markup:
    """A small line over the years, its last point marked.

    Two known values in a row are joined by a line, dashed when years without a report
    lie between them; a blank value breaks the line. The scale spans the values (at
    least a quarter of the largest, so that a change of 1 % does not look like a fall).
    """
    width, height, pad = 112.0, 28.0, 4.0
    first, span = years[0], max(years[-1] - years[0], 1)
    known = [v for v in values if v is not None]
    high = max(known, default=0)
    low = min(min(known, default=0), high - max(high // 4, 1))

    def point(year: int, value: int) -> tuple[float, float]:
        x = pad + (year - first) * (width - 2 * pad) / span
        return x, height - pad - (value - low) * (height - 2 * pad) / max(high - low, 1)

    parts: list[str] = []
    for (y0, v0), (y1, v1) in pairwise(zip(years, values, strict=True)):
        if v0 is not None and v1 is not None:
            (x0, h0), (x1, h1) = point(y0, v0), point(y1, v1)
            attrs = {
                "x1": x0,
                "y1": h0,
                "x2": x1,
                "y2": h1,
                "stroke": PRIMARY,
                "stroke-width": 1.6,
                "stroke-linecap": "round",
                "stroke-dasharray": "2 2.5" if y1 - y0 > 1 else None,
            }
            parts.append(el("line", attrs))
    marks = [(y, v) for y, v in zip(years, values, strict=True) if v is not None]
    for i, (year, value) in enumerate(marks):
        x, y = point(year, value)
        last = i == len(marks) - 1
        attrs = {"cx": x, "cy": y, "r": 2.6 if last else 1.8, "fill": INK if last else PRIMARY}
        parts.append(el("circle", attrs))
    desc = "; ".join(f"{y}: {count(v)}" for y, v in zip(years, values, strict=True))
    return svg(chart_id, width, height, title, desc, join(parts))


__all__ = [
    "DEFS",
    "FINDING_SERIES",
    "INK",
    "LINE",
    "PRIMARY",
    "STATUS_SERIES",
    "WORST_SERIES",
    "Series",
    "columns",
    "hbars",
    "legend",
    "row_bar",
    "sparkline",
    "svg",
]
