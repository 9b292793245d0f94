"""The ``govinfo-report`` command: validate, create, import and render reports.

``main(argv)`` is the console script; ``run(args, stdout, stderr)`` does the work on
given streams so that tests and other programs can call it. Every subcommand returns an
exit code: 0 done / no errors, 1 the report has errors, 2 unusable input or a failure.
No input produces a traceback: library errors print ``govinfo-report: error: ...``, and
an unexpected exception prints a short "internal error" line with a hint.

Every command that writes a file (``new``, ``import``, ``migrate``, ``render``,
``schema``) follows one policy (:mod:`govinfo_report._cli_output`): ``-o -`` is stdout;
an existing regular file is replaced only with ``--force``; the input is never
overwritten; devices and FIFOs are written in place and anything else that is not a
regular file is refused.

The package holds one module per command (``_validate``, ``_new``, ``_schema``,
``_render``, ``_import``, ``_migrate``, ``_survey``), the argument parser (``_parser``),
what the commands share (``_common``) and the entry points (``_app``).
"""

from __future__ import annotations

from govinfo_report.cli._app import main, run
from govinfo_report.cli._common import (
    DEBUG_ENV,
    EXIT_BROKEN_PIPE,
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_UNUSABLE,
    PROG,
)

__all__ = [
    "DEBUG_ENV",
    "EXIT_BROKEN_PIPE",
    "EXIT_ERRORS",
    "EXIT_OK",
    "EXIT_UNUSABLE",
    "PROG",
    "main",
    "run",
]
