"""How the plan writer makes its terms: one writer (:mod:`.build`), two kinds of term. rdflib
terms (:data:`RDFLIB_TERMS`) for the graphs that notebooks, exports, queries and the Neo4j push
read; Turtle text (:class:`plankg.graph.rdf.turtle.TurtleTerms`) for the build, which writes
text and so need never make, hash or format an rdflib term per triple."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Protocol, TypeVar

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
Term = URIRef | Literal
Triple = tuple[URIRef, URIRef, Term]
"""A triple of rdflib terms (:func:`plankg.graph.rdf.build.plan_graphs` gives them)."""
Concept = Callable[[URIRef], tuple[Triple, ...]]
"""A concept's triples as the vocabulary gives them (rdflib terms, cached)."""


class Terms(Protocol[T_co]):
    """A term factory: IRIs, literals (as ``rdflib.Literal`` of the same values would be) and
    constants, the last looked up in :attr:`constants` (each made once per process)."""

    @property
    def constants(self) -> Mapping[URIRef, T_co]: ...

    def iri(self, node: URIRef) -> T_co: ...

    def plain(self, value: str) -> T_co: ...

    def tagged(self, value: str, language: str) -> T_co: ...

    def integer(self, value: int) -> T_co: ...

    def boolean(self, value: bool) -> T_co: ...

    def decimal(self, value: Decimal) -> T_co: ...

    def typed(self, lexical: str, datatype: URIRef) -> T_co: ...

    def concept(self, node: URIRef, triples: Concept) -> tuple[tuple[T_co, T_co, T_co], ...]: ...


class _Same(dict[URIRef, Term]):
    """Each constant as itself."""

    def __missing__(self, node: URIRef) -> Term:
        return node


class RdflibTerms:
    """rdflib terms, as :func:`plankg.graph.rdf.build.plan_graphs` gives them."""

    constants: Mapping[URIRef, Term] = _Same()

    def iri(self, node: URIRef) -> Term:
        return node

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

    def typed(self, lexical: str, datatype: URIRef) -> Term:
        return Literal(lexical, datatype=datatype)

    def concept(self, node: URIRef, triples: Concept) -> tuple[Triple, ...]:
        return triples(node)


@lru_cache(maxsize=1 << 16, typed=True)
def _integer(value: int) -> Literal:
    """An integer literal, made once: most are character offsets and line numbers, the same
    few thousand in every plan, and making an rdflib literal of an int is slow."""
    return Literal(value)


RDFLIB_TERMS = RdflibTerms()
