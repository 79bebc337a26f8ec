"""A spooled canonical action grouped from its file in passes gives the families that grouping
its items in memory gives: the same heads, members and similarities, for an action large
enough to be grouped in numpy rows, its rows sorted a few at a time; the rows are sorted in
the order their items are taken, each distinct title and text numbered once."""

from __future__ import annotations

from pathlib import Path

import pytest
from plankg.graph.rdf import family_passes
from plankg.graph.rdf.families import MERGE, SMALL, THRESHOLD, action_families
from plankg.graph.rdf.family_passes import Placing, ordered_rows, spooled_families
from plankg.graph.rdf.sorted_runs import read_parts, write_parts
from plankg.graph.rdf.tasks import plan_tasks

COPIES = 6


@pytest.fixture(scope="module")
def action(corpus):
    """The measures of the samples' largest canonical action, copied into ``COPIES`` plans
    (each copy a plan of its own, the first cited by the others): rows as the spool writes
    them."""
    items = [
        item for p, k in zip(corpus.plans, corpus.keys, strict=True) for item in plan_tasks(p, k)
    ]
    canonicals = [item.canonical for item in items]
    canonical = max(sorted(set(canonicals)), key=canonicals.count)
    rows = [
        (f"{item.key}#{copy}", f"{item.plan}#{copy}", item.title, item.text, item.rank)
        for copy in range(COPIES)
        for item in items
        if item.canonical == canonical
    ]
    assert len(rows) > SMALL
    return canonical, rows


def placing_of(rows) -> Placing:
    """The plans of the first copy cited by every plan of the others."""
    plans = sorted({plan for _, plan, *_ in rows})
    first = [p for p in plans if p.endswith("#0")]
    citers = frozenset(p for p in plans if not p.endswith("#0"))
    return Placing({p: 1 for p in citers}, dict.fromkeys(first, citers))


@pytest.mark.parametrize("sorted_together", [7, 4096])
def test_an_action_grouped_in_passes_is_grouped_as_in_memory(
    action, tmp_path: Path, monkeypatch, sorted_together
):
    monkeypatch.setattr(family_passes, "ROWS_SORTED", sorted_together)
    canonical, rows = action
    placing = placing_of(rows)
    items = sorted((placing.item(canonical, row) for row in reversed(rows)), key=lambda i: i.order)
    expected = action_families(items, THRESHOLD, MERGE)
    found = spooled_families(write_parts(tmp_path / "0.pickle", rows[::-1]), canonical, placing)
    memberships = sorted(found.memberships)
    assert found.heads == [family.head for family in expected]
    assert memberships == sorted(
        (str(item.key), number, similarity)
        for number, family in enumerate(expected)
        for item, similarity in family.members
    )
    assert len(memberships) == len(rows)
    assert any(head.anchor is not None for head in found.heads)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.pickle"]


@pytest.mark.parametrize("sorted_together", [1, 2, 4096])
def test_the_rows_are_sorted_in_the_order_taken_each_text_numbered_once(
    tmp_path, monkeypatch, sorted_together
):
    monkeypatch.setattr(family_passes, "ROWS_SORTED", sorted_together)
    rows = [
        ("m2", "B", "科学素质", "普及科学", 1),
        ("m1", "A", "科学素质", "普及科学", 0),
        ("m4", "C", "科学教育", "普及科学", 0),
        ("m3", "A", "科学教育", "普及科学", 0),
    ]
    spooled = write_parts(tmp_path / "0.pickle", rows)
    ordered, texts = ordered_rows(spooled, Placing({"B": 1, "C": 1}, {}))
    assert texts == [("科学素质", "普及科学"), ("科学教育", "普及科学")]
    assert list(read_parts(ordered)) == [
        (0, 0, "A", "m1", 0),
        (0, 0, "A", "m3", 1),
        (1, 0, "C", "m4", 1),
        (1, 1, "B", "m2", 0),
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.ordered", "0.pickle"]
