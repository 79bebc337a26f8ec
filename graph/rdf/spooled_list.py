"""A list kept on disk: each item pickled to a temporary file when it is set, read back when it
is asked for. What a build keeps of each file once the file is written (its warnings, coverage,
counts, agencies and leads, its SHACL findings) goes here, so that the writing process of a
build does not grow by some 12 KiB a plan with the corpus
(:func:`plankg.graph.rdf.batch.build_many`); and, in a :class:`SpooledMapping`, each plan's
document record, which the citations and the task families read once every plan is read.
"""

from __future__ import annotations

import os
import pickle
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Generic, NoReturn, TypeVar, overload

from plankg.files import scratch_file

T = TypeVar("T")
UNSET = -1
"""The start of an item never set. Each item's start and size are kept in arrays, 16 bytes an
item rather than some 120 in a tuple of two integers (a list of a build's 5,000 plans)."""


class SpooledList(Sequence[T], Generic[T]):
    """``count`` items, in order, each set once (in any order) and kept pickled on disk; an
    item never set reads as ``missing(index)``. The file is gone once the list is let go
    (:func:`~plankg.files.scratch_file`). Reads and writes name their offset (``os.pread``,
    ``os.pwrite``), so that threads may read the list at once."""

    def __init__(self, count: int, missing: Callable[[int], T]) -> None:
        self._file = scratch_file("results", buffering=0)
        self._starts = array("q", [UNSET]) * count
        self._sizes = array("q", [0]) * count
        self._end = 0
        self._missing = missing

    def set(self, index: int, item: T) -> None:
        """Keep ``item`` as the ``index``-th, on disk."""
        data = memoryview(pickle.dumps(item, pickle.HIGHEST_PROTOCOL))
        written = 0
        while written < len(data):
            written += os.pwrite(self._file.fileno(), data[written:], self._end + written)
        self._starts[index], self._sizes[index] = self._end, len(data)
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._read(i) for i in range(len(self))[index]]
        return self._read(range(len(self))[index])

    def __iter__(self) -> Iterator[T]:
        return (self._read(i) for i in range(len(self)))

    def _read(self, index: int) -> T:
        start = self._starts[index]
        if start == UNSET:
            return self._missing(index)
        item: T = pickle.loads(os.pread(self._file.fileno(), self._sizes[index], start))
        return item


class SpooledMapping(Mapping[str, T], Generic[T]):
    """A mapping of at most ``count`` keys whose values are kept pickled on disk (a
    :class:`SpooledList`), each key set once with its place among the ``count``; keys are
    iterated in the order of their places, whatever the order they were set in."""

    def __init__(self, count: int) -> None:
        self._values = SpooledList[T](count, _never_set)
        self._places: dict[str, int] = {}

    def set(self, place: int, key: str, value: T) -> None:
        """Keep ``value`` for ``key``, the ``place``-th."""
        self._values.set(place, value)
        self._places[key] = place

    def __getitem__(self, key: str) -> T:
        return self._values[self._places[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._places, key=self._places.__getitem__))

    def __len__(self) -> int:
        return len(self._places)


def _never_set(place: int) -> NoReturn:
    raise KeyError(place)
