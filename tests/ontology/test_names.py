"""The vocabulary's IRIs as text (the build's, without rdflib) are those of the rdflib
namespaces, term for term."""

from __future__ import annotations

import pytest
from plankg.ontology import PK, names
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD


def test_every_ontology_term_is_the_rdflib_namespace_s_as_text():
    terms = names.ontology_terms()
    assert len(terms) > 100 and "Plan" in terms
    assert all(getattr(names.PK, t) == str(PK[t]) for t in terms)


def test_a_misspelt_term_raises():
    with pytest.raises(AttributeError):
        _ = names.PK.Plann


@pytest.mark.parametrize(
    ("text", "rdflib_term"),
    [
        (names.TYPE, RDF.type),
        (names.LABEL, RDFS.label),
        (names.PREF_LABEL, SKOS.prefLabel),
        (names.ALTERNATIVE, DCTERMS.alternative),
        (names.CLASSIFICATION, ORG.classification),
        (names.VERSION_INFO, OWL.versionInfo),
        (names.REVISION_OF, PROV.wasRevisionOf),
        (names.IN_GYEAR, TIME.inXSDgYear),
        (names.DECIMAL, XSD.decimal),
    ],
)
def test_the_other_vocabularies_terms_are_rdflib_s(text, rdflib_term):
    assert text == str(rdflib_term)
