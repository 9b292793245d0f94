"""The argument parser: every command, its options and help, on the streams of one run.

argparse prints to ``sys.stdout``/``sys.stderr`` and calls ``sys.exit``; :class:`Parser`
overrides only its public methods (``print_usage``, ``print_help``, ``exit``, ``error``)
so that it writes to the streams given to :func:`~govinfo_report.cli.run` and raises
:class:`ParserExit` instead, and ``--version`` is an action of ours that does the same.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from govinfo_report._cli_output import POLICY
from govinfo_report.cli._common import EXIT_UNUSABLE, PROG

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import IO, Any, NoReturn

    from _typeshed import SupportsWrite

    Command = Callable[[argparse.Namespace, IO[str], IO[str]], int]


class ParserExit(Exception):
    """argparse wants to stop (``--help``, a usage error): carries the exit code."""

    def __init__(self, code: int) -> None:
        self.code = code


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that writes to ``out``/``err`` and never calls sys.exit.

    Each run binds its streams in a subclass (argparse builds subparsers from a class).
    """

    out: IO[str]
    err: IO[str]
    args: Sequence[str] = ()
    """The run's arguments as given: the language of a usage error is read from them."""

    def stream_for(self, file: SupportsWrite[str] | None) -> IO[str]:
        """Where argparse's ``file`` goes: ``err`` for standard error, else ``out``."""
        return self.err if file is sys.stderr or file is self.err else self.out

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        super().print_usage(self.stream_for(file))

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        super().print_help(self.stream_for(file))

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self.err.write(message)
        raise ParserExit(status)

    def error(self, message: str) -> NoReturn:
        from govinfo_report.cli import _usage  # only when there is a usage error

        self.print_usage(self.err)
        said = _usage.said(message, _usage.language(self.args))
        self.exit(EXIT_UNUSABLE, f"{self.prog}: error: {said}\n")


class ShowVersion(argparse.Action):
    """``--version``: print the program's version on the run's ``out`` and stop."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show program's version number and exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        from govinfo_report import __version__

        out = parser.out if isinstance(parser, Parser) else sys.stdout
        out.write(f"{parser.prog} {__version__}\n")
        parser.exit()


def command(name: str) -> Command:
    """The ``run`` of the command module ``govinfo_report.cli._<name>``, imported only
    when that command runs: ``--help`` and a usage error load no command's libraries."""

    def run(options: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
        module = importlib.import_module(f"govinfo_report.cli._{name}")
        run: Command = module.run
        return run(options, stdout, stderr)

    run.__qualname__ = f"command({name!r})"
    return run


_COMMANDS = frozenset(("validate", "new", "schema", "render", "import", "migrate", "survey"))


def build_parser(stdout: IO[str], stderr: IO[str], args: Sequence[str] = ()) -> Parser:
    """The parser of one run, writing to ``stdout`` and ``stderr``.

    Only the commands named in ``args`` get their options: ``--help`` lists the commands
    without building the options of any (start-up time); a run of ``validate`` builds
    validate's. Naming every command builds the whole parser.
    """
    wanted, given = frozenset(args), tuple(args)
    if not wanted.isdisjoint(_COMMANDS):  # the options of a command; --help needs none
        from govinfo_report.cli import _options as options
    width = _help_width()

    class RunFormatter(argparse.HelpFormatter):
        def __init__(
            self,
            prog: str,
            indent_increment: int = 2,
            max_help_position: int = 24,
            width: int | None = width,
        ) -> None:
            super().__init__(prog, indent_increment, max_help_position, width)

    class RunParser(Parser):
        out = stdout
        err = stderr
        args = given

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", RunFormatter)
            super().__init__(*args, **kwargs)

    parser = RunParser(
        prog=PROG,
        description="政府信息公开工作年度报告: validate, create, import and render reports.",
        epilog="Exit codes: 0 no errors, 1 a report has errors, 2 unusable input or failure. "
        + POLICY,
    )
    parser.add_argument("--version", action=ShowVersion)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=RunParser)
    commands.required = True

    p = commands.add_parser(
        "validate",
        help="check reports against the 勾稽关系 and the other rules",
        description="Check reports (files or folders) and print every finding.",
    )
    if "validate" in wanted:
        options.validate_options(p)
    p.set_defaults(command=command("validate"))

    p = commands.add_parser(
        "new",
        help="write a blank report to fill in, or start one from last year's",
        description=(
            "Write a blank report (every cell blank, the six standard headings), or, with "
            "--from, this year's report started from last year's: agency, kind, contact, "
            "the section headings, 上年结转 = last year's 结转下年度, 现行有效件数 carried."
        ),
        epilog=POLICY,
    )
    if "new" in wanted:
        options.new_options(p)
    p.set_defaults(command=command("new"))

    p = commands.add_parser(
        "schema",
        help="print the JSON Schema of the report file format",
        description="Print the JSON Schema (draft 2020-12) of a report file.",
        epilog=POLICY,
    )
    if "schema" in wanted:
        options.schema_options(p)
    p.set_defaults(command=command("schema"))

    p = commands.add_parser(
        "render",
        help="write a report as a Word document, Markdown or an Excel workbook",
        description="Render a report with a writer (docx, markdown, xlsx or a plugin); given "
        "folders or several files, render every report among them into the folder -o, "
        "one file each at the same relative path, with one writer.",
        epilog="Exit codes: 0 written and no report has errors, 1 written but a report has "
        "errors, 2 unusable input or refused output (in a batch: any file). " + POLICY,
    )
    if "render" in wanted:
        options.render_options(p)
    p.set_defaults(command=command("render"))

    p = commands.add_parser(
        "import",
        help="read a published report (Word, web page, text) into a report file",
        description="Read a report and write it as YAML, JSON or TOML.",
        epilog=POLICY,
    )
    if "import" in wanted:
        options.import_options(p)
    p.set_defaults(command=command("import"))

    p = commands.add_parser(
        "migrate",
        help="move a 2019-format report into the 2021 format",
        description="Move a report in the 2019 试行 format into the 2021 format: every row "
        "and column the formats share is carried over, the one 2019 （六）其他处理 row goes "
        "into 3.其他, and no number is made up. What did not carry over as it was is "
        "listed on stderr (MIG.* codes; see --explain in validate).",
        epilog="Exit codes: 0 written, 1 written but the reader reported an error in the "
        "input, 2 unusable input. " + POLICY,
    )
    if "migrate" in wanted:
        options.migrate_options(p)
    p.set_defaults(command=command("migrate"))

    p = commands.add_parser(
        "survey",
        help="check a corpus in parallel, pair years and levels, export tables and a dashboard",
        description="Read and check every report under PATH (files and folders, any mix of "
        "formats), pair each with its agency's previous year, and write reports.csv, "
        "reports.xlsx, cells.csv, findings.jsonl and index.html into OUTDIR, which also "
        "caches what was read: a re-run reads only the files that changed.",
        epilog="Exit codes: 0 the outputs are written (whatever the reports hold), "
        "2 the survey could not run.",
    )
    if "survey" in wanted:
        options.survey_options(p)
    p.set_defaults(command=command("survey"))
    return parser


def _help_width() -> int:
    """The help's width: what :class:`argparse.HelpFormatter` computes (the terminal's
    columns less 2; ``COLUMNS`` wins; 80 without a terminal), once per run and without
    importing :mod:`shutil` (and with it bz2, lzma and zlib) at every option."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns or 80) - 2
