"""``import ARCHIVE.zip -o OUTDIR``: each report inside a zip archive as a report file.

The members are the ones ``survey`` and ``validate`` read (:mod:`govinfo_report._archive`:
streamed, GBK names decoded, bombs and encrypted members named), each read by the
reader its content calls for. Each is written to ``OUTDIR`` under a name made from its
path in the archive (:func:`output_names`), never from the path itself: a member called
``../../etc/x.doc`` or ``/tmp/x.doc`` is written as ``OUTDIR/etc_x.yaml``, and no folder
is created inside ``OUTDIR``, so nothing is written outside it whatever the archive
holds. A workbook of departments (one report a sheet) gives one file a department,
named after the workbook and the sheet (``region.xlsx``'s sheet 东区局 →
``region_东区局.yaml``). Every output is checked before any member is read (but the
workbooks, opened first to name their sheets' files), so that one that exists
(without ``--force``), is not a regular file (a FIFO, a device) or cannot be written
stops the import before anything is written.
A member that cannot be read is named and the others are imported.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from govinfo_report._archive import NO_REPORT, NO_REPORT_ZH, SEPARATOR, Archive
from govinfo_report._cli_output import checked_output
from govinfo_report._failures import describe_error
from govinfo_report._io import destination, write_output
from govinfo_report.cli import _common
from govinfo_report.cli._common import EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE, PROG, print_findings
from govinfo_report.errors import GovinfoReportError, ReportReadError, ReportWriteError
from govinfo_report.findings import Severity

if TYPE_CHECKING:
    from govinfo_report.readers import ReadResult

MAX_NAME_BYTES = 200
"""An output's name at most, in UTF-8 bytes (most file systems allow 255)."""
_SEPARATORS = re.compile(r"[\\/]")
_NO_PART = frozenset(("", ".", ".."))


def output_names(members: Sequence[str]) -> dict[str, str]:
    """Member → the name of its report file in ``OUTDIR``, one distinct name each.

    The member's path in the archive, below the folders every member shares, its
    folders joined by ``_`` (``各区/东区.doc`` → ``各区_东区.yaml``); empty, ``.`` and
    ``..`` parts dropped; control characters as ``_``, and a leading ``.`` as ``_.``
    (no hidden file). Members whose names would be the same (``局.doc`` and ``局.xls``)
    keep their suffix (``局.doc.yaml``, ``局.xls.yaml``); names equal once case is
    folded get ``~2``, ``~3``..., so that a case-insensitive file system keeps them
    apart too.
    """
    return dict(zip(members, _output_names(members), strict=True))


def _output_names(members: Sequence[str]) -> list[str]:
    """:func:`output_names`, a name for each of ``members`` in order (the same
    member twice gets two names)."""
    split = [[p for p in _SEPARATORS.split(m) if p not in _NO_PART] or ["_"] for m in members]
    shared = 0
    if split:
        while all(len(parts) > shared + 1 for parts in split) and (
            len({parts[shared] for parts in split}) == 1
        ):
            shared += 1
    stems = []
    for parts in split:
        leaf = parts[-1]
        dot = leaf.rfind(".")
        stems.append((parts[shared:-1], leaf[:dot] if dot > 0 else leaf, leaf))
    plain = Counter(_safe("_".join([*folders, stem])).casefold() for folders, stem, _ in stems)
    names: list[str] = []
    used: set[str] = set()
    for folders, stem, leaf in stems:
        base = _safe("_".join([*folders, stem]))
        if plain[base.casefold()] > 1:
            base = _safe("_".join([*folders, leaf]))
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            name = _safe(base, f"~{n}")
        used.add(name.casefold())
        names.append(f"{name}.yaml")
    return names


def _safe(name: str, tail: str = "") -> str:
    """``name`` (and ``tail`` after it) as one file name: control characters as ``_``,
    no leading dot, at most :data:`MAX_NAME_BYTES` bytes with ``.yaml``."""
    name = "".join("_" if unicodedata.category(c) == "Cc" else c for c in name)
    if name.startswith("."):
        name = "_" + name
    room = MAX_NAME_BYTES - len(".yaml") - len(tail.encode())
    while len(name.encode()) > room:
        name = name[:-1]
    return name + tail


def import_archive(options: argparse.Namespace, source: Path, stderr: IO[str]) -> int | None:
    """Import each report of the zip archive ``source`` into ``-o OUTDIR``; None when
    ``source`` is a document's package named .zip (a .docx), to be read as that.

    Raises:
        ReportReadError: the archive cannot be opened or holds no report.
        UsageError: no folder given with ``-o``.
        ReportWriteError: an output exists (without ``--force``) or cannot be written.
    """
    opened = Archive(source, str(source))
    with opened:
        if not opened.holds_reports():
            if opened.document:
                return None
            raise ReportReadError(f"{source} is {NO_REPORT}", zh=f"{source} 是{NO_REPORT_ZH}")
        out_dir = _common.output_folder(
            options.output, source, "holds several reports", "含有多份报告"
        )
        out_dir.mkdir(parents=True, exist_ok=True)  # a new one holds nothing to refuse
        from govinfo_report._legacy import converted_members

        with converted_members(opened):  # its .doc and .xls by one LibreOffice run
            books, converted = _departments(opened, source)
            entries: list[Entry] = []
            named: list[str] = []  # what each entry's output is named after
            for member in opened.names():
                sheets = books.get(member)
                if sheets is None:
                    entries.append((member, None))
                    named.append(member)
                    continue
                stem = member.rsplit(".", 1)[0]  # a sheet name holds no "/" nor "\\"
                for sheet, _ in sheets:
                    entries.append((member, sheet))
                    named.append(f"{stem}/{sheet}.xlsx")
            outputs = {}
            for entry, name in zip(entries, _output_names(named), strict=True):
                output = checked_output(out_dir / name, options.force, source)
                assert output is not None  # a name in a folder, not "-"
                if destination(output).kind == "in_place":  # in place, it could block
                    raise ReportWriteError(
                        f"{output} is not a regular file; remove it first",
                        zh=f"{output} 不是普通文件；请先删除它",
                    )
                outputs[entry] = output
            return _import_members(options, source, opened, outputs, books, converted, stderr)


Entry = tuple[str, str | None]
"""An archive's member and, for a workbook of departments, one of its sheets."""
Sheets = tuple[tuple[str, "ReadResult"], ...]


def _departments(opened: Archive, source: Path) -> tuple[dict[str, Sheets], dict[str, bytes]]:
    """Each workbook of departments in the archive, by member: its sheets' reports
    (read before any output is planned, as each gives a report file of its own); and
    each other old workbook's conversion to ``.xlsx``, by member, so that none is
    converted twice. A workbook that cannot be opened is neither: reading it later
    says why."""
    from govinfo_report._departments import (
        OLD_WORKBOOK_SUFFIXES,
        WORKBOOK_SUFFIXES,
        as_xlsx,
        department_reports,
    )

    books: dict[str, Sheets] = {}
    converted: dict[str, bytes] = {}
    for member, data in opened.members(WORKBOOK_SUFFIXES | OLD_WORKBOOK_SUFFIXES):
        if not isinstance(data, bytes):
            continue
        where = f"{source}{SEPARATOR}{member}"
        try:
            xlsx, _ = as_xlsx(data, where, Path(member).suffix)
            sheets = department_reports(xlsx, where)
        except (GovinfoReportError, MemoryError):
            continue
        if sheets is not None:
            books[member] = sheets
        elif xlsx is not data:
            converted[member] = xlsx
    return books, converted


def _import_members(
    options: argparse.Namespace,
    source: Path,
    opened: Archive,
    outputs: dict[Entry, Path],
    books: dict[str, Sheets],
    converted: dict[str, bytes],
    stderr: IO[str],
) -> int:
    from govinfo_report.cli._import import filled
    from govinfo_report.readers import read_report
    from govinfo_report.serialize import dumps

    written = unusable = 0
    errors = False
    for member, data in opened.members():
        where = f"{source}{SEPARATOR}{member}"
        if not isinstance(data, bytes):
            stderr.write(f"{PROG}: error: {data.error(where).message(options.lang)}\n")
            unusable += 1
            continue
        reports: list[tuple[Entry, str, ReadResult]]
        if member in books:
            reports = [
                ((member, sheet), f"{where}{SEPARATOR}{sheet}", result)
                for sheet, result in books[member]
            ]
        else:
            suffix = Path(member).suffix
            if member in converted:  # an old workbook, read from its conversion
                data, suffix = converted[member], ".xlsx"
            try:
                result = read_report(data, name=where, suffix=suffix)
            except (GovinfoReportError, MemoryError) as exc:
                message = describe_error(exc, lang=options.lang)
                if not message.startswith(where):
                    message = f"{where}: {message}"
                stderr.write(f"{PROG}: error: {message}\n")
                unusable += 1
                continue
            reports = [((member, None), where, result)]
        for entry, name, (report, findings) in reports:
            print_findings(findings, name, options.lang, stderr)
            if options.fill_totals:
                report = filled(report, name, options.lang, stderr)
            output = outputs[entry]
            write_output(output, dumps(report, "yaml").encode("utf-8"), force=options.force)
            read, stated = _common.cell_counts(report)
            stderr.write(_common.wrote_cells(options.lang, output, read, stated))
            written += 1
            errors = errors or any(f.severity is Severity.ERROR for f in findings)
    failed = f"; {unusable} could not be read" if unusable else ""
    failed_zh = f"；{unusable} 份无法读取" if unusable else ""
    english = f"imported {written} report(s) from {source}{failed}"
    chinese = f"已从 {source} 导入 {written} 份报告{failed_zh}"
    stderr.write(_common.said(options.lang, english, chinese) + "\n")
    if unusable:
        return EXIT_UNUSABLE
    return EXIT_ERRORS if errors else EXIT_OK
