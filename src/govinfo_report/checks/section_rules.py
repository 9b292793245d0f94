"""The rules about the content of the document: SEC.1, SEC.2, TX.2 and E.1.

SEC.1 checks that each of the six sections the format prescribes is there with text,
SEC.2 that the 信息处理费 is stated in section 六 as printed, TX.2 that the fee stated
there is the structured one, E.1 that rows a table adds are explained in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from govinfo_report import _stated
from govinfo_report.checks._labels import row_zh
from govinfo_report.checks._report_rule import ReportRule, finding
from govinfo_report.checks.rules import Context, Text, severity_of
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import SectionSpec, TableSpec
from govinfo_report.model.report import AgencyKind, Report, Section

# --- SEC.1 / SEC.2 ------------------------------------------------------------------------


def _section_text(report: Report, section_ids: Sequence[str] | None = None) -> str:
    parts: list[str] = []
    for section in report.sections:
        if section_ids is not None and section.id not in section_ids:
            continue
        parts.extend(section.paragraphs)
        for sub in section.subsections:
            parts.append(sub.heading)
            parts.extend(sub.paragraphs)
            for level3 in sub.subsections:
                parts.append(level3.heading)
                parts.extend(level3.paragraphs)
        parts.extend(section.closing)
    return "\n".join(parts)


def _has_text(section: Section) -> bool:
    for paragraph in section.paragraphs:
        if paragraph.strip():
            return True
    return not section.is_empty


@attrs.frozen(kw_only=True)
class SectionsComplete(ReportRule):
    """SEC.1: the format's sections are present, in order, not empty; a 人民政府 report
    covers 工作考核、社会评议和责任追究 (第五十条(四)).

    Sections that carry a statistic table (二–四) count as non-empty through the table.
    """

    sections: tuple[SectionSpec, ...]
    government_kinds: frozenset[AgencyKind]
    government_terms: tuple[Text, ...]
    paths: tuple[str, ...] = ("sections",)

    def passes(self, ctx: Context) -> bool:
        """Exactly the format's sections, in order, with text; the terms where needed."""
        report = ctx.report
        if len(report.sections) != len(self.sections):
            return False
        for have, spec in zip(report.sections, self.sections, strict=True):
            if have.id != spec.id or (spec.table is None and not _has_text(have)):
                return False
        if report.metadata.agency_kind in self.government_kinds:
            text = _section_text(report)
            return all(term.zh in text for term in self.government_terms)
        return True

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding per missing, misplaced or empty section, and for missing terms."""
        report = ctx.report
        position: dict[str, int] = {}
        for i, section in enumerate(report.sections):
            position.setdefault(section.id, i)
        latest: tuple[int, SectionSpec] | None = None
        for spec in self.sections:
            found = position.get(spec.id)
            if found is None:
                yield finding(
                    self,
                    f"缺少「{spec.heading}」部分",
                    f"section {spec.number} ({spec.english}) is missing",
                    ("sections",),
                )
                continue
            i = found
            if latest is not None and i < latest[0]:
                before = latest[1]
                yield finding(
                    self,
                    f"「{spec.heading}」排在「{before.heading}」之前，顺序与统一格式不符",
                    f"section {spec.number} ({spec.english}) comes before section "
                    f"{before.number} ({before.english})",
                    (f"sections[{i}]", f"sections[{latest[0]}]"),
                )
            if latest is None or i > latest[0]:
                latest = (i, spec)
            if spec.table is None and report.sections[i].is_empty:
                yield finding(
                    self,
                    f"「{spec.heading}」部分没有内容",
                    f"section {spec.number} ({spec.english}) has no text",
                    (f"sections[{i}]",),
                )
        if report.metadata.agency_kind in self.government_kinds:
            text = _section_text(report)
            missing = [term for term in self.government_terms if term.zh not in text]
            if missing:
                yield finding(
                    self,
                    f"{report.metadata.agency_kind.label}的报告应包括工作考核、社会评议和责任追究"
                    f"结果情况（《条例》第五十条第（四）项），正文未提及："
                    + "、".join(t.zh for t in missing),
                    "a people's government report must cover performance review, public "
                    "evaluation and accountability (Article 50(4)); the text never mentions: "
                    + ", ".join(t.en for t in missing),
                    ("sections",),
                )


def sections_complete(
    sections: Sequence[SectionSpec],
    *,
    government_kinds: frozenset[AgencyKind],
    government_terms: Sequence[Text],
    code: str = "SEC.1",
    severity: Severity | None = None,
) -> SectionsComplete:
    """The rule that every section of ``sections`` is there, in order, with content."""
    return SectionsComplete(
        code=code,
        severity=severity_of(code, severity),
        sections=tuple(sections),
        government_kinds=government_kinds,
        government_terms=tuple(government_terms),
    )


@attrs.frozen(kw_only=True)
class ProcessingFeeStated(ReportRule):
    """SEC.2: the 信息处理费 is stated in the text of section 六 as a document prints it.

    A fee held as data (``processing_fee``) is printed there by the writers when the
    prose does not state it (:func:`govinfo_report._stated.as_printed`): it counts, as
    long as the report has the section to print it in.
    """

    section: SectionSpec
    mention: re.Pattern[str]
    paths: tuple[str, ...] = ("processing_fee",)

    def passes(self, ctx: Context) -> bool:
        """The fee is data and the section it is printed in is there."""
        report = ctx.report
        return report.processing_fee is not None and report.section(self.section.id) is not None

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding when the printed section does not state the fee."""
        report = ctx.report
        printed = _stated.as_printed(report).report
        if self.mention.search(_section_text(printed, (self.section.id,))):
            return
        at = tuple(
            f"sections[{i}]" for i, s in enumerate(report.sections) if s.id == self.section.id
        )
        if report.processing_fee is not None:
            yield finding(
                self,
                f"信息处理费无处写明：报告没有「{self.section.heading}」部分，"
                "processing_fee 中的金额不会印在文中",
                f"the information processing fee is not printed: the report has no section "
                f"{self.section.number} ({self.section.english}) to state processing_fee in",
                ("processing_fee", "sections"),
            )
            return
        yield finding(
            self,
            f"未说明信息处理费收取情况：「{self.section.heading}」中未提及"
            "（未收取也应写明，如“本年度未收取信息处理费”）",
            f"the information processing fee is not stated: section {self.section.number} "
            f"({self.section.english}) does not mention it (state it even when none was charged)",
            self.paths + at,
        )


def processing_fee_stated(
    section: SectionSpec,
    mention: re.Pattern[str],
    *,
    code: str = "SEC.2",
    severity: Severity | None = None,
) -> ProcessingFeeStated:
    """The rule that the fee is stated in ``section`` as printed (text matching ``mention``,
    or the sentence printed for the structured fee)."""
    return ProcessingFeeStated(
        code=code, severity=severity_of(code, severity), section=section, mention=mention
    )


# --- TX.2 -----------------------------------------------------------------------------


def _yuan(amount: Decimal) -> str:
    return format(amount, "f")


@attrs.frozen(kw_only=True)
class FeeMatchesText(ReportRule):
    """TX.2: the 信息处理费 the text of section 六 states is the structured one.

    The text is read as the writers read it to decide whether to print the fee
    (:func:`govinfo_report._stated.fee_statement`): a statement of an amount ("未收取信息处理费"
    is 0, "收取信息处理费120元" is 120), and of the number of requests charged when it
    gives one. A statement that cannot be read as one amount is left alone.
    """

    section: SectionSpec
    paths: tuple[str, ...] = ("processing_fee", "sections")

    def passes(self, ctx: Context) -> bool:
        """No structured fee, or no section to state one."""
        report = ctx.report
        return report.processing_fee is None or report.section(self.section.id) is None

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding when the amount stated differs, or else the number of requests."""
        report = ctx.report
        fee = report.processing_fee
        statement = _stated.fee_statement(report, self.section.id)
        if fee is None or statement is None or statement[0].fee is None:
            return
        reading, path = statement
        stated, quote = statement[0].fee, reading.quote
        heading, where = self.section.heading, f"section {self.section.number}"
        if stated.amount != fee.amount:
            d = stated.amount - fee.amount
            if stated.amount == 0:
                zh, en = "未收取信息处理费", "no fee was charged"
            else:
                zh = f"信息处理费{_yuan(stated.amount)}元"
                en = f"a fee of {_yuan(stated.amount)} yuan"
            yield finding(
                self,
                f"「{heading}」写明{zh}（“{quote}”），而 processing_fee 为"
                f"{_yuan(fee.amount)}元，差 {_yuan(d)}",
                f"{where} ({self.section.english}) says {en} ({quote!r}), processing_fee is "
                f"{_yuan(fee.amount)} yuan, difference {_yuan(d)}",
                (path, "processing_fee.amount"),
                reported=stated.amount,
                computed=fee.amount,
                difference=d,
            )
            return
        if stated.applications is None or fee.applications is None:
            return
        if stated.applications != fee.applications:
            n = stated.applications - fee.applications
            yield finding(
                self,
                f"「{heading}」写明对{stated.applications}件申请收取信息处理费（“{quote}”），"
                f"而 processing_fee 为{fee.applications}件，差 {n}",
                f"{where} ({self.section.english}) says the fee was charged on "
                f"{stated.applications} requests ({quote!r}), processing_fee says "
                f"{fee.applications}, difference {n}",
                (path, "processing_fee.applications"),
                reported=stated.applications,
                computed=fee.applications,
                difference=n,
            )


def fee_matches_text(
    section: SectionSpec, *, code: str = "TX.2", severity: Severity | None = None
) -> FeeMatchesText:
    """The rule that the fee ``section``'s text states equals ``processing_fee``."""
    return FeeMatchesText(code=code, severity=severity_of(code, severity), section=section)


# --- E.1 ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class ExtraRowsNoted(ReportRule):
    """E.1: a notice for every row a table has beyond the format's."""

    table: TableSpec

    @property
    def paths(self) -> tuple[str, ...]:
        """The table's extra rows."""
        return (f"{self.table.id}.extra_rows",)

    def passes(self, ctx: Context) -> bool:
        """The table has no extra rows."""
        return not getattr(ctx.report, self.table.id).extra_rows

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """One notice per extra row, in table order."""
        table = self.table
        for i, row in enumerate(ctx.report.table(table.id).extra_rows):
            if row.after is None:
                where = Text("表格开头", "at the top of the table")
            else:
                after = next((r for r in table.rows if r.id == row.after), None)
                where = (
                    Text(f"「{row_zh(after)}」之后", f"after '{after.english}'")
                    if after is not None
                    else Text(f"「{row.after}」之后", f"after '{row.after}'")
                )
            yield finding(
                self,
                f"{table.title}：非统一格式的行「{row.label}」（{where.zh}），已保留，不参与勾稽核对",
                f"Table {table.number} ({table.english}): row {row.label!r} ({where.en}) is not "
                "in the format; it is kept but not cross-checked",
                (f"{table.id}.extra_rows[{i}]",),
            )


def extra_rows_noted(
    table: TableSpec, *, code: str = "E.1", severity: Severity | None = None
) -> ExtraRowsNoted:
    """The rule that notes the extra rows of ``table``."""
    return ExtraRowsNoted(code=code, severity=severity_of(code, severity), table=table)
