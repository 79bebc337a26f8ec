"""Benchmark every export format, and the DataFrames, on the sample plans and on copies of
them: in-process medians of making the file contents from the triples, and their sizes.

    .venv/bin/python benchmarks/exports.py [--runs 5] [--times 1 10]

Run by hand; the machine is shared and noisy: medians only.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from plankg.graph.export import FORMATS, export_texts, to_dataframes
from plankg.graph.rdf import load_corpus
from plankg.graph.rdf.replicate import replicated_triples


def median_seconds(step: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def size(contents: dict[str, str | bytes]) -> int:
    return sum(len(c.encode() if isinstance(c, str) else c) for c in contents.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--times", type=int, nargs="+", default=[1, 10])
    args = parser.parse_args()
    plans = load_corpus().plans
    for times in args.times:
        triples = replicated_triples(plans, times)
        print(f"samples × {times}: {len(triples):,} triples, median of {args.runs} runs")
        for fmt in FORMATS:
            seconds, contents = median_seconds(lambda: export_texts(triples, fmt), args.runs)  # noqa: B023
            print(f"  {fmt:<10} {seconds * 1000:8.0f} ms  {size(contents) / 2**20:7.2f} MiB")  # type: ignore[arg-type]
        seconds, _ = median_seconds(lambda: to_dataframes(triples), args.runs)  # noqa: B023
        print(f"  {'frames':<10} {seconds * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
