"""The vocabulary as a semantic-web reviewer reads it: a versioned, licensed ontology whose every
term says where it is defined and what it is called in Chinese and English; SKOS schemes with
top concepts, notations, definitions and no label used twice; the standard terms it reuses used
as they are defined."""

from __future__ import annotations

from collections import Counter

import pytest
from plankg.ontology import ONTOLOGY_IRI, PK, ontology_graph
from plankg.ontology.vocabulary import read_turtle
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

ONTOLOGY = URIRef(ONTOLOGY_IRI)
VANN = Namespace("http://purl.org/vocab/vann/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")


@pytest.fixture(scope="module")
def ontology():
    return read_turtle("plankg.ttl")


@pytest.fixture(scope="module")
def vocabulary():
    return ontology_graph()


def pk_terms(graph):
    return sorted(
        {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(str(PK))}
    )


def test_the_header_names_version_licence_creator_and_prefix(ontology):
    version = str(ontology.value(ONTOLOGY, OWL.versionInfo))
    assert ontology.value(ONTOLOGY, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{version}")
    assert ontology.value(ONTOLOGY, DCTERMS.license) == URIRef("https://spdx.org/licenses/MIT")
    assert ontology.value(ONTOLOGY, DCTERMS.creator) is not None
    assert str(ontology.value(ONTOLOGY, VANN.preferredNamespacePrefix)) == "pk"
    assert str(ontology.value(ONTOLOGY, VANN.preferredNamespaceUri)) == str(PK)


def test_every_term_is_defined_by_the_ontology_and_labelled_in_chinese_and_english(ontology):
    terms = pk_terms(ontology)
    assert len(terms) > 90
    for term in terms:
        assert ontology.value(term, RDFS.isDefinedBy) == ONTOLOGY, term
        labels = [*ontology.objects(term, RDFS.label), *ontology.objects(term, SKOS.prefLabel)]
        assert {label.language for label in labels} >= {"zh", "en"}, term


def test_no_two_terms_share_a_chinese_label(vocabulary):
    """Within the ontology and within each concept scheme (two outlines may each have a
    科普基础设施工程: their schemes tell them apart)."""

    def zh_labels(subjects):
        return Counter(
            str(label)
            for s in subjects
            for p in (RDFS.label, SKOS.prefLabel)
            for label in vocabulary.objects(s, p)
            if isinstance(label, Literal) and label.language == "zh"
        )

    groups = {"ontology": [s for s in pk_terms(vocabulary)]}
    for scheme in vocabulary.subjects(RDF.type, SKOS.ConceptScheme):
        groups[str(scheme)] = list(vocabulary.subjects(SKOS.inScheme, scheme))
    for name, subjects in groups.items():
        repeated = [label for label, n in zh_labels(subjects).items() if n > 1]
        assert not repeated, (name, repeated)


def test_skos_labels_are_disjoint_and_matching_names_are_not_shared_alt_labels(vocabulary):
    """S13: no concept has one string as two kinds of label; an alternative label is one
    concept's; a name two concepts share (科工信局) is a hidden label of both."""
    for concept in set(vocabulary.subjects(SKOS.inScheme, None)):
        kinds = [
            {str(v) for v in vocabulary.objects(concept, p)}
            for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
        ]
        assert not (kinds[0] & kinds[1] or kinds[0] & kinds[2] or kinds[1] & kinds[2]), concept
    alt = Counter(str(v) for _, v in vocabulary.subject_objects(SKOS.altLabel))
    assert [a for a, n in alt.items() if n > 1] == []
    assert len(set(vocabulary.objects(None, SKOS.hiddenLabel))) > 5


def test_every_scheme_has_top_concepts_and_every_concept_a_place_notation_and_definition(
    vocabulary,
):
    schemes = set(vocabulary.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(schemes) == 9
    for scheme in schemes:
        tops = set(vocabulary.objects(scheme, SKOS.hasTopConcept))
        assert tops and tops == set(vocabulary.subjects(SKOS.topConceptOf, scheme)), scheme
        notations = Counter()
        for concept in vocabulary.subjects(SKOS.inScheme, scheme):
            placed = (concept, SKOS.topConceptOf, scheme) in vocabulary or vocabulary.value(
                concept, SKOS.broader
            )
            assert placed, concept
            assert vocabulary.value(concept, SKOS.definition) is not None, concept
            notations[str(vocabulary.value(concept, SKOS.notation))] += 1
        assert all(n == 1 for n in notations.values()) and "None" not in notations, scheme


def test_agency_types_are_grouped_in_families(vocabulary):
    from plankg.ontology import PKAT

    assert vocabulary.value(PKAT.education, SKOS.broader) == PKAT.science_education
    assert (PKAT.party, SKOS.narrower, PKAT.publicity) in vocabulary
    assert vocabulary.value(PKAT.unclassified, SKOS.topConceptOf) == PKAT.scheme


def test_standard_terms_are_used_as_they_are_defined(ontology):
    """No assignment is an ORG membership role or a PROV influence; shortcuts are declared
    by a property chain of the role-free involvement and a rule per role."""
    assert (PK.Role, RDFS.subClassOf, SKOS.Concept) in ontology
    assert (PK.Role, RDFS.subClassOf, ORG.Role) not in ontology
    assert (PK.assignedAgency, RDFS.subPropertyOf, PROV.agent) not in ontology
    assert ontology.value(PK.involvedIn, OWL.propertyChainAxiom) is not None
    for shortcut in (PK.leads, PK.partnersIn, PK.responsibleFor):
        assert (shortcut, RDFS.subPropertyOf, PK.involvedIn) in ontology
    assert (PK.Baseline, RDFS.subClassOf, PK.Target) not in ontology


def test_terms_of_the_last_version_are_deprecated_with_their_replacement(ontology):
    deprecated = set(ontology.subjects(OWL.deprecated, Literal(True)))
    assert {PK.actionKind, PK.value, PK.unit, PK.year, PK.periodStart, PK.periodEnd} <= deprecated
    assert all(ontology.value(t, DCTERMS.isReplacedBy) is not None for t in deprecated)


def test_the_terms_read_as_attributes_are_rdflibs():
    """``PK``'s terms are kept as its attributes (a fast read): each is the IRI rdflib's closed
    namespace gives, and a misspelt term still raises."""
    terms = [
        s[len(str(PK)) :]
        for s in ontology_graph().subjects()
        if isinstance(s, URIRef) and s.startswith(PK)
    ]
    assert len(terms) > 90
    assert all(getattr(PK, t) == PK[t] == URIRef(f"{PK}{t}") for t in terms)
    with pytest.raises(AttributeError):
        _ = PK.Plann
