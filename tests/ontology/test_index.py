"""The vocabulary's index and its cache: what a build reads from the cache is what parsing the
files gives, the cache is the same bytes for the same files, and a missing, broken or
unwritable cache only costs the parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from plankg.cache import cache_file, read_value, value_bytes
from plankg.ontology import PK, ontology_graph
from plankg.ontology.index import (
    VOCABULARY_FILES,
    graph_rows,
    parse_vocabulary,
    read_text,
    vocabulary_index,
    vocabulary_sources,
)
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

TEXTS = [read_text(name) for name in VOCABULARY_FILES]


def cache_path(texts: list[str]) -> Path:
    return cache_file("vocabulary", *vocabulary_sources(texts))


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, and the index read again (from it) on the next call."""
    monkeypatch.setenv("PLANKG_CACHE_DIR", str(tmp_path))
    vocabulary_index.cache_clear()
    yield tmp_path
    vocabulary_index.cache_clear()


def test_the_cached_index_equals_a_fresh_derivation(fresh_cache):
    derived = graph_rows(ontology_graph())
    first = vocabulary_index()  # parses, writes the cache
    path = cache_path(TEXTS)
    assert path.parent == fresh_cache and path.is_file()
    vocabulary_index.cache_clear()
    second = vocabulary_index()  # reads the cache
    assert first.rows == second.rows == read_value(path) == derived


def test_the_index_holds_every_triple_but_the_blank_nodes():
    graph, index = ontology_graph(), vocabulary_index()
    named = [
        (s, p, o) for s, p, o in graph if isinstance(s, URIRef) and not o.n3().startswith("_:")
    ]
    assert len(index.rows) == len(named) > 1500
    assert all(o in list(index.objects(s, p)) for s, p, o in named)
    linked = [(s, p, o) for s, p, o in named if isinstance(o, URIRef)]
    assert all(s in list(index.subjects(p, o)) for s, p, o in linked)


def test_the_lookups_answer_as_rdflib_does():
    graph, index = ontology_graph(), vocabulary_index()
    assert set(index.subjects(RDF.type, PK.AgencyType)) == set(
        graph.subjects(RDF.type, PK.AgencyType)
    )
    concept = URIRef("https://w3id.org/plankg/agency-type/education")
    assert set(index.objects(concept, SKOS.prefLabel)) == set(
        graph.objects(concept, SKOS.prefLabel)
    )
    assert Literal("教育", lang="zh") in set(index.objects(concept, SKOS.prefLabel))
    assert index.value(concept, RDF.type) == graph.value(concept, RDF.type)
    assert index.has_object(concept, PK.AgencyType) and not index.has_object(concept, PK.Plan)


def test_the_cache_is_the_same_bytes_for_the_same_files():
    """Each parse names the blank nodes anew; the cache, without them and sorted, does not
    change."""
    first, second = parse_vocabulary(TEXTS), parse_vocabulary(TEXTS)
    assert value_bytes(graph_rows(first)) == value_bytes(graph_rows(second))


def test_an_edited_file_is_read_afresh_not_from_the_cache():
    edited = [TEXTS[0] + "\n# edited\n", *TEXTS[1:]]
    assert cache_path(edited) != cache_path(TEXTS)


def test_a_broken_cache_is_replaced(fresh_cache):
    path = cache_path(TEXTS)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(value_bytes(graph_rows(ontology_graph()))[:-40])
    assert read_value(path) is None
    assert vocabulary_index().rows == graph_rows(ontology_graph())
    assert read_value(path) == graph_rows(ontology_graph())


def test_a_cache_folder_that_cannot_be_written_costs_only_the_parse(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PLANKG_CACHE_DIR", str(blocked / "plankg"))
    vocabulary_index.cache_clear()
    try:
        assert vocabulary_index().rows == graph_rows(ontology_graph())
    finally:
        vocabulary_index.cache_clear()
