"""The export formats, by name: each makes file name → content (text, or bytes for the
workbook) from the triples of a graph, and :func:`write_export` puts them on disk. ``FORMATS``
is the registry the command line offers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from plankg.errors import UsageError
from plankg.files import write_texts
from plankg.graph.export.networks import gexf_text, graphml_text
from plankg.graph.export.rdf import jsonld_text, ntriples_text
from plankg.graph.export.tables import csv_tables
from plankg.graph.export.workbook import xlsx_bytes
from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.turtle import serialize_turtle
from plankg.tables import Table, render_csv

Content = str | bytes
Exporter = Callable[[Iterable[Triple]], dict[str, Content]]


class ExportError(UsageError):
    """An unknown format."""


BOM = "\ufeff"
"""The byte-order mark that opens every exported CSV file."""


def csv_text(table: Table, raw: bool = False) -> str:
    """A CSV file as Excel opens it: UTF-8 with a byte-order mark (without one, Excel on
    Windows reads a double-clicked file in the local code page and shows mojibake), the rows
    as :func:`plankg.tables.render_csv` writes them: cells neutralised against formulas
    unless ``raw``."""
    return BOM + render_csv(table, raw=raw) + "\n"


def csv_texts(triples: Iterable[Triple], raw: bool = False) -> dict[str, Content]:
    return {f"{name}.csv": csv_text(table, raw) for name, table in csv_tables(triples).items()}


def _one_file(name: str, text: Callable[[Iterable[Triple]], Content]) -> Exporter:
    return lambda triples: {name: text(triples)}


EXPORTERS: dict[str, Exporter] = {
    "ttl": _one_file("plankg.ttl", serialize_turtle),
    "nt": _one_file("plankg.nt", ntriples_text),
    "jsonld": _one_file("plankg.jsonld", jsonld_text),
    "graphml": _one_file("plankg.graphml", graphml_text),
    "gexf": _one_file("plankg.gexf", gexf_text),
    "csv": csv_texts,
    "xlsx": _one_file("plankg.xlsx", xlsx_bytes),
}
FORMATS = tuple(EXPORTERS)
FOLDER_FORMATS = frozenset({"csv"})
"""Formats that always write a folder of files."""


def export_texts(
    triples: Iterable[Triple], fmt: str, *, raw_csv: bool = False
) -> dict[str, Content]:
    """File name → content (text, or bytes for ``xlsx``) of an export of ``triples`` in
    ``fmt``; ``raw_csv`` keeps CSV cells as they are (no ``'`` before a formula)."""
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "csv" and raw_csv:
        return csv_texts(triples, raw=True)
    return EXPORTERS[fmt](triples)


def write_export(
    triples: Iterable[Triple], fmt: str, out: Path, *, raw_csv: bool = False
) -> list[Path]:
    """Write the export to ``out``: a folder for CSV (four files), else a file, or a folder
    to hold the default file name."""
    texts = export_texts(triples, fmt, raw_csv=raw_csv)
    if fmt in FOLDER_FORMATS or out.is_dir() or (not out.suffix and not out.exists()):
        targets = {out / name: text for name, text in texts.items()}
    else:
        targets = {out: next(iter(texts.values()))}
    return write_texts(targets)
