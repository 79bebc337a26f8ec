"""The Cypher twins of the named queries give the SPARQL rows, in the same order, with the same
value types; ad-hoc Cypher runs read-only."""

from __future__ import annotations

import os
import time
from decimal import Decimal

import pytest
from plankg.graph.neo4j.connection import GraphDatabaseError
from plankg.graph.neo4j.push import push_triples
from plankg.queries import load_query, query_names, query_parameters, run_sparql
from plankg.queries.cypher import (
    QueryRefused,
    QueryTooLong,
    WriteRefused,
    run_cypher,
    run_read_only,
)

PARAMETER_SETS = [
    {},
    {"region": "泉州市"},
    {"region": "新郑市", "agency": "市科协"},
    {"region": "忻州市", "agency": "市科协"},
    {"agency": "市科协"},
    {"agency": "市教育局"},
    {"region": "周口市", "year": "2025"},
    {"year": "2025"},
    {"region": "岳阳市南湖新区"},
    {"region": "没有这个市"},
    {"action": "2021-youth"},
    {"action": "2021-talent", "region": "周口市"},
    {"family": "实施教师科学素质提升工程"},
    {"family": "实施教师科学素质提升工程", "region": "泉州市"},
    {"family": "2021-youth/f058074b7770262b"},
    {"family": "没有这个任务"},
]


@pytest.fixture(scope="module")
def sparql_graph(corpus):
    return corpus.graph()


@pytest.fixture
def pushed(neo4j, corpus):
    push_triples(neo4j, corpus.triples())
    return neo4j


def usable_sets(name: str) -> list[dict[str, str]]:
    declared = query_parameters(name, "cypher")
    found = []
    for params in PARAMETER_SETS:
        usable = {k: v for k, v in params.items() if k in declared}
        if usable not in found and all(k in usable for k, req in declared.items() if req):
            found.append(usable)
    return found


def test_every_named_query_has_a_cypher_twin_with_the_same_parameters():
    assert query_names("cypher") == query_names("sparql")
    for name in query_names("sparql"):
        assert query_parameters(name, "cypher") == query_parameters(name, "sparql")
        assert "$" not in load_query(name, "cypher").split("Parameters:")[0]


@pytest.mark.neo4j
@pytest.mark.parametrize("name", query_names("sparql"))
def test_sparql_and_cypher_give_the_same_rows_in_the_same_order(pushed, sparql_graph, name):
    for params in usable_sets(name):
        sparql = run_sparql(sparql_graph, name, params)
        cypher = run_cypher(pushed, name, params)
        assert cypher.columns == sparql.columns
        assert cypher.rows == sparql.rows, params
        for a, b in zip(cypher.rows, sparql.rows, strict=True):
            assert [type(v) for v in a] == [type(v) for v in b], params


@pytest.mark.neo4j
def test_values_come_back_as_python_values(pushed):
    plans = run_cypher(pushed, "plans", {"region": "周口市"}).records()[0]
    assert plans["headline_value"] == Decimal("14.4") and plans["period_start"] == 2021
    targets = run_cypher(pushed, "targets", {"region": "周口市", "year": "2025"}).records()
    assert {(t["value"], t["unit"]) for t in targets} >= {(Decimal("80"), "个")}
    assert all(t["year"] == 2025 and isinstance(t["per_year"], bool) for t in targets)


@pytest.mark.neo4j
def test_parameters_are_checked_as_for_sparql(pushed):
    from plankg.queries import QueryError

    with pytest.raises(QueryError, match="needs parameter agency"):
        run_cypher(pushed, "agency")
    with pytest.raises(QueryError, match="has no parameter city"):
        run_cypher(pushed, "top-lead", {"city": "泉州市"})


@pytest.mark.neo4j
def test_ad_hoc_cypher_reads_with_parameters(pushed):
    table = run_read_only(
        pushed,
        "MATCH (a:Agency {label: $agency})-[:JURISDICTION]->(:Region {label: $region}) "
        "MATCH (a)-[:LEADS]->(m:Measure) RETURN count(m) AS led",
        {"agency": "市科协", "region": "泉州市"},
    ).table
    assert table.records() == [{"led": 19}]


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "query",
    [
        "CREATE (:Intruder)",
        "MATCH (p:Plan) SET p.title = 'x'",
        "MATCH (p:Plan) DETACH DELETE p",
        "MERGE (:Intruder {uri: 'x'})",
        "MATCH (p:Plan) REMOVE p:Plan",
        "CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.x)",
        "MATCH (p:Plan) CALL (p) { SET p.x = 1 } RETURN count(*)",
    ],
)
def test_ad_hoc_cypher_that_would_write_is_refused(pushed, query):
    with pytest.raises(WriteRefused, match="refused"):
        run_read_only(pushed, query)
    assert run_read_only(
        pushed, "MATCH (p:Plan) WHERE p.x IS NULL RETURN count(p) AS n"
    ).table.rows == ((5,),)


@pytest.mark.neo4j
def test_the_command_line_refuses_a_write_in_one_line(pushed, run, neo4j_env):
    refused = run("cypher", "MATCH (p:Plan) DETACH DELETE p", env=neo4j_env)
    assert refused.exit_code == 5 and refused.stderr.count("\n") == 1
    count = "MATCH (p:Plan) RETURN count(p) AS plans"
    read = run("cypher", count, "--format", "csv", env=neo4j_env)
    assert read.exit_code == 0 and read.stdout.split() == ["plans", "5"]
    top = ("top-lead", "--backend", "neo4j", "--param", "region=泉州市", "--format", "csv")
    query = run("query", *top, env=neo4j_env)
    assert query.exit_code == 0 and query.stdout.splitlines()[1] == "泉州市,市科协,19,6"


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "LOAD CSV makes the server read"),
        ("LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row", "or fetch a URL"),
        ("SHOW TRANSACTIONS", "SHOW TRANSACTIONS shows other clients' queries"),
        ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "stops other clients' queries"),
        ("SHOW USERS", "it is an administration command"),
        ("SHOW SETTINGS", "the server's configuration"),
        ("CALL db.resampleOutdatedIndexes()", "procedure db.resampleOutdatedIndexes, which is not"),
        ("CALL dbms.listConfig()", "procedure dbms.listConfig, which is not"),
        ("CALL db.clearQueryCaches()", "procedure db.clearQueryCaches, which is not"),
        ("MATCH (n) CALL db.stats.retrieve('QUERIES') YIELD data RETURN data", "db.stats.retrieve"),
    ],
    ids=[
        "csv-file",
        "csv-url",
        "show-tx",
        "terminate-tx",
        "users",
        "settings",
        "resample",
        "config",
        "caches",
        "stats",
    ],
)
def test_ad_hoc_cypher_that_reaches_beyond_the_graph_is_refused_with_its_reason(
    pushed, query, reason
):
    """The server plans these as reads (LOAD CSV printed /etc/passwd; SHOW USERS was refused
    as "would write"): each is refused for what it does."""
    with pytest.raises(QueryRefused, match="refused: ") as refused:
        run_read_only(pushed, query)
    assert reason in str(refused.value)
    assert not isinstance(refused.value, WriteRefused)


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "query", ["CALL db.labels()", "CALL db.schema.visualization()", "SHOW INDEXES"]
)
def test_procedures_and_commands_that_read_the_graph_run(pushed, query):
    assert run_read_only(pushed, query).table.rows


@pytest.mark.neo4j
def test_an_ad_hoc_query_is_stopped_after_its_timeout(pushed):
    endless = "UNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN x"
    started = time.monotonic()
    with pytest.raises(QueryTooLong, match=r"ran longer than 2 s and was stopped"):
        run_read_only(pushed, endless, timeout=2)
    assert time.monotonic() - started < 30


@pytest.mark.neo4j
def test_an_ad_hoc_query_returns_at_most_its_rows(pushed):
    answer = run_read_only(pushed, "UNWIND range(1, 10) AS x RETURN x", max_rows=10)
    assert len(answer.table.rows) == 10
    with pytest.raises(QueryTooLong, match="more than 10 rows: add a LIMIT"):
        run_read_only(pushed, "UNWIND range(1, 11) AS x RETURN x", max_rows=10)


@pytest.mark.neo4j
def test_the_command_line_shows_no_server_file_and_takes_a_timeout(pushed, run, neo4j_env):
    load = run("cypher", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", env=neo4j_env)
    assert load.exit_code == 5 and "root:" not in load.output
    assert load.stderr.startswith("plankg: refused: LOAD CSV")
    slow = run(
        "cypher",
        "UNWIND range(1, 100000000000) AS x WITH x WHERE x < 0 RETURN x",
        "--timeout",
        "1",
        env=neo4j_env,
    )
    assert slow.exit_code == 5 and "ran longer than 1 s" in slow.stderr


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "allow_csv_import_from_file_urls' is false"),
        ("http://127.0.0.1:9/x.csv", "is blocked via the configuration property"),
    ],
)
def test_the_projects_server_refuses_load_csv_to_any_client(neo4j, url, reason):
    """What plankg cypher refuses, the project's server (scripts/neo4j-local) refuses to every
    client too: its files and the network are out of LOAD CSV's reach."""
    if os.environ.get("PLANKG_OWN_NEO4J") != "1":
        pytest.skip("not the project's own server (scripts/test starts one and says so)")
    load = f"LOAD CSV FROM '{url}' AS row RETURN row"
    with pytest.raises(GraphDatabaseError, match=reason):
        neo4j.read(lambda tx: tx.run(load).consume())


@pytest.mark.neo4j
def test_a_typed_parameter_matches_an_integer_property(pushed, run, neo4j_env):
    """--param year=2025 is the integer 2025, which {year: $year} matches; the text "2025"
    matches nothing. The samples hold 20 targets due in 2025 (five headlines among them)."""
    query = "MATCH (:Instant {inXSDgYear: $year})<-[:DUE_BY]-(t:Target) RETURN count(t) AS targets"
    typed = run("cypher", query, "--param", "year=2025", "--format", "csv", env=neo4j_env)
    text = run("cypher", query, "--param-string", "year=2025", "--format", "csv", env=neo4j_env)
    assert typed.stdout.split() == ["targets", "20"]
    assert text.stdout.split() == ["targets", "0"] and text.stderr == ""
    listed = run_read_only(
        pushed,
        "MATCH (r:Region) WHERE r.label IN $regions RETURN r.label AS region ORDER BY region",
        {"regions": ["周口市", "泉州市"]},
    )
    assert listed.table.rows == (("周口市",), ("泉州市",))


@pytest.mark.neo4j
def test_no_rows_and_an_unknown_name_is_a_warning(pushed, run, neo4j_env):
    misspelt = run("cypher", "MATCH (p:Plann)-[:LEADZ]->(m) RETURN p.titel", env=neo4j_env)
    assert misspelt.exit_code == 0 and "(0 rows)" in misspelt.stdout
    (warning,) = misspelt.stderr.splitlines()
    assert warning.startswith("plankg: no rows, and the graph has no ")
    for name in (
        "label Plann (line 1, column 10)",
        "relationship type LEADZ",
        "property key titel",
    ):
        assert name in warning
    known = run("cypher", "MATCH (p:Plan {title: 'none'}) RETURN p.title", env=neo4j_env)
    assert known.exit_code == 0 and known.stderr == ""
    answer = run_read_only(pushed, "MATCH (p:Plan) WHERE p.titel IS NULL RETURN count(p) AS n")
    assert answer.table.rows == ((5,),) and not answer.warnings()


@pytest.mark.neo4j
def test_explain_shows_the_plan_without_running_the_query(pushed):
    answer = run_read_only(
        pushed, "EXPLAIN MATCH (p:Plan)-[:HAS_ACTION]->(a:Action) RETURN p.title, count(a) AS n"
    )
    assert (
        answer.table.columns == ("operator", "details", "estimated_rows")
        and answer.returned is None
    )
    operators = [row[0].strip() for row in answer.table.rows]
    assert operators[0] == "ProduceResults" and "EagerAggregation" in operators
    assert any(row[1] == "p:Plan" or row[1] == "a:Action" for row in answer.table.rows)
    assert all(isinstance(row[2], int) for row in answer.table.rows)


@pytest.mark.neo4j
def test_profile_shows_each_operators_rows_and_db_hits(pushed, run, neo4j_env):
    """PROFILE failed with "Can't specify multiple conflicting values for execution mode".
    The five plans have 50 actions: the scan gives 5 rows, the expansion 50, the result 5."""
    query = "PROFILE MATCH (p:Plan)-[:HAS_ACTION]->(a) RETURN p.title AS plan, count(a) AS actions"
    answer = run_read_only(pushed, query)
    rows = {row[0].strip(): row for row in answer.table.rows}
    assert answer.table.columns[3:5] == ("rows", "db_hits") and answer.returned == 5
    assert rows["NodeByLabelScan"][3] == 5 and rows["Expand(All)"][3] == 50
    assert rows["ProduceResults"][3] == 5 and rows["Expand(All)"][4] > 0
    shown = run("cypher", f"// the plan\n{query}", env=neo4j_env)
    assert shown.exit_code == 0 and "NodeByLabelScan" in shown.stdout
    assert shown.stderr.startswith("plankg: PROFILE: 5 rows, ") and " db hits, " in shown.stderr
    with pytest.raises(WriteRefused):
        run_read_only(pushed, "PROFILE MATCH (p:Plan) SET p.x = 1")
    with pytest.raises(WriteRefused):
        run_read_only(pushed, "explain CREATE (:Intruder)")


@pytest.mark.neo4j
def test_numbers_stay_numbers_out_of_cypher(pushed, run, neo4j_env):
    """A target of 15 in the plan is the integer 15 in Neo4j and out of plankg cypher; 14.4
    is a decimal; nodes and lists print as JSON."""
    query = (
        "MATCH (t:Target)-[:DERIVED_FROM]->(c:Clause) WHERE c.sourceText CONTAINS $text "
        "RETURN t.numericValue AS value, [t.numericValue] AS listed, "
        "t {value: t.numericValue, unit: t.unitText} AS node"
    )
    fifteen = run_read_only(pushed, query, {"text": "市级科普教育基地达到15个"}).table.rows[0]
    assert fifteen[0] == 15 and type(fifteen[0]) is int and fifteen[1] == [15]
    share = run_read_only(pushed, query, {"text": "达到14.4%"}).table.rows[0]
    assert share[0] == Decimal("14.4")
    table = run("cypher", query, "--param", 'text="达到14.4%"', env=neo4j_env)
    assert '{"value": 14.4, "unit": "%"}' in table.stdout and "[14.4]" in table.stdout
    as_json = run("cypher", query, "--param", "text=达到15个", "--format", "json", env=neo4j_env)
    assert (
        as_json.exit_code == 0 and '"value": 15,' in as_json.stdout and "15.0" not in as_json.stdout
    )
