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
from array import array
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


@dataclass(frozen=True, slots=True)
class FamilyHead:
    """What a family says of itself: its canonical action, its first member (by which it is
    named), its central member (whose title is its title) and its anchor."""

    canonical: str
    first: TaskItem
    central: TaskItem
    anchor: TaskItem | None
    """The measure of a cited plan that started the family, when a plan citing it (directly
    or through other loaded plans) has a measure in the family; otherwise none."""

    @property
    def title(self) -> str:
        return self.central.title

    @property
    def digest(self) -> str:
        """A key derived from content: the canonical action and the family's first member (the
        highest-level, first plan's measure, by its identity: two measures of one plan may share
        a title), stable while plans are added after it."""
        first = self.first
        seed = f"{self.canonical}\x1f{first.plan}\x1f{first.key}"
        return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:16]


def anchor_of(first: TaskItem, plans: Iterable[str]) -> TaskItem | None:
    """``first`` when one of ``plans`` (those of a family's other members) cites its plan."""
    return first if first.cited_by.intersection(plans) else None


@dataclass(frozen=True)
class TaskFamily:
    """Measures of several plans that set the same task, within one canonical action."""

    canonical: str
    members: tuple[tuple[TaskItem, float], ...]
    """Each member with its cosine similarity to the family's centroid (rounded)."""

    @property
    def central(self) -> TaskItem:
        """The member most like the family as a whole: its title is the family's."""
        return self.members[central_place([s for _, s in self.members])][0]

    @property
    def anchor(self) -> TaskItem | None:
        return self.head.anchor

    @property
    def head(self) -> FamilyHead:
        first = self.members[0][0]
        anchor = anchor_of(first, (item.plan for item, _ in self.members[1:]))
        return FamilyHead(self.canonical, first, self.central, anchor)

    @property
    def title(self) -> str:
        return self.central.title

    @property
    def digest(self) -> str:
        return self.head.digest


def central_place(similarities: Sequence[float]) -> int:
    """The place of the member most like its family (the first of the most alike)."""
    return max(range(len(similarities)), key=lambda i: (similarities[i], -i))


def _space(texts: Sequence[tuple[str, str]]) -> Space:
    """Dictionaries for a small action, numpy rows for a large one."""
    if len(texts) <= SMALL:
        return DictSpace(texts)
    from plankg.graph.rdf.family_arrays import ArraySpace, array_vectors

    return ArraySpace(array_vectors(texts))


@dataclass
class _Family:
    """A family being formed: its row in the space, its plans and its members (their places,
    4 bytes each in an array rather than an integer object and a list's slot, 36)."""

    row: int
    plans: int
    """Its plans as bits, a plan's bit its number in the order plans are first taken (a set
    of a large family's thousands of plans took some 60 bytes for each)."""
    members: array[int] = field(default_factory=lambda: array("i"))


@dataclass(frozen=True, slots=True)
class Grouped:
    """A family as places in the sequence of measures grouped: its members' places, in order,
    and their similarities to its centroid (rounded), in arrays (a large action's tens of
    thousands of members)."""

    members: array[int]
    similarities: array[float]


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
    """The families of the measures of one canonical action, taken in the order of ``items``
    (sorted by :attr:`TaskItem.order`), in order."""
    texts = [(item.title, item.text[:TEXT_CHARS]) for item in items]
    found = grouped(texts, [item.plan for item in items], threshold, merge)
    return [
        TaskFamily(
            items[0].canonical,
            tuple((items[i], s) for i, s in zip(f.members, f.similarities, strict=True)),
        )
        for f in found
    ]


def grouped(
    texts: Sequence[tuple[str, str]], plans: Sequence[str], threshold: float, merge: float
) -> list[Grouped]:
    """The families of one canonical action's measures, given by their titles and starts of
    text and their plans in the order they are taken: what :func:`action_families` groups,
    without the items (a large action's measures need not be held while they are grouped)."""
    space = _space(texts)
    found = _merged(space, _assigned(space, plans, threshold), merge)
    return [_grouped(space, family) for family in found]


def _assigned(space: Space, plans: Sequence[str], threshold: float) -> list[_Family]:
    families: list[_Family] = []
    numbers: dict[str, int] = {}
    for index, plan in enumerate(plans):
        bit = 1 << numbers.setdefault(plan, len(numbers))
        open_ = [k for k, f in enumerate(families) if not f.plans & bit]
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
            family.plans |= bit
        else:
            families.append(_Family(space.add(index), bit, array("i", [index])))
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


def _grouped(space: Space, family: _Family) -> Grouped:
    """The family's members in the order they are taken (by place: a merged family's are
    not in order until sorted) and their similarities."""
    members = array("i", sorted(family.members))
    norm = space.norms[family.row]
    dots = space.member_dots(family.row, members)
    return Grouped(members, array("d", [round(dot / norm, 4) for dot in dots]))
