"""The diagram of the ontology in docs/ is the one the ontology makes (scripts/ontology-diagram)."""

from __future__ import annotations

from pathlib import Path

from plankg.ontology.diagram import ontology_dot

DOCS = Path(__file__).parents[2] / "docs"


def test_the_committed_diagram_is_generated_from_the_ontology():
    assert (DOCS / "ontology.dot").read_text(encoding="utf-8") == ontology_dot()


def test_the_diagram_draws_every_class_its_links_and_the_standard_classes_reused():
    dot = ontology_dot()
    assert '"pk:Plan" -> "pk:Region" [label="region\\n实施地区"]' in dot
    assert '"pk:Target" -> "qudt:QuantityValue" [arrowhead=empty' in dot
    assert '"pk:Plan" -> "time:ProperInterval" [label="dcterms:temporal"' in dot
    assert "pk:actionKind" not in dot  # deprecated
    svg = (DOCS / "ontology.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "pk:Assignment" in svg
