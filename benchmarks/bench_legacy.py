"""Surveying legacy documents (.doc, .xls) with the batch conversion, and without it.

Usage: ``python benchmarks/bench_legacy.py [--doc N] [--xls N] [--repeat R] [--jobs J]``.

Generates N different reports (the 2021 example varied by
``tests/fixtures/survey/corpus.vary``, their prose agreeing with their tables), writes
each with our Word and XLSX writers, and saves them as ``.doc`` and ``.xls`` with one
LibreOffice run; then surveys the folder ``--repeat`` times with each worker's batch
converted in one LibreOffice run (as ``survey`` does), and as many times with every
document converted by a run of its own (the batching turned off), and prints the median
seconds of each, the ratio, and whether the outputs are the same bytes. Needs
LibreOffice (``soffice``); figures only, nothing here fails. The batching is turned off
by patching this process's module, which reaches ``--jobs 2``'s workers only when they
are forked (Python before 3.12); elsewhere that figure is refused, use ``--jobs 1``.

Not one of ``benchmarks/run.py``'s quick cases (it takes minutes): ``CASES`` is empty.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

CASES: list[tuple[str, Callable[[], object], float | None]] = []
RATIOS: list[tuple[str, str, str, float]] = []
OUTPUTS = ("reports.csv", "cells.csv", "findings.jsonl")


def generate(folder: Path, n_doc: int, n_xls: int) -> Path:
    """``n_doc`` .doc and ``n_xls`` .xls reports under ``folder/in``."""
    import govinfo_report as g
    from fixtures.survey.corpus import BASE_2021, BASE_AGENCY_2021, agree_text, vary
    from govinfo_report.readers.doc import soffice

    command = soffice()
    if command is None:
        raise SystemExit("LibreOffice (soffice) is not installed")
    base = g.load(BASE_2021)
    made, corpus = folder / "made", folder / "in"
    made.mkdir()
    for n in range(max(n_doc, n_xls)):
        report = agree_text(
            vary(
                base,
                BASE_AGENCY_2021,
                agency=f"东江市第{n}局",
                year=2023,
                seed=n * 13,
                carried_over=1,
            )
        )
        if n < n_doc:
            g.write_report(report, made / f"d{n:04d}.docx")
        if n < n_xls:
            g.write_report(report, made / f"x{n:04d}.xlsx")
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    for target, pattern in (("doc", "*.docx"), ("xls", "*.xlsx")):
        inputs = sorted(str(p) for p in made.glob(pattern))
        if inputs:
            args = [command, profile, "--headless", "--convert-to", target]
            subprocess.run(
                [*args, "--outdir", str(corpus), *inputs],
                check=True,
                capture_output=True,
            )
    return corpus


@contextlib.contextmanager
def alone(tasks: object) -> Iterator[int]:
    """The batching turned off: every document converts in a run of its own."""
    yield 0


def time_survey(
    corpus: Path, out: Path, jobs: int, repeat: int, batched: bool
) -> tuple[float, Path]:
    """Median seconds of ``repeat`` surveys of ``corpus`` into folders under ``out``, and
    the last one's folder."""
    from govinfo_report import _legacy
    from govinfo_report.survey import survey

    real = _legacy.converted_first
    seconds = []
    for k in range(repeat):
        target = out / f"{'batched' if batched else 'alone'}{k}"
        _legacy.converted_first = real if batched else alone  # type: ignore[assignment]
        try:
            start = time.perf_counter()
            survey([corpus], target, jobs=jobs, similar=False)
            seconds.append(time.perf_counter() - start)
        finally:
            _legacy.converted_first = real
    return statistics.median(seconds), target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--doc", type=int, default=40, help=".doc reports")
    parser.add_argument("--xls", type=int, default=20, help=".xls reports")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--jobs", type=int, default=1, help="survey --jobs")
    options = parser.parse_args(argv)
    from govinfo_report._pool import context

    if options.jobs > 1 and context().get_start_method() != "fork":
        raise SystemExit("workers are not forked here: the batching cannot be turned off in them")
    with tempfile.TemporaryDirectory(prefix="bench-legacy-") as tmp:
        corpus = generate(Path(tmp), options.doc, options.xls)
        files = len(list(corpus.iterdir()))
        out = Path(tmp)
        batched, one = time_survey(corpus, out, options.jobs, options.repeat, True)
        each, other = time_survey(corpus, out, options.jobs, options.repeat, False)
        same = all((one / n).read_bytes() == (other / n).read_bytes() for n in OUTPUTS)
        print(f"{files} legacy reports, --jobs {options.jobs}, medians of {options.repeat}")
        print(f"  one LibreOffice run per batch:    {batched:7.2f} s")
        print(f"  one LibreOffice run per document: {each:7.2f} s")
        print(f"  ratio {each / batched:.1f}x; outputs {'the same' if same else 'DIFFER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
