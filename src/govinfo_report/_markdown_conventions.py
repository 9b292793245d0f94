"""The conventions the Markdown writer writes and the Markdown reader expects.

Both sides need them, and the readers never import a writer, so they live here, below
both. :mod:`govinfo_report.writers.markdown` re-exports them, where users found them first.
"""

from __future__ import annotations

from typing import Final

from govinfo_report import _embedded

FRONT_MATTER_KEY: Final = _embedded.PROPERTY
"""The front matter key that marks our own output; its value is the embedded version."""
PATH_SEPARATOR: Final = " / "
"""Joins the levels of a row's label path and of a composite column name."""

__all__ = ["FRONT_MATTER_KEY", "PATH_SEPARATOR"]
