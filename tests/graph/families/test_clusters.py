"""Task families of the samples' 167 measures against a grouping made by reading
(families.json): B-cubed precision and recall."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from plankg.graph.rdf import load_corpus
from plankg.graph.rdf.families import TaskItem, task_families
from plankg.graph.rdf.regions import place_of
from plankg.graph.rdf.tasks import LEVEL_RANKS, cited_first, corpus_records, corpus_tasks
from plankg.ontology import PKCA

CORPUS_TEXTS = Path(__file__).parents[2] / "corpus" / "texts"
FUJIAN = CORPUS_TEXTS / "fujian-province-2022-repost-trad.txt"
OUTLINE = CORPUS_TEXTS / "national-outline-2021-plan.txt"
HAND = json.loads((Path(__file__).parent / "families.json").read_text(encoding="utf-8"))
CANONICAL = {
    (a["region"], a["action_kind"], a["action_no"]): a["canonical"] for a in HAND["actions"]
}
TRUTH = {
    (m["region"], m["action_kind"], m["action_no"], m["measure_no"]): i
    for i, family in enumerate(HAND["families"])
    for m in family["members"]
}


def hand_items(corpus):
    """The samples' measures, each in the canonical action the reader gave its action."""
    return [
        TaskItem(
            key=(plan.region.name, action.kind, action.number, measure.number),
            plan=key,
            canonical=CANONICAL[(plan.region.name, action.kind, action.number)],
            title=measure.title,
            text=measure.text,
        )
        for plan, key in zip(corpus.plans, corpus.keys, strict=True)
        for action in plan.actions
        for measure in action.measures
    ]


@pytest.fixture(scope="module")
def families(corpus):
    return task_families(hand_items(corpus))


@pytest.fixture(scope="module")
def cited_families(corpus):
    """The samples' families with 福建's plan (cited by 泉州) and the outline's beginning (cited
    by all five) loaded with them: cited plans first."""
    extra = load_corpus([FUJIAN, OUTLINE])
    items = [
        replace(item, canonical=item.canonical.removeprefix(str(PKCA["2021-"])))
        for item in corpus_tasks(extra.plans, extra.keys)
    ]
    keyed = zip(corpus.plans, corpus.keys, strict=True)
    levels = {k: LEVEL_RANKS[place_of(p.region).level] for p, k in keyed}
    samples = [replace(item, rank=levels[item.plan]) for item in hand_items(corpus)]
    plans, keys = [*corpus.plans, *extra.plans], [*corpus.keys, *extra.keys]
    return task_families(cited_first([*samples, *items], corpus_records(plans, keys)))


def b_cubed(families) -> tuple[float, float]:
    """Precision and recall over the samples' measures (others loaded with them left out)."""
    found = {
        item.key: i for i, f in enumerate(families) for item, _ in f.members if item.key in TRUTH
    }
    precision = recall = 0.0
    for key in found:
        same_found = {k for k in found if found[k] == found[key]}
        same_truth = {k for k in found if TRUTH[k] == TRUTH[key]}
        precision += len(same_found & same_truth) / len(same_found)
        recall += len(same_found & same_truth) / len(same_truth)
    return precision / len(found), recall / len(found)


def test_every_measure_is_in_one_family(families):
    keys = [item.key for f in families for item, _ in f.members]
    assert len(keys) == len(set(keys)) == 167


def test_no_family_holds_two_measures_of_one_plan(families):
    for family in families:
        plans = [item.plan for item, _ in family.members]
        assert len(plans) == len(set(plans))


def test_the_grouping_agrees_with_a_readers(families):
    precision, recall = b_cubed(families)
    assert precision >= 0.90 and recall >= 0.80, (precision, recall)


def test_a_cited_plan_loaded_with_the_samples_does_not_make_the_grouping_worse(
    families, cited_families
):
    precision, recall = b_cubed(cited_families)
    assert (precision, recall) >= b_cubed(families), (precision, recall)
    quanzhou = next(
        f for f in cited_families if ("泉州市", "提升行动", 1, 1) in {i.key for i, _ in f.members}
    )
    assert quanzhou.anchor is not None and quanzhou.anchor.plan == "350000/2021-2025"


def test_the_same_task_of_two_cities_is_one_family(families):
    teachers = next(
        f for f in families if ("周口市", "提升行动", 1, 3) in {i.key for i, _ in f.members}
    )
    members = {i.key for i, _ in teachers.members}
    assert {("新郑市", "提升行动", 1, 3), ("忻州市", "提升行动", 1, 6)} <= members
    assert teachers.title in {i.title for i, _ in teachers.members}


def test_the_same_plans_give_the_same_families_with_distinct_keys(families):
    digests = [f.digest for f in families]
    assert len(digests) == len(set(digests))
    items = [item for f in reversed(families) for item, _ in f.members]
    assert [f.digest for f in task_families(items)] == digests
