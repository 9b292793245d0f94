"""Surveys of many reports: read and check a corpus, pair years and levels, export figures.

The package is being built for issue 10; today it holds :func:`agency_key`, the one
normalisation of agency names that pairing, hierarchies and exports share.
"""

from __future__ import annotations

from govinfo_report.survey._agency import agency_key

__all__ = ["agency_key"]
