"""The graph as RDF text: N-Triples (one sorted line a triple) and JSON-LD (sorted keys, the
plankg prefixes as its context). Turtle is :func:`plankg.graph.rdf.turtle.serialize_turtle`."""

from __future__ import annotations

from collections.abc import Iterable

from plankg.graph.rdf.build import PREFIXES, Triple, graph_of, sorted_triples
from rdflib import Graph


def sorted_graph(triples: Iterable[Triple]) -> Graph:
    return graph_of(sorted_triples(triples))


def ntriples_text(triples: Iterable[Triple]) -> str:
    graph = sorted_graph(triples)
    lines = graph.serialize(format="nt").splitlines()
    return "\n".join(sorted(line for line in lines if line)) + "\n"


def jsonld_text(triples: Iterable[Triple]) -> str:
    context = {prefix: namespace for prefix, namespace in sorted(PREFIXES.items())}
    return sorted_graph(triples).serialize(
        format="json-ld", context=context, indent=1, sort_keys=True
    )
