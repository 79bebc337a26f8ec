"""What an analyst asks of a node or a relationship is on it (issue 18): a name on every node,
a measure's code and region, and on LEADS and PARTNERS_IN where the assignment was stated and
the sentence behind it; none of it is read back as RDF."""

from __future__ import annotations

import pytest
from plankg.graph.neo4j import property_graph
from plankg.graph.neo4j.derived import reserved_keys
from plankg.graph.neo4j.mapping import Mapping, PropertyTerm
from plankg.graph.neo4j.rows import Decoder


@pytest.fixture(scope="module")
def graph(triples):
    return property_graph(triples)


@pytest.fixture(scope="module")
def rows(graph):
    return list(graph.all_rows())


def measure(rows, region, code):
    (found,) = [
        r for r in rows if r.derived.get("code") == code and r.derived.get("region") == region
    ]
    return found


def agency(rows, region, name):
    (found,) = [
        r
        for r in rows
        if r.labels == ("Agency",) and r.derived["name"] == name and f"/agency/{region}/" in r.uri
    ]
    return found


def test_every_node_has_a_name(rows):
    assert all(r.derived.get("name") for r in rows)
    roles = {r.derived["name_en"]: r.derived["name"] for r in rows if r.labels == ("Role",)}
    assert roles == {"lead": "牵头", "partner": "参与"}


@pytest.mark.parametrize(
    ("region", "code", "title"),
    [
        ("周口市", "提升行动1.3", "加强中小学教师科学素质建设"),
        ("新郑市", "提升行动1.3", "加强中小学科学教师队伍建设"),
        ("泉州市", "重点工程3.2", None),
    ],
)
def test_a_measure_has_its_code_and_region(rows, region, code, title):
    found = measure(rows, region, code)
    assert found.labels == ("Measure",) and found.props["title"] == found.derived["name"]
    assert title is None or found.derived["name"] == title


def test_a_lead_carries_the_sentence_that_makes_it(graph, rows):
    """新郑's 市科工信局 leads 提升行动1.1 by the 牵头单位 line of the action, line 24."""
    lead = agency(rows, "410184", "市科工信局")
    props = graph.relationship_props[
        (lead.uri, "LEADS", measure(rows, "新郑市", "提升行动1.1").uri)
    ]
    assert props["statedAt"] == "action" and props["surface"] == "市科工信局"
    assert props["sourceText"].startswith("牵头单位:市教育局、市科工信局、团市委、市科协")
    assert props["startLine"] == props["endLine"] == 24


def test_a_lead_stated_at_the_measure_says_so(graph, rows):
    """忻州 names the lead of each measure at its end: （市教育局牵头，…等单位配合）."""
    lead = agency(rows, "140900", "市教育局")
    found = measure(rows, "忻州市", "提升行动1.3")
    props = graph.relationship_props[(lead.uri, "LEADS", found.uri)]
    assert props["statedAt"] == "measure" and props["sourceText"].startswith("市教育局牵头")


def test_every_lead_and_partner_relationship_has_its_properties(graph):
    for start, out in graph.outgoing.items():
        for rel_type, end in out:
            if rel_type in ("LEADS", "PARTNERS_IN"):
                assert set(graph.relationship_props[(start, rel_type, end)]) == {
                    "statedAt",
                    "surface",
                    "sourceText",
                    "startLine",
                    "endLine",
                }


def test_derived_keys_are_not_read_back(graph, rows, triples):
    """A node read back with its derived keys gives the triples of its literals alone; a
    region's code (an RDF literal: GB/T 2260) is read back, a measure's (derived) is not."""
    decoder = Decoder(graph.mapping)

    def read(props_of):
        return {
            t
            for r in rows
            for t in decoder.node_triples(r.uri, ("Resource", *r.labels), props_of(r))
        }

    stored = read(lambda r: r.param()["props"])
    assert stored == read(lambda r: r.props) and stored <= set(triples)
    codes = {str(o) for _, p, o in stored if p.endswith("#notation") and str(o).isdigit()}
    assert {"411600", "410184", "140900", "350500"} <= codes


def test_no_rdf_term_is_given_a_derived_key():
    assert {"name", "name_en", "region"} <= reserved_keys()
    mapping = Mapping().extended([], [], [PropertyTerm("http://example.org/v#name", None, "zh")])
    assert mapping.keys[PropertyTerm("http://example.org/v#name", None, "zh")] != "name"
