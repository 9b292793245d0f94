"""The migration itself: a report's tables moved cell by cell along a declared migration.

:func:`migrate` follows a :class:`~govinfo_report.formats.migration.Migration` (the
declaration of where every cell of the older format goes) and says, as findings in
document order, everything the move did not carry over as it was: a renamed row or
column, the one row put where the newer format has three, cells with no place (dropped),
cells the older format lacks (blank, never 0), extra rows moved or re-placed, a year
whose prescribed format is still the old one, and text that cites the old format.

The module is long because each of those findings is written beside the move that
causes it, in Chinese and English; the moves themselves are data, in
:mod:`govinfo_report.formats.migration`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import attrs

from govinfo_report.errors import UnknownFormatError
from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.formats import CellSpec, FormatSpec, FormatVersion, TableSpec, get_format
from govinfo_report.formats.migration import MIGRATIONS, CellMove, GroupMove, Migration
from govinfo_report.labels import describe_path
from govinfo_report.migrate import catalog as codes
from govinfo_report.model import BLANK, CellValue, Empty, ExtraRow, Report, Table


class MigrationResult(NamedTuple):
    """The migrated report and what the migration says about it.

    A named tuple, so that ``report, findings = migrate(old)`` unpacks typed.
    """

    report: Report
    """The report in the newer format."""
    findings: tuple[Finding, ...] = ()
    """What was not carried over as it was, in document order."""


def migrate(report: Report, to: FormatVersion | str = FormatVersion.V2021) -> MigrationResult:
    """``report`` in the format ``to``, with a finding for everything that did not carry over.

    Every cell of a row and column both formats have moves to its place in the newer
    format, the rows and columns the newer format renamed included (a notice names
    each). The 2019 （六）其他处理 row goes into 3.其他, the most general of the 2021
    format's three （六） rows, and the other two stay blank (a warning says so and
    where). A cell the newer format has no place for is dropped (a warning lists the
    cells and their values), and a cell the older format lacks stays blank (a notice):
    no number is ever made up. Rows the report added (extra rows) keep their label and
    place; in Table 2 their values move as the cells of their block do. The text, the
    metadata (but the format) and the 信息处理费 stay as they are; the year too, so a
    report on 2020 migrated to the 2021 format gets F.1 from the checks (a notice says
    so), as any report on 2020 in the 2021 format would.

    A report already in format ``to`` comes back as it is, without findings.

    Raises:
        UnknownFormatError: ``to`` names no statutory format, or no migration from the
            report's format to it is declared (only 2019 → 2021 is).
    """
    target = get_format(to)
    source = report.format
    if source is target:
        return MigrationResult(report)
    migration = MIGRATIONS.get((source.version, target.version))
    if migration is None:
        declared = ", ".join(f"{a.value} → {b.value}" for a, b in MIGRATIONS)
        raise UnknownFormatError(
            f"no migration from the {source.version.value} format to the "
            f"{target.version.value} format; declared: {declared}",
            zh=f"没有从 {source.version.value} 格式到 {target.version.value} 格式的迁移；"
            f"已有的迁移：{declared}",
        )
    findings: list[Finding] = list(_year(report, migration))
    tables: dict[str, Table] = {}
    for old in report.tables:
        table, found = _table(old, migration, target.table(old.spec.id))
        tables[old.spec.id] = table
        findings.extend(found)
    findings.extend(_text(report, migration))
    migrated = attrs.evolve(
        report,
        metadata=attrs.evolve(report.metadata, format_version=target.version),
        proactive=tables["proactive"],
        applications=tables["applications"],
        review_litigation=tables["review_litigation"],
    )
    return MigrationResult(migrated, tuple(findings))


# --- findings ---------------------------------------------------------------------------


def _finding(
    code: str,
    zh: str,
    en: str,
    paths: Sequence[str],
    *,
    severity: Severity | None = None,
    uncertain: bool = False,
) -> Finding:
    return Finding(
        code=code,
        severity=severity or codes.CATALOG[code].severity,
        status=Status.UNCERTAIN if uncertain else Status.FAIL,
        message_zh=zh,
        message_en=en,
        paths=tuple(paths),
    )


def _value(value: CellValue, en: bool) -> str:
    if value is BLANK:
        return "blank" if en else "空"
    return value.value if isinstance(value, Empty) else str(value)


def _severity(values: Sequence[CellValue]) -> Severity:
    """Warning when a figure (or "/") is concerned, notice when only blanks are."""
    return Severity.WARNING if any(v is not BLANK for v in values) else Severity.NOTICE


def _year(report: Report, migration: Migration) -> Iterator[Finding]:
    year = report.metadata.year
    if migration.target.applies_to(year) or not migration.source.applies_to(year):
        return
    old, new = migration.source, migration.target
    yield _finding(
        codes.YEAR,
        f"本报告是{year}年度报告，应使用《{old.name}》（{old.document}）；迁移为"
        f"《{new.name}》后，校验将报告 F.1",
        f"the report is on {year}, for which the {old.version.value} format "
        f"({old.document}) is prescribed; in the {new.version.value} format it gets F.1",
        ("metadata.format_version", "metadata.year"),
    )


def _text(report: Report, migration: Migration) -> Iterator[Finding]:
    """A notice for each part of the text that cites the older format's document."""
    cites = _citation(migration.source)
    parts: list[tuple[str, str]] = [("intro", "\n".join(report.intro))]
    for i, section in enumerate(report.sections):
        parts.append((f"sections[{i}]", "\n".join((section.heading, *section.paragraphs))))
        for j, sub in enumerate(section.subsections):
            parts.append(
                (f"sections[{i}].subsections[{j}]", "\n".join((sub.heading, *sub.paragraphs)))
            )
            for m, level3 in enumerate(sub.subsections):
                text = "\n".join((level3.heading, *level3.paragraphs))
                parts.append((f"sections[{i}].subsections[{j}].subsections[{m}]", text))
        if section.closing:
            parts.append((f"sections[{i}].closing", "\n".join(section.closing)))
    old, new = migration.source, migration.target
    for path, text in parts:
        if cites.search(text):
            where = describe_path(path, report=report)
            where_en = describe_path(path, "en", report=report)
            yield _finding(
                codes.TEXT,
                f"{where}引用了《{old.name}》（{old.document}），表格已改为"
                f"《{new.name}》（{new.document}），请相应修改文字",
                f"{where_en} cites the {old.version.value} format ({old.document}); the "
                f"tables now follow the {new.version.value} format ({new.document}): "
                "change the text to match",
                (path,),
            )


def _citation(spec: FormatSpec) -> re.Pattern[str]:
    """The format's document number as written, any width of brackets and spaces."""
    pieces = re.split(r"[〔〕]", spec.document)
    brackets = (r"\s*[〔\[［(（【]\s*", r"\s*[〕\]］)）】]\s*")
    pattern = re.escape(pieces[0]) + brackets[0] + re.escape(pieces[1]) + brackets[1]
    return re.compile(pattern + r"\s*".join(map(re.escape, pieces[2])))


# --- tables -----------------------------------------------------------------------------


def _table(old: Table, migration: Migration, new_spec: TableSpec) -> tuple[Table, list[Finding]]:
    moves = [m for m in migration.cells if m.source.startswith(f"{old.spec.id}.")]
    values: dict[str, CellValue] = {}
    for move in moves:
        if move.target is not None:
            values[move.target.partition(".")[2]] = old[move.source.partition(".")[2]]
    findings = [
        *_cell_findings(old, new_spec, moves, migration),
        *_blank_findings(new_spec, migration),
    ]
    extra_rows, found = _extra_rows(old, new_spec, migration)
    findings.extend(found)
    table = Table.from_mapping(new_spec, values)
    return attrs.evolve(table, extra_rows=extra_rows), findings


def _by_row(moves: Sequence[CellMove]) -> dict[str, list[CellMove]]:
    rows: dict[str, list[CellMove]] = {}
    for move in moves:
        rows.setdefault(move.source.rpartition(".")[0], []).append(move)
    return rows


def _cell_findings(
    old: Table, new_spec: TableSpec, moves: Sequence[CellMove], migration: Migration
) -> Iterator[Finding]:
    """Per row of the older table: what was renamed, put into a general row, or dropped."""
    old_version, new_version = migration.source.version, migration.target.version
    for row_path, row_moves in _by_row(moves).items():
        row_zh = describe_path(row_path, version=old_version)
        row_en = describe_path(row_path, "en", version=old_version)
        cell = {m.source: old.spec.cell(m.source.partition(".")[2]) for m in row_moves}
        value = {m.source: old[m.source.partition(".")[2]] for m in row_moves}
        renamed = [m for m in row_moves if m.renamed and value[m.source] is not BLANK]
        if renamed:
            yield _renamed(renamed, cell, new_spec, row_zh, row_en)
        split = [m for m in row_moves if m.beside]
        if split:
            yield _split(split, cell, new_spec, [value[m.source] for m in split], row_zh, row_en)
        dropped = [m for m in row_moves if m.target is None]
        if dropped:
            shown = [value[m.source] for m in dropped]
            listed_zh = "、".join(
                f"{cell[m.source].column.label}（{_value(v, False)}）"
                for m, v in zip(dropped, shown, strict=True)
            )
            listed_en = ", ".join(
                f"{cell[m.source].column.english} ({_value(v, True)})"
                for m, v in zip(dropped, shown, strict=True)
            )
            table, _, row_id = row_path.partition(".")
            if _row_target(migration.group_of(table, row_id), row_id) is None:
                zh = f"{new_version.value} 格式没有这一行"
                en = f"the {new_version.value} format has no such row"
            else:
                zh = f"{new_version.value} 格式没有这些栏目"
                en = f"the {new_version.value} format has no such columns"
            yield _finding(
                codes.DROPPED,
                f"{row_zh}：{listed_zh}：{zh}，未迁移",
                f"{row_en}: {listed_en}: {en}; left out",
                [f"source.{m.source}" for m in dropped],
                severity=_severity(shown),
            )


def _renamed(
    moves: Sequence[CellMove],
    cell: dict[str, CellSpec],
    new_spec: TableSpec,
    row_zh: str,
    row_en: str,
) -> Finding:
    pairs_zh, pairs_en = [], []
    for move in moves:
        assert move.target is not None
        before, after = cell[move.source], new_spec.cell(move.target.partition(".")[2])
        pairs_zh.append(
            f"“{' / '.join((*before.row.label_path, before.column.label))}”→"
            f"“{' / '.join((*after.row.label_path, after.column.label))}”"
        )
        pairs_en.append(
            f"'{before.row.english} / {before.column.english}' → "
            f"'{after.row.english} / {after.column.english}'"
        )
    return _finding(
        codes.RENAMED,
        f"{row_zh}：{'；'.join(pairs_zh)}，名称不同、所计相同，数字照原样迁移，请核对",
        f"{row_en}: {'; '.join(pairs_en)}: renamed, the same figure, carried over as it "
        "is; check it",
        [p for m in moves for p in (m.target or "", f"source.{m.source}")],
    )


def _split(
    moves: Sequence[CellMove],
    cell: dict[str, CellSpec],
    new_spec: TableSpec,
    values: Sequence[CellValue],
    row_zh: str,
    row_en: str,
) -> Finding:
    first = moves[0]
    assert first.target is not None
    into = new_spec.cell(first.target.partition(".")[2]).row
    beside = [new_spec.cell(p.partition(".")[2]).row for p in first.beside]
    before = cell[first.source].row
    beside_zh = "".join(f"“{row.label}”" for row in beside)
    beside_en = " and ".join(f"'{row.english}'" for row in beside)
    paths = [m.target or "" for m in moves]
    for i in range(len(first.beside)):
        paths.extend(m.beside[i] for m in moves)
    return _finding(
        codes.SPLIT,
        f"{row_zh}：原格式只有一行“{before.label}”，其数字全部填入“{into.label}”；"
        f"{beside_zh}留空，请按实际情况拆分",
        f"{row_en}: the older format has one row '{before.english}'; its figures all go to "
        f"'{into.english}', and {beside_en} stay blank: split the figures by hand",
        [*paths, *(f"source.{m.source}" for m in moves)],
        severity=_severity(values),
    )


def _blank_findings(new_spec: TableSpec, migration: Migration) -> Iterator[Finding]:
    """Per row of the newer table: the cells no cell of the older one went to."""
    old_version = migration.source.version
    prefix = f"{new_spec.id}."
    rows: dict[str, list[str]] = {}
    for path in migration.target_only:
        if path.startswith(prefix):
            rows.setdefault(path.rpartition(".")[0], []).append(path)
    filled_rows = {f"{m.table}.{r.target}" for m in migration.groups for r in m.rows if r.target}
    for row_path, paths in rows.items():
        cells = [new_spec.cell(p.partition(".")[2]) for p in paths]
        where_zh = describe_path(row_path, version=new_spec.version)
        where_en = describe_path(row_path, "en", version=new_spec.version)
        if row_path not in filled_rows:
            zh = f"{where_zh}：{old_version.value} 格式没有这一行，已留空待填"
            en = (
                f"{where_en}: the {old_version.value} format has no such row; left blank to fill in"
            )
        else:
            zh = (
                f"{where_zh}：{'、'.join(c.column.label for c in cells)}"
                f"，{old_version.value} 格式没有这些栏目，已留空待填"
            )
            en = (
                f"{where_en}: {', '.join(c.column.english for c in cells)}: not in the "
                f"{old_version.value} format; left blank to fill in"
            )
        yield _finding(codes.BLANK, zh, en, paths, uncertain=True)


# --- extra rows -------------------------------------------------------------------------


def _new_after(old: TableSpec, after: str | None, migration: Migration) -> str | None:
    """The newer table's row an extra row follows: the one its row went to, or else the
    one the nearest row above it went to (None: it comes first)."""
    if after is None:
        return None
    table = old.id
    row_ids = [r.id for r in old.rows]
    for row_id in reversed(row_ids[: row_ids.index(after) + 1]):
        target = _row_target(migration.group_of(table, row_id), row_id)
        if target is not None:
            return target
    return None


def _row_target(move: GroupMove, row_id: str) -> str | None:
    return next(r.target for r in move.rows if r.source == row_id)


def _row_name(spec: TableSpec, row_id: str | None, en: bool) -> str:
    if row_id is None:
        return "the start" if en else "表首"
    row = next(r for r in spec.rows if r.id == row_id)
    return row.english if en else row.label


def _extra_rows(
    old: Table, new_spec: TableSpec, migration: Migration
) -> tuple[tuple[ExtraRow, ...], list[Finding]]:
    rows: list[ExtraRow] = []
    findings: list[Finding] = []
    for i, extra in enumerate(old.extra_rows):
        after = _new_after(old.spec, extra.after, migration)
        move = migration.group_of(old.spec.id, extra.after)
        values, moved, dropped = _extra_values(extra, old.spec, new_spec, move)
        rows.append(ExtraRow(label=extra.label, values=values, after=after))
        zh: list[str] = []
        en: list[str] = []
        if after != extra.after:
            zh.append(
                f"原在“{_row_name(old.spec, extra.after, False)}”之后，"
                f"现在“{_row_name(new_spec, after, False)}”之后"
            )
            en.append(
                f"it followed '{_row_name(old.spec, extra.after, True)}', "
                f"now '{_row_name(new_spec, after, True)}'"
            )
        if moved:
            zh.append("数值随栏目迁移：" + "；".join(z for z, _ in moved))
            en.append("its values move with their columns: " + "; ".join(e for _, e in moved))
        if dropped:
            zh.append("、".join(z for z, _, _ in dropped) + "在新格式中没有对应栏目，未迁移")
            en.append(", ".join(e for _, e, _ in dropped) + " have no place; left out")
        if not zh:
            continue
        path = f"{old.spec.id}.extra_rows[{i}]"
        findings.append(
            _finding(
                codes.EXTRA,
                f"{describe_path(old.spec.id)}「附加行：{extra.label}」：" + "；".join(zh),
                f"{describe_path(old.spec.id, 'en')}, extra row {extra.label!r}: " + "; ".join(en),
                (path, f"source.{path}"),
                severity=_severity([v for _, _, v in dropped]),
            )
        )
    return tuple(rows), findings


Moved = list[tuple[str, str]]
Dropped = list[tuple[str, str, CellValue]]


def _extra_values(
    extra: ExtraRow, old_spec: TableSpec, new_spec: TableSpec, move: GroupMove
) -> tuple[tuple[CellValue, ...], Moved, Dropped]:
    """An extra row's values placed as the cells of its block move: value ``i`` is in
    the block's column ``i``, as printed (a short row fills the first columns)."""
    old_columns = next(g for g in old_spec.groups if g.id == move.source).columns
    new_columns = next(g for g in new_spec.groups if g.id == move.target).columns
    targets = {k.source: k.target for k in move.columns}
    placed: dict[int, CellValue] = {}
    moved: Moved = []
    dropped: Dropped = []
    for index, value in enumerate(extra.values):
        if index >= len(old_columns):
            dropped.append(
                (
                    f"第{index + 1}个数值（{_value(value, False)}）",
                    f"value {index + 1} ({_value(value, True)})",
                    value,
                )
            )
            continue
        column = old_columns[index]
        target = targets[column.id]
        if target is None:
            dropped.append(
                (
                    f"“{column.label}”（{_value(value, False)}）",
                    f"'{column.english}' ({_value(value, True)})",
                    value,
                )
            )
            continue
        at = next(j for j, k in enumerate(new_columns) if k.id == target)
        placed[at] = value
        if at != index or new_columns[at].label != column.label:
            moved.append(
                (
                    f"“{column.label}”→“{new_columns[at].label}”",
                    f"'{column.english}' → '{new_columns[at].english}'",
                )
            )
    width = max(placed, default=-1) + 1
    return tuple(placed.get(j, BLANK) for j in range(width)), moved, dropped
