"""The schema of the property graph as the database holds it, for ``plankg schema``: the main
path with the count of each hop, every set of labels with its property keys, their value
types and how many nodes hold each, every ``(labels)-[TYPE]->(labels)`` pattern with its count,
the properties of relationships, and what is plankg's bookkeeping (``schema.toml``).

It is read from the live graph (four scans), so it stays true whatever the mapping makes."""

from __future__ import annotations

import json
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from neo4j import ManagedTransaction
from plankg.graph.neo4j.connection import Connection
from plankg.graph.neo4j.derived import is_derived
from plankg.graph.neo4j.templates import template
from plankg.tables import Table, cell, render_text

SCHEMA_FORMATS = ("table", "markdown", "json")
NO_CLASS = "(no class)"
"""How the label table shows the nodes of no class but :Resource (a QUDT unit linked to)."""
NOT_NULL = re.compile(r" NOT NULL")


@dataclass(frozen=True)
class Property:
    key: str
    types: tuple[str, ...]
    holders: int
    """Nodes (or relationships) that hold the key."""
    derived: bool = False
    """Made for analysts at push time, not an RDF literal (:mod:`plankg.graph.neo4j.derived`)."""


@dataclass(frozen=True)
class LabelSet:
    labels: str
    """The labels of a kind of node but the internal ones, sorted, joined by ``:``."""
    nodes: int
    properties: tuple[Property, ...]


@dataclass(frozen=True)
class Pattern:
    start: str
    type: str
    end: str
    relationships: int


@dataclass(frozen=True)
class Internal:
    name: str
    kind: str
    count: int
    purpose: str


@dataclass(frozen=True)
class GraphSchema:
    main_path: str
    hops: tuple[Pattern, ...]
    label_sets: tuple[LabelSet, ...]
    patterns: tuple[Pattern, ...]
    relationship_properties: tuple[tuple[str, Property], ...]
    internal: tuple[Internal, ...]

    def without_label(self, name: str) -> GraphSchema:
        """The schema without the internal label ``name`` (the tests' mark of their database)."""
        kept = tuple(i for i in self.internal if not (i.kind == "label" and i.name == name))
        return GraphSchema(
            self.main_path,
            self.hops,
            self.label_sets,
            self.patterns,
            self.relationship_properties,
            kept,
        )


@cache
def _settings() -> dict[str, Any]:
    text = files("plankg.graph.neo4j").joinpath("schema.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def is_internal_label(label: str) -> bool:
    return label.startswith("_") or label in _settings()["internal"]["labels"]


def read_schema(connection: Connection) -> GraphSchema:
    """The schema of the graph in the database."""
    return connection.read(_read)


def _read(tx: ManagedTransaction) -> GraphSchema:
    def rows(name: str) -> list[dict[str, Any]]:
        return [record.data() for record in tx.run(template(name))]

    labels = rows("schema-labels")
    node_properties = rows("schema-node-properties")
    patterns = _patterns(rows("schema-patterns"))
    relationship_properties = rows("schema-relationship-properties")
    return GraphSchema(
        main_path=_settings()["main_path"],
        hops=_hops(patterns),
        label_sets=_label_sets(labels, node_properties),
        patterns=patterns,
        relationship_properties=tuple(
            (type_, prop)
            for type_, props in _properties(relationship_properties).items()
            for prop in props
        ),
        internal=_internal(labels, node_properties),
    )


def label_set(labels: Iterable[str]) -> str:
    """``Action:EnhancementAction`` for a node labelled Resource, Action, EnhancementAction."""
    return ":".join(sorted(label for label in labels if not is_internal_label(label)))


def _is_graph_node(labels: list[str]) -> bool:
    """A node of the RDF graph (a :Resource, with or without a class), not bookkeeping."""
    return "Resource" in labels or bool(label_set(labels))


def value_type(text: str) -> str:
    """Cypher's ``valueType`` without its NOT NULLs: ``LIST<STRING>``, ``INTEGER``."""
    return NOT_NULL.sub("", text)


def _label_sets(labels: list[dict[str, Any]], props: list[dict[str, Any]]) -> tuple[LabelSet, ...]:
    nodes: dict[str, int] = defaultdict(int)
    for row in labels:
        if _is_graph_node(row["labels"]):
            nodes[label_set(row["labels"])] += row["nodes"]
    public = [r for r in props if _is_graph_node(r["labels"]) and not _internal_key(r["key"])]
    by_set = _properties([{**r, "labels": label_set(r["labels"])} for r in public])
    return tuple(LabelSet(name, nodes[name], tuple(by_set.get(name, ()))) for name in sorted(nodes))


def _internal_key(key: str) -> bool:
    return key in _settings()["internal"]["properties"]


def _properties(rows: list[dict[str, Any]]) -> dict[str, list[Property]]:
    """Rows of (labels, key, type, holders) as the properties of each label set or type."""
    types: dict[tuple[str, str], set[str]] = defaultdict(set)
    holders: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        types[row["labels"], row["key"]].add(value_type(row["type"]))
        holders[row["labels"], row["key"]] += row["holders"]
    found: dict[str, list[Property]] = defaultdict(list)
    for owner, key in sorted(types):
        derived = is_derived(key, owner.split(":"))
        found[owner].append(
            Property(key, tuple(sorted(types[owner, key])), holders[owner, key], derived)
        )
    return found


def _patterns(rows: list[dict[str, Any]]) -> tuple[Pattern, ...]:
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for row in rows:
        if _is_graph_node(row["start"]) and _is_graph_node(row["end"]):
            start, end = label_set(row["start"]), label_set(row["end"])
            counts[start, row["type"], end] += row["relationships"]
    ordered = sorted(counts.items(), key=lambda item: (item[0][1], item[0][0], item[0][2]))
    return tuple(Pattern(*key, count) for key, count in ordered)


def _hops(patterns: Sequence[Pattern]) -> tuple[Pattern, ...]:
    """Each hop of the main path with the relationships that make it."""

    def count(start: str, type_: str, end: str) -> int:
        return sum(
            p.relationships
            for p in patterns
            if p.type == type_ and start in p.start.split(":") and end in p.end.split(":")
        )

    return tuple(Pattern(s, t, e, count(s, t, e)) for s, t, e in _settings()["hops"])


def _internal(labels: list[dict[str, Any]], props: list[dict[str, Any]]) -> tuple[Internal, ...]:
    described = _settings()["internal"]
    counts: dict[str, int] = defaultdict(int)
    for row in labels:
        for label in row["labels"]:
            if is_internal_label(label):
                counts[label] += row["nodes"]
    found = [
        Internal(name, "label", n, described["labels"].get(name, "plankg's bookkeeping"))
        for name, n in sorted(counts.items())
    ]
    for key, purpose in sorted(described["properties"].items()):
        holders = sum(r["holders"] for r in props if r["key"] == key)
        found.append(Internal(key, "property", holders, purpose))
    return tuple(found)


def schema_tables(schema: GraphSchema) -> dict[str, Table]:
    """The schema as titled tables, main path first."""
    return {
        "Main path": _pattern_table(schema.hops),
        "Labels: every property key, its value types and the nodes that hold it": _label_table(
            schema.label_sets
        ),
        "Relationships: (start)-[TYPE]->(end)": _pattern_table(schema.patterns),
        "Relationship properties": Table(
            ("type", "property", "types", "relationships"),
            tuple(
                (t, p.key, " | ".join(p.types), p.holders)
                for t, p in schema.relationship_properties
            ),
        ),
        "Internal: plankg's bookkeeping, not the plans' facts": Table(
            ("name", "kind", "count", "what it is"),
            tuple((i.name, i.kind, i.count, i.purpose) for i in schema.internal),
        ),
    }


def _pattern_table(patterns: Sequence[Pattern]) -> Table:
    return Table(
        ("pattern", "relationships"),
        tuple((f"({p.start})-[:{p.type}]->({p.end})", p.relationships) for p in patterns),
    )


def _label_table(label_sets: Sequence[LabelSet]) -> Table:
    rows = []
    for entry in label_sets:
        for i, prop in enumerate(entry.properties or (Property("", (), 0),)):
            first = i == 0
            rows.append(
                (
                    (entry.labels or NO_CLASS) if first else "",
                    entry.nodes if first else None,
                    prop.key,
                    " | ".join(prop.types),
                    prop.holders if prop.key else None,
                    "derived" if prop.derived else "",
                )
            )
    return Table(("label", "nodes", "property", "types", "holders", "from"), tuple(rows))


def render_schema(schema: GraphSchema, fmt: str = "table") -> str:
    """The schema as aligned text (``table``), ``markdown`` or ``json``."""
    if fmt == "json":
        return json.dumps(asdict(schema), ensure_ascii=False, indent=2)
    tables = schema_tables(schema)
    if fmt == "markdown":
        return str(_settings()["markdown_intro"]) + "\n" + _markdown(schema.main_path, tables)
    parts = [f"{title}\n{schema.main_path if i == 0 else ''}" for i, title in enumerate(tables)]
    return "\n\n".join(
        f"{part.rstrip()}\n{render_text(table)}"
        for part, table in zip(parts, tables.values(), strict=True)
    )


def _markdown(main_path: str, tables: dict[str, Table]) -> str:
    sections = []
    for i, (title, table) in enumerate(tables.items()):
        lead = f"```cypher\n{main_path}\n```\n\n" if i == 0 else ""
        sections.append(f"## {title}\n\n{lead}{markdown_table(table)}")
    return "\n\n".join(sections) + "\n"


def markdown_table(table: Table) -> str:
    """A pipe table; ``|`` in a cell escaped, numbers right-aligned."""
    numeric = [
        all(isinstance(row[i], int) for row in table.rows if row[i] is not None)
        for i in range(len(table.columns))
    ]
    head = "| " + " | ".join(table.columns) + " |"
    rule = "|" + "|".join("---:" if n else "---" for n in numeric) + "|"
    body = ["| " + " | ".join(_markdown_cell(value) for value in row) + " |" for row in table.rows]
    return "\n".join([head, rule, *body])


def _markdown_cell(value: Any) -> str:
    text = cell(value).replace("|", "\\|")
    return f"`{text}`" if text.startswith("(") else text
