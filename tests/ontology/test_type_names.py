"""An agency's types as text are those :func:`plankg.ontology.taxonomy.agency_types` gives as
rdflib IRIs."""

from __future__ import annotations

import pytest
from plankg.ontology import PKAT
from plankg.ontology.taxonomy import agency_types
from plankg.ontology.type_names import UNCLASSIFIED, type_names


@pytest.mark.parametrize("name", ["市科工信局", "区教体局", "市科协", "市委宣传部", "某某办"])
def test_the_types_of_a_name_are_the_taxonomy_s(name):
    assert type_names(name) == tuple(str(t) for t in agency_types(name))


def test_a_name_no_alias_ends_is_unclassified():
    assert type_names("某某办") == (UNCLASSIFIED,) == (str(PKAT.unclassified),)
