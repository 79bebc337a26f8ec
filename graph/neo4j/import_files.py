"""The property graph as the CSV files ``neo4j-admin database import full`` reads: the same
nodes, labels, typed properties and relationships (with their derived properties) an
incremental push writes, and the ``:_RdfMapping`` nodes the read-back needs.

Each file has its typed header on its first line (``uri:ID(Resource)``, ``:LABEL``,
``numericValue:double``, ``title:string[]``…). A key's type is that of its value, so the rows
are grouped by the keys and types they carry: a file per label set and typing, and every row of
a file has a value in every column (an empty cell would read as no value at all). Arrays
(several values of one key, several labels) are joined by :data:`ARRAY_DELIMITER`, a control
character no plan text holds (a value holding one is refused). Pure functions make the tables
(:func:`import_tables`); :func:`write_import_files` puts them on disk, the same graph giving
the same bytes.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from plankg.graph.neo4j.mapping import RESOURCE_LABEL, Mapping, MappingError
from plankg.graph.neo4j.rows import PropertyGraph

ARRAY_DELIMITER = "\x1f"
"""Between the values of an array and the labels of a node (``--array-delimiter=U+001F``)."""
ID_SPACE = "Resource"
MAPPING_LABEL = "_RdfMapping"
SCALAR_TYPES: tuple[tuple[type, str], ...] = (
    (bool, "boolean"),  # before int: a bool is an int in Python
    (int, "long"),
    (float, "double"),
    (date, "date"),
    (str, "string"),
)

PLAIN_PATH = re.compile(r"[\w./-]+")
"""A path the import's list of multiline files reads as itself."""
Row = tuple[str, list[str], dict[str, Any]]
"""An id (a uri, or a mapping's slot), labels, properties."""
Keep = Callable[[str], bool]
"""Whether a node (by its uri) is written here."""


@dataclass(frozen=True)
class ImportTable:
    """One CSV file: its header and rows of cells."""

    kind: str
    """``nodes`` or ``relationships``."""
    header: tuple[str, ...]
    rows: list[list[str]] = field(default_factory=list)

    def text(self, header: bool = True) -> str:
        rows: Sequence[Sequence[str]] = [self.header, *self.rows] if header else self.rows
        return _quoted(rows) or _written(rows)


def _quoted(rows: Sequence[Sequence[str]]) -> str | None:
    """The rows as every cell quoted, when no cell holds a quote (so none is doubled): the
    bytes :func:`_written` gives, three times as fast; None when a cell holds one."""
    text = "".join(['"' + '","'.join(row) + '"\n' for row in rows])
    return text if text.count('"') == 2 * sum(map(len, rows)) else None


def _written(rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return out.getvalue()


@dataclass(frozen=True)
class Chunk:
    """Rows of one header written to a file of their own (sorted, without the header), by a
    process that writes a part of the graph: :meth:`ImportWriter.add_chunk` appends them."""

    kind: str
    header: tuple[str, ...]
    path: Path
    rows: int
    spans: bool
    """Whether a cell spans lines."""

    @classmethod
    def written(cls, table: ImportTable, path: Path) -> Chunk:
        """``table``'s rows, sorted, written to ``path``."""
        text, spans = sorted_body(table)
        path.write_bytes(text.encode("utf-8"))
        return cls(table.kind, table.header, path, len(table.rows), spans)


def sorted_body(table: ImportTable) -> tuple[str, bool]:
    """``table``'s rows sorted (in place) as text without the header, and whether a cell of
    them spans lines."""
    table.rows.sort()
    text = table.text(header=False)
    return text, spans_lines(text, len(table.rows) - 1)


def spans_lines(text: str, rows: int) -> bool:
    """Whether a cell of a file's ``text`` of ``rows`` rows spans lines (the import then
    reads the file more slowly)."""
    return "\r" in text or text.count("\n") > rows + 1


def value_type(value: Any) -> str:
    """The import type of a property value: ``long``, ``string[]``…"""
    if isinstance(value, list):
        return _scalar_type(value[0]) + "[]"
    return _scalar_type(value)


def _scalar_type(value: Any) -> str:
    for python, name in SCALAR_TYPES:
        if isinstance(value, python):
            return name
    raise MappingError(f"{value!r} has no type a Neo4j import knows")


def cell(value: Any) -> str:
    """A property value as the import reads it back."""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_scalar_cell(v) for v in value)
    return _scalar_cell(value)


def _scalar_cell(value: Any) -> str:
    if type(value) is str:  # the common case first
        if ARRAY_DELIMITER in value:
            raise MappingError(f"{value[:40]!r} holds U+001F, which the bulk import separates by")
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if ARRAY_DELIMITER in text:
        raise MappingError(f"{text[:40]!r} holds U+001F, which the bulk import separates by")
    return text


def _grouped(rows: Iterable[Row], id_column: str, kind: str) -> list[ImportTable]:
    """Node rows grouped by label set and typed keys: a table each, in a stable order."""
    tables: dict[tuple[str, ...], ImportTable] = {}
    typed = _Typed()
    for identifier, labels, props in rows:
        keys, columns = typed.columns(props)
        header = (id_column, ":LABEL", *columns)
        table = tables.get(header)
        if table is None:
            table = tables[header] = ImportTable(kind, header)
        cells = [cell(props[key]) for key in keys]
        table.rows.append([cell(identifier), ARRAY_DELIMITER.join(labels), *cells])
    return [tables[header] for header in sorted(tables)]


class _Typed:
    """The typed columns (``number:long``…) of a row's properties, remembered by the Python
    types of its values: a million rows have a few dozen typings."""

    def __init__(self) -> None:
        self.known: dict[tuple[Any, ...], tuple[str, ...]] = {}

    def columns(self, props: dict[str, Any]) -> tuple[list[str], tuple[str, ...]]:
        keys = sorted(props)
        signature = tuple(
            (k, type(v), type(v[0]) if type(v) is list else None)
            for k, v in ((k, props[k]) for k in keys)
        )
        columns = self.known.get(signature)
        if columns is None:
            columns = self.known[signature] = tuple(f"{k}:{value_type(props[k])}" for k in keys)
        return keys, columns


def node_tables(graph: PropertyGraph, keep: Keep | None = None) -> list[ImportTable]:
    """The nodes of ``graph`` (those ``keep`` keeps, when given)."""
    rows = (
        (row.uri, [RESOURCE_LABEL, *row.labels], {**row.props, **row.derived})
        for labels, uris in graph.nodes.items()
        for uri in uris
        if keep is None or keep(uri)
        for row in (graph.row(uri, labels),)
    )
    return bare_node_tables(rows)


def bare_node_tables(rows: Iterable[Row]) -> list[ImportTable]:
    """Node rows as the tables of their label sets and typings."""
    return _grouped(rows, f"uri:ID({ID_SPACE})", "nodes")


def mapping_tables(mapping: Mapping) -> list[ImportTable]:
    """The ``:_RdfMapping`` nodes, as the incremental push records them (the slot their id)."""
    rows = ((str(slot["slot"]), [MAPPING_LABEL], _slot_props(slot)) for slot in mapping.slots())
    return _grouped(rows, f"slot:ID({MAPPING_LABEL})", "nodes")


def _slot_props(slot: dict[str, str | None]) -> dict[str, Any]:
    return {key: value for key, value in slot.items() if value is not None and key != "slot"}


def relationship_tables(graph: PropertyGraph, keep: Keep | None = None) -> list[ImportTable]:
    """Relationships grouped by the typed keys of their derived properties (those one of whose
    ends ``keep`` keeps, when given)."""
    ends = (f":START_ID({ID_SPACE})", f":END_ID({ID_SPACE})", ":TYPE")
    plain = ImportTable("relationships", ends)
    tables: dict[tuple[str, ...], ImportTable] = {(): plain}
    typed = _Typed()
    found = graph.relationship_props
    with_props = {rel_type for _, rel_type, _ in found}
    for start, out in graph.outgoing.items():
        mine = keep is None or keep(start)
        for rel_type, end in out:
            if not mine and keep is not None and not keep(end):
                continue
            props = found.get((start, rel_type, end)) if rel_type in with_props else None
            if not props:
                plain.rows.append([start, end, rel_type])
                continue
            keys, columns = typed.columns(props)
            table = tables.get(columns)
            if table is None:
                table = tables[columns] = ImportTable("relationships", (*ends, *columns))
            table.rows.append([start, end, rel_type, *(cell(props[key]) for key in keys)])
    return [tables[columns] for columns in sorted(tables) if tables[columns].rows]


def import_tables(graph: PropertyGraph) -> list[ImportTable]:
    """Every file of the import: nodes, mapping nodes, relationships; each file's rows sorted,
    so that the order the triples came in (a set's, which varies from run to run) changes no
    byte."""
    tables = [*node_tables(graph), *mapping_tables(graph.mapping), *relationship_tables(graph)]
    for table in tables:
        table.rows.sort()
    return tables


@dataclass(frozen=True)
class ImportFiles:
    """The files written, and the options of ``neo4j-admin database import full`` that read
    them."""

    nodes: list[Path]
    relationships: list[Path]
    spanning: list[Path]
    """The files with a cell that spans lines (the import reads them more slowly)."""
    report: Path
    """Where the import writes its report (of bad entries: there should be none)."""

    @property
    def multiline(self) -> bool:
        return bool(self.spanning)

    def arguments(self) -> list[str]:
        return [
            *(f"--nodes={path}" for path in self.nodes),
            *(f"--relationships={path}" for path in self.relationships),
            "--array-delimiter=U+001F",
            *self._multiline(),
            f"--report-file={self.report}",
        ]

    def _multiline(self) -> list[str]:
        """Only the files that need it are read as multiline (the import's format v2 names
        them, as patterns: a path with a character a pattern reads otherwise makes them
        all multiline)."""
        if not self.spanning:
            return ["--multiline-fields=false"]
        if any(not PLAIN_PATH.fullmatch(str(path)) for path in self.spanning):
            return ["--multiline-fields=true"]
        paths = ",".join(str(path) for path in self.spanning)
        return ["--multiline-fields-format=v2", f"--multiline-fields={paths}"]


def write_import_files(graph: PropertyGraph, folder: Path) -> ImportFiles:
    """The import's CSV files in ``folder`` (``nodes-001.csv``…, ``relationships-001.csv``…)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, list[Path]] = {"nodes": [], "relationships": []}
    spanning = []
    for table in import_tables(graph):
        paths = written[table.kind]
        path = folder / f"{table.kind}-{len(paths) + 1:03d}.csv"
        text = table.text()
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        if spans_lines(text, len(table.rows)):
            spanning.append(path)
    report = folder / "import.report"
    return ImportFiles(written["nodes"], written["relationships"], spanning, report)


class ImportWriter:
    """The import's CSV files written a few tables at a time (a part of the graph each), so
    that no more than a part is held: the rows of each :meth:`add` (or of each chunk another
    process wrote, :meth:`add_chunk`) are appended, sorted, to the file of their header
    (``nodes-001.csv``… in the order the headers first come)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.paths: dict[tuple[str, tuple[str, ...]], Path] = {}
        self.written: dict[str, list[Path]] = {"nodes": [], "relationships": []}
        self.rows: dict[str, int] = {"nodes": 0, "relationships": 0}
        self.spanning: dict[Path, None] = {}

    def add(self, tables: Iterable[ImportTable]) -> None:
        for table in tables:
            if table.rows:
                self._append(table)

    def _append(self, table: ImportTable) -> None:
        text, spans = sorted_body(table)
        path, out = self._opened(table.kind, table.header)
        with out:
            out.write(text.encode("utf-8"))
        self._count(table.kind, path, len(table.rows), spans)

    def add_chunk(self, chunk: Chunk) -> None:
        """The rows of a file another process wrote (sorted, without a header), appended to
        the file of their header; ``chunk``'s file is then removed."""
        path, out = self._opened(chunk.kind, chunk.header)
        with out, chunk.path.open("rb") as rows:
            shutil.copyfileobj(rows, out)
        chunk.path.unlink()
        self._count(chunk.kind, path, chunk.rows, chunk.spans)

    def _opened(self, kind: str, header: tuple[str, ...]) -> tuple[Path, BinaryIO]:
        """The file of ``header``, opened to append; made, its header written, when new."""
        key = (kind, header)
        path = self.paths.get(key)
        if path is not None:
            return path, path.open("ab")
        paths = self.written[kind]
        path = self.paths[key] = self.folder / f"{kind}-{len(paths) + 1:03d}.csv"
        paths.append(path)
        out = path.open("wb")
        out.write(ImportTable(kind, header).text().encode("utf-8"))
        return path, out

    def _count(self, kind: str, path: Path, rows: int, spans: bool) -> None:
        self.rows[kind] += rows
        if spans:
            self.spanning[path] = None

    def files(self) -> ImportFiles:
        report = self.folder / "import.report"
        nodes, relationships = self.written["nodes"], self.written["relationships"]
        return ImportFiles(nodes, relationships, list(self.spanning), report)
