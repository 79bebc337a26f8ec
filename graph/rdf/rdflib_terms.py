"""The plan writer's terms as rdflib terms (see :mod:`.terms`): what
:func:`plankg.graph.rdf.build.plan_graphs` and everything that reads graphs get. Imported only
where rdflib terms are wanted, so that the build does not import rdflib."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache, lru_cache
from itertools import groupby

from plankg.graph.rdf.terms import Rows, Term, Triple
from plankg.ontology.index import Row, term_of
from rdflib import Literal, URIRef
from rdflib.namespace import XSD


class _Made(dict[str, Term]):
    """Each constant as an rdflib IRI, made when first used."""

    def __missing__(self, node: str) -> Term:
        made = self[node] = URIRef(node)
        return made


class RdflibTerms:
    """rdflib terms, as :func:`plankg.graph.rdf.build.plan_graphs` gives them."""

    constants = _Made()

    def iri(self, node: str) -> Term:
        return URIRef(node)

    def plain(self, value: str) -> Term:
        return Literal(value)

    def tagged(self, value: str, language: str) -> Term:
        return Literal(value, lang=language)

    def integer(self, value: int) -> Term:
        return _integer(value)

    def boolean(self, value: bool) -> Term:
        return Literal(value)

    def decimal(self, value: Decimal) -> Term:
        return Literal(value, datatype=XSD.decimal)

    def typed(self, lexical: str, datatype: str) -> Term:
        return Literal(lexical, datatype=URIRef(datatype))

    def concept(self, node: str, rows: Rows) -> tuple[Triple, ...]:
        return described(node, rows)


@cache
def described(node: str, rows: Rows) -> tuple[Triple, ...]:
    """``rows(node)`` as rdflib triples (made once per process)."""
    return rdflib_triples(rows(node))


def rdflib_triples(rows: Iterable[Row]) -> tuple[Triple, ...]:
    """The vocabulary's rows as rdflib triples, each subject's predicate's objects sorted as
    rdflib sorts terms."""
    return tuple(
        (URIRef(s), URIRef(p), o)
        for (s, p), group in groupby(rows, key=lambda row: (row[0], row[1]))
        for o in _sorted_terms(row[2] for row in group)
    )


def _sorted_terms(encoded: Iterable[list[str | None]]) -> list[Term]:
    return sorted(term_of(e) for e in encoded)


RDFLIB_TERMS = RdflibTerms()


@lru_cache(maxsize=1 << 16, typed=True)
def _integer(value: int) -> Literal:
    """An integer literal, made once: most are character offsets and line numbers, the same
    few thousand in every plan, and making an rdflib literal of an int is slow."""
    return Literal(value)
