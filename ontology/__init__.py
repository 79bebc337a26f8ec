"""The plankg vocabulary: the ontology, the SHACL shapes and the agency-type taxonomy, kept as
Turtle files beside this module, and the Python namespaces derived from them."""

from plankg.ontology.vocabulary import ID, PK, PKAT, PKP, ontology_graph, shapes_graph

__all__ = ["ID", "PK", "PKAT", "PKP", "ontology_graph", "shapes_graph"]
