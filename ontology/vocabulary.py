"""The vocabulary files and the namespaces derived from them: a misspelt term raises instead of
minting an IRI."""

from __future__ import annotations

from functools import cache

from plankg.ontology.index import VOCABULARY_FILES, parse_vocabulary, read_text
from plankg.ontology.names import (
    AGENCY_TYPES,
    CANONICAL_ACTIONS,
    IDS,
    ONTOLOGY,
    POPULATIONS,
    ontology_terms,
)
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import ClosedNamespace

ONTOLOGY_IRI = "https://w3id.org/plankg/ontology"
ID = Namespace(IDS)
PKP = Namespace(POPULATIONS)
PKAT = Namespace(AGENCY_TYPES)
PKCA = Namespace(CANONICAL_ACTIONS)


def read_turtle(name: str) -> Graph:
    graph = Graph()
    graph.parse(data=read_text(name), format="turtle")
    return graph


@cache
def ontology_graph() -> Graph:
    """The ontology with its concept schemes: agency types, canonical actions, populations."""
    return parse_vocabulary(read_text(name) for name in VOCABULARY_FILES)


@cache
def shapes_graph() -> Graph:
    return read_turtle("shapes.ttl")


@cache
def rules_graph() -> Graph:
    """The SHACL rules that derive the shortcut links (``rules.ttl``)."""
    return read_turtle("rules.ttl")


def zh_en(graph: Graph, subject: URIRef, predicate: URIRef) -> tuple[str, str]:
    """The Chinese and English literals of ``subject``'s ``predicate`` ("" where one is missing)."""
    found = {
        value.language: str(value)
        for value in graph.objects(subject, predicate)
        if isinstance(value, Literal)
    }
    return found.get("zh", ""), found.get("en", "")


def closed_namespace(iri: str, terms: list[str]) -> ClosedNamespace:
    """rdflib's closed namespace, each term also kept as an attribute of it: ``PK.Plan`` is an
    attribute read instead of a call of its ``__getattr__`` (a build of the samples reads some
    15,000). A term that names an attribute of the class (a ``str`` method) is left to
    rdflib, as before; a misspelt term still raises."""
    namespace = ClosedNamespace(iri, terms)
    own = {t: namespace[t] for t in terms if not hasattr(ClosedNamespace, t)}
    vars(namespace).update(own)
    return namespace


PK = closed_namespace(ONTOLOGY, ontology_terms())
