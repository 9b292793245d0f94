"""The summary of a ``validate`` run: its counts for ``--json`` and ``--jsonl``, and its
last line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, Protocol

from govinfo_report.cli import _common
from govinfo_report.findings import Lang, Severity


class Result(Protocol):
    """What the summary reads of one result (``validate``'s ``FileResult``)."""

    @property
    def counts(self) -> Counter[Severity]: ...

    @property
    def status(self) -> str: ...

    @property
    def cells(self) -> tuple[int, int]: ...


def summary(results: Sequence[Result], inputs: int) -> dict[str, Any]:
    """``files``: the results (a report each, or a file that could not be read as one);
    ``input_files``: the files on disk they came from (fewer when a workbook of
    departments or a zip archive holds several reports)."""
    totals: Counter[Severity] = Counter()
    for result in results:
        totals.update(result.counts)
    return {
        "files": len(results),
        "input_files": inputs,
        "with_errors": sum(r.status == "errors" for r in results),
        "unusable": sum(r.status == "unusable" for r in results),
        "findings": {s.value: totals[s] for s in Severity},
        "cells": {
            "read": sum(r.cells[0] for r in results),
            "stated": sum(r.cells[1] for r in results),
        },
    }


def summary_line(results: Sequence[Result], inputs: int, lang: Lang) -> str:
    s = summary(results, inputs)
    n = s["findings"]
    cells = _common.cells_line((s["cells"]["read"], s["cells"]["stated"]), lang)
    # One file, one result: "2 file(s) checked". A workbook of departments or an
    # archive holds several: they are counted as reports, in so many files.
    whole = s["files"] == inputs
    if lang == "en":
        checked = (
            f"{s['files']} file(s) checked"
            if whole
            else f"{s['files']} report(s) in {inputs} file(s) checked"
        )
        return (
            f"{checked}: {s['with_errors']} with errors, "
            f"{s['unusable']} unusable; findings: {n['error']} error(s), "
            f"{n['warning']} warning(s), {n['notice']} notice(s); {cells}"
        )
    checked, unit = (
        (f"共检查 {s['files']} 个文件", "个")
        if whole
        else (f"共检查 {inputs} 个文件中的 {s['files']} 份报告", "份")
    )
    return (
        f"{checked}：{s['with_errors']} {unit}有错误，{s['unusable']} {unit}无法读取；"
        f"错误 {n['error']} 条，警告 {n['warning']} 条，提示 {n['notice']} 条；{cells}"
    )
