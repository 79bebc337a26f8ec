"""The graph as a network file for Gephi, Cytoscape or yEd: GraphML (a multigraph: every RDF
link kept) and GEXF 1.3 (a directed graph: one edge per pair of nodes; no pair of the samples
is linked twice), both from the one RDF → networkx converter
(:func:`plankg.graph.rdf.networkx_graph.to_networkx`).

Every edge is one triple: its ``id`` is :func:`edge_id` of the triple (unique, and the same in
every export that holds the triple), ``predicate`` the property's IRI and ``label`` its local
name (``leads``, ``partnersIn``, …)."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.networkx_graph import to_networkx

GEXF_VERSION = "1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def edge_id(source: str, predicate: str, target: str) -> str:
    """``e`` and the first 16 hex digits of the SHA-256 of ``source predicate target`` (the
    three IRIs joined by spaces, UTF-8): anyone can compute it from the N-Triples export."""
    digest = hashlib.sha256(f"{source} {predicate} {target}".encode()).hexdigest()
    return f"e{digest[:16]}"


def network_of(triples: Iterable[Triple]) -> nx.MultiDiGraph[str]:
    """The networkx graph of the triples with every edge keyed by its :func:`edge_id`, its
    ``predicate`` and its ``label``."""
    graph = to_networkx(triples)
    network: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    network.add_nodes_from(graph.nodes(data=True))
    for source, target, name, data in graph.edges(keys=True, data=True):
        key = edge_id(source, data["predicate"], target)
        network.add_edge(source, target, key=key, predicate=data["predicate"], label=name)
    return network


def graphml_text(triples: Iterable[Triple]) -> str:
    """GraphML of the multigraph: an edge's key is its ``id``."""
    buffer = io.BytesIO()
    nx.write_graphml(network_of(triples), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def gexf_text(triples: Iterable[Triple]) -> str:
    """GEXF 1.3 of the directed graph (an edge's ``id`` given as an attribute, which the GEXF
    writer takes for the id). networkx's writer dates the file with today and, for 1.3, names
    the XML Schema instance namespace without ``www.``: both are put right, so the same graph
    gives the same bytes on any day."""
    network = network_of(triples)
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(network.nodes(data=True))
    graph.add_edges_from(
        (u, v, {"id": k, **d}) for u, v, k, d in network.edges(keys=True, data=True)
    )
    writer = GEXFWriter(encoding="utf-8", version=GEXF_VERSION)
    writer.xml.set("xmlns:xsi", XSI)
    for meta in writer.xml.iter("meta"):
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(graph)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue().decode("utf-8")
