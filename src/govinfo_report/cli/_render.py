"""``render``: write a report as a Word document, Markdown, an Excel workbook or with a
plugin writer.

The document is written even when the report has errors (an office may want to see it),
but the exit code then says, as ``validate`` would, that it is not one to publish.
Given folders or several files (``render DIR... -o OUTDIR``), every report among them is
rendered by one writer into OUTDIR at its relative path (:mod:`govinfo_report.batch`);
a file that fails is reported and the batch goes on.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from govinfo_report._cli_output import checked_output
from govinfo_report._io import write_output
from govinfo_report.cli import _common
from govinfo_report.cli._common import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNUSABLE,
    PROG,
    UsageError,
    print_findings,
    said,
)
from govinfo_report.errors import ReportWriteError, UnknownFormatError
from govinfo_report.findings import Severity

if TYPE_CHECKING:
    from govinfo_report.writers import Writer


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``render FILE`` or ``render DIR... -o OUTDIR``."""
    files: list[Path] = options.files
    if len(files) == 1 and not files[0].is_dir():
        options.file = files[0]  # what an error message names
        return _one(options, stdout, stderr)
    return _batch(options, stderr)


def _writer(options: argparse.Namespace, name: str) -> Writer:
    """The writer ``name`` with the options of the command line."""
    from govinfo_report.writers import get_writer

    writer_options: dict[str, Any] = {}
    if options.template is not None:
        if not options.template.is_file():
            template = options.template
            raise ReportWriteError(
                f"cannot access {template}: no such template",
                zh=f"无法访问 {template}：没有这个模板",
            )
        writer_options["template"] = options.template
        if options.template_layout:
            writer_options["template_layout"] = True
    elif options.template_layout:
        raise UsageError(
            "--template-layout needs --template T.docx",
            zh="--template-layout 须与 --template T.docx 一起使用",
        )
    if options.html_tables:
        writer_options["tables"] = "html"
    try:
        return get_writer(name, **writer_options)
    except TypeError:
        given = ", ".join(sorted(writer_options))
        raise UsageError(
            f"writer {name!r} does not accept the option(s) {given}",
            zh=f"写出器 {name!r} 不接受选项 {given}",
        ) from None
    except ImportError as exc:  # a writer whose module or dependency is missing
        raise UsageError(
            f"writer {name!r} is not available: {exc}", zh=f"写出器 {name!r} 不可用：{exc}"
        ) from None


def _one(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``render FILE``: write the report with a writer, then say if its numbers are wrong."""
    from govinfo_report.writers import writer_for_path

    source: Path = options.file
    if options.to is None and options.output in (None, "-"):
        raise UsageError(
            "say which writer with --to (docx, markdown, xlsx, ...) or give -o FILE",
            zh="请用 --to（docx、markdown、xlsx 等）指定写出器，或用 -o FILE 给出输出文件",
        )
    if options.output is None and str(source) == "-":
        raise UsageError(
            "reading standard input: give -o FILE, or -o - for text output",
            zh="正在读取标准输入：请用 -o FILE 给出输出文件，文本输出可用 -o -",
        )
    try:
        name = options.to or writer_for_path(options.output)
    except UnknownFormatError as exc:
        raise UsageError(
            f"{exc}; or say which writer with --to", zh=f"{exc.message('zh')}；或用 --to 指定写出器"
        ) from None
    if options.to is not None and options.output not in (None, "-"):
        _suffix_agrees(options.to, options.output)
    writer = _writer(options, name)
    output = checked_output(
        options.output or source.with_suffix(writer.suffix), options.force, source
    )
    if output is None and writer.binary:
        raise UsageError(
            f"{name} output is binary; give -o FILE instead of -o -",
            zh=f"{name} 输出是二进制的；请用 -o FILE，不要用 -o -",
        )
    read = _common.read_input(source, options.reader)
    print_findings(read.findings, source, options.lang, stderr)
    buffer = io.BytesIO()
    writer.write(read.report, buffer)
    if output is None:
        stdout.write(buffer.getvalue().decode("utf-8"))
    else:
        write_output(output, buffer.getvalue(), force=options.force)
        stderr.write(said(options.lang, f"wrote {output}", f"已写入 {output}") + "\n")
    # The document is written either way (an office may want to see it), but a report
    # whose numbers do not add up is not one to publish: say so, and exit as validate.
    from govinfo_report.checks import check

    errors = [f for f in check(read.report) if f.severity is Severity.ERROR]
    print_findings(errors, source, options.lang, stderr)
    reader_errors = any(f.severity is Severity.ERROR for f in read.findings)
    return EXIT_ERRORS if errors or reader_errors else EXIT_OK


def _suffix_agrees(name: str, output: str | Path) -> None:
    """Refuse ``--to name`` with an output whose suffix is another writer's (``-o
    report.docx --to markdown``): Word could not open the file. A suffix no writer
    claims (``notes.txt``) is the user's choice.

    Raises:
        UsageError: the suffix is another writer's.
    """
    import pathlib

    from govinfo_report.writers import writer_for_path

    try:
        claimed = writer_for_path(output)
    except UnknownFormatError:
        return
    if claimed != name:
        suffix = pathlib.Path(output).suffix
        raise UsageError(
            f"--to {name} would write {output} as {name}, but {suffix} is the suffix of "
            f"{claimed}; give the file a name for {name}, or leave out --to",
            zh=f"--to {name} 会以 {name} 格式写出 {output}，但 {suffix} 是 {claimed} 的后缀；"
            f"请给出 {name} 格式的文件名，或去掉 --to",
        )


def _batch(options: argparse.Namespace, stderr: IO[str]) -> int:
    """``render DIR... -o OUTDIR``: every report under the paths, one output each."""
    from govinfo_report._scan import expand_given, unusable_zh
    from govinfo_report.batch import Policy, run_batch

    if options.to is None:
        raise UsageError(
            "rendering a batch: say which writer with --to (docx, markdown, xlsx, ...)",
            zh="批量生成：请用 --to（docx、markdown、xlsx 等）指定写出器",
        )
    if options.output in (None, "-"):
        raise UsageError(
            "rendering a batch: give the output folder with -o OUTDIR",
            zh="批量生成：请用 -o OUTDIR 给出输出文件夹",
        )
    if any(str(path) == "-" for path in options.files):
        raise UsageError(
            "standard input (-) is one report: render it on its own",
            zh="标准输入（-）是一份报告：请单独生成",
        )
    out_dir = Path(options.output)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(
            f"{out_dir} is not a folder; a batch writes into a folder",
            zh=f"{out_dir} 不是文件夹；批量生成要写入文件夹",
        )
    writer = _writer(options, options.to)
    pairs: list[tuple[str, Path]] = []
    empty = 0  # folders holding no report: each a failure, as validate counts them
    # One scan of them all: a file named twice (or also under a folder given) is
    # rendered once, under the name its first mention gives it.
    for given, path, unusable in expand_given(options.files):
        if unusable is not None:
            reason = unusable if options.lang == "en" else unusable_zh(unusable)
            stderr.write(f"{PROG}: error: {path}: {reason}\n")
            empty += 1
        elif not _inside(path, out_dir):  # our own outputs, on a second run
            pairs.append((_name(path, given), path))
    policy = Policy(force=options.force, keep_existing=True, check=True, reader=options.reader)
    results = run_batch(pairs, out_dir, writer, policy, jobs=options.jobs)
    for (_, source), result in zip(pairs, results, strict=True):
        print_findings(result.findings, source, options.lang, stderr)
        if result.ok:
            out = result.output
            stderr.write(said(options.lang, f"wrote {out}", f"已写入 {out}") + "\n")
        else:
            why = (result.error_zh if options.lang == "zh" else None) or result.error
            stderr.write(f"{PROG}: error: {source}: {why}\n")
    written = sum(r.ok for r in results)
    with_errors = sum(r.ok and r.has_errors for r in results)
    failed = empty + len(results) - written
    total = len(results) + empty
    english = f"rendered {written} of {total}: {with_errors} with errors, {failed} failed"
    chinese = f"共 {total} 份，已生成 {written} 份：{with_errors} 份有错误，{failed} 份失败"
    stderr.write(said(options.lang, english, chinese) + "\n")
    if failed:
        return EXIT_UNUSABLE
    return EXIT_ERRORS if with_errors else EXIT_OK


def _name(path: Path, given: Path) -> str:
    """The output name of ``path`` found under ``given``: its path relative to the
    folder, or its file name when it was given itself."""
    if path == given:
        return path.name
    return path.relative_to(given).as_posix()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
