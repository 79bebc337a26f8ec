"""Plans read into memory (a :class:`Corpus`): the model and graph that queries, exports,
views and analysis work on. (Writing the graph of many files is :mod:`plankg.graph.rdf.batch`.)

Every file is read on its own: a file that fails is reported (one line: which file, what is
wrong) and the others go on. :func:`map_files` is the one place that decides whether files are
read in parallel; :class:`PlanKeys` the one place that keys a plan whose region and period
another plan already has.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from plankg.allocator import large_blocks_mapped
from plankg.errors import one_line
from plankg.graph.rdf.build import (
    Quad,
    Triple,
    corpus_links,
    corpus_quads,
    graph_of,
    plan_graphs,
    sorted_triples,
)
from plankg.graph.rdf.documents import DocumentIndex, DocumentRecord
from plankg.graph.rdf.families import TaskItem
from plankg.graph.rdf.iris import plan_key, plan_node
from plankg.graph.rdf.tasks import corpus_families, corpus_tasks
from plankg.loaders.frozen import compared
from plankg.loaders.model import Plan
from plankg.loaders.read import PlanReadError, read_plan, sample_paths

if TYPE_CHECKING:  # concurrent.futures: imported for a pool only
    from concurrent.futures import Executor, Future

    from rdflib import Graph

PARALLEL_THRESHOLD = 32
"""From this many files on, files are read by a pool of processes."""
Progress = Callable[[int, int], None]
R = TypeVar("R")
T = TypeVar("T")


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Problem:
    """A problem met while reading an input file: one line naming the file and the reason."""

    path: str
    message: str
    fatal: bool
    """True when the file yielded no plan; False for a warning about a plan that was read."""

    def __str__(self) -> str:
        kind = "error" if self.fatal else "warning"
        return one_line(f"{kind}: {self.path}: {self.message}")

    @classmethod
    def of(cls, path: Path | str, error: PlanReadError) -> Problem:
        """The problem a read error states, its message without the path it begins with."""
        message = str(error.args[0]) if error.args else str(error)
        return cls(str(path), message.removeprefix(f"{path}: "), True)


@dataclass
class Corpus:
    """Plans read from files, their IRI keys, and what went wrong on the way."""

    plans: list[Plan] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.fatal]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.fatal]

    def triples(self) -> set[Triple]:
        """The union of the dataset's graphs: what the Turtle file holds."""
        return {(s, p, o) for s, p, o, _ in self.quads()}

    def quads(self) -> list[Quad]:
        """The dataset: each plan's named graph, the derived graph and the vocabulary."""
        return corpus_quads(self.plans, self.keys)

    def documents(self) -> DocumentIndex:
        """Where the plans' citations point, across the corpus."""
        records = [
            DocumentRecord.of(p, plan_node(k)) for p, k in zip(self.plans, self.keys, strict=True)
        ]
        return DocumentIndex.of(records)

    def triple_parts(self, plans_per_part: int) -> Iterator[list[Triple]]:
        """The triples of ``plans_per_part`` plans at a time, made when asked for, in the order
        they are made (see :func:`ordered_triples`), then the links across plans and the task
        families; their union is :meth:`triples` (a plan's triples depend on that plan and the
        corpus's document index alone)."""
        for plans in self.plan_parts(plans_per_part):
            part: dict[Triple, None] = {}
            for _, triples in plans:
                part.update(dict.fromkeys(triples))
            yield list(part)
        links = {**corpus_links(self.keys), **corpus_families(self.plans, self.keys)}
        if links:
            yield list(links)

    def plan_parts(self, plans_per_part: int) -> PlanParts:
        """Each plan's IRI and triples (its named graph, its part of the derived graph and the
        vocabulary it uses, citations resolved across the corpus), ``plans_per_part`` plans at a
        time, a part made when asked for: what :func:`~plankg.graph.neo4j.push.push_plans`
        digests and pushes. The links across plans and the task families are not among them."""
        return PlanParts(self.plans, self.keys, self.documents(), plans_per_part)

    def tasks(self) -> list[TaskItem]:
        """The measures the task families group."""
        return corpus_tasks(self.plans, self.keys)

    def graph(self) -> Graph:
        return graph_of(sorted_triples(self.triples()))


@dataclass(frozen=True)
class PlanParts:
    """A corpus's plans ``size`` at a time, each plan as its IRI and triples; a part is made
    when indexed, from the plans and the corpus's document index alone, so that a process
    forked with this object can make any part of it."""

    plans: list[Plan]
    keys: list[str]
    documents: DocumentIndex
    size: int

    def __len__(self) -> int:
        return -(-len(self.plans) // self.size)

    def __getitem__(self, index: int) -> list[tuple[str, list[Triple]]]:
        if not 0 <= index < len(self):
            raise IndexError(index)
        start = index * self.size
        stop = start + self.size
        keyed = zip(self.plans[start:stop], self.keys[start:stop], strict=True)
        return [
            (plan_node(key), list(plan_graphs(plan, key, self.documents).all()))
            for plan, key in keyed
        ]

    def __iter__(self) -> Iterator[list[tuple[str, list[Triple]]]]:
        return (self[index] for index in range(len(self)))


@dataclass
class PlanKeys:
    """The plan keys handed out so far, by the content digest of the plan that got each: a
    second plan with the same region and period is keyed by its digest."""

    digests: dict[str, str] = field(default_factory=dict)

    def repeats(self, key: str, sha256: str) -> bool:
        """The same text was keyed already (under ``key`` or, a second plan of its region and
        period, under its digest's)."""
        return sha256 in (self.digests.get(key), self.digests.get(digest_key(key, sha256)))

    def assign(self, key: str, sha256: str) -> tuple[str, str | None]:
        """The key for this plan, and a note when it had to be its digest."""
        first = self.digests.setdefault(key, sha256)
        if first == sha256:
            return key, None
        key = digest_key(key, sha256)
        self.digests.setdefault(key, sha256)
        return key, f"same region and period as {first[:12]}…; keyed by content digest"

    def given(self, key: str, sha256: str) -> tuple[str | None, str | None]:
        """The key for the plan of this key and digest, in input order, and the note that goes
        with it: :meth:`assign`'s, or no key and :data:`SKIPPED` for a second copy of a text."""
        return (None, SKIPPED) if self.repeats(key, sha256) else self.assign(key, sha256)


SKIPPED = "same text as an earlier file; skipped"


def digest_key(key: str, sha256: str) -> str:
    """The key of a second plan with the same region and period (``key``): its digest's."""
    return f"{key}~{sha256[:12]}"


def expand_paths(paths: Sequence[str | Path] | None) -> tuple[Sequence[Path], list[Problem]]:
    """Files named, and the plan files inside folders named; the samples when none is named."""
    if not paths:
        return sample_paths(), []
    files = FilePaths()
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if not p.name.startswith("."))
            files.extend(p for p in found if p.is_file())
            problems.extend(_skipped(p) for p in found if not p.is_file() and not p.is_dir())
        elif path.exists():
            files.append(path)
        else:
            problems.append(Problem(str(path), "no such file or folder", True))
    return files, problems


class FilePaths(Sequence[Path]):
    """Files' paths kept as text, each made a :class:`~pathlib.Path` when asked for: a build
    holds every file's path to its end, and a path kept as text takes some 80 bytes where a
    ``Path`` takes 360 (5,000 files: 0.4 MiB as text, 1.7 MiB as paths)."""

    def __init__(self, paths: Iterable[str | Path] = ()) -> None:
        self._texts = [str(path) for path in paths]

    def append(self, path: str | Path) -> None:
        self._texts.append(str(path))

    def extend(self, paths: Iterable[str | Path]) -> None:
        self._texts.extend(str(path) for path in paths)

    def __len__(self) -> int:
        return len(self._texts)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...
    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [Path(text) for text in self._texts[index]]
        return Path(self._texts[index])


def _skipped(path: Path) -> Problem:
    """A warning for what a folder holds that is not a file: a link to nothing, a device."""
    if path.is_symlink() and not path.exists():
        target = os.readlink(path)
        return Problem(str(path), f"skipped: a link to {target}, which does not exist", False)
    return Problem(str(path), "skipped: not a file (a device, pipe or socket)", False)


def map_files(
    work: Callable[[T], R],
    files: Sequence[T],
    *,
    workers: int | None = None,
    parallel_from: int = PARALLEL_THRESHOLD,
    chunksize: int = 8,
    progress: Progress | None = None,
    setup: Callable[[], None] | None = None,
    ahead: int = 2,
) -> Generator[R, None, None]:
    """``work(file)`` for every file, in order: in this process for a few files or one worker,
    else in a pool of ``workers`` processes (default: all cores). ``work`` must be picklable
    (a module-level function, or a :func:`functools.partial` of one), and so must ``setup``,
    run once in each worker before any work (a :func:`functools.partial`, say, that hands it
    the pipes of the pool's caller).

    At most ``ahead`` chunks per worker are handed out beyond the one being read, so results
    never pile up in memory when the reader is slower than the pool (``Executor.map`` hands
    out every file at once).

    Each worker first freezes the objects it was forked with (``gc.freeze``: a few pointers
    moved), so that its collector never visits them: a visit writes to an object's header, and
    the page holding it, shared with this process until then, is copied into the worker.

    A pool's processes, this one included, serve large blocks from mappings of their own
    (:func:`~plankg.allocator.large_blocks_mapped`): the results they pass are such blocks."""
    if not in_pool(len(files), workers, parallel_from):
        yield from _counted(map(work, files), len(files), progress)
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only for a pool

    large_blocks_mapped()
    count = _workers(workers)
    initializer = gc.freeze if setup is None else partial(_set_up, setup)
    with ProcessPoolExecutor(max_workers=count, initializer=initializer) as pool:
        results = _in_order(pool, work, files, chunksize, ahead * count)
        yield from _counted(results, len(files), progress)


def _set_up(setup: Callable[[], None]) -> None:
    gc.freeze()
    setup()


def _in_order(
    pool: Executor,
    work: Callable[[T], R],
    files: Sequence[T],
    chunksize: int,
    window: int,
) -> Iterator[R]:
    pending: deque[Future[list[R]]] = deque()
    for start in range(0, len(files), chunksize):
        pending.append(pool.submit(_each, work, files[start : start + chunksize]))
        if len(pending) > window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _each(work: Callable[[T], R], files: Sequence[T]) -> list[R]:
    return [work(file) for file in files]


def map_in_fresh_workers(
    work: Callable[[T], R], items: Sequence[T], *, workers: int | None = None
) -> Iterator[R]:
    """``work(item)`` for every item, in order, each in a process of its own, forked for it
    (at most ``workers`` at once, default: all cores), that ends with it.

    For a few large pieces of work that each make and drop much (the task families' grouping
    of one canonical action, tens of megabytes at 5,000 plans): a worker kept for the next
    piece keeps what its allocator could not give back of the last (partly used arenas, a heap
    not trimmed) and the pages of this process it wrote to, and so grew with every piece.

    The pool forks each new worker from its own thread while others work; a process with a
    Python SIGTERM handler must have its forks end on SIGTERM (the CLI's
    :func:`~plankg.cli.stop_on_sigterm`), or the pool's exit can wait forever for a worker
    that ran the handler in its after-fork hooks.

    ``work`` is handed to each worker as it is forked, not pickled with each item: the
    families' work carries the plans' placing (some 0.7 MiB in each worker at 5,000 plans,
    made again from its pickle for every action)."""
    import multiprocessing  # only for a pool

    large_blocks_mapped()
    count = _workers(workers)
    with multiprocessing.Pool(count, _given, (work,), maxtasksperchild=1) as pool:
        yield from pool.imap(_by_given_work, items, chunksize=1)


_GIVEN_WORK: Callable[[Any], Any] | None = None
"""In a worker of :func:`map_in_fresh_workers`: the work it was forked with."""


def _given(work: Callable[[Any], Any]) -> None:
    global _GIVEN_WORK
    gc.freeze()
    _GIVEN_WORK = work


def _by_given_work(item: Any) -> Any:
    assert _GIVEN_WORK is not None, "a worker of map_in_fresh_workers is given its work"
    return _GIVEN_WORK(item)


def in_pool(count: int, workers: int | None, parallel_from: int = PARALLEL_THRESHOLD) -> bool:
    """Whether :func:`map_files` works on ``count`` files in a pool of processes."""
    return _workers(workers) > 1 and count >= parallel_from


def _workers(workers: int | None) -> int:
    return workers if workers is not None else (os.cpu_count() or 1)


def _counted(results: Iterable[R], total: int, progress: Progress | None) -> Iterator[R]:
    for done, result in enumerate(results, start=1):
        yield result
        if progress:
            progress(done, total)


def read_or_problem(path: Path) -> Plan | Problem:
    """The plan in ``path``, or the one-line problem that keeps it from being read."""
    try:
        return read_plan(path)
    except PlanReadError as e:
        return Problem.of(path, e)


def load_corpus(
    paths: Sequence[str | Path] | None = None,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Corpus:
    """Read every plan in ``paths`` (files or folders; the samples when empty)."""
    files, problems = expand_paths(paths)
    corpus = Corpus(problems=problems)
    keys = PlanKeys()
    results = map_files(read_or_problem, files, workers=workers, progress=progress)
    for path, result in zip(files, results, strict=True):
        if isinstance(result, Problem):
            corpus.problems.append(result)
        else:
            corpus_add(corpus, keys, result, str(path))
    return corpus


def corpus_add(corpus: Corpus, keys: PlanKeys, plan: Plan, path: str) -> None:
    """Add a plan read from ``path``, keyed uniquely, with its warnings; a second copy of a
    text is skipped, as :func:`~plankg.graph.rdf.batch.build_many` skips it."""
    key, note = keys.given(plan_key(plan), plan.source.sha256)
    if note:
        corpus.problems.append(Problem(path, note, False))
    if key is None:
        return
    corpus.plans.append(plan)
    corpus.keys.append(key)
    corpus.problems.extend(Problem(path, w, False) for w in plan.warnings)
