"""How the plan writer makes its terms: one writer (:mod:`.build`), two kinds of term. rdflib
terms (:data:`plankg.graph.rdf.rdflib_terms.RDFLIB_TERMS`) for the graphs that notebooks,
exports, queries and the Neo4j push read; Turtle text
(:class:`plankg.graph.rdf.turtle.TurtleTerms`) for the build, which writes text and so need
never import rdflib, nor make, hash or format an rdflib term per triple. The writer names
IRIs as text (:mod:`plankg.ontology.names`, :mod:`.iris`); a factory makes its terms of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol, TypeAlias, TypeVar

from plankg.ontology.index import Row

if TYPE_CHECKING:
    from rdflib import Literal, URIRef

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
Term: TypeAlias = "URIRef | Literal"
Triple: TypeAlias = "tuple[URIRef, URIRef, URIRef | Literal]"
"""A triple of rdflib terms (:func:`plankg.graph.rdf.build.plan_graphs` gives them)."""
Rows = Callable[[str], tuple[Row, ...]]
"""A concept's (or a known document's) triples as the vocabulary's index stores them."""


class Terms(Protocol[T_co]):
    """A term factory: IRIs (given as text), literals (as ``rdflib.Literal`` of the same values
    would be) and constants, the last looked up in :attr:`constants` (each made once per
    process)."""

    @property
    def constants(self) -> Mapping[str, T_co]: ...

    def iri(self, node: str) -> T_co: ...

    def plain(self, value: str) -> T_co: ...

    def tagged(self, value: str, language: str) -> T_co: ...

    def integer(self, value: int) -> T_co: ...

    def boolean(self, value: bool) -> T_co: ...

    def decimal(self, value: Decimal) -> T_co: ...

    def typed(self, lexical: str, datatype: str) -> T_co: ...

    def concept(self, node: str, rows: Rows) -> tuple[tuple[T_co, T_co, T_co], ...]: ...
