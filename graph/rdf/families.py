"""Task families: the measures of different plans that are the same task (周口's
"加强中小学教师科学素质建设" and 新郑's "加强中小学科学教师队伍建设"), grouped within each canonical
action of the outline they implement.

Method: each measure is a vector of character 2- and 3-grams of its title and the start of its
text (in simplified script; TF-IDF within its canonical action, the text weighted half);
measures are taken in order — cited plans before the plans that cite them (the national
outline before the plans citing it, a province's plan before its cities'), then higher levels
first, so a cited plan's measures start the families its citers' measures join (and are their
``anchor``) — and each joins the family whose centroid is most similar, if at least
``threshold`` and the family has no measure of the same plan yet, else starts one; then
families are merged, most similar pair first, while their centroids are at least ``merge``
alike and their plans disjoint. Everything is ordered, so the same plans give the same
families. On the five samples, against a grouping made by reading
(tests/graph/families/families.json: 55 families), 69 families, B-cubed precision 0.96, recall
0.83 (the thresholds were chosen on these samples; no other grouping made by reading exists
yet); the same with 福建's plan, which 泉州's cites, loaded with them.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from plankg.loaders.script import to_simplified

THRESHOLD = 0.2
MERGE = 0.2
TEXT_CHARS = 150
TEXT_WEIGHT = 0.5
GRAMS = (2, 3)
NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")

Vector = dict[str, float]


@dataclass(frozen=True)
class TaskItem:
    """A measure to be grouped."""

    key: Hashable
    """The measure's identity (its IRI, or region, action and number)."""
    plan: str
    canonical: str
    title: str
    text: str
    rank: int = 0
    """Lower first, after ``depth``: a higher-level plan's measures anchor the families."""
    depth: int = 0
    """How many loaded plans stand above the item's plan in the citation graph (0: it cites
    none of them): a cited plan's measures are taken before its citers'."""
    cited_by: frozenset[str] = frozenset()
    """The loaded plans that cite the item's plan, directly or through other loaded plans."""

    @property
    def order(self) -> tuple[int, int, str, str]:
        """The order items are taken in: cited before citing, then by level, plan and key."""
        return (self.depth, self.rank, self.plan, str(self.key))


@dataclass(frozen=True)
class TaskFamily:
    canonical: str
    members: tuple[tuple[TaskItem, float], ...]
    """Each member with its cosine similarity to the family's centroid (rounded)."""

    @property
    def central(self) -> TaskItem:
        """The member most like the family as a whole: its title is the family's."""
        return max(self.members, key=lambda m: (m[1], -self.members.index(m)))[0]

    @property
    def title(self) -> str:
        return self.central.title

    @property
    def anchor(self) -> TaskItem | None:
        """The measure of a cited plan that started the family, when a plan citing it (directly
        or through other loaded plans) has a measure in the family; otherwise none."""
        first = self.members[0][0]
        citers = {item.plan for item, _ in self.members[1:]} & first.cited_by
        return first if citers else None

    @property
    def digest(self) -> str:
        """A key derived from content: the canonical action and the family's first member (the
        highest-level, first plan's measure, by its identity: two measures of one plan may share
        a title), stable while plans are added after it."""
        first = self.members[0][0]
        seed = f"{self.canonical}\x1f{first.plan}\x1f{first.key}"
        return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Family:
    """A family being formed: the sum of its members' vectors and that sum's length, kept as
    members join, so the centroid (the sum made unit length) costs nothing to keep."""

    total: Vector
    plans: set[str]
    members: list[tuple[TaskItem, Vector]] = field(default_factory=list)
    norm: float = 1.0

    def similarity(self, vector: Vector) -> float:
        """The cosine of ``vector`` (unit length) and the family's centroid."""
        return _dot(vector, self.total) / self.norm

    def join(self, item: TaskItem, vector: Vector) -> None:
        squared = self.norm**2 + 2 * _dot(vector, self.total) + _dot(vector, vector)
        for gram, x in vector.items():
            self.total[gram] = self.total.get(gram, 0.0) + x
        self.norm = math.sqrt(max(squared, 0.0)) or 1.0
        self.members.append((item, vector))
        self.plans.add(item.plan)

    def absorb(self, other: _Family) -> None:
        for gram, x in other.total.items():
            self.total[gram] = self.total.get(gram, 0.0) + x
        self.norm = math.sqrt(sum(x * x for x in self.total.values())) or 1.0
        self.members.extend(other.members)
        self.plans |= other.plans


def task_families(
    items: Iterable[TaskItem],
    *,
    threshold: float = THRESHOLD,
    merge: float = MERGE,
) -> list[TaskFamily]:
    """The families of ``items`` (each within its canonical action), in a stable order."""
    ordered = sorted(items, key=lambda i: (i.canonical, *i.order))
    families: list[TaskFamily] = []
    for canonical, group in groupby(ordered, key=lambda i: i.canonical):
        members = list(group)
        vectors = _vectors(members)
        found = _assigned(members, vectors, threshold)
        found = _merged(found, merge)
        families.extend(_family(canonical, f) for f in found)
    return families


def _grams(text: str) -> Counter[str]:
    """Character 2- and 3-grams of the Han characters of ``text``, in simplified script (a
    traditional-script repost of a province's plan shares its grams with its cities')."""
    han = NOT_HAN.sub("", to_simplified(text))
    return Counter(han[i : i + n] for n in GRAMS for i in range(len(han) - n + 1))


def _vectors(items: Sequence[TaskItem]) -> list[Vector]:
    """TF-IDF vectors (sublinear term frequency), unit length."""
    counts: list[dict[str, float]] = []
    for item in items:
        words: dict[str, float] = dict(_grams(item.title))
        for gram, n in _grams(item.text[:TEXT_CHARS]).items():
            words[gram] = words.get(gram, 0.0) + n * TEXT_WEIGHT
        counts.append(words)
    documents = Counter(gram for words in counts for gram in words)
    total = len(counts)
    vectors = []
    for words in counts:
        weights = {
            g: (1 + math.log(n)) * math.log((1 + total) / (1 + documents[g]) + 1)
            for g, n in words.items()
            if n > 0
        }
        vectors.append(_unit(weights))
    return vectors


def _unit(vector: Vector) -> Vector:
    norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
    return {g: x / norm for g, x in vector.items()}


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(g, 0.0) for g, x in a.items())


def _assigned(
    items: Sequence[TaskItem], vectors: Sequence[Vector], threshold: float
) -> list[_Family]:
    families: list[_Family] = []
    for item, vector in zip(items, vectors, strict=True):
        scored = [
            (f.similarity(vector), i) for i, f in enumerate(families) if item.plan not in f.plans
        ]
        best = max(scored, default=(0.0, -1))
        if best[1] >= 0 and best[0] >= threshold:
            families[best[1]].join(item, vector)
        else:
            families.append(_Family(dict(vector), {item.plan}, [(item, vector)]))
    return families


def _merged(families: list[_Family], merge: float) -> list[_Family]:
    """Merge the most alike pair of families with no plan in common, while any is alike
    enough."""
    while True:
        pairs = [
            (_dot(a.total, b.total) / (a.norm * b.norm), -i, -j)
            for i, a in enumerate(families)
            for j, b in enumerate(families)
            if i < j and not a.plans & b.plans
        ]
        best = max(pairs, default=None)
        if best is None or best[0] < merge:
            return families
        families[-best[1]].absorb(families[-best[2]])
        del families[-best[2]]


def _family(canonical: str, family: _Family) -> TaskFamily:
    members = tuple(
        (item, round(family.similarity(vector), 4))
        for item, vector in sorted(family.members, key=lambda m: m[0].order)
    )
    return TaskFamily(canonical, members)
