"""The vocabulary files read once: their triples kept in a small index for the lookups a build
makes (a concept's labels, the canonical actions, the agency types' names), and cached on disk
keyed by the files' digest, so that a build does not parse 70 KB of Turtle each time.

The cache is kept by :func:`plankg.cache.kept` under the user's cache folder, named by the
digest of the vocabulary files: an edited file is read afresh, never from a stale cache. Its
content is a function of the files alone (triples sorted), so two runs write the same bytes. A
damaged file, or a folder that cannot be written, only costs the parse. The index holds the
triples without blank nodes (the OWL restrictions and lists, which no lookup reads);
:func:`plankg.ontology.ontology_graph` keeps the whole graph for notebooks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache, partial
from importlib.resources import files
from typing import TYPE_CHECKING, TypeAlias

from plankg.cache import kept

if TYPE_CHECKING:  # rdflib is imported where a term or a graph is made, not with the index
    from rdflib import Graph, Literal, URIRef

VOCABULARY_FILES = ("plankg.ttl", "agency-types.ttl", "actions.ttl")
"""The ontology and its concept schemes, read together as one graph."""
CACHE_FORMAT = "1"
"""Changed when the cache's layout changes, so that an old cache is not read."""

Term: TypeAlias = "URIRef | Literal"
Row = tuple[str, str, list[str | None]]
"""A triple as the cache stores it: subject, predicate, and ``[iri]`` or ``[lexical form,
language, datatype]``."""


def read_text(name: str) -> str:
    return files("plankg.ontology").joinpath(name).read_text(encoding="utf-8")


def parse_vocabulary(texts: Iterable[str]) -> Graph:
    from rdflib import Graph

    graph = Graph()
    for text in texts:  # parsed into one graph: a third faster than merging three
        graph.parse(data=text, format="turtle")
    return graph


class VocabularyIndex:
    """The vocabulary's triples (blank nodes left out), by subject and by (predicate, IRI
    object), in the order of their rows; a few of :class:`rdflib.Graph`'s lookups, with its
    names. Kept as text: an rdflib term is made when a lookup returns it (a build asks for a
    few dozen of the 1,600)."""

    def __init__(self, rows: Iterable[Row], *, ordered: bool = False) -> None:
        """``ordered``: the rows come sorted (as :func:`graph_rows` gives them and the cache
        holds them), so they are not sorted again."""
        self.rows = list(rows) if ordered else sorted(rows, key=row_order)
        self._by_subject: dict[str, dict[str, list[list[str | None]]]] = {}
        self._by_object: dict[tuple[str, str], list[str]] = {}
        for s, p, o in self.rows:
            self._by_subject.setdefault(s, {}).setdefault(p, []).append(o)
            if len(o) == 1:
                self._by_object.setdefault((p, str(o[0])), []).append(s)

    def subject_texts(self) -> Iterator[str]:
        """The subjects' IRIs as text (no rdflib term made)."""
        return iter(self._by_subject)

    def object_rows(self, subject: str, predicate: str) -> list[list[str | None]]:
        """The objects of ``subject``'s ``predicate`` as the cache stores them (``[iri]`` or
        ``[lexical form, language, datatype]``), in the order of their rows (an rdflib IRI given
        is taken as its text)."""
        return self._by_subject.get(str(subject), {}).get(str(predicate), [])

    def subjects_of(self, predicate: str, value: str) -> list[str]:
        """The subjects linked by ``predicate`` to the IRI ``value``, as text."""
        return self._by_object.get((str(predicate), str(value)), [])

    def all_subjects(self) -> Iterator[URIRef]:
        from rdflib import URIRef

        return map(URIRef, self._by_subject)

    def objects(self, subject: URIRef, predicate: URIRef) -> Iterator[Term]:
        return map(term_of, self._by_subject.get(str(subject), {}).get(str(predicate), ()))

    def subjects(self, predicate: URIRef, value: URIRef) -> Iterator[URIRef]:
        from rdflib import URIRef

        return map(URIRef, self._by_object.get((str(predicate), str(value)), ()))

    def value(self, subject: URIRef, predicate: URIRef) -> Term | None:
        return next(self.objects(subject, predicate), None)

    def has_object(self, subject: str, value: str) -> bool:
        """Whether some triple links ``subject`` to the IRI ``value`` (rdflib's
        ``(s, None, o) in g``)."""
        iri = [str(value)]
        return any(iri in found for found in self._by_subject.get(str(subject), {}).values())


def term_of(encoded: list[str | None]) -> Term:
    from rdflib import Literal, URIRef

    if len(encoded) == 1:
        return URIRef(str(encoded[0]))
    lexical, language, datatype = encoded
    return Literal(str(lexical), lang=language, datatype=URIRef(datatype) if datatype else None)


def graph_rows(graph: Graph) -> list[Row]:
    """The graph's triples without blank nodes, as the cache stores them, sorted."""
    from rdflib import Literal, URIRef

    rows: list[Row] = []
    for s, p, o in graph:
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            rows.append((str(s), str(p), [str(o)]))
        elif isinstance(s, URIRef) and isinstance(o, Literal):
            datatype = str(o.datatype) if o.datatype else None
            rows.append((str(s), str(p), [str(o), o.language, datatype]))
    return sorted(rows, key=row_order)


def row_order(row: Row) -> tuple[str, str, list[str]]:
    return row[0], row[1], [part or "" for part in row[2]]


@cache
def vocabulary_index() -> VocabularyIndex:
    """The vocabulary's index: from the cache when it holds these files' triples, else parsed
    (and cached for the next run)."""
    texts = [read_text(name) for name in VOCABULARY_FILES]
    rows = kept("vocabulary", vocabulary_sources(texts), partial(_parsed_rows, texts), list)
    return VocabularyIndex(rows, ordered=True)


def vocabulary_sources(texts: Iterable[str]) -> tuple[str, ...]:
    """What the cached index is made from: the cache's layout and the vocabulary files."""
    return (CACHE_FORMAT, *texts)


def _parsed_rows(texts: list[str]) -> list[Row]:
    return graph_rows(parse_vocabulary(texts))
