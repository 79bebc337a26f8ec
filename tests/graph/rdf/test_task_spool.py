"""The measures spooled to disk a file per canonical action give the very families (and
Turtle triples) that grouping them in memory gives, cited plans first; the spool's folder is
removed when it is closed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

import pytest
from plankg.graph.rdf import load_corpus, task_spool
from plankg.graph.rdf.batch import process_file
from plankg.graph.rdf.corpus import map_in_fresh_workers
from plankg.graph.rdf.families import task_families
from plankg.graph.rdf.family_passes import Placing
from plankg.graph.rdf.sorted_runs import read_run, write_run
from plankg.graph.rdf.task_spool import TaskSpool, remove_stale_spools, shaped_triples
from plankg.graph.rdf.tasks import (
    citations_between,
    corpus_records,
    family_iri,
    family_terms,
    placed,
    placed_task_triples,
    plan_tasks,
)
from plankg.graph.rdf.turtle import TurtleTerms, format_triples, turtle_body, turtle_header
from plankg.graph.rdf.validate import validate_turtle
from plankg.loaders.read import sample_paths
from plankg.ontology.names import PK

CORPUS_TEXTS = Path(__file__).parents[2] / "corpus" / "texts"
FUJIAN = CORPUS_TEXTS / "fujian-province-2022-repost-trad.txt"


@pytest.fixture(scope="module")
def loaded(corpus):
    """The samples with 福建's plan, which 泉州's cites (so 福建's measures go first)."""
    extra = load_corpus([FUJIAN])
    return [*corpus.plans, *extra.plans], [*corpus.keys, *extra.keys]


def spooled(plans, keys) -> TaskSpool:
    """The plans' measures spooled in the reverse of the order they were loaded in."""
    spool = TaskSpool()
    for plan, key in reversed(list(zip(plans, keys, strict=True))):
        spool.add(plan_tasks(plan, key))
    return spool


@pytest.fixture(scope="module")
def vocabulary():
    """The vocabulary triples the samples and 福建's plan name, as the build gathers them."""
    paths = [*sample_paths(), FUJIAN]
    return frozenset(t for p in paths for t in process_file(p, validate=False).vocabulary)


def in_memory(plans, keys, records):
    """The families' triples of grouping every measure in memory (the reference)."""
    items = [item for p, k in zip(plans, keys, strict=True) for item in plan_tasks(p, k)]
    return format_triples(placed_task_triples(items, citations_between(records))), items


def checked(plans, keys, records, vocabulary, mapper=None):
    """What the build takes from the spool of the plans' measures: each action's findings and
    its sorted run (the spool then closed)."""
    spool = spooled(plans, keys)
    try:
        found = list(spool.checked_families(Placing.of(records), vocabulary, mapper=mapper))
        return found, [list(read_run(f.path)) for f in found]
    finally:
        spool.close()


def test_spooled_families_are_those_grouped_in_memory(loaded, vocabulary):
    plans, keys = loaded
    records = corpus_records(plans, keys)
    expected, items = in_memory(plans, keys, records)
    _, runs = checked(plans, keys, records, vocabulary)
    assert all(run == sorted(run) for run in runs)
    assert set().union(*map(set, runs)) == expected
    assert len(expected) > 2 * len(items)  # every measure's membership and similarity


def test_members_sorted_a_few_at_a_time_give_the_same_runs(loaded, vocabulary, monkeypatch):
    plans, keys = loaded
    records = corpus_records(plans, keys)
    _, whole = checked(plans, keys, records, vocabulary)
    monkeypatch.setattr(task_spool, "MEMBERS_SORTED", 2)
    runs_written = []
    monkeypatch.setattr(
        task_spool, "write_run", lambda p, t: runs_written.append(p) or write_run(p, t)
    )
    spool = spooled(plans, keys)
    try:
        found = list(spool.checked_families(Placing.of(records), vocabulary))
        in_blocks = [list(read_run(f.path)) for f in found]
        blocks = [p for p in runs_written if p.suffix.startswith(".members")]
        assert len(blocks) > len(found)  # the larger actions' memberships, in blocks
        assert not any(block.exists() for block in blocks)
    finally:
        spool.close()
    assert in_blocks == whole


def test_a_pool_groups_the_spooled_actions_as_this_process_does(loaded, vocabulary):
    plans, keys = loaded
    records = corpus_records(plans, keys)
    mapper = partial(map_in_fresh_workers, workers=2)  # as the build groups them
    found_alone, in_process = checked(plans, keys, records, vocabulary)
    found_pooled, in_pool = checked(plans, keys, records, vocabulary, mapper)
    assert sorted(in_pool) == sorted(in_process)
    assert [(f.violations, f.warnings) for f in found_pooled] == [
        (f.violations, f.warnings) for f in found_alone
    ]


def test_the_placing_puts_the_cited_plan_above_its_citer(loaded):
    plans, keys = loaded
    placing = Placing.of(corpus_records(plans, keys))
    fujian, quanzhou = keys[-1], next(k for k in keys if k.startswith("350500/"))
    assert placing.depths[fujian] == 0 and placing.depths[quanzhou] == 1
    assert quanzhou in placing.citers[fujian]
    item = placing.item("canonical", ("m", fujian, "title", "text", 0))
    assert (item.depth, item.cited_by, item.canonical) == (0, placing.citers[fujian], "canonical")


def test_one_file_per_canonical_action_removed_on_close(corpus):
    spool = spooled(corpus.plans, corpus.keys)
    actions = spool.actions()
    keyed = zip(corpus.plans, corpus.keys, strict=True)
    canonicals = {item.canonical for plan, key in keyed for item in plan_tasks(plan, key)}
    assert [a.canonical for a in actions] == sorted(canonicals)
    assert all(a.path.is_file() for a in actions)
    folder = actions[0].path.parent
    spool.close()
    assert not folder.exists()


def test_a_killed_builds_spool_folder_is_removed_by_the_next_spool(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    script = (
        "import os, signal\n"
        "from plankg.graph.rdf.task_spool import TaskSpool\n"
        "spool = TaskSpool()\n"
        "print(spool.folder.name, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    killed = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert killed.returncode == -signal.SIGKILL
    left = Path(killed.stdout.strip())
    assert left.parent == tmp_path and left.is_dir()
    running, old = TaskSpool(), tmp_path / "plankg-tasks-without-lock"
    old.mkdir()
    try:
        assert not left.exists()
        assert Path(running.folder.name).is_dir() and old.is_dir()
        assert remove_stale_spools(tmp_path) == []  # a running build's folder is locked
    finally:
        running.close()


CADRES = "<https://w3id.org/plankg/canonical-action/2021-cadres>"
YOUTH = "<https://w3id.org/plankg/canonical-action/2021-youth>"


def broken(vocabulary):
    """The vocabulary with the cadres action untyped (its families' canonical action is no
    pk:CanonicalAction) and the youth action given a second notation."""
    return frozenset(
        (vocabulary - {(CADRES, "a", "pk:CanonicalAction")}) | {(YOUTH, "skos:notation", '"x"')}
    )


@pytest.mark.parametrize("break_it", [False, True])
def test_families_checked_an_action_at_a_time_find_what_one_check_of_all_finds(
    loaded, vocabulary, break_it
):
    plans, keys = loaded
    records = corpus_records(plans, keys)
    vocabulary = broken(vocabulary) if break_it else vocabulary
    families, _ = in_memory(plans, keys, records)
    found, runs = checked(plans, keys, records, vocabulary)
    alone = validate_turtle(turtle_header() + turtle_body(families | vocabulary))
    rest = validate_turtle(turtle_header() + turtle_body(vocabulary))
    violations = sorted([*rest.violations, *(v for f in found for v in f.violations)])
    warnings = sorted([*rest.warnings, *(w for f in found for w in f.warnings)])
    assert (violations, warnings) == (list(alone.violations), list(alone.warnings))
    assert bool(violations) == break_it
    if break_it:
        focus = {v.focus for v in violations}
        assert YOUTH.strip("<>") in focus and any("/family/2021-cadres/" in f for f in focus)
    assert set().union(*map(set, runs)) == families


@pytest.mark.parametrize("gone", ["central", "anchor", "every member", "none"])
def test_the_triples_a_familys_shape_reads_find_what_all_its_triples_find(loaded, vocabulary, gone):
    plans, keys = loaded
    items = [item for p, k in zip(plans, keys, strict=True) for item in plan_tasks(p, k)]
    families = task_families(placed(items, citations_between(corpus_records(plans, keys))))
    family = next(f for f in families if f.anchor is not None and f.anchor != f.central)
    terms = TurtleTerms()
    triples = family_terms(families, terms)
    node, member_of = terms.iri(family_iri(family)), terms.constants[PK.memberOf]
    members = {
        "central": [family.central],
        "anchor": [family.anchor],
        "every member": [item for item, _ in family.members],
        "none": [],
    }[gone]
    kept = set(triples) - {(terms.iri(str(item.key)), member_of, node) for item in members}
    shaped = shaped_triples([f.head for f in families], kept, terms)
    every, some = (
        validate_turtle(turtle_header() + turtle_body(t | vocabulary)) for t in (kept, shaped)
    )
    assert (every.violations, every.warnings) == (some.violations, some.warnings)
    assert {v.focus for v in every.violations} == (
        set() if gone == "none" else {family_iri(family)}
    )
    assert len(shaped) < len(kept)


def test_the_items_of_plans_nobody_cites_share_one_empty_set_of_citers(loaded):
    plans, keys = loaded
    placing = Placing.of(corpus_records(plans, keys))
    quanzhou = next(k for k in keys if k.startswith("350500/"))
    items = [placing.item("canonical", (f"m{n}", quanzhou, "title", "text", 0)) for n in range(3)]
    assert all(item.cited_by == frozenset() for item in items)
    assert items[0].cited_by is items[1].cited_by is items[2].cited_by
