"""The entry points: ``main`` (the console script) and ``run`` (one command on given streams)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from govinfo_report._failures import describe_error
from govinfo_report.cli._common import (
    EXIT_BROKEN_PIPE,
    EXIT_UNUSABLE,
    PROG,
    internal_error,
    said,
)
from govinfo_report.cli._help import language
from govinfo_report.cli._parser import ParserExit, build_parser
from govinfo_report.errors import GovinfoReportError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from typing import IO

    from govinfo_report.findings import Lang


def main(argv: Sequence[str] | None = None) -> int:
    """The console script: ``run`` on the process's arguments and streams."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show Chinese gets escapes, not a UnicodeEncodeError.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        code = run(sys.argv[1:] if argv is None else list(argv), sys.stdout, sys.stderr)
        sys.stdout.flush()  # here, not at exit, where a closed pipe would print a warning
    except BrokenPipeError:  # `govinfo-report validate ... | head`: stop quietly
        # The interpreter flushes stdout again at exit: let that go nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    return code


def run(args: Sequence[str], stdout: IO[str], stderr: IO[str]) -> int:
    """Run one command.

    Args:
        args: the arguments after the program name, e.g. ``["validate", "r.yaml"]``.
        stdout: where results go.
        stderr: where errors and the reader's findings go.

    Returns:
        The exit code: 0 no errors, 1 errors in a report, 2 unusable input or failure.

    Raises:
        BrokenPipeError: ``stdout`` was closed by its reader; :func:`main` ends quietly.
    """
    parser = build_parser(stdout, stderr, args)
    try:
        options = parser.parse_args(list(args))
    except ParserExit as stop:
        return stop.code
    command: Callable[[argparse.Namespace, IO[str], IO[str]], int] = options.command
    # --lang before the command (the program's) or after it (the command's): the last
    # one given, as the help and a usage error have read it.
    lang: Lang = language(args)
    options.lang = lang
    try:
        return command(options, stdout, stderr)
    except BrokenPipeError:  # our stdout, not a file: outputs raise ReportWriteError
        raise
    except (GovinfoReportError, OSError, MemoryError) as exc:  # in the language asked for
        described = describe_error(exc, getattr(options, "file", None), lang)
        stderr.write(f"{PROG}: error: {described}\n")
    except KeyboardInterrupt:
        stderr.write(said(lang, f"{PROG}: interrupted\n", f"{PROG}: 已中断\n"))
        return 130
    except Exception as exc:
        internal_error(exc, stderr, lang)
    return EXIT_UNUSABLE
