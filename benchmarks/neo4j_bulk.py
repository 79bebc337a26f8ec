"""Benchmark plankg's bulk first load against the incremental push (of bare triples, without
digests: ``benchmarks/neo4j_push.py`` times the push with digests and its second push) and
rdflib-neo4j (Neo4j Labs' RDFLib store, ``pip install rdflib-neo4j``), pushing the same triples
into the same server: the bulk load (``plankg push --bulk``: neo4j-admin database import
full into the stopped local server, which is started again).

Two corpora: the five sample plans, and the samples repeated ``--times`` times under distinct
plan identifiers (:mod:`plankg.graph.rdf.replicate`). For each, ``--runs`` rounds, alternating the
tools, each into a cleared database: plankg's push, a second plankg push of the same triples
(idempotent: it must change nothing; ``--no-second-push`` leaves it out), with ``--bulk`` the
bulk load, then rdflib-neo4j. Medians of triples/s, nodes/s and relationships/s, and the
ratios; the load average is printed with every round. ``--bulk`` needs the server of
``scripts/neo4j-local`` whose data is in ``--neo4j-home`` (env NEO4J_STATE_DIR, default .neo4j).

    eval "$(scripts/neo4j-local env)"
    .venv/bin/pip install -e '.[bench]'   # rdflib-neo4j
    .venv/bin/python benchmarks/neo4j_bulk.py [--times 100] [--runs 3] [--bulk] [--no-samples]
        [--no-second-push] [--json out.json]

Run by hand; the machine is shared and noisy: medians only. plankg is fed the triples in parts
of ``DEFAULT_PLANS_PER_PART`` plans, as ``plankg push`` makes them (timing starts with the
triples built, for both tools). rdflib-neo4j is fed the same triples
grouped by subject, as its parser-driven use delivers them, with its default batching (5000)
and local names for labels and types (HANDLE_VOCAB_URI_STRATEGY.IGNORE, like plankg's names).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from neo4j_push import Run, environment, fresh_database, median_run, rdflib_neo4j_push
from plankg.graph.neo4j.bulk import DEFAULT_HOME, BulkReport, LocalServer, bulk_load
from plankg.graph.neo4j.connection import Connection, Neo4jSettings, connect
from plankg.graph.neo4j.push import (
    DEFAULT_PLANS_PER_PART,
    PushReport,
    push_parts,
)
from plankg.graph.neo4j.read import stored_counts
from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.corpus import Corpus, load_corpus
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.replicate import replicated_plans
from plankg.loaders.model import Plan


def plankg_push(
    connection: Connection, parts: list[list[Triple]], triples: int
) -> tuple[Run, PushReport]:
    report = push_parts(connection, parts)
    counts = stored_counts(connection)
    run = Run(report.seconds, triples, counts.nodes, counts.relationships)
    return run, report


def plankg_bulk(
    connection: Connection, server: LocalServer, triples: set[Triple]
) -> tuple[Run, BulkReport]:
    report = bulk_load(connection, triples, server)
    counts = stored_counts(connection)
    return Run(report.total_seconds, len(triples), counts.nodes, counts.relationships), report


def load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


@dataclass
class Options:
    runs: int
    second_push: bool
    server: LocalServer | None


@dataclass
class Rounds:
    ours: list[Run]
    again: list[PushReport]
    bulk: list[tuple[Run, BulkReport]]
    theirs: list[Run]


def bench_corpus(
    name: str,
    parts: list[list[Triple]],
    connection: Connection,
    settings: Neo4jSettings,
    options: Options,
) -> dict:
    triples = set().union(*parts)
    ordered = sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    rounds = Rounds([], [], [], [])
    for round_ in range(1, options.runs + 1):
        fresh_database(connection)
        run, _ = plankg_push(connection, parts, len(triples))
        rounds.ours.append(run)
        said = f"  {name} round {round_} (load {load()}): plankg {run.seconds:.2f} s"
        if options.second_push:
            rounds.again.append(push_parts(connection, parts))
            said += (
                f", second push {rounds.again[-1].seconds:.2f} s "
                f"(changed: {rounds.again[-1].changed})"
            )
        if options.server:
            fresh_database(connection)
            rounds.bulk.append(plankg_bulk(connection, options.server, triples))
            steps = ", ".join(f"{k} {v:.1f}" for k, v in rounds.bulk[-1][1].seconds.items())
            said += f", bulk {rounds.bulk[-1][0].seconds:.2f} s ({steps})"
        fresh_database(connection)
        rounds.theirs.append(rdflib_neo4j_push(connection, settings, ordered))
        print(f"{said}, rdflib-neo4j {rounds.theirs[-1].seconds:.2f} s", flush=True)
    fresh_database(connection)
    return summarise(name, rounds)


def summarise(name: str, rounds: Rounds) -> dict:
    ours, theirs = rounds.ours, rounds.theirs
    plankg, rdflib_neo4j = median_run(ours), median_run(theirs)
    result = {
        "corpus": name,
        "triples": plankg.triples,
        "nodes": plankg.nodes,
        "relationships": plankg.relationships,
        "rdflib_neo4j_nodes": rdflib_neo4j.nodes,
        "rdflib_neo4j_relationships": rdflib_neo4j.relationships,
        "plankg_seconds": plankg.seconds,
        "rdflib_neo4j_seconds": rdflib_neo4j.seconds,
        "plankg": plankg.rates(),
        "rdflib_neo4j": rdflib_neo4j.rates(),
        "ratio": rdflib_neo4j.seconds / plankg.seconds,
        "round_ratios": [t.seconds / o.seconds for o, t in zip(ours, theirs, strict=True)],
        "runs": len(ours),
    }
    if rounds.again:
        second = sorted(rounds.again, key=lambda r: r.seconds)[len(rounds.again) // 2]
        result["second_push_seconds"] = second.seconds
        result["second_push_changed_anything"] = any(r.changed for r in rounds.again)
        result["second_push_counts"] = [second.stored_nodes, second.stored_relationships]
    if rounds.bulk:
        result.update(summarise_bulk(rounds, plankg, rdflib_neo4j))
    return result


def summarise_bulk(rounds: Rounds, plankg: Run, rdflib_neo4j: Run) -> dict:
    bulk = median_run([run for run, _ in rounds.bulk])
    steps = {
        step: sorted(report.seconds[step] for _, report in rounds.bulk)[len(rounds.bulk) // 2]
        for step in rounds.bulk[0][1].seconds
    }
    return {
        "bulk_seconds": bulk.seconds,
        "bulk": bulk.rates(),
        "bulk_nodes": bulk.nodes,
        "bulk_relationships": bulk.relationships,
        "bulk_step_medians": steps,
        "bulk_ratio_to_rdflib_neo4j": rdflib_neo4j.seconds / bulk.seconds,
        "bulk_ratio_to_plankg": plankg.seconds / bulk.seconds,
        "bulk_round_seconds": [run.seconds for run, _ in rounds.bulk],
    }


def print_table(results: list[dict]) -> None:
    print(
        f"\n{'corpus':<14}{'triples':>10}{'tool':>14}{'seconds':>9}"
        f"{'triples/s':>11}{'nodes/s':>10}{'rels/s':>10}"
    )
    for r in results:
        tools = [("plankg", "plankg"), ("plankg --bulk", "bulk"), ("rdflib-neo4j", "rdflib_neo4j")]
        for tool, key in tools:
            if key not in r:
                continue
            rates = r[key]
            print(
                f"{r['corpus']:<14}{r['triples']:>10}{tool:>14}{r[key + '_seconds']:>9.2f}"
                f"{rates['triples/s']:>11,.0f}{rates['nodes/s']:>10,.0f}"
                f"{rates['relationships/s']:>10,.0f}"
            )
        said = (
            f"{'':<14}ratio {r['ratio']:.1f}x (rounds: "
            f"{', '.join(f'{x:.1f}x' for x in r['round_ratios'])})"
        )
        if "second_push_seconds" in r:
            said += (
                f"; second plankg push {r['second_push_seconds']:.2f} s, "
                f"changed anything: {r['second_push_changed_anything']}"
            )
        if "bulk_seconds" in r:
            said += (
                f"\n{'':<14}bulk: {r['bulk_ratio_to_rdflib_neo4j']:.1f}x rdflib-neo4j, "
                f"{r['bulk_ratio_to_plankg']:.1f}x the incremental push; steps (medians): "
                + ", ".join(f"{k} {v:.1f} s" for k, v in r["bulk_step_medians"].items())
            )
        print(said)


def plan_parts(plans: Sequence[Plan], label: str) -> list[list[Triple]]:
    """The triples of ``DEFAULT_PLANS_PER_PART`` plans at a time, as ``plankg push`` makes
    them."""
    start = time.perf_counter()
    corpus = Corpus(list(plans), [plan_key(p) for p in plans])
    parts = list(corpus.triple_parts(DEFAULT_PLANS_PER_PART))
    triples = len(set().union(*parts))
    print(f"built {label}: {triples} triples in {time.perf_counter() - start:.1f} s")
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", type=int, default=100, help="Copies in the large corpus.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bulk", action="store_true", help="Also time plankg push --bulk.")
    parser.add_argument(
        "--neo4j-home", type=Path, default=Path(os.environ.get("NEO4J_STATE_DIR", DEFAULT_HOME))
    )
    parser.add_argument("--no-samples", action="store_true", help="The large corpus only.")
    parser.add_argument("--no-second-push", action="store_true")
    parser.add_argument("--json", default=None, help="Also write the results to this file.")
    args = parser.parse_args()
    settings = Neo4jSettings.from_env()
    server = LocalServer.of(settings, args.neo4j_home) if args.bulk else None
    options = Options(args.runs, not args.no_second_push, server)
    corpus = load_corpus()
    corpora = [] if args.no_samples else [("samples", plan_parts(corpus.plans, "the samples"))]
    plans = replicated_plans(corpus.plans, args.times)
    corpora.append((f"{args.times}x", plan_parts(plans, f"{args.times}x")))
    print(f"environment: {environment()}")
    with connect(settings) as connection:
        results = [
            bench_corpus(name, parts, connection, settings, options) for name, parts in corpora
        ]
    print_table(results)
    print(f"environment: {environment()}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"environment": environment(), "results": results}, out, indent=1)


if __name__ == "__main__":
    main()
