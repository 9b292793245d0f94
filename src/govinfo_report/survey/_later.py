"""The phases after reading: years (X.*), levels (H.1) and 雷同 (DUP.1), from the cache.

Each reads the summaries phase 1 stored and adds a *part* (findings, their counts, the
statuses of the rules it applied) to the files it concerns, and links (previous file,
parent); the exports merge them in. They run in the main process, on the stored table
values (pairing), on reports rebuilt from them (levels), on the stored sketches (雷同).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from govinfo_report._agency import agency_key
from govinfo_report.findings import Finding
from govinfo_report.model import Report
from govinfo_report.survey import _json
from govinfo_report.survey._cache import Cache, load_sketch
from govinfo_report.survey._pairing import (
    cross_year_codes,
    cross_year_on_tables,
    groups,
    lite_from_stored,
)
from govinfo_report.survey._payload import decode_tables
from govinfo_report.survey._renamed import Renamed, possible_renames
from govinfo_report.survey._summary import counts, findings_jsonl, rule_statuses

if TYPE_CHECKING:
    from govinfo_report.survey._hierarchy import Hierarchy


def cross_year(cache: Cache) -> tuple[int, tuple[tuple[str, int, tuple[str, ...]], ...]]:
    """Pair every report with its agency's previous year: (pairs, duplicate agency-years)."""
    n = 0
    duplicated = []
    for group, before in groups(cache.group_rows()):
        if len(group.files) > 1:
            duplicated.append((group.key, group.year, tuple(group.files)))
        if before is None:
            continue
        applied = cross_year_codes(group.version, before.version)
        for i, file in enumerate(group.files):
            version, tables = group.version, group.tables
            if i:  # a duplicate: its own tables (rare, so looked up one by one)
                stored = cache.one(file)
                version, tables = stored[3], decode_tables(stored[5])
            found = cross_year_on_tables(version, tables, before.version, before.tables)
            statuses = rule_statuses(found, applied)
            cache.add_part(file, "x", statuses, counts(found), findings_jsonl(file, found))
            cache.link(file, previous_file=before.files[0])
            n += 1
    return n, tuple(duplicated)


def renamed(cache: Cache) -> list[Renamed]:
    """The reports that may continue another agency key's of the year before (an agency
    named with its region one year, without it the next): listed, never paired; each
    file's ``maybe_previous_file`` link names them (``; `` between two)."""
    found = possible_renames(
        cache.db.execute(
            "SELECT agency_key, year, min(path) FROM files WHERE status != 'unreadable' "
            "AND agency_key != '' GROUP BY agency_key, year"
        )
    )
    previous: dict[str, list[str]] = {}
    for item in found:
        previous.setdefault(item.file, []).append(item.previous_file)
    for file, files in previous.items():
        cache.link(file, maybe_previous_file="; ".join(files))
    return found


def levels(cache: Cache, hierarchy: Hierarchy | None) -> int:
    """H.1 on every whole-region parent of ``hierarchy`` (None: from the agencies' names),
    and each child's ``parent`` link: the number of parent reports checked.

    Each year, a parent's report (the first by path, as in pairing) is checked against
    its children's reports of that year (``None`` for a child without one, which
    makes the cells it would add up uncertain).
    """
    from govinfo_report.survey import _hierarchy

    first: dict[tuple[str, int], str] = {}
    names: dict[str, str] = {}
    for path, key, year, row in cache.db.execute(
        "SELECT path, agency_key, year, row FROM files WHERE status != 'unreadable' "
        "AND agency_key != '' ORDER BY agency_key, year, path"
    ):
        first.setdefault((key, year), path)
        names.setdefault(key, _json.tree(row)["agency"])
    tree = hierarchy or _hierarchy.auto_hierarchy(sorted(names.values()))
    years_of: dict[str, list[int]] = {}
    for key, year in first:
        years_of.setdefault(key, []).append(year)
    checked = 0
    for level in tree:
        parent_key = agency_key(level.parent)
        children = tuple(dict.fromkeys(agency_key(c) for c in level.children))
        for year in sorted(years_of.get(parent_key, ())):
            parent_path = first[parent_key, year]
            kids: dict[str, Report | None] = {}
            for child in children:
                child_path = first.get((child, year))
                if child_path is None:
                    kids[child] = None
                    continue
                cache.link(child_path, parent=parent_path)
                kids[child] = lite_from_stored(cache.one(child_path))
            if not level.whole_region:
                continue  # H.1 applies only where the parent reports the region as a whole
            found = _hierarchy.check_level(lite_from_stored(cache.one(parent_path)), kids)
            statuses = rule_statuses(found, (_hierarchy.CODE,))
            cache.add_part(
                parent_path, "h", statuses, counts(found), findings_jsonl(parent_path, found)
            )
            checked += 1
    return checked


def similarity(cache: Cache) -> None:
    """DUP.1 for every readable report: against the other agencies' reports of its year
    and its agency's previous year, from the sketches phase 1 stored."""
    from govinfo_report.survey import _similar

    index = _similar.SimilarIndex(previous=True)
    # Documents are numbered in path order, never by rowid (the order files were stored
    # in, which depends on scheduling): a finding's examples are the first by number.
    readable = (
        "SELECT path, agency_key, year, sketch FROM files "
        "WHERE status != 'unreadable' ORDER BY path"
    )
    paths = []
    for doc_id, (path, key, year, sketch) in enumerate(cache.db.execute(readable)):
        paths.append(path)
        if sketch is not None:
            index.add(doc_id, key, year, load_sketch(sketch))
    # Each document's findings are made when it is reached and stored at once.
    found = index.iter_findings()
    pending = next(found, None)
    for doc_id, path in enumerate(paths):
        mine: tuple[Finding, ...] = ()
        if pending is not None and pending[0] == doc_id:
            mine = pending[1]
            pending = next(found, None)
        statuses = rule_statuses(mine, (_similar.CODE,))
        cache.add_part(path, "dup", statuses, counts(mine), findings_jsonl(path, mine))


__all__ = ["cross_year", "levels", "similarity"]
