"""Plans read into memory (a :class:`Corpus`): the model and graph that queries, exports,
views and analysis work on. (Writing the graph of many files is :mod:`plankg.graph.batch`.)

Every file is read on its own: a file that fails is reported (one line: which file, what is
wrong) and the others go on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from plankg.graph.build import Triple, build_triples, graph_of, ordered_triples
from plankg.graph.iris import plan_key
from plankg.graph.problems import Problem
from plankg.loaders.model import Plan
from plankg.loaders.read import PlanReadError, read_plan, sample_paths

PARALLEL_THRESHOLD = 32


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
        return build_triples(self.plans, self.keys)

    def triple_parts(self, plans_per_part: int) -> Iterator[list[Triple]]:
        """The triples of ``plans_per_part`` plans at a time, made when asked for, in the order
        they are made (see :func:`ordered_triples`); their union is :meth:`triples` (a plan's
        triples depend on that plan alone)."""
        for start in range(0, len(self.plans), plans_per_part):
            end = start + plans_per_part
            yield ordered_triples(self.plans[start:end], self.keys[start:end])

    def graph(self):
        return graph_of(sorted(self.triples(), key=lambda t: (str(t[0]), str(t[1]), str(t[2]))))


def expand_paths(paths: Sequence[str | Path] | None) -> tuple[list[Path], list[Problem]]:
    """Files named, and the plan files inside folders named; the samples when none is named."""
    if not paths:
        return sample_paths(), []
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            )
        elif path.exists():
            files.append(path)
        else:
            problems.append(Problem(str(path), "no such file or folder", True))
    return files, problems


def _read_one(path: Path) -> Plan | Problem:
    try:
        return read_plan(path)
    except PlanReadError as e:
        return Problem(str(path), str(e), True)


def load_corpus(
    paths: Sequence[str | Path] | None = None,
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Read every plan in ``paths`` (files or folders; the samples when empty)."""
    files, problems = expand_paths(paths)
    corpus = Corpus(problems=problems)
    seen: dict[str, str] = {}
    for path, result in zip(files, _read_all(files, workers, progress), strict=True):
        if isinstance(result, Problem):
            corpus.problems.append(result)
            continue
        corpus.plans.append(result)
        corpus.keys.append(_unique_key(result, seen, corpus, path))
        corpus.problems.extend(Problem(str(path), w, False) for w in result.warnings)
    return corpus


def _read_all(
    files: list[Path], workers: int | None, progress: Callable[[int, int], None] | None
) -> Iterable[Plan | Problem]:
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        for done, path in enumerate(files, start=1):
            yield _read_one(path)
            if progress:
                progress(done, len(files))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done, result in enumerate(pool.map(_read_one, files, chunksize=8), start=1):
            yield result
            if progress:
                progress(done, len(files))


def _unique_key(plan: Plan, seen: dict[str, str], corpus: Corpus, path: Path) -> str:
    """The plan's IRI key; a second plan with the same region and period gets its digest."""
    key = plan_key(plan)
    if key in seen and seen[key] != plan.source.sha256:
        message = f"same region and period as {seen[key][:12]}…; keyed by content digest"
        corpus.problems.append(Problem(str(path), message, False))
        key = f"{key}~{plan.source.sha256[:12]}"
    seen.setdefault(key, plan.source.sha256)
    return key
