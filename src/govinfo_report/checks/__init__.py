"""The validator: every 勾稽关系 and the other rules, as data, and the findings they produce."""

from __future__ import annotations

from govinfo_report.checks.findings import Finding, Severity, Status

__all__ = ["Finding", "Severity", "Status"]
