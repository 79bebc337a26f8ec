"""Scale: `plankg build` on generated corpora of 100, 1,000 and 5,000 plans.

Reports, as medians of ``--runs`` builds of each corpus (the load average before and after
beside them): wall time, CPU time over wall time (2.0 = both cores busy), per-plan time (linear
growth means a flat column) and the peak memory of the whole process tree (parent and workers:
the sum of their proportional set sizes, sampled from /proc).

    .venv/bin/python benchmarks/scale.py [--sizes 100 1000 5000] [--runs 5]

A corpus is generated once per size; each run builds it into a fresh folder, removed once
measured (5,000 plans' Turtle and TriG take 3.2 GB). A build that fails stops the benchmark
with the last line it wrote to standard error.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_corpus import generate


def _pss(pid: int) -> int:
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def tree_rss(pid: int) -> int:
    """Memory of a process and all its descendants: the sum of their proportional set sizes
    (a page shared by a forked worker and its parent is counted once, not once in each)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            total += _pss(current)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(c) for c in children.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def run_build(corpus: Path, out: Path) -> tuple[float, float, int]:
    plankg = Path(sys.executable).with_name("plankg")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        before = os.times()
        start = time.perf_counter()
        process = subprocess.Popen(
            [str(plankg), "build", str(corpus), "--out", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.1)
        wall = time.perf_counter() - start
        after = os.times()
        shutil.rmtree(out, ignore_errors=True)
        if process.returncode != 0:
            errors.seek(0)
            last = (errors.read().splitlines() or [""])[-1]
            raise SystemExit(f"plankg build failed with exit code {process.returncode}: {last}")
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu / wall, peak


def median_run(corpus: Path, out: Path, runs: int) -> tuple[float, float, float, str]:
    """Median wall seconds, CPU/wall and peak bytes of ``runs`` builds, and the load."""
    before = os.getloadavg()[0]
    results = [run_build(corpus, out / f"run-{i}") for i in range(runs)]
    wall, cores, peak = (statistics.median(r[i] for r in results) for i in range(3))
    return wall, cores, peak, f"{before:.2f} → {os.getloadavg()[0]:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"medians of {args.runs} builds per corpus")
    print(f"{'plans':>6}  {'wall s':>8}  {'ms/plan':>8}  {'cpu/wall':>8}  {'peak MiB':>9}  load")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"corpus-{size}"
            generate(size, corpus)
            wall, cores, peak, load = median_run(corpus, Path(tmp) / f"out-{size}", args.runs)
            per_plan, mib = 1000 * wall / size, peak / 2**20
            print(f"{size:>6}  {wall:>8.1f}  {per_plan:>8.1f}  {cores:>8.2f}  {mib:>9.0f}  {load}")


if __name__ == "__main__":
    main()
