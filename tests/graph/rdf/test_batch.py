"""Building many files: the stitched Turtle is the corpus graph and the stitched TriG its
dataset, in parallel or not."""

from __future__ import annotations

import hashlib
import shutil
from functools import partial
from pathlib import Path

import pytest
from plankg.files import scratch_file
from plankg.graph.rdf import sorted_runs, task_spool
from plankg.graph.rdf.batch import FileResult, build_many, process_file
from plankg.graph.rdf.build import graph_of
from plankg.graph.rdf.corpus import load_corpus
from plankg.loaders.read import sample_paths
from plankg.ontology import PK
from plankg.queries import run_sparql
from rdflib import RDF, Dataset, Graph
from rdflib.compare import isomorphic

CORPUS = Path(__file__).parents[2] / "corpus" / "texts"


def test_the_stitched_turtle_is_the_corpus_graph(tmp_path):
    result = build_many(sample_paths(), tmp_path)
    graph = Graph().parse(result.written, format="turtle")
    assert isomorphic(graph, graph_of(load_corpus().triples()))
    assert result.report.conforms


def test_the_stitched_trig_is_the_corpus_dataset(tmp_path):
    """Each plan's graph, the derived graph and the vocabulary, as the corpus makes them
    (citations written as a second block of each plan's graph: TriG unites them)."""
    result = build_many(sample_paths(), tmp_path)
    dataset = Dataset()
    dataset.parse(result.dataset, format="trig")
    written = {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}
    assert written == set(load_corpus().quads())


def test_parallel_and_serial_builds_write_the_same_bytes(tmp_path):
    serial = build_many(sample_paths(), tmp_path / "serial", workers=1)
    parallel = build_many(sample_paths(), tmp_path / "parallel", workers=2, parallel_from=1)
    assert serial.written.read_bytes() == parallel.written.read_bytes()
    assert serial.dataset.read_bytes() == parallel.dataset.read_bytes()


def test_a_build_holding_a_few_triples_at_a_time_writes_the_same_bytes(tmp_path, monkeypatch):
    """The shared triples spilled to disk every 50 and the families' memberships sorted four
    members at a time (a large corpus's case, on the samples) change nothing written."""
    held = build_many(sample_paths(), tmp_path / "held", workers=1)
    monkeypatch.setattr(sorted_runs, "HELD", 50)
    monkeypatch.setattr(task_spool, "MEMBERS_SORTED", 4)
    spills = []
    monkeypatch.setattr(
        sorted_runs, "scratch_file", lambda name: spills.append(name) or scratch_file(name)
    )
    spilled = build_many(sample_paths(), tmp_path / "spilled", workers=1)
    assert len(spills) >= 2  # the shared triples merged back from several runs
    assert spilled.written.read_bytes() == held.written.read_bytes()
    assert spilled.dataset.read_bytes() == held.dataset.read_bytes()


@pytest.mark.parametrize("workers", [1, 2])
def test_the_plans_kept_are_the_plans_read_keyed_as_written(tmp_path, workers):
    """``keep_plans`` (what ``plankg build --to-neo4j`` pushes): every sample plan, in order,
    under the key the build wrote it with; the results, read back from disk, keep none."""
    result = build_many(sample_paths(), tmp_path, workers=workers, parallel_from=1, keep_plans=True)
    corpus = result.corpus()
    assert corpus.keys == [r.key for r in result.results] == load_corpus().keys
    assert [p.title for p in corpus.plans] == [p.title for p in load_corpus().plans]
    assert len(corpus.plans) == 5 and all(r.plan is None for r in result.results)


def test_each_plan_is_checked_as_when_converted_alone(tmp_path):
    """build_many validates each plan in a thread while the next is converted: each file gets
    the violations and warnings process_file gives it (南湖新区's region has no GB/T 2260 code,
    a warning), serial or parallel."""
    alone = [process_file(p) for p in sample_paths()]
    serial = build_many(sample_paths(), tmp_path / "serial")
    parallel = build_many(sample_paths(), tmp_path / "parallel", workers=2, parallel_from=1)
    expected = [(r.violations, r.shacl_warnings) for r in alone]
    assert [(r.violations, r.shacl_warnings) for r in serial.results] == expected
    assert [(r.violations, r.shacl_warnings) for r in parallel.results] == expected
    assert [len(w) for _, w in expected] == [0, 0, 0, 1, 0]
    assert "430600/岳阳市南湖新区" in expected[3][1][0].focus


def test_merged_top_leads_equal_the_top_lead_query(tmp_path):
    result = build_many(sample_paths(), tmp_path)
    query = run_sparql(load_corpus().graph(), "top-lead")
    assert result.top_leads() == query


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_counts(tmp_path):
    counts = build_many(sample_paths(), tmp_path).counts()
    assert counts == {
        "plans": 5,
        "actions": 50,
        "measures": 167,
        "agencies": 131,
        "assignments (measure × agency × role)": 2784,
        "targets": 46,
    }


def same_region_and_period(folder: Path) -> list[Path]:
    """泉州's plan (a.txt), a copy (b.txt) and an edit of it (c.txt)."""
    folder.mkdir()
    original = sample_paths()[4]
    shutil.copy(original, folder / "a.txt")
    shutil.copy(original, folder / "b.txt")
    edited = original.read_text(encoding="utf-8").replace("超过 16%", "超过 17%")
    (folder / "c.txt").write_text(edited, encoding="utf-8")
    return sorted(folder.iterdir())


@pytest.mark.parametrize("workers", [1, 2])
def test_same_region_and_period_twice_is_keyed_by_digest_and_a_copy_is_skipped(tmp_path, workers):
    """Serial (the re-keyed plan converted again, after the others), or in a pool (every plan
    keyed by the writing process before the worker that read it converts it): the same keys,
    notes and checks."""
    folder = tmp_path / "in"
    paths = same_region_and_period(folder)
    result = build_many(paths, tmp_path / "out", workers=workers, parallel_from=1)
    keys = [r.key for r in result.results]
    assert (
        keys[0] == "350500/2021-2025"
        and keys[1] is None
        and keys[2] == "350500/2021-2025~" + digest(folder / "c.txt")[:12]
    )
    assert any("skipped" in p.message for p in result.problems())
    assert result.counts()["plans"] == 2
    assert "keyed by content digest" in result.results[2].warnings[-1]
    assert result.report.conforms and result.results[2].shacl_warnings == ()
    written = result.written.read_text(encoding="utf-8")
    plan = f"<https://w3id.org/plankg/id/plan/350500/2021-2025~{digest(folder / 'c.txt')[:12]}>"
    assert written.count(f"\n{plan}\n    a pk:Plan ;") == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_copy_of_a_plan_keyed_by_digest_is_skipped_too(tmp_path, workers):
    """泉州's plan, an edit of it (keyed by its digest) and a copy of the edit: the copy is
    skipped, not written a second time under the edit's key."""
    folder = tmp_path / "in"
    original, _, edit = same_region_and_period(folder)
    shutil.copy(edit, folder / "d.txt")
    paths = [original, edit, folder / "d.txt"]
    result = build_many(paths, tmp_path / "out", workers=workers, parallel_from=1)
    edited = "350500/2021-2025~" + digest(edit)[:12]
    assert [r.key for r in result.results] == ["350500/2021-2025", edited, None]
    assert [p.message for p in result.problems() if "skipped" in p.message] == [
        "same text as an earlier file; skipped"
    ]
    assert result.counts()["plans"] == 2
    plan = f"<https://w3id.org/plankg/id/plan/{edited}>"
    written = result.written.read_text(encoding="utf-8")
    assert written.count(f"\n{plan}\n    a pk:Plan ;") == 1


def converting(path: Path, key: str | None = None, *, log: Path, **options) -> FileResult:
    """:func:`process_file`, each call written to ``log`` (a line per conversion, from any
    process of the pool)."""
    with log.open("a", encoding="utf-8") as file:
        file.write(f"{Path(path).name} {key}\n")
    return process_file(path, key, **options)


def conversions(log: Path) -> list[str]:
    return sorted(log.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("workers", [1, 2])
def test_in_a_pool_each_plan_is_converted_once_under_its_key(tmp_path, workers):
    """In a pool every plan is keyed before it is converted: the copy is not converted at all,
    the edit once, under its digest's key. In one process, each is converted under the key its
    plan gives (None), then the edit again under its digest's."""
    paths = same_region_and_period(tmp_path / "in")
    log = tmp_path / "conversions.log"
    converter = partial(converting, log=log)
    build_many(paths, tmp_path / "out", workers=workers, parallel_from=1, converter=converter)
    edit = "350500/2021-2025~" + digest(paths[2])[:12]
    expected = {
        1: ["a.txt None", "b.txt None", "c.txt None", f"c.txt {edit}"],
        2: ["a.txt 350500/2021-2025", f"c.txt {edit}"],
    }
    assert conversions(log) == sorted(expected[workers])


def test_when_the_first_plan_of_a_key_fails_in_its_body_the_pool_keys_as_one_process_does(
    tmp_path,
):
    """A plan whose head reads but whose body is refused (2,100 quantities) keys nothing: the
    next plan of its region and period takes the key, its copy fails as it does, an edit is
    keyed by digest; in a pool as in one process, to the byte (and an empty file fails with the
    error it gives in one process)."""
    folder = tmp_path / "in"
    paths = same_region_and_period(folder)
    text = paths[0].read_text(encoding="utf-8")
    start = text.index("\n1.") + 5
    (folder / "0.txt").write_text(text[:start] + "1000人次、" * 2100 + text[start:], "utf-8")
    shutil.copy(folder / "0.txt", folder / "0copy.txt")
    (folder / "empty.txt").write_bytes(b"")
    paths = sorted(folder.iterdir())
    serial = build_many(paths, tmp_path / "serial", workers=1)
    pooled = build_many(paths, tmp_path / "pooled", workers=2, parallel_from=1)
    assert [r.key for r in pooled.results] == [r.key for r in serial.results]
    assert pooled.problems() == serial.problems()
    too_large = "not a plan (2,100 quantities (a plan states at most 2,000))"
    assert [p.message for p in pooled.problems() if p.fatal] == [*[too_large] * 2, "empty file"]
    assert pooled.results[2].key == "350500/2021-2025"
    assert pooled.written.read_bytes() == serial.written.read_bytes()
    assert pooled.dataset.read_bytes() == serial.dataset.read_bytes()


def test_a_build_in_which_every_file_fails_keeps_the_previous_graph(tmp_path):
    out = tmp_path / "out"
    build_many(sample_paths()[:1], out)
    previous = {p.name: p.read_bytes() for p in out.iterdir()}
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = build_many([empty], out)
    assert not result.plans and result.problems()[0].message == "empty file"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == previous
    assert sorted(previous) == ["plankg.trig", "plankg.ttl"]


def test_a_loaded_plan_cited_by_another_that_cites_in_turn_conforms(tmp_path):
    """泉州 cites 福建's plan (闽政办〔2022〕13号), which cites the national outline: loaded
    together, 福建's plan is the document 泉州 cites and a plan with citations of its own, not a
    cited document that says too much."""
    fujian = CORPUS / "fujian-province-2022-repost-trad.txt"
    result = build_many([*sample_paths(), fujian], tmp_path)
    assert result.report.violations == ()
    graph = Graph().parse(result.written, format="turtle")
    cited = {str(c) for _, c in graph.subject_objects(PK.cites) if (c, RDF.type, PK.Plan) in graph}
    assert cited == {"https://w3id.org/plankg/id/plan/350000/2021-2025"}


def test_the_objects_a_build_hides_from_the_collector_are_given_back():
    import gc

    from plankg.graph.rdf.batch import collector_blind

    with collector_blind():
        assert gc.get_freeze_count() > 0  # what existed is in the permanent generation
    assert gc.get_freeze_count() == 0
