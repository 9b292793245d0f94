"""The options of each command, added to its sub-parser only when the command is named
(see :func:`~govinfo_report.cli._parser.build_parser`), and the converters of their
values."""

from __future__ import annotations

import argparse

from govinfo_report._enums import AgencyKind, FormatVersion, Severity

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from pathlib import Path


def validate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "files", nargs="+", metavar="FILE", type=path, help="report file or folder (- = stdin)"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="message language")
    output_format = p.add_mutually_exclusive_group()
    output_format.add_argument("--json", action="store_true", help="one JSON document on stdout")
    output_format.add_argument(
        "--jsonl",
        action="store_true",
        help="JSON Lines: one line per file as it is checked, then a summary line "
        "(for large batches)",
    )
    p.add_argument(
        "--min-severity",
        "--severity",
        dest="min_severity",
        choices=[s.value for s in Severity],
        default=Severity.NOTICE.value,
        help="show findings of this severity and worse (the exit code counts all)",
    )
    p.add_argument(
        "--previous", type=path, metavar="FILE", help="the same agency's report on the year before"
    )
    p.add_argument(
        "--force-previous",
        action="store_true",
        help="compare with --previous even when it is another agency's report",
    )
    p.add_argument("--from", dest="reader", metavar="FORMAT", help="input format (default: detect)")
    p.add_argument("--explain", action="store_true", help="print how to fix each finding")


def new_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--year", type=int, help="the year reported on (with --from: default the year after)"
    )
    p.add_argument(
        "--from",
        dest="previous",
        type=path,
        metavar="FILE",
        help="last year's report (any format import reads), to start from",
    )
    p.add_argument(
        "--format",
        choices=[v.value for v in FormatVersion],
        help="statutory format (default: the one prescribed for --year)",
    )
    p.add_argument(
        "-o",
        "--output",
        type=path,
        required=True,
        help=".yaml, .json, .toml (- = YAML) or .xlsx (the fill-in workbook)",
    )
    p.add_argument(
        "--to",
        choices=("report", "xlsx"),
        help="report: a report file (YAML, JSON, TOML); xlsx: the fill-in workbook "
        "(default: from the suffix of -o)",
    )
    p.add_argument(
        "--departments",
        type=path,
        metavar="FILE",
        help="xlsx: a text file of department names, one a line: one sheet per department",
    )
    p.add_argument("--agency", help="the agency's full name (default: --from's, or none)")
    p.add_argument(
        "--kind",
        choices=[k.value for k in AgencyKind],
        help="agency kind, deciding deadline and required content (default: --from's, "
        "or department)",
    )
    p.add_argument(
        "--force", action="store_true", help="replace an existing file, even a read-only one"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the messages")


def schema_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=[v.value for v in FormatVersion],
        help="one format only (default: either, chosen by metadata.format_version)",
    )
    p.add_argument("-o", "--output", type=path, help="write to a file instead of stdout")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file, even a read-only one"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the errors")


def render_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "files",
        nargs="+",
        type=path,
        metavar="FILE",
        help="the report (- = stdin), or folders and files of reports to render in a batch",
    )
    p.add_argument("--to", metavar="WRITER", help="docx, markdown, xlsx, ... (default: from -o)")
    p.add_argument(
        "-o",
        "--output",
        help="output file (default: FILE with the writer's suffix; - = stdout); "
        "in a batch, the output folder",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=positive,
        default=1,
        metavar="N",
        help="batch: worker processes (default: 1, in this process)",
    )
    p.add_argument("--template", type=path, metavar="T.docx", help="Word template (docx)")
    p.add_argument(
        "--template-layout",
        action="store_true",
        help="docx: the template's page setup and styles instead of GB/T 9704's",
    )
    p.add_argument(
        "--html-tables", action="store_true", help="Markdown: HTML tables with exact merges"
    )
    p.add_argument("--from", dest="reader", metavar="FORMAT", help="input format (default: detect)")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file, even a read-only one"
    )
    p.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of the findings and errors"
    )


def import_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=path, metavar="FILE", help="the published report (- = stdin)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help=".yaml, .json or .toml (- = YAML); for a workbook of departments, a folder",
    )
    p.add_argument("--from", dest="reader", metavar="FORMAT", help="input format (default: detect)")
    p.add_argument(
        "--fill-totals",
        action="store_true",
        help="compute every 总计 from its parts (a workbook filled in by a program has "
        "no saved formula results); a total typed that its parts contradict is listed",
    )
    p.add_argument(
        "--force", action="store_true", help="replace an existing file, even a read-only one"
    )
    p.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of the findings and errors"
    )


def migrate_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=path, metavar="FILE", help="the report (- = stdin)")
    p.add_argument("-o", "--output", required=True, help=".yaml, .json or .toml (- = YAML)")
    p.add_argument(
        "--to",
        choices=[v.value for v in FormatVersion],
        default=FormatVersion.V2021.value,
        help="the format to move to (default: 2021)",
    )
    p.add_argument("--from", dest="reader", metavar="FORMAT", help="input format (default: detect)")
    p.add_argument(
        "--force", action="store_true", help="replace an existing file, even a read-only one"
    )
    p.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of the findings and errors"
    )


def survey_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", type=path, help="report file or folder")
    p.add_argument(
        "-o", "--output", type=path, required=True, metavar="OUTDIR", help="output folder"
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=positive,
        metavar="N",
        help="worker processes (default: all cores; 1 = in this process)",
    )
    p.add_argument(
        "--hierarchy",
        metavar="FILE|auto",
        help="parent → children agencies (YAML), or auto (from the names), for rule H.1",
    )
    p.add_argument(
        "--no-similar",
        dest="similar",
        action="store_false",
        help="do not judge copied text (DUP.1, 雷同)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of the summary and errors"
    )


def path(text: str) -> Path:
    """An argument as a path: :mod:`pathlib` is imported when a command takes one, not
    for ``--help`` (start-up time)."""
    import pathlib

    return pathlib.Path(text)


def positive(text: str) -> int:
    """A whole number ≥ 1 (``--jobs``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {value}")
    return value


__all__ = [
    "import_options",
    "migrate_options",
    "new_options",
    "path",
    "positive",
    "render_options",
    "schema_options",
    "survey_options",
    "validate_options",
]
