"""The two statutory formats, declared once as data.

``get_format(FormatVersion.V2021)`` (or ``get_format("2021")``) returns the
:class:`FormatSpec` with every section heading, table, row, column and cell of that
format. ``format_for_year(2020)`` is the format prescribed for reports on that year.
"""

from __future__ import annotations

from govinfo_report.errors import UnknownFormatError
from govinfo_report.formats import _refs, v2019, v2021
from govinfo_report.formats._spec import (
    TABLE_IDS,
    CellKind,
    CellSpec,
    Column,
    FormatSpec,
    FormatVersion,
    Row,
    RowGroup,
    SectionSpec,
    TableSpec,
)

FORMATS: dict[FormatVersion, FormatSpec] = {
    FormatVersion.V2019: v2019.FORMAT,
    FormatVersion.V2021: v2021.FORMAT,
}
for _spec in FORMATS.values():
    _refs.register(_spec)  # every declared object pickles by reference


def get_format(version: FormatVersion | str) -> FormatSpec:
    """The format declaration for ``version`` (a :class:`FormatVersion` or "2019"/"2021").

    Raises:
        UnknownFormatError: ``version`` names no statutory format.
    """
    if isinstance(version, FormatVersion):
        return FORMATS[version]
    try:
        return FORMATS[FormatVersion(version)]
    except ValueError:
        expected = ", ".join(repr(v.value) for v in FormatVersion)
        raise UnknownFormatError(
            f"unknown format version {version!r}; expected one of {expected}",
            zh=f"没有格式版本 {version!r}；可用的有 {expected}",
        ) from None


def format_for_year(year: int) -> FormatSpec:
    """The format prescribed for a report on ``year`` (2019, 2020 → 2019 试行; 2021 on → 2021).

    Raises:
        UnknownFormatError: ``year`` is before 2019, when no unified format existed.
    """
    for spec in FORMATS.values():
        if spec.applies_to(year):
            return spec
    raise UnknownFormatError(
        f"no statutory format for reports on {year}; the first covers 2019",
        zh=f"{year} 年度的报告没有法定格式；最早的格式适用于 2019 年度",
    )


__all__ = [
    "FORMATS",
    "TABLE_IDS",
    "CellKind",
    "CellSpec",
    "Column",
    "FormatSpec",
    "FormatVersion",
    "Row",
    "RowGroup",
    "SectionSpec",
    "TableSpec",
    "format_for_year",
    "get_format",
]
