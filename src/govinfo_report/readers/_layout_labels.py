"""What layout text is read with: every label the official tables print, by table and
format version (normalised, built once), and what they tell about a row.

The labels are taken from the tables' printed layout (``formats.layout``, the grid the
DOCX writer prints): captions, header cells, the Table 3 corner note and every level of
every row label, plus the known printed variants of row labels.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import attrs

from govinfo_report.formats import FORMATS, FormatVersion, TableSpec
from govinfo_report.formats.layout import Output, layout_of, printed, row_variants
from govinfo_report.readers._labels import normalize


def _tables(version: FormatVersion) -> tuple[TableSpec, TableSpec, TableSpec]:
    spec = FORMATS[version]
    return (spec.proactive, spec.applications, spec.review_litigation)


@attrs.frozen
class Labels:
    """The known labels (normalised)."""

    rows: frozenset[str]
    """Row labels: every level of every row's label path, with the known variants."""
    leaves: frozenset[str]
    """The most specific row labels that are nowhere a group over other rows."""
    leaves_in: dict[FormatVersion, frozenset[str]]
    """Per format: its most specific row labels (（六）其他处理 is one in 2019, a group
    over three rows in 2021)."""
    children: dict[str, frozenset[str]]
    """A group label → the row labels under it, in either format."""
    heads: frozenset[str]
    """Captions, header and column labels (no row label)."""
    tables: dict[str, frozenset[str]]
    """Table id → its labels, both formats."""
    by_version: dict[tuple[FormatVersion, str], frozenset[str]]
    """(format version, table id) → that table's labels in that format."""
    counts: dict[tuple[FormatVersion, str], dict[str, frozenset[int]]]
    """(format version, table id) → row label → the value counts of the rows it names."""
    sideways: frozenset[str]
    """Tables whose rows are named in the header (Table 4)."""
    following: dict[str, dict[str, frozenset[str]]]
    """Table id → a prefix of its labels → the characters that follow it in them."""
    prefixes: dict[str, frozenset[str]]
    """Table id → every prefix of its labels (whole labels included)."""
    pieces: frozenset[str]
    """Every substring of every label: what a piece of a label can be."""

    def is_leaf(self, norm: str, versions: Sequence[FormatVersion], found: set[str]) -> bool:
        """Whether the row label ``norm`` names a row of its own, in a region printed in
        ``versions`` whose whole labels are ``found``: a label that is a row in one
        format and a group in the other is a group where a row under it is printed."""
        if norm in self.leaves:
            return True
        if not any(norm in self.leaves_in[v] for v in versions):
            return False
        return not (self.children.get(norm, frozenset()) & found)

    def table_of(self, norms: Iterable[str]) -> str:
        """The table whose labels the pieces ``norms`` begin most of (by length)."""
        texts = list(norms)
        scores = {
            table: sum(len(n) for n in texts if n in self.prefixes[table])
            for table in sorted(self.tables)
        }
        return max(scores, key=scores.__getitem__)

    def versions(self, table: str, norms: Iterable[str]) -> list[FormatVersion]:
        """The format versions the whole labels ``norms`` of ``table`` allow: one if a
        label only that format prints is among them, else both."""
        found = set(norms)
        hinted = []
        for version in FORMATS:
            others = set().union(
                *(self.by_version[(v, table)] for v in FORMATS if v is not version)
            )
            if found & (self.by_version[(version, table)] - others):
                hinted.append(version)
        return hinted if len(hinted) == 1 else list(FORMATS)

    def columns(
        self, table: str, versions: Iterable[FormatVersion], labels: Iterable[str] | None = None
    ) -> set[int]:
        """How many values a row of ``table`` named by ``labels`` has in ``versions``
        (every possible count; empty if no label names a row); any row's if ``labels``
        is None."""
        counts: set[int] = set()
        for version in versions:
            known = self.counts[(version, table)]
            if labels is None:
                counts.update(*known.values())
            else:
                for text in labels:
                    counts.update(known.get(normalize(text), ()))
        return counts


def _counts(table: TableSpec, sideways: bool) -> dict[str, frozenset[int]]:
    """Each row label of ``table`` (every level, and the variants) → the value counts
    of the rows it names."""
    if sideways:
        n = len(table.groups[0].columns) * len(table.rows)
        return {normalize(p): frozenset({n}) for r in table.rows for p in r.label_path}
    out: dict[str, set[int]] = {}
    variants = row_variants(table)
    for group in table.groups:
        for row in group.rows:
            names = {normalize(p) for p in row.label_path}
            names |= {normalize(label) for label, row_id in variants if row_id == row.id}
            for name in names:
                out.setdefault(name, set()).add(len(group.columns))
    return {k: frozenset(v) for k, v in out.items()}


def _following(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for label in texts:
        for i in range(1, len(label)):
            out.setdefault(label[:i], set()).add(label[i])
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def labels() -> Labels:
    """The labels of both formats' tables (built on first use)."""
    rows: set[str] = set()
    leaves: set[str] = set()
    groups: set[str] = set()
    heads: set[str] = set()
    by_version: dict[tuple[FormatVersion, str], frozenset[str]] = {}
    counts: dict[tuple[FormatVersion, str], dict[str, frozenset[int]]] = {}
    sideways: set[str] = set()
    printed_texts: list[str] = []
    leaves_in: dict[FormatVersion, set[str]] = {v: set() for v in FORMATS}
    children: dict[str, set[str]] = {}
    for version in FORMATS:
        for table in _tables(version):
            mine: set[str] = set()
            if layout_of(table, Output.DOCX).rows_in_header:
                sideways.add(table.id)
            for row in table.rows:
                mine.update(normalize(p) for p in row.label_path)
                rows.update(normalize(p) for p in row.label_path)
                groups.update(normalize(p) for p in row.label_path[:-1])
                for p in row.label_path[:-1]:
                    children.setdefault(normalize(p), set()).add(normalize(row.label))
                leaves.add(normalize(row.label))
                leaves_in[version].add(normalize(row.label))
            for label, _row_id in row_variants(table):
                mine.add(normalize(label))
                rows.add(normalize(label))
                leaves.add(normalize(label))
            for line in printed(layout_of(table, Output.DOCX)):
                for slot in line.slots:
                    if slot.text:
                        mine.add(normalize(slot.text))
                        printed_texts.append(normalize(slot.text))
            by_version[(version, table.id)] = frozenset(mine)
            counts[(version, table.id)] = _counts(table, table.id in sideways)
    heads = {text for text in printed_texts if text not in rows}
    tables: dict[str, frozenset[str]] = {}
    for (_version, table_id), mine_set in by_version.items():
        tables[table_id] = tables.get(table_id, frozenset()) | mine_set
    prefixes = {
        key: frozenset(label[:i] for label in texts for i in range(1, len(label) + 1))
        for key, texts in tables.items()
    }
    pieces = frozenset(
        label[i:j]
        for texts in tables.values()
        for label in texts
        for i in range(len(label))
        for j in range(i + 1, len(label) + 1)
    )
    return Labels(
        rows=frozenset(rows),
        leaves=frozenset(leaves - groups),
        leaves_in={v: frozenset(texts) for v, texts in leaves_in.items()},
        children={k: frozenset(v) for k, v in children.items()},
        heads=frozenset(heads),
        tables=tables,
        by_version=by_version,
        counts=counts,
        sideways=frozenset(sideways),
        prefixes=prefixes,
        following={key: _following(texts) for key, texts in tables.items()},
        pieces=pieces,
    )
