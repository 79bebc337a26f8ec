"""plankg measured against the development corpus (tests/corpus/): metadata per field, assignment
clauses and the agencies they name, targets. Used by test_corpus.py (which holds floors) and
benchmarks/corpus.py (which prints the figures for the README)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from plankg.loaders.inspect import Inspection, inspect_text

CORPUS = Path(__file__).parents[1] / "corpus"
METADATA_FIELDS = (
    "title",
    "region",
    "region_level",
    "province",
    "issuer",
    "doc_number",
    "issued",
    "period",
    "draft",
    "cites",
)
SHARE_FIELDS = ("headline", "long_term", "baseline")
TARGET_ATTRIBUTES = ("unit", "comparator", "year", "per_year", "hedged", "value_max")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expected: dict[str, Any]


@cache
def cases() -> tuple[Case, ...]:
    found = []
    for path in sorted((CORPUS / "expected").glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        text = (CORPUS / "texts" / f"{path.stem}.txt").read_text(encoding="utf-8")
        found.append(Case(path.stem, text, expected))
    return tuple(found)


@cache
def inspected(case_id: str) -> Inspection:
    case = next(c for c in cases() if c.id == case_id)
    return inspect_text(case.text)


@dataclass
class F1:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.wrong.append(what)


def _same(field_name: str, got: Any, want: Any) -> bool:
    if field_name == "title" and isinstance(got, str) and isinstance(want, str):
        return SPACES.sub("", got) == SPACES.sub("", want)
    return got == want


def metadata_scores() -> dict[str, Accuracy]:
    scores = {name: Accuracy() for name in (*METADATA_FIELDS, *SHARE_FIELDS)}
    for case in cases():
        got = inspected(case.id).as_dict()["metadata"]
        for name, want in case.expected.get("metadata", {}).items():
            if name in scores:
                scores[name].add(
                    _same(name, got[name], want), f"{case.id}: {got[name]!r} ≠ {want!r}"
                )
        for name in SHARE_FIELDS:
            if name in case.expected:
                ok = _same_share(got[name], case.expected[name])
                scores[name].add(ok, f"{case.id}: {_short(got[name])} ≠ {case.expected[name]}")
    return scores


def _short(share: dict[str, Any] | None) -> str:
    if share is None:
        return "None"
    return f"{share['value']}{share['unit']} {share['comparator']} {share['year']}"


def _same_share(got: dict[str, Any] | None, want: dict[str, Any] | None) -> bool:
    if got is None or want is None:
        return got is want
    keys = [k for k in ("comparator", "year", "hedged") if k in want]
    return Decimal(str(got["value"])) == Decimal(want["value"]) and all(
        got[k] == want[k] for k in keys
    )


def _positions(text: str, quoted: str, seen: Counter[str]) -> tuple[int, int]:
    """Where ``quoted`` stands in ``text``: its n-th occurrence for the n-th time it is quoted
    (a clause such as 由县科委牵头 can stand several times in one text), or its last one (two
    targets of one clause quote the same clause)."""
    at = -1
    for _ in range(seen[quoted] + 1):
        following = text.find(quoted, at + 1)
        if following < 0:
            break
        at = following
    seen[quoted] += 1
    return at, at + len(quoted)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _roles(clause: dict[str, Any]) -> set[tuple[str, str]]:
    pairs = {("lead", n) for n in clause.get("lead", [])}
    pairs |= {("partner", n) for n in clause.get("partners", [])}
    pairs |= {("responsible", n) for n in clause.get("responsible", [])}
    return pairs


def _found_roles(clause: dict[str, Any]) -> set[tuple[str, str]]:
    pairs = {("lead", a["name"]) for a in clause["lead"]}
    pairs |= {("partner", a["name"]) for a in clause["partners"]}
    pairs |= {("responsible", a["name"]) for a in clause["responsible"]}
    return pairs


def clause_scores() -> tuple[F1, F1]:
    """Clauses found (by overlap) and the (role, agency) pairs they name."""
    clauses, agencies = F1(), F1()
    for case in cases():
        block = case.expected.get("assignments")
        if block is None:
            continue
        found = inspected(case.id).as_dict()["assignments"]
        spans = [_found_span(c) for c in found]
        used: set[int] = set()
        seen: Counter[str] = Counter()
        for want in block["clauses"]:
            where = _positions(case.text, want["clause"], seen)
            hits = [i for i, s in enumerate(spans) if _overlaps(s, where)]
            used.update(hits)
            got: set[tuple[str, str]] = set().union(*(_found_roles(found[i]) for i in hits))
            wanted = _roles(want)
            if hits:
                clauses.tp += 1
            else:
                clauses.fn += 1
                clauses.misses.append(f"{case.id}: missed {want['clause'][:60]}")
            agencies.tp += len(got & wanted)
            agencies.fp += len(got - wanted)
            agencies.fn += len(wanted - got)
            if got != wanted:
                agencies.misses.append(
                    f"{case.id}: {want['clause'][:40]} +{sorted(got - wanted)} -{sorted(wanted - got)}"
                )
        if block.get("complete"):
            for i, c in enumerate(found):
                if i not in used:
                    clauses.fp += 1
                    agencies.fp += len(_found_roles(c))
                    clauses.misses.append(f"{case.id}: extra {c['clause'][:60]}")
    return clauses, agencies


def _found_span(found: dict[str, Any]) -> tuple[int, int]:
    return found["start"], found["end"]


def target_scores() -> tuple[F1, dict[str, Accuracy]]:
    targets = F1()
    attributes = {name: Accuracy() for name in TARGET_ATTRIBUTES}
    for case in cases():
        block = case.expected.get("targets")
        if block is None:
            continue
        found = inspected(case.id).as_dict()["targets"]
        spans = [_found_span(t) for t in found]
        used: set[int] = set()
        seen: Counter[str] = Counter()
        for want in block["items"]:
            where = _positions(case.text, want["text"], seen)
            hits = [
                i
                for i, s in enumerate(spans)
                if i not in used
                and _overlaps(s, where)
                and Decimal(str(found[i]["value"])) == Decimal(want["value"])
            ]
            if not hits:
                targets.fn += 1
                targets.misses.append(
                    f"{case.id}: missed {want['value']}{want['unit']} in {want['text'][:40]}"
                )
                continue
            targets.tp += 1
            used.add(hits[0])
            got = found[hits[0]]
            for name in TARGET_ATTRIBUTES:
                if name in want:
                    expected_value = want[name]
                    got_value = got[name]
                    if name == "value_max":
                        got_value = None if got_value is None else Decimal(str(got_value))
                        expected_value = None if expected_value is None else Decimal(expected_value)
                    attributes[name].add(
                        got_value == expected_value,
                        f"{case.id}: {want['text'][:30]} {name} {got_value!r} ≠ {expected_value!r}",
                    )
        if block.get("complete"):
            for i, t in enumerate(found):
                if i not in used:
                    targets.fp += 1
                    targets.misses.append(
                        f"{case.id}: extra {t['value']}{t['unit']} in {t['text'][:40]}"
                    )
    return targets, attributes


def summary() -> dict[str, Any]:
    clauses, agencies = clause_scores()
    targets, attributes = target_scores()
    return {
        "texts": len(cases()),
        "metadata": metadata_scores(),
        "clauses": clauses,
        "agencies": agencies,
        "targets": targets,
        "target_attributes": attributes,
        "levels": Counter(c.expected.get("level") for c in cases()),
    }
