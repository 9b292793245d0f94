"""Every error the library raises on purpose is defined in one place and exported."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import govinfo_report
from govinfo_report import errors
from govinfo_report.errors import GovinfoReportError


def _library_errors() -> dict[str, type[GovinfoReportError]]:
    """Every GovinfoReportError subclass in every module of the package, by qualified name."""
    found: dict[str, type[GovinfoReportError]] = {}
    for module_info in pkgutil.walk_packages(govinfo_report.__path__, "govinfo_report."):
        if module_info.name == "govinfo_report.__main__":
            continue
        module = importlib.import_module(module_info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, GovinfoReportError):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return found


def test_every_library_error_is_defined_in_errors() -> None:
    # The command line's own usage error is not the library's: no library call raises it.
    outside = {
        name
        for name, cls in _library_errors().items()
        if cls.__module__ != errors.__name__ and not cls.__module__.startswith("govinfo_report.cli")
    }
    assert outside == set()


def test_every_error_is_exported_from_the_package_root() -> None:
    defined = {
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value) and issubclass(value, GovinfoReportError)
    }
    assert defined <= set(govinfo_report.__all__)
    assert all(getattr(govinfo_report, name) is getattr(errors, name) for name in defined)


def test_previous_report_mismatch_keeps_its_old_import_path() -> None:
    from govinfo_report.checks import PreviousReportMismatch

    assert PreviousReportMismatch is govinfo_report.PreviousReportMismatch


def test_amount_range_error_is_a_library_error_and_a_value_error() -> None:
    from govinfo_report.model.cells import AmountRangeError

    assert issubclass(AmountRangeError, GovinfoReportError)
    assert issubclass(AmountRangeError, ValueError)
    assert AmountRangeError is govinfo_report.AmountRangeError
