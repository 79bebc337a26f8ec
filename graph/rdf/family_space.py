"""The plain arithmetic of the task families (:mod:`plankg.graph.rdf.families`): a measure's
title and the start of its text as character grams, TF-IDF weights in dictionaries, and the
families' gram sums, every sum taken term by term from the first. It groups the measures of a
small action; :mod:`plankg.graph.rdf.family_arrays` does the same arithmetic in numpy rows for a
large one."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import Protocol

from plankg.loaders.script import to_simplified

TEXT_CHARS = 150
TITLE_TIMES = 2
TEXT_WEIGHT = 1 / TITLE_TIMES
"""A gram of the text counts half one of the title: the weight of a gram, its count in the
title plus half its count in the text, is half of its title count twice plus its text count
(:func:`doubled_counts`), exactly (whole numbers and halves are exact floats)."""
GRAMS = (2, 3)
NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")
Vector = dict[str, float]


def grams(text: str) -> Counter[str]:
    """Character 2- and 3-grams of the Han characters of ``text``, in simplified script (a
    traditional-script repost of a province's plan shares its grams with its cities')."""
    return Counter(_gram_list(text))


def _gram_list(text: str) -> list[str]:
    """The grams of :func:`grams`, each time it occurs, the 2-grams first."""
    han = NOT_HAN.sub("", to_simplified(text))
    return [han[i : i + n] for n in GRAMS for i in range(len(han) - n + 1)]


def doubled_counts(title: str, text: str) -> Counter[str]:
    """The grams of a title and the start of its text, the text weighted less: each gram's
    weight (its count in the title plus :data:`TEXT_WEIGHT` of its count in the text) times
    :data:`TITLE_TIMES`, as whole numbers (each gram of the title counted that many times, one
    of the text once); the title's grams in their order, then the text's it lacks, in theirs,
    in one count of the grams of both (not a title's count updated gram by gram)."""
    title_grams = _gram_list(title)
    return Counter(chain(*[title_grams] * TITLE_TIMES, _gram_list(text)))


class Space(Protocol):
    """The measures of one canonical action (numbered by their place) and the gram sums of the
    families being formed (numbered as :meth:`add` returns them)."""

    norms: list[float]

    def add(self, item: int) -> int: ...
    def dots(self, item: int, rows: Sequence[int]) -> list[float]: ...
    def member_dots(self, row: int, members: Sequence[int]) -> list[float]: ...
    def join(self, row: int, item: int, dot: float) -> None: ...
    def absorb(self, row: int, other: int) -> None: ...
    def pair(self, a: int, b: int) -> float: ...


class DictSpace:
    """The plain arithmetic: each measure a dictionary of unit TF-IDF weights (sublinear term
    frequency, logarithms by ``math.log``), each family a dictionary of their sums in the
    order its grams first appeared; every sum taken term by term from the first."""

    def __init__(self, texts: Sequence[tuple[str, str]]) -> None:
        self.vectors = dict_vectors(texts)
        self.squares = [_square(v) for v in self.vectors]
        self.totals: list[Vector] = []
        self.norms: list[float] = []

    def add(self, item: int) -> int:
        self.totals.append(dict(self.vectors[item]))
        self.norms.append(1.0)
        return len(self.norms) - 1

    def dots(self, item: int, rows: Sequence[int]) -> list[float]:
        return [_dot(self.vectors[item], self.totals[row]) for row in rows]

    def member_dots(self, row: int, members: Sequence[int]) -> list[float]:
        return [_dot(self.vectors[i], self.totals[row]) for i in members]

    def join(self, row: int, item: int, dot: float) -> None:
        squared = self.norms[row] ** 2 + 2 * dot + self.squares[item]
        _add_to(self.totals[row], self.vectors[item])
        self.norms[row] = math.sqrt(max(squared, 0.0)) or 1.0

    def absorb(self, row: int, other: int) -> None:
        total = _add_to(self.totals[row], self.totals[other])
        self.norms[row] = math.sqrt(_square(total)) or 1.0

    def pair(self, a: int, b: int) -> float:
        """The cosine of two families' centroids."""
        return _dot(self.totals[a], self.totals[b]) / (self.norms[a] * self.norms[b])


def dict_vectors(texts: Sequence[tuple[str, str]]) -> list[Vector]:
    """The TF-IDF vector (sublinear term frequency, unit length, its grams in order of first
    appearance) of each title and start of text; one for each distinct pair."""
    counts = {key: doubled_counts(*key) for key in texts}
    documents: Counter[str] = Counter()
    for key in texts:
        documents.update(counts[key].keys())
    total = len(texts)
    by_count = {n: math.log((1 + total) / (1 + n) + 1) for n in set(documents.values())}
    rarity = {g: by_count[n] for g, n in documents.items()}
    found = {n for words in counts.values() for n in words.values()}
    frequency = {n: term_frequency(n) for n in found}
    vectors = {key: _unit_weights(words, frequency, rarity) for key, words in counts.items()}
    return [vectors[key] for key in texts]


def term_frequency(doubled: int) -> float:
    """Sublinear term frequency, ``1 + log n``, of a gram whose weight ``n`` is half its
    doubled count (by ``math.log``: the dictionary and the array arithmetic take the same)."""
    return 1 + math.log(doubled * TEXT_WEIGHT)


def _unit_weights(words: Counter[str], frequency: dict[int, float], rarity: Vector) -> Vector:
    """Sublinear term frequency (``1 + log n`` of a gram's weight n, each n's once, found by
    its doubled count) times the gram's rarity (``log((1 + N) / (1 + documents) + 1)``),
    divided by the norm."""
    weights = [frequency[n] * rarity[g] for g, n in words.items()]
    norm = math.sqrt(_sum_of_squares(weights)) or 1.0
    return dict(zip(words, [x / norm for x in weights], strict=True))


def _dot(a: Vector, b: Vector) -> float:
    """The dot product, summed term by term over the shorter vector's grams in order. The
    grams the other lacks are skipped: their terms are +0.0, which leaves a sum of positive
    weights as it is, so the sum is the one over every gram, bit for bit."""
    if len(a) > len(b):
        a, b = b, a
    total = 0.0
    for gram in filter(b.__contains__, a):
        total += a[gram] * b[gram]
    return total


def _square(a: Vector) -> float:
    """The dot product of ``a`` with itself, term by term in order."""
    return _sum_of_squares(a.values())


def _sum_of_squares(values: Iterable[float]) -> float:
    """The squares of ``values`` added in order (as the floats of the families were)."""
    total = 0.0
    for x in values:
        total += x * x
    return total


def _add_to(total: Vector, vector: Vector) -> Vector:
    for gram, x in vector.items():
        total[gram] = total.get(gram, 0.0) + x
    return total
