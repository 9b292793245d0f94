"""The package root: what ``import govinfo_report`` offers, and its version."""

from __future__ import annotations

import importlib.metadata

import pytest

import govinfo_report
from govinfo_report import _version


@pytest.mark.parametrize(
    ("name", "home"),
    [
        ("load", "govinfo_report.serialize"),
        ("dump", "govinfo_report.serialize"),
        ("loads", "govinfo_report.serialize"),
        ("dumps", "govinfo_report.serialize"),
        ("describe", "govinfo_report.catalog"),
        ("RuleInfo", "govinfo_report.findings"),
        ("Reader", "govinfo_report.readers"),
        ("Writer", "govinfo_report.writers"),
        ("Lang", "govinfo_report.findings"),
        ("Finding", "govinfo_report.findings"),
    ],
)
def test_root_exports_the_object_of_its_home(name: str, home: str) -> None:
    assert name in govinfo_report.__all__
    assert getattr(govinfo_report, name) is getattr(importlib.import_module(home), name)


def _isort_key(name: str) -> tuple[int, str]:
    # The order ruff keeps __all__ in (RUF022): constants, then classes, then the rest.
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, name


def test_all_is_sorted_and_complete() -> None:
    names = govinfo_report.__all__
    assert list(names) == sorted(names, key=_isort_key)
    assert all(hasattr(govinfo_report, name) for name in names)


def test_describe_finds_check_and_reader_codes() -> None:
    assert govinfo_report.describe("T3.1").code == "T3.1"
    assert govinfo_report.describe("R.CELL").code == "R.CELL"


def test_loads_dumps_round_trip_from_the_root() -> None:
    report = govinfo_report.blank_report(year=2021, agency="某某局")
    assert govinfo_report.loads(govinfo_report.dumps(report, "json"), "json") == report


def test_version_comes_from_the_package_metadata() -> None:
    assert govinfo_report.__version__ == importlib.metadata.version("govinfo-report")


def test_version_of_a_tree_never_installed_is_unknown() -> None:
    assert _version.package_version("govinfo-report-never-installed") == _version.UNKNOWN


@pytest.mark.parametrize(
    ("old", "new", "name"),
    [
        ("govinfo_report.checks.findings", "govinfo_report.findings", "Finding"),
        ("govinfo_report.checks.findings", "govinfo_report.findings", "Severity"),
        ("govinfo_report.checks.findings", "govinfo_report.findings", "Status"),
        ("govinfo_report.checks.findings", "govinfo_report.findings", "Lang"),
        ("govinfo_report.checks.catalog", "govinfo_report.findings", "RuleInfo"),
        ("govinfo_report.checks.catalog", "govinfo_report.findings", "entry"),
        ("govinfo_report.checks", "govinfo_report.errors", "PreviousReportMismatch"),
        ("govinfo_report.model.cells", "govinfo_report.errors", "AmountRangeError"),
        (
            "govinfo_report.writers.markdown",
            "govinfo_report._markdown_conventions",
            "FRONT_MATTER_KEY",
        ),
        (
            "govinfo_report.writers.markdown",
            "govinfo_report._markdown_conventions",
            "PATH_SEPARATOR",
        ),
        ("govinfo_report.serialize", "govinfo_report.serialize._scalars", "structure_agency_kind"),
        ("govinfo_report.checks.report_rules", "govinfo_report.checks.text_rules", "parse_count"),
        ("govinfo_report.checks.rules", "govinfo_report.checks.linear_rules", "sum_equals"),
        ("govinfo_report.cli", "govinfo_report.cli._app", "main"),
    ],
)
def test_moved_names_keep_their_old_import_path(old: str, new: str, name: str) -> None:
    moved = getattr(importlib.import_module(new), name)
    assert getattr(importlib.import_module(old), name) is moved
