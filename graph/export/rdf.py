"""The graph as RDF text: N-Triples (one sorted line a triple) and JSON-LD (sorted keys, the
plankg prefixes as its context). Turtle is :func:`plankg.graph.rdf.turtle.serialize_turtle`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from plankg.graph.rdf.build import PREFIXES, Triple, graph_of, sorted_triples
from rdflib import Graph


def sorted_graph(triples: Iterable[Triple]) -> Graph:
    return graph_of(sorted_triples(triples))


def ntriples_text(triples: Iterable[Triple]) -> str:
    graph = sorted_graph(triples)
    lines = graph.serialize(format="nt").splitlines()
    return "\n".join(sorted(line for line in lines if line)) + "\n"


def jsonld_text(triples: Iterable[Triple]) -> str:
    """JSON-LD with the plankg prefixes as its context, the same bytes for the same graph:
    rdflib gives nodes and the values of a key in the order of a hash, so both are sorted
    (the order of a JSON-LD array carries no meaning, except in a ``@list``)."""
    context = {prefix: namespace for prefix, namespace in sorted(PREFIXES.items())}
    text = sorted_graph(triples).serialize(format="json-ld", context=context, sort_keys=True)
    return json.dumps(_in_order(json.loads(text)), ensure_ascii=False, indent=1, sort_keys=True)


def _in_order(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _in_order(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_in_order(v) for v in value]
        return items if key == "@list" else sorted(items, key=_canonical)
    return value


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
