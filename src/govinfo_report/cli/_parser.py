"""The argument parser: every command, its options and help, on the streams of one run.

argparse prints to ``sys.stdout``/``sys.stderr`` and calls ``sys.exit``; :class:`Parser`
overrides only its public methods (``print_usage``, ``print_help``, ``exit``, ``error``)
so that it writes to the streams given to :func:`~govinfo_report.cli.run` and raises
:class:`ParserExit` instead, and ``--version`` is an action of ours that does the same.
The help is said in the run's language the same way, by public methods only
(``add_argument``, ``add_mutually_exclusive_group``, ``format_usage``, ``format_help``)
and argparse's documented formatter classes (:mod:`govinfo_report.cli._help`).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from govinfo_report._cli_output import POLICY
from govinfo_report.cli._common import EXIT_UNUSABLE, PROG
from govinfo_report.cli._help import HelpTexts, language

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
    """An ArgumentParser that writes to ``out``/``err``, never calls sys.exit, and says
    its help in the run's language.

    Each run binds its streams and help texts in a subclass (argparse builds subparsers
    from a class). The help is translated and wrapped as the parser is built
    (:class:`~govinfo_report.cli._help.HelpTexts`): every argument goes into one of two
    groups of our own, whose titles are translated too ("positional arguments" and
    "options" are argparse's), and ``-h`` is ours.
    """

    out: IO[str]
    err: IO[str]
    args: Sequence[str] = ()
    """The run's arguments as given: the language of a usage error is read from them."""
    help_texts: HelpTexts

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False  # our -h, in our group, in the run's language
        super().__init__(*args, **kwargs)
        texts = self.help_texts
        self.positionals = self.add_argument_group(texts.text("positional arguments"))
        self.options = self.add_argument_group(texts.text("options"))
        self.options.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=texts.option(texts.text("show this help message and exit")),
        )

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """argparse's, into our group of positionals or of options, with the help in the
        run's language."""
        self.help_texts.of_argument(kwargs)
        option = bool(args) and isinstance(args[0], str) and args[0][:1] in self.prefix_chars
        return (self.options if option else self.positionals).add_argument(*args, **kwargs)

    def add_mutually_exclusive_group(self, **kwargs: Any) -> Any:
        """argparse's, within our group of options, its help in the run's language."""
        return _Exclusive(self.options.add_mutually_exclusive_group(**kwargs), self.help_texts)

    def format_usage(self) -> str:
        return self.help_texts.printed(super().format_usage())

    def format_help(self) -> str:
        return self.help_texts.printed(super().format_help())

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


class _Exclusive:
    """A mutually exclusive group whose arguments' help is said as the parser's."""

    def __init__(self, group: Any, texts: HelpTexts) -> None:
        self.group = group
        self.texts = texts

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        self.texts.of_argument(kwargs)
        action: argparse.Action = self.group.add_argument(*args, **kwargs)
        return action


class ShowVersion(argparse.Action):
    """``--version``: print the program's version on the run's ``out`` and stop."""

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str = argparse.SUPPRESS,
        help: str = "show program's version number and exit",
    ) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

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
    texts = HelpTexts(language(given), width)
    say, paragraph = texts.said, texts.paragraph

    # argparse's layout at the run's width (argparse calls the class with prog= alone).
    formatter = functools.partial(texts.formatter, width=width)

    class RunParser(Parser):
        out = stdout
        err = stderr
        args = given
        help_texts = texts

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("formatter_class", formatter)
            super().__init__(*args, **kwargs)

    def listed(name: str, summary: str, description: str, *epilog: str) -> Parser:
        """The sub-parser of command ``name``, its texts in the run's language; its
        description and epilog only when it is named, as its options: no other
        command's help can be printed in this run, and wrapping Chinese (a character
        at a time) every command's would cost a millisecond a run."""
        listed_as = texts.option(say(summary), listing)
        if name not in wanted:
            return commands.add_parser(name, help=listed_as)
        return commands.add_parser(
            name,
            help=listed_as,
            description=paragraph(say(description)),
            epilog="\n".join(paragraph(say(e)) for e in epilog) or None,
        )

    # The commands are listed four columns in, their summaries two columns after the
    # longest invocation (theirs, or the program's options two columns in), as argparse
    # places them.
    options_shown = ("-h, --help", "--version", "--lang {zh,en}")
    listing = max(2 + max(map(len, options_shown)), 4 + max(map(len, _COMMANDS))) + 2
    exit_codes = "Exit codes: 0 no errors, 1 a report has errors, 2 unusable input or failure."
    parser = RunParser(
        prog=PROG,
        description=paragraph(
            say("政府信息公开工作年度报告: validate, create, import and render reports.")
        ),
        epilog=f"{paragraph(say(exit_codes))}\n{paragraph(say(POLICY))}",
    )
    parser.add_argument(
        "--version", action=ShowVersion, help="show program's version number and exit"
    )
    # The language is read from the arguments as given (cli._help.language) wherever
    # --lang stands: before the command it is taken too, for the help and the command.
    parser.add_argument(
        "--lang",
        dest="program_lang",
        choices=("zh", "en"),
        help="language of this help and of the command (also after the command)",
    )
    commands = parser.add_subparsers(
        title=say("commands"), metavar="COMMAND", parser_class=RunParser
    )
    commands.required = True

    p = listed(
        "validate",
        "check reports against the 勾稽关系 and the other rules",
        "Check reports (files or folders) and print every finding.",
    )
    if "validate" in wanted:
        options.validate_options(p)
    p.set_defaults(command=command("validate"))

    p = listed(
        "new",
        "write a blank report to fill in, or start one from last year's",
        "Write a blank report (every cell blank, the six standard headings), or, with "
        "--from, this year's report started from last year's: agency, kind, contact, "
        "the section headings, 上年结转 = last year's 结转下年度, 现行有效件数 carried.",
        POLICY,
    )
    if "new" in wanted:
        options.new_options(p)
    p.set_defaults(command=command("new"))

    p = listed(
        "schema",
        "print the JSON Schema of the report file format",
        "Print the JSON Schema (draft 2020-12) of a report file.",
        POLICY,
    )
    if "schema" in wanted:
        options.schema_options(p)
    p.set_defaults(command=command("schema"))

    p = listed(
        "render",
        "write a report as a Word document, Markdown or an Excel workbook",
        "Render a report with a writer (docx, markdown, xlsx or a plugin); given "
        "folders or several files, render every report among them into the folder -o, "
        "one file each at the same relative path, with one writer.",
        "Exit codes: 0 written and no report has errors, 1 written but a report has "
        "errors, 2 unusable input or refused output (in a batch: any file).",
        POLICY,
    )
    if "render" in wanted:
        options.render_options(p)
    p.set_defaults(command=command("render"))

    p = listed(
        "import",
        "read a published report (Word, web page, text) into a report file",
        "Read a report and write it as YAML, JSON or TOML.",
        POLICY,
    )
    if "import" in wanted:
        options.import_options(p)
    p.set_defaults(command=command("import"))

    p = listed(
        "migrate",
        "move a 2019-format report into the 2021 format",
        "Move a report in the 2019 试行 format into the 2021 format: every row "
        "and column the formats share is carried over, the one 2019 （六）其他处理 row goes "
        "into 3.其他, and no number is made up. What did not carry over as it was is "
        "listed on stderr (MIG.* codes; see --explain in validate).",
        "Exit codes: 0 written, 1 written but the reader reported an error in the "
        "input, 2 unusable input.",
        POLICY,
    )
    if "migrate" in wanted:
        options.migrate_options(p)
    p.set_defaults(command=command("migrate"))

    p = listed(
        "survey",
        "check a corpus in parallel, pair years and levels, export tables and a dashboard",
        "Read and check every report under PATH (files and folders, any mix of "
        "formats), pair each with its agency's previous year, and write reports.csv, "
        "reports.xlsx, cells.csv, findings.jsonl and index.html into OUTDIR, which also "
        "caches what was read: a re-run reads only the files that changed.",
        "Exit codes: 0 the outputs are written (whatever the reports hold), "
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
