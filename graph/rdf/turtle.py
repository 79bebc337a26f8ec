"""A fast, deterministic Turtle writer for plan graphs.

rdflib's serializer takes longer than parsing all five plans; this writer sorts subjects,
predicates and objects and writes each term one way only, so the same triples always give the
same bytes. It writes no blank nodes (plan graphs have none). The tests re-parse its output with
rdflib and compare graphs. :class:`TurtleTerms` makes a plan's terms as this text directly, for
the build, so that no rdflib term stands in between.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, TypeAlias

from plankg.graph.rdf.build import PREFIXES, Quad, Triple
from plankg.graph.rdf.terms import Rows
from plankg.ontology.index import Row
from plankg.ontology.names import BOOLEAN, DECIMAL, INTEGER, RDF, STRING, TYPE, XSD

if TYPE_CHECKING:  # rdflib terms are written where given (the build gives text)
    from rdflib import Literal, URIRef

XSD_STRING, XSD_DECIMAL = STRING, DECIMAL
BARE = {
    INTEGER: re.compile(r"[+-]?\d+\Z"),
    DECIMAL: re.compile(r"[+-]?\d*\.\d+\Z"),
    BOOLEAN: re.compile(r"(?:true|false)\Z"),
}
"""The datatypes whose literals Turtle writes bare, with the lexical forms it writes so."""
LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
UNESCAPES = {escaped: c for c, escaped in STRING_ESCAPES.items()}
ESCAPED = re.compile(r"\\(?:u[0-9A-F]{4}|[\\\"nrt])")
STRING_SPECIAL = re.compile(r'[\\"\x00-\x1f\x7f]')
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
ALL_PREFIXES = {
    **PREFIXES,
    "rdf": RDF,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "skos": "http://www.w3.org/2004/02/skos/core#",
}


FormattedTriple = tuple[str, str, str]
"""A triple with each term written as Turtle; sorting these orders the document."""
PREFIX_ORDER = sorted(ALL_PREFIXES.items(), key=lambda kv: len(kv[1]), reverse=True)
NAMESPACE_PREFIXES = {namespace: prefix for prefix, namespace in reversed(PREFIX_ORDER)}
"""Each namespace of :data:`PREFIX_ORDER` with its prefix (the first in that order where two
prefixes share one). Every namespace ends in ``/`` or ``#`` and a local name has neither, so an
IRI can only be written with the namespace that ends at its last ``/`` or ``#``."""


def serialize_turtle(triples: Iterable[Triple]) -> str:
    return turtle_header() + turtle_body(format_triples(triples))


def serialize_trig(quads: Iterable[Quad]) -> str:
    """A TriG document: one block per named graph, graphs sorted, each like the Turtle."""
    by_graph: dict[URIRef, list[Triple]] = {}
    for s, p, o, g in quads:
        by_graph.setdefault(g, []).append((s, p, o))
    blocks = (
        trig_block(g, turtle_body(format_triples(by_graph[g]))) for g in sorted(by_graph, key=str)
    )
    return turtle_header() + "".join(blocks)


def trig_block(graph: str, body: str) -> str:
    """The triples of ``body`` (Turtle statements) as a block of the named graph ``graph``; a
    graph may have several blocks, whose triples TriG unites."""
    return f"{trig_opening(graph)}{body}}}\n" if body else ""


def trig_opening(graph: str) -> str:
    """What opens a block of the named graph ``graph`` (see :func:`trig_block`)."""
    return f"\n{_prefixed(str(graph))} {{"


def turtle_header(prefixes: Mapping[str, str] = ALL_PREFIXES) -> str:
    return "\n".join(f"@prefix {p}: <{ns}> ." for p, ns in sorted(prefixes.items())) + "\n"


Written: TypeAlias = "dict[URIRef | Literal, str]"
"""Terms already written as Turtle: one per call of :func:`format_triples`, or shared by the
calls that format overlapping triples (see :func:`written_terms`)."""


def written_terms() -> Written:
    from rdflib import URIRef

    return {URIRef(TYPE): "a"}


def format_triples(
    triples: Iterable[Triple], written: Written | None = None
) -> set[FormattedTriple]:
    """The triples with their terms written as Turtle; ``written`` keeps the terms written so
    far, for the next call on overlapping triples."""
    written = written_terms() if written is None else written
    known = written.get

    def write(node: URIRef | Literal) -> str:
        text = written[node] = term(node, PREFIX_ORDER)
        return text

    # a term met before (most are) costs a lookup, not a call
    return {
        (known(s) or write(s), known(p) or write(p), known(o) or write(o)) for s, p, o in triples
    }


def turtle_body(triples: Iterable[FormattedTriple]) -> str:
    """Subject blocks, sorted by subject, predicate (``a`` first) and object."""
    return sorted_body(sorted(triples))


def sorted_body(ordered: Iterable[FormattedTriple]) -> str:
    """:func:`turtle_body` of triples sorted already (each once): cut from one sorted list,
    several bodies need no sorting of their own."""
    return joined_blocks([subject_block(s, triples) for s, triples in subject_groups(ordered)])


def sorted_triples_text(triples: Iterable[FormattedTriple]) -> list[FormattedTriple]:
    """``sorted(triples)``, subject by subject: the same list, about twice as fast for a plan
    (some 500 subjects of a few triples each, whose IRIs share long beginnings)."""
    by_subject: dict[str, list[FormattedTriple]] = {}
    for triple in triples:
        by_subject.setdefault(triple[0], []).append(triple)
    return [t for subject in sorted(by_subject) for t in sorted(by_subject[subject])]


def subject_groups(
    ordered: Iterable[FormattedTriple],
) -> Iterator[tuple[str, Iterator[FormattedTriple]]]:
    """Sorted triples by subject."""
    return groupby(ordered, key=itemgetter(0))


def subject_block(subject: str, triples: Iterable[FormattedTriple]) -> str:
    """The statement of one subject's sorted triples: ``a`` first (the triples sort as tuples,
    fast, and its objects move up), then each predicate with its objects."""
    typed: list[str] = []
    parts: list[str] = []
    last = ""
    for _, p, o in triples:
        if p == "a":
            typed.append(o)
        elif p == last:
            parts.append(" ,\n        " + o)
        else:
            parts.append(f" ;\n    {p} {o}")
            last = p
    rest = "".join(parts)
    if typed:
        return f"\n{subject}\n    a " + " ,\n        ".join(typed) + rest + " ."
    return f"\n{subject}\n" + rest[3:] + " ."


def joined_blocks(blocks: Sequence[str]) -> str:
    """Subject statements as a Turtle body."""
    return "\n".join(blocks) + "\n" if blocks else ""


def term(node: URIRef | Literal, prefixes: list[tuple[str, str]]) -> str:
    from rdflib import Literal

    if isinstance(node, Literal):
        return literal(node, prefixes)
    return iri_text(str(node), prefixes)


def iri_text(iri: str, prefixes: list[tuple[str, str]] = PREFIX_ORDER) -> str:
    """An IRI (as text) as Turtle writes it: prefixed where a namespace of ``prefixes`` allows,
    else bracketed."""
    if prefixes is PREFIX_ORDER:
        return _prefixed(iri)
    for prefix, namespace in prefixes:
        if iri.startswith(namespace) and LOCAL_NAME.match(iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return _bracketed(iri)


def _prefixed(iri: str) -> str:
    """:func:`term` of an IRI with :data:`PREFIX_ORDER`, found by one look-up."""
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    prefix = NAMESPACE_PREFIXES.get(iri[:cut])
    if prefix is not None and LOCAL_NAME.match(iri, cut):
        return f"{prefix}:{iri[cut:]}"
    return _bracketed(iri)


def _bracketed(iri: str) -> str:
    return "<" + IRI_FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04X}", iri) + ">"


def literal(node: Literal, prefixes: list[tuple[str, str]]) -> str:
    datatype = None if node.datatype is None else str(node.datatype)
    return written_literal(str(node), node.language, datatype, prefixes)


def written_literal(
    lexical: str,
    language: str | None,
    datatype: str | None,
    prefixes: list[tuple[str, str]] = PREFIX_ORDER,
) -> str:
    """A literal of this lexical form, language and datatype (its IRI as text) as Turtle."""
    if datatype is not None:
        bare = BARE.get(datatype)
        if bare is not None and bare.match(lexical):
            return lexical
    quoted = '"' + STRING_SPECIAL.sub(_escape, lexical) + '"'
    if language:
        return f"{quoted}@{language}"
    if datatype and datatype != XSD_STRING:
        return f"{quoted}^^{iri_text(datatype, prefixes)}"
    return quoted


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    return STRING_ESCAPES.get(c) or f"\\u{ord(c):04X}"


def lexical(text: str) -> str:
    """The lexical form of a literal as :func:`term` writes it: ``"北京"@zh`` → ``北京``."""
    if not text.startswith('"'):
        return text
    return ESCAPED.sub(_unescape, text[1 : text.rindex('"')])


def _unescape(m: re.Match[str]) -> str:
    escaped = m.group()
    return UNESCAPES.get(escaped) or chr(int(escaped[2:], 16))


class _Constants(dict[str, str]):
    """IRIs (as text) as Turtle, each written when first used (``rdf:type`` as ``a``)."""

    def __missing__(self, node: str) -> str:
        text = self[node] = "a" if node == TYPE else _prefixed(node)
        return text


CONSTANTS = _Constants()
"""The constants of the plan writer (namespace terms, concepts), written once per process."""
_CONCEPTS: dict[str, tuple[FormattedTriple, ...]] = {}


class TurtleTerms:
    """The plan writer's terms as Turtle text (what :func:`term` writes of the rdflib term
    :class:`~.rdflib_terms.RdflibTerms` makes): a term factory for the build. One per plan: it
    keeps the IRIs it wrote (:attr:`written`), from which the build tells the plan's own
    subjects."""

    constants: Mapping[str, str] = CONSTANTS

    def __init__(self) -> None:
        self.written: dict[str, str] = {}

    def iri(self, node: str) -> str:
        text = self.written.get(node)
        if text is None:
            text = self.written[node] = _prefixed(node)
        return text

    def plain(self, value: str) -> str:
        return written_literal(value, None, None)

    def tagged(self, value: str, language: str) -> str:
        return written_literal(value, language, None)

    def integer(self, value: int) -> str:
        return str(value)  # an integer's lexical form is written bare

    def boolean(self, value: bool) -> str:
        return "true" if value else "false"

    def decimal(self, value: Decimal) -> str:
        return written_literal(f"{value:f}", None, XSD_DECIMAL)  # rdflib's lexical form

    def typed(self, lexical: str, datatype: str) -> str:
        return written_literal(lexical, None, datatype)

    def concept(self, node: str, rows: Rows) -> tuple[FormattedTriple, ...]:
        found = _CONCEPTS.get(node)
        if found is None:
            found = _CONCEPTS[node] = tuple(_formatted(row) for row in rows(node))
        return found


class UnkeptTurtleTerms(TurtleTerms):
    """:class:`TurtleTerms` that keep none of the IRIs they write: for the task families of a
    large canonical action, whose tens of thousands of measures' IRIs (some 400 bytes each,
    as given and as written) would otherwise be held until its last triple is written."""

    def iri(self, node: str) -> str:
        return _prefixed(node)


def _formatted(row: Row) -> FormattedTriple:
    """A row of the vocabulary's index (see :mod:`.concepts`) as Turtle."""
    s, p, o = row
    if len(o) == 1:
        return CONSTANTS[s], CONSTANTS[p], CONSTANTS[str(o[0])]
    lexical, language, datatype = o
    return CONSTANTS[s], CONSTANTS[p], written_literal(str(lexical), language, datatype)
