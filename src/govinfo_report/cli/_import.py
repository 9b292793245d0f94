"""``import``: read a published report (Word, web page, Markdown, text) into a report file;
a workbook of departments, or a zip archive of reports (:mod:`._import_archive`), into a
folder of them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO

from govinfo_report._cli_output import checked_output, syntax_for_output
from govinfo_report._io import write_output
from govinfo_report.cli import _common
from govinfo_report.cli._common import EXIT_ERRORS, EXIT_OK, print_findings, said, wrote_cells
from govinfo_report.findings import Lang, Severity
from govinfo_report.model import Report


def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``import FILE -o OUT``: read a published report and write it as a report file."""
    from govinfo_report.serialize import dumps

    source: Path = options.file
    if options.reader is None and source.suffix.lower() == ".zip" and str(source) != "-":
        from govinfo_report.cli._import_archive import import_archive

        code = import_archive(options, source, stderr)
        if code is not None:
            return code
    workbook = _workbook(source, options.reader)
    if workbook is not None and _is_collection(workbook):
        return _collection(options, source, workbook, stderr)
    output = checked_output(options.output, options.force, source)
    syntax = syntax_for_output(output)
    if workbook is not None:
        from govinfo_report.readers.xlsx import XlsxReader

        result = XlsxReader().read(workbook, source=str(source))
    else:
        result = _common.read_input(source, options.reader)
    # Unpacked, as users do: mypy --strict checks here that ReadResult unpacks typed.
    report, findings = result
    print_findings(findings, source, options.lang, stderr)
    if options.fill_totals:
        report = filled(report, source, options.lang, stderr)
    text = dumps(report, syntax)
    read, stated = _common.cell_counts(report)
    if output is None:
        stdout.write(text)
        english = f"read {read} of {stated} table cells"
        stderr.write(
            said(options.lang, english, f"表格单元格读到 {read} 个，共 {stated} 个") + "\n"
        )
    else:
        write_output(output, text.encode("utf-8"), force=options.force)
        stderr.write(wrote_cells(options.lang, output, read, stated))
    errors = any(f.severity is Severity.ERROR for f in findings)
    return EXIT_ERRORS if errors else EXIT_OK


def filled(report: Report, source: str | Path, lang: Lang, stderr: IO[str]) -> Report:
    """``report`` with its totals computed; each total that was typed and changes is
    listed, so that a figure the parts contradict is not overwritten unseen."""
    from govinfo_report.model import BLANK, fill_totals

    filled, changes = fill_totals(report, changed=True)
    for change in changes:
        if change.before is BLANK:
            continue
        if lang == "en":
            line = f"total {change.path}: {change.before} typed, {change.after} from its parts"
        else:
            line = f"合计 {change.path}：填写为 {change.before}，按各项计算为 {change.after}"
        stderr.write(f"{source}: {line}\n")
    return filled


def _workbook(source: Path, reader: str | None) -> bytes | None:
    """The ``.xlsx`` bytes to read ``source`` from: an ``.xlsx`` that is a workbook of
    departments; an ``.xls`` or ``.et`` converted (once, whether it is one or not). None
    for anything else, or when the file cannot be read (the ordinary path says why).

    Raises:
        ReportReadError: LibreOffice is missing or could not convert the workbook.
    """
    suffix = source.suffix.lower()
    if str(source) == "-" or reader not in (None, "xlsx", "xls"):
        return None
    from govinfo_report.readers.xls import XlsReader, is_workbook_binary, to_xlsx
    from govinfo_report.readers.xlsx import XlsxReader

    if suffix not in (*XlsxReader.suffixes, *XlsReader.suffixes):
        return None
    from govinfo_report._input import read_file
    from govinfo_report.readers import MAX_SOURCE_BYTES

    try:
        data = read_file(source, MAX_SOURCE_BYTES)
    except OSError:
        return None
    if reader != "xlsx" and is_workbook_binary(data):
        # Converted once: a conversion that fails says why here, where reading it on the
        # ordinary path would run LibreOffice again to fail the same way.
        return to_xlsx(data, str(source))
    if suffix in XlsxReader.suffixes and reader != "xls" and _is_collection(data):
        return data
    return None


def _is_collection(workbook: bytes) -> bool:
    """Whether ``workbook`` is a workbook of departments (one report a sheet)."""
    from govinfo_report.readers.xlsx import is_collection

    return is_collection(workbook)


def _collection(options: argparse.Namespace, source: Path, workbook: bytes, stderr: IO[str]) -> int:
    """``import REGION.xlsx -o OUTDIR``: each department's sheet as OUTDIR/SHEET.yaml."""
    from govinfo_report.readers.xlsx import XlsxReader
    from govinfo_report.serialize import dumps

    out_dir = _common.output_folder(
        options.output,
        source,
        "holds one report per department",
        "含有各部门的报告（每个部门一份）",
    )
    results = XlsxReader().read_sheets(workbook, source=str(source))
    out_dir.mkdir(parents=True, exist_ok=True)
    errors = False
    for sheet, (report, findings) in results:
        print_findings(findings, source, options.lang, stderr)
        if options.fill_totals:
            report = filled(report, source, options.lang, stderr)
        name = sheet if not sheet.startswith(".") else "_" + sheet
        output = checked_output(out_dir / f"{name}.yaml", options.force, source)
        assert output is not None
        write_output(output, dumps(report, "yaml").encode("utf-8"), force=options.force)
        read, stated = _common.cell_counts(report)
        stderr.write(wrote_cells(options.lang, output, read, stated))
        errors = errors or any(f.severity is Severity.ERROR for f in findings)
    n = len(results)
    stderr.write(
        said(
            options.lang, f"imported {n} report(s) from {source}", f"已从 {source} 导入 {n} 份报告"
        )
        + "\n"
    )
    return EXIT_ERRORS if errors else EXIT_OK
