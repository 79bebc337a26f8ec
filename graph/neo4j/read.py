"""Reading the graph back out of Neo4j as RDF triples, exactly as it was pushed: labels,
relationship types and property keys are turned back into IRIs, literals get their datatype
and language tag again (see :mod:`plankg.graph.neo4j.values`)."""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import ManagedTransaction
from plankg.graph.neo4j.connection import Connection
from plankg.graph.neo4j.mapping import Mapping
from plankg.graph.neo4j.rows import Decoder
from plankg.graph.neo4j.templates import template
from plankg.graph.rdf.build import Triple


@dataclass(frozen=True)
class StoredCounts:
    nodes: int
    relationships: int


def stored_mapping(connection: Connection) -> Mapping:
    """The names recorded in the database (empty before the first push)."""
    return connection.read(_mapping)


def _mapping(tx: ManagedTransaction) -> Mapping:
    return Mapping.from_slots(record.data() for record in tx.run(template("mapping-read")))


def stored_counts(connection: Connection) -> StoredCounts:
    record = connection.read(lambda tx: tx.run(template("counts")).single(strict=True))
    return StoredCounts(record["nodes"], record["relationships"])


def read_triples(connection: Connection) -> set[Triple]:
    """The RDF graph stored in the database."""
    decoder = Decoder(stored_mapping(connection))
    return connection.read(_triples, decoder)


def _triples(tx: ManagedTransaction, decoder: Decoder) -> set[Triple]:
    triples: set[Triple] = set()
    for uri, labels, props in tx.run(template("read-nodes")):
        triples.update(decoder.node_triples(uri, labels, props))
    for start, rel_type, end in tx.run(template("read-relationships")):
        triple = decoder.relationship_triple(start, rel_type, end)
        if triple is not None:
            triples.add(triple)
    return triples
