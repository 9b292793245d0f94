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
from govinfo_report.checks.rules import Context, lower, severity_of
from govinfo_report.checks.text_quantities import Quantity, RowSum, Statement, row_sum
from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.formats import SectionSpec
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
    """``pattern`` tried only where, and with the statements that, can match: the same
    matches, found faster (see :mod:`~govinfo_report.checks._text_scan`); None:
    ``pattern`` is run as it is."""
    paths: tuple[str, ...] = ("intro", "sections")
    reads: dict[str, tuple[Statement, str | None]] = attrs.field(init=False, eq=False, repr=False)
    """Alternative ``k``'s group name, ``s<k>`` → (statement ``k``, its number's group
    ``n<k>``, None for a statement in words)."""
    marked: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False)
    """Finds 件 or any of :attr:`marks`: one scan of a text, not one per string."""
    mark_ends: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    """The last character of every mark, once: a text holding none of them holds no
    mark, as a string test tells faster than :attr:`marked`'s scan."""

    def __attrs_post_init__(self) -> None:
        reads = {
            f"s{k}": (statement, None if statement.value is not None else f"n{k}")
            for k, statement in enumerate(self.statements)
        }
        object.__setattr__(self, "reads", reads)
        marked = "|".join(re.escape(mark) for mark in ("件", *self.marks))
        object.__setattr__(self, "marked", re.compile(marked))
        object.__setattr__(self, "mark_ends", tuple(dict.fromkeys(m[-1] for m in self.marks)))

    def _texts(self, report: Report) -> Iterator[tuple[str, str]]:
        """(path, text) of every paragraph the rule reads, intro first."""
        for where, paragraphs in self._paragraphs(report):
            yield _path(where), "\n".join(paragraphs)

    def _paragraphs(self, report: Report) -> list[tuple[tuple[int, ...], tuple[str, ...]]]:
        """(where, paragraphs) of every text the rule reads, intro first: ``where`` is
        ``()`` for the intro, else the indices of the section, subsection…, and -1 for
        the closing paragraphs (see :func:`_path`). Built without a path string: most
        texts state nothing, and their paths are never written."""
        found: list[tuple[tuple[int, ...], tuple[str, ...]]] = []
        if report.intro:
            found.append(((), report.intro))
        for i, section in enumerate(report.sections):
            if section.id != self.section.id:
                continue
            if section.paragraphs:
                found.append(((i,), section.paragraphs))
            for j, sub in enumerate(section.subsections):
                if sub.paragraphs:
                    found.append(((i, j), sub.paragraphs))
                for m, level3 in enumerate(sub.subsections):
                    if level3.paragraphs:
                        found.append(((i, j, m), level3.paragraphs))
            if section.closing:
                found.append(((i, -1), section.closing))
        return found

    def passes(self, ctx: Context) -> bool:
        """No paragraph read has a 件 in it, so it states no count this rule reads."""
        return not any(self._may_state(text) for _, text in self._texts(ctx.report))

    def _may_state(self, text: str) -> bool:
        """Whether ``text`` holds 件 or a mark of a statement in words: whether any
        statement can be in it."""
        # 件 by a string test first (most texts that state anything hold it), the marks
        # of the statements in words by one scan, only where a mark can end (all of
        # today's end in 到: one more string test for most texts).
        if "件" in text:
            return True
        for end in self.mark_ends:
            if end in text:
                return self.marked.search(text) is not None
        return False

    def findings(self, ctx: Context) -> Iterator[Finding]:
        """One finding per statement whose number the tables do not bear out."""
        # One walk over the texts, not passes() and then another (a tenth of the rule).
        report = ctx.report
        found = []
        scanner = self.fast or self.pattern
        may_state = self._may_state
        reads, included = self.reads, self.carried_over_included.match
        tables = (
            report.proactive.values,
            report.applications.values,
            report.review_litigation.values,
        )
        for where, paragraphs in self._paragraphs(report):
            text = "\n".join(paragraphs)
            if not may_state(text):
                continue
            for match in scanner.finditer(text):
                statement, group = reads[match.lastgroup]  # type: ignore[index]
                if group is None:
                    stated = statement.value
                else:
                    number = match.group(group)
                    stated = int(number) if number.isdecimal() else parse_count(number)
                if stated is None:
                    continue
                if statement.quantity.total_of(tables) == stated:
                    # The quantity the sentence can state agrees with the tables (the
                    # other one is stated only when the number is said to include last
                    # year's): no finding, whatever the words around it say. The common
                    # case, read without a call.
                    other = statement.including_carried_over
                    if (
                        other is None
                        or other.total_of(tables) == stated
                        or not included(_tail(text, match.end()))
                    ):
                        continue
                finding = self._check(report, where, text, match, statement, stated)
                if finding is not None:
                    found.append(finding)
        return iter(found)

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        return self.findings(ctx)

    def _check(
        self,
        report: Report,
        where: tuple[int, ...],
        text: str,
        match: re.Match[str],
        statement: Statement,
        stated: int,
    ) -> Finding | None:
        """The finding of ``match``, a statement of ``stated`` that the quantity's total
        cells do not bear out as they are (a blank total, a different number), or None."""
        alternative = statement.including_carried_over
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
        paths = (_path(where), *cells)
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


def _path(where: tuple[int, ...]) -> str:
    """The path of a text :meth:`TextMatchesTables._paragraphs` gives as ``where``."""
    if not where:
        return "intro"
    path = f"sections[{where[0]}]"
    if len(where) > 1:
        path += ".closing" if where[1] < 0 else f".subsections[{where[1]}]"
    if len(where) > 2:
        path += f".subsections[{where[2]}]"
    return path


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
        # The alternative's name is an empty group at its end, not one around it: the
        # last group closed names the alternative all the same, and an alternative
        # that starts with a character, not a group, is passed over at a position that
        # holds another without being tried.
        alternatives.append(f"{body}(?P<s{k}>)")
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


__all__ = [
    "NUMBER",
    "Quantity",
    "RowSum",
    "Statement",
    "TextMatchesTables",
    "parse_count",
    "row_sum",
    "text_matches_tables",
]
