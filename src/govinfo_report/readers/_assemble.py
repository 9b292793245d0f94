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

Each stage is a module of its own: :mod:`._sections` (headings, sub-headings),
:mod:`._front` (title, dates, intro), :mod:`._signature`, :mod:`._table_find` (format
version, which grid is which table), :mod:`._identity` (year, agency kind) and
:mod:`._fee`; this module runs them in order and builds the :class:`Report`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from govinfo_report import _stated
from govinfo_report._traditional import is_traditional
from govinfo_report.errors import ReportReadError
from govinfo_report.findings import Severity
from govinfo_report.formats import FormatVersion, get_format
from govinfo_report.model import Metadata, Report
from govinfo_report.readers import _findings as rf
from govinfo_report.readers import _meta
from govinfo_report.readers._document import Block, Grid, Paragraph
from govinfo_report.readers._fee import section_fee
from govinfo_report.readers._front import read_front
from govinfo_report.readers._identity import infer_agency_kind, read_year
from govinfo_report.readers._known import Known, restore_after, restore_closing
from govinfo_report.readers._labels import normalize
from govinfo_report.readers._limits import check_paragraphs
from govinfo_report.readers._registry import ReadResult
from govinfo_report.readers._sections import (
    RUN_IN_WINDOW,
    read_section,
    split_parts,
    split_subheading,
)
from govinfo_report.readers._signature import read_signature, undated_signature
from govinfo_report.readers._table_find import choose_version, classify, read_tables


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
    parts, findings = split_parts(blocks, trusted_levels)
    grids = [b for part in parts for b in part.blocks if isinstance(b, Grid)]
    has_headings = len(parts) > 1
    signature = read_signature(parts[-1], trusted_levels)
    findings.extend(signature.findings)
    front_paragraphs = [b for b in parts[0].blocks if isinstance(b, Paragraph)]
    front = read_front(front_paragraphs, trusted_levels)
    findings.extend(front.findings)
    if signature.agency is None and front.title is not None and front.title.agency:
        undated_signature(parts[-1], front.title.agency, signature)
    if not has_headings and not any(classify(g, v) for g in grids for v in FormatVersion):
        raise _not_a_report(source)
    signing = known.signing_date or signature.date or front.signing
    try:
        year = read_year(front, parts, signing, findings, known.year)
    except ReportReadError as exc:
        raise ReportReadError(f"{source}: {exc}", zh=f"{source}：{exc.message('zh')}") from None
    version = known.format_version or choose_version(grids, year, findings)
    fmt = get_format(version)
    tables, table_findings, recognised = read_tables(parts, fmt)
    if is_traditional(_texts(blocks)):
        findings.append(
            rf.finding(
                rf.TRADITIONAL,
                Severity.NOTICE,
                "文档以繁体中文书写；标签和标题转为简体后匹配，正文按原文保留",
                "the document is written in Traditional Chinese; its labels and headings "
                "were matched after conversion to Simplified, its text kept as printed",
            )
        )
    if not has_headings and recognised == 0:
        raise _not_a_report(source)

    title_agency = front.title.agency if front.title is not None else None
    agency = title_agency or signature.agency or ""
    if front.title is None and not trusted_levels and known.prints_text:
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
    if signing is None and not trusted_levels and known.prints_text:
        # Our own output prints no date when the report has none, a workbook has no
        # text to print one in: nothing was missed.
        findings.append(
            rf.finding(
                rf.DATE,
                Severity.NOTICE,
                "没有找到成文日期（落款日期）",
                "no signing date was found",
                paths=("metadata.signing_date",),
            )
        )
    identity = (
        (known.agency, known.year) if known.agency is not None and known.year is not None else None
    )
    if known.agency_kind is not None:
        kind = known.agency_kind
    else:
        kind, kind_finding = infer_agency_kind(identity[0] if identity else agency)
        findings.append(kind_finding)

    sections = tuple(read_section(part, trusted_levels) for part in parts[1:])
    if known.closing:
        counts = dict(known.closing)
        sections = tuple(
            restore_closing(s, counts[s.id]) if s.id in counts else s for s in sections
        )
    found = {s.id for s in sections}
    for spec in fmt.sections if known.prints_text else ():
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
        fee, fee_findings = section_fee(parts)
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
    if identity is not None:
        # A custom title may print another year or agency (or none): the recorded
        # identity is the report's, and the printed title is kept as printed.
        metadata = attrs.evolve(metadata, agency=identity[0], year=identity[1])
    printed = known.title if known.title is not None else front.title_text
    if printed is not None and printed != metadata.standard_title:
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
    if known.printed:
        # Our writer printed the contact or the fee where the prose did not state them.
        report = _stated.without_printed(report, known.printed)
    return ReadResult(report, (*findings, *table_findings))


def _not_a_report(source: str) -> ReportReadError:
    """The error of a document that holds no report: no heading, no statistic table."""
    return ReportReadError(
        f"{source} does not look like a report (政府信息公开工作年度报告): no section "
        "heading and no statistic table found",
        zh=f"{source} 看起来不是政府信息公开工作年度报告：没有找到章节标题，也没有找到统计表",
    )


__all__ = ["RUN_IN_WINDOW", "assemble", "split_subheading"]


def _texts(blocks: Sequence[Block]) -> Iterator[str]:
    """Every text of the document: paragraphs and table cells."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Grid):
            for row in block.cells:
                yield from row
