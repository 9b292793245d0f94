"""The rules about the format and the dates: F.1, Y.1, Y.2, Y.3.

F.1 checks the format against the year (the 2021 format from the 2021 reports on), Y.1
the dates against the deadlines of 第四十九条, Y.2 that a signing date is given, Y.3 that
the title names the year reported on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping

import attrs

from govinfo_report.checks._report_rule import ReportRule, date_zh, finding
from govinfo_report.checks.rules import Context, Text, severity_of
from govinfo_report.errors import UnknownFormatError
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import FORMATS, format_for_year, get_format
from govinfo_report.model.report import AgencyKind

# --- F.1 ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FormatMatchesYear(ReportRule):
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
            yield finding(
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
        yield finding(
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
class DatesWithinDeadline(ReportRule):
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
                yield finding(
                    self,
                    f"{name.zh} {date_zh(date)} 不在报告年度（{meta.year}年）结束之后",
                    f"the {name.en} {date.isoformat()} is not after the report year {meta.year}",
                    paths,
                    reported=date.isoformat(),
                )
            elif date > due:
                late = (date - due).days
                if deadline.statutory:
                    zh = (
                        f"{name.zh} {date_zh(date)} 晚于{deadline.basis.zh}规定的"
                        f"{deadline.who.zh}期限 {date_zh(due)}，逾期 {late} 天"
                    )
                    en = (
                        f"the {name.en} {date.isoformat()} is {late} day(s) after the deadline "
                        f"{due.isoformat()} that {deadline.basis.en} sets for {deadline.who.en}"
                    )
                else:
                    zh = (
                        f"{name.zh} {date_zh(date)} 晚于 {date_zh(due)}；{deadline.who.zh}"
                        f"无法定期限，以{deadline.basis.zh}为参照，晚 {late} 天"
                    )
                    en = (
                        f"the {name.en} {date.isoformat()} is {late} day(s) after "
                        f"{due.isoformat()}; {deadline.who.en} have no statutory deadline, so "
                        f"{deadline.basis.en} serves as a reference"
                    )
                yield finding(
                    self,
                    zh,
                    en,
                    paths,
                    reported=date.isoformat(),
                    expected=due.isoformat(),
                    difference=late,
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
class SigningDateGiven(ReportRule):
    """Y.2: the report gives its signing date."""

    paths: tuple[str, ...] = ("metadata.signing_date",)

    def passes(self, ctx: Context) -> bool:
        """A signing date is given."""
        return ctx.report.metadata.signing_date is not None

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """A finding when there is no signing date."""
        if ctx.report.metadata.signing_date is None:
            yield finding(
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
class TitleNamesYear(ReportRule):
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
        yield finding(
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
