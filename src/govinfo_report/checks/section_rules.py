"""The rules about the content of the document: SEC.1, SEC.2 and E.1.

SEC.1 checks that each of the six sections the format prescribes is there with text,
SEC.2 that 第五十条(四)'s processing fee is stated, E.1 that rows a table adds are
explained in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

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
    """SEC.2: the 信息处理费 is stated, as data or in the text of a section."""

    section: SectionSpec
    mention: re.Pattern[str]
    paths: tuple[str, ...] = ("processing_fee",)

    def passes(self, ctx: Context) -> bool:
        """The fee is stated as data."""
        return ctx.report.processing_fee is not None

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding when neither ``processing_fee`` nor the section states the fee."""
        report = ctx.report
        if report.processing_fee is not None:
            return
        if self.mention.search(_section_text(report, (self.section.id,))):
            return
        paths = self.paths + tuple(
            f"sections[{i}]" for i, s in enumerate(report.sections) if s.id == self.section.id
        )
        yield finding(
            self,
            f"未说明信息处理费收取情况：「{self.section.heading}」中未提及"
            "（未收取也应写明，如“本年度未收取信息处理费”）",
            f"the information processing fee is not stated: section {self.section.number} "
            f"({self.section.english}) does not mention it (state it even when none was charged)",
            paths,
        )


def processing_fee_stated(
    section: SectionSpec,
    mention: re.Pattern[str],
    *,
    code: str = "SEC.2",
    severity: Severity | None = None,
) -> ProcessingFeeStated:
    """The rule that the fee is stated in ``section`` (text matching ``mention``) or as data."""
    return ProcessingFeeStated(
        code=code, severity=severity_of(code, severity), section=section, mention=mention
    )


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
