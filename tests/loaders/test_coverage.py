"""What the reading of each sample leaves unread, as a reader of the plan finds it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from plankg.loaders.coverage import sentences
from plankg.loaders.read import read_plan, sample_paths
from plankg.loaders.text import Reading

ZHOUKOU, XINZHENG, XINZHOU, NANHU, QUANZHOU = sample_paths()


def test_every_measure_of_the_samples_has_a_lead():
    for path in sample_paths():
        coverage = read_plan(path).coverage
        assert coverage is not None
        assert coverage.measures == coverage.measures_with_lead > 0


def test_sentences_giving_agencies_a_role_outside_the_actions_are_listed():
    coverage = read_plan(XINZHOU).coverage
    assert coverage is not None
    assert [(f.line, f.text[:12]) for f in coverage.unread_clauses] == [
        (145, "市人民政府负责本市《纲要"),
        (147, "各县（市、区）人民政府负"),
    ]


def test_a_target_outside_the_measures_is_listed():
    coverage = read_plan(XINZHOU).coverage
    assert coverage is not None
    assert [f.line for f in coverage.unread_targets] == [26]
    assert "9.32%" in coverage.unread_targets[0].text


def test_missing_metadata_is_named():
    assert read_plan(XINZHENG).coverage.missing == ("issuer", "doc_number", "issued")
    assert read_plan(NANHU).coverage.missing == ("region_code", "doc_number", "issued")
    assert read_plan(QUANZHOU).coverage.missing == ()


@given(st.text(alphabet="科普。;；!?！？\n 　,，a", max_size=40))
def test_sentences_are_what_the_sentence_pattern_finds(text):
    reading = Reading(text)
    pattern = re.compile(r"[^。;!?\n]+[。;!?]?")
    assert list(sentences(reading)) == [m.span() for m in pattern.finditer(reading.norm)]
