"""Corpus benchmark of ``survey``: reports per second and peak memory (issue 10, item 7).

Usage: ``python benchmarks/bench_survey.py [--json N] [--docx N] [--repeat R] [--keep DIR]``.

Generates N JSON reports (default 10,000) with real prose, varied from the 2021-format
example by :func:`tests/fixtures/survey/corpus.vary` (agency names, years and every
Table 3/4 figure; 3 years per agency, so two thirds are paired with a previous year),
nine in ten with the figures of their prose made their tables' (``agree_text``; the
tenth states another year's figures, ten TX.1 warnings),
and N DOCX (default 1,000) rendered by our Word writer from the same reports, plus the
real-layout DOCX fixtures. Then, for each corpus and ``--jobs`` 1 and 2, it runs the whole
survey (read, check, pair, write every export) into a fresh folder, ``--repeat`` times,
and prints the median reports per second, with the time of reading and of writing the
outputs apart. Peak RSS is measured in fresh processes surveying the first 1,000 and all
10,000 JSON reports with ``--jobs 1`` (everything in one process), and the growth
between the two. Targets on 2 cores: ≥ 5,000 JSON reports/s and ≥ 150 DOCX/s with
``--jobs 2``; RSS growth ≤ 10 MB from 1k to 10k. Figures only: nothing here fails.

Not one of ``benchmarks/run.py``'s quick cases (it takes minutes): ``CASES`` is empty.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

CASES: list[tuple[str, Callable[[], object], float | None]] = []
RATIOS: list[tuple[str, str, str, float]] = []

JSON_TARGET = 5_000.0
DOCX_TARGET = 150.0
RSS_GROWTH_MB = 10.0
YEARS = (2021, 2022, 2023)


def generate(folder: Path, n_json: int, n_docx: int) -> tuple[Path, Path]:
    """Write the JSON and the DOCX corpus under ``folder``; their two folders."""
    import govinfo_report as g
    from fixtures.survey.corpus import BASE_2021, BASE_AGENCY_2021, FIXTURES, agree_text, vary

    base = g.load(BASE_2021)
    json_dir, docx_dir = folder / "json", folder / "docx"
    json_dir.mkdir(parents=True)
    docx_dir.mkdir(parents=True)
    kinds = (g.AgencyKind.DEPARTMENT, g.AgencyKind.TOWNSHIP)
    for n in range(max(n_json, n_docx)):
        agency_no, year = divmod(n, len(YEARS))
        agency = f"{['东', '西', '南', '北'][agency_no % 4]}江市第{agency_no}局"
        report = vary(
            base,
            BASE_AGENCY_2021,
            agency=agency,
            year=YEARS[year],
            seed=n * 13,
            carried_over=(n * 13 - 13) % 4 if year else 2,
            kind=kinds[agency_no % 2],
        )
        if n % 10:
            # Nine reports in ten state their own figures; the tenth keeps last year's
            # prose (ten TX.1 warnings), as the reports whose text and tables disagree.
            report = agree_text(report)
        if n < n_json:
            path = json_dir / f"{agency_no // 1000:02d}" / f"r{n:06d}.json"
            path.parent.mkdir(exist_ok=True)
            g.dump(report, path)
        if n < n_docx:
            g.write_report(report, docx_dir / f"r{n:05d}.docx")
    for fixture in sorted((FIXTURES / "docx").glob("*.docx")):
        shutil.copy(fixture, docx_dir / fixture.name)
    return json_dir, docx_dir


def time_survey(
    corpus: Path, jobs: int, repeat: int, similar: bool
) -> tuple[float, dict[str, float], int]:
    """Median seconds of a whole survey, of each of its phases, and the files surveyed."""
    from govinfo_report.survey import survey

    totals: list[float] = []
    phases: dict[str, list[float]] = {}
    files = 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            result = survey([corpus], out, jobs=jobs, similar=similar)
            totals.append(time.perf_counter() - start)
            for phase, seconds in result.seconds.items():
                phases.setdefault(phase, []).append(seconds)
            files = result.files
    medians = {phase: statistics.median(values) for phase, values in phases.items()}
    return statistics.median(totals), medians, files


_RSS_CHILD = """
import json, resource, sys, tempfile
sys.path.insert(0, {src!r})
from govinfo_report.survey import survey
with open(sys.argv[1], encoding="utf-8") as listed:
    paths = json.load(listed)
with tempfile.TemporaryDirectory() as out:
    survey(paths, out, jobs=1)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mb(paths: list[Path]) -> float:
    """Peak RSS (MB) of a fresh process surveying ``paths`` with ``--jobs 1``."""
    code = _RSS_CHILD.format(src=str(ROOT / "src"))
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as listed:
        json.dump([str(p) for p in paths], listed)
        listed.flush()
        done = subprocess.run(
            [sys.executable, "-c", code, listed.name], check=True, capture_output=True, text=True
        )
    return int(done.stdout.split()[-1]) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=int, default=10_000, help="JSON reports")
    parser.add_argument("--docx", type=int, default=1_000, help="DOCX reports")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--no-similar", dest="similar", action="store_false", help="no DUP.1")
    options = parser.parse_args(argv)

    folder = options.keep or Path(tempfile.mkdtemp(prefix="bench-survey-"))
    json_dir, docx_dir = folder / "json", folder / "docx"
    if not json_dir.is_dir():
        start = time.perf_counter()
        generate(folder, options.json, options.docx)
        print(f"generated in {time.perf_counter() - start:.1f} s: {folder}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"DUP.1 {'on' if options.similar else 'off'}; seconds are medians of {options.repeat}")
    print(f"{'corpus':<6} {'jobs':>4} {'files':>6} {'total s':>8} {'reports/s':>9} "
          f"{'target':>6}  phases (s)")  # fmt: skip
    for name, corpus, target in (("json", json_dir, JSON_TARGET), ("docx", docx_dir, DOCX_TARGET)):
        for jobs in (1, 2):
            total, phases, files = time_survey(corpus, jobs, options.repeat, options.similar)
            rate = files / total
            verdict = "" if jobs == 1 else ("ok" if rate >= target else "MISS")
            split = " ".join(f"{k} {v:.2f}" for k, v in phases.items())
            print(
                f"{name:<6} {jobs:>4} {files:>6} {total:>8.2f} {rate:>9.0f} {target:>6.0f} "
                f"{verdict:>4}  {split}"
            )
    files = sorted(json_dir.rglob("*.json"))
    small = peak_rss_mb(files[:1000])
    large = peak_rss_mb(files)
    growth = large - small
    verdict = "ok" if growth <= RSS_GROWTH_MB else "MISS"
    print(
        f"peak RSS --jobs 1: {small:.1f} MB at {min(1000, len(files))} reports, "
        f"{large:.1f} MB at {len(files)}: growth {growth:.1f} MB "
        f"(target ≤ {RSS_GROWTH_MB:.0f}) {verdict}"
    )
    if options.keep is None:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
