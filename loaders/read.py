"""Reading plan files: bytes to text (by format and encoding), then
:func:`~plankg.loaders.parse.parse_plan`."""

from __future__ import annotations

import os
import stat
import sys
from importlib.resources import files
from pathlib import Path
from typing import BinaryIO

from plankg.loaders.errors import NotAPlanError, PlanReadError
from plankg.loaders.formats import text_of
from plankg.loaders.model import Plan
from plankg.loaders.parse import parse_plan

__all__ = ["PlanReadError", "read_passage", "read_plan", "sample_paths"]
STDIN = "-"
MAX_FILE_BYTES = 50 * 2**20
"""The largest file read (a PDF with its images); text itself is limited further by
:data:`plankg.loaders.formats.MAX_TEXT_CHARS`."""


def sample_paths() -> list[Path]:
    """The five sample plans shipped with plankg."""
    folder = Path(str(files("plankg").joinpath("samples")))
    return sorted(folder.glob("*.txt"))


def read_plan(path: str | Path) -> Plan:
    path = Path(path)
    text = text_of(read_bounded(path), str(path))
    try:
        return parse_plan(text, path.name)
    except NotAPlanError as e:
        raise PlanReadError(f"{path}: not a plan ({e})") from e


def read_passage(source: str | Path, stdin: BinaryIO | None = None) -> str:
    """The text of a passage — a plan or any fragment — from a file of any format ``build``
    reads, or from ``stdin`` when ``source`` is ``-`` (read as text in any encoding)."""
    if str(source) == STDIN:
        data = (stdin or sys.stdin.buffer).read(MAX_FILE_BYTES + 1)
        return text_of(_within_limit(data, "<stdin>"), "<stdin>.txt")
    path = Path(source)
    return text_of(read_bounded(path), str(path))


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path``, refused when it is a device (a link to ``/dev/zero`` is not
    read forever) or holds more than ``limit`` bytes (read no further than that)."""
    try:
        with path.open("rb") as file:
            if stat.S_ISCHR(mode := os.fstat(file.fileno()).st_mode) or stat.S_ISBLK(mode):
                raise PlanReadError(f"{path}: a device, not a file")
            data = file.read(limit + 1)
    except OSError as e:
        raise PlanReadError(f"{path}: cannot read ({e.strerror or e})") from e
    return _within_limit(data, str(path), limit)


def _within_limit(data: bytes, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    if len(data) > limit:
        raise PlanReadError(f"{name}: larger than {limit // 2**20} MB, not read")
    return data
