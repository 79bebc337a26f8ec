"""The push's plans made in a forked process give what the same functions give here: the same
digests part by part, and the same property graph of the plans a part writes."""

from __future__ import annotations

import pytest
from plankg.graph.neo4j.mapping import Mapping
from plankg.graph.neo4j.prepare import ForkedParts, LocalParts, can_fork, foreign_triples
from plankg.graph.rdf.corpus import Corpus
from plankg.graph.rdf.iris import PLAN_PREFIX
from plankg.ontology import PK

pytestmark = pytest.mark.skipif(not can_fork(), reason="processes cannot be forked here")


def summary(graph):
    return (
        graph.mapping.slots(),
        graph.nodes,
        graph.outgoing,
        graph.relationship_props,
        graph.triples,
        [row.created() for row in graph.all_rows()],
    )


def test_forked_parts_give_the_digests_and_graphs_made_here(corpus: Corpus):
    local = LocalParts(corpus.plan_parts(2))
    with ForkedParts(corpus, 2) as forked:
        mapping, parts = Mapping(), 0
        for here, there in zip(local.digests(), forked.digests(), strict=True):
            parts += 1
            assert here == there
            changed = [plan.uri for plan in here][:1]  # the first plan of the part written
            ours, theirs = local.graph(changed, mapping), forked.graph(changed, mapping)
            assert theirs.literals == {} and theirs.made is not None
            assert summary(theirs) == summary(ours)
            mapping = ours.mapping
        assert parts == 3  # five plans, two a part


def test_each_plan_is_digested_once_and_its_citations_of_plans_kept(corpus: Corpus):
    digests = [plan for part in LocalParts(corpus.plan_parts(2)).digests() for plan in part]
    assert [plan.uri for plan in digests] == [uri for uri, _ in next(corpus.plan_parts(5))]
    assert len({plan.digest for plan in digests}) == 5
    for plan in digests:
        assert all(t[0].startswith(PLAN_PREFIX) or t[1] == PK.cites for t in plan.foreign)


def test_foreign_triples_are_those_about_a_cited_plan():
    from rdflib import Literal, URIRef

    me, other = URIRef(f"{PLAN_PREFIX}a"), URIRef(f"{PLAN_PREFIX}b")
    triples = [
        (me, PK.cites, other),
        (other, PK.title, Literal("x")),
        (me, PK.title, Literal("y")),
    ]
    assert foreign_triples(str(me), triples) == triples[:2]
    assert foreign_triples(str(me), triples[1:]) == []
