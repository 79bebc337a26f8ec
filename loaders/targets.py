"""Quantitative targets: ``到2025年，…达到80个``, ``每年…不少于1000人次``, ``…超过17.8%``,
``力争…2—3部``, ``创建百个…``.

Every scan is bounded by the sentence or clause around a number, found with an index of the
punctuation (:meth:`Reading.last_mark`), and by :data:`SENTENCE_WINDOW` and
:data:`CLAUSE_WINDOW` where the text has no punctuation for longer, so a text of n characters
is read in O(n log n) even when it is one run-on list of quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from plankg.loaders.errors import NotAPlanError
from plankg.loaders.model import Target
from plankg.loaders.patterns import alternation, finditer, may_hold, regex, table, word_tuple
from plankg.loaders.text import Reading

SENTENCE_MARKS = "。;!?\n"
CLAUSE_MARKS = ",。;:!?\n"
PERCENT_SIGNS = {"%": "%", "％": "%"}
SENTENCE_WINDOW = 500
"""At most this many characters before a quantity are read for its year and per-year flag
(the longest sentence before a quantity in the corpus: 280)."""
MAX_QUANTITIES = 2_000
"""More quantities than this in a text is not a plan's (the most in the corpus: 25); each
costs a target's clause, year and comparator, so a text of nothing but ``15%`` ×n took
1 GB and 200 s per MB before this limit."""
CLAUSE_WINDOW = 200
"""At most this many characters either side of a quantity are its clause (longest in the
corpus: 72 before, 47 after)."""


def find_targets(reading: Reading, start: int, end: int) -> list[Target]:
    """Every quantity stated as something to reach in ``reading.text[start:end]``."""
    norm = reading.norm
    found = [
        (m.start("value"), m.end("unit"))
        for m in _quantities(norm, start, end)
        if not _is_not_an_amount(norm, m.start("value"), m.end("unit"))
    ]
    found += [
        (m.start("numeral"), m.end("unit"))
        for m in finditer(regex("targets", "numeral_quantity"), norm, start, end)
        if norm.endswith(word_tuple("targets", "numeral_after"), start, m.start())
        and not norm.startswith(word_tuple("targets", "numeral_idioms"), m.start())
    ]
    if len(found) > MAX_QUANTITIES:
        raise NotAPlanError(f"{len(found):,} quantities (a plan states at most {MAX_QUANTITIES:,})")
    return [
        target_at(reading, s, e)
        for s, e in sorted(found)
        if not _counts_plan_parts(norm, e) and not _is_a_statistic(reading, s, e)
    ]


def _quantities(norm: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of the quantity pattern in ``norm[start:end]``, tried only where a digit
    stands (each opens with one after its look-behind, which the regex engine would otherwise
    try at every character)."""
    return finditer(regex("targets", "quantity"), norm, start, end)


def _counts_plan_parts(norm: str, unit_end: int) -> bool:
    """实施5项提升行动: a count of the plan's own parts."""
    return norm.startswith(word_tuple("targets", "plan_parts"), unit_end)


def _is_a_statistic(reading: Reading, value_start: int, unit_end: int) -> bool:
    """A figure of the past or a reference value (比2016年增加5.32%, 全国3.27%的平均水平)."""
    norm = reading.norm
    clause_start, clause_end = _clause_around(reading, value_start, unit_end)
    before = norm[clause_start:value_start]
    after = norm[unit_end:clause_end]
    return any(w in before for w in table("targets", "statistics")) or bool(
        regex("targets", "reference_after").match(after)
    )


def target_at(reading: Reading, value_start: int, unit_end: int) -> Target:
    """The target whose quantity stands at ``reading.text[value_start:unit_end]`` (read once:
    the plan's coverage asks again for the targets its measures read)."""
    key = ("target", value_start, unit_end)
    found: Target | None = reading.found.get(key)
    if found is None:
        found = reading.found[key] = _target_at(reading, value_start, unit_end)
    return found


def _target_at(reading: Reading, value_start: int, unit_end: int) -> Target:
    norm = reading.norm
    value, value_max, more, unit = _quantity(norm, value_start, unit_end)
    sentence_start = max(
        reading.last_mark(SENTENCE_MARKS, value_start) + 1, value_start - SENTENCE_WINDOW
    )
    clause_start, clause_end = _clause(reading, value_start, unit_end)
    per_year = _per_year(norm, sentence_start, value_start)
    comparator = _comparator(norm, clause_start, value_start, unit_end, clause_end)
    return Target(
        text=reading.text[clause_start:clause_end],
        value=value,
        unit=PERCENT_SIGNS.get(unit, unit),
        comparator=table("targets", "more") if more and comparator == "=" else comparator,
        year=None if per_year else due_year(norm, sentence_start, value_start),
        per_year=per_year,
        span=reading.span(clause_start, clause_end),
        value_max=value_max,
        hedged=bool(regex("targets", "hedges").search(norm, clause_start, clause_end)),
        each=_each(norm, clause_start, value_start),
    )


def _quantity(norm: str, start: int, end: int) -> tuple[Decimal, Decimal | None, bool, str]:
    m = regex("targets", "quantity").match(norm, start, end)
    if m:
        high = Decimal(m["value_max"]) if m["value_max"] else None
        return Decimal(m["value"]), high, bool(m["more"]), m["unit"]
    m = regex("targets", "numeral_quantity").match(norm, start, end)
    assert m is not None, norm[start:end]
    return Decimal(chinese_number(m["numeral"])), None, bool(m["more"]), m["unit"]


def _each(norm: str, clause_start: int, value_start: int) -> bool:
    return bool(
        regex("targets", "each").search(norm, max(clause_start, value_start - 3), value_start)
    )


def chinese_number(numeral: str) -> int:
    """``百`` → 100, ``两`` → 2, ``二十五`` → 25, ``一千二百`` → 1200."""
    digits: dict[str, int] = table("targets", "numerals")
    powers: dict[str, int] = table("targets", "numeral_powers")
    total, current = 0, 0
    for char in numeral:
        if char in digits:
            current = digits[char]
        else:
            total += (current or 1) * powers[char]
            current = 0
    return total + current


def _is_not_an_amount(norm: str, start: int, end: int) -> bool:
    """Years (``2025年``), numbers opening a quotation, ranks (``前10名``) and parts of longer
    numbers (telephone numbers, dates) are not amounts."""
    following = norm[end : end + 1]
    before = norm[max(0, start - 2) : start]
    return (
        following == "年"
        or before[-1:] in ("“", "\u201d", "-", "/")
        or before.endswith(word_tuple("targets", "rank_before"))
    )


def _clause(reading: Reading, start: int, end: int) -> tuple[int, int]:
    """The clause holding a quantity, with a clause before it that only names the year
    (``到2025年，``)."""
    norm = reading.norm
    clause_start, clause_end = _clause_around(reading, start, end)
    before = reading.last_mark(CLAUSE_MARKS, clause_start - 1) + 1
    if (
        norm[clause_start - 1 : clause_start] == ","
        and clause_start - before <= CLAUSE_WINDOW
        and _only_names_a_year(norm[before : clause_start - 1])
    ):
        clause_start = before
    return clause_start, clause_end


def _clause_around(reading: Reading, start: int, end: int) -> tuple[int, int]:
    """From the clause mark before ``start`` to the one after ``end``, at most
    :data:`CLAUSE_WINDOW` characters either side."""
    clause_start = max(reading.last_mark(CLAUSE_MARKS, start) + 1, start - CLAUSE_WINDOW)
    return clause_start, min(reading.next_mark(CLAUSE_MARKS, end), end + CLAUSE_WINDOW)


def _only_names_a_year(text: str) -> bool:
    return bool(regex("targets", "year_clause").fullmatch(text))


def _per_year(norm: str, sentence_start: int, value_start: int) -> bool:
    """每年 governs the number when no year is named between it and the number."""
    before = norm[sentence_start:value_start]
    at = max((before.rfind(w) for w in table("targets", "per_year")), default=-1)
    if at < 0:
        return False
    return not regex("targets", "year").search(before, at)


def _comparator(
    norm: str, clause_start: int, value_start: int, unit_end: int, clause_end: int
) -> str:
    after = alternation("targets", "after").match(norm, unit_end, clause_end)
    comparators: dict[str, str] = table("targets", "after")
    if after:
        return comparators[after.group()]
    words = list(alternation("targets", "before").finditer(norm, clause_start, value_start))
    return table("targets", "before")[words[-1].group()] if words else "="


def due_year(norm: str, sentence_start: int, value_start: int) -> int | None:
    """The year a target is due, from its sentence before the number: the last year named, or
    the end of a five-year plan named (``十二五末``, ``“十三五”时期``)."""
    before = norm[sentence_start:value_start]
    years = [(m.start(), int(m["year"])) for m in regex("targets", "year").finditer(before)]
    plans = table("targets", "five_year_plans")
    years += [(before.rfind(name), year) for name, year in plans.items() if name in before]
    return max(years)[1] if years else None


@dataclass(frozen=True)
class ShareStatement:
    """A literacy share where a text states it: the value's extent, and the words leading to
    it from the subject (比例从目前…) or from the share before it in a series (…提升至)."""

    value_start: int
    unit_end: int
    lead_in: str
    changes: bool
    """Reached from the share before it by a change (提升至, 上升到): a new time, not the
    same one as the share before it (分别为8.5%、9.2%)."""


def literacy_shares(reading: Reading, start: int, end: int) -> Iterator[ShareStatement]:
    """Where the share of citizens with scientific literacy is stated, and each further share
    of a series (``分别为8.5%、9.2%``, ``从2010年的3.27%上升到2020年的10.56%``). Only a
    stretch holding the share's sign is searched (:func:`~plankg.loaders.patterns.may_hold`)."""
    norm = reading.norm
    if not may_hold(norm, start, end, "targets", "literacy_share"):
        return
    for m in regex("targets", "literacy_share").finditer(norm, start, end):
        yield ShareStatement(m.start("value"), m.end(), norm[m.start() : m.start("value")], True)
        cursor = m.end()
        while series := regex("targets", "share_series").match(norm, cursor, end):
            lead_in = norm[cursor : series.start("value")]
            changes = bool(regex("targets", "share_change").search(lead_in))
            yield ShareStatement(series.start("value"), series.end(), lead_in, changes)
            cursor = series.end()


def is_past(target: Target, lead_in: str, period_start: int | None) -> bool:
    """A quantity stated of the past: due before the plan's period, or led in by 已达到,
    分别为, 目前."""
    if period_start and target.year and target.year < period_start:
        return True
    return any(w in lead_in for w in table("targets", "past_markers"))


def is_past_share(target: Target, period_start: int | None) -> bool:
    """A target whose whole clause speaks of the past (for quantities found anywhere)."""
    return is_past(target, target.text, period_start)
