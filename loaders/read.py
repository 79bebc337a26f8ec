"""Reading plan files: bytes to text, then :func:`~plankg.loaders.parse.parse_plan`."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from plankg.loaders.model import Plan
from plankg.loaders.parse import NotAPlanError, parse_plan


class PlanReadError(ValueError):
    """A file that cannot be read as a plan; the message names the file and the reason."""


def supported_suffixes() -> tuple[str, ...]:
    return (".txt",)


def sample_paths() -> list[Path]:
    """The five sample plans shipped with plankg."""
    folder = Path(str(files("plankg").joinpath("samples")))
    return sorted(folder.glob("*.txt"))


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise PlanReadError(f"{name}: empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PlanReadError(f"{name}: binary file, not a text plan")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise PlanReadError(f"{name}: not UTF-8 text ({e.reason} at byte {e.start})") from e


def read_plan(path: str | Path) -> Plan:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise PlanReadError(f"{path}: cannot read ({e.strerror})") from e
    try:
        return parse_plan(decode(data, str(path)), path.name)
    except NotAPlanError as e:
        raise PlanReadError(f"{path}: not a plan ({e})") from e
