"""Markdown blocks → a :class:`~govinfo_report.model.Report`: title, sections, tables,
signature and metadata.

The title is the level-1 headings at the top (two of them, ``# agency`` and
``# YYYY年政府信息公开工作年度报告``, are the standard title); sections are level-2
headings (in hand-written Markdown also a paragraph that is exactly a section heading)
matched to the format's headings and their known variants with the shared label index;
sub-sections are level-3 headings or a bold run-in heading; the signature is what follows
the last thematic break (or, by hand, a last paragraph that is a date). A paragraph right
before a table that names its caption or corner note belongs to the table. Our front
matter, when present, gives the identity and the unprinted fields, and it is trusted to
tell the agency's lines from the date in the signature, so that an agency whose name
looks like a date reads back as written.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import Any, Final

import attrs

from govinfo_report import _embedded
from govinfo_report.errors import ReportReadError
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import FORMATS, FormatSpec, FormatVersion, SectionSpec, format_for_year
from govinfo_report.model import AgencyKind, Metadata, Report, Section, Subsection, Table
from govinfo_report.readers._findings import AGENCY_KIND, TABLE_MISSING, finding
from govinfo_report.readers._labels import LabelIndex, normalize
from govinfo_report.readers._md_blocks import Block, Break, Para
from govinfo_report.readers._md_front import Front, problem
from govinfo_report.readers._md_statistics import TableReader, best_spec, detect_version, score
from govinfo_report.readers._md_tables import RawTable
from govinfo_report.readers._meta import is_date_line, parse_date, parse_title
from govinfo_report.readers._registry import ReadResult

_PROBE = Metadata(
    agency="", year=2021, format_version=FormatVersion.V2021, agency_kind=AgencyKind.DEPARTMENT
)
_TITLE_SUFFIX: Final = _PROBE.standard_title.removeprefix("2021")
"""年政府信息公开工作年度报告: what follows the year in the standard title."""
_YEAR_LINE = re.compile(r"(\d{4})" + re.escape(_TITLE_SUFFIX))
_TITLE_YEAR = re.compile(r"(\d{4})年度?")
_WRITTEN_DATE = re.compile(r"(\d+)年(\d+)月(\d+)日")
"""A date as the writer prints it (``date_text``: 2021年1月22日)."""
_NUMERALS: Final = "一二三四五六"


@functools.cache
def _section_index(version: FormatVersion) -> LabelIndex[str]:
    """The format's section headings and their known variants, by section id."""
    index: LabelIndex[str] = LabelIndex()
    for spec in FORMATS[version].sections:
        index.add(spec.heading, spec.id)
        for variant in spec.variants:
            index.add(variant, spec.id, variant=True, canonical=spec.heading)
    return index


def _heading_of(text: str, version: FormatVersion) -> str | None:
    """The section whose heading (or a known variant) ``text`` is, up to normalisation."""
    match = _section_index(version).match(text, fuzzy=False)
    return match.key if match is not None and match.kind in ("exact", "variant") else None


def _section_id(
    heading: str, sections: Sequence[SectionSpec], version: FormatVersion, used: set[str]
) -> str:
    known = _heading_of(heading, version)
    if known is not None:
        return known
    n = normalize(heading)
    for spec in sections:
        if n.startswith(_NUMERALS[spec.number - 1] + "、") and spec.id not in used:
            return spec.id
    for spec in sections:
        if spec.id not in used:
            return spec.id
    return f"section{len(used) + 1}"


def _date(text: str) -> dt.date | None:
    """The date a signature line is: as the writer prints it, else by the shared reading."""
    written = _WRITTEN_DATE.fullmatch(text)
    if written is not None:
        try:
            return dt.date(int(written[1]), int(written[2]), int(written[3]))
        except ValueError:
            return None
    if not is_date_line(text):
        return None
    date = parse_date(text)
    return date if isinstance(date, dt.date) else None


def _title_guess(title: str) -> tuple[int | None, str | None]:
    """The year and agency a custom title states, by the shared title reading; failing
    that, the first year in it (and no agency)."""
    parsed = parse_title(title)
    if parsed is not None:
        return parsed.year, parsed.agency
    found = _TITLE_YEAR.search(title)
    return (int(found[1]) if found is not None else None), None


class Assembler:
    """Builds the report from the blocks; collects the findings."""

    def __init__(self, source: str, front: Front, findings: list[Finding]) -> None:
        self.source = source
        self.front = front
        self.findings = findings

    def assemble(self, blocks: list[Block]) -> ReadResult:
        """The report in ``blocks`` with every finding.

        Raises:
            ReportReadError: no section and no table, or no year anywhere.
        """
        front = self.front
        version = front.version or detect_version([b for b in blocks if isinstance(b, RawTable)])
        blocks = self._captions(blocks)
        title, start = self._title(blocks)
        signature, end = self._signature(blocks, start)
        intro, sections, tables = self._body(blocks[start:end], version or FormatVersion.V2021)
        if not sections and not tables:
            raise ReportReadError(
                f"{self.source} does not look like a report: no section headings "
                "(## 一、总体情况 …) and no statistic tables"
            )
        meta = self._metadata(title, signature, version)
        report_tables = self._tables(FORMATS[meta.format_version], tables)
        report = Report(
            metadata=meta,
            intro=tuple(intro),
            sections=tuple(sections),
            proactive=report_tables["proactive"],
            applications=report_tables["applications"],
            review_litigation=report_tables["review_litigation"],
        )
        if front.ours:
            try:
                report = _embedded.apply(report, front.embedded)
            except (ValueError, TypeError, KeyError, ExceptionGroup) as exc:
                self.findings.append(problem(self.source, str(exc) or type(exc).__name__))
        else:
            self.findings.append(
                finding(
                    AGENCY_KIND,
                    Severity.NOTICE,
                    "文档未说明机关类型，按“政府部门”读取",
                    "the document does not say what kind of agency reports; read as a department",
                    paths=("metadata.agency_kind",),
                )
            )
        return ReadResult(report, tuple(self.findings))

    # --- the parts of the document -------------------------------------------------------

    def _captions(self, blocks: list[Block]) -> list[Block]:
        """``blocks`` with each caption paragraph moved into the table it names."""
        out: list[Block] = []
        for block in blocks:
            para = out[-1] if out else None
            if (
                isinstance(block, RawTable)
                and isinstance(para, Para)
                and not para.level
                and self._is_caption(para, block)
            ):
                out[-1] = attrs.evolve(block, hints=(*block.hints, para.text))
            else:
                out.append(block)
        return out

    def _is_caption(self, para: Para, raw: RawTable) -> bool:
        spec = best_spec(raw)
        if spec is None:
            return False
        captions = {normalize(g.caption) for g in spec.groups if g.caption}
        corner = normalize(spec.corner_note) if spec.corner_note else None
        text = normalize(para.text)
        if any(normalize(h) in captions or normalize(h) == corner for h in raw.hints):
            return False  # an HTML table carries its own caption / corner cell
        if text in captions:
            # We write a caption bold and alone; a body paragraph is never all bold.
            bold_alone = para.run_in is not None and not para.run_in[1]
            return bold_alone or not self.front.ours
        return text == corner and (para.run_in is None or not self.front.ours)

    @staticmethod
    def _title(blocks: list[Block]) -> tuple[list[str], int]:
        """The level-1 headings at the top, and where the rest starts."""
        title: list[str] = []
        for block in blocks:
            if not (isinstance(block, Para) and block.level == 1):
                break
            title.append(block.text)
        return title, len(title)

    def _signature(self, blocks: list[Block], start: int) -> tuple[list[str], int]:
        """The signature's lines, and where the body ends."""
        last_break = max((i for i, b in enumerate(blocks) if isinstance(b, Break)), default=-1)
        tail = blocks[last_break + 1 :]
        if last_break >= start and tail and all(isinstance(b, Para) and not b.level for b in tail):
            return [line for b in tail if isinstance(b, Para) for line in b.text.split("\n")], (
                last_break
            )
        end = len(blocks)
        last = blocks[-1] if blocks else None
        if self.front.ours or not isinstance(last, Para) or last.level or last.run_in:
            return [], end
        lines = last.text.split("\n")
        if _date(lines[-1]) is None:
            return [], end
        prev = blocks[-2] if len(blocks) > 1 else None
        if len(lines) == 1 and isinstance(prev, Para) and not prev.level and len(prev.text) < 40:
            return [prev.text, *lines], end - 2
        return lines, end - 1

    def _body(
        self, blocks: Sequence[Block], version: FormatVersion
    ) -> tuple[list[str], list[Section], list[tuple[RawTable, str | None]]]:
        """The intro, the sections and the tables (with the section each stands in)."""
        sections_spec = FORMATS[version].sections
        intro: list[str] = []
        sections: list[dict[str, Any]] = []
        tables: list[tuple[RawTable, str | None]] = []
        used: set[str] = set()
        for block in blocks:
            if isinstance(block, Break):
                continue
            if isinstance(block, RawTable):
                tables.append((block, sections[-1]["id"] if sections else None))
                continue
            is_section = block.level in (1, 2) or (
                not self.front.ours
                and not block.level
                and _heading_of(block.text, version) is not None
            )
            if is_section:
                section_id = _section_id(block.text, sections_spec, version, used)
                used.add(section_id)
                sections.append(
                    {"id": section_id, "heading": block.text, "paragraphs": [], "subs": []}
                )
            elif not sections:
                intro.append(block.text)
            elif block.level >= 3:
                sections[-1]["subs"].append((block.text, [], False))
            elif block.run_in is not None:
                heading, rest = block.run_in
                sections[-1]["subs"].append((heading, [rest] if rest else [], True))
            elif sections[-1]["subs"]:
                # Lists until the end: growing a frozen tuple per paragraph is quadratic.
                sections[-1]["subs"][-1][1].append(block.text)
            else:
                sections[-1]["paragraphs"].append(block.text)
        built = [
            Section(
                id=s["id"],
                heading=s["heading"],
                paragraphs=tuple(s["paragraphs"]),
                subsections=tuple(
                    Subsection(heading=heading, paragraphs=tuple(paragraphs), run_in=run_in)
                    for heading, paragraphs, run_in in s["subs"]
                ),
            )
            for s in sections
        ]
        return intro, built, tables

    # --- metadata and tables ---------------------------------------------------------------

    def _signing_date(self, signature: list[str]) -> dt.date | None:
        """The date closing the signature. With our front matter, the lines that spell
        the agency (however much they look like a date) are the agency's, not the date."""
        front = self.front
        if front.ours and front.agency is not None:
            own = front.agency.split("\n") if front.agency else []
            if signature[: len(own)] == own:
                rest = signature[len(own) :]
                return _date(rest[0]) if len(rest) == 1 else None
        return _date(signature[-1]) if signature else None

    def _metadata(
        self, title: list[str], signature: list[str], version: FormatVersion | None
    ) -> Metadata:
        front = self.front
        signing_date = self._signing_date(signature)
        signed_by = "\n".join(signature[:-1] if signing_date else signature)
        agency = front.agency
        year = front.year
        custom: str | None = None
        standard = _YEAR_LINE.fullmatch(title[1]) if len(title) == 2 else None
        if standard is not None and (
            not front.ours or (title[0], int(standard[1])) == (front.agency, front.year)
        ):
            agency, year = title[0], int(standard[1])
        elif title:
            custom = "".join(title)
            if agency is None or year is None:
                found_year, found_agency = _title_guess(custom)
                if found_year is not None and year is None:
                    year = found_year
                    if agency is None:
                        agency = found_agency
                if (
                    not front.ours
                    and agency is not None
                    and year is not None
                    and custom == f"{agency}{year}{_TITLE_SUFFIX}"
                ):
                    custom = None
        if agency is None:
            agency = signed_by
        if year is None:
            raise ReportReadError(
                f"{self.source}: cannot tell which year the report is on: expected a title "
                f"like '…2021{_TITLE_SUFFIX}' or 'year:' in the front matter"
            )
        if (
            front.ours
            and standard is not None
            and (title[0], int(standard[1])) != (front.agency, front.year)
        ):
            self.findings.append(
                problem(
                    self.source,
                    f"agency/year {front.agency!r}/{front.year} differ from the title; "
                    "the title is read",
                )
            )
            agency, year = title[0], int(standard[1])
        return Metadata(
            agency=agency,
            year=year,
            format_version=version or format_for_year(max(year, 2019)).version,
            agency_kind=AgencyKind.DEPARTMENT,
            signing_date=signing_date,
            title=custom,
        )

    def _tables(
        self, spec: FormatSpec, tables: list[tuple[RawTable, str | None]]
    ) -> dict[str, Table]:
        carriers = {s.id: s.table for s in spec.sections if s.table}
        found: dict[str, list[RawTable]] = {t.id: [] for t in spec.tables}
        for raw, section_id in tables:
            scores = {t.id: score(raw, t) for t in spec.tables}
            best = max(scores.values())
            table_id = (
                max(scores, key=lambda k: scores[k]) if best else carriers.get(section_id or "")
            )
            if table_id is not None:
                found[table_id].append(raw)
        out: dict[str, Table] = {}
        for table in spec.tables:
            raws = found[table.id]
            if raws:
                out[table.id] = TableReader(table, self.findings, self.source).read(raws)
                continue
            self.findings.append(
                finding(
                    TABLE_MISSING,
                    Severity.WARNING,
                    f"找不到表格“{table.title}”，其单元格按空白读取",
                    f"table {table.number} ({table.english}) is not in the document; "
                    "its cells are read as blank",
                    paths=(table.id,),
                    uncertain=True,
                )
            )
            out[table.id] = Table.blank(table)
        return out
