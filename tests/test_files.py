"""Outputs are replaced in one step: a write that fails or is interrupted leaves the previous
file as it was and no temporary file beside it."""

from __future__ import annotations

import os

import pytest
from plankg.errors import OutputError
from plankg.files import staged, write_texts


def test_a_file_is_replaced_whole_and_nothing_else_stays(tmp_path):
    target = tmp_path / "out" / "plankg.ttl"
    write_texts({target: "previous"})
    write_texts({target: "new"})
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in target.parent.iterdir()] == ["plankg.ttl"]


def test_an_interrupted_write_keeps_the_previous_file(tmp_path):
    target = tmp_path / "plankg.ttl"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), staged(target) as stage:
        stage.file.write("the first half of the new graph")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["plankg.ttl"]


def test_an_output_not_kept_leaves_the_previous_file(tmp_path):
    target = tmp_path / "plankg.ttl"
    target.write_text("previous", encoding="utf-8")
    with staged(target) as stage:
        stage.file.write("prefixes only")
        stage.keep = False
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["plankg.ttl"]


def test_a_write_that_fails_is_one_error_and_leaves_no_temporary_file(tmp_path):
    folder = tmp_path / "report.md"
    folder.mkdir()
    with pytest.raises(OutputError, match=r"cannot write .*report\.md"):
        write_texts({folder: "a folder stands where the file should go"})
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
    assert folder.is_dir()


def test_an_output_gets_the_usual_mode_not_a_temporary_files(tmp_path):
    mask = os.umask(0o022)
    try:
        write_texts({tmp_path / "a.csv": "x", tmp_path / "b.png": b"\x89PNG"})
    finally:
        os.umask(mask)
    assert {(tmp_path / n).stat().st_mode & 0o777 for n in ("a.csv", "b.png")} == {0o644}
