"""Who and when, where the document does not print it plainly: the agency kind
inferred from the name, and the year taken from the title, the statistics period or the
signing date, each inference said in a finding.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from govinfo_report.errors import ReportReadError
from govinfo_report.findings import Finding, Severity
from govinfo_report.model import AgencyKind
from govinfo_report.readers import _findings as rf
from govinfo_report.readers import _meta
from govinfo_report.readers._document import Paragraph
from govinfo_report.readers._front import Front
from govinfo_report.readers._sections import Part


def infer_agency_kind(agency: str) -> tuple[AgencyKind, Finding]:
    """The kind the name shows (or 政府部门 assumed), with the notice saying so."""
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


def read_year(
    front: Front,
    parts: Sequence[Part],
    signing: dt.date | None,
    findings: list[Finding],
    known: int | None = None,
) -> int:
    """The report's year: the title's, the source's, the statistics period's, or the
    signing date's minus one, each but the first two with a finding."""
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
        "cannot tell which year the report is on: no title, statistics period or signing date",
        zh="无法判断报告是哪一年度的：没有标题、统计期限或成文日期",
    )
