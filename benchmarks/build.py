"""Benchmark `plankg build` on the sample plans: parse, RDF build, serialize (Turtle, TriG) and
validate (both engines; pyshacl once) separately (in-process medians), the first parse in a
fresh process, and the whole command wall-clock, interpreter start included.

    .venv/bin/python benchmarks/build.py [--runs 7]

Run by hand; the figures go in the README. The machine is shared and noisy: medians of at least
5 runs, each printed with the load average before and after its runs.

"parse" reads the five sample files and parses them again in one process (patterns compiled,
tables and the gazetteer loaded); "parse, first in a process" is what a `plankg build` pays:
the same in a fresh interpreter after its imports, tables loaded and patterns compiled on the
way.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = max(5, parser.parse_args().runs)
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
