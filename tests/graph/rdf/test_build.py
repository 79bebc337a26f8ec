"""The RDF graph of the five sample plans: valid, deterministic, traceable."""

from __future__ import annotations

from pathlib import Path

import pytest
from plankg.graph.rdf.build import build_triples, graph_of, ordered_triples
from plankg.graph.rdf.corpus import load_corpus
from plankg.graph.rdf.turtle import serialize_turtle
from plankg.graph.rdf.validate import validate_graph, validate_turtle
from plankg.loaders.parse import parse_plan
from plankg.ontology import ID, PK, PKAT, PKCA
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, TIME, XSD

QUDT = "http://qudt.org/schema/qudt/"
UNIT = "http://qudt.org/vocab/unit/"
ZHOUKOU = ID["plan/411600/2021-2025"]
QUANZHOU = ID["plan/350500/2021-2025"]
CRAFTED = Path(__file__).with_name("crafted_plan.txt")
"""A plan written for these tests (福州市, which has no sample): a task-division table, a
range, a hedge, a baseline, agencies counted and agencies responsible without a lead."""


@pytest.fixture(scope="module")
def turtle(triples):
    return serialize_turtle(triples)


@pytest.fixture(scope="module")
def crafted():
    plan = parse_plan(CRAFTED.read_text(encoding="utf-8"), CRAFTED.name)
    return plan, build_triples([plan])


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
        ZHOUKOU,
        ID["plan/410184/2021-2025-draft"],
        ID["plan/140900/2021-2025"],
        ID["plan/430600/岳阳市南湖新区/2022-2025"],
        QUANZHOU,
    }
    quanzhou, xinzheng = ID["agency/350500/市教育局"], ID["agency/410184/市教育局"]
    assert (quanzhou, RDFS.label, Literal("市教育局", lang="zh")) in triples
    assert (xinzheng, RDFS.label, Literal("市教育局", lang="zh")) in triples


def test_agencies_are_typed_by_function_and_merged_bureaus_carry_both(triples):
    def types(agency: str) -> set[URIRef]:
        return {o for s, p, o in triples if s == ID[agency] and p == ORG.classification}

    assert types("agency/410184/市科工信局") == {PKAT.science_technology, PKAT.industry_it}
    assert types("agency/430600/岳阳市南湖新区/区教体局") == {PKAT.education, PKAT.sports}
    assert types("agency/350500/市委文明办") == {PKAT.civilization_office}


def test_an_action_level_assignment_leads_every_measure_of_its_action(triples):
    action = URIRef(f"{QUANZHOU}/youth")
    measures = {o for s, p, o in triples if s == action and p == PK.hasMeasure}
    led = {o for s, p, o in triples if s == ID["agency/350500/市科协"] and p == PK.leads}
    assert len(measures) == 4 and measures <= led
    assignment = URIRef(f"{action}/lead/市科协")
    assert (assignment, PK.statedAt, PK.ActionScope) in triples
    assert (assignment, PK.role, PK.LeadRole) in triples
    assert (action, PK.hasAssignment, assignment) in triples


def test_the_surface_form_of_an_elided_name_is_kept(triples):
    assignment = URIRef(f"{QUANZHOU}/youth/partner/市委文明办")
    assert (assignment, PK.surfaceForm, Literal("文明办")) in triples


def test_every_fact_points_back_to_its_source_text(corpus, triples):
    sources = {p.source.name: p.source.text for p in corpus.plans}
    graph = graph_of(triples)
    checked = 0
    for clause in graph.subjects(RDF.type, PK.Clause):
        start, end = int(graph.value(clause, PK.startChar)), int(graph.value(clause, PK.endChar))
        name = str(graph.value(graph.value(clause, DCTERMS.isPartOf), PK.fileName))
        raw = sources[name][start:end]
        quoted = str(graph.value(clause, PK.sourceText))
        assert "".join(raw.split()).replace("[image:image1.jpg]", "") == "".join(quoted.split())
        assert str(clause).endswith(f"#char={start},{end}")
        checked += 1
    traced = {PK.Action, PK.Measure, PK.Assignment, PK.Target, PK.Baseline, PK.Phase}
    facts = {s for s, p, o in triples if p == RDF.type and o in traced}
    assert all(graph.value(f, PROV.wasDerivedFrom, any=False) for f in facts)
    assert len(facts) == 1340 and checked == 342


def test_source_text_is_stored_once_per_clause_not_once_per_assignment(triples):
    graph = graph_of(triples)
    assignments = set(graph.subjects(RDF.type, PK.Assignment))

    def clause_of(assignment):
        return graph.value(assignment, PROV.wasDerivedFrom)

    clauses = set(map(clause_of, assignments))
    stored = sum(len(str(graph.value(c, PK.sourceText))) for c in clauses)
    repeated = sum(len(str(graph.value(c, PK.sourceText))) for c in map(clause_of, assignments))
    assert (len(assignments), len(clauses)) == (1069, 73)
    assert (stored, repeated) == (6491, 108_099)


def test_an_action_is_identified_by_the_canonical_action_it_implements(triples):
    """周口's fifth key project is the talent project, 忻州's the exchange project: their
    numbers agree, their IRIs do not."""
    zhoukou, xinzhou = URIRef(f"{ZHOUKOU}/talent"), ID["plan/140900/2021-2025/exchange"]
    assert (zhoukou, PK.number, Literal(5)) in triples and (
        xinzhou,
        PK.number,
        Literal(5),
    ) in triples
    assert (zhoukou, PK.implements, PKCA["2021-talent"]) in triples
    assert (xinzhou, PK.implements, PKCA["2021-exchange"]) in triples
    assert (zhoukou, RDF.type, PK.KeyProject) in triples
    assert not any(p == URIRef(str(PK) + "actionKind") for _, p, _ in triples)


def test_a_multiplier_moves_from_the_unit_into_the_value_and_the_wording_is_kept(triples):
    volunteers = URIRef(f"{ZHOUKOU}/talent/m3/target/1")
    assert (
        volunteers,
        URIRef(QUDT + "numericValue"),
        Literal("10000", datatype=XSD.decimal),
    ) in triples
    assert (volunteers, PK.unitText, Literal("人")) in triples
    assert (volunteers, URIRef(QUDT + "unit"), URIRef(UNIT + "NUM")) in triples
    assert (volunteers, PK.surfaceForm, Literal("1万人")) in triples
    assert (volunteers, PK.dueBy, ID["year/2025/end"]) in triples
    assert (ID["year/2025/end"], TIME.inXSDgYear, Literal("2025", datatype=XSD.gYear)) in triples


def test_a_baseline_is_an_observation_not_a_target(triples):
    xinzhou = ID["plan/140900/2021-2025"]
    baseline = URIRef(f"{xinzhou}/baseline")
    assert (xinzhou, PK.baseline, baseline) in triples
    assert (baseline, RDF.type, PK.Baseline) in triples
    assert (baseline, RDF.type, PK.Target) not in triples
    assert (baseline, PK.observedAt, ID["year/2020/end"]) in triples
    assert not any(s == baseline and p == PK.comparator for s, p, _ in triples)


def test_periods_are_owl_time_intervals(triples):
    period = ID["period/2021-2025"]
    assert (ZHOUKOU, DCTERMS.temporal, period) in triples
    assert (period, RDF.type, TIME.ProperInterval) in triples
    assert (period, TIME.hasBeginning, ID["year/2021/start"]) in triples
    assert (period, TIME.hasEnd, ID["year/2025/end"]) in triples


def test_the_extraction_run_is_recorded_with_the_plankg_version(triples):
    from plankg import __version__

    extraction = next(o for s, p, o in triples if s == ZHOUKOU and p == PROV.wasGeneratedBy)
    software = ID[f"software/plankg/{__version__}"]
    assert (extraction, RDF.type, PK.Extraction) in triples
    assert (extraction, PROV.wasAssociatedWith, software) in triples
    assert (
        software,
        URIRef("http://www.w3.org/2002/07/owl#versionInfo"),
        Literal(__version__),
    ) in triples


def test_deadlines_ranges_hedges_counts_and_responsible_agencies(crafted):
    _plan, triples = crafted
    measure = ID["plan/350100/2021-2025/youth/m1"]
    deadline = URIRef(f"{measure}/deadline")
    assert (measure, PK.deadline, deadline) in triples
    assert (deadline, PK.deadlineKind, PK.DueByYear) in triples
    assert (deadline, PK.dueBy, ID["year/2025/end"]) in triples
    assert (deadline, PK.surfaceForm, Literal("2025年底前")) in triples
    bases = URIRef(f"{measure}/target/1")
    assert (bases, URIRef(QUDT + "numericValue"), Literal("2", datatype=XSD.decimal)) in triples
    assert (bases, PK.upperValue, Literal("3", datatype=XSD.decimal)) in triples
    training = URIRef(f"{measure}/target/2")
    assert (
        training,
        URIRef(QUDT + "numericValue"),
        Literal("5000", datatype=XSD.decimal),
    ) in triples
    assert (training, PK.perYear, Literal(True)) in triples
    headline = ID["plan/350100/2021-2025/headline"]
    assert (headline, PK.hedged, Literal(True)) in triples
    count = URIRef(f"{measure}/count/partner/1")
    assert (measure, PK.hasAgencyCount, count) in triples
    assert (count, PK.surfaceForm, Literal("等12个部门")) in triples
    assert (count, PK.role, PK.PartnerRole) in triples
    second = ID["plan/350100/2021-2025/youth/m2"]
    responsible = URIRef(f"{second}/responsible/市教育局")
    assert (responsible, PK.role, PK.ResponsibleRole) in triples
    assert (ID["agency/350100/市教育局"], PK.responsibleFor, second) in triples
    assert (second, PK.noLeadStated, Literal(True)) in triples
    report = validate_turtle(serialize_turtle(triples), "fast")
    assert report.conforms and [w.focus for w in report.warnings] == [str(second)]


def test_a_broken_graph_fails_with_both_engines(triples):
    measure = URIRef(f"{ZHOUKOU}/youth/m1")
    broken = {t for t in triples if not (t[1] == PK.leads and t[2] == measure)}
    target = URIRef(f"{ZHOUKOU}/headline")
    broken = {t for t in broken if not (t[0] == target and t[1] == PK.unitText)}
    turtle = serialize_turtle(broken)
    fast, reference = validate_turtle(turtle, "fast"), validate_graph(graph_of(broken))
    assert not fast.conforms and not reference.conforms
    focus = {v.focus for v in reference.violations}
    assert str(measure) in focus and str(target) in focus
    assert focus == {v.focus for v in fast.violations}


def test_build_triples_accepts_explicit_keys(corpus):
    triples = build_triples(corpus.plans[:1], ["411600/copy"])
    assert (ID["plan/411600/copy"], RDF.type, PK.Plan) in triples


def test_ordered_triples_are_the_triples_each_once_plan_by_plan(corpus, triples):
    ordered = ordered_triples(corpus.plans, corpus.keys)
    assert len(ordered) == len(set(ordered)) == len(triples) == 19_144
    assert set(ordered) == triples
    assert ordered == ordered_triples(corpus.plans, corpus.keys)


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
    action = ID["plan/河清市/2021-2025/farmers"]
    lead = URIRef(f"{action}/lead/市农业农村局")
    assert (action, PK.hasAssignment, lead) in triples
    assert (lead, PK.statedAt, PK.ActionScope) in triples
    assert not any(s == lead and p == PK.covers for s, p, o in triples)
    assert validate_turtle(serialize_turtle(triples), "fast").conforms
    assert validate_graph(graph_of(triples)).conforms


def test_an_assignment_that_covers_nothing_where_its_action_has_measures_fails(triples):
    lead = URIRef(f"{ZHOUKOU}/youth/lead/市科协")
    assert any(s == lead and p == PK.covers for s, p, o in triples)
    broken = {t for t in triples if not (t[0] == lead and t[1] == PK.covers)}
    broken = {t for t in broken if not (t[0] == ID["agency/411600/市科协"] and t[1] == PK.leads)}
    fast = validate_turtle(serialize_turtle(broken), "fast")
    reference = validate_graph(graph_of(broken))
    assert {v.focus for v in fast.violations} == {v.focus for v in reference.violations}
    assert str(lead) in {v.focus for v in fast.violations}
