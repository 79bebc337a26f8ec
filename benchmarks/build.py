"""Benchmark `plankg build` on the sample plans: parse, RDF build, serialize (Turtle, TriG) and
validate (both engines; pyshacl once) separately (in-process medians), the first parse in a
fresh process, and the whole command wall-clock, interpreter start included.

    .venv/bin/python benchmarks/build.py [--runs 7]

Run by hand; the figures go in the README. The machine is shared and noisy: medians of at least
5 runs, each printed with the load average before and after its runs.

``--baseline DIR`` also runs the ``plankg build`` of another checkout (DIR is its root, a folder
named ``plankg``: ``git archive main | tar -x -C /tmp/before/plankg``), alternating with this
one's, and prints both medians, wall and CPU, with their ratio: on a shared machine only a ratio
measured in one run means much. Each tree is run once untimed first (its bytecode written, the
vocabulary cache filled), so neither pays a compilation the other does not.

"parse" reads the five sample files and parses them again in one process (patterns compiled,
tables and the gazetteer loaded); "parse, first in a process" is what a `plankg build` pays:
the same in a fresh interpreter after its imports, tables loaded and patterns compiled on the
way.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from plankg.graph.rdf.build import build_triples, corpus_quads
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.turtle import serialize_trig, serialize_turtle
from plankg.graph.rdf.validate import validate_turtle
from plankg.loaders.read import read_plan, sample_paths
from timing import command_runs, line, load_average, timed_runs

FIRST_PARSE = """
import time
from plankg.loaders.read import read_plan, sample_paths
paths = sample_paths()
start = time.perf_counter()
plans = [read_plan(p) for p in paths]
print(time.perf_counter() - start)
"""


def first_parse_runs(runs: int) -> tuple[list[float], str]:
    """Seconds of the first read of the samples in each of ``runs`` fresh processes."""
    before, times = load_average(), []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", FIRST_PARSE], check=True, capture_output=True, text=True
        )
        times.append(float(done.stdout))
    return times, f"load {before:.2f} → {load_average():.2f}"


RUN_CLI = "import sys; from plankg.cli import main; sys.argv[0] = 'plankg'; main()"


def build_process(out: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``plankg build`` process (children's user + system)."""
    before = os.times()
    command = [sys.executable, "-c", RUN_CLI, "build", "--out", out]
    times, _ = timed_runs(
        lambda: subprocess.run(command, check=True, capture_output=True, env=env), 1
    )
    after = os.times()
    cpu = after.children_user + after.children_system
    return times[0], cpu - before.children_user - before.children_system


def tree_env(path: str) -> dict[str, str]:
    """The environment of a ``plankg build`` of the checkout at ``path`` ("" for this one),
    bytecode written: a tree that was never compiled would pay its compilation in every run
    (``PYTHONDONTWRITEBYTECODE`` is set in some shells) while the other reads its ``.pyc``."""
    skip = ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in skip}
    return env | ({"PYTHONPATH": path} if path else {})


def compare(baseline: Path, runs: int) -> None:
    """``plankg build`` of this checkout and of ``baseline``, alternating, ``runs`` each."""
    if baseline.resolve().name != "plankg" or not (baseline / "cli.py").is_file():
        raise SystemExit(
            f"--baseline: {baseline} is not a plankg checkout in a folder named plankg"
        )
    trees = {"before": str(baseline.resolve().parent), "after": ""}
    envs = {name: tree_env(path) for name, path in trees.items()}
    found: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
    load = load_average()
    with tempfile.TemporaryDirectory() as out:
        for name in trees:  # untimed: each tree's bytecode written, caches filled
            build_process(f"{out}/{name}", envs[name])
        for _ in range(runs):
            for name in trees:
                found[name].append(build_process(f"{out}/{name}", envs[name]))
    loads = f"load {load:.2f} → {load_average():.2f}"
    print(f"`plankg build` whole process, {runs} alternating runs each, {loads}")
    medians = {n: [statistics.median(r[i] for r in rs) for i in (0, 1)] for n, rs in found.items()}
    for name, (wall, cpu) in medians.items():
        print(f"  {name:<8} wall {wall * 1000:7.0f} ms   CPU {cpu * 1000:7.0f} ms")
    (wall_b, cpu_b), (wall_a, cpu_a) = medians["before"], medians["after"]
    print(f"  after/before: wall {wall_a / wall_b:.2f}×, CPU {cpu_a / cpu_b:.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline", type=Path, help="the root of another plankg checkout")
    parser.add_argument("--only-compare", action="store_true", help="with --baseline: only that")
    args = parser.parse_args()
    runs = max(5, args.runs)
    if args.baseline:
        compare(args.baseline, runs)
        if args.only_compare:
            return
    paths = sample_paths()
    plans = [read_plan(p) for p in paths]
    triples = build_triples(plans)
    turtle = serialize_turtle(triples)
    quads = corpus_quads(plans, [plan_key(p) for p in plans])
    steps = {
        "parse": timed_runs(lambda: [read_plan(p) for p in paths], runs),
        "parse, first in a process": first_parse_runs(runs),
        "RDF build": timed_runs(lambda: build_triples(plans), runs),
        "serialize Turtle": timed_runs(lambda: serialize_turtle(triples), runs),
        "serialize TriG": timed_runs(lambda: serialize_trig(quads), runs),
        "SHACL (fast engine)": timed_runs(lambda: validate_turtle(turtle, "fast"), runs),
        "SHACL (pyshacl, 1 run)": timed_runs(lambda: validate_turtle(turtle, "pyshacl"), 1),
    }
    plankg = str(Path(sys.executable).with_name("plankg"))
    with tempfile.TemporaryDirectory() as out:
        steps["`plankg build` wall"] = command_runs([plankg, "build", "--out", out], runs)
    print(f"sample plans: {len(paths)} files, {len(triples)} triples, median of {runs} runs")
    for name, (times, load) in steps.items():
        print(line(name, times, load, width=26))


if __name__ == "__main__":
    main()
