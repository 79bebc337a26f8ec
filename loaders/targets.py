"""Quantitative targets: ``到2025年，…达到80个``, ``每年…不少于1000人次``, ``…超过17.8%``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from plankg.loaders.model import Target
from plankg.loaders.patterns import alternation, regex, table
from plankg.loaders.text import Reading

SENTENCE_END = re.compile(r"[。;!?\n]")
CLAUSE_END = re.compile(r"[,。;:!?\n]")
PERCENT_SIGNS = {"%": "%", "％": "%"}


def find_targets(reading: Reading, start: int, end: int) -> list[Target]:
    """Every quantity stated as something to reach in ``reading.text[start:end]``."""
    return [
        target_at(reading, m.start("value"), m.end("unit"))
        for m in regex("targets", "quantity").finditer(reading.norm, start, end)
        if not _is_year_or_label(reading.norm, m.start("value"), m.end("unit"))
    ]


def target_at(reading: Reading, value_start: int, unit_end: int) -> Target:
    """The target whose quantity stands at ``reading.text[value_start:unit_end]``."""
    norm = reading.norm
    m = regex("targets", "quantity").match(norm, value_start, unit_end)
    assert m is not None
    sentence_start = _last(SENTENCE_END, norm, value_start) + 1
    clause_start, clause_end = _clause(norm, value_start, unit_end)
    per_year = any(w in norm[sentence_start:value_start] for w in table("targets", "per_year"))
    return Target(
        text=reading.text[clause_start:clause_end],
        value=Decimal(m["value"]),
        unit=PERCENT_SIGNS.get(m["unit"], m["unit"]),
        comparator=_comparator(norm, clause_start, value_start, unit_end, clause_end),
        year=None if per_year else due_year(norm, sentence_start, value_start),
        per_year=per_year,
        span=reading.span(clause_start, clause_end),
    )


def _is_year_or_label(norm: str, start: int, end: int) -> bool:
    """Years (``2025年``) and numbers opening a quotation are not targets."""
    following = norm[end : end + 1]
    return following == "年" or norm[start - 1 : start] in ("“", "\u201d")


def _clause(norm: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding a quantity, with a clause before it that only names the year
    (``到2025年，``)."""
    clause_start = _last(CLAUSE_END, norm, start) + 1
    before = _last(CLAUSE_END, norm, clause_start - 1) + 1
    if norm[clause_start - 1 : clause_start] == "," and _only_names_a_year(
        norm[before : clause_start - 1]
    ):
        clause_start = before
    following = CLAUSE_END.search(norm, end)
    return clause_start, following.start() if following else len(norm)


def _only_names_a_year(text: str) -> bool:
    return bool(regex("targets", "year_clause").fullmatch(text))


def _last(pattern: re.Pattern[str], text: str, before: int) -> int:
    """Index of the last match of a one-character pattern before ``before``, or -1."""
    for i in range(before - 1, -1, -1):
        if pattern.match(text, i):
            return i
    return -1


def _comparator(
    norm: str, clause_start: int, value_start: int, unit_end: int, clause_end: int
) -> str:
    after = alternation("targets", "after").match(norm, unit_end, clause_end)
    if after:
        return table("targets", "after")[after.group()]
    words = list(alternation("targets", "before").finditer(norm, clause_start, value_start))
    return table("targets", "before")[words[-1].group()] if words else "="


def due_year(norm: str, sentence_start: int, value_start: int) -> int | None:
    """The year a target is due, from its sentence before the number."""
    before = norm[sentence_start:value_start]
    years = [int(m["year"]) for m in regex("targets", "year").finditer(before)]
    if years:
        return years[-1]
    plans = table("targets", "five_year_plans")
    return next((year for name, year in plans.items() if name in before), None)


def literacy_shares(reading: Reading, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Where the share of citizens with scientific literacy is stated: (value start, unit end)."""
    for m in regex("targets", "literacy_share").finditer(reading.norm, start, end):
        yield m.start("value"), m.end()
