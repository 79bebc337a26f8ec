"""The shapes catch what is wrong, with both engines giving the same verdicts: each broken graph
below conformed to the shapes of version 0.1 and must not now. Every shape says what it checks
and how much it matters; warnings are reported beside violations."""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import pytest
from plankg.graph.rdf import build, iris
from plankg.graph.rdf.build import Triple, build_triples, graph_of
from plankg.graph.rdf.concepts import concept_rows
from plankg.graph.rdf.rdflib_terms import RDFLIB_TERMS
from plankg.graph.rdf.turtle import serialize_turtle
from plankg.graph.rdf.validate import ValidationReport, validate_graph, validate_turtle
from plankg.loaders.parse import parse_plan
from plankg.ontology import ID, PK, PKCA, rules_graph, shapes_graph
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SH, TIME

SHORTCUTS = {role: URIRef(link) for role, link in build.SHORTCUTS.items()}
DERIVED_GRAPH = URIRef(iris.DERIVED_GRAPH)

CRAFTED = Path(__file__).with_name("crafted_plan.txt")
PLAN = ID["plan/350100/2021-2025"]
YOUTH = URIRef(f"{PLAN}/youth")
MEASURE = URIRef(f"{YOUTH}/m1")
AGENCY = ID["agency/350100/市科协"]
Broken = Callable[[set[Triple]], set[Triple]]


@pytest.fixture(scope="module")
def crafted() -> set[Triple]:
    plan = parse_plan(CRAFTED.read_text(encoding="utf-8"), CRAFTED.name)
    return build_triples([plan])


def both(triples: set[Triple]) -> tuple[ValidationReport, ValidationReport]:
    return validate_turtle(serialize_turtle(triples), "fast"), validate_graph(graph_of(triples))


def verdicts(report: ValidationReport) -> set[tuple[str, str, str]]:
    return {(r.focus, r.component, r.severity) for r in (*report.violations, *report.warnings)}


def action_kind_contradicts_the_class(triples: set[Triple]) -> set[Triple]:
    """The 0.1 ontology's pk:actionKind, saying 重点工程 of an enhancement action: the term is
    gone (a closed shape refuses it), and the kind an action implements must agree with its
    class."""
    kind = URIRef(str(PK) + "actionKind")
    wrong = {
        (YOUTH, PK.implements, PKCA["2021-resources"]),
        *RDFLIB_TERMS.concept(PKCA["2021-resources"], concept_rows),
    }
    kept = {t for t in triples if not (t[0] == YOUTH and t[1] == PK.implements)}
    return kept | wrong | {(YOUTH, kind, Literal("重点工程"))}


def leads_without_an_assignment(triples: set[Triple]) -> set[Triple]:
    return triples | {(AGENCY, PK.leads, MEASURE)}


def covers_a_measure_where_it_is_not_stated(triples: set[Triple]) -> set[Triple]:
    """An assignment of 市科协 stated at m1 covering m2 too, with its shortcut link: only the
    coverage check can tell."""
    assignment, other = URIRef(f"{MEASURE}/partner/市科协"), URIRef(f"{YOUTH}/m2")
    return triples | {(assignment, PK.covers, other), (AGENCY, PK.partnersIn, other)}


def period_starts_after_it_ends(triples: set[Triple]) -> set[Triple]:
    period = ID["period/2025-2021"]
    kept = {t for t in triples if not (t[0] == PLAN and t[1] == DCTERMS.temporal)}
    return kept | {
        (PLAN, DCTERMS.temporal, period),
        (period, RDF.type, TIME.ProperInterval),
        (period, TIME.hasBeginning, ID["year/2025/end"]),
        (period, TIME.hasEnd, ID["year/2021/start"]),
    }


def title_without_a_language_tag(triples: set[Triple]) -> set[Triple]:
    kept = {t for t in triples if not (t[0] == PLAN and t[1] == DCTERMS.title)}
    return kept | {(PLAN, DCTERMS.title, Literal("福州市全民科学素质行动规划纲要实施方案"))}


def predicate_the_ontology_does_not_declare(triples: set[Triple]) -> set[Triple]:
    return triples | {(MEASURE, DCTERMS.creator, Literal("市科协"))}


BROKEN: dict[str, tuple[Broken, set[tuple[str, str]]]] = {
    "action-kind": (
        action_kind_contradicts_the_class,
        {(str(YOUTH), "ClosedConstraintComponent"), (str(YOUTH), "InConstraintComponent")},
    ),
    "leads-without-assignment": (
        leads_without_an_assignment,
        {(str(AGENCY), "SPARQLConstraintComponent")},
    ),
    "covers-elsewhere": (
        covers_a_measure_where_it_is_not_stated,
        {(f"{MEASURE}/partner/市科协", "SPARQLConstraintComponent")},
    ),
    "period-reversed": (
        period_starts_after_it_ends,
        {(str(ID["period/2025-2021"]), "SPARQLConstraintComponent")},
    ),
    "title-without-language": (
        title_without_a_language_tag,
        {(str(PLAN), "DatatypeConstraintComponent"), (str(PLAN), "LanguageInConstraintComponent")},
    ),
    "undeclared-predicate": (
        predicate_the_ontology_does_not_declare,
        {(str(MEASURE), "ClosedConstraintComponent")},
    ),
}


def test_the_crafted_plan_conforms_with_one_warning(crafted):
    fast, reference = both(crafted)
    assert fast.conforms and reference.conforms
    assert verdicts(fast) == verdicts(reference)
    assert [w.focus for w in fast.warnings] == [f"{YOUTH}/m2"]


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_graph_does_not_conform_with_either_engine(crafted, case):
    broken, expected = BROKEN[case]
    fast, reference = both(broken(crafted))
    assert not fast.conforms and not reference.conforms
    assert verdicts(fast) == verdicts(reference)
    assert {(v.focus, v.component) for v in fast.violations} == expected


@pytest.mark.parametrize("case", list(BROKEN))
def test_apache_jena_gives_the_same_results_on_each_broken_graph(interop, crafted, case, tmp_path):
    """Jena's shacl (scripts/interop/jena), a third engine, agrees with both."""
    path = tmp_path / f"{case}.ttl"
    path.write_text(serialize_turtle(BROKEN[case][0](crafted)), encoding="utf-8")
    shapes = files("plankg.ontology").joinpath("shapes.ttl")
    result = interop.jena("shacl", "validate", "--shapes", shapes, "--data", path)
    assert result.returncode == 0, result.stderr
    report = Graph().parse(data=result.stdout, format="turtle")
    jena = {
        (
            str(report.value(r, SH.focusNode)),
            str(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1],
            str(sev).rsplit("#", 1)[-1],
        )
        for r, sev in report.subject_objects(SH.resultSeverity)
    }
    assert jena == verdicts(validate_turtle(path.read_text(encoding="utf-8"), "fast"))


@pytest.mark.parametrize("role", list(SHORTCUTS))
def test_a_shortcut_missing_for_an_assignment_is_a_violation_too(crafted, role):
    """One constraint checks the shortcut of each role: the assignment whose agency lacks it
    (measure/role/agency) is the focus, and the message names the missing link."""
    shortcut = next(t for t in crafted if t[1] == SHORTCUTS[role])
    fast, reference = both(crafted - {shortcut})
    assert verdicts(fast) == verdicts(reference)
    missing = [v for v in fast.violations if v.component == "SPARQLConstraintComponent"]
    agency, _, measure = shortcut
    assert [v.focus for v in missing] == [f"{measure}/{role}/{agency.rsplit('/', 1)[-1]}"]
    assert str(SHORTCUTS[role]) in missing[0].message


def test_every_shape_says_what_it_checks_and_how_much_it_matters():
    """Every shape that reports a result: node shapes, the property shapes of named shapes and
    SPARQL constraints (shapes inside sh:or, sh:xone, sh:not report through their parent)."""
    shapes = shapes_graph()
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    property_shapes = {o for s, o in shapes.subject_objects(SH.property) if isinstance(s, URIRef)}
    constraints = set(shapes.objects(None, SH.sparql))
    for shape in node_shapes | property_shapes | constraints:
        messages = list(shapes.objects(shape, SH.message))
        assert messages and all(m.language == "en" for m in messages), shape
        assert shapes.value(shape, SH.severity) in (SH.Violation, SH.Warning), shape
    assert len(node_shapes) >= 25 and len(property_shapes) >= 100


def test_the_shapes_of_the_classes_are_closed():
    shapes = shapes_graph()
    closed = {s for s in shapes.subjects(SH.closed, Literal(True))}
    targets = {c for s in closed for c in shapes.objects(s, SH.targetClass)}
    assert {
        PK.Plan,
        PK.Action,
        PK.Measure,
        PK.Assignment,
        PK.Agency,
        PK.Region,
        PK.Target,
    } <= targets


def test_the_rules_derive_exactly_the_shortcuts_the_build_writes(crafted, corpus):
    """rules.ttl (SHACL-AF, run by pyshacl) on a graph stripped of its shortcut links gives
    them back: the derived graph is what the rules say."""
    from pyshacl import validate as shacl_validate

    triples = {t for g in [crafted] for t in g}
    shortcuts = {t for t in triples if t[1] in SHORTCUTS.values()}
    data = graph_of(triples - shortcuts)
    shacl_validate(data, shacl_graph=rules_graph(), advanced=True, inplace=True, inference="none")
    derived = {t for t in data if t[1] in SHORTCUTS.values()}
    assert derived == shortcuts and len(derived) == 4
    quads = corpus.quads()
    assert {
        (s, p, o) for s, p, o, g in quads if g == DERIVED_GRAPH and p in SHORTCUTS.values()
    } == {t for t in corpus.triples() if t[1] in SHORTCUTS.values()}


def test_warnings_are_reported_beside_violations(crafted):
    report = validate_turtle(serialize_turtle(crafted), "fast")
    summary = report.summary()
    assert "conforms to the plankg shapes, 1 warning(s)" in summary
    assert "warnings:" in summary and "names no lead agency" in summary
    assert "warnings:" not in report.summary(list_warnings=False)
