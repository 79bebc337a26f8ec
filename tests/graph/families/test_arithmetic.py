"""The grouping's arithmetic, in numpy rows (a large action) and in plain dictionaries (a
small one), equals the dictionary arithmetic as it was before (the oracle below) exactly: the
same families, in the same order, with the same members and similarities, on the samples'
measures and on measures drawn at random (titles from a few Han characters, so that grams
repeat, ties happen and families merge)."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby, pairwise
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plankg.graph.rdf import families as families_module
from plankg.graph.rdf import family_arrays, load_corpus
from plankg.graph.rdf.families import TaskFamily, TaskItem, task_families
from plankg.graph.rdf.family_arrays import ArraySpace, array_vectors
from plankg.graph.rdf.family_space import TEXT_CHARS, TEXT_WEIGHT, DictSpace, Space, grams
from plankg.graph.rdf.tasks import corpus_tasks

Vector = dict[str, float]
HAN = "科学素质教育青少年农民工人老年干部公务员普及基地队伍建设"


def shape(families):
    return [
        (f.canonical, [(item.key, similarity) for item, similarity in f.members]) for f in families
    ]


ARITHMETICS = {"arrays": 0, "dictionaries": 10**9}
"""Each arithmetic, by the :data:`~plankg.graph.rdf.families.SMALL` that chooses it for every
action."""


def grouped(items, arithmetic, **thresholds):
    with patch.object(families_module, "SMALL", ARITHMETICS[arithmetic]):
        return task_families(items, **thresholds)


@pytest.mark.parametrize("arithmetic", ARITHMETICS)
def test_the_samples_measures_group_as_the_dictionary_arithmetic_groups_them(arithmetic):
    corpus = load_corpus()
    items = corpus_tasks(corpus.plans, corpus.keys)
    found = grouped(items, arithmetic)
    assert len(found) == 69
    assert shape(found) == shape(reference_families(items, 0.2, 0.2))


def test_a_small_action_is_grouped_in_dictionaries_a_large_one_in_arrays():
    small = [("科学素质", "")] * families_module.SMALL
    assert isinstance(families_module._space(small), DictSpace)
    assert isinstance(families_module._space([*small, small[0]]), ArraySpace)


@st.composite
def measures(draw):
    count = draw(st.integers(1, 40))
    items = []
    for n in range(count):
        items.append(
            TaskItem(
                key=f"m{n}",
                plan=draw(st.sampled_from("ABCDE")),
                canonical=draw(st.sampled_from(("x", "y"))),
                title=draw(st.text(HAN + "ab ", max_size=14)),
                text=draw(st.text(HAN, max_size=80)),
                rank=draw(st.integers(0, 2)),
            )
        )
    return items


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(measures(), st.sampled_from((0.0, 0.1, 0.2, 0.5)), st.sampled_from((0.05, 0.2, 0.6)))
@pytest.mark.parametrize("arithmetic", ARITHMETICS)
def test_random_measures_group_as_the_dictionary_arithmetic_groups_them(
    arithmetic, items, threshold, merge
):
    found = grouped(items, arithmetic, threshold=threshold, merge=merge)
    assert shape(found) == shape(reference_families(items, threshold, merge))


# The oracle: the grouping with plain dictionaries.


@dataclass
class Family:
    total: Vector
    plans: set[str]
    members: list[tuple[TaskItem, Vector]] = field(default_factory=list)
    norm: float = 1.0

    def similarity(self, vector: Vector) -> float:
        return dot(vector, self.total) / self.norm

    def join(self, item: TaskItem, vector: Vector) -> None:
        squared = self.norm**2 + 2 * dot(vector, self.total) + dot(vector, vector)
        for gram, x in vector.items():
            self.total[gram] = self.total.get(gram, 0.0) + x
        self.norm = math.sqrt(max(squared, 0.0)) or 1.0
        self.members.append((item, vector))
        self.plans.add(item.plan)

    def absorb(self, other: Family) -> None:
        for gram, x in other.total.items():
            self.total[gram] = self.total.get(gram, 0.0) + x
        self.norm = math.sqrt(sum(x * x for x in self.total.values())) or 1.0
        self.members.extend(other.members)
        self.plans |= other.plans


def reference_families(
    items: Iterable[TaskItem], threshold: float, merge: float
) -> list[TaskFamily]:
    ordered = sorted(items, key=lambda i: (i.canonical, *i.order))
    families: list[TaskFamily] = []
    for canonical, group in groupby(ordered, key=lambda i: i.canonical):
        members = list(group)
        found = merged(assigned(members, reference_vectors(members), threshold), merge)
        families.extend(family(canonical, f) for f in found)
    return families


def reference_vectors(items: Sequence[TaskItem]) -> list[Vector]:
    counts: list[dict[str, float]] = []
    for item in items:
        words: dict[str, float] = dict(grams(item.title))
        for gram, n in grams(item.text[:TEXT_CHARS]).items():
            words[gram] = words.get(gram, 0.0) + n * TEXT_WEIGHT
        counts.append(words)
    documents = Counter(gram for words in counts for gram in words)
    total = len(counts)
    found = []
    for words in counts:
        weights = {
            g: (1 + math.log(n)) * math.log((1 + total) / (1 + documents[g]) + 1)
            for g, n in words.items()
            if n > 0
        }
        norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
        found.append({g: x / norm for g, x in weights.items()})
    return found


def dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(g, 0.0) for g, x in a.items())


def assigned(items: Sequence[TaskItem], found: Sequence[Vector], threshold: float) -> list[Family]:
    families: list[Family] = []
    for item, vector in zip(items, found, strict=True):
        scored = [
            (f.similarity(vector), i) for i, f in enumerate(families) if item.plan not in f.plans
        ]
        best = max(scored, default=(0.0, -1))
        if best[1] >= 0 and best[0] >= threshold:
            families[best[1]].join(item, vector)
        else:
            families.append(Family(dict(vector), {item.plan}, [(item, vector)]))
    return families


def merged(families: list[Family], merge: float) -> list[Family]:
    while True:
        pairs = [
            (dot(a.total, b.total) / (a.norm * b.norm), -i, -j)
            for i, a in enumerate(families)
            for j, b in enumerate(families)
            if i < j and not a.plans & b.plans
        ]
        best = max(pairs, default=None)
        if best is None or best[0] < merge:
            return families
        families[-best[1]].absorb(families[-best[2]])
        del families[-best[2]]


def family(canonical: str, found: Family) -> TaskFamily:
    members = tuple(
        (item, round(found.similarity(vector), 4))
        for item, vector in sorted(found.members, key=lambda m: m[0].order)
    )
    return TaskFamily(canonical, members)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(measures(), st.data())
@pytest.mark.parametrize("arithmetic", ARITHMETICS)
def test_the_rows_sums_and_norms_are_the_dictionaries_to_the_last_bit(arithmetic, items, data):
    """Unrounded: every dot product, norm and pair cosine the rows (or the dictionaries) give
    equals the dictionary arithmetic's bit for bit, whatever the joins and merges."""
    found, space = spaced(items, arithmetic)
    expected = reference_vectors(items)
    assert found == expected
    assert [list(v) for v in found] == [list(v) for v in expected]
    families: list[tuple[int, Family]] = []
    members: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        vector = found[index]
        if families and data.draw(st.booleans()):
            row, family = families[data.draw(st.integers(0, len(families) - 1))]
            (expected,) = space.dots(index, [row])
            assert expected == dot(vector, family.total)
            space.join(row, index, expected)
            family.join(item, vector)
            members[row].append(index)
            assert space.norms[row] == family.norm
        else:
            families.append((space.add(index), Family(dict(vector), {item.plan}, [(item, vector)])))
            members[families[-1][0]] = [index]
    for row, family in families:
        assert space.member_dots(row, members[row]) == [
            dot(found[i], family.total) for i in members[row]
        ]
    for (a, first), (b, second) in pairwise(families):
        assert space.pair(a, b) == dot(first.total, second.total) / (first.norm * second.norm)
    if len(families) > 1:
        (a, first), (b, second) = families[0], families[-1]
        space.absorb(a, b)
        first.absorb(second)
        assert space.norms[a] == first.norm
        for index in range(len(items)):
            vector = found[index]
            assert space.dots(index, [a]) == [dot(vector, first.total)]


def spaced(items: Sequence[TaskItem], arithmetic: str) -> tuple[list[Vector], Space]:
    """Each item's vector as a dictionary, and the space of the ``arithmetic``."""
    texts = [(item.title, item.text[:TEXT_CHARS]) for item in items]
    if arithmetic == "dictionaries":
        space = DictSpace(texts)
        return space.vectors, space
    vectors = array_vectors(texts)
    names = list(vectors.columns)
    found = [
        {names[c]: x for c, x in zip(g.tolist(), v.tolist(), strict=True)}
        for g, v in zip(
            map(vectors.vector_grams, range(len(vectors))),
            map(vectors.values, range(len(vectors))),
            strict=True,
        )
    ]
    return [found[k] for k in vectors.shared], ArraySpace(vectors)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(measures(), st.integers(0, 3), st.frozensets(st.sampled_from("ABCDE")))
def test_an_item_placed_in_the_citation_graph_is_the_item_replaced(items, depth, cited_by):
    for item in items:
        assert item.placed(depth, cited_by) == replace(item, depth=depth, cited_by=cited_by)


def test_a_familys_member_dots_taken_a_block_at_a_time_are_those_taken_at_once():
    items = [
        TaskItem(f"m{n}", "A", "x", HAN[n % 7 : n % 7 + 4 + n % 5], HAN[n % 11 :]) for n in range(9)
    ]
    space = ArraySpace(array_vectors([(item.title, item.text) for item in items]))
    row = space.add(0)
    for index in range(1, len(items)):
        space.join(row, index, space.dots(index, [row])[0])
    members = list(range(len(items)))
    at_once = space.member_dots(row, members)
    with patch.object(family_arrays, "BLOCK", 2):
        assert space.member_dots(row, members) == at_once
    assert len(at_once) == 9 and len(set(at_once)) > 1


@given(st.lists(st.lists(st.integers(0, 2**32 - 1), max_size=6), max_size=6))
def test_numbers_widened_as_they_come_are_the_numbers_in_the_narrowest_type(parts):
    numbers = array("B")
    for part in parts:
        numbers = family_arrays._widened(numbers, max(part, default=0))
        numbers.extend(part)
    found = family_arrays._numpy(numbers)
    flat = [n for part in parts for n in part]
    assert found.tolist() == flat
    widest = max(flat, default=0)
    assert found.itemsize == next(size for size in (1, 2, 4) if widest < 1 << (8 * size))
