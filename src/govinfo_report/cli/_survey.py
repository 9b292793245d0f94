"""``survey``: read and check a corpus, pair its years and levels, write its exports.

The work is :func:`govinfo_report.survey.survey`; this module turns the options into
its arguments, shows a progress bar on a terminal (quiet otherwise, or with
``--quiet``), and prints a summary: files by status, what was read again, the pairs,
the agency-years with more than one file (listed), what was skipped, where it wrote.
The exit code is 0 once the outputs are written, whatever the reports hold (the
findings are the survey's result); 2 when the survey could not run, or ran and could
read not one of its files as a report (a folder of scans, the wrong folder: the outputs
are written, and say why each was unreadable).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from typing import IO, Any

from govinfo_report.cli._common import EXIT_OK, EXIT_UNUSABLE, PROG, UsageError, said
from govinfo_report.findings import Lang

_LISTED = 10  # duplicate agency-years printed; the result holds them all


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``survey PATH... -o OUTDIR``: survey, then print what was done."""
    from govinfo_report.survey import survey

    if any(str(path) == "-" for path in options.paths):
        # As validate and render read it: standard input, one report, which has no
        # name a survey's rows, cache and re-runs could go by.
        raise UsageError(
            "standard input (-) is one report: validate it; survey files and folders",
            zh="标准输入（-）是一份报告：请用 validate 检查它；survey 用于文件和文件夹",
        )
    lang: Lang = options.lang
    bar = None if options.quiet or not _is_terminal(stderr) else _progress_bar(stderr, lang)
    try:
        result = survey(
            options.paths,
            options.output,
            jobs=options.jobs,
            hierarchy=options.hierarchy,
            similar=options.similar,
            progress=None if bar is None else bar.update,
        )
    finally:
        if bar is not None:
            bar.close()
    for line in _summary(result, lang):
        stdout.write(line + "\n")
    if result.internal_errors:
        n = result.internal_errors
        stderr.write(
            said(
                lang,
                f"{PROG}: warning: the library failed on {n} file(s) (their reason says "
                "'internal error'); this is a bug in govinfo-report, please report it\n",
                f"{PROG}: warning: 有 {n} 个文件因本程序的缺陷未能处理（原因一栏写有“内部错误”）；"
                "这是 govinfo-report 的缺陷，请报告\n",
            )
        )
    if result.files and result.unreadable == result.files:
        # Nothing to show for it: a job that surveys a folder of scans or the wrong
        # folder must not pass for one that worked.
        where = result.out_dir / "reports.csv"
        stderr.write(
            said(
                lang,
                f"{PROG}: error: not one of the {result.files} file(s) could be read as a "
                f"report; why each could not is in {where}\n",
                f"{PROG}: error: {result.files} 个文件没有一个能作为报告读取；"
                f"每个文件的原因见 {where}\n",
            )
        )
        return EXIT_UNUSABLE
    return EXIT_OK


def _is_terminal(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


class _Bar:
    """tqdm on ``stream``, fed (done, total) by the survey."""

    def __init__(self, stream: IO[str], lang: Lang) -> None:
        from tqdm import tqdm

        self._stream = stream
        self._tqdm: Any = None
        desc, unit = ("survey", "file") if lang == "en" else ("调查", "个文件")
        self._make: Callable[[int], Any] = lambda total: tqdm(
            total=total, file=stream, unit=unit, desc=desc, leave=False, mininterval=0.2
        )

    def update(self, done: int, total: int) -> None:
        if self._tqdm is None:
            self._tqdm = self._make(total)
        self._tqdm.update(done - self._tqdm.n)

    def close(self) -> None:
        if self._tqdm is not None:
            self._tqdm.close()


def _progress_bar(stream: IO[str], lang: Lang) -> _Bar | None:
    try:
        return _Bar(stream, lang)
    except ImportError:  # tqdm is a dependency, but a survey does not need it
        return None


def _summary(result: Any, lang: Lang) -> list[str]:
    en = lang == "en"
    lines = []
    # Reports and files are told apart only where they differ: an archive of several
    # reports, a workbook of departments. One report a file reads as it always has.
    several = result.input_files != result.files
    unchanged = result.files - result.read
    if en:
        counted = (
            f"{result.files} report(s) in {result.input_files} file(s)"
            if several
            else f"{result.files} file(s)"
        )
        lines.append(
            f"{counted} surveyed: {result.ok} ok, {result.with_errors} with "
            f"errors, {result.unreadable} unreadable; {result.read} read, "
            f"{unchanged} unchanged since the last survey"
        )
        lines.append(
            f"{result.pairs} report(s) checked against the previous year; "
            f"{result.parents} parent(s) against their children"
        )
    elif several:
        lines.append(
            f"共 {result.input_files} 个文件中的 {result.files} 份报告：{result.ok} 份无错误，"
            f"{result.with_errors} 份有错误，{result.unreadable} 份无法读取；"
            f"本次读取 {result.read} 份，{unchanged} 份自上次以来未变"
        )
    else:
        lines.append(
            f"共 {result.files} 个文件：{result.ok} 个无错误，{result.with_errors} 个有错误，"
            f"{result.unreadable} 个无法读取；本次读取 {result.read} 个，"
            f"{unchanged} 个自上次以来未变"
        )
    if not en:  # as the English: whether the files held one report each or several
        lines.append(f"{result.pairs} 份报告与上年报告核对；{result.parents} 个上级与下级汇总核对")
    if result.duplicates:
        head = (
            f"{len(result.duplicates)} agency-year(s) with more than one file "
            "(the first is paired with the next year):"
            if en
            else f"{len(result.duplicates)} 个机关年度有多个文件（与下一年配对的是第一个）："
        )
        lines.append(head)
        for key, year, files in result.duplicates[:_LISTED]:
            shown = ", ".join(files[:3])
            more = len(files) - 3
            if more > 0:
                shown += f" (+{more} more)" if en else f"（另 {more} 个）"
            lines.append(f"  {key} {year}: {shown}")
        if len(result.duplicates) > _LISTED:
            rest = len(result.duplicates) - _LISTED
            lines.append(f"  ... {rest} more" if en else f"  …… 另有 {rest} 个")
    if result.renamed:
        lines.extend(_renamed(result.renamed, en))
    for note in result.skipped if en else result.skipped_zh:
        lines.append(("skipped: " if en else "未做：") + note)
    written = ", ".join(os.path.basename(p) for p in result.outputs)
    lines.append(
        f"wrote {written} in {result.out_dir}" if en else f"已写入 {result.out_dir}：{written}"
    )
    return lines


def _renamed(found: Any, en: bool) -> list[str]:
    """The reports that may continue another name's of the year before, and how to check
    one by hand."""
    lines = [
        f"{len(found)} report(s) not paired that may continue another name's of the year "
        "before (the agency named with or without its region):"
        if en
        else f"{len(found)} 份报告未配对，可能与上年另一名称（带或不带所在地区）的报告为同一机关："
    ]
    for item in found[:_LISTED]:
        lines.append(
            f"  {item.file} ({item.key} {item.year}) <- {item.previous_file} "
            f"({item.previous_key} {item.year - 1})"
        )
    if len(found) > _LISTED:
        rest = len(found) - _LISTED
        lines.append(f"  ... {rest} more" if en else f"  …… 另有 {rest} 个")
    lines.append(
        "  check one: govinfo-report validate FILE --previous PREVIOUS"
        if en
        else "  逐份核对：govinfo-report validate 文件 --previous 上年文件"
    )
    return lines
