"""Benchmark plankg's bulk first load (``plankg push --bulk``: the import files written a part
of the plans at a time, the local server stopped, ``neo4j-admin database import full``, the
server started, constraints and indexes, the plans' digests) against the incremental push of
the same corpus into an empty database (``plankg push``: ``push_corpus``, digests and task
families included), and optionally rdflib-neo4j (Neo4j Labs' RDFLib store, ``pip install
rdflib-neo4j``) pushing the same triples.

Corpora: the samples repeated ``--times`` times under distinct plan identifiers
(:mod:`plankg.graph.rdf.replicate`; several sizes: ``--times 20 100 300``), and the samples
themselves unless ``--no-samples``. For each, ``--runs`` rounds, alternating the tools, each
into a cleared database. Both plankg loads start from the plans read (the corpus), so each
makes its own triples. Printed per round: the load average, the push's seconds, the bulk
load's seconds and its phases (families; parts: the plans' rows made and written, by a pool
of processes; last part: the shared nodes, gathered; stop: waited for after the files; import;
start; constraints and indexes; digests), and rdflib-neo4j's; then medians and the
ratio push ÷ bulk (above 1: the bulk load is faster) and rdflib-neo4j ÷ push per round.

Before the rounds, one untimed push of the corpus warms the server (``--no-warm-up`` skips it):
the first push after a start costs the server two to three times the CPU of later ones, most
of it the JIT compiling (README, "The push, fifth round"), and whichever tool went first would
pay it. rdflib-neo4j goes first in even rounds, the push in odd ones. ``--bulk`` needs the server of
``scripts/neo4j-local`` whose data is in ``--neo4j-home`` (env NEO4J_STATE_DIR, default
.neo4j), reached by NEO4J_URI.

    eval "$(scripts/neo4j-local env)"
    .venv/bin/python benchmarks/neo4j_bulk.py [--times 20 100] [--runs 3] [--bulk]
        [--rdflib-neo4j] [--no-samples] [--json out.json]

Run by hand; the machine is shared and noisy: medians only, and read the load beside them.
``benchmarks/bulk_memory.py`` measures the peak memory of writing the files.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neo4j_push import Run, environment, fresh_database, rdflib_neo4j_push
from plankg.graph.neo4j.bulk import DEFAULT_HOME, BulkReport, LocalServer, bulk_load_corpus
from plankg.graph.neo4j.connection import Connection, Neo4jSettings, connect
from plankg.graph.neo4j.push import push_corpus
from plankg.graph.neo4j.read import stored_counts
from plankg.graph.rdf.corpus import Corpus, load_corpus
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.replicate import replicated_plans


def load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


@dataclass
class Options:
    runs: int
    server: LocalServer | None
    rdflib_neo4j: bool
    warm_up: bool = True


@dataclass
class Rounds:
    push: list[Run] = field(default_factory=list)
    bulk: list[tuple[Run, BulkReport]] = field(default_factory=list)
    theirs: list[Run] = field(default_factory=list)
    loads: list[str] = field(default_factory=list)


def plankg_push(connection: Connection, corpus: Corpus) -> Run:
    start = time.perf_counter()
    report = push_corpus(connection, corpus)
    seconds = time.perf_counter() - start
    return Run(seconds, report.triples, report.stored_nodes, report.stored_relationships)


def plankg_bulk(
    connection: Connection, server: LocalServer, corpus: Corpus
) -> tuple[Run, BulkReport]:
    start = time.perf_counter()
    report = bulk_load_corpus(connection, corpus, server)
    seconds = time.perf_counter() - start
    counts = stored_counts(connection)
    return Run(seconds, report.triples, counts.nodes, counts.relationships), report


def bench_corpus(
    name: str, corpus: Corpus, connection: Connection, settings: Neo4jSettings, options: Options
) -> dict[str, Any]:
    rounds = Rounds()
    ordered = sorted(corpus.triples()) if options.rdflib_neo4j else []
    if options.warm_up:
        fresh_database(connection)
        warm = plankg_push(connection, corpus)
        print(f"  {name} warm-up push, untimed (load {load()}): {warm.seconds:.1f} s", flush=True)
    for round_ in range(1, options.runs + 1):
        rounds.loads.append(load())
        said = f"  {name} round {round_} (load {rounds.loads[-1]}): "
        theirs_first = options.rdflib_neo4j and round_ % 2 == 0
        if theirs_first:
            said += _rdflib_neo4j_round(connection, settings, ordered, rounds) + ", "
        fresh_database(connection)
        rounds.push.append(plankg_push(connection, corpus))
        said += f"push {rounds.push[-1].seconds:.1f} s"
        if options.server:
            fresh_database(connection)
            rounds.bulk.append(plankg_bulk(connection, options.server, corpus))
            run, report = rounds.bulk[-1]
            steps = ", ".join(f"{k} {v:.1f}" for k, v in report.seconds.items())
            said += f", bulk {run.seconds:.1f} s ({steps})"
        if options.rdflib_neo4j and not theirs_first:
            said += ", " + _rdflib_neo4j_round(connection, settings, ordered, rounds)
        print(said, flush=True)
    fresh_database(connection)
    return summarise(name, rounds)


def _rdflib_neo4j_round(
    connection: Connection, settings: Neo4jSettings, ordered: list[Any], rounds: Rounds
) -> str:
    fresh_database(connection)
    rounds.theirs.append(rdflib_neo4j_push(connection, settings, ordered))
    return f"rdflib-neo4j {rounds.theirs[-1].seconds:.1f} s"


def median(values: list[float]) -> float:
    return statistics.median(values)


def summarise(name: str, rounds: Rounds) -> dict[str, Any]:
    push = rounds.push
    result: dict[str, Any] = {
        "corpus": name,
        "nodes": push[0].nodes,
        "relationships": push[0].relationships,
        "push_seconds": median([r.seconds for r in push]),
        "push_rounds": [r.seconds for r in push],
        "loads": rounds.loads,
        "runs": len(push),
    }
    if rounds.bulk:
        reports = [report for _, report in rounds.bulk]
        result["triples"] = reports[0].triples
        result["bulk_seconds"] = median([run.seconds for run, _ in rounds.bulk])
        result["bulk_rounds"] = [run.seconds for run, _ in rounds.bulk]
        result["bulk_counts"] = [rounds.bulk[0][0].nodes, rounds.bulk[0][0].relationships]
        result["bulk_phases"] = {
            step: median([r.seconds[step] for r in reports]) for step in reports[0].seconds
        }
        result["push_over_bulk"] = result["push_seconds"] / result["bulk_seconds"]
        result["round_ratios"] = [
            p.seconds / b.seconds for p, (b, _) in zip(push, rounds.bulk, strict=True)
        ]
    if rounds.theirs:
        result["rdflib_neo4j_seconds"] = median([r.seconds for r in rounds.theirs])
        result["rdflib_neo4j_rounds"] = [r.seconds for r in rounds.theirs]
        result["theirs_over_push"] = [
            t.seconds / p.seconds for t, p in zip(rounds.theirs, push, strict=True)
        ]
    return result


def print_table(results: list[dict[str, Any]]) -> None:
    print(f"\n{'corpus':<10}{'nodes':>9}{'rels':>10}{'push s':>9}{'bulk s':>9}{'push/bulk':>11}")
    for r in results:
        bulk = r.get("bulk_seconds", float("nan"))
        ratio = r.get("push_over_bulk", float("nan"))
        print(
            f"{r['corpus']:<10}{r['nodes']:>9}{r['relationships']:>10}"
            f"{r['push_seconds']:>9.1f}{bulk:>9.1f}{ratio:>10.2f}x"
        )
        if "bulk_phases" in r:
            phases = ", ".join(f"{k} {v:.1f}" for k, v in r["bulk_phases"].items())
            rounds = ", ".join(f"{x:.2f}x" for x in r["round_ratios"])
            print(f"{'':<10}bulk phases (medians, s): {phases}; rounds {rounds}")
        if "rdflib_neo4j_seconds" in r:
            ratios = r["theirs_over_push"]
            print(
                f"{'':<10}rdflib-neo4j {r['rdflib_neo4j_seconds']:.1f} s; rdflib-neo4j / push "
                f"{median(ratios):.2f}x (rounds {', '.join(f'{x:.2f}x' for x in ratios)})"
            )
        print(f"{'':<10}load per round: {'; '.join(r['loads'])}")


def replicated(corpus: Corpus, times: int) -> Corpus:
    plans = replicated_plans(corpus.plans, times)
    return Corpus(list(plans), [plan_key(p) for p in plans])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", type=int, nargs="+", default=[100], help="Corpus sizes.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bulk", action="store_true", help="Also time plankg push --bulk.")
    parser.add_argument("--rdflib-neo4j", action="store_true", help="Also time rdflib-neo4j.")
    parser.add_argument(
        "--neo4j-home", type=Path, default=Path(os.environ.get("NEO4J_STATE_DIR", DEFAULT_HOME))
    )
    parser.add_argument("--no-samples", action="store_true", help="The large corpora only.")
    parser.add_argument(
        "--no-warm-up",
        action="store_true",
        help="Time the first push after the server's start too (its JIT still compiling).",
    )
    parser.add_argument("--json", default=None, help="Also write the results to this file.")
    args = parser.parse_args()
    settings = Neo4jSettings.from_env()
    server = LocalServer.of(settings, args.neo4j_home) if args.bulk else None
    options = Options(args.runs, server, args.rdflib_neo4j, warm_up=not args.no_warm_up)
    samples = load_corpus()
    corpora = [] if args.no_samples else [("samples", samples)]
    corpora += [(f"{times}x", replicated(samples, times)) for times in args.times]
    print(f"environment: {environment()}")
    results = []
    with connect(settings) as connection:
        for name, corpus in corpora:
            results.append(bench_corpus(name, corpus, connection, settings, options))
    print_table(results)
    print(f"environment: {environment()}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"environment": environment(), "results": results}, out, indent=1)


if __name__ == "__main__":
    main()
