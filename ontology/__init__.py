"""The plankg vocabulary: the ontology, the SHACL shapes and rules, the agency-type taxonomy and
the canonical actions of the outlines, kept as Turtle files beside this module, and the Python
namespaces derived from them.

The names are those of :mod:`plankg.ontology.vocabulary`, imported when first read (PEP 562), so
that importing a submodule (:mod:`.index`, :mod:`.names`) does not import rdflib."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plankg.ontology.vocabulary import (
        ID,
        ONTOLOGY_IRI,
        PK,
        PKAT,
        PKCA,
        PKP,
        ontology_graph,
        rules_graph,
        shapes_graph,
    )

__all__ = [
    "ID",
    "ONTOLOGY_IRI",
    "PK",
    "PKAT",
    "PKCA",
    "PKP",
    "ontology_graph",
    "rules_graph",
    "shapes_graph",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(import_module("plankg.ontology.vocabulary"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
