"""What the document rules share: their base class, their findings, Chinese dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from govinfo_report.checks.rules import Context
from govinfo_report.findings import Finding, Severity, Status


def date_zh(date: dt.date) -> str:
    """``2024年1月31日``."""
    return f"{date.year}年{date.month}月{date.day}日"


def finding(
    rule: ReportRule, zh: str, en: str, paths: tuple[str, ...], **values: object
) -> Finding:
    """A failure of ``rule``; ``values`` may override its severity and add the numbers."""
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
class ReportRule:
    """The base of the document rules: a code, a severity, and a cheap pass test."""

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
