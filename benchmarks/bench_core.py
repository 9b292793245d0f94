"""Interchange benchmarks: load and dump a 2021-format report with every cell filled.

Target (issue 2): JSON load ≤ 200 µs per report on a 2-core machine. Dump, YAML and TOML
are reported for information, and the plain-tree steps (``from_data``/``to_data``) show
where load and dump spend their time.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs

from govinfo_report import FormatVersion, Money, Report, Table, fill_totals
from govinfo_report.formats import CellKind
from govinfo_report.serialize import dumps, from_data, load, loads, to_data

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "example_2021.yaml"


def _filled(table: Table) -> Table:
    """Every cell a non-zero number (money with three decimals, as real reports have)."""
    values = tuple(
        Money(Decimal(f"{i * 37 + 1}.{i % 1000:03d}"))
        if cell.kind is CellKind.MONEY
        else (i * 7) % 97 + 1
        for i, cell in enumerate(table.spec.cells)
    )
    return attrs.evolve(table, values=values)


def full_report() -> Report:
    """The 2021 example (real-length prose), every table cell filled, totals computed."""
    report = load(EXAMPLE)
    assert report.metadata.format_version is FormatVersion.V2021
    report = attrs.evolve(
        report,
        proactive=_filled(report.proactive),
        applications=_filled(report.applications),
        review_litigation=_filled(report.review_litigation),
    )
    return fill_totals(report)


REPORT = full_report()
TREE = to_data(REPORT)
TEXT = {syntax: dumps(REPORT, syntax) for syntax in ("json", "yaml", "toml")}


def _load(syntax: str) -> Callable[[], object]:
    text = TEXT[syntax]
    return lambda: loads(text, syntax)  # type: ignore[arg-type]


def _dump(syntax: str) -> Callable[[], object]:
    return lambda: dumps(REPORT, syntax)  # type: ignore[arg-type]


CASES: list[tuple[str, Callable[[], object], float | None]] = [
    ("core: JSON load (2021, every cell)", _load("json"), 200.0),
    ("core: JSON dump (2021, every cell)", _dump("json"), None),
    ("core: from_data (plain tree → report)", lambda: from_data(TREE), None),
    ("core: to_data (report → plain tree)", lambda: to_data(REPORT), None),
    ("core: YAML load", _load("yaml"), None),
    ("core: YAML dump", _dump("yaml"), None),
    ("core: TOML load", _load("toml"), None),
    ("core: TOML dump", _dump("toml"), None),
]

RATIOS: list[tuple[str, str, str, float]] = []
