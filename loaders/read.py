"""Reading plan files: bytes to text (by format and encoding), then
:func:`~plankg.loaders.parse.parse_plan`."""

from __future__ import annotations

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


def sample_paths() -> list[Path]:
    """The five sample plans shipped with plankg."""
    folder = Path(str(files("plankg").joinpath("samples")))
    return sorted(folder.glob("*.txt"))


def read_plan(path: str | Path) -> Plan:
    path = Path(path)
    data = _bytes_of(path)
    try:
        return parse_plan(text_of(data, str(path)), path.name)
    except NotAPlanError as e:
        raise PlanReadError(f"{path}: not a plan ({e})") from e


def read_passage(source: str | Path, stdin: BinaryIO | None = None) -> str:
    """The text of a passage — a plan or any fragment — from a file of any format ``build``
    reads, or from ``stdin`` when ``source`` is ``-`` (read as text in any encoding)."""
    if str(source) == STDIN:
        data = (stdin or sys.stdin.buffer).read()
        return text_of(data, "<stdin>.txt")
    path = Path(source)
    return text_of(_bytes_of(path), str(path))


def _bytes_of(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise PlanReadError(f"{path}: cannot read ({e.strerror})") from e
