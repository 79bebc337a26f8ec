"""The push to a real Neo4j (scripts/neo4j-local), read-back, Cypher twins and errors."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace

import pytest
from plankg.graph.build import graph_of
from plankg.graph.neo4j_db import GraphDatabaseError, connect
from plankg.graph.neo4j_push import push_triples
from plankg.graph.neo4j_read import read_triples, stored_counts
from plankg.graph.pipeline import load_corpus
from plankg.loaders.read import sample_paths
from plankg.queries import query_names, query_parameters, run_sparql
from plankg.queries.cypher import WriteRefused, run_cypher, run_read_only
from rdflib.compare import isomorphic

pytestmark = pytest.mark.neo4j

PARAMETER_SETS = [
    {},
    {"region": "泉州市"},
    {"region": "忻州市", "agency": "市科协"},
    {"agency": "市科协"},
    {"year": "2025"},
]


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def triples(corpus):
    return corpus.triples()


def test_push_holds_the_graph_and_a_second_push_changes_nothing(neo4j, triples):
    first = push_triples(neo4j, triples)
    assert (first.nodes_created, first.relationships_created) == (1557, 10715)
    second = push_triples(neo4j, triples)
    assert not second.changed
    assert (second.nodes_created, second.relationships_created, second.properties_set) == (0, 0, 0)
    assert (stored_counts(neo4j).nodes, stored_counts(neo4j).relationships) == (1557, 10715)
    with neo4j.session() as session:
        led = session.run(
            "MATCH (:Agency {label: $agency})-[:JURISDICTION]->(:Region {label: $region}), "
            "(a:Agency {label: $agency})-[:LEADS]->(m:Measure) "
            "WHERE (a)-[:JURISDICTION]->(:Region {label: $region}) RETURN count(DISTINCT m) AS n",
            agency="市科协",
            region="泉州市",
        ).single()["n"]
    assert led == 19


def test_round_trip_rdf_neo4j_rdf_is_isomorphic(neo4j, triples):
    push_triples(neo4j, triples)
    assert isomorphic(graph_of(read_triples(neo4j)), graph_of(triples))


def test_replace_swaps_one_plans_subgraph(neo4j, corpus, triples):
    push_triples(neo4j, triples)
    index = next(i for i, p in enumerate(corpus.plans) if p.region.name == "泉州市")
    plan = corpus.plans[index]
    edited = replace(plan, actions=plan.actions[:1])
    from plankg.graph.build import build_triples

    changed = build_triples([edited], [corpus.keys[index]])
    push_triples(neo4j, changed, replace=True)
    table = run_cypher(neo4j, "plans", {"region": "泉州市"})
    assert table.records()[0]["actions"] == 1
    others = run_cypher(neo4j, "plans", {"region": "周口市"})
    assert others.records()[0]["actions"] == 10


@pytest.mark.parametrize("name", query_names("cypher"))
def test_every_named_query_gives_the_same_rows_on_both_stores(neo4j, corpus, triples, name):
    assert set(query_names("cypher")) == set(query_names("sparql"))
    push_triples(neo4j, triples)
    graph = corpus.graph()
    declared = query_parameters(name, "cypher")
    for params in PARAMETER_SETS:
        usable = {k: v for k, v in params.items() if k in declared}
        if any(required and k not in usable for k, required in declared.items()):
            continue
        sparql, cypher = run_sparql(graph, name, usable), run_cypher(neo4j, name, usable)
        assert cypher.columns == sparql.columns
        key = lambda row: tuple("" if v is None else str(v) for v in row)  # noqa: E731
        assert sorted(cypher.rows, key=key) == sorted(sparql.rows, key=key), (name, usable)


def test_ad_hoc_cypher_reads_but_refuses_to_write(neo4j, triples):
    push_triples(neo4j, triples)
    table = run_read_only(neo4j, "MATCH (p:Plan) RETURN count(p) AS plans")
    assert table.rows == ((5,),)
    with pytest.raises(WriteRefused):
        run_read_only(neo4j, "CREATE (x:Intruder) RETURN x")
    assert run_read_only(neo4j, "MATCH (x:Intruder) RETURN count(x) AS n").rows == ((0,),)


def test_an_interrupted_push_rerun_ends_with_the_same_graph(
    neo4j, neo4j_settings, triples, tmp_path
):
    env = {**os.environ, "NEO4J_URI": neo4j_settings.uri, "NEO4J_PASSWORD": neo4j_settings.password}
    push = subprocess.Popen(
        [sys.executable, "-m", "plankg.cli", "push", *map(str, sample_paths())], env=env
    )
    deadline = time.monotonic() + 60
    while (
        stored_counts(neo4j).relationships == 0
        and time.monotonic() < deadline
        and push.poll() is None
    ):
        time.sleep(0.05)
    push.kill()
    push.wait()
    interrupted = stored_counts(neo4j)
    assert push.returncode == -9 and 0 < interrupted.relationships < 10715
    push_triples(neo4j, triples)
    assert isomorphic(graph_of(read_triples(neo4j)), graph_of(triples))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"uri": "bolt://127.0.0.1:1"}, "cannot reach Neo4j"),
        ({"password": "not-the-password"}, "wrong user or password"),
        ({"database": "nosuchdb"}, "has no database 'nosuchdb'"),
    ],
)
def test_connection_errors_are_one_line(neo4j_settings, change, message):
    with pytest.raises(GraphDatabaseError) as error:
        connect(replace(neo4j_settings, **change))
    assert message in str(error.value) and "\n" not in str(error.value)
