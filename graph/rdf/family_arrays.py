"""The task families' arithmetic in numpy rows, for the large canonical actions of a large
corpus: a measure is compared with every family in one array operation. Imported only when an
action has more measures than :data:`~plankg.graph.rdf.families.SMALL` (numpy's import costs
more than the few measures of a small corpus take in plain dictionaries).

Sums are taken term by term in the order the dictionary arithmetic of
:class:`~plankg.graph.rdf.family_space.DictSpace` takes them, so both give the same families and
similarities, bit for bit (tests/graph/families/test_arithmetic.py)."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from plankg.graph.rdf.family_space import doubled_counts, term_frequency

BLOCK = 64
"""Members whose dot products with their family's sum are taken in one array operation: 256
held 1.5 MiB more in a worker (members × grams as indexes and as floats, and their products) on
an action of 17,000 measures at 5,000 generated plans."""


@dataclass
class ArrayVectors:
    """The TF-IDF vectors of one canonical action's measures, one for each distinct title and
    text, as columns (the action's grams, numbered in order of first appearance) and each
    vector's grams and doubled counts (:func:`~plankg.graph.rdf.family_space.doubled_counts`)
    in its gram order, its unit weights worked out when asked for (:meth:`values`). The
    vectors' grams and counts lie end to end in one array each, in the narrowest integers that
    hold them (:func:`_widened`): 3 bytes a gram. An action of 17,000 measures at 5,000
    generated plans has 2,015 distinct texts of some 245 grams each: 1.4 MiB held, against 3.3
    MiB in two arrays for each vector (6 bytes a gram, and each array's own header) and 10 MiB
    with their weights."""

    columns: dict[str, int]
    grams: np.ndarray
    counts: np.ndarray
    starts: array[int]
    """Where each vector's grams and counts begin, and (last) where the last one's end."""
    shared: list[int]
    """Each measure's vector."""
    frequency: np.ndarray
    """Sublinear term frequency, ``1 + log n``, by doubled count (``n`` is half of it)."""
    rarity: np.ndarray
    """Each column's ``log((1 + N) / (1 + documents) + 1)``."""
    norms: list[float]
    """Each vector's norm before it is made unit."""

    def __len__(self) -> int:
        return len(self.starts) - 1

    def vector_grams(self, vector: int) -> np.ndarray:
        """The columns of ``vector``'s grams, in its gram order."""
        found: np.ndarray = self.grams[_span(self.starts, vector)]
        return found

    def values(self, vector: int) -> np.ndarray:
        """The unit weights of ``vector``: each the product and quotient the dictionary
        arithmetic takes, so the same floats however often they are worked out."""
        return self.weights(vector) / self.norms[vector]

    def weights(self, vector: int) -> np.ndarray:
        span = _span(self.starts, vector)
        weights: np.ndarray = self.frequency[self.counts[span]] * self.rarity[self.grams[span]]
        return weights


def array_vectors(texts: Sequence[tuple[str, str]]) -> ArrayVectors:
    """TF-IDF vectors (sublinear term frequency), unit length, of each title and start of
    text (one for each distinct pair; ``shared``: each pair's). Every weight is the product the
    dictionary arithmetic takes (logarithms by ``math.log``), so the vectors are its vectors."""
    distinct: dict[tuple[str, str], int] = {}
    for key in texts:
        distinct.setdefault(key, len(distinct))
    columns: dict[str, int] = {}
    grams, counts, starts = _counted_grams(distinct, columns)
    times = Counter(distinct[key] for key in texts)
    documents = np.zeros(len(columns), np.int64)
    for index in range(len(distinct)):
        documents[grams[_span(starts, index)]] += times[index]
    total = len(texts)
    rarity = np.array([math.log((1 + total) / (1 + n) + 1) for n in documents.tolist()])
    most = int(counts.max()) if len(counts) else 0
    frequency = np.array([term_frequency(n) if n else 0.0 for n in range(most + 1)])
    shared = [distinct[key] for key in texts]
    vectors = ArrayVectors(columns, grams, counts, starts, shared, frequency, rarity, [])
    for index in range(len(vectors)):
        weights = vectors.weights(index)
        vectors.norms.append(math.sqrt(_ordered_sum(weights * weights)) or 1.0)
    return vectors


def _counted_grams(
    texts: Iterable[tuple[str, str]], columns: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, array[int]]:
    """Each text's grams (their columns, numbered in ``columns`` as first seen) and doubled
    counts (:func:`~plankg.graph.rdf.family_space.doubled_counts`), end to end, and where
    each text's begin, made one text at a time: dictionaries of all of a large action's
    texts at once (a string and a number for each gram of each text) held many times what the
    arrays hold (60 MiB for the 2,015 distinct texts of an action of 17,000 measures at 5,000
    plans)."""
    grams, counts, starts = array("B"), array("B"), array("q", [0])
    for title, text in texts:
        words = doubled_counts(title, text)
        found = [columns.setdefault(gram, len(columns)) for gram in words]
        grams = _widened(grams, len(columns) - 1)
        counts = _widened(counts, max(words.values(), default=0))
        grams.extend(found)
        counts.extend(words.values())
        starts.append(len(grams))
    return _numpy(grams), _numpy(counts), starts


def _span(starts: array[int], vector: int) -> slice:
    """Where the grams and counts of ``vector`` lie, by the ``starts`` of every vector's."""
    return slice(starts[vector], starts[vector + 1])


WIDER = {"B": "H", "H": "I", "I": "L"}
"""Each unsigned integer type of :mod:`array` and the next wider one."""


def _widened(numbers: array[int], most: int) -> array[int]:
    """``numbers`` in unsigned integers wide enough for ``most`` too: the narrowest that hold
    a large action's grams (fewer than 65,536: 9,272 for 2,015 distinct texts) and its doubled
    counts (fewer than 256), 3 bytes a gram rather than 6, not a wider copy made at the end."""
    while most >= 1 << (8 * numbers.itemsize):
        numbers = array(WIDER[numbers.typecode], numbers)
    return numbers


def _numpy(numbers: array[int]) -> np.ndarray:
    """``numbers`` as a numpy array of the same integers, their memory shared."""
    kind = np.dtype(numbers.typecode)
    return np.frombuffer(numbers, kind) if numbers else np.zeros(0, kind)


class ArraySpace:
    """The measures of one canonical action as rows, and the families being formed as rows of
    gram sums (dense over the action's grams), so that an item is compared with every family in
    one array operation.

    Sums are taken term by term in the order the reference arithmetic takes them (a cumulative
    sum over the smaller operand's grams in their order of first appearance), so the families
    and similarities are exactly those of the plain dictionary arithmetic they replace."""

    def __init__(self, vectors: ArrayVectors) -> None:
        self.width = len(vectors.columns)
        self.vectors = replace(vectors, columns={})
        squares = [_ordered_sum(x * x) for x in map(vectors.values, range(len(vectors)))]
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
        grams = self._grams(item)
        self.totals[row, grams] = self._values(item)
        self.order.append(grams)
        self.lengths[row] = len(grams)
        self.norms.append(1.0)
        return row

    def dots(self, item: int, rows: Sequence[int]) -> list[float]:
        """The dot products of ``item`` with the sums of the families ``rows``."""
        if not rows:
            return []
        grams, values = self._grams(item), self._values(item)
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
        array operation for each :data:`BLOCK` members (a family of thousands of measures in
        one would hold several arrays of members × grams at once)."""
        sums: list[float] = []
        for start in range(0, len(members), BLOCK):
            sums += self._block_dots(row, members[start : start + BLOCK])
        return sums

    def _block_dots(self, row: int, members: Sequence[int]) -> list[float]:
        longest = max(len(self._grams(i)) for i in members)
        grams = np.zeros((len(members), longest), np.intp)
        values = np.zeros((len(members), longest))
        for k, i in enumerate(members):
            found = self._grams(i)
            grams[k, : len(found)] = found
            values[k, : len(found)] = self._values(i)
        sums: list[float] = _row_sums(self.totals[row, grams] * values).tolist()
        return sums

    def join(self, row: int, item: int, dot: float) -> None:
        """Add ``item`` to family ``row``, whose sum's dot product with it is ``dot``."""
        squared = self.norms[row] ** 2 + 2 * dot + self.squares[item]
        grams = self._grams(item)
        self._extend_order(row, grams)
        self.totals[row, grams] += self._values(item)
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

    def _grams(self, item: int) -> np.ndarray:
        return self.vectors.vector_grams(self.vectors.shared[item])

    def _values(self, item: int) -> np.ndarray:
        return self.vectors.values(self.vectors.shared[item])

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
