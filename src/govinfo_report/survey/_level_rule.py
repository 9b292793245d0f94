"""Rule H.1: a region's Table 3 and Table 4 are the sums of its children's (汇总).

Where a :class:`~govinfo_report.survey._hierarchy.Hierarchy` says the parent reports
the region as a whole, :func:`check_level` compares each cell of its Tables 3 and 4 with
the sum of its children's; a missing or blank child makes a cell uncertain, never a
failure, and the finding names the children.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from govinfo_report.aggregate import report_name
from govinfo_report.findings import Finding, Severity, Status
from govinfo_report.formats import CellSpec, TableSpec
from govinfo_report.model import Empty, Report

CODE = "H.1"
NAMED_CHILDREN = 20
"""Children a finding names before it says "and N more"."""
TABLES = ("applications", "review_litigation")
"""The tables H.1 checks: Table 3 and Table 4 (Table 2 counts documents per agency)."""


def _where(table: TableSpec, cell: CellSpec) -> tuple[str, str]:
    labels = "／".join(cell.labels)
    return (
        f"{table.title}「{labels}」",
        f"Table {table.number} ({table.english}), {cell.row.english} / {cell.column.english}",
    )


def _listed(names: Sequence[str], lang: str) -> str:
    shown = list(names[:NAMED_CHILDREN])
    more = len(names) - len(shown)
    if lang == "zh":
        return "、".join(shown) + (f"等 {len(names)} 个" if more else "")
    return ", ".join(shown) + (f" and {more} more" if more else "")


def check_level(parent: Report, children: Mapping[str, Report | None]) -> tuple[Finding, ...]:
    """Rule H.1: each Table 3 and Table 4 cell of ``parent`` = the sum of its children's.

    Call it only for a parent that reports the region as a whole
    (:attr:`Level.whole_region`). ``children`` maps each child's agency key to its report
    on the parent's year, or ``None`` when the survey has none. For the sum a "/" counts
    0 (not applicable to that child), a blank or a missing child is unknown (some count
    of 0 or more), and a child on another year or in another format is missing.

    Returns:
        A *fail* (warning) for each cell where the sum is known and differs, or where
        the known part alone already exceeds the parent's figure; one *uncertain*
        (notice) per table for the cells that could not be decided, naming the missing
        children and those whose cells were blank. Nothing when every cell adds up.
    """
    missing = sorted(k for k, r in children.items() if r is None)
    other = sorted(
        k
        for k, r in children.items()
        if r is not None
        and (
            r.metadata.year != parent.metadata.year
            or r.metadata.format_version is not parent.metadata.format_version
        )
    )
    present = {k: r for k, r in sorted(children.items()) if r is not None and k not in other}
    everyone = sorted(children)
    findings: list[Finding] = []
    for table_id in TABLES:
        table = parent.table(table_id)
        undecided: list[str] = []
        blank_children: set[str] = set()
        for cell, value in table.items():
            known = 0
            unknown = len(missing) + len(other)
            for key, child in present.items():
                part = child.table(table_id).values[cell.index]
                if part is Empty.BLANK:
                    unknown += 1
                    blank_children.add(key)
                elif isinstance(part, int):
                    known += part
            path = f"{table_id}.{cell.id}"
            if value is Empty.BLANK or not isinstance(value, int | Empty):
                undecided.append(path)
                continue
            reported = 0 if isinstance(value, Empty) else value
            if unknown == 0 and reported != known:
                findings.append(_failure(table.spec, cell, reported, known, everyone, exact=True))
            elif unknown and reported < known:
                findings.append(_failure(table.spec, cell, reported, known, everyone, exact=False))
            elif unknown:
                undecided.append(path)
        if undecided:
            findings.append(
                _uncertain(table.spec, undecided, missing, other, sorted(blank_children), parent)
            )
    return tuple(findings)


def _failure(
    table: TableSpec, cell: CellSpec, reported: int, known: int, children: list[str], exact: bool
) -> Finding:
    where_zh, where_en = _where(table, cell)
    relation_zh, relation_en = ("", "") if exact else ("至少", "at least ")
    d = reported - known
    return Finding(
        code=CODE,
        severity=Severity.WARNING,
        status=Status.FAIL,
        message_zh=(
            f"{where_zh}：本级报告 {reported}，下级报告合计{relation_zh} {known}，差 {d}"
            f"（下级：{_listed(children, 'zh')}）"
        ),
        message_en=(
            f"{where_en}: the report gives {reported}, its children's reports add up to "
            f"{relation_en}{known}, difference {d} (children: {_listed(children, 'en')})"
        ),
        paths=(f"{table.id}.{cell.id}",),
        reported=reported,
        computed=known,
        difference=d,
    )


def _uncertain(
    table: TableSpec,
    paths: list[str],
    missing: list[str],
    other: list[str],
    blank: list[str],
    parent: Report,
) -> Finding:
    why_zh, why_en = [], []
    if missing:
        why_zh.append(f"缺少下级报告：{_listed(missing, 'zh')}")
        why_en.append(f"no report from {_listed(missing, 'en')}")
    if other:
        why_zh.append(f"年度或格式不同：{_listed(other, 'zh')}")
        why_en.append(f"another year or format: {_listed(other, 'en')}")
    if blank:
        why_zh.append(f"单元格未填写：{_listed(blank, 'zh')}")
        why_en.append(f"cells left blank by {_listed(blank, 'en')}")
    if not why_zh:
        why_zh.append("本级报告单元格未填写")
        why_en.append(f"cells left blank in {report_name(parent, 0)}")
    return Finding(
        code=CODE,
        severity=Severity.NOTICE,
        status=Status.UNCERTAIN,
        message_zh=(
            f"{table.title}：{len(paths)} 个单元格无法与下级报告合计核对（{'；'.join(why_zh)}）"
        ),
        message_en=(
            f"Table {table.number} ({table.english}): {len(paths)} cells cannot be checked "
            f"against the children's reports ({'; '.join(why_en)})"
        ),
        paths=tuple(paths),
    )


__all__ = ["CODE", "NAMED_CHILDREN", "TABLES", "check_level"]
