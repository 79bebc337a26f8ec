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
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import groupby

from plankg.graph.rdf.family_space import TEXT_CHARS, DictSpace, Space

THRESHOLD = 0.2
MERGE = 0.2
SMALL = 40
"""An action with at most this many measures is grouped in plain dictionaries
(:class:`~plankg.graph.rdf.family_space.DictSpace`); a larger one in numpy rows
(:mod:`plankg.graph.rdf.family_arrays`, imported then): the same families and similarities,
bit for bit. Up to about this size the dictionaries cost less than numpy's import and rows
together (the samples' actions have up to 23 measures; measured in CPU time)."""


NO_CITERS: frozenset[str] = frozenset()
"""The citers of a plan no loaded plan cites: one object for every such item (each
``frozenset()`` is a new object of 216 bytes, 4.7 MiB for the 23,000 measures of a large
action)."""


@dataclass(frozen=True, slots=True)
class TaskItem:
    """A measure to be grouped (with slots: a large action's tens of thousands of items at
    once, 64 bytes each fewer than with a dictionary's room)."""

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
    cited_by: frozenset[str] = NO_CITERS
    """The loaded plans that cite the item's plan, directly or through other loaded plans."""

    def placed(self, depth: int, cited_by: frozenset[str]) -> TaskItem:
        """The item at ``depth`` in the citation graph, cited by ``cited_by`` (what
        ``dataclasses.replace`` does, without its cost: one item per measure of every plan)."""
        return TaskItem(
            self.key, self.plan, self.canonical, self.title, self.text, self.rank, depth, cited_by
        )

    @property
    def order(self) -> tuple[int, int, str, str]:
        """The order items are taken in: cited before citing, then by level, plan and key."""
        return (self.depth, self.rank, self.plan, str(self.key))


@dataclass(frozen=True)
class TaskFamily:
    """Measures of several plans that set the same task, within one canonical action."""

    canonical: str
    members: tuple[tuple[TaskItem, float], ...]
    """Each member with its cosine similarity to the family's centroid (rounded)."""

    @property
    def central(self) -> TaskItem:
        """The member most like the family as a whole: its title is the family's."""
        best = max(range(len(self.members)), key=lambda i: (self.members[i][1], -i))
        return self.members[best][0]

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


def _space(items: Sequence[TaskItem]) -> Space:
    """Dictionaries for a small action, numpy rows for a large one."""
    texts = [(item.title, item.text[:TEXT_CHARS]) for item in items]
    if len(items) <= SMALL:
        return DictSpace(texts)
    from plankg.graph.rdf.family_arrays import ArraySpace, array_vectors

    return ArraySpace(array_vectors(texts))


@dataclass
class _Family:
    """A family being formed: its row in the space, its plans and its members."""

    row: int
    plans: set[str]
    members: list[int] = field(default_factory=list)


def task_families(
    items: Iterable[TaskItem],
    *,
    threshold: float = THRESHOLD,
    merge: float = MERGE,
) -> list[TaskFamily]:
    """The families of ``items`` (each within its canonical action), in a stable order."""
    ordered = sorted(items, key=lambda i: (i.canonical, *i.order))
    groups = [list(group) for _, group in groupby(ordered, key=lambda i: i.canonical)]
    group = partial(action_families, threshold=threshold, merge=merge)
    return [family for found in map(group, groups) for family in found]


def action_families(items: list[TaskItem], threshold: float, merge: float) -> list[TaskFamily]:
    """The families of the measures of one canonical action, in order."""
    space = _space(items)
    found = _merged(space, _assigned(space, items, threshold), merge)
    return [_family(items[0].canonical, space, items, f) for f in found]


def _assigned(space: Space, items: Sequence[TaskItem], threshold: float) -> list[_Family]:
    families: list[_Family] = []
    for index, item in enumerate(items):
        open_ = [k for k, f in enumerate(families) if item.plan not in f.plans]
        rows = [families[k].row for k in open_]
        dots = space.dots(index, rows)
        scored = [
            (dot / space.norms[row], k) for dot, row, k in zip(dots, rows, open_, strict=True)
        ]
        best = max(scored, default=(0.0, -1))
        if best[1] >= 0 and best[0] >= threshold:
            family = families[best[1]]
            space.join(family.row, index, dots[open_.index(best[1])])
            family.members.append(index)
            family.plans.add(item.plan)
        else:
            families.append(_Family(space.add(index), {item.plan}, [index]))
    return families


def _merged(space: Space, families: list[_Family], merge: float) -> list[_Family]:
    """Merge the most alike pair of families with no plan in common, while any is alike
    enough (ties: the earliest pair). Pair similarities are kept and only the merged family's
    are taken again. A family's row is its place in ``families``."""
    alike = {
        (a.row, b.row): space.pair(a.row, b.row)
        for i, a in enumerate(families)
        for b in families[i + 1 :]
        if not a.plans & b.plans
    }
    gone: set[int] = set()
    while alike:
        (a, b), best = max(alike.items(), key=lambda p: (p[1], -p[0][0], -p[0][1]))
        if best < merge:
            break
        kept = families[a]
        space.absorb(a, b)
        kept.members.extend(families[b].members)
        kept.plans |= families[b].plans
        gone.add(b)
        alike = {pair: x for pair, x in alike.items() if a not in pair and b not in pair}
        for other in families:
            row = other.row
            if row != a and row not in gone and not kept.plans & other.plans:
                pair = (min(a, row), max(a, row))
                alike[pair] = space.pair(*pair)
    return [f for f in families if f.row not in gone]


def _family(canonical: str, space: Space, items: Sequence[TaskItem], family: _Family) -> TaskFamily:
    dots = dict(zip(family.members, space.member_dots(family.row, family.members), strict=True))
    members = tuple(
        (items[i], round(dots[i] / space.norms[family.row], 4))
        for i in sorted(family.members, key=lambda i: items[i].order)
    )
    return TaskFamily(canonical, members)
