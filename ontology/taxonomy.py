"""Agency types by function, from the SKOS taxonomy in ``agency-types.ttl``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from plankg.ontology.type_names import type_names
from plankg.ontology.vocabulary import PK, PKAT, ontology_graph, zh_en
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

UNCLASSIFIED = PKAT.unclassified


@lru_cache(maxsize=1 << 14)
def agency_types(name: str) -> tuple[URIRef, ...]:
    """The functions of the agency called ``name`` (:func:`.type_names.type_names`) as rdflib
    IRIs."""
    return tuple(URIRef(t) for t in type_names(name))


@cache
def type_labels() -> dict[URIRef, tuple[str, str]]:
    """Each agency type with its (Chinese, English) label."""
    graph = ontology_graph()
    labels = {}
    for concept in graph.subjects(RDF.type, PK.AgencyType):
        if isinstance(concept, URIRef):
            labels[concept] = zh_en(graph, concept, SKOS.prefLabel)
    return labels


def type_code(concept: URIRef) -> str:
    return str(concept)[len(str(PKAT)) :]


FAMILIES_FILE = "agency-families.toml"
OTHER_FAMILY = "other"


@dataclass(frozen=True)
class Family:
    """A broader group of agency types (party organs, education and science, …)."""

    code: str
    zh: str
    en: str


@cache
def type_families() -> dict[URIRef, Family]:
    """Each agency type of the taxonomy with its family (see :func:`families_of`)."""
    return families_of(ontology_graph())


def families_of(graph: Graph) -> dict[URIRef, Family]:
    """Each agency type in ``graph`` with its family: its ``skos:broader`` group where the
    taxonomy gives them, else the family ``agency-families.toml`` lists it in; a type in
    neither is in the family "other"."""
    found = _broader_families(graph) or _listed_families()
    other = next(f for f in family_list(graph) if f.code == OTHER_FAMILY)
    return {t: found.get(t, other) for t in agency_type_terms(graph)}


def agency_type_terms(graph: Graph) -> list[URIRef]:
    """The agency types of the taxonomy, without the groups other types are ``broader`` of."""
    groups = set(graph.objects(None, SKOS.broader))
    terms = graph.subjects(RDF.type, PK.AgencyType)
    return sorted(t for t in terms if isinstance(t, URIRef) and t not in groups)


def _broader_families(graph: Graph) -> dict[URIRef, Family]:
    found = {}
    for concept in agency_type_terms(graph):
        group = graph.value(concept, SKOS.broader)
        if isinstance(group, URIRef):
            zh, en = zh_en(graph, group, SKOS.prefLabel)
            found[concept] = Family(_local_name(group), zh, en)
    return found


def _listed_families() -> dict[URIRef, Family]:
    data = _families_data()
    return {
        PKAT[name]: Family(code, entry["zh"], entry["en"])
        for code, entry in data.items()
        for name in entry["types"]
    }


def family_list(graph: Graph | None = None) -> list[Family]:
    """Every family of the taxonomy (default: plankg's) in legend order: the order of
    ``agency-families.toml``, then the others by code, "other" last."""
    listed = [Family(code, e["zh"], e["en"]) for code, e in _families_data().items()]
    order = {family.code: i for i, family in enumerate(listed)}
    found = {f.code: f for f in _broader_families(graph or ontology_graph()).values()} or {
        f.code: f for f in listed
    }
    found.setdefault(OTHER_FAMILY, next(f for f in listed if f.code == OTHER_FAMILY))
    rank = {code: (code == OTHER_FAMILY, order.get(code, len(order)), code) for code in found}
    return sorted(found.values(), key=lambda f: rank[f.code])


@cache
def _families_data() -> dict[str, dict[str, Any]]:
    text = files("plankg.ontology").joinpath(FAMILIES_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _local_name(term: URIRef) -> str:
    text = str(term)
    return text[len(str(PKAT)) :] if text.startswith(str(PKAT)) else text.rsplit("/", 1)[-1]
