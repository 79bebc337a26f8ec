"""The push into a real Neo4j and the read-back: counts, idempotence, --replace, a push cut off
(process killed, connection cut) and rerun, the exact round trip, connection settings."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from plankg.graph.neo4j.connection import GraphDatabaseError, connect
from plankg.graph.neo4j.lock import PROBE_SECONDS, push_lock
from plankg.graph.neo4j.push import (
    create_schema,
    part_sizes,
    push_corpus,
    push_triples,
    regrouped,
    schema_statements,
)
from plankg.graph.neo4j.read import read_triples, stored_counts
from plankg.graph.neo4j.rows import property_graph
from plankg.graph.neo4j.templates import template
from plankg.graph.rdf.build import build_triples, graph_of
from plankg.graph.rdf.corpus import Corpus
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.replicate import replicated_plans, replicated_triples
from plankg.graph.rdf.tasks import FAMILY_PREFIX
from plankg.ontology import ID, PK
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, SKOS, Namespace

from ...conftest import TEST_DATABASE_MARK, claim_test_database, empty_test_database

pytestmark = pytest.mark.neo4j

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
QUDT = Namespace("http://qudt.org/schema/qudt/")
TIME = Namespace("http://www.w3.org/2006/time#")
PLAN = URIRef(ID["plan/411600/2021-2025"])
COPIES = 3


@pytest.fixture(scope="module")
def larger(corpus):
    """The samples three times over, under distinct plan identifiers."""
    return replicated_triples(corpus.plans, COPIES)


def counts(connection):
    stored = stored_counts(connection)
    return stored.nodes, stored.relationships


def test_a_push_stores_every_node_and_relationship(neo4j, triples):
    report = push_triples(neo4j, triples)
    assert (report.triples, report.nodes, report.relationships) == (19144, 2021, 12701)
    assert (report.nodes_created, report.relationships_created) == (2021, 12701)
    assert counts(neo4j) == (2021, 12701)


RELATIONSHIP_PROPS = """
MATCH (a)-[r]->(b) WHERE size(keys(r)) > 0
RETURN a.uri AS start, type(r) AS type, b.uri AS end, properties(r) AS props
"""


@pytest.mark.parametrize("plans_per_part", [None, 2])
def test_relationships_get_their_derived_properties_and_only_they(
    neo4j, corpus, triples, plans_per_part
):
    """Pushed as triples, or as a corpus in parts: the relationships that have derived
    properties (a lead's sentence) get exactly those, the others none."""
    if plans_per_part is None:
        push_triples(neo4j, triples)
    else:
        push_corpus(neo4j, corpus, plans_per_part=plans_per_part)
    records = neo4j.read(lambda tx: list(tx.run(RELATIONSHIP_PROPS)))
    stored = {(r["start"], r["type"], r["end"]): r["props"] for r in records}
    expected = property_graph(triples).relationship_props
    assert len(expected) > 300
    assert stored == expected


def test_pushing_the_same_plans_again_writes_nothing(neo4j, larger):
    first = push_triples(neo4j, larger, batch_size=1000)
    second = push_triples(neo4j, larger, batch_size=700)
    assert first.changed and not second.changed
    assert (second.nodes_created, second.relationships_created, second.properties_set) == (0, 0, 0)
    assert counts(neo4j) == (first.nodes, first.relationships)
    assert read_triples(neo4j) == larger


def test_the_round_trip_keeps_language_tags_and_typed_literals(neo4j, triples):
    push_triples(neo4j, triples)
    back = read_triples(neo4j)
    assert back == triples
    assert isomorphic(graph_of(back), graph_of(triples))
    headline = URIRef(f"{PLAN}/headline")
    assert (headline, QUDT.numericValue, Literal("14.4", datatype=XSD.decimal)) in back
    assert (ID["year/2025/end"], TIME.inXSDgYear, Literal("2025", datatype=XSD.gYear)) in back
    region = ID["region/411600"]
    assert (region, SKOS.notation, Literal("411600", datatype=PK.GBT2260)) in back
    title = next(o for s, p, o in triples if s == PLAN and p == DCTERMS.title)
    assert title.language == "zh" and (PLAN, DCTERMS.title, title) in back
    assert any(p == SKOS.prefLabel and o.language == "en" for s, p, o in back)
    assert any(p == DCTERMS.issued and o.datatype == XSD.date for s, p, o in back)


def without_families(triples):
    """The triples but the task families: bare triples pushed one plan at a time
    (``push_triples``) each bring the families of that plan alone (``push_corpus`` makes those
    of all the stored plans: tests/graph/neo4j/test_digests.py)."""
    return {
        t
        for t in triples
        if t[1] not in (PK.memberOf, PK.similarity) and not str(t[0]).startswith(FAMILY_PREFIX)
    }


def test_plans_pushed_one_by_one_add_up_to_the_graph_of_all(neo4j, corpus, triples):
    for plan, key in zip(corpus.plans, corpus.keys, strict=True):
        push_triples(neo4j, build_triples([plan], [key]))
    back = read_triples(neo4j)
    assert without_families(back) == without_families(triples)
    titles = {o for s, p, o in back if s == ID["document/国发〔2021〕9号"] and p == DCTERMS.title}
    assert len(titles) == 1


@pytest.mark.parametrize("replace_plans", [False, True])
def test_a_corpus_pushed_in_parts_gives_the_graph_of_the_whole(
    neo4j, corpus, larger, replace_plans
):
    plans = replicated_plans(corpus.plans, COPIES)
    in_parts = Corpus(plans, [plan_key(p) for p in plans])
    seen: list[tuple[int, int]] = []
    if replace_plans:
        push_triples(neo4j, larger)
    report = push_corpus(
        neo4j,
        in_parts,
        replace=replace_plans,
        plans_per_part=8,  # parts of 5, 8 and 2 plans (see part_sizes)
        batch_size=500,
        progress=lambda done, total: seen.append((done, total)),
    )
    graph = property_graph(larger)
    assert (report.stored_nodes, report.stored_relationships) == (
        graph.node_count,
        graph.relationship_count,
    )
    assert read_triples(neo4j) == larger
    assert len(seen) == report.batches and seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == list(range(1, len(seen) + 1))
    assert all(done <= total for done, total in seen)
    assert report.nodes > graph.node_count  # the region and agency types of each part, again


def test_replace_swaps_a_changed_plan_and_drops_what_only_it_used(neo4j, corpus, triples):
    push_triples(neo4j, triples)
    index = next(i for i, p in enumerate(corpus.plans) if p.region.name == "泉州市")
    plan = corpus.plans[index]
    digest = hashlib.sha256(b"edited").hexdigest()
    edited = replace(plan, actions=plan.actions[:2], source=replace(plan.source, sha256=digest))
    plans = [p for i, p in enumerate(corpus.plans) if i != index] + [edited]
    keys = [k for i, k in enumerate(corpus.keys) if i != index] + [corpus.keys[index]]
    expected = build_triples(plans, keys)
    report = push_triples(neo4j, build_triples([edited], [corpus.keys[index]]), replace=True)
    assert report.nodes_deleted > 0
    assert without_families(read_triples(neo4j)) == without_families(expected)


KILLED_PUSH = """
import sys, time
from plankg.graph.neo4j.connection import connect
from plankg.graph.neo4j.push import push_corpus, push_triples
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.corpus import Corpus, load_corpus
from plankg.graph.rdf.replicate import replicated_plans, replicated_triples

def progress(done, total):
    print(done, total, flush=True)
    time.sleep(0.2)  # committed; the test kills the process here

with connect() as connection:
    triples = replicated_triples(load_corpus().plans, int(sys.argv[1]))
    push_triples(connection, triples, batch_size=300, workers=1, progress=progress)
"""


@pytest.mark.parametrize("phase", ["nodes", "relationships"])
def test_a_killed_push_rerun_ends_with_the_graph_of_an_uninterrupted_one(neo4j, larger, phase):
    graph = property_graph(larger)
    node_batches = sum(-(-len(uris) // 300) for uris in graph.nodes.values())
    kill_after = 3 if phase == "nodes" else node_batches + 3
    push = subprocess.Popen(
        [sys.executable, "-c", KILLED_PUSH, str(COPIES)], stdout=subprocess.PIPE, text=True
    )
    assert push.stdout is not None
    for line in push.stdout:
        if int(line.split()[0]) >= kill_after:
            push.send_signal(signal.SIGKILL)
            break
    push.wait(timeout=60)
    assert push.returncode == -signal.SIGKILL
    nodes, relationships = counts(neo4j)
    if phase == "nodes":
        assert 0 < nodes < graph.node_count and relationships == 0
    else:
        assert nodes == graph.node_count and 0 < relationships < graph.relationship_count
    push_triples(neo4j, larger, batch_size=1000)
    assert counts(neo4j) == (graph.node_count, graph.relationship_count)
    assert read_triples(neo4j) == larger


class CuttableProxy:
    """A TCP proxy to the server that can cut every connection through it: when asked, or
    once the server has sent ``cut_after`` bytes through it."""

    def __init__(self, host: str, port: int, cut_after: int | None = None) -> None:
        self.target = (host, port)
        self.cut_after = cut_after
        self.sent = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.cut_off = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.cut_off:
                client.close()
                continue
            server = socket.create_connection(self.target)
            self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        from_server = source.getpeername() == self.target
        try:
            while data := source.recv(65536):
                sink.sendall(data)
                self.sent += len(data) if from_server else 0
                if self.cut_after is not None and self.sent > self.cut_after:
                    self.cut()
        except OSError:
            pass

    def cut(self) -> None:
        self.cut_off = True
        for s in self.sockets:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def close(self) -> None:
        self.cut()
        self.listener.close()


def test_a_push_whose_connection_is_cut_fails_in_one_line_and_a_rerun_completes(
    neo4j, neo4j_settings, larger
):
    host, port = neo4j_settings.uri.split("://")[1].rsplit(":", 1)
    proxy = CuttableProxy(host, int(port))
    settings = replace(neo4j_settings, uri=f"bolt://127.0.0.1:{proxy.port}")

    def cut_after_five(done: int, total: int) -> None:
        if done == 5:
            proxy.cut()

    try:
        with (
            connect(settings, max_transaction_retry_time=1.0) as through_proxy,
            pytest.raises(GraphDatabaseError, match=r"cannot reach Neo4j|Neo4j at") as error,
        ):
            push_triples(through_proxy, larger, batch_size=300, workers=1, progress=cut_after_five)
    finally:
        proxy.close()
    assert "\n" not in str(error.value)
    assert 0 < counts(neo4j)[0] < property_graph(larger).node_count
    push_triples(neo4j, larger)
    assert read_triples(neo4j) == larger


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_a_named_database_through_either_scheme(neo4j, neo4j_settings, triples, scheme):
    address = neo4j_settings.uri.split("://")[1]
    settings = replace(neo4j_settings, uri=f"{scheme}://{address}", database="neo4j")
    with connect(settings) as connection:
        push_triples(connection, triples)
        assert counts(connection) == (2021, 12701)


@pytest.mark.parametrize(("fmt", "parse_as"), [("ttl", "turtle"), ("jsonld", "json-ld")])
def test_export_from_neo4j_rebuilds_the_rdf(
    neo4j, run, neo4j_env, triples, tmp_path, fmt, parse_as
):
    push_triples(neo4j, triples)
    out = tmp_path / f"back.{fmt}"
    result = run("export", "--from-neo4j", "--format", fmt, "--out", out, env=neo4j_env)
    assert result.exit_code == 0, result.output
    back = Graph().parse(Path(out), format=parse_as)
    assert isomorphic(back, graph_of(triples))


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (
            ["--uri", "bolt://127.0.0.1:1"],
            "cannot reach Neo4j at bolt://127.0.0.1:1: Connection refused",
        ),
        (["--password", "not-the-password"], "wrong user or password"),
        (["--database", "nosuchdb"], "has no database 'nosuchdb'"),
        (["--uri", "http://127.0.0.1:7474"], "use bolt://, neo4j:// or neo4j+s://"),
    ],
)
def test_connection_errors_are_one_line_and_exit_5(run, neo4j_env, option, message):
    result = run("push", *option, env=neo4j_env)
    assert result.exit_code == 5
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_build_neo4j_pushes_the_plans_it_read_without_reading_them_again(
    neo4j, run, neo4j_env, triples, tmp_path, monkeypatch
):
    import plankg.graph.rdf

    def no_second_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("build --neo4j read the plans again")

    # the CLI imports load_corpus from plankg.graph.rdf when a command reads plans
    monkeypatch.setattr(plankg.graph.rdf, "load_corpus", no_second_reading)
    result = run("build", "--out", tmp_path, "--neo4j", env=neo4j_env)
    assert result.exit_code == 0, result.output
    assert "pushed" in result.stdout
    assert isomorphic(graph_of(read_triples(neo4j)), graph_of(triples))


PUSH_TOGETHER = """
import sys, time
from pathlib import Path
from plankg.graph.neo4j.connection import connect
from plankg.graph.neo4j.push import push_triples
from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.rdf.replicate import replicated_triples

triples = replicated_triples(load_corpus().plans, int(sys.argv[1]))
with connect() as connection:
    print("ready", flush=True)
    while not Path(sys.argv[2]).exists():
        time.sleep(0.005)
    push_triples(connection, triples)
"""


def test_two_pushes_started_together_end_with_the_graph_of_one(neo4j, neo4j_env, larger, tmp_path):
    """Both decided at the start that the database was empty, both created the same nodes,
    both failed ("Node(66) already exists") and left nodes without relationships. Now the
    second waits for the first and merges into its graph."""
    start = tmp_path / "start"
    pushes = [
        subprocess.Popen(
            [sys.executable, "-c", PUSH_TOGETHER, str(COPIES), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **neo4j_env},
        )
        for _ in range(2)
    ]
    for push in pushes:
        assert push.stdout is not None and push.stdout.readline() == "ready\n"
    start.touch()
    results = [push.communicate(timeout=300) for push in pushes]
    assert [push.returncode for push in pushes] == [0, 0], results
    graph = property_graph(larger)
    assert counts(neo4j) == (graph.node_count, graph.relationship_count)
    assert read_triples(neo4j) == larger


def test_a_push_waits_while_another_holds_the_lock_and_says_so(neo4j, neo4j_settings, triples):
    heard: list[str] = []
    create_schema(neo4j)
    with connect(neo4j_settings) as other:
        waiting = threading.Thread(
            target=push_triples, args=(other, triples), kwargs={"notice": heard.append}
        )
        with push_lock(neo4j):
            waiting.start()
            time.sleep(PROBE_SECONDS + 2)
            assert heard == ["waiting for another push into this database to finish…"]
            assert counts(neo4j) == (0, 0)
        waiting.join(timeout=120)
    graph = property_graph(triples)
    assert counts(neo4j) == (graph.node_count, graph.relationship_count) == (2021, 12701)


def test_each_schema_statement_names_an_index_the_database_then_lists(neo4j):
    """So a push into a database that has its schema sends no schema statement: the lookup
    indexes' names are quoted in their statements, and went unread, so every push made all
    six again (IF NOT EXISTS: six write transactions that changed nothing)."""
    create_schema(neo4j)
    listed = neo4j.read(lambda tx: tx.run(template("schema-names")).single(strict=True))
    names = [name for name, _ in schema_statements()]
    assert len(names) == 10 and "plankg_region_code" in names
    assert set(names) <= set(listed["names"])


def test_the_tests_never_empty_a_database_that_holds_data_not_theirs(neo4j):
    """NEO4J_URI may name an analyst's own database: tests that would empty it fail first."""
    neo4j.write(lambda tx: tx.run(f"MATCH (m:{TEST_DATABASE_MARK}) DELETE m").consume())
    neo4j.write(lambda tx: tx.run("CREATE (:Resource {uri: 'urn:an-analysts-own'})").consume())
    with pytest.raises(pytest.fail.Exception, match="holds 1 nodes that are not the tests'"):
        claim_test_database(neo4j)
    assert counts(neo4j) == (1, 0)
    empty_test_database(neo4j)


def test_a_test_session_leaves_the_database_empty_so_a_first_push_creates_everything(
    neo4j, neo4j_env, run, tmp_path, triples
):
    """After scripts/test a newcomer's first push reported "0 nodes created": the tests had
    left the samples in the database. A session (here one run inside this one) now empties
    the database when it ends."""
    session = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-k",
            "stores_every",
            __file__,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **neo4j_env},
        cwd=Path(__file__).parents[3],
        timeout=600,
    )
    assert session.returncode == 0, session.stdout[-2000:]
    assert counts(neo4j) == (0, 0)
    first = run("push", env=neo4j_env)
    created = f"changed: {property_graph(triples).node_count} nodes created"
    assert first.exit_code == 0 and created in first.stdout
    empty_test_database(neo4j)


def test_export_from_neo4j_cut_off_mid_read_is_one_line_and_exit_5(
    neo4j, neo4j_settings, larger, run, tmp_path
):
    """A server that goes away while the graph is read back gave four chained tracebacks and
    exit 1; the export writes nothing and says what happened in one line."""
    push_triples(neo4j, larger)
    host, port = neo4j_settings.uri.split("://")[1].rsplit(":", 1)
    proxy = CuttableProxy(host, int(port), cut_after=300_000)
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{proxy.port}", "NEO4J_PASSWORD": neo4j_settings.password}
    try:
        result = run("export", "--from-neo4j", "--out", tmp_path / "back.ttl", env=env)
    finally:
        proxy.close()
    assert proxy.sent > 300_000  # the read had begun
    assert result.exit_code == 5, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("plankg: ")
    assert "cannot reach Neo4j" in result.stderr or "Neo4j at" in result.stderr
    assert not (tmp_path / "back.ttl").exists()


@pytest.mark.parametrize(
    ("plans", "sizes"),
    [
        (0, []),
        (5, [5]),
        (7, [5, 2]),
        (100, [5, 10, 20, 50, 15]),
        (500, [5, 10, 20, *[50] * 8, 30, 20, 10, 5]),
    ],
)
def test_a_push_ramps_its_parts_up_and_down(plans, sizes):
    assert part_sizes(plans, 50) == sizes
    assert part_sizes(plans, 1) == [1] * plans
    numbered = [[n] for n in range(plans)]
    assert [len(group) for group in regrouped(numbered, sizes)] == sizes
    assert [n for group in regrouped(numbered, sizes) for n in group] == list(range(plans))
