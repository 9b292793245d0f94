"""The rule set of each format version, built from the format declarations.

Nothing here lists a row or a label: Table 3's outcome rows are those
:func:`~govinfo_report.model.authoring.outcome_rows` finds under 三、本年度办理结果, the
applicant columns are those :func:`~govinfo_report.model.fill_totals` adds up, Table 2's
rules attach to whichever row groups have the columns they relate. Each rule set maps a
stable rule id (``T3.1.natural_person``, ``D.1.applications``, ``Y.1``) to a rule;
:func:`ruleset` adds the cross-year rules when last year's report is given. The
phrasings TX.1 reads in the text are data of their own, in
:mod:`~govinfo_report.checks.text_statements`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType

from govinfo_report.checks._labels import ordinal, row_ordinal, row_zh
from govinfo_report.checks.field_rules import agency_named, text_storable
from govinfo_report.checks.report_rules import (
    Deadline,
    dates_within_deadline,
    extra_rows_noted,
    fee_matches_text,
    format_matches_year,
    processing_fee_stated,
    sections_complete,
    signing_date_given,
    text_matches_tables,
    title_names_year,
)
from govinfo_report.checks.rules import (
    Operand,
    Rule,
    Text,
    at_least,
    at_most,
    blank_cells,
    non_negative,
    not_applicable_cells,
    operand,
    sum_equals,
    sums_equal,
)
from govinfo_report.checks.text_statements import (
    CARRIED_OVER_APART,
    CARRIED_OVER_INCLUDED,
    CARRY,
    OTHER_TIME,
    SKIP_BEFORE,
    statements,
)
from govinfo_report.formats import (
    FORMATS,
    CellKind,
    FormatSpec,
    FormatVersion,
    Row,
    RowGroup,
    TableSpec,
    get_format,
)
from govinfo_report.model.authoring import TABLE3_DATA_COLUMNS, TABLE4_PARTS, outcome_rows
from govinfo_report.model.report import AgencyKind
from govinfo_report.model.table import Table

# 第四十九条: departments publish by 1月31日, local governments by 3月31日. Townships,
# sub-districts and other bodies are not named; their county sets a date, usually no
# later than the government's own, so 3月31日 serves as a reference for a notice only.
_NO_STATUTE = Text("本级人民政府的期限（3月31日）", "the people's government deadline (31 March)")
DEADLINES: Mapping[AgencyKind, Deadline] = MappingProxyType(
    {
        AgencyKind.DEPARTMENT: Deadline(
            month=1,
            day=31,
            statutory=True,
            who=Text(AgencyKind.DEPARTMENT.label, "government departments"),
            basis=Text("《条例》第四十九条第一款", "Article 49(1) of the OGI Regulations"),
        ),
        AgencyKind.GOVERNMENT: Deadline(
            month=3,
            day=31,
            statutory=True,
            who=Text(AgencyKind.GOVERNMENT.label, "local people's governments"),
            basis=Text("《条例》第四十九条第二款", "Article 49(2) of the OGI Regulations"),
        ),
        AgencyKind.TOWNSHIP: Deadline(
            month=3,
            day=31,
            statutory=False,
            who=Text(AgencyKind.TOWNSHIP.label, "townships and sub-districts"),
            basis=_NO_STATUTE,
        ),
        AgencyKind.OTHER: Deadline(
            month=3,
            day=31,
            statutory=False,
            who=Text("其他机关", "other bodies"),
            basis=_NO_STATUTE,
        ),
    }
)

GOVERNMENT_KINDS = frozenset({AgencyKind.GOVERNMENT, AgencyKind.TOWNSHIP})
"""The kinds that are 人民政府, whose reports must cover 第五十条(四)."""

GOVERNMENT_TERMS = (
    Text("考核", "performance review"),
    Text("评议", "public evaluation"),
    Text("追究", "accountability"),
)
"""The three things 第五十条(四) asks of a 人民政府 report (工作考核、社会评议和责任追究)."""

FEE_MENTION = re.compile(r"信息处理费|处理费|收费|收取[^。；;]{0,12}费")
"""Text that states the 信息处理费: "信息处理费 0 元", "未发生收费情况", "未收取任何费用"."""


def _where_column(table: TableSpec, label: str, english: str) -> Text:
    return Text(
        f"{table.title} {label}列", f"Table {table.number} ({table.english}), column '{english}'"
    )


def _where_row(table: TableSpec, group: RowGroup, row: Row) -> Text:
    zh = " ".join(part for part in (group.caption, row_zh(row)) if part)
    return Text(
        f"{table.title}「{zh}」", f"Table {table.number} ({table.english}), row '{row.english}'"
    )


def _named(table: TableSpec, row: Row, column_id: str, *, previous: bool = False) -> Operand:
    """A Table 3 cell named by its row's numbering (一, 三（七）) as the table prints it."""
    prefix = Text("上年报告", "last year's ") if previous else Text("", "")
    return operand(
        table,
        f"{row.id}.{column_id}",
        name=Text(prefix.zh + row_ordinal(row), prefix.en + row.english),
        previous=previous,
    )


def _table3(table: TableSpec) -> dict[str, Rule]:
    (group,) = table.groups
    rows = {row.id: row for row in table.rows}
    new, carried = rows["new_received"], rows["carried_over"]
    total_row, forward = rows["total_outcomes"], rows["carried_forward"]
    detail = [rows[r] for r in outcome_rows(Table.blank(table))]
    applicants = [c for c in group.columns if c.id in TABLE3_DATA_COLUMNS]
    (total_column,) = [c for c in group.columns if c.id not in TABLE3_DATA_COLUMNS]
    outcomes_name = Text(
        f"{ordinal(detail[0].label_path[0])}{ordinal(detail[0].label_path[1])}至"
        f"{ordinal(detail[-1].label_path[1])}各项之和",
        f"sum of the {len(detail)} outcome rows",
    )
    applicants_name = Text(
        f"{applicants[0].label}至{applicants[-1].label}{len(applicants)}列之和",
        f"sum of the {len(applicants)} applicant columns",
    )
    rules: dict[str, Rule] = {}
    for column in group.columns:
        where = _where_column(table, column.label, column.english)
        rules[f"T3.1.{column.id}"] = sums_equal(
            "T3.1",
            left=[_named(table, new, column.id), _named(table, carried, column.id)],
            right=[_named(table, total_row, column.id), _named(table, forward, column.id)],
            where=where,
        )
    for column in group.columns:
        rules[f"T3.2.{column.id}"] = sum_equals(
            "T3.2",
            total=_named(table, total_row, column.id),
            parts=[_named(table, row, column.id) for row in detail],
            parts_name=outcomes_name,
            where=_where_column(table, column.label, column.english),
        )
    for row in table.rows:
        rules[f"T3.3.{row.id}"] = sum_equals(
            "T3.3",
            total=operand(table, f"{row.id}.{total_column.id}"),
            parts=[operand(table, f"{row.id}.{c.id}") for c in applicants],
            parts_name=applicants_name,
            where=_where_row(table, group, row),
        )
    return rules


def _table4(table: TableSpec) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for group in table.groups:
        (total,) = [c for c in group.columns if c.id not in TABLE4_PARTS]
        for row in group.rows:
            rules[f"T4.1.{row.id}"] = sum_equals(
                "T4.1",
                total=operand(table, f"{row.id}.{total.id}"),
                parts=[operand(table, f"{row.id}.{part}") for part in TABLE4_PARTS],
                where=_where_row(table, group, row),
            )
    return rules


def _groups_with(table: TableSpec, *column_ids: str) -> list[RowGroup]:
    return [g for g in table.groups if set(column_ids) <= {c.id for c in g.columns}]


def _table2(table: TableSpec) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}

    def cell(row: Row, column_id: str) -> Operand:
        return operand(table, f"{row.id}.{column_id}")

    # 2021 第二十条第（一）项: a stock in force, with this year's issued and repealed.
    for group in _groups_with(table, "issued", "repealed", "in_force"):
        for row in group.rows:
            rules[f"X.2.{row.id}"] = at_least(
                "X.2",
                value=[cell(row, "in_force")],
                bound=[cell(row, "issued"), (-1, cell(row, "repealed"))],
                where=_where_row(table, group, row),
            )
    # 2019 第二十条第（一）项: this year's documents are among those published in total.
    for group in _groups_with(table, "made", "published", "total_published"):
        for row in group.rows:
            for column_id in ("published", "made"):
                rules[f"S.1.{row.id}.{column_id}"] = at_most(
                    "S.1",
                    value=[cell(row, column_id)],
                    bound=[cell(row, "total_published")],
                    where=_where_row(table, group, row),
                )
    # 2019 项目数量: last year's items plus this year's change cannot go below zero.
    for group in _groups_with(table, "items_last_year", "change"):
        for row in group.rows:
            rules[f"X.3.{row.id}"] = at_least(
                "X.3",
                value=[cell(row, "items_last_year"), cell(row, "change")],
                bound=[],
                where=_where_row(table, group, row),
            )
    return rules


def _cells(table: TableSpec) -> dict[str, Rule]:
    everything = [operand(table, c.id) for c in table.cells]
    rules: dict[str, Rule] = {
        f"B.1.{table.id}": blank_cells("B.1", cells=everything),
        f"B.2.{table.id}": not_applicable_cells("B.2", cells=everything),
    }
    for code, kind in (("D.1", CellKind.COUNT), ("D.2", CellKind.MONEY)):
        cells = [op for op in everything if op.kind is kind]
        if cells:
            rules[f"{code}.{table.id}"] = non_negative(code, cells=cells)
    return rules


def _build(spec: FormatSpec) -> Mapping[str, Rule]:
    rules: dict[str, Rule] = {"F.1": format_matches_year()}
    for table in spec.tables:
        rules.update(_cells(table))
    rules.update(_table2(spec.proactive))
    rules.update(_table3(spec.applications))
    rules.update(_table4(spec.review_litigation))
    for table in spec.tables:
        rules[f"E.1.{table.id}"] = extra_rows_noted(table)
    rules["Y.1"] = dates_within_deadline(DEADLINES)
    rules["Y.2"] = signing_date_given()
    rules["Y.3"] = title_names_year()
    rules["M.1"] = agency_named()
    rules["CH.1"] = text_storable()
    rules["SEC.1"] = sections_complete(
        spec.sections, government_kinds=GOVERNMENT_KINDS, government_terms=GOVERNMENT_TERMS
    )
    (other,) = [s for s in spec.sections if s.id == "other"]
    if spec.version is FormatVersion.V2021:
        rules["SEC.2"] = processing_fee_stated(other, FEE_MENTION)
    (overview,) = [s for s in spec.sections if s.id == "overview"]
    rules["TX.1"] = text_matches_tables(
        overview,
        statements(spec),
        skip_before=SKIP_BEFORE,
        other_time=OTHER_TIME,
        carried_over_included=CARRIED_OVER_INCLUDED,
        carried_over_apart=CARRIED_OVER_APART,
        carry=CARRY,
    )
    rules["TX.2"] = fee_matches_text(other)
    return MappingProxyType(rules)


class _Rulesets(Mapping[FormatVersion, Mapping[str, Rule]]):
    """Format version → its rules, each rule set built on first use (a program that
    checks only 2021 reports never builds the 2019 rules, and an import builds none)."""

    def __getitem__(self, version: FormatVersion) -> Mapping[str, Rule]:
        if version not in FORMATS:
            raise KeyError(version)
        return _built(version)

    def __iter__(self) -> Iterator[FormatVersion]:
        return iter(FORMATS)

    def __len__(self) -> int:
        return len(FORMATS)

    def __repr__(self) -> str:
        return f"RULESETS({', '.join(repr(v.value) for v in FORMATS)})"


@functools.cache
def _built(version: FormatVersion) -> Mapping[str, Rule]:
    return _build(FORMATS[version])


RULESETS: Mapping[FormatVersion, Mapping[str, Rule]] = _Rulesets()
"""The rules of each format version, by stable rule id, in evaluation order."""


def _cross_year(current: FormatSpec, previous: FormatSpec) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    t3, p3 = current.applications, previous.applications
    carried = t3.cell("carried_over.total").row
    forward = p3.cell("carried_forward.total").row
    for column in t3.groups[0].columns:
        rules[f"X.1.{column.id}"] = sums_equal(
            "X.1",
            left=[_named(t3, carried, column.id)],
            right=[_named(p3, forward, column.id, previous=True)],
            where=_where_column(t3, column.label, column.english),
        )
    t2, p2 = current.proactive, previous.proactive
    last = Text("上年", "last year's ")
    # Replaces the one-year form of X.2 (in force ≥ issued − repealed) under the same ids.
    for group in _groups_with(t2, "issued", "repealed", "in_force"):
        if not _groups_with(p2, "in_force"):
            break
        for row in group.rows:
            if f"{row.id}.in_force" not in p2.index:
                continue
            before = p2.cell(f"{row.id}.in_force")
            rules[f"X.2.{row.id}"] = sums_equal(
                "X.2",
                left=[operand(t2, f"{row.id}.in_force")],
                right=[
                    operand(
                        p2,
                        before.id,
                        name=Text(last.zh + before.column.label, last.en + before.column.english),
                        previous=True,
                    ),
                    operand(t2, f"{row.id}.issued"),
                    (-1, operand(t2, f"{row.id}.repealed")),
                ],
                where=_where_row(t2, group, row),
            )
    for group in _groups_with(t2, "items_last_year", "change"):
        if not _groups_with(p2, "items_last_year", "change"):
            break
        for row in group.rows:
            ids = [f"{row.id}.items_last_year", f"{row.id}.change"]
            if not all(i in p2.index for i in ids):
                continue
            prior = [p2.cell(i) for i in ids]
            rules[f"X.3.{row.id}.previous"] = sums_equal(
                "X.3",
                left=[operand(t2, ids[0])],
                right=[
                    operand(
                        p2,
                        c.id,
                        name=Text(last.zh + c.column.label, last.en + c.column.english),
                        previous=True,
                    )
                    for c in prior
                ],
                where=_where_row(t2, group, row),
            )
    return rules


@functools.cache
def ruleset(version: FormatVersion, previous: FormatVersion | None = None) -> Mapping[str, Rule]:
    """The rules for a report of ``version``, with the cross-year rules against last
    year's report of format ``previous`` when one is given.

    A cross-year rule replaces a one-year rule of the same id (X.2's inequality becomes
    an equality once last year's stock is known).
    """
    rules = RULESETS[version]
    if previous is None:
        return rules
    merged = dict(rules)
    merged.update(_cross_year(get_format(version), get_format(previous)))
    return MappingProxyType(merged)
