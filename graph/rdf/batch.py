"""Building the graph of many plans: each file converted, validated and written on its own
(in parallel above a few dozen files), then stitched into one Turtle document (the union of
the graphs) and one TriG document (the dataset: a named graph per plan, the derived graph, the
vocabulary).

A plan's own triples (its IRI and everything under it) are written by the worker that read it;
triples about shared things (regions, types, years) are gathered, merged and written once at the
end. Citations are resolved at the end too, across every plan read (a document a plan cites by
title may be one another plan gives a 文号, or a plan read itself), and written as a second block
of each plan's graph. Plan chunks stream to disk as they arrive, and so do the measures the
task families group (a file per canonical action, :mod:`plankg.graph.rdf.task_spool`), and
what a result keeps for the report (counts, agencies and leads, coverage, SHACL findings: a
:class:`~plankg.graph.rdf.spooled_list.SpooledList`), and the plans' document records, which
the citations and the families read at the end (a
:class:`~plankg.graph.rdf.spooled_list.SpooledMapping`).

Each plan is validated (its chunk and the shared triples it uses) by the worker that converted
it; when the files are converted in one process, by a thread of it, while the next plan is
converted (the compiled SHACL engine releases the GIL, so on two cores the check of one plan and
the reading of the next overlap). A plan whose region and period an earlier plan has is keyed
by its content digest: in a pool, the worker that read a plan asks this process for its key
(:mod:`plankg.graph.rdf.keying`) and converts it once, under that key; in one process, such a
plan is converted again under its digest's key, after the others. Either way the plans keyed by
digest are written after the others (in a pool, their chunks wait in a temporary file).
"""

from __future__ import annotations

import gc
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import chain
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar, overload

from plankg.files import scratch_file, staged
from plankg.graph.rdf.build import cite, revision_links, write_plan
from plankg.graph.rdf.checker import Check, Checker, checking
from plankg.graph.rdf.corpus import (
    PARALLEL_THRESHOLD,
    SKIPPED,
    Corpus,
    PlanKeys,
    Problem,
    Progress,
    in_pool,
    map_files,
    map_in_fresh_workers,
)
from plankg.graph.rdf.documents import DocumentIndex, DocumentRecord
from plankg.graph.rdf.families import TaskItem
from plankg.graph.rdf.family_passes import Placing
from plankg.graph.rdf.iris import (
    DERIVED_GRAPH,
    VOCABULARY_GRAPH,
    agency_iri,
    plan_graph_node,
    plan_key,
    plan_node,
    source_iri,
)
from plankg.graph.rdf.plan_text import AGENCY, PlanText, TextIndex, plan_counts, plan_leads
from plankg.graph.rdf.regions import place_of
from plankg.graph.rdf.report_totals import ReportTotals
from plankg.graph.rdf.sorted_runs import SpilledSet, merged, read_run, write_body, write_trig_block
from plankg.graph.rdf.spooled_list import SpooledList, SpooledMapping
from plankg.graph.rdf.task_spool import ActionMapper, TaskSpool
from plankg.graph.rdf.tasks import plan_tasks
from plankg.graph.rdf.turtle import (
    FormattedTriple,
    TurtleTerms,
    iri_text,
    joined_blocks,
    sorted_body,
    trig_block,
    turtle_body,
    turtle_header,
)
from plankg.graph.rdf.validate import ValidationReport, Violation, validate_turtle
from plankg.loaders.coverage import findings_table, summary_table
from plankg.loaders.frozen import compared
from plankg.loaders.model import Coverage, Plan
from plankg.loaders.read import PlanReadError, read_plan
from plankg.tables import Table

EXTRACTION_PREFIX = source_iri("").replace("/source/", "/extraction/")
R = TypeVar("R")
T = TypeVar("T")


@dataclass
class FileResult:
    """What one input file gave: a plan's Turtle chunk and figures, or an error."""

    path: str
    key: str | None = None
    sha256: str | None = None
    chunk: bytes = b""
    """The plan's own triples as Turtle (UTF-8: handed from a worker and written as they are,
    never decoded on the way)."""
    trig: bytes = b""
    """The plan's graph and its derived facts as TriG blocks (UTF-8)."""
    shared: list[FormattedTriple] = field(default_factory=list)
    """The triples about things other plans may share, sorted."""
    vocabulary: set[FormattedTriple] = field(default_factory=set)
    record: DocumentRecord | None = None
    """What the citations need, resolved once every plan is read."""
    violations: tuple[Violation, ...] = ()
    shacl_warnings: tuple[Violation, ...] = ()
    counts: Counter[str] = field(default_factory=Counter)
    leads: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    agencies: set[str] = field(default_factory=set)
    """The plan's agencies, their IRIs as Turtle writes them."""
    warnings: tuple[str, ...] = ()
    error: str | None = None
    plan: Plan | None = None
    """The plan itself, when the caller asked to keep it (to push it next); a build keeps it
    apart from the result once written (:attr:`BatchResult.kept`)."""
    coverage: Coverage | None = None
    """What the reading left unread (see :mod:`plankg.loaders.coverage`)."""
    tasks: tuple[TaskItem, ...] = ()
    """The plan's measures as the task families need them, grouped once every plan is read."""


def process_file(
    path: Path,
    key: str | None = None,
    engine: str = "fast",
    keep_plan: bool = False,
    validate: bool = True,
    plan: Plan | None = None,
) -> FileResult:
    """Read one plan file and turn it into a Turtle chunk, validated unless ``validate`` is
    false (then :func:`validate_result` does it, as :func:`build_many` does, in a thread beside
    the next file's conversion). ``plan``: the file's plan, when read already."""
    if plan is None:
        try:
            plan = read_plan(path)
        except PlanReadError as e:
            return FileResult(str(path), error=Problem.of(path, e).message)
    key = key or plan_key(plan)
    terms = TurtleTerms()
    graphs = write_plan(plan, key, terms)
    text = PlanText.of(graphs, _own_terms(plan, key, terms.written))
    index = TextIndex(text.ordered)
    own = joined_blocks(text.own)
    trig = trig_block(plan_graph_node(key), joined_blocks(text.asserted))
    result = FileResult(
        path=str(path),
        key=key,
        sha256=plan.source.sha256,
        chunk=own.encode(),
        trig=(trig + trig_block(DERIVED_GRAPH, turtle_body(graphs.derived))).encode(),
        shared=text.shared_triples,
        vocabulary=set(graphs.vocabulary),
        record=DocumentRecord.of(plan, plan_node(key)),
        counts=plan_counts(index, len(text.ordered)),
        leads=plan_leads(index),
        agencies=set(index.typed(AGENCY)),
        warnings=plan.warnings,
        coverage=plan.coverage,
        plan=plan if keep_plan else None,
        tasks=plan_tasks(plan, key),
    )
    if not validate:
        return result
    report = validate_turtle(turtle_header() + own + joined_blocks(text.shared), engine)
    return validate_result(result, report)


def checked_text(result: FileResult) -> str:
    """What SHACL checks of a plan: its own triples and the shared ones it uses."""
    return turtle_header() + result.chunk.decode() + sorted_body(result.shared)


def validate_result(result: FileResult, report: ValidationReport) -> FileResult:
    """``result`` with the violations and warnings of ``report`` (of its :func:`checked_text`)."""
    result.violations, result.shacl_warnings = report.violations, report.warnings
    return result


def _own_terms(plan: Plan, key: str, written: dict[str, str]) -> set[str]:
    """The IRIs, as written, of the subjects written in the plan's chunk (see :func:`_is_own`)."""
    is_own = _is_own(plan, key)
    return {text for node, text in written.items() if is_own(node)}


def _is_own(plan: Plan, key: str) -> Callable[[str], bool]:
    """Whether a subject is written in the plan's chunk: the plan and everything under it, its
    source file and its clauses, its extraction run and the agencies of its region (another
    plan of the same region may add to them; Turtle allows a subject in two places). Regions,
    types, years and cited documents go to the shared block."""
    node = plan_node(key)
    source = source_iri(plan.source.sha256)
    exact = {node, source}
    prefixes = (
        node + "/",
        agency_iri(place_of(plan.region).key, ""),
        source + "#",
        f"{EXTRACTION_PREFIX}{plan.source.sha256}/",
    )

    def is_own(subject: str) -> bool:
        return subject in exact or subject.startswith(prefixes)

    return is_own


@dataclass
class BatchResult:
    """What :func:`build_many` did: each file's result, the SHACL report, the files written."""

    results: Sequence[FileResult]
    """Each file's result, in input order, once written (chunks, triples and task items let
    go): kept on disk, read back when asked for (:class:`SpooledList`), so that reading them
    one at a time, as the methods here do, holds one at a time."""
    report: ValidationReport
    written: Path
    """The Turtle file: the union of the graphs (replaced only when some plan was read: see
    :func:`build_many`)."""
    dataset: Path
    """The TriG file: a named graph per plan, the derived graph, the vocabulary."""
    kept: dict[int, Plan] = field(default_factory=dict)
    """The plans kept (``build_many(keep_plans=True)``), by their file's place: in memory,
    as they came (a plan read back from disk would cost more than its reading)."""

    @property
    def totals(self) -> ReportTotals:
        """The plans' agencies and leads, summed from their results once asked for."""
        return self._sums[1]

    @cached_property
    def _sums(self) -> tuple[Counter[str], ReportTotals]:
        """The plans' counts and the report's totals, summed in one reading of the results."""
        counts, totals = Counter[str](), ReportTotals()
        for result in self._plans():
            counts.update(result.counts)
            totals.add(result.agencies, result.leads)
        return counts, totals

    @property
    def plans(self) -> list[FileResult]:
        """The results of the files that gave a plan, every one read back at once."""
        return list(self._plans())

    def _plans(self) -> Iterator[FileResult]:
        return (r for r in self.results if r.key is not None)

    def has_plans(self) -> bool:
        """Whether some file gave a plan."""
        return any(self._plans())

    def problems(self) -> list[Problem]:
        found = []
        for r in self.results:
            if r.error:
                found.append(Problem(r.path, r.error, True))
            found.extend(Problem(r.path, w, False) for w in r.warnings)
        return found

    def counts(self) -> dict[str, int]:
        total = self._sums[0]
        return {
            "plans": total["plans"],
            "actions": total["actions"],
            "measures": total["measures"],
            "agencies": self.totals.agency_count(),
            "assignments (measure × agency × role)": total["assignments"],
            "targets": total["targets"],
        }

    def top_leads(self, limit: int | None = None) -> Table:
        """Agencies by measures led, as the ``top-lead`` query orders them."""
        return self.totals.top_leads(limit)

    def coverage(self, limit: int | None = None) -> Table:
        """What was left unread, a row per plan (the plans with most to look at first)."""
        plans = ((r.key, r.coverage) for r in self._plans() if r.key and r.coverage)
        return summary_table(plans, limit)

    def coverage_findings(self) -> Table:
        """Every line left unread, with its plan, file and line number."""
        plans = ((r.key, r.path, r.coverage) for r in self._plans() if r.key and r.coverage)
        return findings_table(plans)

    def corpus(self) -> Corpus:
        """The plans kept (``build_many(keep_plans=True)``) as a corpus, keyed as written."""
        corpus = Corpus()
        for index, result in enumerate(self.results):
            plan = self.kept.get(index)
            if plan is not None and result.key is not None:
                corpus.plans.append(plan)
                corpus.keys.append(result.key)
        corpus.problems.extend(self.problems())
        return corpus


@contextmanager
def collector_blind() -> Iterator[None]:
    """Every object that exists now (the modules a build imported) kept out of the cycle
    collector's sight while the block runs (``gc.freeze``): a build's collections no longer walk
    them again (a full collection of them cost a build of the samples some 40 ms). Given back
    afterwards, for a caller that goes on (a notebook, a test)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def build_many(
    paths: Sequence[Path],
    out: Path,
    *,
    engine: str = "fast",
    workers: int | None = None,
    progress: Progress | None = None,
    parallel_from: int = PARALLEL_THRESHOLD,
    keep_plans: bool = False,
    converter: Callable[..., FileResult] = process_file,
) -> BatchResult:
    """Convert every file in ``paths`` and write ``out/plankg.ttl`` (the union of the graphs)
    and ``out/plankg.trig`` (the dataset); files that fail are reported in the results and do
    not stop the others. ``keep_plans`` keeps each plan read, so that
    :meth:`BatchResult.corpus` can hand them on (to a push) without reading again.
    ``converter`` converts one file: :func:`process_file`, or a wrapper of it (picklable: a
    module-level function) that watches the work.

    In a pool, every plan is keyed by this process as soon as the files before it are read, and
    converted once, by the worker that read it; in one process, a plan keyed by digest is
    converted twice (a rare few files have such a pair).

    Each file is replaced in one step once written in full, and only when some plan was read:
    a run in which every file fails (or that is interrupted) leaves the previous graph as it
    was."""
    pooled = in_pool(len(paths), workers, parallel_from)
    work = partial(converter, engine=engine, keep_plan=keep_plans, validate=pooled)
    pool = _Pool(workers, parallel_from)
    results = SpooledList(len(paths), lambda index: FileResult(str(paths[index])))
    with (
        collector_blind(),
        checking() as checker,
        closing(TaskSpool()) as tasks,
        closing(SpilledSet()) as shared,
        staged(out / TURTLE) as turtle,
        staged(out / TRIG) as trig,
    ):
        records = SpooledMapping[DocumentRecord](len(paths))
        output = _Output(
            turtle.file, trig.file, checker, engine, pooled, tasks, results, shared, records
        )
        convert = _keyed_while_converted if pooled else _converted_then_keyed
        for done, (index, result, later) in enumerate(convert(paths, work, pool), start=1):
            output.add(index, result, later)
            if progress:
                progress(done, len(paths))
        output.write_later()
        mapper = partial(map_in_fresh_workers, workers=workers) if pooled else None
        cited = _corpus_facts(output.records, engine, output, trig.file, mapper)
        write_body(turtle.file, merged(output.shared.sorted(), *output.family_runs()))
        trig.file.write(trig_block(VOCABULARY_GRAPH, turtle_body(output.vocabulary)))
        turtle.keep = trig.keep = bool(output.records)
        output.settle_checks()
    report = _batch_report(chain(results, [cited]), engine)
    return BatchResult(results, report, out / TURTLE, out / TRIG, output.kept)


def _batch_report(results: Iterable[FileResult], engine: str) -> ValidationReport:
    """The SHACL findings of every result, sorted, read once."""
    violations: list[Violation] = []
    warnings: list[Violation] = []
    for result in results:
        violations += result.violations
        warnings += result.shacl_warnings
    violations.sort()
    warnings.sort()
    return ValidationReport(not violations, tuple(violations), engine, tuple(warnings))


@dataclass
class _Output:
    """Where converted plans go as they arrive: their chunks to the Turtle and TriG files, the
    triples they share gathered, and (unless the workers ``checked`` them) their SHACL check
    begun in the checker thread."""

    turtle: TextIO
    trig: TextIO
    checker: Checker
    engine: str
    checked: bool
    tasks: TaskSpool
    """The plans' measures, spooled to disk until the task families group them, and then the
    families' triples, a sorted run per canonical action."""
    results: SpooledList[FileResult]
    """Each file's result once written and checked."""
    shared: SpilledSet
    """The triples about shared things, written once at the end of the Turtle file."""
    records: SpooledMapping[DocumentRecord]
    """Each plan's document record by its key, in the order of the files: what the citations,
    the revisions and the task families read of the plans once all are read. On disk: held in
    memory, they grew the building process by some 1.6 KiB a plan to the end (8.7 MiB at 5,000
    generated plans)."""
    vocabulary: set[FormattedTriple] = field(default_factory=set)
    checks: deque[tuple[int, FileResult, Check[ValidationReport]]] = field(default_factory=deque)
    kept: dict[int, Plan] = field(default_factory=dict)
    """The plans the results brought (``keep_plans``), by their file's place."""
    families: list[Path] = field(default_factory=list)
    """The files of the families' sorted runs."""
    later: tuple[BinaryIO, BinaryIO] | None = None
    """The Turtle and TriG chunks written after every other plan's (see :meth:`write_later`),
    in temporary files made for the first such plan."""

    def __post_init__(self) -> None:
        """Write the headers; the plans' chunks, bytes, go to the files' buffers after them."""
        for file in (self.turtle, self.trig):
            file.write(turtle_header())
            file.flush()

    def add(self, index: int, result: FileResult, later: bool = False) -> None:
        """Write ``result`` (the ``index``-th file's): its chunks now, or (``later``) after
        every other plan's; keep the rest once it is checked."""
        awaits_check = result.key is not None and not self.checked
        if awaits_check:
            check = self.checker.submit(partial(validate_turtle, checked_text(result), self.engine))
            self.checks.append((index, result, check))
        turtle, trig = self._later() if later else (self.turtle.buffer, self.trig.buffer)
        turtle.write(result.chunk)
        trig.write(result.trig)
        self.shared.update(result.shared)
        self.vocabulary |= result.vocabulary
        self.tasks.add(result.tasks)
        if result.key is not None and result.record is not None:
            self.records.set(index, result.key, result.record)
        if result.plan is not None:
            self.kept[index], result.plan = result.plan, None
        _slimmed(result)
        if not awaits_check:
            self.results.set(index, result)
        self.settle_checks(wait=False)

    def settle_checks(self, wait: bool = True) -> None:
        """Keep the results whose check is done, in the order checked (``wait``: every one,
        waiting for their checks)."""
        while self.checks and (wait or self.checks[0][2].done.is_set()):
            index, result, check = self.checks.popleft()
            self.results.set(index, validate_result(result, check.result()))

    def _later(self) -> tuple[BinaryIO, BinaryIO]:
        if self.later is None:
            self.later = (scratch_file("later"), scratch_file("later"))
        return self.later

    def family_runs(self) -> list[Iterator[FormattedTriple]]:
        """The families' triples, a sorted run per canonical action, read from the spool."""
        return [read_run(path) for path in self.families]

    def write_later(self) -> None:
        """Write the chunks kept for later, after the others."""
        if self.later is None:
            return
        import shutil  # only for a plan written after the others (a pool's, keyed by digest)

        for spool, file in zip(self.later, (self.turtle, self.trig), strict=True):
            spool.seek(0)
            shutil.copyfileobj(spool, file.buffer)
            spool.close()


def _slimmed(result: FileResult) -> None:
    """Let go of what ``result`` no longer needs once written: its chunks, triples and task
    items, and its document record (kept with the records of the others)."""
    result.chunk, result.trig, result.shared, result.vocabulary = b"", b"", [], set()
    result.tasks, result.record = (), None


def _convert_as(work: partial[FileResult], path_and_key: tuple[Path, str | None]) -> FileResult:
    return work(*path_and_key)


@compared
@dataclass(frozen=True, repr=False, eq=False)
class _Pool:
    """How :func:`map_files` is asked to share the work out."""

    workers: int | None
    parallel_from: int

    def map(
        self,
        work: Callable[[T], R],
        files: Sequence[T],
        chunksize: int,
        setup: Callable[[], None] | None = None,
    ) -> Generator[R, None, None]:
        """``work`` mapped over ``files``, ``chunksize`` at a time, some 8 files per worker
        handed out ahead of the reader (a slow plan leaves the other workers work to do)."""
        return map_files(
            work,
            files,
            workers=self.workers,
            parallel_from=self.parallel_from,
            chunksize=chunksize,
            setup=setup,
            ahead=max(2, 8 // chunksize),
        )


Converted = Iterator[tuple[int, FileResult, bool]]
"""Each input file's place and result, every file once, and whether its chunks are written
after every other plan's (a plan keyed by its digest)."""


def _converted_then_keyed(
    paths: Sequence[Path], work: partial[FileResult], pool: _Pool
) -> Converted:
    """Each plan converted under its region and period's key, then keyed in input order: a
    plan whose key an earlier plan has is converted again under its digest's, after the others
    (see :func:`_keyed`)."""
    keys = PlanKeys()
    again: list[tuple[int, str, str]] = []
    for index, result in enumerate(pool.map(work, paths, 4)):
        result, rekey = _keyed(result, keys)
        if rekey is None:
            yield index, result, False
        else:
            again.append((index, *rekey))
    rekeyed = pool.map(partial(_convert_as, work), [(paths[i], key) for i, key, _ in again], 8)
    for (index, _, note), result in zip(again, rekeyed, strict=True):
        yield index, _noted(result, note), False


def _keyed_while_converted(
    paths: Sequence[Path], work: partial[FileResult], pool: _Pool
) -> Converted:
    """Each plan read by a worker of the pool, keyed by the desk (this process) in input order
    as soon as every earlier file is read, and converted by the same worker under its key: each
    file read once and converted once (see :mod:`plankg.graph.rdf.keying`). The plans keyed by
    their digest are written after the others, as :func:`_converted_then_keyed` writes them."""
    from plankg.graph.rdf.keying import KeyDesk  # multiprocessing: only for a pool

    desk = KeyDesk(len(paths))
    converted = pool.map(partial(_read_keyed_converted, work), _Numbered(paths), 1, desk.setup)
    with closing(converted), desk:
        for index, result in enumerate(converted):
            note = desk.notes.get(index)
            yield index, _noted(result, note), note is not None and result.key is not None


class _Numbered(Sequence[tuple[int, Path]]):
    """Each file with its place, paired when asked for rather than in a list held to the end
    of the build (some 90 bytes a file)."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = paths

    def __len__(self) -> int:
        return len(self.paths)

    @overload
    def __getitem__(self, index: int) -> tuple[int, Path]: ...
    @overload
    def __getitem__(self, index: slice) -> list[tuple[int, Path]]: ...
    def __getitem__(self, index: int | slice) -> tuple[int, Path] | list[tuple[int, Path]]:
        if isinstance(index, slice):
            return [(i, self.paths[i]) for i in range(*index.indices(len(self.paths)))]
        place = range(len(self.paths))[index]
        return place, self.paths[place]


def _read_keyed_converted(work: partial[FileResult], job: tuple[int, Path]) -> FileResult:
    """In a worker of the pool: file ``job`` read, keyed by the desk and converted."""
    from plankg.graph.rdf.keying import read_and_keyed

    index, path = job
    plan, key = read_and_keyed(index, path)
    if isinstance(plan, Problem):
        return FileResult(plan.path, error=plan.message)
    if key is None:
        return FileResult(str(path), warnings=(SKIPPED,))
    return work(path, key, plan=plan)


def _noted(result: FileResult, note: str | None) -> FileResult:
    """``result`` with the note on its key among its warnings (when it was read)."""
    if note and result.key is not None:
        result.warnings = (*result.warnings, note)
    return result


TURTLE = "plankg.ttl"
TRIG = "plankg.trig"


def _corpus_facts(
    records: Mapping[str, DocumentRecord],
    engine: str,
    output: _Output,
    trig: TextIO,
    mapper: ActionMapper | None,
) -> FileResult:
    """The facts that need every plan (``records``: each plan's record by its key, in order):
    citations resolved across the corpus (a second block of each plan's graph), revisions and
    task families (the derived graph, grouped by ``mapper``); validated together.

    The families are grouped first, by workers forked before the citations are resolved, so
    that they share none of the citations' triples with this process (some 17 MiB at 5,000
    generated plans). Their check reads, of the vocabulary, what it says of the families'
    objects and its subclass links; the cited documents' descriptions added to it after are
    about documents, which no family names.

    The citations' triples join the shared triples plan by plan (spilled beyond what those
    hold), not a set of them all (30,024 triples at 5,000 generated plans, held to the end);
    the check reads the vocabulary, which takes the cited documents' descriptions, and the
    citations not about a loaded plan."""
    shared, vocabulary = output.shared, output.vocabulary
    documents = DocumentIndex.of(records.values())
    placing = Placing.of(records, documents)
    found = list(output.tasks.checked_families(placing, frozenset(vocabulary), engine, mapper))
    output.families = [f.path for f in found]
    keys = list(records)
    plan_terms, outside = _plan_terms(keys), set[FormattedTriple]()
    for key, record in records.items():
        graphs = cite(TurtleTerms(), key, record, documents)
        cites, known = set(graphs.asserted), set(graphs.vocabulary)
        trig.write(trig_block(plan_graph_node(key), turtle_body(cites)))
        shared.update(cites | known)
        outside |= _not_about(plan_terms, cites)
        vocabulary |= known
    links = set(revision_links(TurtleTerms(), keys))
    write_trig_block(trig, DERIVED_GRAPH, merged(sorted(links), *output.family_runs()))
    shared.update(links)
    checked = outside | vocabulary
    report = validate_turtle(turtle_header() + turtle_body(checked), engine)
    return FileResult(
        "",
        violations=(*report.violations, *(v for f in found for v in f.violations)),
        shacl_warnings=(*report.warnings, *(w for f in found for w in f.warnings)),
    )


def _plan_terms(keys: list[str]) -> set[str]:
    """The loaded plans' IRIs as Turtle writes them."""
    return {iri_text(plan_node(key)) for key in keys}


def _not_about(subjects: set[str], triples: set[FormattedTriple]) -> set[FormattedTriple]:
    """The triples whose subject is none of ``subjects``. A loaded plan that another plan cites
    is checked with its own graph, where it is a plan; here, without that graph, it would look
    like a cited document that says too much (its own citations)."""
    return {t for t in triples if t[0] not in subjects}


def _keyed(result: FileResult, keys: PlanKeys) -> tuple[FileResult, tuple[str, str] | None]:
    """``result``, or (a second plan with the same region and period) the key its content
    digest gives it and the note that says so: it is converted again under that key, after the
    others; a second copy of the same text is skipped."""
    if result.key is None or result.sha256 is None:
        return result, None
    if keys.repeats(result.key, result.sha256):
        return FileResult(result.path, warnings=(SKIPPED,)), None
    key, note = keys.assign(result.key, result.sha256)
    return result, None if note is None else (key, note)
