"""The statistic tables in a document: which format its labels are in, which grid is
which of the three tables, and each table read from the grids that are it.

The format version is told by labels that only one format prints (:func:`detect_version`),
falling back to the year with a notice (:func:`choose_version`). A grid is classified by
the labels that name exactly one table of that format, or by the section it sits in; the
Table 2 captions printed as paragraphs are fed to Table 2. Each table's rows are then
placed by a :class:`~._tables.TableReader`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from govinfo_report._locations import location_in
from govinfo_report.errors import UnknownFormatError
from govinfo_report.findings import Finding, Severity
from govinfo_report.formats import (
    FormatSpec,
    FormatVersion,
    TableSpec,
    format_for_year,
    get_format,
)
from govinfo_report.formats.layout import row_variants
from govinfo_report.model import Table
from govinfo_report.readers import _findings as rf
from govinfo_report.readers._cells import is_value
from govinfo_report.readers._document import Grid, Paragraph
from govinfo_report.readers._labels import LabelIndex, normalize
from govinfo_report.readers._sections import Part
from govinfo_report.readers._table_index import caption_index
from govinfo_report.readers._tables import TableReader, grid_rows, signature_labels


@functools.cache
def _version_index() -> LabelIndex[FormatVersion]:
    """Labels that only one format prints (variants of the other excluded)."""
    labels = {
        version: {
            key
            for table in get_format(version).tables
            for key in signature_labels(table).declared_keys()
        }
        for version in FormatVersion
    }
    # 规范性文件 is the 2019 label and a common 2021 variant: it proves nothing.
    variants = {normalize(t) for t in _known_variants()}
    index: LabelIndex[FormatVersion] = LabelIndex()
    for version, own in labels.items():
        others = set().union(*(v for k, v in labels.items() if k is not version))
        for label in sorted(own - others - variants):
            index.add(label, version)
    return index


def _known_variants() -> list[str]:
    return [
        text for spec in get_format(FormatVersion.V2021).tables for text, _ in row_variants(spec)
    ]


@functools.cache
def _table_index(version: FormatVersion) -> LabelIndex[str]:
    """Labels that name exactly one of the three tables of ``version``."""
    spec = get_format(version)
    per_table = {t.id: signature_labels(t).declared_keys() for t in spec.tables}
    index: LabelIndex[str] = LabelIndex()
    for table_id, own in per_table.items():
        others = set().union(*(v for k, v in per_table.items() if k != table_id))
        for label in sorted(own - others):
            if len(label) >= 2:
                index.add(label, table_id)
    return index


# --- the document's grids ----------------------------------------------------------------


def _grid_texts(grid: Grid) -> set[str]:
    texts = set()
    for row in grid.cells:
        for text in row:
            text = text.strip()
            if text and len(text) <= 120 and not is_value(text):
                texts.add(text)
    return texts


def detect_version(grids: Sequence[Grid]) -> tuple[FormatVersion | None, dict[FormatVersion, int]]:
    """The format whose own labels the grids print most, or None on a tie; the scores."""
    index = _version_index()
    found: dict[FormatVersion, set[str]] = {v: set() for v in FormatVersion}
    for grid in grids:
        for text in _grid_texts(grid):
            match = index.match(text)
            if match is not None:
                found[match.key].add(match.label)
    scores = {v: len(labels) for v, labels in found.items()}
    best = max(scores.values())
    winners = [v for v, s in scores.items() if s == best]
    if best == 0 or len(winners) > 1:
        return None, scores
    return winners[0], scores


def classify(grid: Grid, version: FormatVersion, *, fuzzy: bool = True) -> str | None:
    """The id of the table of ``version`` whose own labels ``grid`` prints most, if one.

    With ``fuzzy=False`` a label counts only as printed or a known variant of it (no
    edit distance): a quick test of whether a row is a header line.
    """
    index = _table_index(version)
    found: dict[str, set[str]] = {}
    for text in _grid_texts(grid):
        match = index.match(text, fuzzy=fuzzy)
        if match is None and "[" not in text:
            continue
        if match is not None:
            found.setdefault(match.key, set()).add(match.label)
    if not found:
        return None
    ranked = sorted(found.items(), key=lambda item: -len(item[1]))
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        return None
    return ranked[0][0]


def _row_locations(grid: Grid, number: int) -> list[str]:
    base = grid.location or f"table {number}"
    if grid.row_locations is not None and len(grid.row_locations) == len(grid.cells):
        return list(grid.row_locations)
    return [f"{base} row {r + 1}" for r in range(len(grid.cells))]


def read_tables(
    parts: Sequence[Part], fmt: FormatSpec
) -> tuple[dict[str, Table], list[Finding], int]:
    """The three tables of ``fmt`` read from the grids of ``parts``, the findings, and how
    many grids were recognised as statistic tables.

    A table no grid (nor, for Table 2, a caption) was found for is an error
    (``R.TABLE_MISSING``), whose message says what the document holds instead: a document
    read without its tables must never pass validation.
    """
    readers = {t.id: TableReader(t, t.number) for t in fmt.tables}
    fed: dict[str, str] = {}
    findings: list[Finding] = []
    seen: list[str | None] = []
    """Per grid of the document, the table it was read as (None: none of them)."""
    above: str | None = None
    """The paragraph just above the next grid (a caption naming a Table 4 part)."""
    for part in parts:
        context = part.spec.table if part.spec is not None else None
        for block in part.blocks:
            if isinstance(block, Paragraph):
                above = block.text
                if caption_index().match(block.text) is not None:
                    readers[fmt.proactive.id].caption(block.text, block.location or "")
                    fed.setdefault(fmt.proactive.id, block.location or "")
                continue
            caption, above = above, None
            number = len(seen) + 1
            table_id = classify(block, fmt.version) or context
            seen.append(table_id)
            location = block.location or f"table {number}"
            if table_id is None:
                findings.append(
                    rf.finding(
                        rf.TABLE_UNKNOWN,
                        Severity.NOTICE,
                        f"{location_in(location, 'zh')}不是三张统计表中的任何一张，未读取",
                        f"{location} is none of the three statistic tables; not read",
                        location=location,
                    )
                )
                continue
            fed.setdefault(table_id, location)
            readers[table_id].feed(
                grid_rows(block.cells, block.origin, _row_locations(block, number)), caption
            )
    tables: dict[str, Table] = {}
    for spec in fmt.tables:
        if spec.id not in fed:
            tables[spec.id] = Table.blank(spec)
            findings.append(_missing(spec, fmt, seen))
            continue
        table, table_findings = readers[spec.id].result(fed[spec.id])
        tables[spec.id] = table
        findings.extend(table_findings)
    return tables, findings, sum(t is not None for t in seen)


def _missing(spec: TableSpec, fmt: FormatSpec, seen: Sequence[str | None]) -> Finding:
    """The error for a table not found, saying what the document's grids were instead."""
    numbers = {t.id: t.number for t in fmt.tables}
    read_as = sorted({numbers[t] for t in seen if t is not None})
    unknown = sum(t is None for t in seen)
    head_zh = f"没有找到表{spec.number}（{spec.title}），其单元格保留为空"
    head_en = f"table {spec.number} ({spec.english}) was not found; its cells are left blank"
    if not seen:
        zh = f"{head_zh}：文档中没有任何表格（表格可能以图片形式发布，或未能识别为表格）"
        en = (
            f"{head_en}: the document has no tables at all (published as images, or not "
            "recognisable as tables)"
        )
    else:
        parts_zh = [f"读作{'、'.join(f'表{n}' for n in read_as)}"] if read_as else []
        parts_en = [f"read as {', '.join(f'table {n}' for n in read_as)}"] if read_as else []
        if unknown:
            parts_zh.append(f"{unknown}张不是统计表")
            parts_en.append(f"{unknown} none of the statistic tables")
        zh = (
            f"{head_zh}：文档有{len(seen)}张表格（{'；'.join(parts_zh)}），"
            f"没有一张带有表{spec.number}的标签"
        )
        en = (
            f"{head_en}: the document has {len(seen)} table(s) ({'; '.join(parts_en)}), "
            f"none with the labels of table {spec.number}"
        )
    return rf.finding(rf.TABLE_MISSING, Severity.ERROR, zh, en, paths=(spec.id,))


def choose_version(grids: Sequence[Grid], year: int, findings: list[Finding]) -> FormatVersion:
    """The format the grids' labels tell, else the year's (with a notice in ``findings``)."""
    version, scores = detect_version(grids)
    if version is not None:
        return version
    try:
        fallback = format_for_year(year).version
    except UnknownFormatError:
        fallback = FormatVersion.V2019
    findings.append(
        rf.finding(
            rf.FORMAT,
            Severity.NOTICE,
            f"表格标签不能说明格式版本，按年度取{fallback.value}年格式",
            f"the table labels do not tell the format version; the {fallback.value} format "
            f"was taken from the year (labels: 2019 {scores[FormatVersion.V2019]}, 2021 "
            f"{scores[FormatVersion.V2021]})",
            paths=("metadata.format_version",),
        )
    )
    return fallback
