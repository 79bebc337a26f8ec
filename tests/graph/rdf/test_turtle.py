"""The Turtle writer's layout, which the sample files hold byte for byte: subjects sorted, ``a``
first, then the predicates and objects sorted as written."""

from __future__ import annotations

from plankg.graph.rdf.turtle import (
    PREFIX_ORDER,
    format_triples,
    sorted_triples_text,
    term,
    turtle_body,
)
from plankg.ontology import PK
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

PLAN = URIRef("https://w3id.org/plankg/id/plan/x")
OTHER = URIRef("http://example.org/other")


def test_a_comes_first_even_before_a_predicate_that_sorts_before_it():
    """``<http://…>`` sorts before ``a`` as text; ``a`` is still the first line."""
    triples = [
        (PLAN, DCTERMS.title, Literal("计划", lang="zh")),
        (PLAN, URIRef("http://example.org/p"), OTHER),
        (PLAN, RDF.type, PK.Plan),
        (PLAN, RDF.type, PK.Document),
        (OTHER, DCTERMS.title, Literal("b")),
        (OTHER, DCTERMS.title, Literal("a")),
    ]
    assert turtle_body(format_triples(triples)) == (
        "\n<http://example.org/other>\n"
        '    dcterms:title "a" ,\n'
        '        "b" .\n'
        "\n<https://w3id.org/plankg/id/plan/x>\n"
        "    a pk:Document ,\n"
        "        pk:Plan ;\n"
        "    <http://example.org/p> <http://example.org/other> ;\n"
        '    dcterms:title "计划"@zh .\n'
    )


def test_terms_written_once_are_shared_by_later_calls():
    written = {RDF.type: "a"}
    format_triples([(PLAN, RDF.type, PK.Plan)], written)
    assert written[PLAN] == "<https://w3id.org/plankg/id/plan/x>" and written[PK.Plan] == "pk:Plan"
    assert format_triples([(PLAN, RDF.type, PK.Plan)], written) == {
        ("<https://w3id.org/plankg/id/plan/x>", "a", "pk:Plan")
    }


def test_an_iri_is_prefixed_by_one_look_up_as_by_trying_every_namespace(triples):
    """:func:`term` finds an IRI's prefix by one look-up with :data:`PREFIX_ORDER`; with any
    other list (here a copy) it tries each namespace, longest first: the same text."""
    slow = list(PREFIX_ORDER)
    nodes = {node for triple in triples for node in triple}
    nodes |= {URIRef(f"{PK}a/b"), URIRef(f"{PK}"), URIRef("x"), URIRef(f"{PK}1st"), OTHER}
    assert all(term(node, PREFIX_ORDER) == term(node, slow) for node in nodes)
    assert term(URIRef(f"{PK}a-b_c"), PREFIX_ORDER) == "pk:a-b_c"


def test_triples_sorted_subject_by_subject_are_sorted(triples):
    formatted = list(format_triples(triples))
    assert sorted_triples_text(formatted) == sorted(formatted)
    assert sorted_triples_text([("b", "a", "x"), ("a", "p", "2"), ("a", "p", "1")]) == [
        ("a", "p", "1"),
        ("a", "p", "2"),
        ("b", "a", "x"),
    ]
