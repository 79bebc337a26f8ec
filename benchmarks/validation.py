"""Benchmark the SHACL check of each plan in `plankg build`: what the compiled engine costs per
plan on the text `plankg build` gives it (`batch.checked_text`: the plan's own Turtle and the
shared triples it uses), on generated plans.

    .venv/bin/python benchmarks/validation.py [--plans 20] [--runs 7] [--baseline DIR]

Prints, per plan, the median of ``--runs`` rounds of: the text parsed and checked against no
shape (the parse alone), against this checkout's `ontology/shapes.ttl`, and, with ``--baseline
DIR`` (the root of another plankg checkout, e.g. `git archive main | tar -x -C DIR`), against
its shapes; the shapes alternate within each round, so their ratio is measured under the same
load. Then the same plans checked in one call, per plan: a check whose cost grows with the
graph for each node it checks shows here as a higher figure than one by one. The machine is
shared and noisy: read the ratios, printed with the load average before and after.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shacl

sys.path.insert(0, str(Path(__file__).parent))
from generate_corpus import generate
from plankg.graph.rdf.batch import checked_text, process_file
from timing import load_average

NO_SHAPES = "@prefix sh: <http://www.w3.org/ns/shacl#> ."


def checked_texts(plans: int) -> list[str]:
    """The texts `plankg build` checks for ``plans`` generated plans."""
    with tempfile.TemporaryDirectory() as folder:
        paths = generate(plans, Path(folder))
        return [checked_text(process_file(path, validate=False)) for path in paths]


def per_plan(shapes: Any, texts: list[str]) -> float:
    """Milliseconds per plan of checking each of ``texts`` alone."""
    start = time.perf_counter()
    for text in texts:
        shapes.validate_turtle(text, allow_warnings=True)
    return (time.perf_counter() - start) * 1000 / len(texts)


def in_one_call(shapes: Any, texts: list[str]) -> float:
    """Milliseconds per plan of checking ``texts`` as one graph."""
    start = time.perf_counter()
    shapes.validate_turtle("".join(texts), allow_warnings=True)
    return (time.perf_counter() - start) * 1000 / len(texts)


def rounds(
    measure: Callable[[Any, list[str]], float], sets: dict[str, Any], texts: list[str], runs: int
) -> dict[str, float]:
    """The median of ``runs`` rounds of ``measure`` for each shapes set, alternating."""
    found: dict[str, list[float]] = {name: [] for name in sets}
    for _ in range(runs):
        for name, shapes in sets.items():
            found[name].append(measure(shapes, texts))
    return {name: statistics.median(times) for name, times in found.items()}


def report(title: str, medians: dict[str, float], load: float) -> None:
    print(f"{title} (load {load:.2f} → {load_average():.2f})")
    for name, ms in medians.items():
        print(f"  {name:<22} {ms:7.1f} ms per plan")
    if "before" in medians:
        print(f"  after/before: {medians['after'] / medians['before']:.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plans", type=int, default=20)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline", type=Path, help="the root of another plankg checkout")
    args = parser.parse_args()
    texts = checked_texts(args.plans)
    here = Path(__file__).parents[1] / "ontology" / "shapes.ttl"
    sets = {"parse alone (no shape)": shacl.Shapes.from_turtle(NO_SHAPES)}
    if args.baseline:
        before = (args.baseline / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
        sets["before"] = shacl.Shapes.from_turtle(before)
    sets["after"] = shacl.Shapes.from_turtle(here.read_text(encoding="utf-8"))
    size = sum(len(t.encode()) for t in texts) / len(texts) / 1000
    print(f"{args.plans} generated plans, {size:.0f} KB of Turtle checked per plan")
    load = load_average()
    report("one plan a call", rounds(per_plan, sets, texts, max(5, args.runs)), load)
    load = load_average()
    report(f"{args.plans} plans in one call", rounds(in_one_call, sets, texts, 5), load)


if __name__ == "__main__":
    main()
