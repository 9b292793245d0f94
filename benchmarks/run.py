"""Run every benchmark in this folder and print medians against their targets.

Usage: ``python benchmarks/run.py [--filter TEXT] [--repeat N]``.

Each ``benchmarks/bench_*.py`` module defines::

    CASES: list[tuple[str, Callable[[], object], float | None]]
        # (name, zero-argument function, target median in µs or None)
    RATIOS: list[tuple[str, str, str, float]]
        # (label, slow case name, fast case name, minimum ratio slow/fast)

and may define ``SELF_TIMED``, cases that measure themselves (the CPU time of child
processes, say) and return their median in µs, with the same shape as ``CASES``.

Each case is warmed up, then timed in ``--repeat`` samples (at least 3, and no more once
a case has taken 5 s); a sample runs the function in a loop long enough (about 20 ms, at
least once) that the clock's resolution does not matter, and its time per call is kept.
The median of the samples is reported, with the loop count and samples used. Timing
never fails the run: MISS only says a target was not met. The exit code is 1 only when
a benchmark module cannot be imported or a case raises.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
SAMPLE_NS = 20_000_000
"""Aim for samples of about 20 ms."""
BUDGET_S = 5.0
"""Per case, stop sampling after this long (once there are MIN_SAMPLES samples)."""
MIN_SAMPLES = 3

Case = tuple[str, Callable[[], object], "float | None"]
SelfTimed = tuple[str, Callable[[], float], "float | None"]
Ratio = tuple[str, str, str, float]


def discover(folder: Path = HERE) -> list[ModuleType]:
    """Import every ``bench_*.py`` in ``folder``, sorted by name."""
    if str(folder.parent / "src") not in sys.path:
        sys.path.insert(0, str(folder.parent / "src"))  # run from a checkout without install
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))  # benchmarks may share helpers
    modules = []
    for path in sorted(folder.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot import {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        modules.append(module)
    return modules


def loops_for(fn: Callable[[], object]) -> int:
    """How many calls make one sample of about ``SAMPLE_NS``."""
    loops = 1
    while True:
        start = time.perf_counter_ns()
        for _ in range(loops):
            fn()
        elapsed = time.perf_counter_ns() - start
        if elapsed >= SAMPLE_NS // 10 or loops >= 1 << 20:
            # Scale the probe up to a full sample.
            per_call = max(elapsed / loops, 1)
            return max(1, int(SAMPLE_NS / per_call))
        loops *= 10


def median_us(
    fn: Callable[[], object], repeat: int, budget_s: float = BUDGET_S
) -> tuple[float, int, int]:
    """The median time per call in µs, the loop count and the number of samples.

    Takes ``repeat`` samples, but stops after ``budget_s`` seconds once it has
    ``MIN_SAMPLES``, so that a case of seconds per call (a baseline) does not hold up
    the run.
    """
    fn()  # warm up: imports, caches, first-call costs
    loops = loops_for(fn)
    samples: list[float] = []
    deadline = time.perf_counter() + budget_s
    for _ in range(repeat):
        start = time.perf_counter_ns()
        for _ in range(loops):
            fn()
        samples.append((time.perf_counter_ns() - start) / loops / 1000)
        if len(samples) >= MIN_SAMPLES and time.perf_counter() > deadline:
            break
    return statistics.median(samples), loops, len(samples)


def _format_us(value: float) -> str:
    return f"{value:,.1f}" if value < 10_000 else f"{value:,.0f}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks; print a table of medians and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--filter", default="", help="only cases whose name contains TEXT")
    parser.add_argument("--repeat", type=int, default=15, help="samples per case (median)")
    options = parser.parse_args(argv)
    if options.repeat < 1:
        parser.error("--repeat must be at least 1")

    failures = 0
    cases: list[Case] = []
    self_timed: list[SelfTimed] = []
    ratios: list[Ratio] = []
    try:
        modules = discover()
    except Exception:
        traceback.print_exc()
        return 1
    for module in modules:
        cases.extend(getattr(module, "CASES", []))
        self_timed.extend(getattr(module, "SELF_TIMED", []))
        ratios.extend(getattr(module, "RATIOS", []))

    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}; ")
    print(f"median of {options.repeat} samples of ~{SAMPLE_NS // 1_000_000} ms each\n")
    header = f"{'case':<44} {'median µs':>12} {'target µs':>10}  {'':4} {'loops×samples':>14}"
    print(header)
    print("-" * len(header))
    medians: dict[str, float] = {}
    for name, fn, target in cases:
        if options.filter not in name:
            continue
        try:
            median, loops, samples = median_us(fn, options.repeat)
        except Exception as exc:
            failures += 1
            print(f"{name:<44} {'FAILED':>12}  {type(exc).__name__}: {exc}")
            continue
        medians[name] = median
        verdict = "" if target is None else ("OK" if median <= target else "MISS")
        shown_target = "—" if target is None else _format_us(target)
        runs = f"{loops}×{samples}"
        print(f"{name:<44} {_format_us(median):>12} {shown_target:>10}  {verdict:<4} {runs:>14}")
        sys.stdout.flush()

    for name, measure, target in self_timed:
        if options.filter not in name:
            continue
        try:
            median = measure()
        except Exception as exc:
            failures += 1
            print(f"{name:<44} {'FAILED':>12}  {type(exc).__name__}: {exc}")
            continue
        medians[name] = median
        verdict = "" if target is None else ("OK" if median <= target else "MISS")
        shown_target = "—" if target is None else _format_us(target)
        print(f"{name:<44} {_format_us(median):>12} {shown_target:>10}  {verdict:<4} {'self':>14}")
        sys.stdout.flush()

    shown = [r for r in ratios if r[1] in medians and r[2] in medians]
    if shown:
        print(f"\n{'ratio':<44} {'measured':>12} {'minimum':>10}")
        print("-" * 72)
        for label, slow, fast, minimum in shown:
            ratio = medians[slow] / medians[fast]
            verdict = "OK" if ratio >= minimum else "MISS"
            print(f"{label:<44} {ratio:>11.2f}× {minimum:>9.2f}×  {verdict}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
