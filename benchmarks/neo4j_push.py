"""Benchmark the Neo4j push against what a user would pick instead: rdflib-neo4j (Neo4j Labs'
RDFLib store, ``pip install rdflib-neo4j``), pushing the same triples into the same server.

Two corpora: the five sample plans, and the samples repeated ``--times`` times under distinct
plan identifiers (:mod:`plankg.graph.rdf.replicate`). For each, ``--runs`` rounds, alternating the
tools, each into a cleared database: plankg's push (``push_plans``, as ``plankg push``), a
second plankg push of the same plans (their digests are stored: every plan is skipped, and it
must change nothing), the same triples sent again without digests (``push_parts``: what the
second push cost before), then rdflib-neo4j (``--no-rdflib-neo4j`` leaves it out). Medians of
triples/s, nodes/s and relationships/s, the ratio, and the second push's share of the first;
the load average is printed with every round.

    eval "$(scripts/neo4j-local env)"
    .venv/bin/pip install -e '.[bench]'   # rdflib-neo4j
    .venv/bin/python benchmarks/neo4j_push.py [--times 100] [--runs 3] [--json out.json]
        [--no-rdflib-neo4j]

Run by hand; the machine is shared and noisy: medians only. plankg is fed the triples in parts
of ``DEFAULT_PLANS_PER_PART`` plans, as ``plankg push`` makes them (timing starts with the
triples built, for both tools). rdflib-neo4j is fed the same triples
grouped by subject, as its parser-driven use delivers them, with its default batching (5000)
and local names for labels and types (HANDLE_VOCAB_URI_STRATEGY.IGNORE, like plankg's names).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from plankg.graph.neo4j.connection import Connection, Neo4jSettings, connect
from plankg.graph.neo4j.push import (
    DEFAULT_PLANS_PER_PART,
    PlanTriples,
    PushReport,
    clear_database,
    push_parts,
    push_plans,
)
from plankg.graph.neo4j.read import stored_counts
from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.corpus import Corpus, load_corpus
from plankg.graph.rdf.families import TaskItem
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.replicate import replicated_plans
from plankg.loaders.model import Plan

SETTLE_SECONDS = 3.0


@dataclass
class Run:
    seconds: float
    triples: int
    nodes: int
    relationships: int

    def rates(self) -> dict[str, float]:
        return {
            "triples/s": self.triples / self.seconds,
            "nodes/s": self.nodes / self.seconds,
            "relationships/s": self.relationships / self.seconds,
        }


def fresh_database(connection: Connection) -> None:
    clear_database(connection)
    time.sleep(SETTLE_SECONDS)


@dataclass
class Prepared:
    """A corpus as ``plankg push`` hands it to the push: each plan's triples a part at a time,
    its measures for the task families; and all its triples, in parts, for a push without
    digests."""

    plan_parts: list[list[PlanTriples]]
    tasks: list[TaskItem]
    triple_parts: list[list[Triple]]

    def push(self, connection: Connection) -> PushReport:
        return push_plans(connection, self.plan_parts, tasks=self.tasks)


def plankg_push(connection: Connection, prepared: Prepared, triples: int) -> tuple[Run, PushReport]:
    report = prepared.push(connection)
    counts = stored_counts(connection)
    run = Run(report.seconds, triples, counts.nodes, counts.relationships)
    return run, report


def rdflib_neo4j_push(
    connection: Connection, settings: Neo4jSettings, ordered: list[Triple]
) -> Run:
    from rdflib import Graph
    from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStore, Neo4jStoreConfig

    auth = {
        "uri": settings.uri,
        "database": settings.database or "neo4j",
        "user": settings.user,
        "pwd": settings.password,
    }
    config = Neo4jStoreConfig(
        auth_data=auth, handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.IGNORE, batching=True
    )
    with contextlib.redirect_stdout(io.StringIO()):
        start = time.perf_counter()
        graph = Graph(store=Neo4jStore(config=config))
        for triple in ordered:
            graph.add(triple)
        graph.close(True)
        seconds = time.perf_counter() - start
    counts = stored_counts(connection)
    return Run(seconds, len(ordered), counts.nodes, counts.relationships)


def median_run(runs: list[Run]) -> Run:
    return sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]


def bench_corpus(
    name: str,
    prepared: Prepared,
    connection: Connection,
    settings: Neo4jSettings,
    runs: int,
    rdflib_neo4j: bool,
) -> dict[str, Any]:
    triples = set().union(*prepared.triple_parts)
    ordered = sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    ours: list[Run] = []
    again: list[PushReport] = []
    resent: list[PushReport] = []
    theirs: list[Run] = []
    for round_ in range(1, runs + 1):
        fresh_database(connection)
        run, _ = plankg_push(connection, prepared, len(triples))
        ours.append(run)
        again.append(prepared.push(connection))
        resent.append(push_parts(connection, prepared.triple_parts))
        if rdflib_neo4j:
            fresh_database(connection)
            theirs.append(rdflib_neo4j_push(connection, settings, ordered))
        print(
            f"  {name} round {round_}: plankg {run.seconds:.2f} s, second push "
            f"{again[-1].seconds:.3f} s ({again[-1].plans_skipped} plans skipped, changed: "
            f"{again[-1].changed}), every triple sent again {resent[-1].seconds:.2f} s"
            + (f", rdflib-neo4j {theirs[-1].seconds:.2f} s" if theirs else "")
            + f" (load {os.getloadavg()[0]:.2f})",
            flush=True,
        )
    fresh_database(connection)
    return summarise(name, ours, again, resent, theirs)


def median_report(reports: list[PushReport]) -> PushReport:
    return sorted(reports, key=lambda r: r.seconds)[len(reports) // 2]


def summarise(
    name: str,
    ours: list[Run],
    again: list[PushReport],
    resent: list[PushReport],
    theirs: list[Run],
) -> dict[str, Any]:
    plankg, second = median_run(ours), median_report(again)
    found: dict[str, Any] = {
        "corpus": name,
        "triples": plankg.triples,
        "nodes": plankg.nodes,
        "relationships": plankg.relationships,
        "plankg_seconds": plankg.seconds,
        "plankg": plankg.rates(),
        "second_push_seconds": second.seconds,
        "second_push_share": second.seconds / plankg.seconds,
        "round_shares": [a.seconds / o.seconds for o, a in zip(ours, again, strict=True)],
        "second_push_plans_skipped": second.plans_skipped,
        "second_push_changed_anything": any(r.changed for r in again),
        "second_push_counts": [second.stored_nodes, second.stored_relationships],
        "resent_seconds": median_report(resent).seconds,
        "resent_changed_anything": any(r.changed for r in resent),
        "runs": len(ours),
    }
    if theirs:
        rdflib_neo4j = median_run(theirs)
        found |= {
            "rdflib_neo4j_nodes": rdflib_neo4j.nodes,
            "rdflib_neo4j_relationships": rdflib_neo4j.relationships,
            "rdflib_neo4j_seconds": rdflib_neo4j.seconds,
            "rdflib_neo4j": rdflib_neo4j.rates(),
            "ratio": rdflib_neo4j.seconds / plankg.seconds,
            "round_ratios": [t.seconds / o.seconds for o, t in zip(ours, theirs, strict=True)],
        }
    return found


def print_table(results: list[dict[str, Any]]) -> None:
    print(
        f"\n{'corpus':<14}{'triples':>10}{'tool':>14}{'seconds':>9}"
        f"{'triples/s':>11}{'nodes/s':>10}{'rels/s':>10}"
    )
    for r in results:
        tools = [("plankg", "plankg"), ("rdflib-neo4j", "rdflib_neo4j")]
        for tool, key in tools if "ratio" in r else tools[:1]:
            rates = r[key]
            print(
                f"{r['corpus']:<14}{r['triples']:>10}{tool:>14}{r[key + '_seconds']:>9.2f}"
                f"{rates['triples/s']:>11,.0f}{rates['nodes/s']:>10,.0f}"
                f"{rates['relationships/s']:>10,.0f}"
            )
        if "ratio" in r:
            print(
                f"{'':<14}ratio {r['ratio']:.1f}x (rounds: "
                f"{', '.join(f'{x:.1f}x' for x in r['round_ratios'])})"
            )
        print(
            f"{'':<14}second plankg push {r['second_push_seconds']:.3f} s "
            f"({r['second_push_share']:.1%} of the first; rounds: "
            f"{', '.join(f'{x:.1%}' for x in r['round_shares'])}; "
            f"{r['second_push_plans_skipped']} plans skipped), changed anything: "
            f"{r['second_push_changed_anything']}; every triple sent again "
            f"{r['resent_seconds']:.2f} s, changed anything: {r['resent_changed_anything']}"
        )


def environment() -> dict:
    return {
        "neo4j_rust_ext": importlib.util.find_spec("neo4j._rust") is not None,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
    }


def prepared(plans: Sequence[Plan], label: str) -> Prepared:
    """Each plan's triples ``DEFAULT_PLANS_PER_PART`` plans at a time and the measures, as
    ``plankg push`` makes them; and the triples without digests, in parts."""
    start = time.perf_counter()
    corpus = Corpus(list(plans), [plan_key(p) for p in plans])
    found = Prepared(
        list(corpus.plan_parts(DEFAULT_PLANS_PER_PART)),
        corpus.tasks(),
        list(corpus.triple_parts(DEFAULT_PLANS_PER_PART)),
    )
    triples = len(set().union(*found.triple_parts))
    print(f"built {label}: {triples} triples in {time.perf_counter() - start:.1f} s")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--times", type=int, default=100, help="Copies in the large corpus.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", default=None, help="Also write the results to this file.")
    parser.add_argument(
        "--no-rdflib-neo4j", action="store_true", help="Leave rdflib-neo4j out (quicker)."
    )
    args = parser.parse_args()
    settings = Neo4jSettings.from_env()
    corpus = load_corpus()
    sample = prepared(corpus.plans, "the sample plans")
    large = prepared(replicated_plans(corpus.plans, args.times), f"{args.times}x")
    rdflib_neo4j = not args.no_rdflib_neo4j
    print(f"environment: {environment()}")
    with connect(settings) as connection:
        results = [
            bench_corpus("samples", sample, connection, settings, args.runs, rdflib_neo4j),
            bench_corpus(f"{args.times}x", large, connection, settings, args.runs, rdflib_neo4j),
        ]
    print_table(results)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"environment": environment(), "results": results}, out, indent=1)


if __name__ == "__main__":
    main()
