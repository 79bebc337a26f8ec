"""Reading plan files: bytes to text (by format and encoding), then
:func:`~plankg.loaders.parse.parse_plan`."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from plankg.loaders.errors import NotAPlanError, PlanReadError
from plankg.loaders.formats import text_of
from plankg.loaders.model import Plan
from plankg.loaders.parse import parse_plan

__all__ = ["PlanReadError", "read_plan", "sample_paths"]


def sample_paths() -> list[Path]:
    """The five sample plans shipped with plankg."""
    folder = Path(str(files("plankg").joinpath("samples")))
    return sorted(folder.glob("*.txt"))


def read_plan(path: str | Path) -> Plan:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise PlanReadError(f"{path}: cannot read ({e.strerror})") from e
    try:
        return parse_plan(text_of(data, str(path)), path.name)
    except NotAPlanError as e:
        raise PlanReadError(f"{path}: not a plan ({e})") from e
