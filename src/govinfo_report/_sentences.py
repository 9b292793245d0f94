"""The sentences :func:`govinfo_report.compose.compose` writes in Chinese, one writer per
table, and what the writers of both languages share (:mod:`._sentences_en` writes the
English ones).

A writer reads the table's figures through :class:`Cells`, which gives a filled cell's
number, or the sum of filled counts, and ``None`` for anything blank or "/": a clause
whose figure is ``None`` is left out, so no sentence holds a number the table does not.
The row and column names come from the format declarations; the phrasing is here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from govinfo_report.formats import FormatVersion, TableSpec
from govinfo_report.model import Money, Table

Number = int | Decimal

# --- the figures ---------------------------------------------------------------------


@attrs.frozen
class Cells:
    """The figures of one table: a filled cell, or a sum of filled cells, or None."""

    table: Table

    @property
    def spec(self) -> TableSpec:
        return self.table.spec

    def has(self, cell_id: str) -> bool:
        return cell_id in self.spec.index

    def get(self, cell_id: str) -> Number | None:
        """The cell's number (a money cell's amount), or None for blank, "/" or absent."""
        if cell_id not in self.spec.index:
            return None
        value = self.table[cell_id]
        if isinstance(value, Money):
            return value.amount
        return value if isinstance(value, int) else None

    def money(self, cell_id: str, unit: str) -> str | None:
        """A money cell as printed with its unit (the cell's own, else ``unit``)."""
        value = self.table[cell_id] if cell_id in self.spec.index else None
        if not isinstance(value, Money):
            return None
        return f"{format(value.amount, 'f')}{value.unit or unit}"

    def total(self, *cell_ids: str) -> int | None:
        """The sum of the cells when every one is a count, else None. A negative count
        (a wrong cell, which the checks report) is summed into no figure: the text
        then states the cells as they are, never a total the table does not hold."""
        values = [self.get(c) for c in cell_ids]
        if not values or any(not isinstance(v, int) or v < 0 for v in values):
            return None
        return sum(v for v in values if isinstance(v, int))

    def label(self, row_id: str) -> str:
        return next(r.label for r in self.spec.rows if r.id == row_id)

    def english(self, row_id: str) -> str:
        return next(r.english for r in self.spec.rows if r.id == row_id)

    def column(self, column_id: str) -> tuple[str, str]:
        """(label, english) of a column of the table."""
        for group in self.spec.groups:
            for column in group.columns:
                if column.id == column_id:
                    return column.label, column.english
        raise KeyError(column_id)


def outcome_groups(cells: Cells) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(name, English name, row ids) of the outcome groups of Table 3: 予以公开 … 其他处理."""
    groups: dict[str, tuple[str, list[str]]] = {}
    for row in cells.spec.rows:
        path = row.label_path
        if len(path) < 2 or row.id == "total_outcomes":
            continue
        name = re.sub(r"（[^（）]*）$", "", re.sub(r"^（[一二三四五六七八九十]+）", "", path[1]))
        groups.setdefault(name, (row.english.split(":")[0], []))[1].append(row.id)
    for name, (english, rows) in groups.items():
        yield name, english, tuple(rows)


def _signed_zh(value: int) -> str:
    if value > 0:
        return f"增加{value}项"
    if value < 0:
        return f"减少{-value}项"
    return "无增减"


def _clauses(parts: Sequence[str | None], sep: str) -> str:
    return sep.join(p for p in parts if p)


def _listed(items: Sequence[tuple[str, Number | None]], unit: str) -> str | None:
    """``规章0件、行政规范性文件8件``: the items with a number."""
    shown = [f"{name}{value}{unit}" for name, value in items if value is not None]
    return "、".join(shown) if shown else None


# --- Table 2 -------------------------------------------------------------------------


def _proactive_zh(cells: Cells, year: int) -> str | None:
    if cells.spec.version is FormatVersion.V2021:
        return _proactive_2021_zh(cells, year)
    return _proactive_2019_zh(cells, year)


def _documents(cells: Cells, column: str) -> list[tuple[str, Number | None]]:
    return [(cells.label(r), cells.get(f"{r}.{column}")) for r in ("rules", "normative_documents")]


def _proactive_2021_zh(cells: Cells, year: int) -> str | None:
    documents = _clauses(
        [
            (f"制发{x}" if (x := _listed(_documents(cells, "issued"), "件")) else None),
            (f"废止{x}" if (x := _listed(_documents(cells, "repealed"), "件")) else None),
            (f"现行有效{x}" if (x := _listed(_documents(cells, "in_force"), "件")) else None),
        ],
        "，",
    )
    decisions = _listed(
        [
            (f"{cells.label(r)}决定", cells.get(f"{r}.decisions"))
            for r in ("licensing", "penalties", "enforcement")
        ],
        "件",
    )
    fee = cells.money("fees.amount", "万元")
    parts = [
        documents or None,
        f"作出{decisions}" if decisions else None,
        f"{cells.label('fees')}金额{fee}" if fee else None,
    ]
    body = _clauses(parts, "；")
    return f"{year}年，本机关{body}。" if body else None


def _proactive_2019_zh(cells: Cells, year: int) -> str | None:
    documents = _clauses(
        [
            (f"新制作{x}" if (x := _listed(_documents(cells, "made"), "件")) else None),
            (f"新公开{x}" if (x := _listed(_documents(cells, "published"), "件")) else None),
            (
                f"累计对外公开{x}"
                if (x := _listed(_documents(cells, "total_published"), "件"))
                else None
            ),
        ],
        "，",
    )
    items = []
    for row in ("licensing", "other_services", "penalties", "enforcement", "fees"):
        last, change = cells.get(f"{row}.items_last_year"), cells.get(f"{row}.change")
        decisions = cells.get(f"{row}.decisions") if cells.has(f"{row}.decisions") else None
        pieces = [
            f"上一年{last}项" if last is not None else None,
            f"本年{_signed_zh(change)}" if isinstance(change, int) else None,
            f"处理决定{decisions}件" if decisions is not None else None,
        ]
        said = _clauses(pieces, "，")
        if said:
            items.append(f"{cells.label(row)}{said}")
    projects, amount = cells.get("procurement.projects"), cells.money("procurement.amount", "")
    procurement = _clauses(
        [
            f"项目{projects}个" if projects is not None else None,
            f"采购总金额{amount}" if amount else None,
        ],
        "，",
    )
    parts = [
        documents or None,
        *items,
        f"{cells.label('procurement')}{procurement}" if procurement else None,
    ]
    body = _clauses(parts, "；")
    return f"{year}年，本机关{body}。" if body else None


def _applications_zh(cells: Cells, year: int) -> str | None:
    new, carried = cells.get("new_received.total"), cells.get("carried_over.total")
    handled, forward = cells.get("total_outcomes.total"), cells.get("carried_forward.total")
    if new == carried == handled == forward == 0:
        return f"{year}年，本机关未收到政府信息公开申请，无上年结转申请。"
    outcomes = [
        f"{name}{value}件"
        for name, _, rows in outcome_groups(cells)
        if (value := cells.total(*(f"{r}.total" for r in rows))) is not None
    ]
    received = _clauses(
        [
            f"新收政府信息公开申请{new}件" if new is not None else None,
            # 另有: TX.1 reads the number of new requests as stated apart from these.
            f"{'另有' if new is not None else ''}上年结转政府信息公开申请{carried}件"
            if carried is not None
            else None,
        ],
        "，",
    )
    done = f"办结政府信息公开申请{handled}件" if handled is not None else None
    if outcomes:
        done = f"{done}，其中{'，'.join(outcomes)}" if done else "，".join(outcomes)
    body = _clauses(
        [
            received or None,
            done,
            f"结转下年度继续办理{forward}件" if forward is not None else None,
        ],
        "；",
    )
    return f"{year}年，本机关{body}。" if body else None


# --- Table 4 -------------------------------------------------------------------------

PARTS: Final = ("upheld", "corrected", "other", "pending")
LAWSUITS: Final = ("litigation_direct", "litigation_after_review")


def _review_zh(cells: Cells, year: int) -> str | None:
    review = cells.get("review.total")
    lawsuits = [cells.get(f"{r}.total") for r in LAWSUITS]
    if review == 0 and all(v == 0 for v in lawsuits):
        return f"{year}年，本机关未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
    outcomes = "，".join(
        f"{cells.column(c)[0]}{v}件" for c in PARTS if (v := cells.get(f"review.{c}")) is not None
    )
    if review is not None:
        first = f"因政府信息公开工作被申请行政复议{review}件"
        if outcomes and review:
            first += f"，其中{outcomes}"
    else:
        first = f"因政府信息公开工作被申请的行政复议中，{outcomes}" if outcomes else ""
    parts = "，".join(
        f"{cells.label(r)}{v}件" for r, v in zip(LAWSUITS, lawsuits, strict=True) if v is not None
    )
    total = cells.total(*(f"{r}.total" for r in LAWSUITS))
    if total is not None:
        second = f"被提起行政诉讼{total}件" + (f"，其中{parts}" if total else "")
    else:
        second = f"被提起的行政诉讼中，{parts}" if parts else ""
    body = _clauses([first, second], "；")
    return f"{year}年，本机关{body}。" if body else None


Writer = Callable[[Cells, int], str | None]
"""Writes the sentence of one table: (its figures, the report year) → text or None."""
ZH: Final[Mapping[str, Writer]] = {
    "proactive": _proactive_zh,
    "applications": _applications_zh,
    "review_litigation": _review_zh,
}
"""Section id → the writer of its table's sentence in Chinese."""
