"""``parse_plan``: a plan text in, a :class:`~plankg.loaders.model.Plan` out. Knows no files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from plankg.loaders.agencies import resolve_name
from plankg.loaders.coverage import coverage_of
from plankg.loaders.errors import NotAPlanError
from plankg.loaders.metadata import Metadata, agency_prefix, read_metadata
from plankg.loaders.model import (
    Action,
    AgencyMention,
    Phase,
    Plan,
    Source,
    Target,
)
from plankg.loaders.patterns import regex, table
from plankg.loaders.programs import save_programs
from plankg.loaders.structure import (
    Block,
    Section,
    action_groups,
    build_action,
    split_sections,
)
from plankg.loaders.tables import with_table_rows
from plankg.loaders.targets import (
    CLAUSE_WINDOW,
    ShareStatement,
    is_past,
    literacy_shares,
    target_at,
)
from plankg.loaders.text import Reading


def parse_plan(text: str, name: str = "<text>") -> Plan:
    """Parse the text of one plan. ``name`` is the source's name, kept for provenance."""
    try:
        return _parse(text, name)
    finally:
        save_programs()  # the patterns compiled on the way, for the next process


def _parse(text: str, name: str) -> Plan:
    reading, preamble, sections, meta = _read_head(text)
    prefix = agency_prefix(meta.region.name)
    actions = with_table_rows(reading, tuple(_actions(reading, sections, prefix)), prefix)
    _check_size(actions)
    shares = literacy_targets(
        reading,
        non_action_blocks(sections, preamble),
        meta.period,
        prefix,
        meta.issued.year if meta.issued else None,
    )
    plan = Plan(
        source=Source(name, _digest(text), text),
        title=meta.title,
        region=meta.region,
        issuer=meta.issuer,
        doc_number=meta.doc_number,
        issued=meta.issued,
        period=meta.period,
        draft=meta.draft,
        citations=meta.citations,
        headline=shares.headline,
        long_term=shares.long_term,
        baseline=shares.baseline,
        actions=actions,
        phases=tuple(_phases(reading, sections)),
        coordinating_office=_coordinating_office(reading, sections, prefix),
    )
    plan = _with_warnings(plan, meta)
    return replace(plan, coverage=coverage_of(plan, reading))


def _read_head(text: str) -> tuple[Reading, list[Block], list[Section], Metadata]:
    """The text read into paragraphs and sections and its metadata, once it looks like a plan."""
    reading = Reading(text)
    preamble, sections = split_sections(reading)
    meta = read_metadata(reading, preamble)
    if not _looks_like_a_plan(meta.title, sections):
        raise NotAPlanError(
            "no plan title (…方案/纲要/计划) and no plan sections (提升行动, 重点工程, 目标)"
        )
    return reading, preamble, sections, meta


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


MAX_PARTS = 2_000
"""More actions and measures than this is not a plan (the most in the corpus: 10 actions of
41 measures): each is a dozen triples, so a text of ``1.…。`` or ``（一）…`` lines stops here
rather than at the memory's end."""


def _check_size(actions: tuple[Action, ...]) -> None:
    parts = len(actions) + sum(len(a.measures) for a in actions)
    if parts > MAX_PARTS:
        raise NotAPlanError(f"{parts:,} actions and measures (a plan has at most {MAX_PARTS:,})")


def _looks_like_a_plan(title: str, sections: list[Section]) -> bool:
    titled = any(k in title for k in table("metadata", "title_keywords"))
    planned = any(s.kind.startswith("actions:") or s.kind == "goals" for s in sections)
    return titled or planned


def _actions(reading: Reading, sections: list[Section], prefix: str) -> list[Action]:
    counters: dict[str, int] = {}
    actions = []
    for section in sections:
        if not section.kind.startswith("actions:"):
            continue
        kind = section.kind.split(":", 1)[1]
        for heading, body in action_groups(section):
            counters[kind] = counters.get(kind, 0) + 1
            actions.append(build_action(reading, kind, counters[kind], heading, body, prefix))  # type: ignore[arg-type]
    return actions


def non_action_blocks(sections: list[Section], preamble: list[Block]) -> list[Block]:
    blocks = list(preamble)
    for s in sections:
        if not s.kind.startswith("actions:") and s.kind != "implementation":
            blocks.extend(b for b in ([s.heading] if s.heading else []) + s.blocks)
    return blocks


@dataclass(frozen=True)
class LiteracyTargets:
    headline: Target | None = None
    long_term: Target | None = None
    baseline: Target | None = None


def literacy_targets(
    reading: Reading,
    blocks: list[Block],
    period: tuple[int, int] | None,
    scope: str,
    issued_year: int | None = None,
) -> LiteracyTargets:
    """The share of citizens with scientific literacy the plan sets for its period (headline),
    a later one (the outline's 2035 goal) and the latest share of the past (baseline).

    A share is of the past when due before the period (or, without a period, before the year
    the plan was issued) or led in by 已达到/分别为/目前; the next share of a series is of the
    same time unless a change (提升至) leads to it. Where a text states the headline twice (a
    news report's lead and its body), the fuller statement (a comparator, a hedge) wins.
    ``scope`` is the plan's level word (市, 省; 国 for the country): shares of wider places
    (我省 in a city's plan, 全国) are not the plan's."""
    start = period[0] if period else issued_year
    end = period[1] if period else None
    past: list[Target] = []
    future: list[Target] = []
    for block in blocks:
        was_past = False
        for share in literacy_shares(reading, block.para.start, block.para.end):
            target = target_at(reading, share.value_start, share.unit_end)
            subject = share.lead_in
            if _speaks_of_elsewhere(_subject(reading, share), scope):
                continue
            was_past = is_past(target, subject, start) or (was_past and not share.changes)
            (past if was_past else future).append(target)
    latest = max(enumerate(past), key=lambda found: (found[1].year or 0, found[0]), default=None)
    baseline = latest[1] if latest else None
    headline, long_term = _headline_and_later(future, end)
    return LiteracyTargets(headline, long_term, baseline)


def _subject(reading: Reading, share: ShareStatement) -> str:
    """The words of the target's clause before its value (全省公民…的比例超过), where a place
    other than the plan's own would be named (at most :data:`CLAUSE_WINDOW` characters)."""
    clause_start = reading.last_mark(",。;:!?\n", share.value_start) + 1
    clause_start = max(clause_start, share.value_start - CLAUSE_WINDOW)
    return reading.norm[clause_start : share.value_start]


def _headline_and_later(
    shares: list[Target], end: int | None
) -> tuple[Target | None, Target | None]:
    """The share due at the period's end (the first year named when the period is not known),
    and a share due later."""
    years = sorted({t.year for t in shares if t.year})
    due = years[0] if years else end
    headline = None
    for target in shares:
        if target.year in (None, due) and (headline is None or _restates(target, headline)):
            headline = target if target.year else replace(target, year=due)
    later = next((t for t in shares if t.year and due and t.year > due), None)
    return headline, later


def _restates(target: Target, headline: Target) -> bool:
    """The same headline stated again, now with its comparator."""
    return (
        headline.comparator == "=" and target.comparator != "=" and target.value == headline.value
    )


def _speaks_of_elsewhere(subject: str, scope: str) -> bool:
    """A share of the country, or of the province in a city's plan (我省 in a province's own
    plan is itself)."""
    others = [o for o in table("metadata", "other_reference") if scope not in o]
    return any(o in subject for o in others)


def _phases(reading: Reading, sections: list[Section]) -> list[Phase]:
    phases = []
    for section in sections:
        if section.kind != "implementation":
            continue
        for block in section.blocks:
            m = regex("implementation", "phase").match(block.para.norm)
            if m:
                start = int(m["start"])
                span = reading.span(block.para.start, block.para.end)
                phases.append(Phase(m["name"], start, int(m["end"] or start), span))
    return phases


def _coordinating_office(
    reading: Reading, sections: list[Section], prefix: str
) -> AgencyMention | None:
    for section in sections:
        if section.kind != "implementation":
            continue
        for block in section.blocks + ([section.heading] if section.heading else []):
            for key in ("office_seat", "office_role"):
                m = regex("implementation", key).search(block.para.norm)
                if m:
                    return _office(
                        reading,
                        block.para.start + m.start("name"),
                        block.para.start + m.end("name"),
                        prefix,
                    )
    return None


def _office(reading: Reading, start: int, end: int, prefix: str) -> AgencyMention:
    surface = reading.text[start:end]
    name = surface
    for collective in sorted(table("implementation", "collective_prefixes"), key=len, reverse=True):
        if name.startswith(collective):
            name = prefix + name[len(collective) :]
            break
    name, _ = resolve_name(name, prefix)
    return AgencyMention(name, surface, reading.span(start, end))


def _with_warnings(plan: Plan, meta: Metadata) -> Plan:
    warnings = []
    if meta.blank_doc_number:
        warnings.append(f"文号 {meta.blank_doc_number} has no serial number: recorded as none")
    if not plan.actions:
        warnings.append("no actions found (no 提升行动 / 重点工程 section with (一)… headings)")
    if plan.headline is None:
        warnings.append("no headline literacy target found")
    if plan.period is None:
        warnings.append("no period (e.g. 2021—2025年) in the title")
    stated = any(a.assignment or any(m.assignment for m in a.measures) for a in plan.actions)
    if plan.actions and not stated:
        warnings.append("no assignments found: no 牵头/责任单位 clause names a lead or partner")
    for action in plan.actions:
        where = f"{action.kind} {action.number} {action.title}"
        if not action.measures:
            warnings.append(f"{where}: no measures")
        unassigned = [
            m.number for m in action.measures if not any(a.leads for a in action.assignments_of(m))
        ]
        if unassigned and stated:
            warnings.append(f"{where}: no lead agency stated for measure(s) {unassigned}")
    return replace(plan, warnings=tuple(warnings))
