"""Benchmark task families at scale: the sample plans repeated (``plan_copy``), each measure
title with about one character in seven dropped at random (seeded) so that the copies differ,
grouped by :func:`plankg.graph.rdf.families.task_families`. Families are computed over every
plan loaded together, so their time grows with the corpus: it should grow linearly while the
number of families stays put (each measure is scored against every family of its canonical
action once).

    .venv/bin/python benchmarks/families.py [--times 10 40] [--runs 3]

Run by hand; the machine is shared and noisy: medians only.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.rdf.families import TaskItem, task_families
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.replicate import replicated_plans
from plankg.graph.rdf.tasks import corpus_tasks

DROPPED = 0.15


def noisy_items(times: int) -> list[TaskItem]:
    plans = replicated_plans(load_corpus().plans, times)
    items = corpus_tasks(plans, [plan_key(p) for p in plans])
    rnd = random.Random(0)
    return [
        TaskItem(
            i.key,
            i.plan,
            i.canonical,
            "".join(c for c in i.title if rnd.random() > DROPPED),
            i.text,
            i.rank,
        )
        for i in items
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, nargs="+", default=[10, 40])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for times in args.times:
        items = noisy_items(times)
        seconds = []
        for _ in range(args.runs):
            start = time.perf_counter()
            families = task_families(items)
            seconds.append(time.perf_counter() - start)
        plans = len({i.plan for i in items})
        print(
            f"{plans} plans, {len(items)} measures: {len(families)} families, "
            f"median {statistics.median(seconds):.2f} s"
        )


if __name__ == "__main__":
    main()
