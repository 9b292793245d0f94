"""The installed version of the package, read from its metadata (one source: pyproject)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "govinfo-report"
UNKNOWN = "0+unknown"
"""The version of a source tree that was never installed (no metadata to read)."""


def package_version(distribution: str = DISTRIBUTION) -> str:
    """The version of ``distribution`` as installed, or :data:`UNKNOWN` if it is not."""
    try:
        return version(distribution)
    except PackageNotFoundError:
        return UNKNOWN
