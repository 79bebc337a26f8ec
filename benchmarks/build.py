"""Benchmark `plankg build` on the sample plans: parse, RDF build, serialize and validate
separately (in-process medians), and the whole command wall-clock, interpreter start included.

    .venv/bin/python benchmarks/build.py [--runs 7]

Run by hand; the figures go in the README. The machine is shared and noisy: medians only.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from plankg.graph.rdf.build import build_triples
from plankg.graph.rdf.turtle import serialize_turtle
from plankg.graph.rdf.validate import validate_turtle
from plankg.loaders.read import read_plan, sample_paths


def median_seconds(step: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def command_seconds(runs: int) -> float:
    plankg = Path(sys.executable).with_name("plankg")
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([str(plankg), "build", "--out", out], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    paths = sample_paths()
    parse, plans = median_seconds(lambda: [read_plan(p) for p in paths], runs)
    rdf, triples = median_seconds(lambda: build_triples(plans), runs)  # type: ignore[arg-type]
    ttl, turtle = median_seconds(lambda: serialize_turtle(triples), runs)  # type: ignore[arg-type]
    shacl, _ = median_seconds(lambda: validate_turtle(turtle, "fast"), runs)  # type: ignore[arg-type]
    wall = command_seconds(runs)
    print(f"sample plans: {len(paths)} files, {len(triples)} triples, median of {runs} runs")  # type: ignore[arg-type]
    for name, seconds in [
        ("parse", parse),
        ("RDF build", rdf),
        ("serialize Turtle", ttl),
        ("SHACL (fast engine)", shacl),
        ("`plankg build` wall", wall),
    ]:
        print(f"  {name:<22} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
