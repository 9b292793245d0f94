"""The 2019 → 2021 migration declaration: complete, checked against both formats."""

from __future__ import annotations

import pytest

from govinfo_report.formats import get_format
from govinfo_report.formats.migration import (
    V2019_TO_V2021,
    ColumnMove,
    GroupMove,
    Migration,
    RowMove,
)


def _paths(version: str) -> list[str]:
    return [f"{t.id}.{cell.id}" for t in get_format(version).tables for cell in t.cells]


def test_every_2019_cell_is_declared_once_in_document_order() -> None:
    assert [m.source for m in V2019_TO_V2021.cells] == _paths("2019")


def test_no_two_2019_cells_go_to_one_2021_cell() -> None:
    targets = [m.target for m in V2019_TO_V2021.cells if m.target is not None]
    assert len(targets) == len(set(targets))


def test_moved_and_target_only_cells_together_are_the_2021_format() -> None:
    targets = {m.target for m in V2019_TO_V2021.cells if m.target is not None}
    assert sorted(targets | set(V2019_TO_V2021.target_only)) == sorted(_paths("2021"))
    assert not targets & set(V2019_TO_V2021.target_only)


def test_tables_3_and_4_move_whole_but_for_other_handling() -> None:
    for move in V2019_TO_V2021.cells:
        if move.source.startswith(("applications.", "review_litigation.")):
            if ".other_handling." in move.source:
                assert move.target == move.source.replace("other_handling", "other_other")
            else:
                assert move.target == move.source


def test_other_handling_goes_to_3_other_beside_1_and_2() -> None:
    move = V2019_TO_V2021.cell("applications.other_handling.total")
    assert move.target == "applications.other_other.total"
    assert move.beside == (
        "applications.other_no_amendment.total",
        "applications.other_unpaid_fee.total",
    )
    assert not move.renamed


def test_table_2_keeps_only_what_both_formats_count() -> None:
    moved = {m.source: m.target for m in V2019_TO_V2021.cells if m.source.startswith("proactive.")}
    assert {s: t for s, t in moved.items() if t is not None} == {
        "proactive.rules.made": "proactive.rules.issued",
        "proactive.normative_documents.made": "proactive.normative_documents.issued",
        "proactive.licensing.decisions": "proactive.licensing.decisions",
        "proactive.penalties.decisions": "proactive.penalties.decisions",
        "proactive.enforcement.decisions": "proactive.enforcement.decisions",
    }


def test_renamings_are_read_off_the_labels() -> None:
    renamed = {m.source for m in V2019_TO_V2021.cells if m.renamed}
    assert renamed == {
        "proactive.rules.made",  # 本年新制作数量 → 本年制发件数
        "proactive.normative_documents.made",  # 规范性文件 → 行政规范性文件 as well
        "proactive.licensing.decisions",  # 处理决定数量 → 本年处理决定数量
        "proactive.penalties.decisions",
        "proactive.enforcement.decisions",
    }


def _group(**changes: object) -> GroupMove:
    fields: dict[str, object] = {
        "table": "review_litigation",
        "source": "review_litigation",
        "target": "review_litigation",
        "rows": tuple(
            RowMove(source=r, target=r)
            for r in ("review", "litigation_direct", "litigation_after_review")
        ),
        "columns": tuple(
            ColumnMove(source=k, target=k)
            for k in ("upheld", "corrected", "other", "pending", "total")
        ),
    }
    fields.update(changes)
    return GroupMove(**fields)  # type: ignore[arg-type]


def _declare(group: GroupMove) -> Migration:
    others = tuple(g for g in V2019_TO_V2021.groups if g.table != "review_litigation")
    return Migration(source=get_format("2019"), target=get_format("2021"), groups=(*others, group))


def test_the_declaration_as_made_here_checks() -> None:
    assert _declare(_group()).cells == V2019_TO_V2021.cells


def test_a_row_left_out_of_the_declaration_is_refused() -> None:
    rows = (RowMove(source="review", target="review"),)
    with pytest.raises(ValueError, match="rows"):
        _declare(_group(rows=rows))


def test_a_target_the_newer_format_lacks_is_refused() -> None:
    columns = tuple(
        ColumnMove(source=k, target="typo" if k == "total" else k)
        for k in ("upheld", "corrected", "other", "pending", "total")
    )
    with pytest.raises(ValueError, match="no column 'typo'"):
        _declare(_group(columns=columns))
