"""Sorted runs of triples (as Turtle writes them) kept on disk, merged and written as Turtle
statements without being held in memory at once: the task families of a large corpus, a run
per canonical action, merged with the shared triples into the end of the Turtle file and with
the links across plans into the derived graph of the TriG file
(:func:`plankg.graph.rdf.batch.build_many`).

The merge of sorted runs, each triple once, is ``sorted(set().union(*runs))`` element by
element (tuples compare the same in both), so what is written is byte for byte what
:func:`~plankg.graph.rdf.turtle.turtle_body` of their union writes.
"""

from __future__ import annotations

import heapq
import pickle
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any, TextIO

from plankg.graph.rdf.turtle import FormattedTriple, subject_block, subject_groups, trig_opening

PART = 4096
"""Triples pickled together in a run's file."""


def write_run(path: Path, ordered: Sequence[FormattedTriple]) -> Path:
    """Write ``ordered`` (sorted triples) to ``path``, a part at a time; the path."""
    with path.open("wb") as file:
        for start in range(0, len(ordered), PART):
            pickle.dump(list(ordered[start : start + PART]), file, pickle.HIGHEST_PROTOCOL)
    return path


def read_run(path: Path) -> Iterator[FormattedTriple]:
    """The triples of a run written by :func:`write_run`, in order, a part at a time."""
    return read_parts(path)


def read_parts(path: Path) -> Iterator[Any]:
    """The items of the lists pickled one after another in the file ``path``, in order."""
    with path.open("rb") as file:
        while True:
            try:
                part: list[Any] = pickle.load(file)
            except EOFError:
                return
            yield from part


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
