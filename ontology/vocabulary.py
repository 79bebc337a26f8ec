"""Namespaces derived from ``plankg.ttl``: a misspelt term raises instead of minting an IRI."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from rdflib import Graph, Namespace
from rdflib.namespace import ClosedNamespace

ONTOLOGY = "https://w3id.org/plankg/ontology#"
ID = Namespace("https://w3id.org/plankg/id/")
PKP = Namespace("https://w3id.org/plankg/population/")
PKAT = Namespace("https://w3id.org/plankg/agency-type/")


def read_turtle(name: str) -> Graph:
    graph = Graph()
    graph.parse(
        data=files("plankg.ontology").joinpath(name).read_text(encoding="utf-8"), format="turtle"
    )
    return graph


@cache
def ontology_graph() -> Graph:
    """The ontology with the agency-type taxonomy."""
    graph = read_turtle("plankg.ttl")
    graph += read_turtle("agency-types.ttl")
    return graph


@cache
def shapes_graph() -> Graph:
    return read_turtle("shapes.ttl")


def _terms() -> list[str]:
    graph = ontology_graph()
    return sorted(
        {str(s)[len(ONTOLOGY) :] for s in graph.subjects() if str(s).startswith(ONTOLOGY)}
    )


PK = ClosedNamespace(ONTOLOGY, _terms())
