"""The digest a push stores of each plan: a second push of unchanged plans sends nothing, a
changed plan is still replaced exactly, no digest outlives the state it describes, and the task
families in the database are those of all the plans it holds (a real Neo4j)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest
from plankg.graph.neo4j.digests import FAMILIES, forget_digests, plan_digest, stored_plans
from plankg.graph.neo4j.push import push_corpus, push_plans
from plankg.graph.neo4j.read import read_triples, stored_counts
from plankg.graph.neo4j.rows import property_graph
from plankg.graph.rdf.build import graph_of
from plankg.graph.rdf.corpus import Corpus, load_corpus
from plankg.graph.rdf.iris import plan_iri
from plankg.graph.rdf.tasks import FAMILY_PREFIX
from plankg.loaders.model import Citation, Span
from plankg.ontology import PK
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import Namespace

CORPUS = Path(__file__).parents[2] / "corpus" / "texts"

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")


def test_the_digest_of_a_plan_is_its_triples_in_order_with_every_literal_detail():
    triples = [(S, P, Literal("1")), (S, P, URIRef("https://example.org/o"))]
    assert plan_digest(triples) == plan_digest(list(triples))
    assert len(plan_digest(triples)) == 64
    different = [
        [(S, P, Literal("1", datatype=XSD.integer)), triples[1]],
        [(S, P, Literal("1", lang="zh")), triples[1]],
        [(S, P, Literal("https://example.org/o")), (S, P, Literal("1"))],
        list(reversed(triples)),
        triples[:1],
    ]
    digests = {plan_digest(t) for t in different}
    assert len(digests) == len(different) and plan_digest(triples) not in digests


def edited(corpus: Corpus, region: str = "泉州市") -> tuple[Corpus, str]:
    """The samples with ``region``'s plan cut to its first two actions, and that plan's IRI."""
    index = next(i for i, p in enumerate(corpus.plans) if p.region.name == region)
    plan = corpus.plans[index]
    digest = hashlib.sha256(b"edited").hexdigest()
    cut = replace(plan, actions=plan.actions[:2], source=replace(plan.source, sha256=digest))
    plans = [cut if i == index else p for i, p in enumerate(corpus.plans)]
    return Corpus(plans, list(corpus.keys)), str(plan_iri(corpus.keys[index]))


def alone(corpus: Corpus, index: int) -> Corpus:
    return Corpus([corpus.plans[index]], [corpus.keys[index]])


def families(triples):
    """The family nodes with their facts, and every membership with its similarity."""
    return {
        t
        for t in triples
        if t[1] in (PK.memberOf, PK.similarity) or str(t[0]).startswith(FAMILY_PREFIX)
    }


def counts(connection):
    stored = stored_counts(connection)
    return stored.nodes, stored.relationships


pytestmark = pytest.mark.neo4j


def test_a_second_push_of_unchanged_plans_sends_nothing(neo4j, corpus, triples):
    first = push_corpus(neo4j, corpus)
    second = push_corpus(neo4j, corpus)
    assert first.changed and first.plans_skipped == 0
    assert second.plans_skipped == 5 and second.batches == 0 and not second.changed
    assert "5 plans skipped" in second.summary()
    assert read_triples(neo4j) == triples
    graph = property_graph(triples)
    assert counts(neo4j) == (graph.node_count, graph.relationship_count)


def test_a_changed_plan_is_still_replaced_exactly(neo4j, corpus):
    push_corpus(neo4j, corpus)
    changed, uri = edited(corpus)
    report = push_corpus(neo4j, changed, replace=True)
    assert report.plans_skipped == 4 and report.nodes_deleted > 0
    back = read_triples(neo4j)
    assert back == changed.triples()
    assert isomorphic(graph_of(back), graph_of(changed.triples()))
    assert stored_plans(neo4j, [uri])[uri].digest is not None
    again = push_corpus(neo4j, changed, replace=True)
    assert again.plans_skipped == 5 and not again.changed


def test_a_plan_pushed_over_another_version_is_not_skipped_until_replaced(neo4j, corpus):
    """Without --replace a push adds to what is stored (an RDF union): the plan's subgraph is
    then neither version, so no digest is kept and a push with --replace is not skipped."""
    push_corpus(neo4j, corpus)
    changed, uri = edited(corpus)
    union = push_corpus(neo4j, changed)
    assert union.plans_skipped == 4
    assert stored_plans(neo4j, [uri])[uri].digest is None
    exact = push_corpus(neo4j, changed, replace=True)
    assert exact.plans_skipped == 4 and exact.nodes_deleted > 0
    assert read_triples(neo4j) == changed.triples()


def test_a_push_cut_off_by_a_failing_batch_is_repaired_by_a_rerun(neo4j, corpus, triples):
    """The second part fails: the first part's plans are written, no digest is recorded (not
    even theirs), and a rerun writes every plan and the families."""

    def failing():
        yield corpus.plan_parts(2)[0]
        raise RuntimeError("the batch failed")

    with pytest.raises(RuntimeError, match="the batch failed"):
        push_plans(neo4j, failing(), tasks=corpus.tasks())
    written = stored_plans(neo4j, [str(plan_iri(k)) for k in corpus.keys])
    assert [s.present for s in written.values()] == [True, True, False, False, False]
    assert not any(s.digest for s in written.values())
    rerun = push_corpus(neo4j, corpus)
    assert rerun.plans_skipped == 0
    assert read_triples(neo4j) == triples


def test_a_lost_digest_makes_the_next_push_write_that_plan_again(neo4j, corpus, triples):
    push_corpus(neo4j, corpus)
    uri = str(plan_iri(corpus.keys[1]))
    forget_digests(neo4j, [uri])
    rerun = push_corpus(neo4j, corpus)
    assert rerun.plans_skipped == 4 and not rerun.changed
    assert stored_plans(neo4j, [uri])[uri].digest is None  # a union: not known to be exact
    replaced = push_corpus(neo4j, corpus, replace=True)
    assert replaced.plans_skipped == 4 and stored_plans(neo4j, [uri])[uri].digest is not None
    forget_digests(neo4j, [FAMILIES])
    families_again = push_corpus(neo4j, corpus)
    assert families_again.plans_skipped == 5 and families_again.batches > 0
    assert read_triples(neo4j) == triples


def test_plans_pushed_one_by_one_have_the_families_of_all(neo4j, corpus, triples):
    for index in range(len(corpus.plans)):
        push_corpus(neo4j, alone(corpus, index))
    back = read_triples(neo4j)
    assert families(back) == families(triples)
    assert back == triples


def test_two_plans_pushed_one_by_one_have_the_families_of_both(neo4j, corpus):
    both = Corpus(corpus.plans[:2], corpus.keys[:2])
    push_corpus(neo4j, both)
    together = families(read_triples(neo4j))
    neo4j.write(lambda tx: tx.run("MATCH (n:Resource) DETACH DELETE n").consume())
    forget_digests(neo4j, [*(str(plan_iri(k)) for k in both.keys), FAMILIES])
    push_corpus(neo4j, alone(corpus, 0))
    push_corpus(neo4j, alone(corpus, 1))
    assert families(read_triples(neo4j)) == together
    assert len({o for _, p, o in together if p == PK.memberOf}) > 0


def test_replacing_one_plan_leaves_no_family_of_its_old_version(neo4j, corpus):
    push_corpus(neo4j, corpus)
    changed, uri = edited(corpus)
    index = changed.keys.index(uri.rsplit("/plan/", 1)[1])
    push_corpus(neo4j, alone(changed, index), replace=True)
    back = read_triples(neo4j)
    assert families(back) == families(changed.triples())
    assert back == changed.triples()


def citing(corpus: Corpus) -> Corpus:
    """The samples with 泉州市's plan first, citing 周口市's plan by its 文号 as well."""
    index = next(i for i, p in enumerate(corpus.plans) if p.region.name == "泉州市")
    plan = corpus.plans[index]
    cited = Citation(
        "周口市全民科学素质行动规划纲要实施方案", "周政办〔2022〕54号", Span(0, 0, 1, 1, "")
    )
    first = replace(plan, citations=(*plan.citations, cited))
    others = [i for i in range(len(corpus.plans)) if i != index]
    plans = [first, *(corpus.plans[i] for i in others)]
    return Corpus(plans, [corpus.keys[index], *(corpus.keys[i] for i in others)])


def test_replacing_a_cited_plan_keeps_the_citation(neo4j, corpus):
    """泉州市's plan cites 周口市's; replacing 周口市's deletes its node and the citation with it.
    Pushed with it (in an earlier part, skipped), 泉州市's citation is written again; pushed
    without it, 泉州市's plan forgets its digest, so the next push writes it again."""
    before = citing(corpus)
    plan = str(plan_iri(before.keys[0]))
    cites = (URIRef(plan), PK.cites, plan_iri(before.keys[1]))
    push_corpus(neo4j, before, plans_per_part=1)
    assert cites in read_triples(neo4j)
    after, _ = edited(before, "周口市")
    report = push_corpus(neo4j, after, replace=True, plans_per_part=1)
    assert report.plans_skipped == 4
    assert read_triples(neo4j) == after.triples()
    assert stored_plans(neo4j, [plan])[plan].digest is not None
    push_corpus(neo4j, alone(before, 1), replace=True)
    assert cites not in read_triples(neo4j)
    assert stored_plans(neo4j, [plan])[plan].digest is None
    again = push_corpus(neo4j, before, replace=True)
    assert again.plans_skipped == 4  # all but 泉州市
    assert read_triples(neo4j) == before.triples()


def test_a_cited_plan_anchors_its_citers_families_in_the_database_as_in_the_build(neo4j, corpus):
    """福建's plan (闽政办〔2022〕13号), cited by 泉州市's, pushed with the samples; then 忻州市's
    plan changed and pushed alone: the families made again over the stored plans keep 福建's
    measure as the anchor the build gives it (the stored citation places it first)."""
    fujian = load_corpus([CORPUS / "fujian-province-2022-repost-trad.txt"])
    both = Corpus([*corpus.plans, *fujian.plans], [*corpus.keys, *fujian.keys])
    push_corpus(neo4j, both)
    changed, uri = edited(both, "忻州市")
    push_corpus(neo4j, alone(changed, changed.keys.index(uri.rsplit("/plan/", 1)[1])), replace=True)
    expected = {t for t in changed.triples() if t[1] == PK.anchor}
    assert len(expected) == 1
    back = read_triples(neo4j)
    assert {t for t in back if t[1] == PK.anchor} == expected
    assert families(back) == families(changed.triples())
