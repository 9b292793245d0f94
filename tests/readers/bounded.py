"""Running an operation that must stay bounded in a fresh interpreter with a memory cap.

A test of a resource limit must not be able to exhaust the machine when the limit
regresses. :func:`outcome`, :func:`evaluate` and :func:`cli_outcome` run the operation in
a child Python whose address space is capped (``RLIMIT_AS``, 1 GiB by default) and which
is killed after a timeout; a regression then fails the test quickly, as a
``MemoryError`` traceback or a timeout, instead of swapping for minutes. The child builds its hostile input itself
(from ``setup`` code) or reads it from a file the test wrote, so the test process never
holds it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

MEMORY = 1 << 30
"""Address space of the child: far above a bounded run (~100 MB), far below an unbounded one."""
TIMEOUT = 30.0
"""Seconds before the child is killed (a bounded run takes well under a second)."""

_CHILD = """
import resource
resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
import io, json
from govinfo_report.errors import GovinfoReportError

def _error(run):
    try:
        run()
    except GovinfoReportError as exc:
        return {{"type": type(exc).__name__, "message": str(exc)}}
    return {{"type": None, "message": ""}}

def _cli(args):
    from govinfo_report.cli import run
    out, err = io.StringIO(), io.StringIO()
    code = run(args, out, err)
    return {{"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}}

{setup}
print(json.dumps({result}))
"""


def _run(setup: str, result: str, memory: int, timeout: float) -> Any:
    code = _CHILD.format(memory=memory, setup=setup, result=result)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"not done within {timeout} s: the work is not bounded") from None
    assert done.returncode == 0, f"the child failed (exit {done.returncode}):\n{done.stderr}"
    return json.loads(done.stdout.splitlines()[-1])


def outcome(
    setup: str, call: str, *, memory: int = MEMORY, timeout: float = TIMEOUT
) -> tuple[str | None, str]:
    """``(error class name, message)`` of the library error ``call`` raised, run in a
    capped child after ``setup``; ``(None, "")`` when it raised none.

    Raises:
        AssertionError: the child ran out of memory, raised another exception, or timed out.
    """
    found = _run(setup, f"_error(lambda: {call})", memory, timeout)
    return found["type"], found["message"]


def evaluate(setup: str, expression: str, *, memory: int = MEMORY, timeout: float = TIMEOUT) -> Any:
    """The value of ``expression`` (JSON-serialisable) in a capped child, after ``setup``.

    Raises:
        AssertionError: the child ran out of memory, raised, or timed out.
    """
    return _run(setup, expression, memory, timeout)


def cli_outcome(
    args: list[str], setup: str = "", *, memory: int = MEMORY, timeout: float = TIMEOUT
) -> tuple[int, str]:
    """``(exit code, stderr)`` of ``govinfo_report.cli.run(args)`` in a capped child.

    Raises:
        AssertionError: the child ran out of memory, crashed, or timed out.
    """
    found = _run(setup, f"_cli({args!r})", memory, timeout)
    return found["code"], found["stderr"]
