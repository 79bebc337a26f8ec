"""The SPARQL targets of shapes.ttl leave out only nodes their shape's constraints find nothing
wrong with: with each target replaced by the class its query names (what the shape targeted
before), the compiled engine gives the same results on the crafted plan broken in every way
those constraints catch. (tests/graph/rdf/test_validate.py holds pyshacl and Jena to the same.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import shacl
from plankg.graph.rdf import build
from plankg.graph.rdf.build import Triple, build_triples
from plankg.graph.rdf.turtle import serialize_turtle
from plankg.loaders.parse import parse_plan
from plankg.ontology import PK, shapes_graph
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

SHORTCUTS = {role: URIRef(link) for role, link in build.SHORTCUTS.items()}

CRAFTED = Path(__file__).parents[1] / "graph" / "rdf" / "crafted_plan.txt"
Results = set[tuple[str, str, str, str, str, str]]


def shapes_targeting_classes() -> Graph:
    """shapes.ttl with each SPARQL target replaced by the class its query selects from."""
    shapes = Graph() + shapes_graph()
    for shape, target in list(shapes.subject_objects(SH.target)):
        named = re.search(r"\?this a pk:(\w+)", str(shapes.value(target, SH.select)))
        assert named, f"{shape}: a SPARQL target selects from one class (?this a pk:…)"
        shapes.remove((shape, SH.target, target))
        shapes.remove((target, None, None))
        shapes.add((shape, SH.targetClass, PK[named.group(1)]))
    return shapes


@pytest.fixture(scope="module")
def crafted() -> set[Triple]:
    plan = parse_plan(CRAFTED.read_text(encoding="utf-8"), CRAFTED.name)
    return build_triples([plan])


def broken(triples: set[Triple]) -> Iterator[set[Triple]]:
    """The crafted plan without each shortcut, each covers and each role; with each role
    changed, each shortcut added for each agency and measure, each measure covered again."""
    agencies = sorted(s for s, p, o in triples if p == RDF.type and o == PK.Agency)
    measures = sorted(s for s, p, o in triples if p == RDF.type and o == PK.Measure)
    assignments = sorted(s for s, p, o in triples if p == RDF.type and o == PK.Assignment)
    for triple in sorted(t for t in triples if t[1] in (*SHORTCUTS.values(), PK.covers, PK.role)):
        yield triples - {triple}
    roles = (PK.LeadRole, PK.PartnerRole, PK.ResponsibleRole, URIRef("https://example.org/role"))
    for assignment in assignments:
        kept = {t for t in triples if not (t[0] == assignment and t[1] == PK.role)}
        yield from (kept | {(assignment, PK.role, role)} for role in roles)
        yield from (triples | {(assignment, PK.covers, measure)} for measure in measures)
    for agency in agencies:
        for link in SHORTCUTS.values():
            yield from (triples | {(agency, link, measure)} for measure in measures)


def results(shapes: shacl.Shapes, turtle: str) -> Results:
    return {
        (r.focus_node, r.path or "", r.component, r.severity, r.message or "", r.value or "")
        for r in shapes.validate_turtle(turtle, allow_warnings=True).results
    }


def test_the_sparql_targets_leave_out_no_node_at_fault(crafted):
    targeted = shacl.Shapes.from_turtle(shapes_graph().serialize(format="turtle"))
    by_class = shacl.Shapes.from_turtle(shapes_targeting_classes().serialize(format="turtle"))
    found = 0
    for triples in broken(crafted):
        turtle = serialize_turtle(triples)
        expected = results(by_class, turtle)
        assert results(targeted, turtle) == expected
        found += sum(r[2] == "SPARQLConstraintComponent" for r in expected)
    assert found >= 50
