"""Triples ⇄ the rows a push writes and a read-back returns. Pure functions: no database.

Every IRI becomes a node with the label ``:Resource`` and its ``uri``; its ``rdf:type`` classes
become further labels; a triple with an IRI object becomes a relationship; a literal becomes (a
value of) a node property. See :mod:`plankg.graph.neo4j.mapping` for the names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from plankg.graph.neo4j.derived import Derived, derive, is_derived
from plankg.graph.neo4j.mapping import (
    RESOURCE_LABEL,
    Mapping,
    MappingError,
    PropertyTerm,
    declared_predicates,
)
from plankg.graph.neo4j.values import decode, encode
from plankg.graph.rdf.build import Triple
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

RDF_TYPE = RDF.type

Labels = tuple[str, ...]


@dataclass
class NodeRow:
    uri: str
    labels: Labels
    props: dict[str, Any]
    """The properties of its literals."""
    derived: dict[str, Any] = field(default_factory=dict)
    """The properties derived for analysts (:mod:`plankg.graph.neo4j.derived`)."""

    def param(self) -> dict[str, Any]:
        """The row of a stored node: its uri, all its labels and the properties pushed."""
        labels = [RESOURCE_LABEL, *self.labels]
        return {"uri": self.uri, "labels": labels, "props": {**self.props, **self.derived}}

    def created(self) -> dict[str, Any]:
        """The row of a new node: all its labels and properties, its uri included."""
        props = {**self.props, **self.derived, "uri": self.uri}
        return {"labels": [RESOURCE_LABEL, *self.labels], "props": props}


@dataclass
class PropertyGraph:
    """The nodes (their uris by label set) and relationships (``(type, end)`` pairs by start
    uri, as a push sends them) of a set of triples. A node's row (its properties) is made when
    asked for, so a push can send the first batches while it makes the next."""

    mapping: Mapping
    nodes: dict[Labels, list[str]] = field(default_factory=dict)
    outgoing: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    literals: dict[str, dict[PropertyTerm, list[Literal]]] = field(default_factory=dict)
    triples: int = 0
    derived: Derived = field(default_factory=Derived)
    relationship_props: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    """The derived properties of relationships, by ``(start, type, end)``."""

    @property
    def node_count(self) -> int:
        return sum(len(uris) for uris in self.nodes.values())

    @property
    def relationship_count(self) -> int:
        return sum(len(out) for out in self.outgoing.values())

    @property
    def relationships(self) -> dict[str, list[tuple[str, str]]]:
        """``(start, end)`` uris by relationship type."""
        by_type: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for start, out in self.outgoing.items():
            for rel_type, end in out:
                by_type[rel_type].append((start, end))
        return dict(by_type)

    def row(self, uri: str, labels: Labels) -> NodeRow:
        props = node_props(self.literals.get(uri, {}), self.mapping)
        return NodeRow(uri, labels, props, self.derived.nodes.get(uri, {}))

    def all_rows(self) -> Iterator[NodeRow]:
        """Every node's row, label set by label set."""
        return (self.row(uri, labels) for labels, uris in self.nodes.items() for uri in uris)

    def node_row(self, uri: str) -> NodeRow | None:
        labels = next((labels for labels, uris in self.nodes.items() if uri in uris), None)
        return None if labels is None else self.row(uri, labels)


@dataclass
class _Scan:
    classes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    literals: dict[str, dict[PropertyTerm, list[Literal]]] = field(default_factory=dict)
    edges: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    nodes: set[str] = field(default_factory=set)
    terms: dict[tuple[str, str | None, str | None], PropertyTerm] = field(default_factory=dict)
    triples: int = 0


def _scan(triples: Iterable[Triple]) -> _Scan:
    """One pass over the triples (written for speed: a push of millions of triples starts
    here). A plan's terms are shared objects (a node's IRI is made once and used in all its
    triples), so each term's string is made once, found again by the term itself; a literal's
    property term by its predicate, datatype and language as they are."""
    scan = _Scan()
    objects, data = declared_predicates()
    rdf_type = str(RDF_TYPE)
    literals, nodes, classes = scan.literals, scan.nodes, scan.classes
    edges, terms = scan.edges, scan.terms
    iris: dict[Any, str] = {}
    literal_terms: dict[tuple[URIRef, Any, Any], PropertyTerm] = {}
    count = 0
    for s, p, o in triples:
        count += 1
        subject = iris.get(s)
        if subject is None:
            if type(s) is not URIRef:
                raise MappingError(f"blank node {s} as a subject: Neo4j nodes need an IRI")
            subject = iris[s] = str(s)
        nodes.add(subject)
        predicate = iris.get(p)
        if predicate is None:
            predicate = iris[p] = str(p)
        if type(o) is Literal:
            datatype, language = o.datatype, o.language
            found = (p, datatype, language)
            term = literal_terms.get(found)
            if term is None:
                if predicate in objects or predicate == rdf_type:
                    raise MappingError(f"<{predicate}> of <{subject}> is a literal, not a resource")
                key = (predicate, None if datatype is None else str(datatype), language)
                term = terms.get(key)
                if term is None:
                    term = terms[key] = PropertyTerm(*key)
                literal_terms[found] = term
            by_term = literals.get(subject)
            if by_term is None:
                by_term = literals[subject] = {}
            values = by_term.get(term)
            if values is None:
                by_term[term] = [o]
            else:
                values.append(o)
            continue
        end = iris.get(o)
        if end is None:
            if type(o) is not URIRef:
                raise MappingError(f"blank node {o} as an object of <{subject}>")
            end = iris[o] = str(o)
        if predicate == rdf_type:
            classes[subject].add(end)
        elif predicate in data:
            raise MappingError(f"<{predicate}> of <{subject}> is a resource, not a literal")
        else:
            edges[subject].append((predicate, end))
            nodes.add(end)
    scan.triples = count
    return scan


def property_graph(triples: Iterable[Triple], mapping: Mapping | None = None) -> PropertyGraph:
    """The property graph of ``triples``, naming things as ``mapping`` does (new names are
    added to a copy of it)."""
    scan = _scan(triples)
    terms = set(scan.terms.values())
    classes = {c for cs in scan.classes.values() for c in cs}
    predicates = {p for out in scan.edges.values() for p, _ in out}
    mapping = (mapping or Mapping()).extended(classes, predicates, terms)
    nodes: dict[Labels, list[str]] = defaultdict(list)
    outgoing: dict[str, list[tuple[str, str]]] = {}
    types, no_classes = mapping.types, ()
    for uri in sorted(scan.nodes):
        labels = tuple(sorted(mapping.labels[c] for c in scan.classes.get(uri, no_classes)))
        nodes[labels].append(uri)
        edges = scan.edges.get(uri)
        if edges:
            outgoing[uri] = [(types[predicate], end) for predicate, end in edges]
    derived = derive(scan.classes, scan.literals, scan.edges)
    relationship_props = {
        (start, types[predicate], end): props
        for (start, predicate, end), props in derived.relationships.items()
        if predicate in types
    }
    return PropertyGraph(
        mapping, dict(nodes), outgoing, scan.literals, scan.triples, derived, relationship_props
    )


def node_props(literals: dict[PropertyTerm, list[Literal]], mapping: Mapping) -> dict[str, Any]:
    keys, props = mapping.keys, {}
    for term, values in literals.items():
        if term.datatype is None and len(values) == 1:
            props[keys[term]] = str(values[0])  # a plain or tagged string: the common case
        else:
            props[keys[term]] = encode(values, term.datatype)
    return props


class Decoder:
    """Stored nodes and relationships back to triples, under one mapping. Labels, types and
    keys the mapping does not know (added in Neo4j by hand), derived keys and the properties
    of relationships are left out."""

    def __init__(self, mapping: Mapping) -> None:
        self.mapping = mapping
        self.classes = {label: URIRef(iri) for iri, label in mapping.labels.items()}
        self.predicates = {name: URIRef(iri) for iri, name in mapping.types.items()}
        self.terms = {key: term for term, key in mapping.keys.items()}

    def literals(self, props: dict[str, Any]) -> dict[PropertyTerm, set[Literal]]:
        found: dict[PropertyTerm, set[Literal]] = {}
        for key, value in props.items():
            term = self.terms.get(key)
            if term is not None and value is not None:
                found[term] = set(decode(value, term.datatype, term.language))
        return found

    def node_triples(
        self, uri: str, labels: Iterable[str], props: dict[str, Any]
    ) -> Iterator[Triple]:
        node = URIRef(uri)
        labels = list(labels)
        for label in labels:
            if label in self.classes:
                yield node, RDF_TYPE, self.classes[label]
        for term, values in self.literals(without_derived(props, labels)).items():
            predicate = URIRef(term.predicate)
            for value in values:
                yield node, predicate, value

    def relationship_triple(self, start: str, rel_type: str, end: str) -> Triple | None:
        predicate = self.predicates.get(rel_type)
        return (URIRef(start), predicate, URIRef(end)) if predicate is not None else None


def without_derived(props: dict[str, Any], labels: Iterable[str]) -> dict[str, Any]:
    """``props`` of a node of ``labels`` without its derived keys."""
    labels = list(labels)
    return {k: v for k, v in props.items() if not is_derived(k, labels)}


def merged_props(row: NodeRow, stored: dict[str, Any], mapping: Mapping) -> dict[str, Any]:
    """The properties ``row`` pushes with the values already stored for the same keys added
    (an RDF union), and its derived properties."""
    decoder = Decoder(mapping)
    old = decoder.literals(without_derived(stored, [RESOURCE_LABEL, *row.labels]))
    new = decoder.literals(row.props)
    union = {t: values | old.get(t, set()) for t, values in new.items()}
    return {**node_props({t: list(v) for t, v in union.items()}, mapping), **row.derived}
