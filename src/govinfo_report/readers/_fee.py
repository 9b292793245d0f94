"""The 信息处理费 a document states in section 六, with a finding saying what was read.

The reading itself (an explicit statement only, one amount in 元) is
:func:`govinfo_report._fee_text.read_fee`, shared with the checks and the writers.
"""

from __future__ import annotations

from collections.abc import Sequence

from govinfo_report import _stated
from govinfo_report._fee_text import read_fee
from govinfo_report.findings import Finding, Severity
from govinfo_report.model import ProcessingFee
from govinfo_report.readers import _findings as rf
from govinfo_report.readers._document import Paragraph
from govinfo_report.readers._sections import Part

FEE_SECTION = _stated.FEE_SECTION
"""The section whose text states the 信息处理费 (六、其他需要报告的事项)."""


def section_fee(parts: Sequence[Part]) -> tuple[ProcessingFee | None, list[Finding]]:
    """The 信息处理费 section 六 states explicitly, with a finding quoting the statement."""
    part = next((p for p in parts if p.spec is not None and p.spec.id == FEE_SECTION), None)
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
