"""The graph in Neo4j: a checked connection, the property-graph names derived from the
ontology, lossless values, rows made by pure functions, the batched push and the read-back,
with the Cypher templates they run in ``cypher/``."""

from plankg.graph.neo4j.connection import (
    Connection,
    GraphDatabaseError,
    Neo4jSettings,
    connect,
)
from plankg.graph.neo4j.mapping import Mapping, MappingError
from plankg.graph.neo4j.push import (
    PushReport,
    clear_database,
    delete_plan,
    push_corpus,
    push_parts,
    push_triples,
)
from plankg.graph.neo4j.read import StoredCounts, read_triples, stored_counts, stored_mapping
from plankg.graph.neo4j.rows import PropertyGraph, property_graph
from plankg.graph.neo4j.schema import SCHEMA_FORMATS, GraphSchema, read_schema, render_schema

__all__ = [
    "SCHEMA_FORMATS",
    "Connection",
    "GraphDatabaseError",
    "GraphSchema",
    "Mapping",
    "MappingError",
    "Neo4jSettings",
    "PropertyGraph",
    "PushReport",
    "StoredCounts",
    "clear_database",
    "connect",
    "delete_plan",
    "property_graph",
    "push_corpus",
    "push_parts",
    "push_triples",
    "read_schema",
    "read_triples",
    "render_schema",
    "stored_counts",
    "stored_mapping",
]
