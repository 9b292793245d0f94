"""What every rule shares: operands and their paths, the context, the Rule protocol,
severities."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

import attrs

from govinfo_report.checks._labels import cell_en, cell_zh
from govinfo_report.checks.catalog import CATALOG
from govinfo_report.findings import Finding, Number, Severity
from govinfo_report.formats import CellKind, TableSpec
from govinfo_report.model.cells import CellValue, Empty, Money
from govinfo_report.model.report import Report

PREVIOUS = "previous"
"""Path prefix of a cell in last year's report (``previous.applications.…``)."""


@attrs.frozen
class Text:
    """A phrase in Chinese and English."""

    zh: str
    en: str


@attrs.frozen(kw_only=True)
class Operand:
    """One cell a rule reads: where it is, and how a message names it.

    ``name`` is short and meaningful inside the rule's context ("一", "总计"); ``label``
    names the cell on its own (table title and every label).
    """

    path: str
    table: str
    index: int
    kind: CellKind
    name: Text
    label: Text
    previous: bool = False


def operand(
    table: TableSpec, cell_id: str, *, name: Text | None = None, previous: bool = False
) -> Operand:
    """The operand for cell ``cell_id`` of ``table`` (of last year's report if ``previous``).

    Without ``name`` the cell is named by its column label.
    """
    cell = table.cell(cell_id)
    label = Text(cell_zh(table, cell), cell_en(table, cell))
    path = f"{table.id}.{cell_id}"
    if previous:
        path = f"{PREVIOUS}.{path}"
        label = Text(f"上年报告{label.zh}", f"last year's report, {label.en}")
    return Operand(
        path=path,
        table=table.id,
        index=cell.index,
        kind=cell.kind,
        name=name or Text(cell.column.label, cell.column.english),
        label=label,
        previous=previous,
    )


class Context:
    """What the rules read: the report and, for cross-year rules, last year's report."""

    __slots__ = ("previous", "report")

    def __init__(self, report: Report, previous: Report | None = None) -> None:
        self.report = report
        self.previous = previous

    def value(self, op: Operand) -> CellValue:
        """The value of ``op`` in the report it belongs to."""
        source = self.previous if op.previous else self.report
        if source is None:
            raise ValueError(f"{op.path} needs last year's report, and none was given")
        # Operands come from the format's TableSpecs, so op.table is a table attribute.
        value: CellValue = getattr(source, op.table).values[op.index]
        return value


class Rule(Protocol):
    """What the engine needs of a rule."""

    @property
    def code(self) -> str: ...

    @property
    def severity(self) -> Severity: ...

    @property
    def paths(self) -> tuple[str, ...]: ...

    def findings(self, ctx: Context) -> Iterator[Finding]: ...


def lower(severity: Severity) -> Severity:
    """One notch less severe: the severity of an uncertain finding."""
    return Severity.NOTICE if severity is not Severity.ERROR else Severity.WARNING


def number_of(value: CellValue) -> Number:
    """The number in a filled cell (a count, or the amount of money)."""
    if isinstance(value, Money):
        return value.amount
    assert not isinstance(value, Empty)
    return value


def empty_text(value: Empty) -> Text:
    """How a blank or "/" cell is said in a message, in both languages."""
    if value is Empty.BLANK:
        return Text("为空", "blank")
    return Text("为“/”", 'marked "/"')


def severity_of(code: str, severity: Severity | None = None) -> Severity:
    """``severity`` if given, else the catalog's severity for ``code``."""
    return severity if severity is not None else CATALOG[code].severity
