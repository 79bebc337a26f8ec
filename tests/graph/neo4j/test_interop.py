"""The pushed graph read by another client: the Node.js Neo4j driver (scripts/interop), with
Chinese text and numbers as the plans wrote them."""

from __future__ import annotations

import json

import pytest
from plankg.graph.neo4j.push import push_triples

pytestmark = [pytest.mark.neo4j, pytest.mark.interop]


@pytest.fixture
def read(interop, neo4j, neo4j_settings, triples):
    """``read(cypher, **params)``: the records the Node.js driver gives for the pushed samples."""
    push_triples(neo4j, triples)
    env = {
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user,
        "NEO4J_PASSWORD": neo4j_settings.password,
    }

    def run(cypher: str, **params: object) -> list[dict[str, dict[str, object]]]:
        result = interop.node("read-neo4j.mjs", cypher, json.dumps(params), env=env)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


def test_the_node_driver_reads_every_node_and_relationship(read):
    (counts,) = read(
        "MATCH (n:Resource) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS links"
    )
    assert counts == {
        "nodes": {"type": "integer", "value": "2021"},
        "links": {"type": "integer", "value": "12701"},
    }


def test_the_node_driver_reads_chinese_text_and_numbers(read):
    (headline,) = read(
        "MATCH (p:Plan)-[:REGION]->(r:Region {label: $region}), (p)-[:HEADLINE_TARGET]->(t:Target), "
        "(t)-[:DUE_BY]->(y:Instant), (t)-[:DERIVED_FROM]->(c:Clause) "
        "RETURN r.label AS region, t.numericValue AS value, y.inXSDgYear AS year, "
        "t.unitText AS unit, c.sourceText AS text",
        region="周口市",
    )
    assert headline["region"] == {"type": "string", "value": "周口市"}
    assert headline["value"] == {"type": "number", "value": 14.4}
    assert headline["year"] == {"type": "integer", "value": "2025"}
    assert headline["unit"] == {"type": "string", "value": "%"}
    assert "14.4%" in str(headline["text"]["value"])
