"""The vocabulary files and the namespaces derived from them: a misspelt term raises instead of
minting an IRI."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import ClosedNamespace

ONTOLOGY = "https://w3id.org/plankg/ontology#"
ONTOLOGY_IRI = "https://w3id.org/plankg/ontology"
ID = Namespace("https://w3id.org/plankg/id/")
PKP = Namespace("https://w3id.org/plankg/population/")
PKAT = Namespace("https://w3id.org/plankg/agency-type/")
PKCA = Namespace("https://w3id.org/plankg/canonical-action/")
VOCABULARY_FILES = ("plankg.ttl", "agency-types.ttl", "actions.ttl")
"""The ontology and its concept schemes, read together as :func:`ontology_graph`."""


def read_text(name: str) -> str:
    return files("plankg.ontology").joinpath(name).read_text(encoding="utf-8")


def read_turtle(name: str) -> Graph:
    graph = Graph()
    graph.parse(data=read_text(name), format="turtle")
    return graph


@cache
def ontology_graph() -> Graph:
    """The ontology with its concept schemes: agency types, canonical actions, populations."""
    graph = Graph()
    for name in VOCABULARY_FILES:  # parsed into one graph: a third faster than merging three
        graph.parse(data=read_text(name), format="turtle")
    return graph


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


def _terms() -> list[str]:
    graph = ontology_graph()
    return sorted(
        {str(s)[len(ONTOLOGY) :] for s in graph.subjects() if str(s).startswith(ONTOLOGY)}
    )


PK = ClosedNamespace(ONTOLOGY, _terms())
