"""An agency's types by its name, as text (no rdflib: the build writes them as Turtle): the
types of the longest alias of ``agency-types.ttl`` the name ends with.
:func:`plankg.ontology.taxonomy.agency_types` gives the same as rdflib IRIs."""

from __future__ import annotations

from functools import cache, lru_cache

from plankg.ontology.index import VocabularyIndex, vocabulary_index
from plankg.ontology.names import AGENCY_TYPES, ALT_LABEL, HIDDEN_LABEL, PK, PREF_LABEL, TYPE

UNCLASSIFIED = AGENCY_TYPES + "unclassified"
NAMES_CACHE = 1024
"""Names whose types are kept: every plan names the same few hundred agencies, and some of
its own place that other plans seldom give. A larger bound only grew a converting worker (after
2,500 generated plans, 16,384 held 1,081 names, for the same 103,419 hits as 1,024)."""


@cache
def aliases() -> dict[str, tuple[str, ...]]:
    """Each matching name (``教育局``) with the types it names, longest first."""
    graph = vocabulary_index()
    found: dict[str, set[str]] = {}
    for concept in graph.subjects_of(TYPE, PK.AgencyType):
        for alias in _matching_names(graph, concept):
            found.setdefault(alias, set()).add(concept)
    ordered = sorted(found, key=lambda a: (-len(a), a))
    return {a: tuple(sorted(found[a])) for a in ordered}


def _matching_names(graph: VocabularyIndex, concept: str) -> set[str]:
    """The Chinese names a type matches by: its preferred, alternative and hidden labels."""
    return {
        str(label[0])
        for predicate in (PREF_LABEL, ALT_LABEL, HIDDEN_LABEL)
        for label in graph.object_rows(concept, predicate)
        if len(label) == 3 and label[1] == "zh"
    }


@lru_cache(maxsize=NAMES_CACHE)
def type_names(name: str) -> tuple[str, ...]:
    """The functions of the agency called ``name``: the types of the longest alias it ends with
    (``市科工信局`` → science and technology, industry and IT), else unclassified."""
    for alias, types in aliases().items():
        if name.endswith(alias):
            return types
    return (UNCLASSIFIED,)
