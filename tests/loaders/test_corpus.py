"""plankg against real plans and passages nobody here wrote (tests/corpus/): the corpus is sound,
and the figures the README reports hold (floors a little under today's, so a change that reads
the genre worse fails)."""

from __future__ import annotations

import pytest

from .corpus_scores import (
    METADATA_FIELDS,
    cases,
    clause_scores,
    inspected,
    metadata_scores,
    target_scores,
)

CASES = cases()
METADATA_FLOORS = {
    "title": 0.90,
    "region": 0.90,
    "region_level": 0.90,
    "province": 0.90,
    "issuer": 0.70,
    "doc_number": 0.80,
    "issued": 0.85,
    "period": 0.90,
    "draft": 0.95,
    "cites": 0.80,
    "headline": 0.85,
    "long_term": 0.60,
    "baseline": 0.65,
}
F1_FLOORS = {"clauses": 0.90, "agencies": 0.85, "targets": 0.80}


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


@pytest.mark.parametrize("field", list(METADATA_FLOORS))
def test_metadata_read_as_a_reader_reads_it(field):
    score = metadata_scores()[field]
    assert score.total >= 5, field
    assert score.share >= METADATA_FLOORS[field], "\n".join(score.wrong)


def test_assignment_clauses_and_their_agencies():
    clauses, agencies = clause_scores()
    assert clauses.f1 >= F1_FLOORS["clauses"], "\n".join(clauses.misses)
    assert agencies.f1 >= F1_FLOORS["agencies"], "\n".join(agencies.misses)


def test_targets():
    targets, _ = target_scores()
    assert targets.f1 >= F1_FLOORS["targets"], "\n".join(targets.misses)


def test_the_national_outline_is_read_as_the_countrys_plan():
    """The beginning of 国发〔2021〕9号 (its PDF's text): the State Council's plan, of no
    province; it stops before its actions, and a warning says so."""
    metadata = inspected("national-outline-2021-plan").metadata
    assert (metadata.region.name, metadata.region.level) == ("中国", "national")
    assert metadata.region.province is None and metadata.region.code is None
    assert (metadata.issuer, metadata.doc_number) == ("国务院", "国发〔2021〕9号")
