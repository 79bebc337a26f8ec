"""Agency types by function, from the SKOS taxonomy in ``agency-types.ttl``."""

from __future__ import annotations

from functools import cache

from plankg.ontology.vocabulary import PK, PKAT, ontology_graph
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

UNCLASSIFIED = PKAT.unclassified


@cache
def aliases() -> dict[str, tuple[URIRef, ...]]:
    """Each alias (``教育局``) with the types it names, longest alias first."""
    graph = ontology_graph()
    found: dict[str, set[URIRef]] = {}
    for concept in graph.subjects(RDF.type, PK.AgencyType):
        for alias in graph.objects(concept, SKOS.altLabel):
            found.setdefault(str(alias), set()).add(concept)  # type: ignore[arg-type]
    ordered = sorted(found, key=lambda a: (-len(a), a))
    return {a: tuple(sorted(found[a])) for a in ordered}


def agency_types(name: str) -> tuple[URIRef, ...]:
    """The functions of the agency called ``name``: the types of the longest alias it ends with
    (``市科工信局`` → science and technology, industry and IT), else unclassified."""
    for alias, types in aliases().items():
        if name.endswith(alias):
            return types
    return (UNCLASSIFIED,)


@cache
def type_labels() -> dict[URIRef, tuple[str, str]]:
    """Each agency type with its (Chinese, English) label."""
    graph = ontology_graph()
    labels = {}
    for concept in graph.subjects(RDF.type, PK.AgencyType):
        by_lang = {
            lit.language: str(lit)
            for lit in graph.objects(concept, SKOS.prefLabel)
            if isinstance(lit, Literal)
        }
        if isinstance(concept, URIRef):
            labels[concept] = (by_lang.get("zh", ""), by_lang.get("en", ""))
    return labels


def type_code(concept: URIRef) -> str:
    return str(concept)[len(str(PKAT)) :]
