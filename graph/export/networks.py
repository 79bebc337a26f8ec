"""The graph as a network file for Gephi, Cytoscape or yEd: GraphML (a multigraph: every RDF
link kept) and GEXF (a directed graph: one edge per pair), both from the one RDF → networkx
converter (:func:`plankg.graph.rdf.networkx_graph.to_networkx`)."""

from __future__ import annotations

import io
from collections.abc import Iterable

import networkx as nx
from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.networkx_graph import to_networkx


def graphml_text(triples: Iterable[Triple]) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(triples), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def gexf_text(triples: Iterable[Triple]) -> str:
    buffer = io.BytesIO()
    nx.write_gexf(nx.DiGraph(to_networkx(triples)), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")
