"""Plans keyed while a pool converts them: the keys one process gives, and no worker left
waiting when the build stops."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from plankg.graph.rdf.batch import FileResult, build_many, process_file
from plankg.graph.rdf.corpus import PlanKeys, Problem, map_files, read_or_problem
from plankg.graph.rdf.iris import plan_key
from plankg.graph.rdf.keying import KeyDesk, read_and_keyed
from plankg.loaders.read import sample_paths


def corpus(folder: Path) -> list[Path]:
    """The samples, each twice (a copy), and 泉州's plan edited (same region and period), an
    empty file between them."""
    folder.mkdir()
    for path in sample_paths():
        shutil.copy(path, folder / f"a-{path.name}")
        shutil.copy(path, folder / f"c-{path.name}")
    edited = sample_paths()[4].read_text(encoding="utf-8").replace("超过 16%", "超过 17%")
    (folder / "b-edit.txt").write_text(edited, encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    return sorted(folder.iterdir())


def keyed(job: tuple[int, Path]) -> str | None:
    plan, key = read_and_keyed(*job)
    return None if isinstance(plan, Problem) else key


def test_the_desk_gives_the_keys_plan_keys_gives_in_input_order(tmp_path):
    paths = corpus(tmp_path / "in")
    keys = PlanKeys()
    expected = [
        None if isinstance(p, Problem) else keys.given(plan_key(p), p.source.sha256)[0]
        for p in map(read_or_problem, paths)
    ]
    with KeyDesk(len(paths)) as desk:
        jobs = list(enumerate(paths))
        given = list(
            map_files(keyed, jobs, workers=2, parallel_from=1, chunksize=1, setup=desk.setup)
        )
    assert given == expected
    assert expected.count(None) == 6 and sum("~" in k for k in expected if k) == 1
    assert sorted(desk.notes.values())[0].startswith("same region and period as ")


class Stop(Exception):
    pass


def stopping(path: Path, key: str | None = None, **options) -> FileResult:
    """:func:`process_file`, but the third sample stops the build."""
    if Path(path).name == "a-" + sample_paths()[2].name:
        raise Stop(path)
    return process_file(path, key, **options)


def test_a_build_stopped_by_an_error_leaves_no_worker_waiting(tmp_path):
    """The error reaches the caller (the test would hang, were a worker left waiting for a key
    that no one gives)."""
    paths = corpus(tmp_path / "in")
    with pytest.raises(Stop):
        build_many(paths, tmp_path / "out", workers=2, parallel_from=1, converter=stopping)
    assert not (tmp_path / "out" / "plankg.ttl").exists()
