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

from plankg.graph.build import PREFIXES, Triple
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


def serialize_turtle(triples: Iterable[Triple], prefixes: Mapping[str, str] = ALL_PREFIXES) -> str:
    ordered = sorted(prefixes.items(), key=lambda kv: len(kv[1]), reverse=True)
    lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(prefixes.items())]
    for subject, group in groupby(sorted(triples, key=_sort_key), key=lambda t: t[0]):
        lines.append("")
        lines.append(term(subject, ordered))
        by_predicate = groupby(group, key=lambda t: t[1])
        blocks = [
            f"    {_predicate(p, ordered)} "
            + " ,\n        ".join(term(o, ordered) for _, _, o in objs)
            for p, objs in by_predicate
        ]
        lines.append(" ;\n".join(blocks) + " .")
    return "\n".join(lines) + "\n"


def _sort_key(triple: Triple) -> tuple[str, int, str, str, str, str]:
    s, p, o = triple
    literal = isinstance(o, Literal)
    return (
        str(s),
        0 if p == RDF.type else 1,
        str(p),
        str(o),
        str(o.datatype or "") if literal else "",
        str(o.language or "") if literal else "",
    )


def _predicate(p: URIRef, prefixes: list[tuple[str, str]]) -> str:
    return "a" if p == RDF.type else term(p, prefixes)


def term(node: URIRef | Literal, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(node, Literal):
        return literal(node, prefixes)
    iri = str(node)
    for prefix, namespace in prefixes:
        if iri.startswith(namespace) and LOCAL_NAME.match(iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
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
