"""Reports that may continue another name's reports of the year before: listed, not paired.

A survey pairs each report with the previous year's report of the same agency key. An
agency named with its region one year and without it the next (温州市洞头区政务服务中心,
then 洞头区政务服务中心) gives two keys, and its year goes unchecked against the one
before. Such reports are found here and listed for a person to judge, never paired: the
same shorter name can belong to two agencies (北京市朝阳区政府, 长春市朝阳区政府).

A report of key K on year Y is listed beside the report of key P on Y - 1 when K has no
report on Y - 1, P has none on Y, and one key is the other with a region in front (one
of :func:`govinfo_report._agency.shorter_names` of the other: what follows a region end
and still names a place, so that 政务服务中心 alone is never taken for an agency).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from govinfo_report._agency import shorter_names


class Renamed(NamedTuple):
    """A report that may be the next year of another name's (see the module)."""

    file: str
    key: str
    year: int
    previous_file: str
    previous_key: str


def possible_renames(first: Iterable[tuple[str, int, str]]) -> list[Renamed]:
    """Each report that may continue another key's of the year before, by file.

    Args:
        first: ``(agency key, year, first file)`` of every agency-year (the file that
            the next year pairs with).
    """
    files: dict[tuple[str, int], str] = {(key, year): path for key, year, path in first}
    longer: dict[tuple[str, int], list[str]] = {}  # (shorter name, year) -> keys
    for key, year in files:
        for name in shorter_names(key):
            longer.setdefault((name, year), []).append(key)
    found = []
    for (key, year), path in files.items():
        if (key, year - 1) in files:
            continue  # paired under its own key
        candidates = [name for name in shorter_names(key) if (name, year - 1) in files]
        candidates += longer.get((key, year - 1), [])
        for previous in sorted(set(candidates)):
            if (previous, year) not in files:  # that key did not go on under its name
                found.append(Renamed(path, key, year, files[previous, year - 1], previous))
    return sorted(found)


__all__ = ["Renamed", "possible_renames"]
