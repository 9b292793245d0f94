"""A survey's cache: every file's phase-1 summary, in SQLite, in the output folder.

One row per file, keyed by its path, holding its SHA-256 and what phase 1 made of it
(:class:`~govinfo_report.survey._summary.FileResult`). A re-run reads again only the
files whose content changed (or that the library version, or whether similarity is
judged, makes stale) and drops the rows of files no longer surveyed. The results of the
later phases (pairing, levels, 雷同) are per run: they are recomputed from the
summaries, which is cheap, into ``parts`` (findings and rule statuses by phase) and
``links`` (previous file, parent, maybe-previous file). The outputs are written from
here, in path order, so they do not depend on the order the workers finished in.
Nothing but the cache holds a summary once it is stored: the survey's memory stays flat
however many files.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from govinfo_report.survey._columns import CACHE_NAME
from govinfo_report.survey._json import text, tree
from govinfo_report.survey._summary import Counts, FileResult

_SCHEMA = 9  # 3: short findings stored uncompressed; 4: cells only of extra rows; 5: links
# hold maybe_previous_file; 6: files hold their container; 7: long findings by zstd;
# 8: findings after a line tallying them; 9: rows hold reason_zh
_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    similar INTEGER NOT NULL,
    run INTEGER NOT NULL,
    status TEXT NOT NULL,
    agency_key TEXT NOT NULL,
    year INTEGER,
    version TEXT NOT NULL,
    internal INTEGER NOT NULL,
    row TEXT NOT NULL,
    rules TEXT NOT NULL,
    base_counts TEXT NOT NULL,
    base_findings BLOB NOT NULL,
    x_counts TEXT NOT NULL,
    x_findings BLOB NOT NULL,
    cells BLOB NOT NULL,
    tables TEXT NOT NULL,
    sketch BLOB,
    container TEXT NOT NULL,
    container_sha256 TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_key ON files (agency_key, year, path);
CREATE INDEX IF NOT EXISTS files_container ON files (container);
CREATE TABLE IF NOT EXISTS parts (
    path TEXT NOT NULL,
    phase TEXT NOT NULL,
    rules TEXT NOT NULL,
    counts TEXT NOT NULL,
    findings BLOB NOT NULL,
    PRIMARY KEY (path, phase)
);
CREATE TABLE IF NOT EXISTS links (
    path TEXT PRIMARY KEY,
    previous_file TEXT NOT NULL DEFAULT '',
    parent TEXT NOT NULL DEFAULT '',
    maybe_previous_file TEXT NOT NULL DEFAULT ''
);
"""


def _counts_text(counts: Counts) -> str:
    return ",".join(map(str, counts))


def counts_of(text: str) -> Counts:
    """The ``(errors, warnings, notices)`` stored as ``"e,w,n"``."""
    e, w, n = (int(x) for x in text.split(","))
    return e, w, n


class Stored(NamedTuple):
    """One file's summary as stored, with what the later phases added."""

    path: str
    status: str
    row: dict[str, str]
    rules: dict[str, str]
    counts: Counts
    findings: list[bytes]
    cells: bytes
    previous_file: str
    parent: str
    maybe_previous_file: str = ""


class Cache:
    """The SQLite cache of one output folder (see the module docstring)."""

    def __init__(self, folder: Path, library_version: str) -> None:
        self.path = folder / CACHE_NAME
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.executescript(_TABLES)
        stamp = f"{_SCHEMA} {library_version}"
        known = self.db.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        if known is None or known[0] != stamp:
            # Another library version may read or check differently, another schema
            # store differently: nothing is reused.
            self.db.executescript(
                "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS parts; "
                "DROP TABLE IF EXISTS links;" + _TABLES
            )
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp,))
        row = self.db.execute("SELECT value FROM meta WHERE key = 'run'").fetchone()
        self.run = (int(row[0]) if row else 0) + 1
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('run', ?)", (str(self.run),))
        self.db.execute("BEGIN")

    def close(self) -> None:
        """Commit and close."""
        if self.db.in_transaction:
            self.db.execute("COMMIT")
        self.db.close()

    def known(self, similar: bool) -> dict[str, str]:
        """Path → SHA-256 of every stored file whose summary a run with ``similar`` can
        reuse; for a file holding reports of their own (an archive, a collection), its
        SHA-256 when every one of its reports' rows can be reused."""
        query = "SELECT path, sha256 FROM files WHERE similar >= ? AND container = ''"
        known = dict(self.db.execute(query, (int(similar),)))
        held = (
            "SELECT container, min(container_sha256) FROM files WHERE container != '' "
            "GROUP BY container "
            "HAVING min(similar) >= ? AND min(container_sha256) = max(container_sha256)"
        )
        known.update(self.db.execute(held, (int(similar),)))
        return known

    def keep(self, path: str) -> None:
        """Mark ``path``'s stored summary as part of this run (its content is unchanged),
        or those of the reports it holds."""
        self.db.execute(
            "UPDATE files SET run = ? WHERE path = ? OR container = ?", (self.run, path, path)
        )

    def store(self, result: FileResult, similar: bool) -> None:
        """Store ``result`` as ``path``'s summary in this run."""
        self.db.execute(
            "INSERT OR REPLACE INTO files VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                result.path,
                result.sha256,
                int(similar),
                self.run,
                result.status,
                result.agency_key,
                result.year,
                result.version,
                int(result.internal_error),
                result.row,
                result.rules,
                _counts_text(result.base_counts),
                result.base_findings,
                _counts_text(result.x_counts),
                result.x_findings,
                result.cells,
                result.tables,
                result.sketch,
                *result.container,
            ),
        )

    def drop_others(self) -> int:
        """Remove the files not part of this run (deleted, or no longer given); how many."""
        cursor = self.db.execute("DELETE FROM files WHERE run != ?", (self.run,))
        self.db.execute("DELETE FROM parts")
        self.db.execute("DELETE FROM links")
        return cursor.rowcount

    def commit(self) -> None:
        """Make what is stored so far durable (a killed run keeps it for the next)."""
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")

    # --- what the later phases read and add ------------------------------------------------

    def readable(self) -> Iterator[tuple[Any, ...]]:
        """``(path, agency_key, year, version, row, tables, sketch)`` of every readable
        file, in path order."""
        return self.db.execute(
            "SELECT path, agency_key, year, version, row, tables, sketch FROM files "
            "WHERE status != 'unreadable' ORDER BY path"
        )

    def one(self, path: str) -> tuple[Any, ...]:
        """``(path, agency_key, year, version, row, tables, sketch)`` of one file."""
        found: tuple[Any, ...] = self.db.execute(
            "SELECT path, agency_key, year, version, row, tables, sketch FROM files WHERE path = ?",
            (path,),
        ).fetchone()
        return found

    def group_rows(self) -> Iterator[tuple[str, int, str, str, str]]:
        """``(agency key, year, path, version, tables)`` of every readable file with an
        agency, in key, year, path order: the agency-years, one after the other."""
        return self.db.execute(
            "SELECT agency_key, year, path, version, tables FROM files "
            "WHERE status != 'unreadable' AND agency_key != '' "
            "ORDER BY agency_key, year, path"
        )

    def add_part(
        self, path: str, phase: str, rules: dict[str, str], counts: Counts, findings: bytes
    ) -> None:
        """Findings of a later phase for ``path``; phase ``x`` replaces phase 1's X.* part."""
        self.db.execute(
            "INSERT OR REPLACE INTO parts VALUES (?, ?, ?, ?, ?)",
            (path, phase, text(rules), _counts_text(counts), findings),
        )

    def link(
        self,
        path: str,
        *,
        previous_file: str | None = None,
        parent: str | None = None,
        maybe_previous_file: str | None = None,
    ) -> None:
        """Set ``path``'s previous file, parent or maybe-previous file (the others kept)."""
        if previous_file is not None:
            self.db.execute(
                "INSERT INTO links (path, previous_file) VALUES (?, ?) ON CONFLICT (path) "
                "DO UPDATE SET previous_file = excluded.previous_file",
                (path, previous_file),
            )
        if parent is not None:
            self.db.execute(
                "INSERT INTO links (path, parent) VALUES (?, ?) ON CONFLICT (path) "
                "DO UPDATE SET parent = excluded.parent",
                (path, parent),
            )
        if maybe_previous_file is not None:
            self.db.execute(
                "INSERT INTO links (path, maybe_previous_file) VALUES (?, ?) ON CONFLICT (path) "
                "DO UPDATE SET maybe_previous_file = excluded.maybe_previous_file",
                (path, maybe_previous_file),
            )

    # --- reading it all back, for the outputs ----------------------------------------------

    def rows(self) -> Iterator[Stored]:
        """Every file of this run, in path order, with the later phases merged in.

        Rule statuses and counts: phase 1's, with its X.* part replaced by the
        cross-year part when the report was paired, plus each later phase's.
        """
        files = self.db.execute(
            "SELECT f.path, f.status, f.row, f.rules, f.base_counts, f.base_findings, "
            "f.x_counts, f.x_findings, f.cells, coalesce(l.previous_file, ''), "
            "coalesce(l.parent, ''), coalesce(l.maybe_previous_file, '') "
            "FROM files f LEFT JOIN links l ON l.path = f.path "
            "ORDER BY f.path"
        )
        parts = self.db.execute(
            "SELECT path, phase, rules, counts, findings FROM parts ORDER BY path, phase"
        )
        pending = parts.fetchone()
        for (
            path,
            status,
            row,
            rules,
            base_counts,
            base,
            x_counts,
            x,
            cells,
            prev,
            parent,
            maybe,
        ) in files:
            mine: dict[str, tuple[str, str, bytes]] = {}
            while pending is not None and pending[0] <= path:
                if pending[0] == path:
                    mine[pending[1]] = pending[2:]
                pending = parts.fetchone()
            statuses: dict[str, str] = tree(rules)
            totals = list(counts_of(base_counts))
            findings = [base]
            if "x" in mine:
                x_rules, x_counts, x = mine.pop("x")
                statuses = {c: s for c, s in statuses.items() if not c.startswith("X.")}
                statuses.update(tree(x_rules))
            for a, b in enumerate(counts_of(x_counts)):
                totals[a] += b
            findings.append(x)
            for phase in sorted(mine):
                part_rules, part_counts, part_findings = mine[phase]
                statuses.update(tree(part_rules))
                for a, b in enumerate(counts_of(part_counts)):
                    totals[a] += b
                findings.append(part_findings)
            yield Stored(
                path=path,
                status=status,
                row=tree(row),
                rules=statuses,
                counts=(totals[0], totals[1], totals[2]),
                findings=findings,
                cells=cells,
                previous_file=prev,
                parent=parent,
                maybe_previous_file=maybe,
            )

    def findings(self) -> Iterator[bytes]:
        """Every file's findings (JSON Lines, packed), in path order, phase by phase:
        what :meth:`rows` gives as ``findings``, without decoding the rest."""
        files = self.db.execute("SELECT path, base_findings, x_findings FROM files ORDER BY path")
        parts = self.db.execute("SELECT path, phase, findings FROM parts ORDER BY path, phase")
        pending = parts.fetchone()
        for path, base, x in files:
            mine: dict[str, bytes] = {}
            while pending is not None and pending[0] <= path:
                if pending[0] == path:
                    mine[pending[1]] = pending[2]
                pending = parts.fetchone()
            yield base
            yield mine.pop("x", x)
            for phase in sorted(mine):
                yield mine[phase]


def load_sketch(blob: bytes | None) -> Any:
    """A stored DUP.1 sketch (pickled by this survey's own workers), or None."""
    return None if blob is None else pickle.loads(blob)


__all__ = ["CACHE_NAME", "Cache", "Stored", "counts_of", "load_sketch"]
