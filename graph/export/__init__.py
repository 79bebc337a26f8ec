"""Exports of a plan graph: :data:`FORMATS` names each (Turtle, N-Triples, JSON-LD, GraphML,
GEXF, CSV tables, an Excel workbook); every exporter returns file name → content (text, or
bytes for the workbook), :func:`write_export` writes them."""

from plankg.graph.export.formats import (
    EXPORTERS,
    FORMATS,
    ExportError,
    export_texts,
    write_export,
)
from plankg.graph.export.frames import DTYPES, MissingPandasError, to_dataframes
from plankg.graph.export.networks import edge_id, gexf_text, graphml_text
from plankg.graph.export.rdf import jsonld_text, ntriples_text
from plankg.graph.export.tables import (
    COLUMN_TYPES,
    assignments_table,
    csv_tables,
    plans_table,
    targets_table,
)
from plankg.graph.export.workbook import TooManyRowsError, workbook_bytes, xlsx_bytes

__all__ = [
    "COLUMN_TYPES",
    "DTYPES",
    "EXPORTERS",
    "FORMATS",
    "ExportError",
    "MissingPandasError",
    "TooManyRowsError",
    "assignments_table",
    "csv_tables",
    "edge_id",
    "export_texts",
    "gexf_text",
    "graphml_text",
    "jsonld_text",
    "ntriples_text",
    "plans_table",
    "targets_table",
    "to_dataframes",
    "workbook_bytes",
    "write_export",
    "xlsx_bytes",
]
