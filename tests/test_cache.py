"""Values kept between processes: read back as they were made, made again when the file is
missing, damaged, of another shape, made from other data or by another interpreter, and never
an error when the folder cannot be written."""

from __future__ import annotations

import os
import sys
import time
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest
from plankg.cache import (
    DAY,
    DIGEST_SIZE,
    UNUSED_DAYS,
    cache_file,
    kept,
    read_value,
    write_value,
)
from plankg.loaders.patterns import load_patterns

VALUE = {"labels": ["牵头单位", "责任单位"], "share": 14.4, "nested": {"on": True, "n": [1, 2]}}


@pytest.fixture(autouse=True)
def cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLANKG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counted(value: dict[str, object], calls: list[int]) -> dict[str, object]:
    calls.append(1)
    return value


def test_a_value_is_made_once_then_read():
    calls: list[int] = []
    first = kept("test", ("data",), lambda: counted(VALUE, calls), dict)
    again = kept("test", ("data",), lambda: counted(VALUE, calls), dict)
    assert first == again == VALUE
    assert again is not VALUE  # read from the file
    assert len(calls) == 1


def test_other_data_or_another_interpreter_has_another_file(monkeypatch):
    here = cache_file("test", "data")
    assert cache_file("test", "other data") != here
    assert cache_file("other", "data") != here
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    assert cache_file("test", "data") != here


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-3],
        lambda data: (
            data[: DIGEST_SIZE + 5] + bytes([data[DIGEST_SIZE + 5] ^ 1]) + data[DIGEST_SIZE + 6 :]
        ),
        lambda data: b"",
    ],
    ids=["truncated", "bit-flipped", "empty"],
)
def test_a_damaged_file_is_made_again(damage):
    path = cache_file("test", "data")
    write_value(path, VALUE)
    path.write_bytes(damage(path.read_bytes()))
    assert read_value(path) is None
    calls: list[int] = []
    assert kept("test", ("data",), lambda: counted(VALUE, calls), dict) == VALUE
    assert calls == [1]
    assert read_value(path) == VALUE  # and replaced


def test_a_value_of_another_shape_is_made_again():
    write_value(cache_file("test", "data"), ["not", "a", "dict"])
    assert kept("test", ("data",), lambda: VALUE, dict) == VALUE


def test_a_value_marshal_cannot_write_is_not_kept():
    path = cache_file("test", "data")
    write_value(path, {"a set of objects": {object()}})
    assert not path.exists()


def test_a_folder_that_cannot_be_written_costs_only_the_making(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PLANKG_CACHE_DIR", str(blocked / "plankg"))
    assert kept("test", ("data",), lambda: VALUE, dict) == VALUE
    assert not (blocked / "plankg").exists()


def test_the_patterns_kept_are_the_toml_file_read():
    text = files("plankg.loaders").joinpath("data/patterns.toml").read_text(encoding="utf-8")
    load_patterns.cache_clear()
    try:
        made, read = load_patterns(), (load_patterns.cache_clear(), load_patterns())[1]
    finally:
        load_patterns.cache_clear()
    assert cache_file("patterns", text).exists()
    expected = tomllib.loads(text)
    expected["assignment"]["own_line"] = made["assignment"]["own_line"]
    assert repr(made) == repr(read) == repr(expected)


def _age(path: Path, days: float) -> None:
    then = time.time() - days * DAY
    os.utime(path, (then, then))


def test_writing_a_file_removes_its_kinds_files_unused_for_a_month():
    old, recent, other_kind = (
        cache_file("test", "old data"),
        cache_file("test", "recent data"),
        cache_file("other", "old data"),
    )
    for path in (old, recent, other_kind):
        write_value(path, VALUE)
    _age(old, UNUSED_DAYS + 1)
    _age(recent, UNUSED_DAYS - 1)
    _age(other_kind, UNUSED_DAYS + 1)
    write_value(cache_file("test", "new data"), VALUE)
    assert not old.exists()
    assert recent.exists() and other_kind.exists()


def test_a_file_read_is_kept_as_used():
    path = cache_file("test", "data")
    write_value(path, VALUE)
    _age(path, UNUSED_DAYS + 1)
    assert read_value(path) == VALUE
    assert time.time() - path.stat().st_mtime < DAY
    write_value(cache_file("test", "new data"), VALUE)
    assert read_value(path) == VALUE


def test_a_file_read_within_a_day_is_not_touched_again():
    path = cache_file("test", "data")
    write_value(path, VALUE)
    _age(path, 0.5)
    before = path.stat().st_mtime
    read_value(path)
    assert path.stat().st_mtime == before
