"""Speed of one report, side by side with what it is judged against (issue 10, item 6).

- ``check()`` on ``examples/example_2021.yaml`` (real prose with 件, so TX.1 reads it)
  against :func:`table3_sums`, 30 lines of plain Python that add up Table 3's rows and
  columns over a dict and compare them with the totals: target check ≤ 2× that.
- Loading the same report from JSON against ``json.loads`` of the same text (target
  ≤ 2×), and from YAML against PyYAML's ``CSafeLoader`` (target ≤ 1.5×).
- Start-up, in CPU time of the child processes (``resource.getrusage``, median of
  :data:`STARTUP_RUNS` runs): ``govinfo-report --help`` against ``python -c pass``
  (target ≤ 4×), and ``validate one.json`` for information.

Run on its own, the cases take turns (:data:`ROUNDS` rounds of one sample each) and a
ratio is the median of the rounds' ratios. Through ``run.py``, the ratios are printed as
*baseline ÷ ours*, as it prints every ratio as a minimum: 0.50 means "at most 2× the
baseline". The start-up cases run the console
script's own code against the ``src/`` of the tree this file sits in, so an old tree
(``git worktree add``) is measured the same way. Run with ``python benchmarks/run.py
--filter single`` (or ``startup``), or on its own: ``python benchmarks/bench_single.py``.
"""

from __future__ import annotations

import atexit
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

from govinfo_report import check, dump, load, loads
from govinfo_report.serialize import to_data

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "example_2021.yaml"
REPORT = load(EXAMPLE)
JSON_TEXT = json.dumps(to_data(REPORT), ensure_ascii=False, indent=2)
YAML_TEXT = EXAMPLE.read_text(encoding="utf-8")
TABLE3: dict[str, dict[str, int]] = json.loads(JSON_TEXT)["applications"]

# --- the baseline of check(): Table 3's sums over a plain dict ---------------------------

COLUMNS = (
    "natural_person", "commercial_enterprise", "research_institution",
    "public_interest_org", "legal_service_org", "other_org", "total",
)  # fmt: skip
APPLICANTS = COLUMNS[:-1]
NOT_OUTCOMES = ("new_received", "carried_over", "total_outcomes", "carried_forward")


def table3_sums(t3: Mapping[str, Mapping[str, int]]) -> list[tuple[str, str, int, int]]:
    """Table 3's 勾稽关系 over ``{row: {column: count}}``: (rule, where, stated, computed)
    for each that fails. 一 + 二 = 三（七）+ 四 per column; 三（七）= the sum of the
    outcome rows per column; 总计 = the six applicant columns per row."""
    outcomes = [row for row in t3 if row not in NOT_OUTCOMES]
    failing = []
    for column in COLUMNS:
        left = t3["new_received"][column] + t3["carried_over"][column]
        right = t3["total_outcomes"][column] + t3["carried_forward"][column]
        if left != right:
            failing.append(("T3.1", column, left, right))
        parts = sum(t3[row][column] for row in outcomes)
        if parts != t3["total_outcomes"][column]:
            failing.append(("T3.2", column, t3["total_outcomes"][column], parts))
    for row, cells in t3.items():
        parts = sum(cells[column] for column in APPLICANTS)
        if parts != cells["total"]:
            failing.append(("T3.3", row, cells["total"], parts))
    return failing


# --- start-up: CPU time of child processes --------------------------------------------

STARTUP_RUNS = 20
_SCRATCH = Path(tempfile.mkdtemp(prefix="bench-single-"))
atexit.register(shutil.rmtree, _SCRATCH, True)
ONE_JSON = _SCRATCH / "one.json"
dump(REPORT, ONE_JSON)
_CONSOLE_SCRIPT = "import re, sys\nfrom govinfo_report.cli import main\nsys.exit(main())"
"""What pip's ``govinfo-report`` script runs (it imports re for ``sys.argv[0]``)."""


def cpu_ms(args: list[str], runs: int = STARTUP_RUNS) -> float:
    """The median CPU time (user + system, ms) of ``runs`` runs of ``args``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return statistics.median(times)


def _command(*args: str) -> list[str]:
    return [sys.executable, "-c", _CONSOLE_SCRIPT, *args]


# --- the cases ------------------------------------------------------------------------

CASES: list[tuple[str, Callable[[], object], float | None]] = [
    ("single: check() example_2021 (prose, TX.1)", lambda: check(REPORT), None),
    ("single: Table 3 sums over a dict (baseline)", lambda: table3_sums(TABLE3), None),
    ("single: JSON load example_2021", lambda: loads(JSON_TEXT, "json"), None),
    ("single: json.loads (baseline)", lambda: json.loads(JSON_TEXT), None),
    ("single: YAML load example_2021", lambda: loads(YAML_TEXT, "yaml"), None),
    (
        "single: yaml CSafeLoader (baseline)",
        lambda: yaml.load(YAML_TEXT, Loader=yaml.CSafeLoader),
        None,
    ),
]
SELF_TIMED: list[tuple[str, Callable[[], float], float | None]] = [
    (
        "startup: python -c pass (CPU, baseline)",
        lambda: cpu_ms([sys.executable, "-c", "pass"]) * 1000,
        None,
    ),
    ("startup: govinfo-report --help (CPU)", lambda: cpu_ms(_command("--help")) * 1000, None),
    (
        "startup: govinfo-report validate one.json (CPU)",
        lambda: cpu_ms(_command("validate", str(ONE_JSON))) * 1000,
        None,
    ),
]
"""Cases that time themselves (CPU of child processes, in µs): see ``run.py``."""
RATIOS: list[tuple[str, str, str, float]] = [
    ("dict baseline ÷ check() (≥ 0.50: check ≤ 2×)", CASES[1][0], CASES[0][0], 0.5),
    ("json.loads ÷ JSON load (≥ 0.50: load ≤ 2×)", CASES[3][0], CASES[2][0], 0.5),
    ("CSafeLoader ÷ YAML load (≥ 0.67: load ≤ 1.5×)", CASES[5][0], CASES[4][0], 1 / 1.5),
    ("python -c pass ÷ --help CPU (≥ 0.25: ≤ 4×)", SELF_TIMED[0][0], SELF_TIMED[1][0], 0.25),
]


ROUNDS = 15
"""Samples per case. The cases take turns, one sample each per round, so that a ratio's
two sides are timed moments apart (this machine's speed drifts by half within a
minute), and a ratio is the median of the rounds' own ratios."""

if __name__ == "__main__":
    import timeit

    assert table3_sums(TABLE3) == [], "the example's Table 3 adds up"
    samples: dict[str, list[float]] = {name: [] for name, _, _ in CASES}
    for _name, fn, _ in CASES:
        fn()  # warm up: first-call costs, caches
    for _ in range(ROUNDS):
        for name, fn, _ in CASES:
            samples[name].append(timeit.timeit(fn, number=200) / 200 * 1e6)
    medians: dict[str, float] = {}
    for name, _, _ in CASES:
        medians[name] = statistics.median(samples[name])
        print(f"{name:50s} {medians[name]:10.1f} µs")
    for name, measure, _ in SELF_TIMED:
        medians[name] = measure()
        print(f"{name:50s} {medians[name] / 1000:10.1f} ms CPU")
    for label, slow, fast, minimum in RATIOS:
        if fast in samples:
            pairs = zip(samples[fast], samples[slow], strict=True)
            ratio = statistics.median(ours / base for ours, base in pairs)
        else:
            ratio = medians[fast] / medians[slow]
        print(f"{label:50s} ours = {ratio:.2f}× the baseline (target ≤ {1 / minimum:.2g}×)")
