"""Exports of a plan graph: Turtle, N-Triples, JSON-LD, GraphML, GEXF and CSV tables.

Each ``*_text``/``*_rows`` function returns data; :func:`write_export` puts it on disk.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from plankg.graph.build import PREFIXES, Triple, graph_of
from plankg.graph.networkx import to_networkx
from plankg.graph.tables import csv_tables
from plankg.graph.turtle import serialize_turtle
from plankg.tables import Table, render_csv
from rdflib import Graph

FORMATS = ("ttl", "nt", "jsonld", "graphml", "gexf", "csv")
DEFAULT_NAMES = {
    "ttl": "plankg.ttl",
    "nt": "plankg.nt",
    "jsonld": "plankg.jsonld",
    "graphml": "plankg.graphml",
    "gexf": "plankg.gexf",
}


class ExportError(ValueError):
    """An unknown format or an unusable destination."""


def sorted_graph(triples: Iterable[Triple]) -> Graph:
    return graph_of(sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))))


def ntriples_text(triples: Iterable[Triple]) -> str:
    graph = sorted_graph(triples)
    lines = graph.serialize(format="nt").splitlines()
    return "\n".join(sorted(line for line in lines if line)) + "\n"


def jsonld_text(triples: Iterable[Triple]) -> str:
    context = {prefix: namespace for prefix, namespace in sorted(PREFIXES.items())}
    return sorted_graph(triples).serialize(
        format="json-ld", context=context, indent=1, sort_keys=True
    )


def networkx_text(triples: Iterable[Triple], fmt: str) -> str:
    graph = nx.DiGraph(to_networkx(triples)) if fmt == "gexf" else to_networkx(triples)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8")
    else:
        nx.write_gexf(graph, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def csv_text(table: Table) -> str:
    return render_csv(table) + "\n"


def export_texts(triples: set[Triple], fmt: str) -> dict[str, str]:
    """File name → content of an export of ``triples`` in ``fmt``."""
    if fmt == "ttl":
        return {DEFAULT_NAMES[fmt]: serialize_turtle(triples)}
    if fmt == "nt":
        return {DEFAULT_NAMES[fmt]: ntriples_text(triples)}
    if fmt == "jsonld":
        return {DEFAULT_NAMES[fmt]: jsonld_text(triples)}
    if fmt in ("graphml", "gexf"):
        return {DEFAULT_NAMES[fmt]: networkx_text(triples, fmt)}
    if fmt == "csv":
        tables = csv_tables(triples)
        return {f"{name}.csv": csv_text(table) for name, table in tables.items()}
    raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def write_export(triples: set[Triple], fmt: str, out: Path) -> list[Path]:
    """Write the export to ``out``: a folder for CSV (three files), else a file, or a folder
    to hold the default file name."""
    texts = export_texts(triples, fmt)
    if fmt == "csv" or out.is_dir() or (not out.suffix and not out.exists()):
        out.mkdir(parents=True, exist_ok=True)
        targets = {out / name: text for name, text in texts.items()}
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        targets = {out: next(iter(texts.values()))}
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
    return list(targets)
