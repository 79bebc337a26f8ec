"""The plankg vocabulary: the ontology, the SHACL shapes and rules, the agency-type taxonomy and
the canonical actions of the outlines, kept as Turtle files beside this module, and the Python
namespaces derived from them."""

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
