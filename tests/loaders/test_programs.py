"""The compiled programs cached across processes: every cached pattern is the pattern ``re``
compiles (same program, flags and groups, same matches on every text of the samples and the
tests), and a damaged, refused or unwritable cache costs only a fresh compilation."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import plankg
import pytest
from plankg.cache import DIGEST_SIZE
from plankg.loaders.inspect import inspect_text
from plankg.loaders.programs import (
    Key,
    Program,
    _from_program,
    cache_bytes,
    cache_path,
    compile_pattern,
    forget_programs,
    read_cache,
    save_programs,
)
from plankg.loaders.read import read_plan, sample_paths

ROOT = Path(plankg.__file__).parent
TEXTS = [p.read_text(encoding="utf-8") for p in sample_paths()] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests").rglob("*.txt"))
]
"""Every text of the samples and the tests."""
FILL = """
import sys
from pathlib import Path
from plankg.errors import PlankgError
from plankg.loaders.read import read_plan, sample_paths
for path in sample_paths() + sorted(Path(sys.argv[1]).rglob("*.txt")):
    try:
        read_plan(path)
    except PlankgError:
        pass
"""
"""The samples and the tests' texts parsed in a fresh process: every pattern the loaders
compile on the way, those compiled on import too."""


@pytest.fixture
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of its own, the programs held in this process forgotten before
    and after."""
    monkeypatch.setenv("PLANKG_CACHE_DIR", str(tmp_path / "cache"))
    forget_programs()
    yield tmp_path / "cache"
    forget_programs()


@pytest.fixture(scope="module")
def cached() -> dict[Key, Program]:
    """The programs a fresh process caches while parsing the samples and the tests' texts."""
    folder = Path(os.environ["PLANKG_CACHE_DIR"]) / "programs-of-the-texts"
    env = {**os.environ, "PLANKG_CACHE_DIR": str(folder)}
    subprocess.run([sys.executable, "-c", FILL, str(ROOT / "tests")], env=env, check=True)
    (path,) = folder.glob("regex-*.marshal")
    return read_cache(path)


def test_parsing_caches_the_loaders_patterns(cached):
    patterns = {pattern for pattern, _ in cached}
    assert len(cached) > 70
    assert r"(?<=[\u4e00-\u9fff])(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}[)）])+" in patterns


def test_every_cached_pattern_is_the_one_re_compiles(cached):
    for (pattern, flags), program in cached.items():
        mine, fresh = _from_program(pattern, program), re.compile(pattern, flags)
        assert mine == fresh, pattern  # a Pattern's == compares flags, text and program
        assert (mine.flags, mine.groups, mine.groupindex) == (
            fresh.flags,
            fresh.groups,
            fresh.groupindex,
        )


def test_every_cached_pattern_matches_as_re_does_on_every_text(cached):
    for (pattern, flags), program in cached.items():
        mine, fresh = _from_program(pattern, program), re.compile(pattern, flags)
        for text in TEXTS:
            assert matches(mine, text) == matches(fresh, text), pattern


def matches(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_a_compiled_pattern_is_kept_for_the_next_process(cache_folder):
    pattern = compile_pattern(r"(?P<name>[\u4e00-\u9fff]{2,8}局)")
    save_programs()
    forget_programs()
    assert (pattern.pattern, 0) in read_cache(cache_path())
    assert compile_pattern(pattern.pattern) == pattern == re.compile(pattern.pattern)


def test_programs_are_saved_once_a_plan_is_parsed(cache_folder):
    compile_pattern(r"[。;]新的")
    read_plan(sample_paths()[0])
    assert (r"[。;]新的", 0) in read_cache(cache_path())


def test_programs_are_saved_once_a_passage_is_inspected(cache_folder):
    compile_pattern(r"[。;]又一个")
    inspect_text("市科协牵头，市教育局参与。")
    assert (r"[。;]又一个", 0) in read_cache(cache_path())


def test_the_cache_is_written_sorted_after_its_digest():
    programs = {("b", 0): (0, [1], 0, {}, (None,)), ("a", 2): (2, [3], 0, {}, (None,))}
    data = cache_bytes(programs)
    assert hashlib.sha256(data[DIGEST_SIZE:]).digest() == data[:DIGEST_SIZE]
    assert data == cache_bytes(dict(reversed(programs.items())))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-7],  # cut short
        lambda data: data[:100] + bytes([data[100] ^ 1]) + data[101:],  # one bit flipped
        lambda data: b"not a cache",
        lambda data: b"",
    ],
    ids=["truncated", "bit-flipped", "garbage", "empty"],
)
def test_a_damaged_cache_is_ignored(cache_folder, damage):
    pattern = r"[一二三四五六七八九十]{1,3}、(?P<title>[^。]+)"
    compile_pattern(pattern)
    save_programs()
    path = cache_path()
    path.write_bytes(damage(path.read_bytes()))
    forget_programs()
    assert read_cache(path) == {}
    assert compile_pattern(pattern) == re.compile(pattern)


def test_a_cache_of_another_shape_is_ignored(cache_folder):
    cache_folder.mkdir()
    content = b"\xe9\x00\x00\x00\x00"  # marshal of a list, not of programs
    cache_path().write_bytes(hashlib.sha256(content).digest() + content)
    assert read_cache(cache_path()) == {}


def test_a_program_sre_refuses_is_compiled_afresh(cache_folder):
    pattern = r"[\u4e00-\u9fff]+局"
    cache_folder.mkdir()
    cache_path().write_bytes(cache_bytes({(pattern, 0): (0, [99999, 1, 2], 0, {}, (None,))}))
    assert compile_pattern(pattern) == re.compile(pattern)


def test_a_bad_pattern_raises_as_re_does(cache_folder):
    with pytest.raises(re.error):
        compile_pattern(r"[\u4e00-")


def test_another_interpreter_reads_a_cache_of_its_own(monkeypatch):
    here = cache_path()
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert cache_path() != here


def test_a_cache_folder_that_cannot_be_written_costs_only_the_compilation(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PLANKG_CACHE_DIR", str(blocked / "plankg"))
    forget_programs()
    try:
        pattern = compile_pattern(r"(?:牵头|配合)[\u4e00-\u9fff]{2}")
        save_programs()
        assert pattern == re.compile(pattern.pattern)
        assert not (blocked / "plankg").exists()
    finally:
        forget_programs()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes a read-only folder")
def test_a_read_only_cache_is_read(cache_folder):
    pattern = r"[\u4e00-\u9fff]{2,4}(?:局|委)"
    compile_pattern(pattern)
    save_programs()
    forget_programs()
    cache_folder.chmod(0o500)
    cache_path().chmod(0o400)
    try:
        assert (pattern, 0) in read_cache(cache_path())
        compile_pattern(r"新的[\u4e00-\u9fff]")
        save_programs()  # cannot be written: left as it is
        assert compile_pattern(pattern) == re.compile(pattern)
    finally:
        cache_folder.chmod(0o700)
