"""What the data copies of the vocabulary, read from its index as text, is what the ontology's
graph says of a concept and of a known document."""

from __future__ import annotations

from plankg.graph.rdf.concepts import (
    CONCEPT_PREDICATES,
    DOCUMENT_PREDICATES,
    concept_rows,
    document_rows,
)
from plankg.graph.rdf.documents import known_documents, number_iri
from plankg.graph.rdf.rdflib_terms import rdflib_triples
from plankg.ontology import PKCA, ontology_graph
from rdflib import URIRef


def described(subject: URIRef, predicates: tuple[str, ...]) -> set[tuple[object, ...]]:
    graph = ontology_graph()
    return {(subject, URIRef(p), o) for p in predicates for o in graph.objects(subject, URIRef(p))}


def test_a_canonical_action_with_its_group():
    youth = PKCA["2021-youth"]
    rows = concept_rows(str(youth))
    found = set(rdflib_triples(rows))
    group = {o for _, p, o in described(youth, CONCEPT_PREDICATES) if str(p).endswith("broader")}
    assert group and found == described(youth, CONCEPT_PREDICATES) | {
        t for g in group for t in described(URIRef(g), CONCEPT_PREDICATES)
    }


def test_a_known_document():
    document = number_iri(known_documents()[0].doc_number)
    found = set(rdflib_triples(document_rows(document)))
    assert found and found == described(URIRef(document), DOCUMENT_PREDICATES)
