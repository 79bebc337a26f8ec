"""A fast, deterministic Turtle writer for plan graphs.

rdflib's serializer takes longer than parsing all five plans; this writer sorts subjects,
predicates and objects and writes each term one way only, so the same triples always give the
same bytes. It writes no blank nodes (plan graphs have none). The tests re-parse its output with
rdflib and compare graphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import groupby
from operator import itemgetter

from plankg.graph.rdf.build import PREFIXES, Quad, Triple
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
INTEGER = re.compile(r"[+-]?\d+\Z")
DECIMAL = re.compile(r"[+-]?\d*\.\d+\Z")
STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
STRING_SPECIAL = re.compile(r'[\\"\x00-\x1f\x7f]')
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
ALL_PREFIXES = {
    **PREFIXES,
    "rdf": str(RDF),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": str(XSD),
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


def trig_block(graph: URIRef, body: str) -> str:
    """The triples of ``body`` (Turtle statements) as a block of the named graph ``graph``; a
    graph may have several blocks, whose triples TriG unites."""
    return f"\n{term(graph, PREFIX_ORDER)} {{{body}}}\n" if body else ""


def turtle_header(prefixes: Mapping[str, str] = ALL_PREFIXES) -> str:
    return "\n".join(f"@prefix {p}: <{ns}> ." for p, ns in sorted(prefixes.items())) + "\n"


Written = dict[URIRef | Literal, str]
"""Terms already written as Turtle: one per call of :func:`format_triples`, or shared by the
calls that format overlapping triples (see :func:`written_terms`)."""


def written_terms() -> Written:
    return {RDF.type: "a"}


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
    lines: list[str] = []
    for subject, group in groupby(sorted(triples), key=itemgetter(0)):
        blocks = [
            f"    {p} " + " ,\n        ".join([o for _, _, o in objs])
            for p, objs in groupby(group, key=itemgetter(1))
        ]
        typed = next((i for i, block in enumerate(blocks) if block.startswith("    a ")), 0)
        if typed:  # ``a`` first: the triples sort as tuples (fast), then its block moves up
            blocks.insert(0, blocks.pop(typed))
        lines.append(f"\n{subject}\n" + " ;\n".join(blocks) + " .")
    return "\n".join(lines) + "\n" if lines else ""


def term(node: URIRef | Literal, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(node, Literal):
        return literal(node, prefixes)
    iri = str(node)
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
    lexical = str(node)
    if node.datatype == XSD.integer and INTEGER.match(lexical):
        return lexical
    if node.datatype == XSD.decimal and DECIMAL.match(lexical):
        return lexical
    if node.datatype == XSD.boolean and lexical in ("true", "false"):
        return lexical
    quoted = '"' + STRING_SPECIAL.sub(_escape, lexical) + '"'
    if node.language:
        return f"{quoted}@{node.language}"
    if node.datatype and node.datatype != XSD.string:
        return f"{quoted}^^{term(node.datatype, prefixes)}"
    return quoted


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    return STRING_ESCAPES.get(c) or f"\\u{ord(c):04X}"
