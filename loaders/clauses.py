"""Where assignment clauses stand in a text: a paragraph opened by a label (``牵头单位：…``,
with the label paragraphs that follow it), a bracket naming agencies with a role word
(``（市教育局牵头，…配合）``, ``（A、B负责）``), a label inside a paragraph (``…。牵头单位：A``) and
prose (``由A、B牵头，负责…。C、D作为成员单位，参与实施。``, ``A、B为…的牵头部门``).

:func:`find_clauses` reads any passage, a whole plan or a fragment; the plan parser uses the
same finder inside each measure, so ``plankg inspect`` and ``plankg build`` agree.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from plankg.loaders.agencies import (
    OpenBrackets,
    is_agency_like,
    names_an_agency,
    opening_verb_run,
    run_agency_names,
)
from plankg.loaders.frozen import direct_init
from plankg.loaders.model import Role
from plankg.loaders.patterns import alternation, regex
from plankg.loaders.programs import compile_pattern
from plankg.loaders.text import CELL, Paragraph, Reading

OPENING, CLOSING = "(", ")"
SENTENCE_END_MARKS = "。;!?"
SENTENCE_END = compile_pattern(f"[{SENTENCE_END_MARKS}]")
CLAUSE_START = compile_pattern(r",")
BRACKET = compile_pattern(r"[()]")


@direct_init
@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    """Extent in the reading (the brackets of a bracketed clause left out)."""
    own_line: bool
    """The clause fills its paragraph(s)."""


def opens_with_label(norm: str) -> bool:
    return bool(regex("assignment", "own_line").match(norm))


def find_clauses(reading: Reading, start: int = 0, end: int | None = None) -> list[Clause]:
    """Every assignment clause in ``reading.text[start:end]``, in order (table rows are read by
    :mod:`plankg.loaders.tables`). Found once for each stretch (a measure's clauses are asked
    for again, for the one that closes it): the list is shared, not to be changed."""
    end = len(reading.text) if end is None else end
    key = ("find clauses", start, end)
    found: list[Clause] | None = reading.found.get(key)
    if found is None:
        found = reading.found[key] = _find_clauses(reading, start, end)
    return found


def _find_clauses(reading: Reading, start: int, end: int) -> list[Clause]:
    paras = [p for p in _paragraphs(reading, start, end) if CELL not in p.norm]
    found: list[Clause] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        if opens_with_label(para.norm):
            last = i
            while last + 1 < len(paras) and opens_with_label(paras[last + 1].norm):
                last += 1
            found.append(Clause(para.start, paras[last].end, True))
            i = last + 1
            continue
        found.extend(clauses_in(reading, max(para.start, start), min(para.end, end)))
        i += 1
    return found


def _paragraphs(reading: Reading, start: int, end: int) -> list[Paragraph]:
    """The paragraphs that overlap ``reading.text[start:end]``, the first found by bisection
    (scanning every paragraph for each of thousands of measures was quadratic)."""
    key = ("paragraph ends", 0, 0)
    if key not in reading.found:
        reading.found[key] = [p.end for p in reading.paragraphs]
    paragraphs = reading.paragraphs
    at = bisect.bisect_right(reading.found[key], start)
    chosen = []
    while at < len(paragraphs) and paragraphs[at].start < end:
        chosen.append(paragraphs[at])
        at += 1
    return chosen


def clauses_in(reading: Reading, start: int, end: int) -> list[Clause]:
    """The clauses inside one paragraph's stretch: brackets, inline labels, prose (found once
    for each stretch; the plan's reading and its coverage ask again)."""
    key = ("clauses", start, end)
    if key not in reading.found:
        reading.found[key] = _clauses_in(reading, start, end)
    found: list[Clause] = reading.found[key]
    return found


def _clauses_in(reading: Reading, start: int, end: int) -> list[Clause]:
    """Every clause holds a role word or a label: most paragraphs of a plan hold neither, and
    are passed over at once; prose is read only where a role word stands."""
    norm = reading.norm
    role_word = _has_role_word(norm, start, end)
    if not role_word and not alternation("assignment", "labels").search(norm, start, end):
        return []
    brackets = list(_bracket_clauses(reading, start, end))
    taken = [(c.start - 1, c.end + 1) for c in brackets]
    prose = _prose(reading, start, end) if role_word else ()
    others = [
        c
        for c in (*_inline_labels(reading, start, end), *prose)
        if not any(s <= c.start < e or c.start <= s < c.end for s, e in taken)
    ]
    return sorted([*brackets, *_first_of_overlapping(others)], key=lambda c: c.start)


def _first_of_overlapping(clauses: list[Clause]) -> list[Clause]:
    kept: list[Clause] = []
    for clause in sorted(clauses, key=lambda c: c.start):
        if not kept or clause.start >= kept[-1].end:
            kept.append(clause)
    return kept


def bracket_groups(norm: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Top-level ``(…)`` groups: (index of the opening bracket, index of the closing one)."""
    depth, opened = 0, -1
    for m in BRACKET.finditer(norm, start, end):
        i, char = m.start(), m.group()
        if char == OPENING:
            if depth == 0:
                opened = i
            depth += 1
        elif char == CLOSING and depth:
            depth -= 1
            if depth == 0:
                yield opened, i


def _bracket_clauses(reading: Reading, start: int, end: int) -> Iterator[Clause]:
    for opened, closed in bracket_groups(reading.norm, start, end):
        if _is_bracket_clause(reading, opened + 1, closed):
            yield Clause(opened + 1, closed, False)


def _is_bracket_clause(reading: Reading, start: int, end: int) -> bool:
    """Whether the words in a bracket give agencies a role (asked once for each bracket)."""
    key = ("bracket clause", start, end)
    found: bool | None = reading.found.get(key)
    if found is None:
        found = _has_role_word(reading.norm, start, end) and _names_an_agency(reading, start, end)
        reading.found[key] = found
    return found


def _has_role_word(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` holds a role word (the words are plain: no look-around sees
    past the stretch, so no slice is made)."""
    return alternation("assignment", "role_words").search(norm, start, end) is not None


def _names_an_agency(reading: Reading, start: int, end: int) -> bool:
    return names_an_agency(reading.norm, start, end)


def _inline_labels(reading: Reading, start: int, end: int) -> Iterator[Clause]:
    """A label after a sentence inside a paragraph: ``…开展活动。牵头单位：A。责任单位：B``."""
    norm = reading.norm
    first = alternation("assignment", "labels").search(norm, start, end)
    if first is None:
        return
    for m in _inline_label_pattern().finditer(norm, first.start(), end):
        at = m.start("label")
        if at == start or _inside(norm, start, at):
            continue
        stop = _labelled_sentences_end(norm, at, end)
        if _names_an_agency(reading, at, stop):
            yield Clause(at, _strip_end(norm, at, stop), False)
        return


def _labelled_sentences_end(norm: str, start: int, end: int) -> int:
    """The end of a labelled clause inside a paragraph: its sentence, and each following
    sentence that opens with a label too (``牵头单位：A。责任单位：B。``)."""
    cursor = start
    while True:
        stop = SENTENCE_END.search(norm, cursor, end)
        if stop is None:
            return end
        following = norm[stop.end() : end].lstrip()
        if not _inline_label_pattern().match(following):
            return stop.end()
        cursor = end - len(following)


@cache
def _inline_label_pattern() -> re.Pattern[str]:
    labels = alternation("assignment", "labels").pattern
    return compile_pattern(rf"(?:^|(?<=[^\u4e00-\u9fff]))(?P<label>{labels})\s*:")


def _prose(reading: Reading, start: int, end: int) -> Iterator[Clause]:
    """Clauses of sentences that open with agencies and give them a role: ``由A、B牵头``,
    ``根据…安排，A、B为…的牵头部门``, ``C、D作为成员单位``, ``市科协负责组织策划，市教育局负责…``.
    Each ends with the comma clause of its verb. Asked only of a stretch holding a role
    word."""
    norm = reading.norm
    cursor = start
    brackets = OpenBrackets(norm, start)
    for stop in _sentence_stops(reading, start, end):
        s_start, s_end = _strip(norm, cursor, stop)
        cursor = stop
        if s_end <= s_start or brackets.inside(s_start):
            continue
        if _has_role_word(norm, s_start, s_end):
            yield from _sentence_clauses(reading, s_start, s_end)


def _sentence_stops(reading: Reading, start: int, end: int) -> list[int]:
    """Where each sentence of ``norm[start:end]`` stops (after its mark), and ``end``: what
    :data:`SENTENCE_END` finds there, from the reading's index of the marks."""
    marks = reading.mark_positions(SENTENCE_END_MARKS)
    first, last = bisect.bisect_left(marks, start), bisect.bisect_left(marks, end)
    return [at + 1 for at in marks[first:last]] + [end]


def _sentence_clauses(reading: Reading, start: int, end: int) -> list[Clause]:
    """The clauses of one sentence (read once: a measure's sentences are its paragraph's, which
    the plan's coverage reads again)."""
    key = ("sentence clauses", start, end)
    found: list[Clause] | None = reading.found.get(key)
    if found is None:
        found = reading.found[key] = list(_prose_in_sentence(reading, start, end))
    return found


def _prose_in_sentence(reading: Reading, start: int, end: int) -> Iterator[Clause]:
    """Comma clauses that open with agencies; those that follow each other are one clause
    (``由A牵头，B、C配合``)."""
    norm = reading.norm
    c_start = start
    current: Clause | None = None
    current_role: Role = "lead"
    while c_start < end:
        found = _opening_agencies(reading, c_start, end)
        if found is None:
            if current:
                yield current
                current = None
            comma = norm.find(",", c_start, end)
            c_start = comma + 1 if comma >= 0 else end
            continue
        c_end = norm.find(",", found[1], end)
        c_end = end if c_end < 0 else c_end
        if current and not _continues(current_role, found[0]):
            yield current
            current = None
        current = Clause(current.start if current else c_start, c_end, False)
        current_role = found[0]
        c_start = c_end + 1
    if current:
        yield current


def _continues(role: Role, following: Role) -> bool:
    """``由A牵头，B、C配合``: partners after a lead are one statement with it; two clauses
    that each give their own task (A负责…，B负责…) are two."""
    return role == "lead" and following != "lead"


def _opening_agencies(reading: Reading, start: int, end: int) -> tuple[Role, int] | None:
    """The role and the end of its verb, when ``reading.norm[start:end]`` opens with a run of
    names closed by a role verb and every word of the run is an agency's name:
    ``由中国科协、全国妇联牵头`` yes; ``引导企业参与`` no."""
    found = opening_verb_run(reading.norm, start, end)
    if found is None:
        return None
    names, counts, dropped = run_agency_names(reading.norm, found[0], "")
    strong = all(is_strong_agency(name) for name in names)
    return (found[0].role, found[1]) if not dropped and (names or counts) and strong else None


STRONG_CACHE = 4096
"""Names judged strong or not, kept: a plan names the same agencies clause after clause (of
the 307 a reading of the samples asks about, 65 are distinct). A name asked about is an
agency's (:func:`is_agency_like`: at most 40 characters, and the level prefix it may take):
at most 4,096 such short strings."""


@lru_cache(maxsize=STRONG_CACHE)
def is_strong_agency(name: str) -> bool:
    """A name that can only be an agency's: a level prefix or an organ's ending (not 企业,
    学校, 社区, which name the public as well)."""
    return bool(regex("agency", "strong_name").search(name)) and is_agency_like(name)


def _inside(norm: str, start: int, at: int) -> bool:
    return norm.count(OPENING, start, at) > norm.count(CLOSING, start, at)


def _strip(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start] in " \n":
        start += 1
    return start, _strip_end(norm, start, end)


def _strip_end(norm: str, start: int, end: int) -> int:
    while end > start and norm[end - 1] in " \n。;":
        end -= 1
    return end
