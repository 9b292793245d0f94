"""Instructions per call of the single-report cases, counted by valgrind (callgrind).

Wall-clock medians on a shared machine move by a fifth from one run to the next, which
hides any change smaller than that. An instruction count does not move: each case runs
in a fresh interpreter under ``valgrind --tool=callgrind`` with ``PYTHONHASHSEED=0``,
once warm (the rule plan compiled, the patterns met) and then ``N`` times, and again
warm only; the difference over ``N`` is the instructions of one call. It is not time
(a regular-expression engine and a dict lookup retire instructions at different rates),
so :mod:`bench_single` stays the measure of the issue's targets; this is the measure of
a change: run it before and after.

Usage: ``python benchmarks/bench_instructions.py [--calls N] [CASE...]`` (cases: check,
baseline, fee, json, json.loads; default all). Needs ``valgrind``; says so and exits 0
without it. Takes about 15 s a case. Not one of ``run.py``'s cases (``CASES`` is empty).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES: list[tuple[str, Callable[[], object], float | None]] = []

_SCRIPT = """
import json, sys
sys.path.insert(0, {src!r})
sys.path.insert(0, {benchmarks!r})
from bench_single import JSON_TEXT, REPORT, TABLE3, table3_sums
from govinfo_report import check, loads
from govinfo_report._stated import fee_statement
call = {{
    "check": lambda: check(REPORT),
    "baseline": lambda: table3_sums(TABLE3),
    "fee": lambda: fee_statement(REPORT),
    "json": lambda: loads(JSON_TEXT, "json"),
    "json.loads": lambda: json.loads(JSON_TEXT),
}}[sys.argv[1]]
call()  # warm
for _ in range(int(sys.argv[2])):
    call()
"""
NAMES = ("check", "baseline", "fee", "json", "json.loads")
_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(case: str, calls: int) -> int:
    """The instructions callgrind counts for a fresh interpreter making ``calls`` calls."""
    script = _SCRIPT.format(src=str(ROOT / "src"), benchmarks=str(ROOT / "benchmarks"))
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,  # a venv's own: its packages
            "-c",
            script,
            case,
            str(calls),
        ],
        env=dict(os.environ, PYTHONHASHSEED="0"),
        capture_output=True,
        text=True,
        check=True,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count for {case}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_call(case: str, calls: int) -> float:
    return (instructions(case, calls) - instructions(case, 0)) / calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", metavar="CASE", help=", ".join(NAMES))
    parser.add_argument("--calls", type=int, default=1000, help="calls counted per case")
    options = parser.parse_args(argv)
    unknown = [case for case in options.cases if case not in NAMES]
    if unknown:
        parser.error(f"unknown case {unknown[0]!r}; the cases are {', '.join(NAMES)}")
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind): nothing counted")
        return 0
    counted = {}
    for case in options.cases or NAMES:
        counted[case] = per_call(case, options.calls)
        print(f"instructions: {case:<12} {counted[case]:>12,.0f} per call", flush=True)
    for ours, baseline, target in (("check", "baseline", 2.0), ("json", "json.loads", 2.0)):
        if ours in counted and baseline in counted:
            ratio = counted[ours] / counted[baseline]
            print(f"instructions: {ours} ÷ {baseline} = {ratio:.2f}× (the time target: {target}×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
