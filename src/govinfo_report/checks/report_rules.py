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

from govinfo_report._numerals import NUMERAL_CHARS, parse_numeral
from govinfo_report.checks._labels import row_zh
from govinfo_report.checks.rules import Context, Text, lower, severity_of
from govinfo_report.errors import UnknownFormatError
from govinfo_report.findings import Finding, Severity, Status
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
class TextMatchesTables(_Base):
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
    paths: tuple[str, ...] = ("intro", "sections")

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

    def passes(self, ctx: Context) -> bool:
        """No paragraph read has a 件 in it, so it states no count this rule reads."""
        return not any("件" in text for _, text in self._texts(ctx.report))

    def _findings(self, ctx: Context) -> Iterator[Finding]:
        """One finding per statement whose number the tables do not bear out."""
        report = ctx.report
        for path, text in self._texts(report):
            if "件" not in text:
                continue
            for match in self.pattern.finditer(text):
                finding = self._check(report, path, text, match)
                if finding is not None:
                    yield finding

    def _check(self, report: Report, path: str, text: str, match: re.Match[str]) -> Finding | None:
        key = match.lastgroup
        if key is None:  # pragma: no cover - every alternative is a named group
            return None
        statement = self.statements[int(key[1:])]
        stated = parse_count(match.group(f"n{key[1:]}"))
        if stated is None or self.skip_before.search(_head(text, match.start(), _CLAUSE_END)):
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
            elif self.carry.search(tail) and not self.carried_over_apart.search(tail):
                return None
        value, cells, missing = quantity.evaluate(report)
        if value == stated:
            # With blanks, the filled cells agree: no sign of a mismatch, and the blanks
            # have their own notices (B.1).
            return None
        fragment = match.group(0)
        d = stated - value
        paths = (path, *cells)
        if not missing:
            return _finding(
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
            return _finding(
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
    )
