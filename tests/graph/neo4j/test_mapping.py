"""The property-graph mapping, without a database: names derived from the ontology, literal
values that come back exact, rows built from the sample plans."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from plankg.graph.neo4j.mapping import (
    Mapping,
    MappingError,
    PropertyTerm,
    cypher_name,
    upper_snake,
)
from plankg.graph.neo4j.rows import Decoder, NodeRow, merged_props, property_graph
from plankg.graph.neo4j.values import decode, encode, float_lexical, to_value
from plankg.graph.rdf.build import graph_of
from plankg.graph.rdf.corpus import load_corpus
from plankg.ontology import ID, PK
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, Namespace

# A plain namespace: pytest probes module globals, and rdflib's XSD warns on unknown names.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
QUDT = Namespace("http://qudt.org/schema/qudt/")

PLAN = URIRef(ID["plan/411600/2021-2025"])


@pytest.fixture(scope="module")
def graph(triples):
    return property_graph(triples)


def round_trip(graph):
    decoder = Decoder(graph.mapping)
    back = set()
    for labels, uris in graph.nodes.items():
        for uri in uris:
            row = graph.row(uri, labels)
            back.update(decoder.node_triples(uri, ("Resource", *labels), row.props))
    for rel_type, pairs in graph.relationships.items():
        back.update(decoder.relationship_triple(s, rel_type, o) for s, o in pairs)
    return back


@pytest.mark.parametrize(
    ("predicate", "rel_type"),
    [
        (PK.hasAction, "HAS_ACTION"),
        (PK.hasMeasure, "HAS_MEASURE"),
        (PK.leads, "LEADS"),
        (PK.partnersIn, "PARTNERS_IN"),
        (PK.hasTarget, "HAS_TARGET"),
        (PK.cites, "CITES"),
        (ORG.classification, "OF_TYPE"),
        (PROV.wasDerivedFrom, "DERIVED_FROM"),
    ],
)
def test_object_properties_become_relationship_types(graph, predicate, rel_type):
    assert graph.mapping.types[str(predicate)] == rel_type


def test_classes_become_labels_and_every_node_keeps_its_uri(graph):
    labels = set(graph.mapping.labels.values())
    assert {"Plan", "Region", "Action", "Measure", "Agency", "AgencyType", "Target"} <= labels
    assert ("Action", "EnhancementAction") in graph.nodes
    created = graph.node_row(str(PLAN)).created()
    assert created["labels"] == ["Resource", "Plan"]
    assert created["props"]["uri"] == str(PLAN)


@pytest.mark.parametrize(
    ("term", "key"),
    [
        (PropertyTerm(str(DCTERMS.title), None, "zh"), "title"),
        (PropertyTerm(str(SKOS.prefLabel), None, "en"), "prefLabel_en"),
        (PropertyTerm(str(RDFS.label), None, "zh"), "label"),
        (PropertyTerm(str(PK.sourceText), None, None), "sourceText"),
        (PropertyTerm(str(QUDT.numericValue), str(XSD.decimal), None), "numericValue"),
        (PropertyTerm(str(SKOS.notation), str(PK.GBT2260), None), "code"),
    ],
)
def test_literal_kinds_become_property_keys(graph, term, key):
    assert graph.mapping.keys[term] == key


def test_the_samples_give_the_node_and_relationship_counts(graph, triples):
    assert (graph.triples, graph.node_count, graph.relationship_count) == (19144, 2021, 12701)
    assert len(graph.relationships["LEADS"]) == 370
    assert len(graph.nodes[("Agency",)]) == 131


def test_provenance_is_a_clause_node_with_the_text_and_its_span(graph, triples):
    measure = graph.node_row(f"{PLAN}/youth/m1")
    assert measure.props["number"] == 1 and "sourceText" not in measure.props
    clause = next(
        o for s, p, o in triples if s == URIRef(f"{PLAN}/youth/m1") and p == PROV.wasDerivedFrom
    )
    row = graph.node_row(str(clause))
    assert {"sourceText", "startChar", "endChar", "startLine", "endLine"} <= row.props.keys()


def test_a_document_cited_under_several_titles_is_one_node_with_them_as_a_list(graph):
    document = graph.node_row(str(ID["document/国发〔2021〕9号"]))
    assert document.props["title"] == "全民科学素质行动规划纲要（2021—2035年）"
    assert (
        isinstance(document.props["alternative"], list) and len(document.props["alternative"]) == 4
    )
    assert document.props["alternative"] == sorted(document.props["alternative"])


def test_rows_decode_to_the_same_triples(graph, triples):
    back = round_trip(graph)
    assert back == triples
    assert isomorphic(graph_of(back), graph_of(triples))


@pytest.mark.parametrize(
    ("literal", "stored"),
    [
        (Literal("14.4", datatype=XSD.decimal), 14.4),
        (Literal("80", datatype=XSD.decimal), 80),
        (Literal("-15", datatype=XSD.decimal), -15),
        (Literal("99999999999999999999", datatype=XSD.decimal), "99999999999999999999"),
        (Literal("0.50", datatype=XSD.decimal), "0.50"),
        (Literal("2025", datatype=XSD.gYear), 2025),
        (Literal("0999", datatype=XSD.gYear), 999),
        (Literal("2025Z", datatype=XSD.gYear), "2025Z"),
        (Literal("2022-05-01", datatype=XSD.date), date(2022, 5, 1)),
        (Literal("12", datatype=XSD.integer), 12),
        (Literal("true", datatype=XSD.boolean), True),
        (Literal("99999999999999999999", datatype=XSD.integer), "99999999999999999999"),
        (Literal("2021-06-25T10:00:00", datatype=XSD.dateTime), "2021-06-25T10:00:00"),
        pytest.param(Literal("市科协", lang="zh"), "市科协", id="zh-string"),
        (Literal("plain"), "plain"),
    ],
)
def test_literals_are_stored_natively_only_when_lossless_and_come_back_exact(literal, stored):
    datatype = str(literal.datatype) if literal.datatype else None
    value = encode([literal], datatype)
    assert value == stored and type(value) is type(stored)
    (back,) = decode(value, datatype, literal.language)
    assert back == literal and str(back) == str(literal)


def test_mixed_native_and_lexical_values_of_one_key_are_kept_as_strings():
    values = [Literal("2025", datatype=XSD.gYear), Literal("2025Z", datatype=XSD.gYear)]
    assert encode(values, str(XSD.gYear)) == ["2025", "2025Z"]
    assert set(decode(["2025", "2025Z"], str(XSD.gYear), None)) == set(values)


@pytest.mark.parametrize(("value", "text"), [(14.4, "14.4"), (80.0, "80"), (0.5, "0.5")])
def test_floats_read_as_decimal_lexical_forms(value, text):
    assert float_lexical(value) == text
    assert to_value(text, str(XSD.decimal)) == value


@pytest.mark.parametrize(("text", "value"), [("15", 15), ("1000", 1000), ("14.4", 14.4)])
def test_a_decimal_written_as_a_whole_number_is_stored_as_an_integer(text, value):
    """So a reader of the graph (Neo4j Browser, another driver) sees 15, not 15.0."""
    stored = to_value(text, str(XSD.decimal))
    assert stored == value and type(stored) is type(value)


@pytest.mark.parametrize(
    ("lexical", "datatype"),
    [("1", XSD.boolean), ("+5", XSD.integer), ("007", XSD.integer), ("1.50", XSD.decimal)],
)
def test_lexical_forms_a_native_value_would_change_stay_strings(lexical, datatype):
    assert to_value(lexical, str(datatype)) == lexical


def test_names_in_use_are_kept_and_new_ones_never_clash():
    known = Mapping(keys={PropertyTerm("http://example.org/a#title"): "title"})
    mapping = known.extended([], [], [PropertyTerm(str(DCTERMS.title), None, "zh")])
    assert mapping.keys[PropertyTerm("http://example.org/a#title")] == "title"
    assert mapping.keys[PropertyTerm(str(DCTERMS.title), None, "zh")] == "title_zh"
    plain_too = mapping.extended([], [], [PropertyTerm(str(DCTERMS.title), None, None)])
    assert plain_too.keys[PropertyTerm(str(DCTERMS.title), None, None)] == "title_plain"


def test_the_mapping_survives_its_database_records():
    mapping = property_graph(load_corpus().triples()).mapping
    assert Mapping.from_slots(mapping.slots()) == mapping
    assert not mapping.new_slots(mapping)


def test_an_rdf_union_merges_stored_values_into_pushed_ones(graph):
    title = PropertyTerm(str(DCTERMS.title), None, "zh")
    mapping = graph.mapping
    pushed = {"title": "新标题", "docNumber": "国发〔2021〕9号"}
    stored = {
        "title": ["旧标题", "新标题"],
        "docNumber": "国发〔2021〕9号",
        "uri": "x",
        "name": "旧",
    }
    row = NodeRow("x", ("Document",), pushed, {"name": "新标题"})
    merged = merged_props(row, stored, mapping)
    assert merged["title"] == ["新标题", "旧标题"] and merged["docNumber"] == "国发〔2021〕9号"
    assert merged["name"] == "新标题"
    assert mapping.keys[title] == "title"


@pytest.mark.parametrize(
    ("triple", "message"),
    [
        ((BNode(), RDFS.label, Literal("x")), "blank node"),
        ((PLAN, RDFS.seeAlso, BNode()), "blank node"),
        ((PLAN, PK.hasAction, Literal("x")), "is a literal, not a resource"),
        ((PLAN, RDF.type, Literal("Plan")), "is a literal, not a resource"),
        ((PLAN, PK.sourceText, URIRef("http://example.org/x")), "is a resource, not a literal"),
    ],
)
def test_triples_that_do_not_fit_are_refused(triple, message):
    with pytest.raises(MappingError, match=message):
        property_graph([triple])


@pytest.mark.parametrize(("name", "snake"), [("partnersIn", "PARTNERS_IN"), ("cites", "CITES")])
def test_relationship_names_are_upper_snake_case(name, snake):
    assert upper_snake(name) == snake


@pytest.mark.parametrize("name", ["Action`) DETACH DELETE (n", "has space", "", "1abc"])
def test_names_that_are_not_identifiers_never_reach_cypher(name):
    with pytest.raises(MappingError):
        cypher_name(name)


def test_decimals_stay_decimals_for_sparql_parity():
    assert Decimal(float_lexical(14.4)) == Decimal("14.4")
