"""Sorted runs of triples (as Turtle writes them) kept on disk, merged and written as Turtle
statements without being held in memory at once: the task families of a large corpus, a run
per canonical action, merged with the shared triples into the end of the Turtle file and with
the links across plans into the derived graph of the TriG file
(:func:`plankg.graph.rdf.batch.build_many`); and the sums of a build's report, summed again as
their runs are merged (:class:`SpilledSums`).

The merge of sorted runs, each triple once, is ``sorted(set().union(*runs))`` element by
element (tuples compare the same in both), so what is written is byte for byte what
:func:`~plankg.graph.rdf.turtle.turtle_body` of their union writes.
"""

from __future__ import annotations

import heapq
import pickle
from collections.abc import Iterable, Iterator
from itertools import chain, groupby, islice
from operator import add, itemgetter
from pathlib import Path
from typing import Any, BinaryIO, Generic, TextIO, TypeVar

from plankg.files import scratch_file
from plankg.graph.rdf.turtle import FormattedTriple, subject_block, subject_groups, trig_opening

PART = 1024
"""Triples pickled together in a run's file. A merge of runs holds a part of each: 1,024
rather than 4,096 spared a worker merging the blocks of a large action 2 MiB."""


def write_run(path: Path, ordered: Iterable[FormattedTriple]) -> Path:
    """Write ``ordered`` (sorted triples) to ``path``, a part at a time; the path."""
    return write_parts(path, ordered)


def write_parts(path: Path, items: Iterable[Any], size: int = PART) -> Path:
    """Write ``items`` (picklable) to ``path``, ``size`` of them at a time, to be read back in
    order by :func:`read_parts`; the path."""
    with path.open("wb") as file:
        _write_parts(file, items, size)
    return path


def _write_parts(file: BinaryIO, items: Iterable[Any], size: int = PART) -> None:
    """Pickle ``items`` to ``file``, ``size`` of them in each list."""
    found = iter(items)
    while part := list(islice(found, size)):
        pickle.dump(part, file, pickle.HIGHEST_PROTOCOL)


def read_run(path: Path) -> Iterator[FormattedTriple]:
    """The triples of a run written by :func:`write_run`, in order, a part at a time."""
    return read_parts(path)


def read_parts(path: Path) -> Iterator[Any]:
    """The items of the lists pickled one after another in the file ``path``, in order."""
    with path.open("rb") as file:
        yield from _read_parts(file)


def _read_parts(file: BinaryIO) -> Iterator[Any]:
    while True:
        try:
            part: list[Any] = pickle.load(file)
        except EOFError:
            return
        yield from part


HELD = 4096
"""The triples a :class:`SpilledSet` holds in memory before it writes them to a run."""


class SpilledSet:
    """Triples gathered each once and given back sorted, of which at most ``held`` are in
    memory: beyond, they are written to a sorted run in a temporary file (gone once closed,
    however the process ends) and merged back when asked for. The shared triples of a large
    corpus (its regions, agencies and years: 3,539 at 1,000 generated plans, 18,435 at 5,000)
    grow with its places, and a set of all of them with it."""

    def __init__(self, held: int | None = None) -> None:
        self.held = HELD if held is None else held
        self.triples: set[FormattedTriple] = set()
        self.runs: list[BinaryIO] = []

    def update(self, triples: Iterable[FormattedTriple]) -> None:
        self.triples.update(triples)
        if len(self.triples) >= self.held:
            self._spill()

    def _spill(self) -> None:
        self.runs.append(_sorted_run("shared", self.triples))
        self.triples = set()

    def sorted(self) -> Iterator[FormattedTriple]:
        """Every triple gathered, in order, each once (read once: the runs are read as they
        are merged)."""
        return merged(sorted(self.triples), *_reread(self.runs))

    def close(self) -> None:
        for run in self.runs:
            run.close()
        self.runs.clear()


K = TypeVar("K", str, tuple[str, str])
SUMS_HELD = 8192
"""The keys a :class:`SpilledSums` holds in memory before it writes them to a run."""
SUMS_PART = 256
"""A :class:`SpilledSums` run's items pickled together (a merge holds a part of each run)."""


class SpilledSums(Generic[K]):
    """Whole numbers summed by key, of which at most ``held`` keys are in memory: beyond, the
    sums are written to a sorted run in a temporary file and merged back, summed again, when
    asked for. The totals of a build's report (a sum for each region's lead agency, 60,983 at
    5,000 generated plans, and each distinct agency, 188,133) grow with its places."""

    def __init__(self, held: int | None = None) -> None:
        self.held = SUMS_HELD if held is None else held
        self.sums: dict[K, tuple[int, ...]] = {}
        self.runs: list[BinaryIO] = []

    def add(self, key: K, numbers: tuple[int, ...] = ()) -> None:
        """Add ``numbers`` to the sums of ``key`` (none: only count the key as seen)."""
        found = self.sums.get(key)
        self.sums[key] = numbers if found is None else tuple(map(add, found, numbers))
        if len(self.sums) >= self.held:
            self.runs.append(_sorted_run("sums", self.sums.items(), SUMS_PART))
            self.sums = {}

    def items(self) -> Iterator[tuple[K, tuple[int, ...]]]:
        """Each key and its sums, in the order of the keys (read once: the runs are read as
        they are merged)."""
        runs = [sorted(self.sums.items()), *_reread(self.runs)]
        for key, found in groupby(heapq.merge(*runs, key=itemgetter(0)), key=itemgetter(0)):
            yield key, tuple(map(sum, zip(*(numbers for _, numbers in found), strict=True)))


def _sorted_run(name: str, items: Iterable[Any], size: int = PART) -> BinaryIO:
    """``items`` sorted, in a temporary file (gone once closed, however the process ends)."""
    run = scratch_file(name)
    _write_parts(run, sorted(items), size)
    return run


def _reread(runs: list[BinaryIO]) -> list[Iterator[Any]]:
    """Each of ``runs``, read again from its start as it is iterated."""
    for run in runs:
        run.seek(0)
    return [_read_parts(run) for run in runs]


def merged(*runs: Iterable[FormattedTriple]) -> Iterator[FormattedTriple]:
    """The sorted runs merged, in order, each triple once."""
    last: FormattedTriple | None = None
    for triple in heapq.merge(*runs):
        if triple != last:
            yield triple
            last = triple


def write_body(file: TextIO, ordered: Iterable[FormattedTriple]) -> bool:
    """Write :func:`~plankg.graph.rdf.turtle.sorted_body` of ``ordered`` (sorted, each
    triple once) a subject at a time; whether there was any."""
    written = False
    for subject, triples in subject_groups(ordered):
        file.write(("\n" if written else "") + subject_block(subject, triples))
        written = True
    if written:
        file.write("\n")
    return written


def write_trig_block(file: TextIO, graph: str, ordered: Iterable[FormattedTriple]) -> None:
    """Write :func:`~plankg.graph.rdf.turtle.trig_block` of the body of ``ordered`` (sorted,
    each triple once) a subject at a time: nothing when there is no triple."""
    triples = iter(ordered)
    first = next(triples, None)
    if first is None:
        return
    file.write(trig_opening(graph))
    write_body(file, chain([first], triples))
    file.write("}\n")
