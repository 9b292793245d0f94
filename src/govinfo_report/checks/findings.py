"""Findings, re-exported from :mod:`govinfo_report.findings` where they now live.

Findings are shared by the checks and the readers, so they sit below both; this module
keeps the import path ``govinfo_report.checks.findings`` working for existing code.
"""

from __future__ import annotations

from govinfo_report.findings import Finding, Lang, Number, Severity, Status

__all__ = ["Finding", "Lang", "Number", "Severity", "Status"]
