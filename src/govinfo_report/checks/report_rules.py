"""Rules about the report as a document: format, dates, sections, fee, extra rows.

Each is a small frozen value with a ``code``, a ``severity``, the ``paths`` it reads and a
``findings(ctx)`` method, built by a factory the rule sets call with data (the
deadlines of 第四十九条, the section declarations of the format, the terms of 第五十条(四)).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence

import attrs

from govinfo_report.checks._labels import row_zh
from govinfo_report.checks.findings import Finding, Severity, Status
from govinfo_report.checks.rules import Context, Text, severity_of
from govinfo_report.errors import UnknownFormatError
from govinfo_report.formats import FORMATS, SectionSpec, TableSpec, format_for_year, get_format
from govinfo_report.model.report import AgencyKind, Report, Section


def _date_zh(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def _finding(rule: _Base, zh: str, en: str, paths: tuple[str, ...], **values: object) -> Finding:
    return Finding(
        code=rule.code,
        severity=values.pop("severity", rule.severity),  # type: ignore[arg-type]
        status=Status.FAIL,
        message_zh=zh,
        message_en=en,
        paths=paths,
        **values,  # type: ignore[arg-type]
    )


@attrs.frozen(kw_only=True)
class _Base:
    code: str
    severity: Severity

    def passes(self, ctx: Context) -> bool:
        """A cheap test that the rule certainly finds nothing (False: run it)."""
        return False

    def findings(self, ctx: Context) -> Iterator[Finding]:
        """The rule's findings for the report in ``ctx``."""
        # Most reports pass most document rules: answer those without a generator.
        if self.passes(ctx):
            return iter(())
        return self._findings(ctx)

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError


# --- F.1 ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FormatMatchesYear(_Base):
    """F.1: the report's format is the one prescribed for its year."""

    paths: tuple[str, ...] = ("metadata.format_version", "metadata.year")

    def passes(self, ctx: Context) -> bool:
        """The report's own format applies to its year."""
        meta = ctx.report.metadata
        return get_format(meta.format_version).applies_to(meta.year)

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding when the format is not the year's, or the year predates every format."""
        meta = ctx.report.metadata
        used = get_format(meta.format_version)
        try:
            expected = format_for_year(meta.year)
        except UnknownFormatError:
            first = min(spec.first_year for spec in FORMATS.values())
            yield _finding(
                self,
                f"报告年度 {meta.year} 年早于统一格式的适用年度（{first} 年起），"
                f"不应使用《{used.name}》",
                f"the report year {meta.year} predates the statutory formats (from {first}); "
                f"it cannot use the {used.version.value} format",
                self.paths,
                reported=used.version.value,
            )
            return
        if expected.version is meta.format_version:
            return
        yield _finding(
            self,
            f"{meta.year}年度报告应使用《{expected.name}》（{expected.document}），"
            f"实际使用的是《{used.name}》（{used.document}）",
            f"a report on {meta.year} must use the {expected.version.value} format "
            f"({expected.document}), not the {used.version.value} format ({used.document})",
            self.paths,
            reported=used.version.value,
        )


def format_matches_year(
    code: str = "F.1", *, severity: Severity | None = None
) -> FormatMatchesYear:
    """The rule that the format suits the report year (2019–2020 → 2019 试行; 2021 on → 2021)."""
    return FormatMatchesYear(code=code, severity=severity_of(code, severity))


# --- Y.1 / Y.2 / Y.3 --------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Deadline:
    """When a kind of agency must have published its report on year N: (N+1)-month-day."""

    month: int
    day: int
    statutory: bool
    """False where the law sets no deadline and this one is only a reference."""
    who: Text
    basis: Text


_DATE_FIELDS = (
    ("signing_date", Text("成文日期", "signing date")),
    ("publication_date", Text("发布日期", "publication date")),
)


@attrs.frozen(kw_only=True)
class DatesWithinDeadline(_Base):
    """Y.1: the signing and publication dates fall after the year and by the deadline."""

    deadlines: Mapping[AgencyKind, Deadline]
    paths: tuple[str, ...] = ("metadata.signing_date", "metadata.publication_date")

    def passes(self, ctx: Context) -> bool:
        """Every date given lies in the year after the report year, by the deadline."""
        meta = ctx.report.metadata
        deadline = self.deadlines[meta.agency_kind]
        due = (meta.year + 1, deadline.month, deadline.day)
        for date in (meta.signing_date, meta.publication_date):
            if date is not None and not (
                date.year == meta.year + 1 and (date.year, date.month, date.day) <= due
            ):
                return False
        return True

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """One finding per date given that is too early or too late."""
        meta = ctx.report.metadata
        deadline = self.deadlines[meta.agency_kind]
        due = dt.date(meta.year + 1, deadline.month, deadline.day)
        for field, name in _DATE_FIELDS:
            date: dt.date | None = getattr(meta, field)
            if date is None:
                continue
            paths = (f"metadata.{field}", "metadata.year")
            if date.year <= meta.year:
                yield _finding(
                    self,
                    f"{name.zh} {_date_zh(date)} 不在报告年度（{meta.year}年）结束之后",
                    f"the {name.en} {date.isoformat()} is not after the report year {meta.year}",
                    paths,
                    reported=date.isoformat(),
                )
            elif date > due:
                late = (date - due).days
                if deadline.statutory:
                    zh = (
                        f"{name.zh} {_date_zh(date)} 晚于{deadline.basis.zh}规定的"
                        f"{deadline.who.zh}期限 {_date_zh(due)}，逾期 {late} 天"
                    )
                    en = (
                        f"the {name.en} {date.isoformat()} is {late} day(s) after the deadline "
                        f"{due.isoformat()} that {deadline.basis.en} sets for {deadline.who.en}"
                    )
                else:
                    zh = (
                        f"{name.zh} {_date_zh(date)} 晚于 {_date_zh(due)}；{deadline.who.zh}"
                        f"无法定期限，以{deadline.basis.zh}为参照，晚 {late} 天"
                    )
                    en = (
                        f"the {name.en} {date.isoformat()} is {late} day(s) after "
                        f"{due.isoformat()}; {deadline.who.en} have no statutory deadline, so "
                        f"{deadline.basis.en} serves as a reference"
                    )
                yield _finding(
                    self,
                    zh,
                    en,
                    paths,
                    reported=date.isoformat(),
                    severity=self.severity if deadline.statutory else Severity.NOTICE,
                )


def dates_within_deadline(
    deadlines: Mapping[AgencyKind, Deadline], code: str = "Y.1", *, severity: Severity | None = None
) -> DatesWithinDeadline:
    """The rule that the report is signed and published after its year, by ``deadlines``."""
    missing = set(AgencyKind) - set(deadlines)
    if missing:
        raise ValueError(f"no deadline for agency kind(s) {sorted(k.value for k in missing)}")
    return DatesWithinDeadline(
        code=code, severity=severity_of(code, severity), deadlines=dict(deadlines)
    )


@attrs.frozen(kw_only=True)
class SigningDateGiven(_Base):
    """Y.2: the report gives its signing date."""

    paths: tuple[str, ...] = ("metadata.signing_date",)

    def passes(self, ctx: Context) -> bool:
        """A signing date is given."""
        return ctx.report.metadata.signing_date is not None

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding when there is no signing date."""
        if ctx.report.metadata.signing_date is None:
            yield _finding(
                self,
                "报告没有成文日期，无法核对是否按期形成",
                "the report gives no signing date, so its timeliness cannot be checked",
                self.paths,
            )


def signing_date_given(code: str = "Y.2", *, severity: Severity | None = None) -> SigningDateGiven:
    """The rule that a signing date is given."""
    return SigningDateGiven(code=code, severity=severity_of(code, severity))


_TITLE_YEAR = re.compile(r"(\d{4})\s*年")


@attrs.frozen(kw_only=True)
class TitleNamesYear(_Base):
    """Y.3: a title that names a year names the report year."""

    paths: tuple[str, ...] = ("metadata.title", "metadata.year")

    def passes(self, ctx: Context) -> bool:
        """The standard title, built from the year itself."""
        return ctx.report.metadata.title is None

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding when the published title names years, none of them the report year."""
        meta = ctx.report.metadata
        if meta.title is None:
            return  # the standard title is built from the year itself
        years = [int(y) for y in _TITLE_YEAR.findall(meta.title)]
        if not years or meta.year in years:
            return
        yield _finding(
            self,
            f"标题「{meta.title}」写的是 {years[0]} 年，报告年度为 {meta.year} 年",
            f"the title {meta.title!r} names {years[0]}, but the report is on {meta.year}",
            self.paths,
            reported=years[0],
            computed=meta.year,
            difference=years[0] - meta.year,
        )


def title_names_year(code: str = "Y.3", *, severity: Severity | None = None) -> TitleNamesYear:
    """The rule that the published title names the report year."""
    return TitleNamesYear(code=code, severity=severity_of(code, severity))


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
    return "\n".join(parts)


def _has_text(section: Section) -> bool:
    for paragraph in section.paragraphs:
        if paragraph.strip():
            return True
    return not section.is_empty


@attrs.frozen(kw_only=True)
class SectionsComplete(_Base):
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
                yield _finding(
                    self,
                    f"缺少「{spec.heading}」部分",
                    f"section {spec.number} ({spec.english}) is missing",
                    ("sections",),
                )
                continue
            i = found
            if latest is not None and i < latest[0]:
                before = latest[1]
                yield _finding(
                    self,
                    f"「{spec.heading}」排在「{before.heading}」之前，顺序与统一格式不符",
                    f"section {spec.number} ({spec.english}) comes before section "
                    f"{before.number} ({before.english})",
                    (f"sections[{i}]", f"sections[{latest[0]}]"),
                )
            if latest is None or i > latest[0]:
                latest = (i, spec)
            if spec.table is None and report.sections[i].is_empty:
                yield _finding(
                    self,
                    f"「{spec.heading}」部分没有内容",
                    f"section {spec.number} ({spec.english}) has no text",
                    (f"sections[{i}]",),
                )
        if report.metadata.agency_kind in self.government_kinds:
            text = _section_text(report)
            missing = [term for term in self.government_terms if term.zh not in text]
            if missing:
                yield _finding(
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
class ProcessingFeeStated(_Base):
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
        yield _finding(
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
class ExtraRowsNoted(_Base):
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
            yield _finding(
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
