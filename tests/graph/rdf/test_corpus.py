import os
import shutil
from pathlib import Path

from plankg.graph.rdf.corpus import SKIPPED, expand_paths, load_corpus, map_in_fresh_workers
from plankg.loaders.read import sample_paths


def test_a_corpus_keeps_one_plan_of_each_text_and_keys_a_second_version_by_digest(tmp_path):
    """泉州's plan, a copy, an edit and a copy of the edit: two plans, the copies skipped with
    a warning each, as a build skips them."""
    original = sample_paths()[4]
    text = original.read_text(encoding="utf-8")
    shutil.copy(original, tmp_path / "a.txt")
    shutil.copy(original, tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(text.replace("超过 16%", "超过 17%"), encoding="utf-8")
    shutil.copy(tmp_path / "c.txt", tmp_path / "d.txt")
    corpus = load_corpus([tmp_path])
    assert len(corpus.plans) == 2
    assert corpus.keys[0] == "350500/2021-2025"
    assert corpus.keys[1] == "350500/2021-2025~" + corpus.plans[1].source.sha256[:12]
    skipped = [p.path.rsplit("/", 1)[-1] for p in corpus.problems if p.message == SKIPPED]
    assert skipped == ["b.txt", "d.txt"]
    assert not any(p.fatal for p in corpus.problems)


def test_fresh_workers_give_each_result_in_order_each_from_a_process_of_its_own():
    found = list(map_in_fresh_workers(_process_of, range(6), workers=2))
    assert [n for n, _ in found] == [0, 1, 4, 9, 16, 25]
    assert len({pid for _, pid in found}) == 6
    assert os.getpid() not in {pid for _, pid in found}


def test_fresh_workers_are_given_the_work_as_they_are_forked_not_pickled_with_each_item():
    """A closure, which pickle refuses, reaches the workers: the work is not sent with the
    items (the families' work carries the plans' placing, large at thousands of plans)."""
    offset = 100
    found = list(map_in_fresh_workers(lambda n: n + offset, range(4), workers=2))
    assert found == [100, 101, 102, 103]


def _process_of(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_a_folders_files_come_as_paths_in_order_of_their_names(tmp_path):
    """Kept as text (:class:`~plankg.graph.rdf.corpus.FilePaths`), given back as paths: each
    file of the folder and its subfolders, hidden ones left out, a named file after them."""
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    files, problems = expand_paths([tmp_path, tmp_path / "a.txt", tmp_path / "gone.txt"])
    expected = [tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "sub/c.txt", tmp_path / "a.txt"]
    assert list(files) == expected
    assert len(files) == 4
    assert files[1] == tmp_path / "b.txt"
    assert isinstance(files[-1], Path)
    assert files[1:3] == expected[1:3]
    assert [p.message for p in problems] == ["no such file or folder"]
