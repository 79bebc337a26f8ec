"""The families of agency types: every type has one, from the taxonomy's skos:broader groups
(ontology 0.2.0), which agree with agency-families.toml (the legend order, and the mapping for
a taxonomy without groups)."""

from __future__ import annotations

import tomllib
from collections import Counter
from importlib.resources import files

from plankg.ontology import PK, PKAT, ontology_graph
from plankg.ontology.taxonomy import (
    FAMILIES_FILE,
    OTHER_FAMILY,
    agency_type_terms,
    families_of,
    family_list,
    type_families,
    type_labels,
)
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS


def test_every_agency_type_has_a_family_of_about_eight():
    families = type_families()
    assert set(families) == set(type_labels())
    sizes = Counter(f.code for f in families.values())
    assert 7 <= len(sizes) - 1 <= 9
    assert families[PKAT.unclassified].code == OTHER_FAMILY
    assert families[PKAT.publicity].en == "Party organs"
    assert families[PKAT.science_association].code == "science_education"
    assert [f.code for f in family_list()][-1] == OTHER_FAMILY


def test_the_taxonomy_groups_are_the_families_of_the_file():
    text = files("plankg.ontology").joinpath(FAMILIES_FILE).read_text(encoding="utf-8")
    listed = {PKAT[t]: code for code, e in tomllib.loads(text).items() for t in e["types"]}
    assert set(ontology_graph().objects(PKAT.publicity, SKOS.broader)) == {PKAT.party}
    assert {t: f.code for t, f in type_families().items()} == listed


def test_broader_groups_in_the_taxonomy_are_read_instead_of_the_file():
    graph = Graph()
    graph += ontology_graph()
    graph.remove((None, SKOS.broader, None))
    group = PKAT.group_party
    graph.add((group, RDF.type, SKOS.Concept))
    graph.add((group, SKOS.prefLabel, Literal("党的机关", lang="zh")))
    graph.add((group, SKOS.prefLabel, Literal("Party bodies", lang="en")))
    graph.add((PKAT.publicity, SKOS.broader, group))
    families = families_of(graph)
    assert (families[PKAT.publicity].code, families[PKAT.publicity].zh) == (
        "group_party",
        "党的机关",
    )
    assert families[PKAT.education].code == OTHER_FAMILY
    assert [f.code for f in family_list(graph)] == ["group_party", OTHER_FAMILY]


def test_a_group_typed_as_an_agency_type_is_not_counted_as_a_type():
    graph = Graph()
    graph += ontology_graph()
    graph.add((PKAT.group_party, RDF.type, PK.AgencyType))
    graph.add((PKAT.publicity, SKOS.broader, PKAT.group_party))
    assert PKAT.group_party not in agency_type_terms(graph)
    assert PKAT.publicity in agency_type_terms(graph)
