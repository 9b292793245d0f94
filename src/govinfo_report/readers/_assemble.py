"""The shared reader engine: neutral document blocks → :class:`Report` + findings.

Every document reader (text, HTML, DOCX, …) turns its input into a sequence of
:class:`~govinfo_report.readers._document.Paragraph` and
:class:`~govinfo_report.readers._document.Grid` blocks and calls :func:`assemble`.
The engine finds, by text and never by position:

- the six sections by their headings (standard, variant, or a few characters off);
- the title (agency + year), the intro before 一、, a signing date under the text or
  under the title, a publication date line, contact details stated in the intro or
  closing text;
- sub-headings （一）… inside sections, with the run-in rule of :func:`split_subheading`;
- the three statistic tables by their labels, the format version from the labels, each
  value placed where the document determines it (:mod:`._tables`).

Anything it could not read, or read only with tolerance, becomes a finding with a code
from :mod:`._findings`. Metadata that a document does not print (the agency kind) is
inferred conservatively from the agency name and said so.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

import attrs

from govinfo_report.errors import ReportReadError, UnknownFormatError
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import (
    FormatSpec,
    FormatVersion,
    SectionSpec,
    format_for_year,
    get_format,
)
from govinfo_report.formats.layout import row_variants
from govinfo_report.model import (
    AgencyKind,
    Metadata,
    ProcessingFee,
    Report,
    Section,
    Subsection,
    Table,
)
from govinfo_report.readers import _findings as rf
from govinfo_report.readers import _meta
from govinfo_report.readers._cells import is_value
from govinfo_report.readers._document import Block, Grid, Paragraph
from govinfo_report.readers._fee import read_fee
from govinfo_report.readers._known import Known, restore_after
from govinfo_report.readers._labels import SUBHEADING, LabelIndex, Match, normalize
from govinfo_report.readers._limits import check_paragraphs
from govinfo_report.readers._registry import ReadResult
from govinfo_report.readers._tables import TableReader, grid_rows, signature_labels

_FEE_SECTION = "other"
"""The section whose text states the 信息处理费 (六、其他需要报告的事项)."""
RUN_IN_WINDOW = 60
"""How far into a （一） paragraph a run-in heading may end (characters)."""
_TERMINATORS = "。：:"
_HEADING_MAX = 50


# --- label indexes built once ------------------------------------------------------------


@functools.cache
def _section_index() -> LabelIndex[str]:
    index: LabelIndex[str] = LabelIndex()
    for spec in get_format(FormatVersion.V2021).sections:
        index.add(spec.heading, spec.id)
        for variant in spec.variants:
            index.add(variant, spec.id, variant=True)
    return index


@functools.cache
def _section_specs() -> dict[str, SectionSpec]:
    return {s.id: s for s in get_format(FormatVersion.V2021).sections}


@functools.cache
def _version_index() -> LabelIndex[FormatVersion]:
    """Labels that only one format prints (variants of the other excluded)."""
    labels = {
        version: {
            key for table in get_format(version).tables for key in _keys(signature_labels(table))
        }
        for version in FormatVersion
    }
    # 规范性文件 is the 2019 label and a common 2021 variant: it proves nothing.
    variants = {normalize(t) for t in _known_variants()}
    index: LabelIndex[FormatVersion] = LabelIndex()
    for version, own in labels.items():
        others = set().union(*(v for k, v in labels.items() if k is not version))
        for label in sorted(own - others - variants):
            index.add(label, version)
    return index


def _known_variants() -> list[str]:
    return [
        text for spec in get_format(FormatVersion.V2021).tables for text, _ in row_variants(spec)
    ]


def _keys(index: LabelIndex[str]) -> set[str]:
    return {key for _norm, key, _label in index._all}


@functools.cache
def _table_index(version: FormatVersion) -> LabelIndex[str]:
    """Labels that name exactly one of the three tables of ``version``."""
    spec = get_format(version)
    per_table = {t.id: _keys(signature_labels(t)) for t in spec.tables}
    index: LabelIndex[str] = LabelIndex()
    for table_id, own in per_table.items():
        others = set().union(*(v for k, v in per_table.items() if k != table_id))
        for label in sorted(own - others):
            if len(label) >= 2:
                index.add(label, table_id)
    return index


@functools.cache
def _caption_index() -> LabelIndex[str]:
    index: LabelIndex[str] = LabelIndex()
    for version in FormatVersion:
        for group in get_format(version).proactive.groups:
            if group.caption:
                index.add(group.caption, group.id)
    return index


# --- the document as sections --------------------------------------------------------------


@attrs.define
class _Part:
    """The blocks before the first heading (``spec`` None) or of one section."""

    spec: SectionSpec | None
    heading: str = ""
    location: str = ""
    blocks: list[Block] = attrs.Factory(list)


def _heading(paragraph: Paragraph, seen: set[str], trusted: bool) -> Match[str] | None:
    if trusted and paragraph.level != 1:
        return None
    text = paragraph.text.strip().rstrip("。.：:")
    if not text or len(text) > _HEADING_MAX:
        return None
    match = _section_index().match(text)
    if match is None or match.key in seen:
        return None
    return match


def _split_parts(blocks: Sequence[Block], trusted: bool) -> tuple[list[_Part], list[Finding]]:
    parts = [_Part(None)]
    seen: set[str] = set()
    findings: list[Finding] = []
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            match = _heading(block, seen, trusted)
            if match is not None:
                seen.add(match.key)
                spec = _section_specs()[match.key]
                location = block.location or f"paragraph {i + 1}"
                heading = block.text if trusted else block.text.strip()
                parts.append(_Part(spec, heading, location))
                if not match.exact:
                    findings.append(
                        rf.finding(
                            rf.HEADING_VARIANT,
                            Severity.NOTICE,
                            f"标题“{block.text.strip()}”按“{spec.heading}”读取",
                            f"heading {block.text.strip()!r} was read as {spec.heading!r}",
                            paths=(f"sections.{spec.id}",),
                            reported=block.text.strip(),
                            location=location,
                        )
                    )
                continue
        parts[-1].blocks.append(block)
    return parts, findings


# --- sub-headings ---------------------------------------------------------------------------


def split_subheading(paragraph: Paragraph, trusted: bool) -> tuple[str, str | None] | None:
    """A sub-heading paragraph as (heading, run-in text or None), or None if it is body.

    Rule (untrusted text): a paragraph that starts with （一）…（十）. If a 。 or ： ends a
    phrase within the first :data:`RUN_IN_WINDOW` characters and text follows it, the
    heading runs in: heading = up to and including that mark ("（一）存在的主要问题。"),
    the rest is the subsection's first paragraph. If nothing follows the mark, or the
    paragraph is short and has no mark ("（一）主动公开方面"), the whole paragraph is the
    heading. A long paragraph with no early mark is a run-in whose heading is the ordinal
    alone, so that its text is kept whole. With trusted levels (our own documents), a
    level-2 paragraph is a heading, split at ``Paragraph.run_in`` when given.
    """
    text = paragraph.text if trusted else paragraph.text.strip()
    if trusted:
        if paragraph.level != 2:
            return None
        if paragraph.run_in is not None:
            return text[: paragraph.run_in], text[paragraph.run_in :]
        return text, None
    if paragraph.level == 2 and paragraph.run_in is not None:
        # The source marks the run-in heading (a bold run): it ends where the mark does.
        return text[: paragraph.run_in], text[paragraph.run_in :].strip()
    marker = SUBHEADING.match(text)
    if marker is None:
        return None
    window = text[: RUN_IN_WINDOW + 1]
    ends = [i for i, ch in enumerate(window) if ch in _TERMINATORS and i >= marker.end()]
    if ends:
        end = ends[0] + 1
        rest = text[end:]
        if rest.strip():
            return text[:end], rest.strip()
        return text, None
    if len(text) <= RUN_IN_WINDOW:
        return text, None
    return text[: marker.end()], text[marker.end() :].strip()


def _section(part: _Part, trusted: bool) -> Section:
    assert part.spec is not None
    paragraphs: list[str] = []
    subs: list[tuple[str, list[str], bool]] = []
    for block in part.blocks:
        if not isinstance(block, Paragraph):
            continue
        # Our own output's text is exact: kept as written, an empty paragraph it marks
        # as such included.
        text = block.text if trusted else block.text.strip()
        if block.role == "caption" or (
            (not text.strip() and not (trusted and (block.role == "blank" or block.level)))
            or (not trusted and _caption_index().match(text) is not None)
        ):
            continue  # a Table 2 caption printed as a paragraph belongs to the table
        sub = split_subheading(block, trusted)
        if sub is not None:
            heading, rest = sub
            subs.append((heading, [rest] if rest else [], rest is not None))
        elif subs:
            subs[-1][1].append(text)
        else:
            paragraphs.append(text)
    return Section(
        id=part.spec.id,
        heading=part.heading,
        paragraphs=tuple(paragraphs),
        subsections=tuple(Subsection(heading=h, paragraphs=tuple(p), run_in=r) for h, p, r in subs),
    )


# --- tables ---------------------------------------------------------------------------------


def _grid_texts(grid: Grid) -> set[str]:
    texts = set()
    for row in grid.cells:
        for text in row:
            text = text.strip()
            if text and len(text) <= 120 and not is_value(text):
                texts.add(text)
    return texts


def _detect_version(grids: Sequence[Grid]) -> tuple[FormatVersion | None, dict[FormatVersion, int]]:
    index = _version_index()
    found: dict[FormatVersion, set[str]] = {v: set() for v in FormatVersion}
    for grid in grids:
        for text in _grid_texts(grid):
            match = index.match(text)
            if match is not None:
                found[match.key].add(match.label)
    scores = {v: len(labels) for v, labels in found.items()}
    best = max(scores.values())
    winners = [v for v, s in scores.items() if s == best]
    if best == 0 or len(winners) > 1:
        return None, scores
    return winners[0], scores


def _classify(grid: Grid, version: FormatVersion) -> str | None:
    index = _table_index(version)
    found: dict[str, set[str]] = {}
    for text in _grid_texts(grid):
        match = index.match(text)
        if match is None and "[" not in text:
            continue
        if match is not None:
            found.setdefault(match.key, set()).add(match.label)
    if not found:
        return None
    ranked = sorted(found.items(), key=lambda item: -len(item[1]))
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        return None
    return ranked[0][0]


def _row_locations(grid: Grid, number: int) -> list[str]:
    base = grid.location or f"table {number}"
    if grid.row_locations is not None and len(grid.row_locations) == len(grid.cells):
        return list(grid.row_locations)
    return [f"{base} row {r + 1}" for r in range(len(grid.cells))]


def _read_tables(
    parts: Sequence[_Part], fmt: FormatSpec
) -> tuple[dict[str, Table], list[Finding], int]:
    readers = {t.id: TableReader(t, t.number) for t in fmt.tables}
    fed: dict[str, str] = {}
    findings: list[Finding] = []
    number = 0
    recognised = 0
    for part in parts:
        context = part.spec.table if part.spec is not None else None
        for block in part.blocks:
            if isinstance(block, Paragraph):
                if _caption_index().match(block.text) is not None:
                    readers[fmt.proactive.id].caption(block.text, block.location or "")
                    fed.setdefault(fmt.proactive.id, block.location or "")
                continue
            number += 1
            table_id = _classify(block, fmt.version) or context
            location = block.location or f"table {number}"
            if table_id is None:
                findings.append(
                    rf.finding(
                        rf.TABLE_UNKNOWN,
                        Severity.NOTICE,
                        f"{location}不是三张统计表中的任何一张，未读取",
                        f"{location} is none of the three statistic tables; not read",
                        location=location,
                    )
                )
                continue
            recognised += 1
            fed.setdefault(table_id, location)
            readers[table_id].feed(
                grid_rows(block.cells, block.origin, _row_locations(block, number))
            )
    tables: dict[str, Table] = {}
    for spec in fmt.tables:
        if spec.id not in fed:
            tables[spec.id] = Table.blank(spec)
            findings.append(
                rf.finding(
                    rf.TABLE_MISSING,
                    Severity.WARNING,
                    f"没有找到表{spec.number}（{spec.title}），其单元格保留为空",
                    f"table {spec.number} ({spec.english}) was not found; its cells are left blank",
                    paths=(spec.id,),
                    uncertain=True,
                )
            )
            continue
        table, table_findings = readers[spec.id].result(fed[spec.id])
        tables[spec.id] = table
        findings.extend(table_findings)
    return tables, findings, recognised


# --- front matter and signature ------------------------------------------------------------


@attrs.define
class _Front:
    title: _meta.Title | None = None
    title_text: str | None = None
    intro: list[str] = attrs.Factory(list)
    publication: dt.date | None = None
    signing: dt.date | None = None
    findings: list[Finding] = attrs.Factory(list)


def _date_value(
    text: str,
    where: str,
    location: str,
    findings: list[Finding],
    path: str = "metadata.signing_date",
) -> dt.date | None:
    value = _meta.parse_date(text)
    if isinstance(value, str):
        findings.append(
            rf.finding(
                rf.DATE,
                Severity.WARNING,
                f"{where}“{value}”不是有效日期，未读取",
                f"the {where} {value!r} is not a real date; not read",
                paths=(path,),
                reported=value,
                location=location,
                uncertain=True,
            )
        )
        return None
    return value


_INFO_KINDS = {
    **dict.fromkeys(_meta.PUBLICATION_LABELS, "publication"),
    **dict.fromkeys(_meta.SIGNING_LABELS, "signing"),
}
_KIND_ZH = {"publication": "发布日期", "signing": "成文日期"}
_KIND_EN = {"publication": "publication date", "signing": "signing date"}


def _info_dates(lines: Sequence[tuple[str, str]], front: _Front) -> None:
    """The publication and signing dates that info lines near the title state.

    A date is taken only from a label that says which date it is (发布日期, 公开日期 →
    publication; 成文日期 → signing), and only when every line stating it agrees; a bare
    "日期：" or two different publication dates are reported and not read.
    """
    found: dict[str, dict[dt.date, str]] = {"publication": {}, "signing": {}}
    for text, location in lines:
        for label, value in _meta.info_line(text) or ():
            kind = _INFO_KINDS.get(label)
            if kind is not None:
                path = f"metadata.{kind}_date"
                date = _date_value(value, label, location, front.findings, path)
                if date is not None:
                    found[kind].setdefault(date, text)
            elif label in _meta.UNCLEAR_LABELS and _meta.parse_date(value) is not None:
                front.findings.append(
                    rf.finding(
                        rf.DATE,
                        Severity.NOTICE,
                        f"标题旁的“{text.strip()}”没有说明是发布日期还是成文日期，未读取",
                        f"{text.strip()!r} near the title does not say whether it is the "
                        "publication or the signing date; not read",
                        paths=("metadata.publication_date", "metadata.signing_date"),
                        reported=value,
                        location=location,
                        uncertain=True,
                    )
                )
    for kind, dates in found.items():
        if len(dates) > 1:
            shown = sorted(dates)
            zh = "、".join(f"{d.year}年{d.month}月{d.day}日" for d in shown)
            front.findings.append(
                rf.finding(
                    rf.DATE,
                    Severity.NOTICE,
                    f"标题旁写了不同的{_KIND_ZH[kind]}（{zh}），未读取",
                    f"the lines near the title state different {_KIND_EN[kind]}s "
                    f"({', '.join(d.isoformat() for d in shown)}); none was read",
                    paths=(f"metadata.{kind}_date",),
                    reported=" / ".join(dates.values()),
                    uncertain=True,
                )
            )
        elif dates:
            [date] = dates
            if kind == "publication":
                front.publication = date
            else:
                front.signing = front.signing or date


def _find_title(
    paragraphs: Sequence[Paragraph], trusted: bool
) -> tuple[int, int, _meta.Title | None] | None:
    """(first, last, parsed) paragraphs of the title, or ``None``.

    A title may be one paragraph, or be broken over two or three short lines anywhere
    ("温州市洞头区政务服务中心" / "2020年政府信息公开工作年度报告", or
    "2019年上海市人民政府办公厅" / "政府信息公开工作年度报告").
    """
    if trusted:
        levels = [i for i, p in enumerate(paragraphs) if p.level == 0]
        if not levels:
            return None
        first = last = levels[0]
        while last + 1 < len(paragraphs) and paragraphs[last + 1].level == 0:
            last += 1
        joined = "".join(p.text for p in paragraphs[first : last + 1])
        return first, last, _meta.parse_title(joined)
    for i, p in enumerate(paragraphs):
        parsed = _meta.parse_title(p.text)
        if parsed is not None:
            if parsed.agency is None and i > 0 and _meta.looks_like_agency(paragraphs[i - 1].text):
                joined = paragraphs[i - 1].text.strip() + parsed.text
                parsed = _meta.parse_title(joined) or parsed
                if parsed.agency is not None:
                    return i - 1, i, parsed
            return i, i, parsed
        if not _meta.looks_like_agency(p.text):
            continue
        for size in (2, 3):
            span = paragraphs[i : i + size]
            if len(span) < size or not all(
                _meta.looks_like_agency(q.text) or q is span[-1] for q in span
            ):
                break
            parsed = _meta.parse_title("".join(q.text.strip() for q in span))
            if parsed is not None and parsed.agency is not None:
                return i, i + size - 1, parsed
    return None


def _front(paragraphs: Sequence[Paragraph], trusted: bool) -> _Front:
    """Title, the dates stated around it, and the intro.

    Info lines ("发布日期：2020-01-31　来源：…") are read only next to the title: the run
    just above it and the run between it and the intro's first paragraph (our own
    documents print none, so their text is never taken for one).
    """
    front = _Front()
    found = _find_title(paragraphs, trusted)
    start = 0
    info: list[tuple[str, str]] = []
    if found is not None:
        first, last, parsed = found
        front.title = parsed
        title_par = paragraphs[last]
        if trusted:
            front.title_text = "".join(p.text for p in paragraphs[first : last + 1])
        elif parsed is not None:
            front.title_text = parsed.text
        else:
            front.title_text = "".join(p.text.strip() for p in paragraphs[first : last + 1])
        above = first
        while not trusted and above > 0 and _meta.info_line(paragraphs[above - 1].text):
            above -= 1
        info.extend((p.text, p.location or "") for p in paragraphs[above:first])
        if above > 0:
            skipped = paragraphs[:above]
            front.findings.append(
                rf.finding(
                    rf.PREAMBLE,
                    Severity.NOTICE,
                    f"标题之前的{len(skipped)}段文字（如“{skipped[0].text.strip()[:30]}”）"
                    "未作为报告内容读取",
                    f"{len(skipped)} paragraph(s) before the title (e.g. "
                    f"{skipped[0].text.strip()[:30]!r}) were not read as part of the report",
                    location=skipped[0].location,
                )
            )
        start = last + 1
        if parsed is not None and parsed.date_text:
            front.signing = _date_value(
                parsed.date_text, "标题下的日期", title_par.location or "", front.findings
            )
        if parsed is not None and parsed.info:
            info.append((parsed.info, title_par.location or ""))
    for p in paragraphs[start:]:
        text = p.text if trusted else p.text.strip()
        if not text.strip() and not (trusted and p.role == "blank"):
            continue
        if trusted:
            front.intro.append(text)
            continue
        if not front.intro and _meta.info_line(text) is not None:
            info.append((text, p.location or ""))
            continue
        if not front.intro and _meta.is_date_line(text) and found is not None:
            front.signing = front.signing or _date_value(
                text, "标题下的日期", p.location or "", front.findings
            )
            continue
        front.intro.append(text)
    _info_dates(info, front)
    return front


@attrs.define
class _Signature:
    agency: str | None = None
    date: dt.date | None = None
    findings: list[Finding] = attrs.Factory(list)


def _signature(part: _Part, trusted: bool) -> _Signature:
    """Take the signature (agency, then date) off the end of the last part."""
    sig = _Signature()
    indices = [i for i, b in enumerate(part.blocks) if isinstance(b, Paragraph) and b.text.strip()]
    tail = indices[-4:]
    date_at = None
    for i in reversed(tail):
        p = part.blocks[i]
        assert isinstance(p, Paragraph)
        if (trusted and p.role == "date") or (
            not trusted and (p.role == "date" or _meta.is_date_line(p.text))
        ):
            date_at = i
            break
    agency_at = None
    if date_at is not None:
        p = part.blocks[date_at]
        assert isinstance(p, Paragraph)
        sig.date = _date_value(p.text, "落款日期", p.location or "", sig.findings)
        before = [i for i in indices if i < date_at]
        if before:
            candidate = part.blocks[before[-1]]
            assert isinstance(candidate, Paragraph)
            if candidate.role == "signature" or (
                not trusted and _meta.looks_like_agency(candidate.text)
            ):
                agency_at = before[-1]
                sig.agency = candidate.text.strip()
        after = [i for i in indices if i > date_at]
        if after:
            first = part.blocks[after[0]]
            assert isinstance(first, Paragraph)
            sig.findings.append(
                rf.finding(
                    rf.TRAILING,
                    Severity.NOTICE,
                    f"落款之后的{len(after)}段文字（如“{first.text.strip()[:30]}”）未作为报告内容读取",
                    f"{len(after)} paragraph(s) after the signature (e.g. "
                    f"{first.text.strip()[:30]!r}) were not read as part of the report",
                    location=first.location,
                )
            )
        drop = {date_at, *after}
        if agency_at is not None:
            drop.add(agency_at)
        part.blocks = [b for i, b in enumerate(part.blocks) if i not in drop]
    elif indices:
        last = part.blocks[indices[-1]]
        assert isinstance(last, Paragraph)
        if last.role == "signature":
            sig.agency = last.text.strip()
            part.blocks = [b for i, b in enumerate(part.blocks) if i != indices[-1]]
    return sig


def _undated_signature(part: _Part, agency: str, sig: _Signature) -> None:
    """A last paragraph that repeats the title's agency is the signature, even undated."""
    for i in range(len(part.blocks) - 1, -1, -1):
        block = part.blocks[i]
        if not isinstance(block, Paragraph) or not block.text.strip():
            continue
        if normalize(block.text) == normalize(agency):
            sig.agency = block.text.strip()
            del part.blocks[i]
        return


# --- metadata -------------------------------------------------------------------------------


def _agency_kind(agency: str) -> tuple[AgencyKind, Finding]:
    kind = _meta.agency_kind(agency)
    if kind is not None:
        return kind, rf.finding(
            rf.AGENCY_KIND,
            Severity.NOTICE,
            f"机关类型未在报告中写明，按名称“{agency}”推定为{kind.label}",
            f"the agency kind is not printed; inferred from the name {agency!r} as {kind.value}",
            paths=("metadata.agency_kind",),
        )
    return AgencyKind.DEPARTMENT, rf.finding(
        rf.AGENCY_KIND,
        Severity.NOTICE,
        f"机关类型未在报告中写明，名称“{agency}”也不能说明，假定为政府部门；如不是，请更正",
        f"the agency kind is not printed and the name {agency!r} does not show it; "
        "assumed to be a government department; correct it if it is not",
        paths=("metadata.agency_kind",),
    )


def _year(
    front: _Front,
    parts: Sequence[_Part],
    signing: dt.date | None,
    findings: list[Finding],
    known: int | None = None,
) -> int:
    if front.title is not None:
        return front.title.year
    if known is not None:
        return known
    texts = list(front.intro)
    for part in parts[1:2]:
        texts.extend(b.text for b in part.blocks if isinstance(b, Paragraph))
    for text in texts:
        year = _meta.statistics_year(text)
        if year is not None:
            findings.append(
                rf.finding(
                    rf.YEAR,
                    Severity.NOTICE,
                    f"没有标题，年度按统计期限取为{year}年",
                    f"no title; the year {year} was taken from the statistics period",
                    paths=("metadata.year",),
                )
            )
            return year
    if signing is not None:
        year = signing.year - 1
        findings.append(
            rf.finding(
                rf.YEAR,
                Severity.WARNING,
                f"标题和统计期限都没有写明年度，按成文日期推定为{year}年",
                f"neither a title nor a statistics period states the year; {year} was "
                "assumed from the signing date",
                paths=("metadata.year",),
            )
        )
        return year
    raise ReportReadError(
        "cannot tell which year the report is on: no title, statistics period or signing date"
    )


def _version(grids: Sequence[Grid], year: int, findings: list[Finding]) -> FormatVersion:
    version, scores = _detect_version(grids)
    if version is not None:
        return version
    try:
        fallback = format_for_year(year).version
    except UnknownFormatError:
        fallback = FormatVersion.V2019
    findings.append(
        rf.finding(
            rf.FORMAT,
            Severity.NOTICE,
            f"表格标签不能说明格式版本，按年度取{fallback.value}年格式",
            f"the table labels do not tell the format version; the {fallback.value} format "
            f"was taken from the year (labels: 2019 {scores[FormatVersion.V2019]}, 2021 "
            f"{scores[FormatVersion.V2021]})",
            paths=("metadata.format_version",),
        )
    )
    return fallback


def _processing_fee(parts: Sequence[_Part]) -> tuple[ProcessingFee | None, list[Finding]]:
    """The 信息处理费 section 六 states explicitly, with a finding quoting the statement."""
    part = next((p for p in parts if p.spec is not None and p.spec.id == _FEE_SECTION), None)
    if part is None:
        return None, []
    paragraphs = [b for b in part.blocks if isinstance(b, Paragraph) and b.text.strip()]
    reading = read_fee(p.text for p in paragraphs)
    if reading is None:
        return None, []
    location = paragraphs[reading.paragraph].location or part.location
    heading = part.spec.heading if part.spec is not None else ""
    if reading.fee is None:
        return None, [
            rf.finding(
                rf.FEE,
                Severity.NOTICE,
                f"“{heading}”中的信息处理费表述不明确（{reading.problem_zh}），未读取："
                f"“{reading.quote}”",
                f"section 六 states the processing fee ambiguously ({reading.problem_en}); "
                f"not read: {reading.quote!r}",
                paths=("processing_fee",),
                reported=reading.quote,
                location=location,
                uncertain=True,
            )
        ]
    amount = reading.fee.amount
    return reading.fee, [
        rf.finding(
            rf.FEE,
            Severity.NOTICE,
            f"信息处理费按“{heading}”的表述读取为{amount}元：“{reading.quote}”",
            f"the processing fee was read from the text of section 六 as {amount} yuan: "
            f"{reading.quote!r}",
            paths=("processing_fee",),
            reported=reading.quote,
            location=location,
        )
    ]


def assemble(
    blocks: Sequence[Block],
    *,
    source: str = "<bytes>",
    trusted_levels: bool = False,
    known: Known | None = None,
) -> ReadResult:
    """A report and the reader's findings from a document's blocks.

    Args:
        blocks: the document in reading order.
        source: how to name the document in error messages.
        trusted_levels: the blocks come from a source whose structure is exact (our own
            DOCX output): only ``level`` 1 paragraphs are section headings, only level 2
            are sub-headings, only level 0 the title, and the signature is the paragraphs
            whose ``role`` says so. Otherwise levels are hints and the text decides.
        known: what the source states outside its printed text (our own output's
            unprinted fields and identity): taken as given, neither inferred nor
            reported (see :class:`~govinfo_report.readers._known.Known`).

    Raises:
        ReportReadError: the blocks hold no report (no section heading and no statistic
            table), or no year can be found.
    """
    check_paragraphs(sum(isinstance(b, Paragraph) for b in blocks), source)
    known = known or Known()
    parts, findings = _split_parts(blocks, trusted_levels)
    grids = [b for part in parts for b in part.blocks if isinstance(b, Grid)]
    has_headings = len(parts) > 1
    signature = _signature(parts[-1], trusted_levels)
    findings.extend(signature.findings)
    front_paragraphs = [b for b in parts[0].blocks if isinstance(b, Paragraph)]
    front = _front(front_paragraphs, trusted_levels)
    findings.extend(front.findings)
    if signature.agency is None and front.title is not None and front.title.agency:
        _undated_signature(parts[-1], front.title.agency, signature)
    if not has_headings and not any(_classify(g, v) for g in grids for v in FormatVersion):
        raise ReportReadError(
            f"{source} does not look like a report (政府信息公开工作年度报告): no section "
            "heading and no statistic table found"
        )
    signing = signature.date or front.signing
    try:
        year = _year(front, parts, signing, findings, known.year)
    except ReportReadError as exc:
        raise ReportReadError(f"{source}: {exc}") from None
    version = known.format_version or _version(grids, year, findings)
    fmt = get_format(version)
    tables, table_findings, recognised = _read_tables(parts, fmt)
    if not has_headings and recognised == 0:
        raise ReportReadError(
            f"{source} does not look like a report (政府信息公开工作年度报告): no section "
            "heading and no statistic table found"
        )

    title_agency = front.title.agency if front.title is not None else None
    agency = title_agency or signature.agency or ""
    if front.title is None and not trusted_levels:
        findings.append(
            rf.finding(
                rf.TITLE,
                Severity.NOTICE,
                "没有找到标题行",
                "no title line was found",
                paths=("metadata.title",),
            )
        )
    if known.agency is not None:
        pass  # the source records its agency: the title and signature are not asked
    elif not agency:
        findings.append(
            rf.finding(
                rf.AGENCY,
                Severity.WARNING,
                "标题和落款都没有写明机关名称",
                "neither the title nor the signature names the agency",
                paths=("metadata.agency",),
                uncertain=True,
            )
        )
    elif (
        title_agency and signature.agency and normalize(title_agency) != normalize(signature.agency)
    ):
        findings.append(
            rf.finding(
                rf.AGENCY,
                Severity.NOTICE,
                f"标题中的机关“{title_agency}”与落款“{signature.agency}”不同，采用标题中的名称",
                f"the title names {title_agency!r} and the signature {signature.agency!r}; "
                "the title's name was taken",
                paths=("metadata.agency",),
                reported=signature.agency,
            )
        )
    if signing is None and not trusted_levels:
        # Our own output prints no date when the report has none: nothing was missed.
        findings.append(
            rf.finding(
                rf.DATE,
                Severity.NOTICE,
                "没有找到成文日期（落款日期）",
                "no signing date was found",
                paths=("metadata.signing_date",),
            )
        )
    if known.agency_kind is not None:
        kind = known.agency_kind
    else:
        kind, kind_finding = _agency_kind(agency)
        findings.append(kind_finding)

    sections = tuple(_section(part, trusted_levels) for part in parts[1:])
    found = {s.id for s in sections}
    for spec in fmt.sections:
        if spec.id not in found:
            findings.append(
                rf.finding(
                    rf.SECTION_MISSING,
                    Severity.WARNING,
                    f"没有找到“{spec.heading}”部分",
                    f"section {spec.number} ({spec.english}) was not found",
                    paths=(f"sections.{spec.id}",),
                )
            )
    if known.states_fee:
        fee = known.processing_fee
    else:
        fee, fee_findings = _processing_fee(parts)
        findings.extend(fee_findings)
    closing = [b.text for part in parts[1:] for b in part.blocks if isinstance(b, Paragraph)][-3:]
    contact, ambiguous = _meta.contact([*front.intro, *closing])
    if known.contact is not None:
        contact, ambiguous = known.contact, []
    if ambiguous:
        findings.append(
            rf.finding(
                rf.CONTACT,
                Severity.NOTICE,
                f"联系方式（{'、'.join(ambiguous)}）出现了不同的写法，未读取",
                f"contact details ({', '.join(ambiguous)}) are stated with different values; "
                "not read",
                paths=tuple(f"metadata.contact.{name}" for name in ambiguous),
            )
        )
    metadata = Metadata(
        agency=agency,
        year=year,
        format_version=version,
        agency_kind=kind,
        signing_date=signing,
        publication_date=known.publication_date or front.publication,
        title=None,
        contact=contact,
    )
    printed = metadata.standard_title if front.title_text is None else front.title_text
    if known.agency is not None and known.year is not None:
        # A custom title may print another year or agency (or none): the recorded
        # identity is the report's, and the printed title is kept as printed.
        metadata = attrs.evolve(metadata, agency=known.agency, year=known.year)
    if printed != metadata.standard_title:
        metadata = attrs.evolve(metadata, title=printed)
    if known.sideways_after is not None:
        tables["review_litigation"] = restore_after(
            tables["review_litigation"], known.sideways_after
        )
    report = Report(
        metadata=metadata,
        intro=tuple(front.intro),
        sections=sections,
        proactive=tables["proactive"],
        applications=tables["applications"],
        review_litigation=tables["review_litigation"],
        processing_fee=fee,
    )
    return ReadResult(report, (*findings, *table_findings))
