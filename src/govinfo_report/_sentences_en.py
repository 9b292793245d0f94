"""The English sentences :func:`govinfo_report.compose.compose` writes (``lang="en"``),
one writer per table: the same figures as the Chinese ones (:mod:`._sentences`), said
for a reader of English: nouns agreeing with their numbers, 万元 in words, the outcome
groups and Table 4's parts as they read after a number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

from govinfo_report._sentences import LAWSUITS, PARTS, Cells, Number, Writer, outcome_groups
from govinfo_report.formats import FormatVersion
from govinfo_report.model import Money


def _listed_en(items: Sequence[tuple[str, Number | str | None]]) -> str | None:
    """``3 rules, 1 normative document and 8 decisions``: the items with a figure, each
    noun in the singular where its figure is 1."""
    return _and([f"{value} {_noun(value, name)}" for name, value in items if value is not None])


def _and(shown: Sequence[str]) -> str | None:
    """``a``, ``a and b``, ``a, b and c``; None for nothing."""
    if not shown:
        return None
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


_QUALIFIERS: Final = re.compile(r" (?:on|for|of|in|from|with|without|after|brought) ")


def _noun(value: Number | str, plural: str) -> str:
    """``plural`` as it reads after ``value``: its head noun (the last word before a
    qualifier: "decisions on …", "requests for …") in the singular for exactly 1."""
    if not (isinstance(value, int) and value == 1):
        return plural
    match = _QUALIFIERS.search(plural)
    head, rest = (plural[: match.start()], plural[match.start() :]) if match else (plural, "")
    if head.endswith("ies"):
        head = head[:-3] + "y"
    elif head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return head + rest


def _proactive_en(cells: Cells, year: int) -> str | None:
    spec = cells.spec
    names = [(r, cells.english(r)) for r in ("rules", "normative_documents")]
    if spec.version is FormatVersion.V2021:
        columns = (("issued", "issued"), ("repealed", "repealed"), ("in_force", "had in force"))
    else:
        columns = (
            ("made", "made"),
            ("published", "published"),
            ("total_published", "had published in all"),
        )
    clauses = []
    for column, verb in columns:
        listed = _listed_en([(name, cells.get(f"{r}.{column}")) for r, name in names])
        if listed:
            clauses.append(f"{verb} {listed}")
    rows = [r.id for r in spec.rows if f"{r.id}.decisions" in spec.index]
    decisions = _listed_en(
        [(f"decisions on {cells.english(r)}", cells.get(f"{r}.decisions")) for r in rows]
    )
    if decisions:
        clauses.append(f"made {decisions}")
    for row in (r.id for r in spec.rows if f"{r.id}.items_last_year" in spec.index):
        last, change = cells.get(f"{row}.items_last_year"), cells.get(f"{row}.change")
        name = cells.english(row)
        if last is not None:
            said = f"counted {last} {_noun(last, 'items')} of {name} last year"
            if isinstance(change, int):
                said += f" ({change:+d} this year)" if change else " (no change this year)"
            clauses.append(said)
        elif isinstance(change, int):
            clauses.append(f"changed its items of {name} by {change:+d}")
    if spec.version is FormatVersion.V2021:
        fee = _money_en(cells, "fees.amount", "万元")
        if fee:
            clauses.append(f"collected administrative fees of {fee}")
    else:
        projects = cells.get("procurement.projects")
        amount = _money_en(cells, "procurement.amount", "")
        if projects is not None:
            said = f"{projects} {_noun(projects, 'projects')} of {cells.english('procurement')}"
            clauses.append(f"had {said}" + (f" worth {amount} in all" if amount else ""))
        elif amount:
            clauses.append(f"spent {amount} on {cells.english('procurement')}")
    if not clauses:
        return None
    return f"In {year} the agency {'; '.join(clauses)}."


_UNITS_EN: Final = {"万元": " in units of 10,000 yuan", "元": " yuan"}


def _money_en(cells: Cells, cell_id: str, unit: str) -> str | None:
    """A money cell in English, its amount as the table holds it and its unit in words
    (no amount is converted: the sentence holds the table's figure)."""
    value = cells.table[cell_id] if cell_id in cells.spec.index else None
    if not isinstance(value, Money):
        return None
    unit = value.unit or unit
    words = _UNITS_EN.get(unit, f" {unit}" if unit else "")
    return f"{format(value.amount, 'f')}{words}"


# --- Table 3 -------------------------------------------------------------------------


_OUTCOMES_EN: Final = {
    "cannot be provided": "could not be provided",
    "other handling": "handled otherwise",
}
"""Outcome groups whose row names read badly after a number."""


def _applications_en(cells: Cells, year: int) -> str | None:
    new, carried = cells.get("new_received.total"), cells.get("carried_over.total")
    handled, forward = cells.get("total_outcomes.total"), cells.get("carried_forward.total")
    if new == carried == handled == forward == 0:
        return f"In {year} the agency received no requests for government information."
    clauses = []
    received = f"{new} new {_noun(new, 'requests')}" if new is not None else None
    if received is not None:
        clauses.append(f"received {received} for government information")
    if carried is not None:
        was = "was" if carried == 1 else "were"
        what = "" if received else f" {_noun(carried, 'requests')}"
        clauses.append(f"{carried}{what} {was} carried over from last year")
    outcomes = _listed_en(
        [
            (_OUTCOMES_EN.get(english, english), cells.total(*(f"{r}.total" for r in rows)))
            for _, english, rows in outcome_groups(cells)
        ]
    )
    if handled is not None:
        clauses.append(f"it closed {handled}" + (f" ({outcomes})" if outcomes else ""))
    elif outcomes:
        clauses.append(f"of the requests closed, {outcomes}")
    if forward is not None:
        clauses.append(f"{forward} {'was' if forward == 1 else 'were'} carried over to next year")
    if not clauses:
        return None
    if received is None:
        return f"In {year}, {'; '.join(clauses)}."
    return f"In {year} the agency {'; '.join(clauses)}."


_REVIEW_EN: Final = {"other": "with another outcome"}
_LAWSUITS_EN: Final = {
    "litigation_direct": "brought without prior reconsideration",
    "litigation_after_review": "brought after reconsideration",
}


def _review_en(cells: Cells, year: int) -> str | None:
    review = cells.get("review.total")
    lawsuits = [cells.get(f"{r}.total") for r in LAWSUITS]
    if review == 0 and all(v == 0 for v in lawsuits):
        return (
            f"In {year} no administrative reconsideration or lawsuit concerning government "
            "information disclosure was brought against the agency."
        )
    clauses = []
    outcomes = _and(
        [
            f"{v} {_REVIEW_EN.get(c, cells.column(c)[1])}"
            for c in PARTS
            if (v := cells.get(f"review.{c}")) is not None
        ]
    )
    if review is not None:
        clauses.append(
            f"{review} {_noun(review, 'applications')} for administrative reconsideration"
            + (f" ({outcomes})" if outcomes and review else "")
        )
    elif outcomes:
        clauses.append(f"applications for administrative reconsideration: {outcomes}")
    parts = _and(
        [f"{v} {_LAWSUITS_EN[r]}" for r, v in zip(LAWSUITS, lawsuits, strict=True) if v is not None]
    )
    total = cells.total(*(f"{r}.total" for r in LAWSUITS))
    if total is not None:
        clauses.append(
            f"{total} {_noun(total, 'lawsuits')}" + (f" ({parts})" if parts and total else "")
        )
    elif parts:
        clauses.append(f"lawsuits: {parts}")
    if not clauses:
        return None
    return (
        f"In {year}, over its government information disclosure, the agency faced "
        f"{' and '.join(clauses)}."
    )


EN: Final[Mapping[str, Writer]] = {
    "proactive": _proactive_en,
    "applications": _applications_en,
    "review_litigation": _review_en,
}
"""Section id → the writer of its table's sentence in English."""
