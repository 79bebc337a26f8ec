"""The import files of a corpus written a part at a time hold the nodes, properties and
relationships of the files of the whole graph at once (each node once), give each plan the
digest a push gives it, and the same bytes for the same corpus. No database."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from plankg.graph.neo4j import property_graph
from plankg.graph.neo4j.bulk_files import BulkFilesError, Owners, write_corpus_files
from plankg.graph.neo4j.digests import plan_digest
from plankg.graph.neo4j.import_files import write_import_files
from plankg.graph.neo4j.push import DEFAULT_PLANS_PER_PART
from plankg.graph.rdf.corpus import Corpus
from plankg.graph.rdf.iris import extraction_iri, plan_iri, plan_key, source_iri
from plankg.graph.rdf.replicate import replicated_plans
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS


def rows(paths: list[Path]) -> Counter[frozenset[tuple[str, str]]]:
    """Every row of the files as its (column, cell) pairs, counted."""
    found: Counter[frozenset[tuple[str, str]]] = Counter()
    for path in paths:
        with path.open(encoding="utf-8", newline="") as file:
            header, *body = list(csv.reader(file))
        found.update(frozenset(zip(header, row, strict=True)) for row in body)
    return found


@pytest.fixture(scope="module")
def doubled(corpus):
    """The samples twice (ten plans), so that plans of one part share nodes with another's."""
    plans = replicated_plans(corpus.plans, 2)
    return Corpus(list(plans), [plan_key(p) for p in plans])


@pytest.mark.parametrize("plans_per_part", [1, 3, DEFAULT_PLANS_PER_PART])
def test_the_parts_write_the_rows_of_the_whole_graph(doubled, plans_per_part, tmp_path):
    whole = write_import_files(property_graph(doubled.triples()), tmp_path / "whole")
    written = write_corpus_files(doubled, tmp_path / "parts", plans_per_part)
    nodes = rows(written.files.nodes)
    assert nodes == rows(whole.nodes)
    assert max(nodes.values()) == 1
    assert rows(written.files.relationships) == rows(whole.relationships)
    assert written.triples == len(doubled.triples())
    assert len(written.files.spanning) == len(whole.spanning)


def test_counts_and_digests_are_those_of_a_push(corpus, tmp_path):
    written = write_corpus_files(corpus, tmp_path, 2)
    assert (written.nodes, written.relationships) == (2021, 12701)
    expected = {uri: plan_digest(ts) for part in corpus.plan_parts(2) for uri, ts in part}
    assert written.digests == expected


def same_bytes(first, second) -> bool:
    paths = zip(first.nodes + first.relationships, second.nodes + second.relationships, strict=True)
    return all(a.read_bytes() == b.read_bytes() for a, b in paths)


def test_the_same_corpus_gives_the_same_bytes(corpus, tmp_path):
    first = write_corpus_files(corpus, tmp_path / "a", 2).files
    second = write_corpus_files(corpus, tmp_path / "b", 2).files
    assert same_bytes(first, second)


def test_a_pool_writes_the_bytes_one_process_writes(doubled, tmp_path):
    """Ten parts written by two processes, gathered in order: no leftover chunk."""
    alone = write_corpus_files(doubled, tmp_path / "alone", 1, workers=1)
    pooled = write_corpus_files(doubled, tmp_path / "pooled", 1, workers=2)
    assert same_bytes(alone.files, pooled.files)
    assert (pooled.nodes, pooled.digests) == (alone.nodes, alone.digests)
    assert sorted(p.name for p in (tmp_path / "pooled").iterdir()) == sorted(
        p.name for p in (tmp_path / "alone").iterdir()
    )


def test_names_given_by_parts_apart_are_those_given_in_order(corpus, tmp_path):
    """Two predicates of one local name, met by the first and the last of five parts: written
    apart, both parts would name theirs ``sourceNote``; in order the later one gets another
    key, and the pool's part is written again under the names of the parts before it."""
    first, last = (str(plan_iri(key)) for key in (corpus.keys[0], corpus.keys[-1]))
    links = [
        (URIRef(first), URIRef("https://a.example/terms#sourceNote"), Literal("a")),
        (URIRef(last), URIRef("https://b.example/terms#sourceNote"), Literal("b")),
    ]
    alone = write_corpus_files(corpus, tmp_path / "alone", 1, links, workers=1)
    pooled = write_corpus_files(corpus, tmp_path / "pooled", 1, links, workers=2)
    assert same_bytes(alone.files, pooled.files)
    notes = {
        (column, cell)
        for row in rows(pooled.files.nodes)
        for column, cell in row
        if column.startswith(("sourceNote", "ns_sourceNote"))
    }
    assert notes == {("sourceNote:string", "a"), ("sourceNote_plain:string", "b")}


def test_a_node_belongs_to_the_plan_its_iri_lies_under():
    plan = "https://w3id.org/plankg/id/plan/410100/2021-2025"
    owners = Owners([plan, plan + "-draft"])
    assert owners.of(plan + "/youth/m1") == plan
    assert owners.of(plan + "-draft/youth") == plan + "-draft"
    assert owners.of(plan) == plan
    assert owners.of("https://w3id.org/plankg/id/agency/科协") is None


def test_a_plans_source_file_its_passages_and_extractions_are_the_plans():
    """Unless two plans share the file: then its nodes are shared, written by the last part."""
    one, two, three = (f"https://w3id.org/plankg/id/plan/41010{n}/2021-2025" for n in (0, 1, 2))
    owners = Owners([one, two, three], [("aa11", one), ("bb22", two), ("bb22", three)])
    assert owners.of(source_iri("aa11")) == one
    assert owners.of(source_iri("aa11") + "#char=10,42") == one
    assert owners.of(extraction_iri("aa11", "0.1.0")) == one
    assert owners.of(source_iri("bb22") + "#char=10,42") is None
    assert owners.of(extraction_iri("bb22", "0.1.0")) is None
    assert owners.of(source_iri("aa1")) is None


def test_a_plan_stating_a_fact_about_another_plans_node_is_refused(corpus, tmp_path):
    """The parts could not write it with the other plan's node: one line, before the import."""
    first, second = (str(plan_iri(key)) for key in corpus.keys[:2])
    odd = (URIRef(first + "/x"), RDFS.label, Literal("elsewhere"))
    parts = [[(first, [])], [(second, [odd])]]
    with pytest.raises(BulkFilesError, match=r"a fact about <.*/x>, a node of another plan"):
        write_corpus_files(ListedParts(corpus, parts), tmp_path, links=[])


class ListedParts:
    """A corpus whose plan parts are given."""

    def __init__(self, corpus, parts):
        self.keys, self.plans, self.parts = corpus.keys, corpus.plans, parts

    def plan_parts(self, plans_per_part):
        return self.parts
