"""Kinds of quantitative target (teachers trained, science-education bases, volunteers, …) and
the base units they are counted in, loaded once from ``target_kinds.toml`` beside this module."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

CLAUSE_MARKS = re.compile(r"[、，,；;。]")


@dataclass(frozen=True)
class TargetKind:
    id: str
    zh: str
    en: str
    any: tuple[str, ...]
    all: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        return any(k in text for k in self.any) and all(k in text for k in self.all)


@dataclass(frozen=True)
class BaseUnit:
    base: str
    factor: float


@cache
def _data() -> dict[str, Any]:
    text = files("plankg.graph.analysis").joinpath("target_kinds.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def target_kinds() -> tuple[TargetKind, ...]:
    return tuple(_target_kind(entry) for entry in _data()["kind"])


def _target_kind(entry: dict[str, Any]) -> TargetKind:
    def words(key: str) -> tuple[str, ...]:
        return tuple(entry.get(key, ()))

    return TargetKind(
        id=entry["id"],
        zh=entry["zh"],
        en=entry["en"],
        any=words("any"),
        all=words("all"),
        examples=words("examples"),
        counter_examples=words("counter_examples"),
    )


@cache
def base_units() -> dict[str, BaseUnit]:
    return {unit: BaseUnit(**spec) for unit, spec in _data()["units"].items()}


def in_base_unit(value: float, unit: str) -> tuple[float, str]:
    """``1 万人`` → ``(10000, "人")``; a unit without a base stays as written."""
    found = base_units().get(unit)
    return (value * found.factor, found.base) if found else (value, unit)


NUMBER = re.compile(r"\d+(?:\.\d+)?")


def number_text(value: float) -> str:
    """``23.0`` → ``23``, ``0.5`` → ``0.5``: the number as a plan writes it."""
    return f"{value:f}".rstrip("0").rstrip(".")


def target_clause(text: str, written: str) -> str:
    """The clause of ``text`` that holds the target's quantity as written (``23万人次``), else
    its number."""
    clauses = [c for c in CLAUSE_MARKS.split(text) if c]
    number = NUMBER.match(written)
    standalone = re.compile(rf"(?<![\d.]){re.escape(number[0] if number else written)}(?![\d.])")
    with_unit = [c for c in clauses if written in c]
    if len(with_unit) == 1:
        return with_unit[0]
    with_number = [c for c in clauses if standalone.search(c)]
    return with_number[0] if len(with_number) == 1 else text


def kind_of_text(text: str) -> TargetKind | None:
    """The first kind (in the data file's order) whose keywords ``text`` holds."""
    return next((kind for kind in target_kinds() if kind.matches(text)), None)


def kind_of(text: str, written: str) -> TargetKind | None:
    """The kind of the target written ``written`` (``23万人次``) in ``text``: read off its own
    clause first, then off the whole sentence."""
    return kind_of_text(target_clause(text, written)) or kind_of_text(text)
