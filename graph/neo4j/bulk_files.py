"""The import files of a corpus written a part at a time (``plankg push --bulk``): memory
holds a part of ``DEFAULT_PLANS_PER_PART`` plans in each process that writes parts, as an
incremental push does, rather than the whole graph.

A node is written once, with every property it has, so each node is written by one part: a
node whose IRI lies under a plan's IRI (``…/plan/411600/2021-2025/…``) by the part of that
plan, its rows made from the part's triples and the links across plans that start at it (the
revision links and task families, made first, are given to the part of their subject's plan);
a node under no plan's IRI (the vocabulary, shared by the plans) by a last part, from the
triples about it the plan parts held, kept de-duplicated until then. A plan whose triples state
a fact about another plan's node (its subject under that plan's IRI) is refused in one line:
that fact could not be written with the other plan's node. A node that is only ever
the object of another part's triple is written bare at the end.

The parts are written by a pool of processes (:class:`PartWriter`, forked with the plans), each
part's rows sorted into chunk files of their own, and gathered here in the order of the parts
(:class:`_Gathering`): the same corpus gives the same bytes however many processes wrote it.
A part names what it meets on its own; the gathering names the parts' classes, predicates and
property terms in order, as one process would, and writes a part again should a name differ
(two IRIs of one local name, met by parts written apart). Every plan's digest is taken on the
way (:func:`~plankg.graph.neo4j.digests.plan_digest` of the triples a push would digest).
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from time import perf_counter
from typing import Any, Protocol

from plankg.graph.neo4j.digests import plan_digest
from plankg.graph.neo4j.import_files import (
    Chunk,
    ImportFiles,
    ImportWriter,
    bare_node_tables,
    mapping_tables,
    node_tables,
    relationship_tables,
)
from plankg.graph.neo4j.mapping import RESOURCE_LABEL, Mapping, MappingError
from plankg.graph.neo4j.push import DEFAULT_PLANS_PER_PART
from plankg.graph.neo4j.rows import property_graph
from plankg.graph.rdf.build import Triple, corpus_links
from plankg.graph.rdf.corpus import Corpus, in_pool, map_files
from plankg.graph.rdf.iris import extraction_root, plan_iri, source_iri
from plankg.graph.rdf.tasks import corpus_families
from rdflib import URIRef
from rdflib.namespace import RDF


@dataclass
class CorpusFiles:
    """What :func:`write_corpus_files` wrote: the files, the counts, each plan's digest, and
    the seconds the plans' parts and the last part took."""

    files: ImportFiles
    triples: int = 0
    nodes: int = 0
    relationships: int = 0
    digests: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    """Wall time of the plans' parts (their rows made and written, in a pool of processes
    when there are several) and of the last part (the shared nodes, gathered here)."""


class BulkFilesError(MappingError):
    """The plans' triples are not split as the import files written a part at a time need."""


class Owners:
    """The plan a node belongs to: the plan whose IRI its own IRI lies under, or whose source
    file it is, or a passage or extraction of (``source/<sha256>#char=…``,
    ``extraction/<sha256>/…``: ``sources`` gives each source file's plan; a file two plans
    share is left to neither, its nodes shared)."""

    def __init__(self, plans: list[str], sources: Iterable[tuple[str, str]] = ()) -> None:
        self.plans = {plan: plan for plan in plans}
        for sha256, plan in _unshared(sources).items():
            self.plans[source_iri(sha256)] = self.plans[extraction_root(sha256)] = plan

    def of(self, uri: str) -> str | None:
        candidate = uri.partition("#")[0]
        while True:
            found = self.plans.get(candidate)
            if found is not None:
                return found
            cut = candidate.rfind("/")
            if cut <= 0:
                return None
            candidate = candidate[:cut]


def _unshared(sources: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each source file's plan, for the files of one plan only."""
    plans: dict[str, set[str]] = defaultdict(set)
    for sha256, plan in sources:
        plans[sha256].add(plan)
    return {sha256: plan for sha256, (plan, *others) in plans.items() if not others}


def _related_to(triple: Triple, keep: Callable[[str], bool]) -> bool:
    """Whether ``triple`` is a relationship to a node ``keep`` keeps."""
    _, predicate, end = triple
    return type(end) is URIRef and predicate != RDF.type and keep(str(end))


class Parts(Protocol):
    """A corpus's plans a part at a time, each plan as its IRI and triples; a part made when
    indexed (:class:`~plankg.graph.rdf.corpus.PlanParts`)."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int) -> list[tuple[str, list[Triple]]]: ...


@dataclass
class PartWritten:
    """What the rows of one part left for the writing as a whole: the names the part gave
    (:attr:`mapping`: the classes, predicates and property terms it met, named from
    :attr:`base`), its chunks of rows on disk, and what the last part needs."""

    index: int
    base: Mapping | None
    mapping: Mapping
    chunks: list[Chunk]
    digests: dict[str, str]
    triples: int
    shared: list[Triple]
    """Its triples about nodes under no plan's IRI, written by the last part."""
    written: list[str]
    objects: dict[str, dict[str, Any]]
    """The derived properties of nodes it met only as the objects of its relationships."""


@dataclass(frozen=True)
class PartWriter:
    """Writes the rows of one part of a corpus to chunks of their own; the same in this
    process and in a worker forked with it."""

    parts: Parts
    owners: Owners
    links: dict[str | None, list[Triple]]
    folder: Path

    @classmethod
    def of(
        cls, corpus: Corpus, plans_per_part: int, links: Iterable[Triple], folder: Path
    ) -> PartWriter:
        plans = [str(plan_iri(key)) for key in corpus.keys]
        sources = [plan.source.sha256 for plan in corpus.plans]
        owners = Owners(plans, zip(sources, plans, strict=True))
        by_owner: dict[str | None, list[Triple]] = defaultdict(list)
        for triple in links:
            by_owner[owners.of(str(triple[0]))].append(triple)
        return cls(corpus.plan_parts(plans_per_part), owners, dict(by_owner), folder)

    def write(self, index: int, base: Mapping | None = None) -> PartWritten:
        """Part ``index``'s rows, its names made from ``base`` (none: its own names alone)."""
        digests: dict[str, str] = {}
        triples: dict[Triple, None] = {}
        for uri, own in self.parts[index]:
            digests[uri] = plan_digest(own)
            triples.update(dict.fromkeys(own))
            triples.update(dict.fromkeys(self.links.get(uri, ())))
        graph = property_graph(triples, base)
        keep = self._keep(set(digests))
        counted, shared = self._sorted_out(triples, keep)
        written: list[str] = []
        objects: dict[str, dict[str, Any]] = {}
        for labels, uris in graph.nodes.items():
            for uri in uris:
                if keep(uri):
                    written.append(uri)
                elif not labels and uri not in graph.literals and uri not in objects:
                    objects[uri] = graph.derived.nodes.get(uri, {})
        tables = [*node_tables(graph, keep), *relationship_tables(graph, keep)]
        chunks = [
            Chunk.written(table, self.folder / f"{index:05d}-{number:03d}.csv")
            for number, table in enumerate(t for t in tables if t.rows)
        ]
        return PartWritten(
            index, base, graph.mapping, chunks, digests, counted, shared, written, objects
        )

    def _keep(self, mine: set[str]) -> Callable[[str], bool]:
        """Whether a node is one of the plans ``mine``'s."""
        owners, kept = self.owners, dict[str, bool]()

        def keep(uri: str) -> bool:
            found = kept.get(uri)
            if found is None:
                found = kept[uri] = owners.of(uri) in mine
            return found

        return keep

    def _sorted_out(
        self, triples: Iterable[Triple], keep: Callable[[str], bool]
    ) -> tuple[int, list[Triple]]:
        """How many triples the part writes, and those about shared nodes it leaves to the
        last part; refused when one states a fact about another plan's node."""
        counted, shared, unowned = 0, [], set[str]()
        for triple in triples:
            subject = str(triple[0])
            if keep(subject):
                counted += 1
                continue
            if subject not in unowned:
                if self.owners.of(subject) is not None:
                    raise BulkFilesError(
                        f"a plan's triples state a fact about <{subject}>, a node of another "
                        "plan: the bulk import cannot write it with that plan (push without "
                        "--bulk)"
                    )
                unowned.add(subject)
            if _related_to(triple, keep):
                counted += 1
            else:
                shared.append(triple)
        return counted, shared


_WRITER: PartWriter | None = None
"""The part writer of a worker's pool (set in each worker when it starts)."""


def _install(writer: PartWriter) -> None:
    global _WRITER
    _WRITER = writer


def _write_installed(index: int) -> PartWritten:
    assert _WRITER is not None, "_write_installed runs in a worker of write_corpus_files's pool"
    return _WRITER.write(index)


def _agrees(names: Mapping, part: Mapping) -> bool:
    """Whether every name ``part`` gave is the one ``names`` gives."""
    return (
        all(names.labels[iri] == name for iri, name in part.labels.items())
        and all(names.types[iri] == name for iri, name in part.types.items())
        and all(names.keys[term] == name for term, name in part.keys.items())
    )


class _Gathering:
    """The parts' rows gathered into the import's files, in the order of the parts, with the
    names a writing of one part after the other would give."""

    def __init__(self, writer: PartWriter, folder: Path) -> None:
        self.writer = writer
        self.files = ImportWriter(folder)
        self.mapping = Mapping()
        self.shared: dict[Triple, None] = {}
        self.written: set[str] = set()
        self.objects: dict[str, dict[str, Any]] = {}
        self.result = CorpusFiles(self.files.files())

    def add(self, part: PartWritten) -> None:
        names = self.mapping.extended(part.mapping.labels, part.mapping.types, part.mapping.keys)
        if part.base is not self.mapping and not _agrees(names, part.mapping):
            part = self.writer.write(part.index, self.mapping)
            names = part.mapping
        self.mapping = names
        for chunk in part.chunks:
            self.files.add_chunk(chunk)
        self.result.digests.update(part.digests)
        self.result.triples += part.triples
        self.shared.update(dict.fromkeys(part.shared))
        self.written.update(part.written)
        for uri, props in part.objects.items():
            self.objects.setdefault(uri, props)

    def finish(self) -> CorpusFiles:
        """The shared nodes, the bare ones, and the mapping nodes."""
        rest = [*self.shared, *self.writer.links.get(None, ())]
        graph = property_graph(rest, self.mapping)
        self.result.triples += len(rest)
        written = self.written

        def keep(uri: str) -> bool:
            return uri not in written

        nodes = {uri for uris in graph.nodes.values() for uri in uris}
        bare = sorted(self.objects.keys() - nodes - written)
        self.files.add(
            [
                *node_tables(graph, keep),
                *bare_node_tables((uri, [RESOURCE_LABEL], self.objects[uri]) for uri in bare),
                *relationship_tables(graph),
            ]
        )
        result = self.result
        result.nodes = self.files.rows["nodes"]
        result.relationships = self.files.rows["relationships"]
        self.files.add(mapping_tables(graph.mapping))
        result.files = self.files.files()
        return result


def write_corpus_files(
    corpus: Corpus,
    folder: Path,
    plans_per_part: int = DEFAULT_PLANS_PER_PART,
    links: Iterable[Triple] | None = None,
    workers: int | None = None,
) -> CorpusFiles:
    """The import files of ``corpus`` in ``folder``, ``plans_per_part`` plans at a time, with
    ``links`` across plans (by default the corpus's revision links and task families); the
    parts written by a pool of ``workers`` processes (default: all cores) when there are
    several, gathered in their order (the same bytes as one process writes)."""
    if links is None:
        links = {**corpus_links(corpus.keys), **corpus_families(corpus.plans, corpus.keys)}
    folder.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".plankg-parts-", dir=folder))
    try:
        writer = PartWriter.of(corpus, plans_per_part, links, scratch)
        gathering = _Gathering(writer, folder)
        started = perf_counter()
        for part in _written_parts(writer, workers, gathering):
            gathering.add(part)
        parts = perf_counter() - started
        result = gathering.finish()
        result.seconds = {"parts": parts, "last part": perf_counter() - started - parts}
        return result
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _written_parts(
    writer: PartWriter, workers: int | None, gathering: _Gathering
) -> Iterator[PartWritten]:
    """Each part written, in order: by a pool of processes when there are several parts (named
    on their own, and written again here should a name differ from the gathering's), else here,
    each named after the parts gathered before it."""
    count = len(writer.parts)
    if not in_pool(count, workers, parallel_from=2):
        return (writer.write(index, gathering.mapping) for index in range(count))
    return map_files(
        _write_installed,
        range(count),
        workers=workers,
        parallel_from=2,
        chunksize=1,
        setup=partial(_install, writer),
    )
