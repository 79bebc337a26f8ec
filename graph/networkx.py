"""The RDF graph as a networkx graph: the one converter behind GraphML/GEXF exports, the
network measures and the views.

Resources become nodes (keyed by IRI) with their classes and datatype properties as attributes;
object properties become edges keyed by their local name.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import networkx as nx
from plankg.graph.build import Triple
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

LIST_SEPARATOR = " | "


def local_name(iri: str) -> str:
    for mark in ("#", "/"):
        if mark in iri:
            iri = iri.rsplit(mark, 1)[1]
    return iri


def to_networkx(triples: Iterable[Triple]) -> nx.MultiDiGraph:
    """A MultiDiGraph of the triples, in a stable order (sorted), so exports are deterministic."""
    graph = nx.MultiDiGraph()
    ordered = sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    for s, p, o in ordered:
        node = str(s)
        if node not in graph:
            graph.add_node(node)
        if p == RDF.type:
            _append(graph.nodes[node], "types", local_name(str(o)))
        elif isinstance(o, Literal):
            _set_literal(graph.nodes[node], local_name(str(p)), o)
        elif isinstance(o, URIRef):
            graph.add_edge(node, str(o), key=local_name(str(p)), predicate=str(p))
    for node, data in graph.nodes(data=True):
        data.setdefault("label", data.get("title") or data.get("prefLabel") or local_name(node))
    return graph


def _set_literal(data: dict, key: str, value: Literal) -> None:
    if value.language and value.language != "zh":
        key = f"{key}_{value.language}"
    _append(data, key, _plain(value))


def _append(data: dict, key: str, value: object) -> None:
    if key in data:
        data[key] = f"{data[key]}{LIST_SEPARATOR}{value}"
    else:
        data[key] = value


def _plain(value: Literal) -> object:
    """A value GraphML and GEXF can hold: str, int, float or bool."""
    python = value.toPython()
    if isinstance(python, bool | int | float):
        return python
    if isinstance(python, Decimal):
        return float(python)
    if isinstance(python, date):
        return python.isoformat()
    return str(value)
