"""The phases after reading: years (X.*), levels (H.1) and 雷同 (DUP.1), from the cache.

Each reads the summaries phase 1 stored and adds a *part* (findings, their counts, the
statuses of the rules it applied) to the files it concerns, and links (previous file,
parent); the exports merge them in. They run in the main process, on reports rebuilt
from the stored tables (and text), one or two at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from govinfo_report.findings import Finding
from govinfo_report.model import Report
from govinfo_report.survey import _hooks as hooks
from govinfo_report.survey._cache import Cache, load_sketch
from govinfo_report.survey._pairing import (
    cross_year_codes,
    cross_year_on_tables,
    groups,
    lite_from_stored,
)
from govinfo_report.survey._payload import decode_tables
from govinfo_report.survey._summary import counts, findings_jsonl, rule_statuses


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


def _pairs(cache: Cache) -> Iterator[tuple[str, str]]:
    """``(file, previous file)`` of every paired report."""
    for group, before in groups(cache.group_rows()):
        if before is not None:
            for file in group.files:
                yield file, before.files[0]


def levels(cache: Cache, hierarchy: str | os.PathLike[str]) -> tuple[int, str | None]:
    """H.1 on every parent of ``hierarchy`` (a file, or ``"auto"``): (parents, why not)."""
    module = hooks.hierarchy_module()
    if module is None:
        return 0, "H.1 (汇总): the hierarchy module is not installed"
    latest: dict[tuple[str, int], Any] = {}
    agencies: dict[str, str] = {}
    for stored in cache.readable():
        path, key, year, _version, row, *_ = stored
        latest.setdefault((key, year), path)
        agencies.setdefault(key, _agency_of(row))
    if str(hierarchy) == "auto":
        tree = module.auto_hierarchy(sorted(agencies.values()))
    else:
        tree = module.load_hierarchy(hierarchy)
    n = 0
    for parent_key, children in _parents(tree):
        years = sorted({y for (k, y) in latest if k == parent_key})
        for year in years:
            parent_path = latest[(parent_key, year)]
            kids: dict[str, Report | None] = {}
            for child in children:
                child_path = latest.get((child, year))
                kids[child] = (
                    None if child_path is None else lite_from_stored(cache.one(child_path))
                )
                if child_path is not None:
                    cache.link(child_path, parent=parent_path)
            found = tuple(module.check_level(lite_from_stored(cache.one(parent_path)), kids))
            cache.add_part(
                parent_path,
                "h",
                rule_statuses(found, ("H.1",)),
                counts(found),
                findings_jsonl(parent_path, found),
            )
            n += 1
    return n, None


def _agency_of(row: str) -> str:
    import json

    agency: str = json.loads(row)["agency"]
    return agency


def _parents(tree: Any) -> list[tuple[str, tuple[str, ...]]]:
    """(parent key, children keys) of a hierarchy, whatever mapping shape it has."""
    from govinfo_report.survey._agency import agency_key

    mapping: Mapping[str, Any] = getattr(tree, "children", tree)
    out = []
    for parent, children in mapping.items():
        names = tuple(getattr(c, "name", c) for c in children)
        out.append((agency_key(parent), tuple(agency_key(c) for c in names)))
    return sorted(out)


def similarity(cache: Cache) -> None:
    """DUP.1: each report against the corpus of its year, and against its previous year."""
    index = hooks.similar_index()
    ids: dict[int, str] = {}
    for doc_id, stored in enumerate(cache.readable()):
        path, key, year, _version, _row, _tables, _text, sketch = stored
        ids[doc_id] = path
        index.add(doc_id, key, year, load_sketch(sketch))
    found: dict[str, list[Finding]] = {}
    for doc_id, findings in _per_doc(index.findings()):
        found.setdefault(ids[doc_id], []).extend(findings)
    del ids
    for file, previous in list(_pairs(cache)):
        report = lite_from_stored(cache.one(file), with_text=True)
        prior = lite_from_stored(cache.one(previous), with_text=True)
        found.setdefault(file, []).extend(hooks.compare_previous(report, prior))
    for stored in cache.readable():
        path = stored[0]
        mine = found.get(path, [])
        cache.add_part(
            path, "dup", rule_statuses(mine, ("DUP.1",)), counts(mine), findings_jsonl(path, mine)
        )


def _per_doc(result: Any) -> list[tuple[int, tuple[Finding, ...]]]:
    items = result.items() if isinstance(result, Mapping) else result
    return [(doc, tuple(f for f in fs if isinstance(f, Finding))) for doc, fs in items]


__all__ = ["cross_year", "levels", "similarity"]
