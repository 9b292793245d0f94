"""Where a survey meets the rules of levels (H.1) and 雷同 (DUP.1), and the dashboard.

Those live in their own modules (``_hierarchy``, ``_similar``, ``_dashboard``), built
alongside the survey; this module is the one place that imports them, so that a survey
runs (and says which of them it skipped) with any of them absent. Each hook names the
function it stands for.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

from govinfo_report.model import Report


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"govinfo_report.survey.{name}")
    except ImportError:
        return None


def similar_available() -> bool:
    """Whether DUP.1 can be judged (``survey/_similar.py`` and its libraries present)."""
    return _module("_similar") is not None


def sketch_of(report: Report) -> Any:
    """``_similar.sketch(report)``: the small picklable DUP.1 sketch; None without it."""
    similar = _module("_similar")
    return None if similar is None else similar.sketch(report)


def similar_index() -> Any:
    """A new ``_similar.SimilarIndex()``, or None without the module."""
    similar = _module("_similar")
    return None if similar is None else similar.SimilarIndex()


def compare_previous(report: Report, previous: Report) -> tuple[Any, ...]:
    """``_similar.compare_previous(report, previous)``: DUP.1 against last year's report."""
    similar = _module("_similar")
    return () if similar is None else tuple(similar.compare_previous(report, previous))


def hierarchy_module() -> ModuleType | None:
    """``survey/_hierarchy.py`` (H.1: load_hierarchy, auto_hierarchy, check_level), or None."""
    return _module("_hierarchy")


def write_dashboard(out_dir: Path) -> Path | None:
    """``_dashboard.write_dashboard(out_dir)``: index.html; None (skipped) without it."""
    dashboard = _module("_dashboard")
    if dashboard is None:
        return None
    written: Path = dashboard.write_dashboard(out_dir)
    return written


__all__ = [
    "compare_previous",
    "hierarchy_module",
    "similar_available",
    "similar_index",
    "sketch_of",
    "write_dashboard",
]
