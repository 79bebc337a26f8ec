"""The skeleton of a plan: sections, actions, measures and where assignments are stated.

Paragraphs are classified by shape (section heading, action heading, item, assignment line,
prose); sections are typed by a keyword of their title. Measures are numbered or dashed items
when the action has any, else its paragraphs. An assignment clause covers the measures written
since the previous clause: all of them → stated at the action; one → stated at the measure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from plankg.loaders.agencies import parse_clause
from plankg.loaders.clauses import Clause, find_clauses
from plankg.loaders.deadlines import deadline_of
from plankg.loaders.frozen import direct_init
from plankg.loaders.model import (
    Action,
    ActionKind,
    AgencyMention,
    Assignment,
    Deadline,
    Measure,
)
from plankg.loaders.patterns import regex, table
from plankg.loaders.programs import compile_pattern
from plankg.loaders.script import to_simplified
from plankg.loaders.targets import find_targets
from plankg.loaders.text import CELL, Paragraph, Reading

BlockKind = Literal["section", "subsection", "item", "assign", "row", "text"]
FIRST_SENTENCE = compile_pattern(r"[。;!?]")
FIRST_SENTENCE_IN_TEXT = compile_pattern(r"[。;!?；！？]")
"""The end of a sentence in the text people read, full- or half-width."""
TITLE_LIMIT = 80


@direct_init
@dataclass(frozen=True)
class Block:
    kind: BlockKind
    para: Paragraph
    match: re.Match[str] | None = None


@dataclass
class Section:
    kind: str
    """``actions:提升行动``, ``actions:重点工程``, ``goals``, ``implementation``, ``background`` or
    ``other``."""
    title: str
    heading: Block | None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class _Draft:
    """A measure being gathered: its paragraphs' extent and the clause closing it, if any."""

    start: int
    end: int
    body_start: int
    clause: tuple[int, int] | None = None


def classify(para: Paragraph, in_actions: bool) -> Block:
    norm = para.norm
    if CELL in norm:
        return Block("row", para)
    for kind, pattern in _block_patterns():
        m = pattern.match(norm)
        if m:
            return Block(kind, para, m)
    if not in_actions:
        m = regex("headings", "section_digit", "pattern").match(norm)
        if m:
            return Block("section", para, m)
    return Block("text", para)


@cache
def _block_patterns() -> tuple[tuple[BlockKind, re.Pattern[str]], ...]:
    """The shapes a paragraph is tried for, in order (looked up once, not for each paragraph)."""
    return (
        ("section", regex("headings", "section", "pattern")),
        ("subsection", regex("headings", "subsection", "pattern")),
        ("assign", regex("assignment", "own_line")),
        ("item", regex("headings", "item", "pattern")),
    )


def split_sections(reading: Reading) -> tuple[list[Block], list[Section]]:
    """The preamble (blocks before the first section) and the sections."""
    preamble: list[Block] = []
    sections: list[Section] = []
    appendix = regex("headings", "appendix", "pattern")
    for para in reading.paragraphs:
        current = sections[-1] if sections else None
        in_actions = bool(current and current.kind.startswith("actions:"))
        block = classify(para, in_actions)
        if block.kind == "section" and block.match is not None:
            title = block.match["title"]
            sections.append(Section(section_kind(title), title, block))
        elif current is not None and appendix.match(para.norm):
            sections.append(Section("appendix", para.text, block))
        elif current is None:
            preamble.append(block)
        else:
            current.blocks.append(block)
    return preamble, sections


def section_kind(title: str) -> str:
    kinds: list[tuple[str, str]] = table("sections", "kinds")
    for keyword, kind in kinds:
        if keyword in title:
            return kind
    return "other"


def population_of(title: str) -> str | None:
    populations: dict[str, list[str]] = table("populations")
    for population, keywords in populations.items():
        if any(k in title for k in keywords):
            return population
    return None


def action_groups(section: Section) -> Iterator[tuple[Block, list[Block]]]:
    """Each action heading with the blocks under it."""
    heading: Block | None = None
    body: list[Block] = []
    for block in section.blocks:
        if block.kind == "subsection":
            if heading is not None:
                yield heading, body
            heading, body = block, []
        elif heading is not None:
            body.append(block)
    if heading is not None:
        yield heading, body


def build_action(
    reading: Reading, kind: ActionKind, number: int, heading: Block, body: list[Block], prefix: str
) -> Action:
    assert heading.match is not None
    start = heading.para.start
    title = reading.text[start + heading.match.start("title") : start + heading.match.end("title")]
    drafts, clauses = _gather_measures(reading, body)
    measures, action_assignment = _assign(reading, drafts, clauses, prefix)
    end = max([heading.para.end] + [b.para.end for b in body])
    return Action(
        kind=kind,
        number=number,
        title=title.strip(),
        population=population_of(to_simplified(title)) if kind == "提升行动" else None,
        span=reading.span(heading.para.start, end),
        measures=tuple(measures),
        assignment=action_assignment,
    )


Extent = tuple[int, int]


def _gather_measures(
    reading: Reading, body: list[Block]
) -> tuple[list[_Draft], list[tuple[int, Extent]]]:
    """Measures in order, and own-line clauses as (number of measures before it, extent);
    label paragraphs that follow each other make one clause."""
    numbered = any(b.kind == "item" for b in body)
    closing = not numbered and any(
        b.kind == "text" and _closing_clause(reading, b.para.start, b.para.end) for b in body
    )
    drafts: list[_Draft] = []
    clauses: list[tuple[int, Extent]] = []
    open_draft = False
    previous: BlockKind | None = None
    for block in body:
        para = block.para
        if block.kind == "assign":
            if previous == "assign":
                clauses[-1] = (clauses[-1][0], (clauses[-1][1][0], para.end))
            else:
                clauses.append((len(drafts), (para.start, para.end)))
            open_draft = False
        elif block.kind == "item" and block.match is not None:
            drafts.append(_Draft(para.start, para.end, para.start + block.match.start("body")))
            open_draft = True
        elif block.kind == "text" and numbered:
            if open_draft:
                drafts[-1].end = para.end
        elif block.kind == "text":
            if closing and open_draft:
                drafts[-1].end = para.end
            else:
                drafts.append(_Draft(para.start, para.end, para.start))
            open_draft = closing and _closing_clause(reading, para.start, para.end) is None
        previous = block.kind
    return drafts, clauses


def _closing_clause(reading: Reading, start: int, end: int) -> Clause | None:
    """The clause that closes ``reading.text[start:end]``, if one does (in an unnumbered action
    whose paragraphs close with their own clauses, a paragraph without one runs on into the
    next: a page break after a full stop)."""
    found = find_clauses(reading, start, end)
    if found and not reading.norm[found[-1].end : end].strip(" )。.;\n"):
        return found[-1]
    return None


def _assign(
    reading: Reading,
    drafts: list[_Draft],
    own_line: list[tuple[int, Extent]],
    prefix: str,
) -> tuple[list[Measure], Assignment | None]:
    clauses = _clauses(reading, drafts, own_line)
    per_measure: dict[int, tuple[Extent, ...]] = {}
    action_clause: tuple[Extent, ...] = ()
    covered_from = 0
    for after, parts, inline in clauses:
        covers = range(covered_from, after)
        whole = covered_from == 0 and after == len(drafts) and (len(covers) > 1 or not inline)
        if whole and len(clauses) == 1:
            action_clause = parts
        else:
            for i in covers:
                per_measure[i] = parts
        covered_from = after
    measures = [
        _measure(
            reading,
            i + 1,
            d,
            _assignment(reading, per_measure.get(i, ()), "measure", prefix),
            _deadline(reading, per_measure.get(i, ()) or action_clause),
        )
        for i, d in enumerate(drafts)
    ]
    return measures, _assignment(reading, action_clause, "action", prefix)


def _deadline(reading: Reading, parts: tuple[Extent, ...]) -> Deadline | None:
    """A deadline stated in a task's clause (完成时限:2018年12月)."""
    for start, end in parts:
        m = regex("assignment", "deadline_label").search(reading.norm, start, end)
        if m:
            text = reading.text[m.start("text") : m.end("text")].strip()
            return deadline_of(text, reading.span(m.start("text"), m.end("text")))
    return None


def _clauses(
    reading: Reading, drafts: list[_Draft], own_line: list[tuple[int, Extent]]
) -> list[tuple[int, tuple[Extent, ...], bool]]:
    """Every clause as (measures written before its end, its parts, stands inside a measure).
    The clauses inside one measure are read as one."""
    found: list[tuple[int, tuple[Extent, ...], bool]] = [
        (after, (extent,), False) for after, extent in own_line
    ]
    for i, draft in enumerate(drafts):
        inside = find_clauses(reading, draft.body_start, draft.end)
        if not inside:
            continue
        closing = _closing_clause(reading, draft.body_start, draft.end)
        if closing is not None:
            draft.clause = (_opening_bracket(reading.norm, closing), draft.end)
        found.append((i + 1, tuple((c.start, c.end) for c in inside), True))
    return sorted(found, key=lambda c: c[1][0][0])


def _opening_bracket(norm: str, clause: Clause) -> int:
    return clause.start - 1 if norm[clause.start - 1 : clause.start] == "(" else clause.start


def _assignment(
    reading: Reading, parts: tuple[Extent, ...], stated_at: str, prefix: str
) -> Assignment | None:
    if not parts:
        return None
    roles = [parse_clause(reading, start, end, prefix) for start, end in parts]
    if not any(r.named for r in roles):
        return None
    return Assignment(
        _merged(r.leads for r in roles),
        _merged(r.partners for r in roles),
        stated_at,  # type: ignore[arg-type]
        reading.span(parts[0][0], parts[-1][1]),
        _merged(r.responsible for r in roles),
        tuple(c for r in roles for c in r.counts),
    )


def _merged(groups: Iterable[tuple[AgencyMention, ...]]) -> tuple[AgencyMention, ...]:
    seen: dict[str, AgencyMention] = {}
    for group in groups:
        for mention in group:
            seen.setdefault(mention.name, mention)
    return tuple(seen.values())


def _measure(
    reading: Reading,
    number: int,
    draft: _Draft,
    assignment: Assignment | None,
    deadline: Deadline | None = None,
) -> Measure:
    end = draft.clause[0] if draft.clause else draft.end
    while end > draft.body_start and reading.text[end - 1] in " \n":
        end -= 1
    body = reading.text[draft.body_start : end]
    return Measure(
        number=number,
        title=first_sentence(body),
        text=body,
        span=reading.span(draft.start, end),
        assignment=assignment,
        targets=tuple(find_targets(reading, draft.body_start, end)),
        deadline=deadline,
    )


def first_sentence(text: str) -> str:
    m = FIRST_SENTENCE_IN_TEXT.search(text)
    title = text[: m.start()] if m else text
    return title if m else title[:TITLE_LIMIT]
