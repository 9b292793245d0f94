"""TX.1: the numbers the text states agree with the tables.

The text says "本年度共收到政府信息公开申请70件"; the statements recognised are data
(:class:`Statement`), each tied to a quantity of the tables (:class:`Quantity`), and a
statement about a subset, another agency or another year is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from govinfo_report._numerals import NUMERAL_CHARS, parse_numeral
from govinfo_report.checks._report_rule import ReportRule, finding
from govinfo_report.checks._text_scan import Dispatch, dispatched
from govinfo_report.checks.rules import Context, Text, lower, severity_of
from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.formats import TABLE_IDS, SectionSpec, TableSpec
from govinfo_report.model.cells import CellValue
from govinfo_report.model.report import Report

# --- TX.1 -------------------------------------------------------------------------------

NUMBER = rf"\d{{1,3}}(?:,\d{{3}})+|\d+|[{NUMERAL_CHARS}]+"
"""A count as a text writes it: 859, 1,234 or 十二 (full-width digits are digits too)."""


def parse_count(text: str) -> int | None:
    """``"859"`` → 859, ``"1,234"`` → 1234, ``"十二"`` → 12, ``"二百零五"`` → 205.

    None for Chinese numerals that are not a well-formed number (``"十十"``, ``"一二"``)
    or are ambiguous (``"二百五"``): such text is not a clear statement of a count. The
    policy for Chinese numerals is :func:`govinfo_report._numerals.parse_numeral`'s.
    """
    if text[0] not in NUMERAL_CHARS:
        return int(text.replace(",", ""))  # digits, full-width ones too
    return parse_numeral(text)


@attrs.frozen(kw_only=True)
class RowSum:
    """One table row as a quantity: its 总计 cell, or its parts when that is empty."""

    table: str
    row: str
    total: tuple[str, int]
    """The row's total cell: (column id, index in ``table.values``)."""
    parts: tuple[tuple[str, int], ...]
    """The cells that add up to the total: (column id, index), in column order."""


def row_sum(table: TableSpec, row_id: str, total: str, parts: Sequence[str]) -> RowSum:
    """The :class:`RowSum` of row ``row_id`` of ``table``, total column ``total``."""
    return RowSum(
        table=table.id,
        row=row_id,
        total=(total, table.cell(f"{row_id}.{total}").index),
        parts=tuple((p, table.cell(f"{row_id}.{p}").index) for p in parts),
    )


@attrs.frozen(kw_only=True)
class Quantity:
    """A figure of the tables a sentence can state: the sum of whole rows."""

    name: Text
    """How a message names it: "表三予以公开与部分公开合计"."""
    rows: tuple[RowSum, ...]
    totals: tuple[tuple[int, int], ...] = attrs.field(init=False, eq=False, repr=False)
    """Each row's total cell as (table number in ``report.tables``, index in its values)."""

    def __attrs_post_init__(self) -> None:
        cells = tuple((TABLE_IDS.index(row.table), row.total[1]) for row in self.rows)
        object.__setattr__(self, "totals", cells)

    def total_of(self, tables: tuple[tuple[CellValue, ...], ...]) -> int | None:
        """The sum when every row's total cell is a number (no paths built), else None,
        from the values of the report's three tables (``report.tables`` order)."""
        value = 0
        for table, index in self.totals:
            total = tables[table][index]
            if type(total) is not int:
                return None
            value += total
        return value

    def evaluate(self, report: Report) -> tuple[int, list[str], int]:
        """(sum of the numbers found, paths of the cells used, how many are blank or "/").

        A row counts by its total cell; a row whose total is empty counts by its parts,
        and an empty part is not added (never read as 0) but counted as missing.
        """
        value, paths, missing = 0, [], 0
        for row in self.rows:
            values = getattr(report, row.table).values
            column, index = row.total
            total = values[index]
            if type(total) is int:
                value += total
                paths.append(f"{row.table}.{row.row}.{column}")
                continue
            for column, index in row.parts:
                part = values[index]
                paths.append(f"{row.table}.{row.row}.{column}")
                if type(part) is int:
                    value += part
                else:
                    missing += 1
        return value, paths, missing


@attrs.frozen(kw_only=True)
class Statement:
    """A way the text states a table figure.

    ``pattern`` is a regular expression in which ``{n}`` stands for the number
    (:data:`NUMBER`), e.g. ``"不予公开{n}件"``. ``including_carried_over`` is the
    quantity to compare with instead when the statement goes on to say that its
    number includes last year's carried-over requests (``（含上年结转3件）``); without
    it such a statement is skipped, as is any other statement whose sentence talks
    of 结转 in a way this rule does not read.
    """

    pattern: str
    quantity: Quantity
    including_carried_over: Quantity | None = None
    value: int | None = None
    """The number a statement states in words (未收到政府信息公开申请: 0); its pattern then
    has no ``{n}``."""
    marks: tuple[str, ...] = ()
    """For a statement in words: strings one of which its every match holds (a statement
    of a number holds 件, which the rule looks for first)."""


_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?\n（(）)]")
_YEAR = re.compile(r"(\d{4})\s*年")


def _tail(text: str, end: int) -> str:
    """The text from ``end`` to the end of its sentence."""
    stop = _SENTENCE_END.search(text, end)
    return text[end : stop.start() if stop else len(text)]


def _head(text: str, start: int, boundary: re.Pattern[str]) -> str:
    """The text from the last ``boundary`` before ``start`` up to ``start``."""
    head = text[max(0, start - 80) : start]
    cut = 0
    for match in boundary.finditer(head):
        cut = match.end()
    return head[cut:]


@attrs.frozen(kw_only=True)
class TextMatchesTables(ReportRule):
    """TX.1: the figures the text of 一、总体情况 (and the intro) states equal the tables.

    Only the statements of ``statements`` are read; a statement is skipped when the
    words before it in its clause say it is about a subset or other agencies
    (``skip_before``), or its sentence, before it, speaks of another time
    (``other_time``) or names a year other than the report's.
    """

    section: SectionSpec
    statements: tuple[Statement, ...]
    pattern: re.Pattern[str]
    skip_before: re.Pattern[str]
    other_time: re.Pattern[str]
    carried_over_included: re.Pattern[str]
    carried_over_apart: re.Pattern[str]
    carry: re.Pattern[str]
    marks: tuple[str, ...] = ()
    """The :attr:`Statement.marks` of every statement in words."""
    fast: Dispatch | None = None
    """``pattern`` regrouped by first character: the same matches, found faster (see
    :mod:`~govinfo_report.checks._text_scan`); None: ``pattern`` is run as it is."""
    paths: tuple[str, ...] = ("intro", "sections")
    slots: dict[str, int] = attrs.field(init=False, eq=False, repr=False)
    """Alternative ``s<k>``'s group name → ``k``."""
    numbers: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    """Statement ``k``'s number group, ``n<k>``."""

    def __attrs_post_init__(self) -> None:
        count = len(self.statements)
        object.__setattr__(self, "slots", {f"s{k}": k for k in range(count)})
        object.__setattr__(self, "numbers", tuple(f"n{k}" for k in range(count)))

    def _texts(self, report: Report) -> Iterator[tuple[str, str]]:
        """(path, text) of every paragraph the rule reads, intro first."""
        if report.intro:
            yield "intro", "\n".join(report.intro)
        for i, section in enumerate(report.sections):
            if section.id != self.section.id:
                continue
            if section.paragraphs:
                yield f"sections[{i}]", "\n".join(section.paragraphs)
            for j, sub in enumerate(section.subsections):
                if sub.paragraphs:
                    yield f"sections[{i}].subsections[{j}]", "\n".join(sub.paragraphs)
                for m, level3 in enumerate(sub.subsections):
                    if level3.paragraphs:
                        path = f"sections[{i}].subsections[{j}].subsections[{m}]"
                        yield path, "\n".join(level3.paragraphs)
            if section.closing:
                yield f"sections[{i}].closing", "\n".join(section.closing)

    def passes(self, ctx: Context) -> bool:
        """No paragraph read has a 件 in it, so it states no count this rule reads."""
        return not any(self._may_state(text) for _, text in self._texts(ctx.report))

    def _may_state(self, text: str) -> bool:
        """Whether ``text`` holds 件 or a mark of a statement in words: whether any
        statement can be in it."""
        return "件" in text or any(mark in text for mark in self.marks)

    def findings(self, ctx: Context) -> Iterator[Finding]:
        """One finding per statement whose number the tables do not bear out."""
        # One walk over the texts, not passes() and then another (a tenth of the rule).
        report = ctx.report
        found = []
        scanner = self.fast or self.pattern
        tables = (
            report.proactive.values,
            report.applications.values,
            report.review_litigation.values,
        )
        for path, text in self._texts(report):
            if not self._may_state(text):
                continue
            for match in scanner.finditer(text):
                finding = self._check(report, tables, path, text, match)
                if finding is not None:
                    found.append(finding)
        return iter(found)

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        return self.findings(ctx)

    def _check(
        self,
        report: Report,
        tables: tuple[tuple[CellValue, ...], ...],
        path: str,
        text: str,
        match: re.Match[str],
    ) -> Finding | None:
        k = self.slots[match.lastgroup]  # type: ignore[index] # every alternative is named
        statement = self.statements[k]
        if statement.value is not None:
            stated: int | None = statement.value
        else:
            number = match.group(self.numbers[k])
            stated = int(number) if number.isdecimal() else parse_count(number)
        if stated is None:
            return None
        alternative = statement.including_carried_over
        if statement.quantity.total_of(tables) == stated and (
            alternative is None
            or alternative.total_of(tables) == stated
            or not self.carried_over_included.match(_tail(text, match.end()))
        ):
            # The quantity the sentence can state agrees with the tables (the other one
            # is stated only when the number is said to include last year's): no finding,
            # whatever the words around it say. The common case, read fast.
            return None
        value, cells, missing = statement.quantity.evaluate(report)
        if value == stated and (alternative is None or alternative.evaluate(report)[0] == stated):
            return None  # the same, where a total is blank and its parts agree
        if self.skip_before.search(_head(text, match.start(), _CLAUSE_END)):
            return None
        sentence_head = _head(text, match.start(), _SENTENCE_END)
        if self.other_time.search(sentence_head) or any(
            int(y) != report.metadata.year for y in _YEAR.findall(sentence_head)
        ):
            return None
        quantity = statement.quantity
        if statement.including_carried_over is not None:
            tail = _tail(text, match.end())
            if self.carry.search(sentence_head):
                return None  # 结转 before the number: a reading this rule does not attempt
            if self.carried_over_included.match(tail):
                quantity = statement.including_carried_over
                value, cells, missing = quantity.evaluate(report)
            elif self.carry.search(tail) and not self.carried_over_apart.search(tail):
                return None
        if value == stated:
            # With blanks, the filled cells agree: no sign of a mismatch, and the blanks
            # have their own notices (B.1).
            return None
        fragment = match.group(0)
        d = stated - value
        paths = (path, *cells)
        if not missing:
            return finding(
                self,
                f"正文“{fragment}”，{quantity.name.zh}{value}件，差 {d}",
                f"the text says “{fragment}” ({stated}), {quantity.name.en} is {value} in the "
                f"table, difference {d}",
                paths,
                reported=stated,
                computed=value,
                difference=d,
            )
        if value > stated:
            # Blank cells are counts not written down: they can only add. The filled
            # cells alone already exceed the text, so the mismatch is certain.
            return finding(
                self,
                f"正文“{fragment}”，{quantity.name.zh}仅已填数字就有{value}件"
                f"（另有 {missing} 个单元格为空或为“/”），差 {d}",
                f"the text says “{fragment}” ({stated}), but the filled cells of "
                f'{quantity.name.en} alone add up to {value} ({missing} more blank or "/"), '
                f"difference {d}",
                paths,
                reported=stated,
                computed=value,
                difference=d,
            )
        return Finding(
            code=self.code,
            severity=lower(self.severity),
            status=Status.UNCERTAIN,
            message_zh=(
                f"正文“{fragment}”，{quantity.name.zh}无法核对：{missing} 个单元格为空或为“/”"
                f"（只计已填数字：{value}件，差 {d}）"
            ),
            message_en=(
                f"the text says “{fragment}” ({stated}); {quantity.name.en} cannot be checked: "
                f'{missing} cell(s) blank or "/" (filled cells only: {value}, difference {d})'
            ),
            paths=paths,
            reported=stated,
        )


def text_matches_tables(
    section: SectionSpec,
    statements: Sequence[Statement],
    *,
    skip_before: str,
    other_time: str,
    carried_over_included: str,
    carried_over_apart: str,
    carry: str,
    code: str = "TX.1",
    severity: Severity | None = None,
) -> TextMatchesTables:
    """The rule that the figures stated in ``section`` (and the intro) equal the tables.

    Args:
        section: the section whose text is read (一、总体情况), with its subsections.
        statements: the phrasings recognised, each tied to a table quantity.
        skip_before: words that, between the start of a statement's clause and the
            statement, make it about something else (a subset, other agencies).
        other_time: words that, between the start of a statement's sentence and the
            statement, may make it about another year.
        carried_over_included: matches right after a statement of requests received
            when its number includes last year's carried-over requests (``（含上年结转``).
        carried_over_apart: matches in the rest of the sentence when it states last
            year's carried-over requests apart from the number (``另有上年结转``).
        carry: any other mention of 结转; a received statement whose sentence has one
            that neither of the above explains is skipped.
        code: the finding code.
        severity: overrides the catalog's severity.
    """
    alternatives = []
    for k, statement in enumerate(statements):
        if (statement.value is None) != ("{n}" in statement.pattern) or (
            statement.value is not None and not statement.marks
        ):
            raise ValueError(
                f"statement {statement.pattern!r}: a number ({{n}}), or a value and its marks"
            )
        body = statement.pattern.replace("{n}", f"(?P<n{k}>{NUMBER})")
        alternatives.append(f"(?P<s{k}>{body})")
    return TextMatchesTables(
        code=code,
        severity=severity_of(code, severity),
        section=section,
        statements=tuple(statements),
        pattern=re.compile("|".join(alternatives)),
        skip_before=re.compile(skip_before),
        other_time=re.compile(other_time),
        carried_over_included=re.compile(carried_over_included),
        carried_over_apart=re.compile(carried_over_apart),
        carry=re.compile(carry),
        marks=tuple(dict.fromkeys(m for statement in statements for m in statement.marks)),
        fast=dispatched(alternatives),
    )
