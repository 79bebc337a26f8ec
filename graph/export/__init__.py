"""Exports of a plan graph: :data:`FORMATS` names each (Turtle, N-Triples, JSON-LD, GraphML,
GEXF, CSV tables); every exporter returns file name → text, :func:`write_export` writes them."""

from plankg.graph.export.formats import (
    EXPORTERS,
    FORMATS,
    ExportError,
    export_texts,
    write_export,
)
from plankg.graph.export.networks import gexf_text, graphml_text
from plankg.graph.export.rdf import jsonld_text, ntriples_text
from plankg.graph.export.tables import (
    assignments_table,
    csv_tables,
    plans_table,
    targets_table,
)

__all__ = [
    "EXPORTERS",
    "FORMATS",
    "ExportError",
    "assignments_table",
    "csv_tables",
    "export_texts",
    "gexf_text",
    "graphml_text",
    "jsonld_text",
    "ntriples_text",
    "plans_table",
    "targets_table",
    "write_export",
]
