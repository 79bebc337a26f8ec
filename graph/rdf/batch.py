"""Building the graph of many plans: each file converted, validated and written on its own
(in parallel above a few dozen files), then stitched into one Turtle document.

A plan's own triples (its IRI and everything under it) are written by the worker that read it;
triples about shared things (agencies, regions, types, cited documents) are gathered, merged and
written once at the end. Memory stays flat: plan chunks stream to disk as they arrive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from plankg.files import staged
from plankg.graph.rdf.build import plan_triples
from plankg.graph.rdf.corpus import (
    PARALLEL_THRESHOLD,
    Corpus,
    PlanKeys,
    Problem,
    Progress,
    map_files,
)
from plankg.graph.rdf.index import Index
from plankg.graph.rdf.iris import agency_iri, plan_iri, plan_key, source_iri
from plankg.graph.rdf.turtle import FormattedTriple, format_triples, turtle_body, turtle_header
from plankg.graph.rdf.validate import ValidationReport, Violation, validate_turtle
from plankg.loaders.coverage import findings_table, summary_table
from plankg.loaders.model import Coverage, Plan
from plankg.loaders.read import PlanReadError, read_plan
from plankg.ontology import PK
from plankg.tables import Table, row_order
from rdflib.namespace import RDF, RDFS

TOP_LEAD_COLUMNS = ("region", "agency", "measures_led", "actions_led")
COUNTED = {"plans": PK.Plan, "actions": PK.Action, "measures": PK.Measure, "targets": PK.Target}


@dataclass
class FileResult:
    """What one input file gave: a plan's Turtle chunk and figures, or an error."""

    path: str
    key: str | None = None
    sha256: str | None = None
    chunk: str = ""
    shared: set[FormattedTriple] = field(default_factory=set)
    violations: tuple[Violation, ...] = ()
    counts: Counter[str] = field(default_factory=Counter)
    leads: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    agencies: set[str] = field(default_factory=set)
    warnings: tuple[str, ...] = ()
    error: str | None = None
    plan: Plan | None = None
    """The plan itself, when the caller asked to keep it (to push it next)."""
    coverage: Coverage | None = None
    """What the reading left unread (see :mod:`plankg.loaders.coverage`)."""


def process_file(
    path: Path, key: str | None = None, engine: str = "fast", keep_plan: bool = False
) -> FileResult:
    """Read one plan file and turn it into a validated Turtle chunk."""
    try:
        plan = read_plan(path)
    except PlanReadError as e:
        return FileResult(str(path), error=Problem.of(path, e).message)
    key = key or plan_key(plan)
    triples = set(plan_triples(plan, key))
    own = {t for t in triples if _is_own(str(t[0]), plan, key)}
    own_text, shared = turtle_body(format_triples(own)), format_triples(triples - own)
    report = validate_turtle(turtle_header() + own_text + turtle_body(shared), engine)
    index = Index(triples)
    return FileResult(
        path=str(path),
        key=key,
        sha256=plan.source.sha256,
        chunk=own_text,
        shared=shared,
        violations=report.violations,
        counts=_counts(index, len(triples)),
        leads=_leads(index),
        agencies={str(a) for a in index.subjects(RDF.type, PK.Agency)},
        warnings=plan.warnings,
        coverage=plan.coverage,
        plan=plan if keep_plan else None,
    )


def _is_own(subject: str, plan: Plan, key: str) -> bool:
    """Written in the plan's chunk: the plan and everything under it, its source file and the
    agencies of its region (another plan of the same region may add to them; Turtle allows a
    subject in two places). Regions, types and cited documents go to the shared block."""
    plan_node = str(plan_iri(key))
    return (
        subject == plan_node
        or subject.startswith(plan_node + "/")
        or subject.startswith(str(agency_iri(plan.region.name, "")))
        or subject == str(source_iri(plan.source.sha256))
    )


def _counts(index: Index, triples: int) -> Counter[str]:
    counts = Counter({name: len(index.subjects(RDF.type, cls)) for name, cls in COUNTED.items()})
    counts["assignments"] = sum(
        len(index.all(a, PK.covers)) for a in index.subjects(RDF.type, PK.Assignment)
    )
    counts["triples"] = triples
    return counts


def _leads(index: Index) -> dict[tuple[str, str], tuple[int, int]]:
    """(region, agency) → (measures led, actions those measures belong to)."""
    actions = index.subjects(RDF.type, PK.Action)
    action_of = {m: a for a in actions for m in index.all(a, PK.hasMeasure)}
    leads = {}
    for agency in index.subjects(RDF.type, PK.Agency):
        measures = index.all(agency, PK.leads)
        if measures:
            region = index.text(index.one(agency, PK.jurisdiction), RDFS.label) or ""
            name = index.text(agency, RDFS.label) or ""
            leads[(region, name)] = (len(measures), len({action_of[m] for m in measures}))
    return leads


@dataclass
class BatchResult:
    results: list[FileResult]
    report: ValidationReport
    written: Path
    """The Turtle file (replaced only when some plan was read: see :func:`build_many`)."""

    @property
    def plans(self) -> list[FileResult]:
        return [r for r in self.results if r.key is not None]

    def problems(self) -> list[Problem]:
        found = []
        for r in self.results:
            if r.error:
                found.append(Problem(r.path, r.error, True))
            found.extend(Problem(r.path, w, False) for w in r.warnings)
        return found

    def counts(self) -> dict[str, int]:
        total = sum((r.counts for r in self.plans), Counter[str]())
        agencies = len(set[str]().union(*(r.agencies for r in self.plans)))
        return {
            "plans": total["plans"],
            "actions": total["actions"],
            "measures": total["measures"],
            "agencies": agencies,
            "assignments (measure × agency × role)": total["assignments"],
            "targets": total["targets"],
        }

    def top_leads(self, limit: int | None = None) -> Table:
        """Agencies by measures led, as the ``top-lead`` query orders them."""
        measures: Counter[tuple[str, str]] = Counter()
        actions: Counter[tuple[str, str]] = Counter()
        for result in self.plans:
            for key, (measures_led, actions_led) in result.leads.items():
                measures[key] += measures_led
                actions[key] += actions_led
        rows = [(*key, measures[key], actions[key]) for key in measures]
        order = row_order(TOP_LEAD_COLUMNS, "-measures_led", "-actions_led", "region", "agency")
        return Table(TOP_LEAD_COLUMNS, tuple(sorted(rows, key=order))).head(limit)

    def coverage(self, limit: int | None = None) -> Table:
        """What was left unread, a row per plan (the plans with most to look at first)."""
        plans = [(r.key, r.coverage) for r in self.plans if r.key and r.coverage]
        return summary_table(plans, limit)

    def coverage_findings(self) -> Table:
        """Every line left unread, with its plan, file and line number."""
        plans = [(r.key, r.path, r.coverage) for r in self.plans if r.key and r.coverage]
        return findings_table(plans)

    def corpus(self) -> Corpus:
        """The plans kept (``build_many(keep_plans=True)``) as a corpus, keyed as written."""
        corpus = Corpus()
        for result in self.plans:
            if result.plan is not None and result.key is not None:
                corpus.plans.append(result.plan)
                corpus.keys.append(result.key)
        corpus.problems.extend(self.problems())
        return corpus


def build_many(
    paths: Sequence[Path],
    out: Path,
    *,
    engine: str = "fast",
    workers: int | None = None,
    progress: Progress | None = None,
    parallel_from: int = PARALLEL_THRESHOLD,
    keep_plans: bool = False,
) -> BatchResult:
    """Convert every file in ``paths`` and write ``out/plankg.ttl``; files that fail are
    reported in the results and do not stop the others. ``keep_plans`` keeps each plan read,
    so that :meth:`BatchResult.corpus` can hand them on (to a push) without reading again.

    ``out/plankg.ttl`` is replaced in one step once written in full, and only when some plan
    was read: a run in which every file fails (or that is interrupted) leaves the previous
    graph as it was."""
    target = out / "plankg.ttl"
    work = partial(process_file, engine=engine, keep_plan=keep_plans)
    converted = map_files(work, paths, workers=workers, parallel_from=parallel_from, chunksize=4)
    results: list[FileResult] = []
    shared: set[FormattedTriple] = set()
    keys = PlanKeys()
    with staged(target) as stage:
        stage.file.write(turtle_header())
        for done, result in enumerate(converted, start=1):
            result = _with_unique_key(result, keys, work)
            results.append(result)
            stage.file.write(result.chunk)
            shared |= result.shared
            result.chunk, result.shared = "", set()
            if progress:
                progress(done, len(paths))
        stage.file.write(turtle_body(shared))
        stage.keep = any(r.key is not None for r in results)
    violations = tuple(sorted(v for r in results for v in r.violations))
    return BatchResult(results, ValidationReport(not violations, violations, engine), target)


def _with_unique_key(result: FileResult, keys: PlanKeys, work: partial[FileResult]) -> FileResult:
    """A second plan with the same region and period is keyed by its content digest (and
    converted again under that key); a second copy of the same text is skipped."""
    if result.key is None or result.sha256 is None:
        return result
    if keys.repeats(result.key, result.sha256):
        return FileResult(result.path, warnings=("same text as an earlier file; skipped",))
    key, note = keys.assign(result.key, result.sha256)
    if note is None:
        return result
    result = work(Path(result.path), key)
    result.warnings = (*result.warnings, note)
    return result
