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
from functools import partial
from itertools import groupby

import numpy as np
from plankg.loaders.script import to_simplified

THRESHOLD = 0.2
MERGE = 0.2
TEXT_CHARS = 150
TEXT_WEIGHT = 0.5
GRAMS = (2, 3)
NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")


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


class _Space:
    """The measures of one canonical action as rows, and the families being formed as rows of
    gram sums (dense over the action's grams), so that an item is compared with every family in
    one array operation.

    Sums are taken term by term in the order the reference arithmetic takes them (a cumulative
    sum over the smaller operand's grams in their order of first appearance), so the families
    and similarities are exactly those of the plain dictionary arithmetic they replace."""

    def __init__(self, vectors: _Vectors) -> None:
        self.width = len(vectors.columns)
        squares = [_ordered_sum(x * x) for x in vectors.values]
        self.grams = [vectors.grams[k] for k in vectors.shared]
        self.values = [vectors.values[k] for k in vectors.shared]
        self.squares = [squares[k] for k in vectors.shared]
        self.totals = np.zeros((0, self.width))
        self.order: list[np.ndarray] = []
        """Each family's grams in their order of first appearance in its sum."""
        self.lengths = np.zeros(0, np.intp)
        """How many grams each family's sum has."""
        self.norms: list[float] = []

    def add(self, item: int) -> int:
        """Start a family with ``item``; its row."""
        row = len(self.norms)
        if row == len(self.totals):
            grown = np.zeros((max(8, 2 * row), self.width))
            grown[:row] = self.totals
            self.totals = grown
            self.lengths = np.concatenate([self.lengths, np.zeros(len(grown) - row, np.intp)])
        self.totals[row, self.grams[item]] = self.values[item]
        self.order.append(self.grams[item])
        self.lengths[row] = len(self.grams[item])
        self.norms.append(1.0)
        return row

    def dots(self, item: int, rows: Sequence[int]) -> list[float]:
        """The dot products of ``item`` with the sums of the families ``rows``."""
        grams, values = self.grams[item], self.values[item]
        if not rows:
            return []
        chosen = np.asarray(rows)
        dots: list[float] = _row_sums(self.totals[chosen[:, None], grams] * values).tolist()
        shorter = np.flatnonzero(self.lengths[chosen] < len(grams))
        if len(shorter):
            dense = np.zeros(self.width)
            dense[grams] = values
            for k in shorter.tolist():
                order = self.order[rows[k]]
                dots[k] = _ordered_sum(self.totals[rows[k], order] * dense[order])
        return dots

    def member_dots(self, row: int, members: Sequence[int]) -> list[float]:
        """The dot products of the family ``row``'s members with its sum (which holds every
        gram of theirs, so each is summed in its own gram order), padded with zeros into one
        array operation."""
        longest = max(len(self.grams[i]) for i in members)
        grams = np.zeros((len(members), longest), np.intp)
        values = np.zeros((len(members), longest))
        for k, i in enumerate(members):
            grams[k, : len(self.grams[i])] = self.grams[i]
            values[k, : len(self.values[i])] = self.values[i]
        sums: list[float] = _row_sums(self.totals[row, grams] * values).tolist()
        return sums

    def join(self, row: int, item: int, dot: float) -> None:
        """Add ``item`` to family ``row``, whose sum's dot product with it is ``dot``."""
        squared = self.norms[row] ** 2 + 2 * dot + self.squares[item]
        grams = self.grams[item]
        self._extend_order(row, grams)
        self.totals[row, grams] += self.values[item]
        self.norms[row] = math.sqrt(max(squared, 0.0)) or 1.0

    def absorb(self, row: int, other: int) -> None:
        """Add family ``other``'s sum to family ``row``'s."""
        self._extend_order(row, self.order[other])
        self.totals[row] += self.totals[other]
        total = self.totals[row, self.order[row]]
        self.norms[row] = math.sqrt(_ordered_sum(total * total)) or 1.0

    def _extend_order(self, row: int, grams: np.ndarray) -> None:
        """Add to family ``row``'s gram order those of ``grams`` its sum does not hold yet
        (called before they are added to the sum)."""
        new = grams[self.totals[row, grams] == 0.0]
        if len(new):
            self.order[row] = np.concatenate([self.order[row], new])
            self.lengths[row] = len(self.order[row])

    def pair(self, a: int, b: int) -> float:
        """The cosine of two families' centroids."""
        if len(self.order[a]) > len(self.order[b]):
            a, b = b, a
        order = self.order[a]
        dot = _ordered_sum(self.totals[a, order] * self.totals[b, order])
        return dot / (self.norms[a] * self.norms[b])


def _ordered_sum(terms: np.ndarray) -> float:
    """The sum of ``terms`` added one after another, from the first (as ``sum`` adds)."""
    return float(np.cumsum(terms)[-1]) if len(terms) else 0.0


def _row_sums(terms: np.ndarray) -> np.ndarray:
    """Each row's terms added one after another, from the first."""
    if terms.shape[1] == 0:
        return np.zeros(terms.shape[0])
    return np.cumsum(terms, axis=1)[:, -1]


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
    space = _Space(_vectors(items))
    found = _merged(space, _assigned(space, items, threshold), merge)
    return [_family(items[0].canonical, space, items, f) for f in found]


def _grams(text: str) -> Counter[str]:
    """Character 2- and 3-grams of the Han characters of ``text``, in simplified script (a
    traditional-script repost of a province's plan shares its grams with its cities')."""
    han = NOT_HAN.sub("", to_simplified(text))
    return Counter(han[i : i + n] for n in GRAMS for i in range(len(han) - n + 1))


@dataclass
class _Vectors:
    """The TF-IDF vectors of one canonical action's measures, one for each distinct title and
    text, as columns (the action's grams, numbered in order of first appearance) and unit
    weights in each vector's gram order."""

    columns: dict[str, int]
    grams: list[np.ndarray]
    values: list[np.ndarray]
    shared: list[int]
    """Each measure's vector."""


def _vectors(items: Sequence[TaskItem]) -> _Vectors:
    """TF-IDF vectors (sublinear term frequency), unit length. Every weight is the product the
    dictionary arithmetic takes (logarithms by ``math.log``), so the vectors are its vectors."""
    keys = [_words_key(item) for item in items]
    distinct: dict[tuple[str, str], int] = {}
    for key in keys:
        distinct.setdefault(key, len(distinct))
    counts = [_words(title, text) for title, text in distinct]
    columns: dict[str, int] = {}
    grams = [
        np.fromiter((columns.setdefault(g, len(columns)) for g in words), np.intp, len(words))
        for words in counts
    ]
    times = Counter(distinct[key] for key in keys)
    documents = np.zeros(len(columns), np.int64)
    for index, found in enumerate(grams):
        documents[found] += times[index]
    total = len(items)
    rarity = np.array([math.log((1 + total) / (1 + n) + 1) for n in documents.tolist()])
    values = [
        _unit(_log_weights(np.fromiter(words.values(), np.float64, len(words))) * rarity[found])
        for words, found in zip(counts, grams, strict=True)
    ]
    return _Vectors(columns, grams, values, [distinct[key] for key in keys])


def _log_weights(counts: np.ndarray) -> np.ndarray:
    """Sublinear term frequency, ``1 + log n``, by ``math.log`` (once for each distinct n)."""
    distinct, where = np.unique(counts, return_inverse=True)
    return np.array([1 + math.log(n) for n in distinct.tolist()])[where]


def _unit(weights: np.ndarray) -> np.ndarray:
    norm = math.sqrt(_ordered_sum(weights * weights)) or 1.0
    return weights / norm


def _words(title: str, text: str) -> dict[str, float]:
    """Gram counts of a title and the start of its text, the text weighted less."""
    words: dict[str, float] = dict(_grams(title))
    for gram, n in _grams(text).items():
        words[gram] = words.get(gram, 0.0) + n * TEXT_WEIGHT
    return words


def _words_key(item: TaskItem) -> tuple[str, str]:
    return item.title, item.text[:TEXT_CHARS]


def _assigned(space: _Space, items: Sequence[TaskItem], threshold: float) -> list[_Family]:
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


def _merged(space: _Space, families: list[_Family], merge: float) -> list[_Family]:
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


def _family(
    canonical: str, space: _Space, items: Sequence[TaskItem], family: _Family
) -> TaskFamily:
    dots = dict(zip(family.members, space.member_dots(family.row, family.members), strict=True))
    members = tuple(
        (items[i], round(dots[i] / space.norms[family.row], 4))
        for i in sorted(family.members, key=lambda i: items[i].order)
    )
    return TaskFamily(canonical, members)
