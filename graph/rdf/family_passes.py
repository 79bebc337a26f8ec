"""One spooled canonical action grouped into task families from its file, in passes, without
its items held at once: a large corpus's large action has tens of thousands of measures
(23,000 at 5,000 generated plans), each an item with its IRI (some 300 bytes), while what the
grouping needs of each is its plan and which of the action's distinct texts it has (1,022 for
those 23,000).

1. The rows are placed in the citation graph and sorted in the order their items are taken
   (:attr:`~plankg.graph.rdf.families.TaskItem.order`), :data:`ROWS_SORTED` at a time and
   merged, each with the number of its title and text among the action's distinct ones.
2. The sorted rows give the grouping its plans and texts, a reference each
   (:func:`~plankg.graph.rdf.families.grouped`).
3. The rows of the families' first and central members become the families' heads.
4. The rows give each measure's family and similarity, as they are written.

The families are those :func:`~plankg.graph.rdf.families.action_families` makes of the same
items sorted in memory: the same places, texts and plans, in the same order."""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from plankg.graph.rdf.documents import DocumentIndex, DocumentRecord
from plankg.graph.rdf.families import (
    MERGE,
    NO_CITERS,
    THRESHOLD,
    FamilyHead,
    Grouped,
    TaskItem,
    anchor_of,
    central_place,
    grouped,
)
from plankg.graph.rdf.family_space import TEXT_CHARS
from plankg.graph.rdf.sorted_runs import read_parts, write_parts
from plankg.graph.rdf.tasks import citation_depths, citations_between, citers_of
from plankg.loaders.frozen import compared

Row = tuple[str, str, str, str, int]
"""A spooled item: its key, plan, title, text and rank (its canonical action is its file's)."""
OrderedRow = tuple[int, int, str, str, int]
"""A spooled item placed: its depth, rank, plan and key (so rows sort in the order their items
are taken) and the number of its title and text among the action's distinct ones."""
Membership = tuple[str, int, float]
"""A measure's key, its family (its place among the action's families) and its similarity."""
ROWS_SORTED = 2048
"""Rows sorted together, a run on disk of their own until the runs are merged."""
ROWS_MERGED = 128
"""Rows read together from each sorted run as they are merged (the merge holds this many of
each: a large action's 23,000 measures are twelve runs). Sorting 4,096 rows at a time and
merging 256 of each run left a worker 1 MiB more than these (the largest action of 5,000
generated plans)."""


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Placing:
    """Where each plan stands in the citation graph of the plans loaded together (see
    :func:`~plankg.graph.rdf.tasks.placed`): its depth and the plans citing it."""

    depths: dict[str, int]
    citers: dict[str, frozenset[str]]

    @classmethod
    def of(
        cls, records: Mapping[str, DocumentRecord], documents: DocumentIndex | None = None
    ) -> Placing:
        """The placing of the plans ``records`` describe (each plan's record by its key),
        their citations resolved by ``documents`` (by default the index of ``records``)."""
        cites = citations_between(records, documents)
        return cls(citation_depths(cites), citers_of(cites))

    def item(self, canonical: str, row: Row) -> TaskItem:
        key, plan, title, text, rank = row
        cited_by = self.citers.get(plan, NO_CITERS)
        return TaskItem(key, plan, canonical, title, text, rank, self.depths.get(plan, 0), cited_by)


@dataclass(frozen=True)
class SpooledFamilies:
    """One action's families: their heads, and the memberships of its measures, read from the
    sorted rows as they are taken (once)."""

    heads: list[FamilyHead]
    memberships: Iterator[Membership]


def spooled_families(spooled: Path, canonical: str, placing: Placing) -> SpooledFamilies:
    """The families of the items of the canonical action ``canonical`` spooled to
    ``spooled``, placed by ``placing``; the sorted rows are written beside it."""
    ordered, texts = ordered_rows(spooled, placing)
    plans, families = _grouped(ordered, texts)
    heads = _heads(ordered, texts, families, plans, canonical, placing)
    family_of, similarity_of = _places(families, len(plans))
    return SpooledFamilies(heads, _memberships(ordered, family_of, similarity_of))


def ordered_rows(spooled: Path, placing: Placing) -> tuple[Path, list[tuple[str, str]]]:
    """The rows of ``spooled`` placed and sorted (:data:`OrderedRow`) in a file beside it, and
    the action's distinct titles and starts of text, numbered as the rows number them."""
    texts: dict[tuple[str, str], int] = {}
    plans: dict[str, str] = {}
    rows = (_placed(row, placing, plans, texts) for row in read_parts(spooled))
    blocks: list[Path] = []
    while chunk := sorted(islice(rows, ROWS_SORTED)):
        block = spooled.with_suffix(f".rows{len(blocks)}")
        blocks.append(write_parts(block, chunk, ROWS_MERGED))
    ordered = spooled.with_suffix(".ordered")
    write_parts(ordered, heapq.merge(*map(read_parts, blocks)))
    for block in blocks:
        block.unlink()
    return ordered, list(texts)


def _placed(
    row: Row, placing: Placing, plans: dict[str, str], texts: dict[tuple[str, str], int]
) -> OrderedRow:
    key, plan, title, text, rank = row
    plan = plans.setdefault(plan, plan)
    number = texts.setdefault((title, text[:TEXT_CHARS]), len(texts))
    return placing.depths.get(plan, 0), rank, plan, key, number


def _grouped(ordered: Path, texts: Sequence[tuple[str, str]]) -> tuple[list[str], list[Grouped]]:
    """Each sorted row's plan, and the action's families."""
    shared: dict[str, str] = {}
    plans, row_texts = [], []
    for _, _, plan, _, number in read_parts(ordered):
        plans.append(shared.setdefault(plan, plan))
        row_texts.append(texts[number])
    return plans, grouped(row_texts, plans, THRESHOLD, MERGE)


def _heads(
    ordered: Path,
    texts: Sequence[tuple[str, str]],
    families: Sequence[Grouped],
    plans: Sequence[str],
    canonical: str,
    placing: Placing,
) -> list[FamilyHead]:
    """Each family's head, the items of its first and central members read from the rows."""
    centrals = [f.members[central_place(f.similarities)] for f in families]
    wanted = {f.members[0] for f in families} | set(centrals)
    items: dict[int, TaskItem] = {}
    for place, (_, rank, plan, key, number) in enumerate(read_parts(ordered)):
        if place in wanted:
            items[place] = placing.item(canonical, (key, plan, *texts[number], rank))
    heads = []
    for family, central in zip(families, centrals, strict=True):
        first = items[family.members[0]]
        anchor = anchor_of(first, (plans[p] for p in family.members[1:]))
        heads.append(FamilyHead(canonical, first, items[central], anchor))
    return heads


def _places(families: Sequence[Grouped], count: int) -> tuple[array[int], array[float]]:
    """Each of the ``count`` sorted rows' family and similarity."""
    family_of, similarity_of = array("i", bytes(4 * count)), array("d", bytes(8 * count))
    for number, family in enumerate(families):
        for place, similarity in zip(family.members, family.similarities, strict=True):
            family_of[place], similarity_of[place] = number, similarity
    return family_of, similarity_of


def _memberships(
    ordered: Path, family_of: array[int], similarity_of: array[float]
) -> Iterator[Membership]:
    for place, (_, _, _, key, _) in enumerate(read_parts(ordered)):
        yield key, family_of[place], similarity_of[place]
    ordered.unlink()
