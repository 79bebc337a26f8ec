"""The RDF graph of the five sample plans: valid, deterministic, traceable."""

from __future__ import annotations

import pytest
from plankg.graph.rdf.build import build_triples, graph_of, ordered_triples
from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.rdf.turtle import serialize_turtle
from plankg.graph.rdf.validate import validate_graph, validate_turtle
from plankg.loaders.parse import parse_plan
from plankg.ontology import ID, PK, PKAT
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import ORG, RDF, RDFS


@pytest.fixture(scope="module")
def turtle(triples):
    return serialize_turtle(triples)


def test_the_sample_graph_conforms_to_the_shapes_with_both_engines(turtle):
    assert validate_turtle(turtle, "fast").conforms
    assert validate_turtle(turtle, "pyshacl").conforms


def test_the_turtle_reparses_to_the_same_graph(triples, turtle):
    reparsed = Graph().parse(data=turtle, format="turtle")
    assert isomorphic(reparsed, graph_of(triples))


def test_two_builds_give_byte_identical_turtle(turtle):
    again = load_corpus()
    assert serialize_turtle(again.triples()) == turtle


def test_every_plan_and_agency_has_its_own_iri(triples):
    plans = {s for s, p, o in triples if p == RDF.type and o == PK.Plan}
    assert plans == {
        ID["plan/周口市/2021-2025"],
        ID["plan/新郑市/2021-2025-draft"],
        ID["plan/忻州市/2021-2025"],
        ID["plan/岳阳市南湖新区/2022-2025"],
        ID["plan/泉州市/2021-2025"],
    }
    quanzhou, xinzheng = ID["agency/泉州市/市教育局"], ID["agency/新郑市/市教育局"]
    assert (quanzhou, RDFS.label, Literal("市教育局", lang="zh")) in triples
    assert (xinzheng, RDFS.label, Literal("市教育局", lang="zh")) in triples


def test_agencies_are_typed_by_function_and_merged_bureaus_carry_both(triples):
    def types(agency: str) -> set[URIRef]:
        return {o for s, p, o in triples if s == ID[agency] and p == ORG.classification}

    assert types("agency/新郑市/市科工信局") == {PKAT.science_technology, PKAT.industry_it}
    assert types("agency/岳阳市南湖新区/区教体局") == {PKAT.education, PKAT.sports}
    assert types("agency/泉州市/市委文明办") == {PKAT.civilization_office}


def test_an_action_level_assignment_leads_every_measure_of_its_action(triples):
    action = URIRef(str(ID) + "plan/泉州市/2021-2025/ea1")
    measures = {o for s, p, o in triples if s == action and p == PK.hasMeasure}
    led = {o for s, p, o in triples if s == ID["agency/泉州市/市科协"] and p == PK.leads}
    assert len(measures) == 4 and measures <= led
    assignment = URIRef(f"{action}/lead/市科协")
    assert (assignment, PK.statedAt, Literal("action")) in triples
    assert (action, PK.hasAssignment, assignment) in triples


def test_the_surface_form_of_an_elided_name_is_kept(triples):
    assignment = URIRef(str(ID) + "plan/泉州市/2021-2025/ea1/partner/市委文明办")
    assert (assignment, PK.surfaceForm, Literal("文明办")) in triples


def test_every_fact_points_back_to_its_source_text(corpus, triples):
    sources = {p.source.name: p.source.text for p in corpus.plans}
    graph = graph_of(triples)
    checked = 0
    for node in graph.subjects(PK.sourceText, None):
        start, end = int(graph.value(node, PK.startChar)), int(graph.value(node, PK.endChar))
        name = str(
            graph.value(
                graph.value(node, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")), PK.fileName
            )
        )
        raw = sources[name][start:end]
        quoted = str(graph.value(node, PK.sourceText))
        assert "".join(raw.split()).replace("[image:image1.jpg]", "") == "".join(quoted.split())
        checked += 1
    traced = {PK.Action, PK.Measure, PK.Assignment, PK.Target, PK.Phase}
    assert checked == len({s for s, p, o in triples if p == RDF.type and o in traced}) == 1340


def test_a_broken_graph_fails_with_both_engines(triples):
    measure = URIRef(str(ID) + "plan/周口市/2021-2025/ea1/m1")
    broken = {t for t in triples if not (t[1] == PK.leads and t[2] == measure)}
    target = URIRef(str(ID) + "plan/周口市/2021-2025/headline")
    broken = {t for t in broken if not (t[0] == target and t[1] == PK.unit)}
    turtle = serialize_turtle(broken)
    fast, reference = validate_turtle(turtle, "fast"), validate_graph(graph_of(broken))
    assert not fast.conforms and not reference.conforms
    focus = {v.focus for v in reference.violations}
    assert focus == {v.focus for v in fast.violations} == {str(measure), str(target)}


def test_build_triples_accepts_explicit_keys(corpus):
    triples = build_triples(corpus.plans[:1], ["周口市/copy"])
    assert (ID["plan/周口市/copy"], RDF.type, PK.Plan) in triples


def test_ordered_triples_are_the_triples_each_once_plan_by_plan(corpus, triples):
    ordered = ordered_triples(corpus.plans, corpus.keys)
    assert len(ordered) == len(set(ordered)) == len(triples) == 22_362
    assert set(ordered) == triples
    assert ordered == ordered_triples(corpus.plans, corpus.keys)
    first_plan = ordered_triples(corpus.plans[:1], corpus.keys[:1])
    assert ordered[: len(first_plan)] == first_plan


ACTION_WITHOUT_MEASURES = """河清市全民科学素质行动规划纲要实施方案（2021—2025年）

一、总体要求

到2025年，全市公民具备科学素质的比例达到15%。

二、提升行动

（一）青少年科学素质提升行动

1.开展青少年科普活动。组织青少年参加科技竞赛活动。

牵头单位：市教育局，参与单位：市妇联。

（二）农民科学素质提升行动

牵头单位：市农业农村局，参与单位：市科协。
"""


def test_an_action_without_measures_keeps_its_assignments_and_conforms():
    plan = parse_plan(ACTION_WITHOUT_MEASURES, "action_without_measures.txt")
    assert "提升行动 2 农民科学素质提升行动: no measures" in plan.warnings
    triples = build_triples([plan])
    action = URIRef(str(ID) + "plan/河清市/2021-2025/ea2")
    lead = URIRef(f"{action}/lead/市农业农村局")
    assert (action, PK.hasAssignment, lead) in triples
    assert (lead, PK.statedAt, Literal("action")) in triples
    assert not any(s == lead and p == PK.covers for s, p, o in triples)
    assert validate_turtle(serialize_turtle(triples), "fast").conforms
    assert validate_graph(graph_of(triples)).conforms


def test_an_assignment_that_covers_nothing_where_its_action_has_measures_fails(triples):
    lead = URIRef(str(ID) + "plan/周口市/2021-2025/ea1/lead/市科协")
    assert any(s == lead and p == PK.covers for s, p, o in triples)
    broken = {t for t in triples if not (t[0] == lead and t[1] == PK.covers)}
    fast = validate_turtle(serialize_turtle(broken), "fast")
    reference = validate_graph(graph_of(broken))
    assert {v.focus for v in fast.violations} == {v.focus for v in reference.violations}
    assert {v.focus for v in fast.violations} == {str(lead)}
