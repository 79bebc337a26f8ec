"""Assignment clauses: who leads and who takes part, with elided prefixes restored.

A clause comes in three styles, all handled by one grammar: labelled segments
(``牵头单位：…，责任单位：…``), runs of names closed by a verb (``市教育局牵头，…等单位配合``) and
both at once (``责任单位：市教育局、市科协牵头，…等单位配合``). Runs separated by ``，`` are
groups; inside a group, a name without its level (``文明办``) takes the level of the nearest name
before it that has one (``市委宣传部`` → ``市委文明办``), else the plan's own level.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from plankg.loaders.model import AgencyMention, Role
from plankg.loaders.patterns import alternation, regex, table
from plankg.loaders.text import Reading

GROUP_SEPARATORS = re.compile(r"[,;。]")
NAME_SEPARATOR = "、"


@dataclass(frozen=True)
class Run:
    """Names sharing a role: ``start``/``end`` index the reading."""

    role: Role
    start: int
    end: int


def parse_clause(
    reading: Reading, start: int, end: int, level_prefix: str
) -> tuple[tuple[AgencyMention, ...], tuple[AgencyMention, ...]]:
    """Lead and partner agencies of the clause at ``reading.text[start:end]``."""
    runs = list(_runs(reading.norm, start, end))
    leads: list[AgencyMention] = []
    partners: list[AgencyMention] = []
    for run in runs:
        names = _names(reading, run.start, run.end, level_prefix)
        (leads if run.role == "lead" else partners).extend(names)
    return _unique(leads), _unique([p for p in partners if p.name not in {x.name for x in leads}])


def _runs(norm: str, start: int, end: int) -> Iterator[Run]:
    segments = list(_labelled_segments(norm, start, end))
    has_lead = any(label == "lead" for label, _, _ in segments) or any(
        role == "lead" for _, _, _, role in _verb_runs(norm, start, end)
    )
    for label, seg_start, seg_end in segments:
        default = _label_role(label, has_lead)
        cursor = seg_start
        for run_start, run_end, verb_end, role in _verb_runs(norm, seg_start, seg_end):
            yield Run(role, run_start, run_end)
            cursor = verb_end
        if norm[cursor:seg_end].strip(",;。 ") and default:
            yield Run(default, cursor, seg_end)


def _label_role(label: str | None, has_lead: bool) -> Role | None:
    if label == "responsible":
        return "partner" if has_lead else "lead"
    if label in ("lead", "partner"):
        return label  # type: ignore[return-value]
    return None if has_lead else "lead"


def _labelled_segments(norm: str, start: int, end: int) -> Iterator[tuple[str | None, int, int]]:
    labels = table("assignment", "labels")
    pattern = re.compile(rf"({alternation('assignment', 'labels').pattern})\s*:")
    found = list(pattern.finditer(norm, start, end))
    if not found or found[0].start() > start + 1:
        yield None, start, found[0].start() if found else end
    for i, m in enumerate(found):
        seg_end = found[i + 1].start() if i + 1 < len(found) else end
        yield labels[m.group(1)], m.end(), seg_end


def _verb_runs(norm: str, start: int, end: int) -> Iterator[tuple[int, int, int, Role]]:
    """Runs of names closed by a role verb, e.g. ``市教育局、市科协牵头``: (start, end, end of
    the verb, role)."""
    verbs = table("assignment", "verbs")
    pattern = re.compile(rf"({alternation('assignment', 'verbs').pattern})(?=[,;。)]|$)")
    cursor = start
    for m in pattern.finditer(norm, start, end):
        if m.start() > cursor:
            yield cursor, m.start(), m.end(), verbs[m.group(1)]
        cursor = m.end()


def _names(reading: Reading, start: int, end: int, level_prefix: str) -> list[AgencyMention]:
    names: list[AgencyMention] = []
    for g_start, g_end in _split(reading.norm, start, end, GROUP_SEPARATORS):
        inherited: str | None = None
        for n_start, n_end in _split(reading.norm, g_start, g_end, re.compile(NAME_SEPARATOR)):
            n_start, n_end = _trim(reading.norm, n_start, n_end)
            if n_end <= n_start:
                continue
            surface = reading.text[n_start:n_end]
            name, prefix = resolve_name(reading.norm[n_start:n_end], inherited or level_prefix)
            inherited = prefix or inherited
            names.append(AgencyMention(name, surface, reading.span(n_start, n_end)))
    return names


def _split(
    text: str, start: int, end: int, separator: re.Pattern[str]
) -> Iterator[tuple[int, int]]:
    cursor = start
    for m in separator.finditer(text, start, end):
        yield cursor, m.start()
        cursor = m.end()
    yield cursor, end


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    """Strip fillers (``由``, ``等单位``) and punctuation from both ends of a name."""
    fillers = alternation("assignment", "fillers")
    changed = True
    while changed and start < end:
        changed = False
        while start < end and norm[start] in " :()":
            start, changed = start + 1, True
        while start < end and norm[end - 1] in " :()":
            end, changed = end - 1, True
        head = fillers.match(norm, start, end)
        if head and head.group() == "由":
            start, changed = head.end(), True
        for filler in table("assignment", "fillers"):
            if norm.endswith(filler, start, end) and filler != "由":
                end, changed = end - len(filler), True
                break
    return start, end


def resolve_name(name: str, inherited: str) -> tuple[str, str | None]:
    """The full name of ``name`` and the level prefix it carries (None if it carries none).

    >>> resolve_name("文明办", "市委")
    ('市委文明办', None)
    >>> resolve_name("市教育局", "市")
    ('市教育局', '市')
    """
    prefix = regex("agency", "prefix").match(name)
    if prefix:
        return name, prefix["prefix"]
    if is_bare(name):
        return _level_for(name, inherited) + name, None
    return name, None


def _level_for(name: str, inherited: str) -> str:
    """A committee prefix (市委) passes only to party organs; others get its plain level (市)."""
    levels = table("agency", "committee_levels")
    if inherited in levels and not name.endswith(tuple(table("agency", "party_organs"))):
        return levels[inherited]
    return inherited


def is_bare(name: str) -> bool:
    """An organ named without its level: ``教育局``, ``妇联``; not ``团市委``, ``日报社``."""
    if regex("agency", "self_standing").match(name):
        return False
    return name.endswith(tuple(table("agency", "bare_suffixes")))


def _unique(mentions: list[AgencyMention]) -> tuple[AgencyMention, ...]:
    seen: set[str] = set()
    kept = []
    for m in mentions:
        if m.name not in seen:
            seen.add(m.name)
            kept.append(m)
    return tuple(kept)
