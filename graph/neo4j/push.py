"""Pushing the graph into Neo4j: constraints and indexes first, then the names in use, then nodes
and relationships in batches (``UNWIND`` over a parameter list, one transaction per batch;
values are always parameters, labels and types too, as Cypher's dynamic labels and types; they
come from the mapping, checked as identifiers).

Pushes into one database take turns (:func:`~plankg.graph.neo4j.lock.push_lock`): two started
together end with the graph of one, the second waiting for the first.

A push is idempotent and can be rerun after any interruption: nodes are merged on their uri,
relationships on their ends and type, and a push adds to what is stored (values already stored
under a key the push sets are kept beside the new ones: an RDF union). Pushing the same plans
twice therefore writes nothing the second time, and a push cut off anywhere and run again ends
with the graph an uninterrupted push gives.

A corpus is pushed a few plans at a time (:func:`push_corpus`, :func:`push_parts`): Python
prepares the next part while the server stores the last, parts overlap where that is safe, and
memory holds a few parts, not the whole graph; the result is the graph of the union.

Plans are pushed with the digest of their triples (:func:`push_plans`, :func:`push_corpus`;
see :mod:`~plankg.graph.neo4j.digests`): a plan the database already holds exactly as it is
now is skipped, so a second push of unchanged plans sends nothing but a few queries. When a
push writes a plan, the task families and revision links of all the stored plans are made
again (:mod:`~plankg.graph.neo4j.families`).

``replace=True`` first deletes each pushed plan's subgraph (the plan and every node under its
IRI) and finally the nodes nothing points to any more (a source file, agency or cited document
only the old version used). Values the old version added to shared nodes (a second title of a
cited document) stay. A plan that cites a replaced plan loses the citation with the replaced
plan's node: a plan of the same push gets it back at the end of the push, any other forgets its
digest so that its next push writes it again.
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, repeat
from threading import Lock
from time import perf_counter
from typing import Any, TypeVar

from neo4j import ManagedTransaction, SummaryCounters
from plankg.graph.neo4j.connection import Batch, Connection
from plankg.graph.neo4j.digests import (
    FAMILIES,
    SEP,
    forget_all_digests,
    forget_citing,
    forget_digests,
    joined,
    plan_digest,
    record_digests,
    stored_digest,
    stored_plans,
)
from plankg.graph.neo4j.families import delete_families, derived_triples
from plankg.graph.neo4j.lock import Notice, push_lock
from plankg.graph.neo4j.mapping import Mapping, settings
from plankg.graph.neo4j.read import stored_counts, stored_mapping
from plankg.graph.neo4j.rows import NodeRow, PropertyGraph, merged_props, property_graph
from plankg.graph.neo4j.templates import cypher, statements, template
from plankg.graph.rdf.build import Triple
from plankg.graph.rdf.corpus import Corpus
from plankg.graph.rdf.families import TaskItem
from plankg.graph.rdf.iris import PLAN_PREFIX, plan_key_of
from plankg.ontology import PK
from rdflib import URIRef

DEFAULT_BATCH_SIZE = 5000
DEFAULT_WORKERS = 2
DEFAULT_PLANS_PER_PART = 50
Progress = Callable[[int, int], None]
PlanTriples = tuple[str, Sequence[Triple]]
"""A plan's IRI and its triples, in the order they are made."""
T = TypeVar("T")


@dataclass
class PushReport:
    """What a push sent and what it changed in the database."""

    triples: int = 0
    nodes: int = 0
    relationships: int = 0
    batches: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    labels_added: int = 0
    nodes_deleted: int = 0
    plans_skipped: int = 0
    stored_nodes: int = 0
    stored_relationships: int = 0
    seconds: float = 0.0

    def count(self, graph: PropertyGraph) -> None:
        """Count ``graph`` as sent."""
        self.triples += graph.triples
        self.nodes += graph.node_count
        self.relationships += graph.relationship_count

    def add(self, counters: SummaryCounters) -> None:
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set
        self.labels_added += counters.labels_added
        self.nodes_deleted += counters.nodes_deleted

    @property
    def changed(self) -> bool:
        counted = ("nodes_created", "relationships_created", "properties_set", "labels_added")
        return any(getattr(self, name) for name in (*counted, "nodes_deleted"))

    def rates(self) -> dict[str, float]:
        """Triples, nodes and relationships pushed per second."""
        seconds = self.seconds or float("inf")
        return {
            "triples/s": self.triples / seconds,
            "nodes/s": self.nodes / seconds,
            "relationships/s": self.relationships / seconds,
        }

    def summary(self) -> str:
        return (
            f"pushed {self.triples} triples as {self.nodes} nodes and {self.relationships} "
            f"relationships in {self.batches} batches ({self.seconds:.1f} s, "
            f"{self.rates()['triples/s']:,.0f} triples/s)\n"
            f"changed: {self.nodes_created} nodes created, {self.relationships_created} "
            f"relationships created, {self.properties_set} properties set, {self.labels_added} "
            f"labels added, {self.nodes_deleted} nodes deleted{self._skipped()}\n"
            f"the database holds {self.stored_nodes} nodes and "
            f"{self.stored_relationships} relationships"
        )

    def _skipped(self) -> str:
        if not self.plans_skipped:
            return ""
        return f"; {self.plans_skipped} plans skipped (stored as they are)"


def push_triples(
    connection: Connection,
    triples: Iterable[Triple],
    *,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    notice: Notice | None = None,
) -> PushReport:
    """Push ``triples`` (the graph of some plans); see the module docstring for the guarantees.
    ``workers`` transactions run at a time; ``progress(done, total)`` is called after each
    committed batch; ``notice`` hears that the push waits for another."""
    return push_parts(
        connection,
        [triples],
        replace=replace,
        batch_size=batch_size,
        workers=workers,
        progress=progress,
        notice=notice,
    )


def push_parts(
    connection: Connection,
    parts: Iterable[Iterable[Triple]],
    *,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    notice: Notice | None = None,
) -> PushReport:
    """Push a graph given in parts, such as the triples of a few plans at a time: the database
    ends with the graph of their union, as :func:`push_triples` of the union would leave it.

    While the server stores one part, Python turns the next into rows, and the parts' writes
    overlap where that is safe (see :class:`_Pipeline`); memory holds two or three parts rather
    than the whole graph. ``progress(done, total)`` counts the batches of the parts prepared
    so far. The report's triples, nodes and relationships are those sent: a node that two
    parts share counts twice. The push holds the database's push lock throughout (another
    push waits; ``notice`` hears when this one has to). Bare triples may change any plan's
    subgraph, so every digest is forgotten first (the next :func:`push_plans` writes every
    plan)."""
    started = perf_counter()
    create_schema(connection)
    with push_lock(connection, notice):
        forget_all_digests(connection)
        push = _Push(connection, replace, batch_size, workers, progress)
        return push.finish(push.write(parts), {}, started)


def push_plans(
    connection: Connection,
    parts: Iterable[Sequence[PlanTriples]],
    *,
    tasks: Sequence[TaskItem] = (),
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    notice: Notice | None = None,
) -> PushReport:
    """Push plans a part at a time (each part a few plans' IRIs and triples), as
    :func:`push_parts`, but a plan the database holds exactly as it is now (its digest is
    stored) is skipped. When a plan is written, the task families of ``tasks`` (the pushed
    plans' measures) and of the stored plans' measures, and the revision links of all of them,
    replace the stored ones. Each plan pushed exactly (with ``replace``, or new to the
    database) gets its digest recorded once the push has ended."""
    started = perf_counter()
    create_schema(connection)
    with push_lock(connection, notice):
        push = _Push(connection, replace, batch_size, workers, progress)
        selection = _Selection(push)
        mapping = push.write(selection.parts(parts))
        across = selection.across(tasks)
        if across:
            mapping = push.write([across])
        return push.finish(mapping, selection.exact, started)


class _Push:
    """One push: its settings and its report."""

    def __init__(
        self,
        connection: Connection,
        replace: bool,
        batch_size: int,
        workers: int,
        progress: Progress | None,
    ) -> None:
        self.connection, self.replace = connection, replace
        self.batch_size, self.workers = batch_size, workers
        self.report = PushReport()
        self.tally = _Tally(progress)

    def write(self, parts: Iterable[Iterable[Triple]]) -> Mapping | None:
        """Write the parts; the names in use at the end (None when nothing was written)."""
        connection, report, batch_size = self.connection, self.report, self.batch_size
        mapping: Mapping | None = None
        tally = self.tally
        create_only = False
        with _collector_paused(), _quick_switches(), _Pipeline(self.workers) as pipeline:
            for part in parts:
                if mapping is None:  # asked once there is something to write
                    mapping = stored_mapping(connection)
                    create_only = stored_counts(connection).nodes == 0
                graph = property_graph(part, mapping)
                report.count(graph)
                pipeline.wait_for_nodes()
                record_mapping(connection, graph.mapping, mapping)
                mapping = graph.mapping
                if self.replace:
                    report.nodes_deleted += delete_plans(connection, plan_uris(graph), batch_size)
                writer = _Writer(connection, graph, report, batch_size, tally)
                pipeline.write(writer, create_only)
                create_only = False
        return mapping

    def finish(
        self, mapping: Mapping | None, digests: dict[str, str], started: float
    ) -> PushReport:
        """Delete what nothing points to any more (with ``replace``), record ``digests``, and
        count what the database holds."""
        report = self.report
        if self.replace and (report.batches or not report.plans_skipped):
            mapping = mapping or stored_mapping(self.connection)
            report.nodes_deleted += delete_orphans(self.connection, mapping, self.batch_size)
        record_digests(self.connection, digests)
        counts = stored_counts(self.connection)
        report.stored_nodes, report.stored_relationships = counts.nodes, counts.relationships
        report.seconds = perf_counter() - started
        return report


class _Selection:
    """The plans a push writes — those whose digest is not the one stored — then the triples
    across plans, and the digests to record when the push has ended."""

    def __init__(self, push: _Push) -> None:
        self.push, self.connection = push, push.connection
        self.keys: list[str] = []
        self.exact: dict[str, str] = {}
        self.unchanged: dict[str, str] = {}
        self.written: set[URIRef] = set()
        self.foreign: list[Triple] = []
        self.families = stored_digest(self.connection, FAMILIES)

    def parts(self, parts: Iterable[Sequence[PlanTriples]]) -> Iterator[list[Triple]]:
        """The triples of the changed plans of each part; their digests and the families' are
        forgotten before they are written."""
        for part in parts:
            changed = self._changed(part)
            if changed:
                forget_digests(self.connection, [FAMILIES, *(uri for uri, _ in changed)])
                yield list(dict.fromkeys(t for _, triples in changed for t in triples))

    def _changed(self, part: Sequence[PlanTriples]) -> list[PlanTriples]:
        stored = stored_plans(self.connection, [uri for uri, _ in part])
        changed = []
        for uri, triples in part:
            self.keys.append(plan_key_of(uri))
            listed = list(triples)
            text = joined(listed)
            if CITES_PLAN in text:  # a citation of a loaded plan
                self.foreign += foreign_triples(uri, listed)
            digest = plan_digest(listed, text)
            if stored[uri].digest == digest:
                self.unchanged[uri] = digest
                continue
            changed.append((uri, triples))
            self.written.add(URIRef(uri))
            if self.push.replace or not stored[uri].present:
                self.exact[uri] = digest
        self.push.report.plans_skipped += len(part) - len(changed)
        return changed

    def across(self, tasks: Sequence[TaskItem]) -> list[Triple]:
        """Once the plans are written, when one was (or the families stored are not known to be
        those of the stored plans): the citations a replaced plan's deletion took from the
        plans of this push, and the revision links and task families of all the stored plans.
        Stored families unlike these are deleted first; like these, they are kept, and written
        again only where a replaced plan's measures lost their memberships."""
        if not self.written and self.families:
            return []
        resent: list[Triple] = []
        replaced = self.push.replace and bool(self.written)
        if replaced:
            resent = [t for t in self.foreign if t[0] in self.written or t[2] in self.written]
            self.exact.update(self.unchanged)
        derived = derived_triples(self.connection, self.keys, tasks)
        self.exact[FAMILIES] = digest = plan_digest(derived)
        if digest != self.families:
            self.push.report.nodes_deleted += delete_families(self.connection, self.push.batch_size)
        elif not replaced:
            derived = []
        return list(dict.fromkeys([*resent, *derived]))


CITES_PLAN = f"{SEP}{PK.cites}{SEP}{PLAN_PREFIX}"
"""In a plan's :func:`joined` triples: it cites a loaded plan."""


def foreign_triples(plan: str, triples: Sequence[Triple]) -> list[Triple]:
    """The triples of ``plan`` about another plan it cites (the citation, and what the citation
    says of the cited plan): what deleting the cited plan's node takes with it."""
    cited = {o for _, p, o in triples if p == PK.cites and o.startswith(PLAN_PREFIX)}
    cited.discard(URIRef(plan))
    if not cited:
        return []
    return [t for t in triples if t[0] in cited or (t[1] == PK.cites and t[2] in cited)]


class _Pipeline:
    """The transactions of consecutive parts, ``workers`` at a time, overlapped where that is
    safe. A part's nodes are written once the previous part's nodes are stored, so that it
    sees which of its nodes exist; its relationships once its own nodes and the previous
    part's relationships are stored, so that a MERGE sees every relationship an earlier part
    created. The next part's nodes thus fill the gaps while this part's last relationships
    are stored and while the rows of its relationships are made."""

    def __init__(self, workers: int) -> None:
        self.pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix="plankg-tx")
        self.relater = ThreadPoolExecutor(1, thread_name_prefix="plankg-relate")
        self.nodes: list[Future[Any]] = []
        self.relating: list[Future[None]] = []

    def write(self, writer: _Writer, create_only: bool) -> None:
        self.nodes = writer.submit_nodes(self.pool, create_only)
        self.relating.append(self.relater.submit(writer.relate, self.pool, self.nodes))

    def wait_for_nodes(self) -> None:
        """Return once the last part's nodes are stored; raise what failed so far."""
        for future in self.nodes:
            future.result()
        for future in self.relating:
            if future.done():
                future.result()

    def __enter__(self) -> _Pipeline:
        return self

    def __exit__(self, failure: type[BaseException] | None, *_: object) -> None:
        try:
            if failure is None:
                for future in self.relating:
                    future.result()
        finally:
            cancel = failure is not None or any(f.exception() for f in self.relating if f.done())
            self.relater.shutdown(cancel_futures=cancel)
            self.pool.shutdown(cancel_futures=True)  # after a failure, the batches not begun


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while millions of acyclic rows are built and sent: it
    would walk them again and again for nothing (a third of the time of a large push)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


SWITCH_SECONDS = 0.0005
"""The interpreter's switch interval during a push (Python's own is 5 ms)."""


@contextmanager
def _quick_switches() -> Iterator[None]:
    """A thread that has the server's answer gets the interpreter sooner: while the main
    thread makes rows, a transaction's thread waits for the GIL up to the switch interval
    before it can send its next message, and the server idles meanwhile."""
    was = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_SECONDS)
    try:
        yield
    finally:
        sys.setswitchinterval(was)


def plan_uris(graph: PropertyGraph) -> list[str]:
    label = graph.mapping.labels.get(str(PK.Plan))
    return [uri for labels, uris in graph.nodes.items() if label in labels for uri in uris]


SCHEMA_NAME = re.compile(r"CREATE\s+(?:CONSTRAINT|INDEX)\s+`?(\w+)`?", re.IGNORECASE)
"""The name a schema statement gives its index (a constraint's index bears its name), quoted
or not."""


def schema_statements() -> list[tuple[str | None, str]]:
    """The uniqueness constraints, then the lookup indexes of ``mapping.toml``: each statement
    with the name of the index it makes (None should a statement name none)."""
    queries = statements("schema")
    for index in settings()["indexes"]:
        name = f"plankg_{index['label']}_{index['property']}".lower()
        queries.append(cypher("index", name=name, label=[index["label"]], key=index["property"]))
    return [(named[1] if (named := SCHEMA_NAME.search(q)) else None, q) for q in queries]


def create_schema(connection: Connection) -> None:
    """The schema of :func:`schema_statements` the database does not have yet (its index names
    asked in one query), so that a push into a database that has it all sends no statement."""
    present = connection.read(lambda tx: tx.run(template("schema-names")).single(strict=True))
    for name, query in schema_statements():
        if name is None or name not in present["names"]:
            connection.write(lambda tx, q=query: tx.run(q).consume())


def record_mapping(connection: Connection, mapping: Mapping, known: Mapping) -> None:
    """Store the names ``mapping`` adds to ``known``, before any node uses them."""
    rows = mapping.new_slots(known)
    if rows:
        connection.write(lambda tx: tx.run(template("mapping-write"), rows=rows).consume())


def batches(rows: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _batch_count(count: int, size: int) -> int:
    return -(-count // size)


class _Writer:
    """Writes the nodes of a part, then its relationships, in batches. A batch mixes labels
    (and relationship types): they are parameters (Cypher's dynamic labels and types), so one
    query text serves every batch, planned once, and a small push takes a few transactions
    rather than one per label and type.

    In each node batch, the nodes not stored yet are CREATEd and the others MERGEd (into an
    empty database, all are CREATEd without asking); both give the node's internal id (an
    integer: ``id()``, deprecated in Cypher 5 but not removed; an element id is the same
    number inside a string four times as long, which both ends would encode and parse for each
    of a million relationships), so relationships find their ends without an index lookup,
    and are CREATEd when an end is new (nothing can point to a node created a moment ago),
    MERGEd otherwise. A rerun after an interruption finds what it wrote before, so it MERGEs
    that.
    """

    def __init__(
        self,
        connection: Connection,
        graph: PropertyGraph,
        report: PushReport,
        batch_size: int,
        tally: _Tally,
    ) -> None:
        self.connection, self.graph, self.report = connection, graph, report
        self.batch_size, self.tally = batch_size, tally
        tally.expect(
            _batch_count(graph.node_count, batch_size)
            + _batch_count(graph.relationship_count, batch_size)
        )

    def submit_nodes(self, pool: ThreadPoolExecutor, create_only: bool) -> list[Future[Any]]:
        """Send the node batches; ``create_only`` when the database held no node at all."""
        write_nodes = _create_nodes if create_only else _write_nodes
        return [
            pool.submit(self._transaction, write_nodes, batch)
            for batch in batches(self.graph.all_rows(), self.batch_size)
        ]

    def relate(self, pool: ThreadPoolExecutor, nodes: list[Future[Any]]) -> None:
        """Once ``nodes`` are stored, send the relationship batches and wait for them."""
        ids: dict[str, int] = {}
        fresh: set[str] = set()
        for future in nodes:
            batch_ids, batch_fresh = future.result()
            ids.update(batch_ids)
            fresh.update(batch_fresh)
        plain, with_props, old = self._relationship_batches(ids, fresh)
        written = (
            (_create_relationships, plain),
            (_create_relationships_with_props, with_props),
            (_merge_relationships, old),
        )
        relationships = [
            pool.submit(self._transaction, function, batch)
            for function, grouped in written
            for batch in grouped
        ]
        for future in relationships:
            future.result()

    def _relationship_batches(
        self, ids: dict[str, int], fresh: set[str]
    ) -> tuple[list[list[Outgoing]], list[list[Outgoing]], list[list[Outgoing]]]:
        """Batches of ``[start, [[type, end, properties?], …]]`` rows (internal ids), about
        ``batch_size`` relationships each: those with an end created by this push and no
        properties, those with an end created by this push and properties (a query that sets
        them costs the server more, so only these take it), and the others."""
        plain, with_props = _Batcher(self.batch_size), _Batcher(self.batch_size)
        old = _Batcher(self.batch_size)
        props = self.graph.relationship_props
        types_with_props = {rel_type for _, rel_type, _ in props}
        for start, out in self.graph.outgoing.items():
            created: list[list[Any]] = []
            propped: list[list[Any]] = []
            stored: list[list[Any]] = []
            start_fresh = start in fresh
            for rel_type, end in out:
                found = props.get((start, rel_type, end)) if rel_type in types_with_props else None
                row = [rel_type, ids[end], found] if found else [rel_type, ids[end]]
                if start_fresh or end in fresh:
                    (propped if len(row) > 2 else created).append(row)
                else:
                    stored.append(row)
            plain.add(ids[start], created)
            with_props.add(ids[start], propped)
            old.add(ids[start], stored)
        expected = _batch_count(self.graph.relationship_count, self.batch_size)
        grouped = (plain.batches, with_props.batches, old.batches)
        self.tally.expect(sum(map(len, grouped)) - expected)
        return grouped

    def _transaction(self, function: Callable[..., Written], rows: list[Any]) -> Any:
        """``function(tx, rows, mapping)`` in one write transaction; its result."""
        result, counters = self.connection.write(function, rows, self.graph.mapping)
        with self.tally.lock:
            for c in counters:
                self.report.add(c)
            self.report.batches += 1
            self.tally.done_one()
        return result


Outgoing = list[Any]  # [start id, [[type, end id, properties?], …]] (internal ids)


class _Batcher:
    """Groups rows of outgoing relationships into batches of about ``size`` relationships (a
    start node's relationships stay in one row)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.batches: list[list[Outgoing]] = []
        self._batch: list[Outgoing] = []
        self._count = 0

    def add(self, start: int, out: list[list[Any]]) -> None:
        if not out:
            return
        if not self._batch:
            self.batches.append(self._batch)
        self._batch.append([start, out])
        self._count += len(out)
        if self._count >= self.size:
            self._batch, self._count = [], 0


class _Tally:
    """Batches committed and expected, for the ``progress`` callback, across the parts."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.lock = Lock()
        self.done = self.total = 0

    def expect(self, batches: int) -> None:
        with self.lock:
            self.total += batches

    def done_one(self) -> None:
        """One more batch committed (the caller holds the lock)."""
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)


Written = tuple[Any, list[SummaryCounters]]


def _write_nodes(tx: ManagedTransaction, rows: list[NodeRow], mapping: Mapping) -> Written:
    """Create the new nodes of the batch, merge the stored ones; their internal ids by uri and
    the uris created."""
    query = template("nodes-existing")
    stored = set(tx.run(query, uris=Batch(row.uri for row in rows)).single(strict=True)["existing"])
    new = [row for row in rows if row.uri not in stored]
    ids: list[list[Any]] = []
    counters = []
    if new:
        record, created = _run(tx, "nodes-create", [row.created() for row in new])
        ids += record["ids"]
        counters.append(created)
    if stored:
        old = [row for row in rows if row.uri in stored]
        merged_ids, merge_counters = _merge_nodes(tx, old, mapping)
        ids += merged_ids
        counters += merge_counters
    return (dict(ids), [row.uri for row in new]), counters


def _create_nodes(tx: ManagedTransaction, rows: list[NodeRow], mapping: Mapping) -> Written:
    """Create the nodes of a batch (into a database that held none when the push began)."""
    record, counters = _run(tx, "nodes-create", [row.created() for row in rows])
    return (dict(record["ids"]), [row.uri for row in rows]), [counters]


def _merge_nodes(
    tx: ManagedTransaction, rows: list[NodeRow], mapping: Mapping
) -> tuple[list[list[Any]], list[SummaryCounters]]:
    record, merged = _run(tx, "nodes-merge", [row.param() for row in rows])
    clashes = {uri: (props, labelled) for uri, props, labelled in record["stored"]}
    counters = [merged]
    union = [
        {**row.param(), "props": props}
        for row in rows
        if row.uri in clashes
        and not _holds(*clashes[row.uri], props := merged_props(row, clashes[row.uri][0], mapping))
    ]
    if union:
        counters.append(_run(tx, "nodes-update", union)[1])
    return record["ids"], counters


def _holds(stored: dict[str, Any], labelled: bool, props: dict[str, Any]) -> bool:
    """The stored node has the labels and the merged values already (a part that brings one
    title of a document another part gave two has nothing to add)."""
    return labelled and all(stored.get(key) == value for key, value in props.items())


def _create_relationships(tx: ManagedTransaction, rows: list[Outgoing], _: Mapping) -> Written:
    return None, [_run(tx, "relationships-create", rows)[1]]


def _create_relationships_with_props(
    tx: ManagedTransaction, rows: list[Outgoing], _: Mapping
) -> Written:
    """The batch's distinct property maps are sent once (``$props``), each relationship
    naming its map by place: the shortcuts of one assignment share its clause's text."""
    places: dict[int, int] = {}
    maps = Batch()
    indexed = []
    for start, out in rows:
        named = []
        for rel_type, end, found in out:
            place = places.get(id(found))
            if place is None:
                place = places[id(found)] = len(maps)
                maps.append(found)
            named.append([rel_type, end, place])
        indexed.append([start, named])
    counters = _run(tx, "relationships-create-props", indexed, props=maps)[1]
    maps.clear()
    return None, [counters]


def _merge_relationships(tx: ManagedTransaction, rows: list[Outgoing], _: Mapping) -> Written:
    return None, [_run(tx, "relationships-merge", rows)[1]]


def _run(
    tx: ManagedTransaction, name: str, rows: list[Any], **params: Any
) -> tuple[Any, SummaryCounters]:
    """Run template ``name`` over ``rows``: its record (None when it returns nothing) and
    counters. The rows go in a list (:class:`~plankg.graph.neo4j.connection.Batch`) emptied
    afterwards: the driver's result keeps its parameters in a reference cycle, which would hold
    every batch of a push in memory until the cycle collector, paused during a push, runs again
    (and then walks them all)."""
    sent = Batch(rows)
    result = tx.run(template(name), rows=sent, **params)
    record = result.single()
    counters = result.consume().counters
    sent.clear()
    return record, counters


def _delete_in_batches(connection: Connection, query: str, batch_size: int, **params: Any) -> int:
    deleted = 0
    while True:
        record = connection.write(
            lambda tx: tx.run(query, batch=batch_size, **params).single(strict=True)
        )
        if not record["deleted"]:
            return deleted
        deleted += record["deleted"]


def delete_plan(connection: Connection, plan: str, batch_size: int = DEFAULT_BATCH_SIZE) -> int:
    """Delete the plan node and every node under its IRI; the number deleted."""
    return delete_plans(connection, [plan], batch_size)


def delete_plans(
    connection: Connection, plans: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE
) -> int:
    """Delete each plan's node and every node under its IRI; the number deleted. Their
    digests, those of the plans that cite them (the citation goes with the cited plan's node)
    and the families' are forgotten first."""
    if not plans:
        return 0
    forget_citing(connection, plans)
    forget_digests(connection, [*plans, FAMILIES])
    query = template("plan-delete")
    return sum(
        _delete_in_batches(connection, query, batch_size, plan=plan, prefix=plan + "/")
        for plan in plans
    )


def delete_orphans(
    connection: Connection, mapping: Mapping, batch_size: int = DEFAULT_BATCH_SIZE
) -> int:
    """Delete the nodes (other than plans) nothing points to, until none is left."""
    plan_label = mapping.labels.get(str(PK.Plan), "Plan")
    return _delete_in_batches(connection, cypher("orphans-delete", plan=[plan_label]), batch_size)


def clear_database(connection: Connection, batch_size: int = 10_000) -> int:
    """Delete every relationship, then every node of the database (its schema stays), a batch
    at a time: a transaction never holds more than ``batch_size`` relationships (a batch of
    nodes detached at once holds all of theirs, too many for a server's transaction memory
    once the vocabulary's hubs have millions); the number of nodes deleted."""
    _delete_in_batches(connection, template("clear-relationships"), batch_size)
    return _delete_in_batches(connection, template("clear"), batch_size)


def push_corpus(
    connection: Connection,
    corpus: Corpus,
    *,
    replace: bool = False,
    plans_per_part: int = DEFAULT_PLANS_PER_PART,
    **options: Any,
) -> PushReport:
    """Push the plans of ``corpus``, ``plans_per_part`` at a time (the first and last parts
    smaller, see :func:`part_sizes`), skipping those stored as they are, with the task
    families and revision links of all the stored plans (see :func:`push_plans`)."""
    sizes = part_sizes(len(corpus.plans), plans_per_part)
    return push_plans(
        connection,
        regrouped(corpus.plan_parts(1), sizes),
        tasks=corpus.tasks(),
        replace=replace,
        **options,
    )


RAMP = (5, 10, 20)
"""The sizes of the first parts of a push, and in reverse of its last ones."""


def part_sizes(plans: int, plans_per_part: int) -> list[int]:
    """How many plans each part of a push of ``plans`` holds: ``plans_per_part``, but the
    first parts grow to it (5, 10, 20 plans) and, in a push long enough, the last shrink from
    it in the same steps. While Python makes the first part the server has nothing to do, and
    once the last is made Python waits for the server to store what it has been sent: small
    parts at both ends shorten both waits, large parts between keep the queries few."""
    ramp = [size for size in RAMP if size < plans_per_part]
    tail = ramp[::-1] if plans > 2 * sum(ramp) + plans_per_part else []
    sizes: list[int] = []
    left = plans - sum(tail)
    for size in chain(ramp, repeat(plans_per_part)):
        if left <= 0:
            break
        sizes.append(min(size, left))
        left -= sizes[-1]
    return sizes + tail


def regrouped(parts: Iterable[Sequence[T]], sizes: Sequence[int]) -> Iterator[list[T]]:
    """The items of ``parts`` (in order) in groups of ``sizes`` (what is left over in one
    more group)."""
    group: list[T] = []
    steps = iter(sizes)
    want = next(steps, 0)
    for part in parts:
        for item in part:
            group.append(item)
            if len(group) == want:
                yield group
                group, want = [], next(steps, 0)
    if group:
        yield group
