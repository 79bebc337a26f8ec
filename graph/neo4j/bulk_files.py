"""The import files of a corpus written a part at a time (``plankg push --bulk``): memory
holds a part of ``DEFAULT_PLANS_PER_PART`` plans, as an incremental push does, rather than the
whole graph.

A node is written once, with every property it has, so each node is written by one part: a
node whose IRI lies under a plan's IRI (``…/plan/411600/2021-2025/…``) by the part of that
plan, its rows made from the part's triples and the links across plans that start at it (the
revision links and task families, made first, are given to the part of their subject's plan);
a node under no plan's IRI (the vocabulary, shared by the plans) by a last part, from the
triples about it the plan parts held, kept de-duplicated until then. A plan whose triples state
a fact about another plan's node (its subject under that plan's IRI) is refused in one line:
that fact could not be written with the other plan's node. A node that is only ever
the object of another part's triple is written bare at the end. Each part's rows are sorted, so
the same corpus gives the same bytes. Every plan's digest is taken on the way
(:func:`~plankg.graph.neo4j.digests.plan_digest` of the triples a push would digest).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

from plankg.graph.neo4j.digests import plan_digest
from plankg.graph.neo4j.import_files import (
    ImportFiles,
    ImportTable,
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
from plankg.graph.rdf.corpus import Corpus
from plankg.graph.rdf.iris import plan_iri
from plankg.graph.rdf.tasks import corpus_families
from rdflib import URIRef
from rdflib.namespace import RDF


@dataclass
class CorpusFiles:
    """What :func:`write_corpus_files` wrote: the files, the counts, each plan's digest, and
    the seconds spent making rows (Python) and writing the files."""

    files: ImportFiles
    triples: int = 0
    nodes: int = 0
    relationships: int = 0
    digests: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=lambda: {"rows": 0.0, "files": 0.0})


class BulkFilesError(MappingError):
    """The plans' triples are not split as the import files written a part at a time need."""


class Owners:
    """The plan a node belongs to: the plan whose IRI its own IRI lies under."""

    def __init__(self, plans: list[str]) -> None:
        self.plans = set(plans)

    def of(self, uri: str) -> str | None:
        candidate = uri
        while True:
            if candidate in self.plans:
                return candidate
            cut = candidate.rfind("/")
            if cut <= 0:
                return None
            candidate = candidate[:cut]


def _related_to(triple: Triple, keep: Callable[[str], bool]) -> bool:
    """Whether ``triple`` is a relationship to a node ``keep`` keeps."""
    _, predicate, end = triple
    return type(end) is URIRef and predicate != RDF.type and keep(str(end))


class _Stream:
    """One writing of a corpus's files: what is written so far, and what waits for the end."""

    def __init__(self, corpus: Corpus, folder: Path, links: Iterable[Triple]) -> None:
        self.writer = ImportWriter(folder)
        self.owners = Owners([str(plan_iri(key)) for key in corpus.keys])
        self.links: dict[str | None, list[Triple]] = defaultdict(list)
        for triple in links:
            self.links[self.owners.of(str(triple[0]))].append(triple)
        self.shared: dict[Triple, None] = {}
        self.written: set[str] = set()
        self.objects: dict[str, dict[str, Any]] = {}
        """The derived properties of nodes only ever seen as another part's objects."""
        self.mapping: Mapping | None = None
        self.result = CorpusFiles(self.writer.files())

    def part(self, plans: list[tuple[str, list[Triple]]]) -> None:
        started = perf_counter()
        triples: dict[Triple, None] = {}
        for uri, own in plans:
            self.result.digests[uri] = plan_digest(own)
            triples.update(dict.fromkeys(own))
            triples.update(dict.fromkeys(self.links.pop(uri, ())))
        graph = property_graph(triples, self.mapping)
        self.mapping = graph.mapping
        mine = {uri for uri, _ in plans}
        owners = self.owners

        kept: dict[str, bool] = {}

        def keep(uri: str) -> bool:
            found = kept.get(uri)
            if found is None:
                found = kept[uri] = owners.of(uri) in mine
            return found

        for triple in triples:
            subject = str(triple[0])
            if keep(subject):
                self.result.triples += 1
            elif owners.of(subject) is not None:
                raise BulkFilesError(
                    f"a plan's triples state a fact about <{subject}>, a node of another "
                    "plan: the bulk import cannot write it with that plan (push without --bulk)"
                )
            elif _related_to(triple, keep):
                self.result.triples += 1
            else:
                self.shared[triple] = None
        for labels, uris in graph.nodes.items():
            for uri in uris:
                if keep(uri):
                    self.written.add(uri)
                elif not labels and uri not in graph.literals and uri not in self.objects:
                    self.objects[uri] = graph.derived.nodes.get(uri, {})
        tables = [*node_tables(graph, keep), *relationship_tables(graph, keep)]
        self._write(tables, started)

    def _write(self, tables: list[ImportTable], started: float) -> None:
        made = perf_counter()
        self.writer.add(tables)
        self.result.seconds["rows"] += made - started
        self.result.seconds["files"] += perf_counter() - made

    def finish(self) -> CorpusFiles:
        """The shared nodes, the bare ones, and the mapping nodes."""
        started = perf_counter()
        rest = [*self.shared, *self.links.pop(None, ())]
        graph = property_graph(rest, self.mapping)
        self.result.triples += len(rest)
        written = self.written

        def keep(uri: str) -> bool:
            return uri not in written

        nodes = {uri for uris in graph.nodes.values() for uri in uris}
        bare = sorted(self.objects.keys() - nodes - written)
        tables = [
            *node_tables(graph, keep),
            *bare_node_tables((uri, [RESOURCE_LABEL], self.objects[uri]) for uri in bare),
            *relationship_tables(graph),
        ]
        self._write(tables, started)
        result = self.result
        result.nodes = self.writer.rows["nodes"]
        result.relationships = self.writer.rows["relationships"]
        self.writer.add(mapping_tables(graph.mapping))
        result.files = self.writer.files()
        return result


def write_corpus_files(
    corpus: Corpus,
    folder: Path,
    plans_per_part: int = DEFAULT_PLANS_PER_PART,
    links: Iterable[Triple] | None = None,
) -> CorpusFiles:
    """The import files of ``corpus`` in ``folder``, ``plans_per_part`` plans at a time, with
    ``links`` across plans (by default the corpus's revision links and task families)."""
    if links is None:
        links = {**corpus_links(corpus.keys), **corpus_families(corpus.plans, corpus.keys)}
    stream = _Stream(corpus, folder, links)
    for part in corpus.plan_parts(plans_per_part):
        stream.part(part)
    return stream.finish()
