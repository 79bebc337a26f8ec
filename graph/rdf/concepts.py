"""What the data copies of the vocabulary, as the vocabulary's index stores it (text, no
rdflib): a concept's type, labels, notation and broader concept (with the broader concept's
own, for the canonical actions' groups), and a known document (an outline) as
``ontology/actions.ttl`` describes it. The term factories of :mod:`.terms` make their terms of
these rows."""

from __future__ import annotations

from functools import cache

from plankg.ontology.index import Row, vocabulary_index
from plankg.ontology.names import ALTERNATIVE, BROADER, NOTATION, PK, PREF_LABEL, TITLE, TYPE

CONCEPT_PREDICATES = (TYPE, PREF_LABEL, NOTATION, BROADER)
DOCUMENT_PREDICATES = (TYPE, PK.docNumber, TITLE, ALTERNATIVE)


@cache
def concept_rows(concept: str) -> tuple[Row, ...]:
    """The concept's rows, then its broader concepts'."""
    found = _rows(concept, CONCEPT_PREDICATES)
    broader = [str(o[0]) for _, p, o in found if p == BROADER and len(o) == 1]
    return found + tuple(row for b in broader for row in concept_rows(b))


@cache
def document_rows(document: str) -> tuple[Row, ...]:
    return _rows(document, DOCUMENT_PREDICATES)


def _rows(subject: str, predicates: tuple[str, ...]) -> tuple[Row, ...]:
    vocabulary = vocabulary_index()
    return tuple((subject, p, o) for p in predicates for o in vocabulary.object_rows(subject, p))
