"""The measures the task families group, spooled to disk as plans are converted, a file per
canonical action, so that a build of many plans holds none of them in memory while it reads
the others (:func:`plankg.graph.rdf.batch.build_many`).

The families group the measures of one canonical action at a time and need all of them at once
(TF-IDF weights are taken over the action's measures), so when every plan is read each action's
file is read back by the process that groups it (a worker of the pool, or this process), its
items placed in the citation graph (:class:`~plankg.graph.rdf.family_passes.Placing`, made from
the plans' document records, which the build keeps on disk), grouped in passes over the file
(:mod:`~plankg.graph.rdf.family_passes`), and turned into the families' triples as Turtle
writes them.
The families and triples are those :func:`~plankg.graph.rdf.tasks.placed_task_triples` gives for the
same items: only where the items wait changes.

The spool's folder (``plankg-tasks-…`` in the temporary folder) holds a lock while its build
runs; a build killed before it could remove the folder (SIGKILL) leaves it behind, and the next
spool made removes every such folder whose lock is free (the kernel frees a lock with the
process, however it ends; see :func:`remove_stale_spools`).
"""

from __future__ import annotations

import fcntl
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import BinaryIO, Protocol, TextIO, TypeVar

from plankg.graph.rdf.families import FamilyHead, TaskItem
from plankg.graph.rdf.family_passes import Membership, Placing, Row, spooled_families
from plankg.graph.rdf.sorted_runs import merged, read_run, write_run
from plankg.graph.rdf.tasks import family_iri, member_terms, own_family_terms
from plankg.graph.rdf.turtle import (
    FormattedTriple,
    TurtleTerms,
    UnkeptTurtleTerms,
    turtle_body,
    turtle_header,
)
from plankg.graph.rdf.validate import Violation, load_shapes, validate_turtle
from plankg.loaders.frozen import compared
from plankg.loaders.script import load_converter
from plankg.ontology.names import PK

R = TypeVar("R")


class ActionMapper(Protocol):
    """How the canonical actions' groupings are run: ``map`` here, or a pool's map."""

    def __call__(
        self, work: Callable[[SpooledAction], R], actions: list[SpooledAction], /
    ) -> Iterable[R]: ...


SPOOL_PREFIX = "plankg-tasks-"
LOCK = ".lock"
"""The file in a spool's folder whose lock says that its build still runs."""


@compared
@dataclass(frozen=True, repr=False, eq=False)
class SpooledAction:
    """One canonical action's spooled items: the file they were written to."""

    canonical: str
    path: Path


@dataclass
class TaskSpool:
    """Task items written as they arrive, a file per canonical action, in a temporary folder
    removed by :meth:`close` (or, should the build stop before, when the spool is let go)."""

    folder: tempfile.TemporaryDirectory[str] = field(default_factory=lambda: _spool_folder())
    files: dict[str, BinaryIO] = field(default_factory=dict)
    lock: TextIO = field(init=False)
    """The folder's lock file, locked until :meth:`close`."""

    def __post_init__(self) -> None:
        self.lock = _locked(Path(self.folder.name) / LOCK, make=True)

    def add(self, items: Iterable[TaskItem]) -> None:
        """Write ``items`` (one plan's), each to its canonical action's file."""
        rows: dict[str, list[Row]] = {}
        for item in items:
            row = (str(item.key), item.plan, item.title, item.text, item.rank)
            rows.setdefault(item.canonical, []).append(row)
        for canonical, found in rows.items():
            pickle.dump(found, self._file(canonical), pickle.HIGHEST_PROTOCOL)

    def _file(self, canonical: str) -> BinaryIO:
        file = self.files.get(canonical)
        if file is None:
            path = Path(self.folder.name) / f"{len(self.files)}.pickle"
            file = self.files[canonical] = path.open("wb")
        return file

    def actions(self) -> list[SpooledAction]:
        """The canonical actions spooled, in order, their files complete."""
        for file in self.files.values():
            file.flush()
        found = (SpooledAction(c, Path(f.name)) for c, f in self.files.items())
        return sorted(found, key=lambda action: action.canonical)

    def checked_families(
        self,
        placing: Placing,
        vocabulary: frozenset[FormattedTriple],
        engine: str = "fast",
        mapper: ActionMapper | None = None,
    ) -> Iterator[CheckedFamilies]:
        """Each canonical action's families, cited plans first by the ``placing`` of the plans
        in their citation graph, written to the spool as a sorted run
        (:mod:`plankg.graph.rdf.sorted_runs`) and checked by SHACL with the ``vocabulary``
        (see :func:`checked_action_families`); ``mapper`` runs the groupings. The largest
        actions go first, so that the pool's workers finish together (what they give does
        not depend on the order: the runs are merged, the findings sorted)."""
        if mapper is not None:
            _load_for_workers(engine)
        work = partial(
            checked_action_families,
            placing=placing,
            vocabulary=vocabulary,
            engine=engine,
        )
        yield from (mapper or map)(work, sorted(self.actions(), key=_size, reverse=True))

    def close(self) -> None:
        for file in self.files.values():
            file.close()
        self.files.clear()
        self.lock.close()
        self.folder.cleanup()


def _load_for_workers(engine: str) -> None:
    """Load here, once, what every worker grouping an action loads: numpy, OpenCC's
    dictionaries (the grams are taken in simplified script) and the SHACL shapes. The workers
    forked after share these pages with this process, rather than each loading its own (some
    6 MiB a worker, measured on the largest action of 5,000 plans)."""
    import_module("plankg.graph.rdf.family_arrays")
    load_converter()
    load_shapes(engine)


def _spool_folder() -> tempfile.TemporaryDirectory[str]:
    """A new spool folder, the folders left by killed builds removed first."""
    remove_stale_spools(Path(tempfile.gettempdir()))
    return tempfile.TemporaryDirectory(prefix=SPOOL_PREFIX)


def _locked(path: Path, make: bool = False) -> TextIO:
    """``path`` opened (``make``: made) and locked; the lock is released when the file is
    closed, or when the process ends."""
    lock = path.open("w" if make else "r")
    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return lock


def remove_stale_spools(folder: Path) -> list[Path]:
    """Remove the spool folders in ``folder`` whose lock no process holds (their build was
    killed); the folders removed. A folder without a lock file is left: it is being made, or
    an older build's, which locked none."""
    removed = []
    for path in sorted(folder.glob(f"{SPOOL_PREFIX}*")):
        try:
            lock = _locked(path / LOCK)  # never made here: a folder being made is left
        except (BlockingIOError, FileNotFoundError, NotADirectoryError, PermissionError):
            continue
        with lock:
            shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _size(action: SpooledAction) -> int:
    return action.path.stat().st_size


@compared
@dataclass(frozen=True, repr=False, eq=False)
class CheckedFamilies:
    """One canonical action's families: their triples, sorted, in a file of the spool, and
    what SHACL found on them."""

    path: Path
    violations: tuple[Violation, ...]
    warnings: tuple[Violation, ...]


def checked_action_families(
    action: SpooledAction,
    placing: Placing,
    vocabulary: frozenset[FormattedTriple],
    engine: str = "fast",
) -> CheckedFamilies:
    """The families of one spooled canonical action, their triples written beside its items as
    a sorted run (:func:`write_families`), and the findings on the families of a SHACL check of
    the triples their shape reads (:func:`shaped_triples`) with what the ``vocabulary`` says of
    the nodes they name (:func:`_named_in`).

    These are the findings on those families of a check of every action's families together
    (with the citations across plans and the vocabulary, as the build checked them before): a
    family's shape reads the family's own triples, the memberships of its measures (made with
    the family, and only there) and the class of its canonical action (the action's triples in
    the vocabulary, and its subclass links); the measures are not typed in the check, so no
    shape targets them, and no triple of another action's families has this action's families
    or its measures as subject or object. The findings on the vocabulary are left to the check
    of the rest."""
    families = spooled_families(action.path, action.canonical, placing)
    heads, terms = families.heads, UnkeptTurtleTerms()
    path = action.path.with_suffix(".families")
    read = _read_memberships(heads, terms)
    written = write_families(heads, families.memberships, terms, path, read)
    checked = shaped_triples(heads, written.read, terms) | _named_in(written.objects, vocabulary)
    report = validate_turtle(turtle_header() + turtle_body(checked), engine)
    nodes = {family_iri(head) for head in heads}
    return CheckedFamilies(
        path,
        tuple(v for v in report.violations if v.focus in nodes),
        tuple(v for v in report.warnings if v.focus in nodes),
    )


MEMBERS_SORTED = 4096
"""Members whose triples are sorted together, a run on disk of their own until the action's
runs are merged into one (:func:`write_families`)."""


@dataclass
class WrittenFamilies:
    """What :func:`write_families` keeps of the triples it wrote: those ``read`` asks for
    (every family's own and the memberships asked for) and the objects of all."""

    read: set[FormattedTriple] = field(default_factory=set)
    objects: set[str] = field(default_factory=set)


def write_families(
    heads: Sequence[FamilyHead],
    memberships: Iterable[Membership],
    terms: TurtleTerms,
    path: Path,
    read: set[FormattedTriple],
) -> WrittenFamilies:
    """Write the triples of the families ``heads`` and of the ``memberships`` of their
    measures (each family by its place in ``heads``; :func:`~plankg.graph.rdf.tasks.family_terms`)
    to ``path`` as a sorted run; keep the families' own triples, those of ``read`` and the
    objects of all. The members' triples are sorted :data:`MEMBERS_SORTED` members at a time
    and merged: a large action's tens of thousands of memberships are never held at once (two
    triples and the measure's IRI, some 350 bytes, for each)."""
    written, blocks = WrittenFamilies(), list[Path]()
    nodes = [terms.iri(family_iri(head)) for head in heads]
    for head, node in zip(heads, nodes, strict=True):
        written.read.update(own_family_terms(head, node, terms))
    members: list[FormattedTriple] = []
    similarities: dict[float, str] = {}
    for key, family, similarity in memberships:
        for triple in member_terms(key, similarity, nodes[family], terms, similarities):
            members.append(triple)
            if triple in read:
                written.read.add(triple)
        if len(members) == 2 * MEMBERS_SORTED:
            block = path.with_suffix(f".members{len(blocks)}")
            blocks.append(write_run(block, sorted(members)))
            members = []
    written.objects.update(nodes)
    written.objects.update(o for _, _, o in written.read)
    written.objects.update(similarities.values())
    runs = [sorted(written.read), sorted(members), *map(read_run, blocks)]
    write_run(path, merged(*runs))
    for block in blocks:
        block.unlink()
    return written


def _read_memberships(heads: Iterable[FamilyHead], terms: TurtleTerms) -> set[FormattedTriple]:
    """The memberships :func:`shaped_triples` reads: each family's first member's, its
    central member's and its anchor's."""
    member_of = terms.constants[PK.memberOf]
    read = set()
    for head in heads:
        node = terms.iri(family_iri(head))
        for item in (head.first, head.central, head.anchor):
            if item is not None:
                read.add((terms.iri(str(item.key)), member_of, node))
    return read


def shaped_triples(
    heads: Sequence[FamilyHead],
    triples: Iterable[FormattedTriple],
    terms: TurtleTerms,
) -> set[FormattedTriple]:
    """The triples of the families ``heads`` (written by ``terms``) a SHACL check of the
    families reads: each family's own, and the memberships of its first member, its central
    member and its anchor. The family's shape reads its own triples, whether some measure is its
    member, and whether its central member and anchor are; the measures are not typed, so no
    shape reads the other memberships and similarities. The findings on the families are those
    of a check of all their triples, which would read a few triples for each measure of the
    action (its thousands of measures in a large corpus): this check's size grows with the
    families."""
    nodes = {terms.iri(family_iri(head)) for head in heads}
    needed = _read_memberships(heads, terms)
    return {t for t in triples if t[0] in nodes or t in needed}


def _named_in(objects: set[str], vocabulary: frozenset[FormattedTriple]) -> set[FormattedTriple]:
    """The triples of ``vocabulary`` about the nodes ``objects`` (those the families' triples
    name as objects), and its subclass links (what ``sh:class`` reads of a value): a check of a
    few hundred triples fewer for each canonical action than with the whole vocabulary."""
    return {t for t in vocabulary if t[0] in objects or t[1] == "rdfs:subClassOf"}
