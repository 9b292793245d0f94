"""The signature under the text: the agency and the signing date (落款), taken off the
end of the last section, and what follows them reported, not read.
"""

from __future__ import annotations

import datetime as dt

import attrs

from govinfo_report.findings import Finding, Severity
from govinfo_report.readers import _findings as rf
from govinfo_report.readers import _meta
from govinfo_report.readers._document import Paragraph
from govinfo_report.readers._front import date_value
from govinfo_report.readers._labels import normalize
from govinfo_report.readers._sections import Part


@attrs.define
class Signature:
    """The agency and date under the text, as far as they were found."""

    agency: str | None = None
    date: dt.date | None = None
    findings: list[Finding] = attrs.Factory(list)


def read_signature(part: Part, trusted: bool) -> Signature:
    """Take the signature (agency, then date) off the end of the last part."""
    sig = Signature()
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
        sig.date = date_value(p.text, "落款日期", p.location or "", sig.findings)
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


def undated_signature(part: Part, agency: str, sig: Signature) -> None:
    """A last paragraph that repeats the title's agency is the signature, even undated."""
    for i in range(len(part.blocks) - 1, -1, -1):
        block = part.blocks[i]
        if not isinstance(block, Paragraph) or not block.text.strip():
            continue
        if normalize(block.text) == normalize(agency):
            sig.agency = block.text.strip()
            del part.blocks[i]
        return
