"""Peak memory and seconds of writing the import files of ``plankg push --bulk``: a part of the
plans at a time (``parts``: :func:`~plankg.graph.neo4j.bulk_files.write_corpus_files`, what the
command does) against the whole graph at once (``whole``: ``property_graph`` of every triple,
then ``write_import_files``, what it did before). No database.

Each measurement runs in a process of its own (the peak resident set size, ``ru_maxrss``, is a
process's high-water mark): the samples repeated ``--times`` times are made, the peak noted
(the plans read: ``before``), the files written into a temporary folder, the peak noted again,
and the largest peak of the pool's workers that wrote the parts (``RUSAGE_CHILDREN``; a worker
is forked from the process, so its resident set counts the pages it shares with it). The modes
alternate, ``--runs`` times each; medians, with the load average.

    .venv/bin/python benchmarks/bulk_memory.py [--times 20 100] [--runs 3] [--modes parts whole]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def child(mode: str, times: int) -> None:
    from plankg.graph.neo4j.bulk_files import write_corpus_files
    from plankg.graph.neo4j.import_files import write_import_files
    from plankg.graph.neo4j.rows import property_graph
    from plankg.graph.rdf.corpus import Corpus, load_corpus
    from plankg.graph.rdf.iris import plan_key
    from plankg.graph.rdf.replicate import replicated_plans

    plans = replicated_plans(load_corpus().plans, times)
    corpus = Corpus(list(plans), [plan_key(p) for p in plans])
    before = peak_mib()
    with tempfile.TemporaryDirectory(prefix="plankg-bulk-memory-") as folder:
        start = time.perf_counter()
        if mode == "parts":
            write_corpus_files(corpus, Path(folder))
        else:
            write_import_files(property_graph(corpus.triples()), Path(folder))
        seconds = time.perf_counter() - start
    workers = peak_mib(resource.RUSAGE_CHILDREN)
    found = {"before": before, "peak": peak_mib(), "workers": workers, "seconds": seconds}
    print(json.dumps(found))


def measure(mode: str, times: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--times", str(times)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", type=int, nargs="+", default=[20, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modes", nargs="+", default=["parts", "whole"])
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.times[0])
        return
    for times in args.times:
        found: dict[str, list[dict[str, float]]] = {mode: [] for mode in args.modes}
        loads = []
        for _ in range(args.runs):
            for mode in args.modes:
                loads.append(os.getloadavg()[0])
                found[mode].append(measure(mode, times))
                last = found[mode][-1]
                print(
                    f"  samples x {times} {mode}: {last['seconds']:.1f} s, peak "
                    f"{last['peak']:.0f} MiB (plans read: {last['before']:.0f} MiB; "
                    f"the largest worker {last['workers']:.0f} MiB), "
                    f"load {loads[-1]:.1f}",
                    flush=True,
                )
        for mode, runs in found.items():
            seconds = statistics.median(r["seconds"] for r in runs)
            peak = statistics.median(r["peak"] for r in runs)
            before = statistics.median(r["before"] for r in runs)
            workers = statistics.median(r["workers"] for r in runs)
            print(
                f"samples x {times:<4} {mode:<6} median {seconds:6.1f} s, peak {peak:6.0f} MiB "
                f"({peak - before:.0f} MiB above the plans read), the largest worker's "
                f"{workers:.0f} MiB; "
                f"load {min(loads):.1f}-{max(loads):.1f}"
            )


if __name__ == "__main__":
    main()
