"""Task families of the samples' 167 measures against a grouping made by reading
(families.json): B-cubed precision and recall."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from plankg.graph.rdf.families import TaskItem, task_families

HAND = json.loads((Path(__file__).parent / "families.json").read_text(encoding="utf-8"))
CANONICAL = {
    (a["region"], a["action_kind"], a["action_no"]): a["canonical"] for a in HAND["actions"]
}
TRUTH = {
    (m["region"], m["action_kind"], m["action_no"], m["measure_no"]): i
    for i, family in enumerate(HAND["families"])
    for m in family["members"]
}


@pytest.fixture(scope="module")
def families(corpus):
    items = [
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
    return task_families(items)


def b_cubed(families) -> tuple[float, float]:
    found = {item.key: i for i, f in enumerate(families) for item, _ in f.members}
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
