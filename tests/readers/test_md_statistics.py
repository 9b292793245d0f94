"""The Markdown reader's tables: our own cell texts read back exactly, hand-written ones
by the shared cell reading, and labels by the shared matching plus containment."""

from __future__ import annotations

from decimal import Decimal

from govinfo_report import BLANK, NOT_APPLICABLE, Finding, Money, get_format
from govinfo_report.formats import CellKind
from govinfo_report.readers._findings import LABEL_VARIANT
from govinfo_report.readers._md_statistics import TableReader, cell_value, extra_value
from govinfo_report.readers._md_tables import RawLine, RawTable


def test_money_cell_keeps_a_unit_the_shared_reading_does_not_know() -> None:
    assert cell_value("12.50美元", CellKind.MONEY) == Money(Decimal("12.50"), "美元")


def test_count_cell_is_read_by_the_shared_reading() -> None:
    assert [cell_value(t, CellKind.COUNT) for t in ("１２", "1,234件", " / ", "", "−8")] == [
        12,
        1234,
        NOT_APPLICABLE,
        BLANK,
        -8,
    ]


def test_count_cell_that_is_no_number_is_none() -> None:
    assert cell_value("十二", CellKind.COUNT) is None


def test_extra_value_with_a_unit_stays_money_as_written() -> None:
    assert extra_value("5件") == Money(Decimal(5), "件")
    assert extra_value("5") == 5


def _read(labels: list[str]) -> tuple[dict[str, object], list[str]]:
    spec = get_format("2021").proactive
    group = spec.groups[0]
    raw = RawTable(
        columns=tuple((c.label,) for c in group.columns),
        rows=tuple(
            RawLine(labels=(label,), label=label, values=("1", "2", "3"), written=3, line=1)
            for label in labels
        ),
        hints=(),
        line=1,
    )
    findings: list[Finding] = []
    table = TableReader(spec, findings, "t.md").read([raw])
    variants = [str(f.reported) for f in findings if f.code == LABEL_VARIANT]
    return {r.id: table[f"{r.id}.in_force"] for r in group.rows}, variants


def test_row_label_with_a_typo_is_matched_by_the_shared_matching() -> None:
    values, variants = _read(["规章", "行政规范姓文件"])
    assert values == {"rules": 3, "normative_documents": 3}
    assert variants == ["行政规范姓文件"]


def test_row_label_contained_in_the_format_label_is_matched() -> None:
    values, variants = _read(["规章（设区的市）", "规范性"])
    assert values["normative_documents"] == 3
    assert variants == ["规章（设区的市）", "规范性"]
