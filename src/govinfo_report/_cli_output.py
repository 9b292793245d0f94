"""The command line's output policy: one for every command that writes a file.

``new``, ``import``, ``migrate``, ``render`` and ``schema`` pass ``-o`` through
:func:`checked_output` before doing any work: ``-`` means stdout; the input is never
overwritten, not even through a symbolic or a hard link; an existing regular file is
replaced only with ``--force``; what :func:`govinfo_report._io.destination` refuses (a
folder, a socket, a dangling link, ...) is refused here already, so no input is read for
nothing. The writing itself is :func:`govinfo_report._io.write_output`. Why one rule and ``--force``
everywhere is told in docs/cli.md ("Output files").
"""

from __future__ import annotations

import os

from govinfo_report.errors import ReportWriteError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from pathlib import Path

    from govinfo_report.serialize import Syntax

POLICY = (
    "Output (-o): - is stdout (text only); an existing file is replaced only with --force, "
    "atomically, keeping its mode; the input is never overwritten; a device or FIFO is "
    "written in place, a folder or socket refused."
)
"""The policy in one paragraph, for the commands' ``--help``."""


def checked_output(given: str | Path, force: bool, source: Path | None = None) -> Path | None:
    """The file ``-o`` names, once the policy allows writing it; None for ``-`` (stdout).

    Args:
        given: the ``-o`` argument.
        force: ``--force`` was given.
        source: the command's input file, which is never overwritten.

    Raises:
        ReportWriteError: it is the input; an existing file without ``force``; or a
            path nothing can be written to (a folder, a socket, a dangling link, ...).
    """
    if str(given) == "-":
        return None
    from pathlib import Path  # here: --help, which prints POLICY, needs no pathlib

    output = Path(given)
    if source is not None and same_file(output, source):
        raise ReportWriteError(
            f"refusing to overwrite the input {source}; give another -o",
            zh=f"不会覆盖输入文件 {source}；请用 -o 给出另一个输出",
        )
    from govinfo_report._io import destination  # here: _io loads attrs, --help need not

    dest = destination(output)
    if dest.kind == "replace" and not force:
        what = "exists and is read-only" if dest.read_only else "already exists"
        what_zh = "已存在且是只读的" if dest.read_only else "已存在"
        raise ReportWriteError(
            f"{output} {what}; use --force to overwrite it",
            zh=f"{output} {what_zh}；如要覆盖请加 --force",
        )
    return output


def syntax_for_output(output: Path | None) -> Syntax:
    """The syntax of a report written to ``output``: by its suffix; YAML on stdout and
    on a device or pipe without a suffix, which are like stdout (``-o /dev/null``).

    Raises:
        UnknownFormatError: a file whose suffix names no syntax.
    """
    from govinfo_report._io import destination
    from govinfo_report.serialize import syntax_for

    if output is None or (not output.suffix and destination(output).kind == "in_place"):
        return "yaml"
    return syntax_for(output)


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are one existing file, through symbolic and hard links."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # either is missing, or a loop: they are not one existing file
        return False


__all__ = ["POLICY", "checked_output", "same_file", "syntax_for_output"]
