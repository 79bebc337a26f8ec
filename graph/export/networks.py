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
import re
from collections.abc import Iterable

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.networkx_graph import to_networkx

GEXF_VERSION = "1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold, even escaped (controls, surrogates, U+FFFE/U+FFFF)."""


def edge_id(source: str, predicate: str, target: str) -> str:
    """``e`` and the first 16 hex digits of the SHA-256 of ``source predicate target`` (the
    three IRIs joined by spaces, UTF-8): anyone can compute it from the N-Triples export."""
    digest = hashlib.sha256(f"{source} {predicate} {target}".encode()).hexdigest()
    return f"e{digest[:16]}"


def network_of(triples: Iterable[Triple]) -> nx.MultiDiGraph[str]:
    """The networkx graph of the triples with every edge keyed by its :func:`edge_id`, its
    ``predicate`` and its ``label``; text values XML can hold (see :func:`_xml_safe`)."""
    graph = _xml_safe(to_networkx(triples))
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


def _xml_safe(graph: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    """``graph`` with each character XML cannot hold in a text value replaced by U+FFFD (a
    control character in a plan file made the GraphML writer fail and the GEXF writer write
    XML no reader takes); IRIs are percent-encoded already."""
    for data in (*(d for _, d in graph.nodes(data=True)), *(d for *_, d in graph.edges(data=True))):
        for key, value in data.items():
            if isinstance(value, str) and NOT_IN_XML.search(value):
                data[key] = NOT_IN_XML.sub("\ufffd", value)
    return graph
