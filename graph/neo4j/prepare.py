"""Where a push's Python work is done: the plans' triples, their digests, and the property
graph of the plans a part writes.

A corpus's plans are made into triples, digested and turned into rows by a second process
(:class:`ForkedParts`), so that this one, which sends the rows, and the server work beside
it: on two cores, the push no longer waits for Python between parts. The process is a fork of
this one (it inherits the plans read, nothing is copied to it) and goes through the parts in
order, one step ahead of the push: while the push sends a part, it digests the next.

Parts given as triples (:class:`LocalParts`) are digested and turned into rows here, as are
all parts where processes cannot be forked or the corpus is a single part (forking would cost
more than it saves).

Either way the same functions make the same graph: :func:`plan_digests` and
:func:`changed_graph`.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

from plankg.graph.neo4j.derived import Derived
from plankg.graph.neo4j.digests import SEP, joined, plan_digest
from plankg.graph.neo4j.mapping import Mapping
from plankg.graph.neo4j.rows import PropertyGraph, property_graph
from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.corpus import Corpus
from plankg.graph.rdf.iris import PLAN_PREFIX
from plankg.ontology import PK
from rdflib import URIRef

PlanTriples = tuple[str, Sequence[Triple]]
"""A plan's IRI and its triples, in the order they are made."""
CITES_PLAN = f"{SEP}{PK.cites}{SEP}{PLAN_PREFIX}"


@dataclass(frozen=True)
class PlanDigest:
    """A plan of a part: its IRI, the digest of its triples, and its triples about the plans
    it cites (:func:`foreign_triples`)."""

    uri: str
    digest: str
    foreign: list[Triple]


class Parts(Protocol):
    """A push's plans, a part at a time: each part's digests, then the graph of the plans of
    that part it writes."""

    def digests(self) -> Iterator[list[PlanDigest]]:
        """Each part's plans and digests, in order."""
        ...

    def graph(self, changed: Sequence[str], mapping: Mapping) -> PropertyGraph:
        """The property graph of the plans ``changed`` of the part last given, under
        ``mapping``."""
        ...


def plan_digests(part: Sequence[PlanTriples]) -> list[PlanDigest]:
    digests = []
    for uri, triples in part:
        listed = list(triples)
        text = joined(listed)
        foreign = foreign_triples(uri, listed) if CITES_PLAN in text else []
        digests.append(PlanDigest(uri, plan_digest(listed, text), foreign))
    return digests


def foreign_triples(plan: str, triples: Sequence[Triple]) -> list[Triple]:
    """The triples of ``plan`` about another plan it cites (the citation, and what the citation
    says of the cited plan): what deleting the cited plan's node takes with it."""
    cited = {o for _, p, o in triples if p == PK.cites and o.startswith(PLAN_PREFIX)}
    cited.discard(URIRef(plan))
    if not cited:
        return []
    return [t for t in triples if t[0] in cited or (t[1] == PK.cites and t[2] in cited)]


def changed_graph(
    part: Sequence[PlanTriples], changed: Sequence[str], mapping: Mapping
) -> PropertyGraph:
    """The property graph of the triples of the plans ``changed`` of ``part`` (a triple two
    of them share counted once)."""
    wanted = set(changed)
    triples = dict.fromkeys(t for uri, listed in part if uri in wanted for t in listed)
    return property_graph(list(triples), mapping)


class LocalParts:
    """Parts given as triples, digested and made into rows in this process."""

    def __init__(self, parts: Iterable[Sequence[PlanTriples]]) -> None:
        self.parts = parts
        self.part: Sequence[PlanTriples] = ()

    def digests(self) -> Iterator[list[PlanDigest]]:
        for part in self.parts:
            self.part = part
            yield plan_digests(part)

    def graph(self, changed: Sequence[str], mapping: Mapping) -> PropertyGraph:
        return changed_graph(self.part, changed, mapping)


class ForkedParts:
    """A corpus's parts made by a forked process, one step ahead of the push (a context
    manager: the process ends with it)."""

    def __init__(self, corpus: Corpus, plans_per_part: int) -> None:
        context = multiprocessing.get_context("fork")
        self.pool = ProcessPoolExecutor(
            1, mp_context=context, initializer=_start, initargs=(corpus, plans_per_part)
        )
        self.next: Future[list[PlanDigest] | None] | None = None

    def digests(self) -> Iterator[list[PlanDigest]]:
        while (digests := self._next_digests()) is not None:
            yield digests

    def _next_digests(self) -> list[PlanDigest] | None:
        future, self.next = self.next, None
        return (future or self.pool.submit(_digests)).result()

    def graph(self, changed: Sequence[str], mapping: Mapping) -> PropertyGraph:
        graph = self.pool.submit(_graph, list(changed), mapping)
        self.next = self.pool.submit(_digests)  # made while the push sends this part
        return graph.result()

    def __enter__(self) -> ForkedParts:
        return self

    def __exit__(
        self,
        failure: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.pool.shutdown(cancel_futures=True)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


# The forked process's state: the parts to come, and the one last digested.
_parts: Iterator[list[tuple[str, list[Triple]]]] = iter(())
_part: list[tuple[str, list[Triple]]] = []


def _start(corpus: Corpus, plans_per_part: int) -> None:
    global _parts
    gc.disable()  # as in the push: the rows are acyclic, the collector would walk them for nothing
    _parts = corpus.plan_parts(plans_per_part)


def _digests() -> list[PlanDigest] | None:
    global _part
    _part = next(_parts, [])
    return plan_digests(_part) if _part else None


def _graph(changed: list[str], mapping: Mapping) -> PropertyGraph:
    return shippable(changed_graph(_part, changed, mapping))


def shippable(graph: PropertyGraph) -> PropertyGraph:
    """``graph`` with its rows made, and without the rdflib literals and derived values they
    are made of: what is quick to send to another process."""
    graph.made = list(graph.all_rows())
    graph.literals, graph.derived = {}, Derived()
    return graph
