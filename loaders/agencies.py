"""Assignment clauses: who leads, who takes part, who answers for a task, with elided level
prefixes restored.

One grammar reads every style. A clause is cut into *segments* by labels (``牵头单位：…，
责任单位：…``); inside a segment, *runs* of names are closed by a role verb (``市教育局牵头``,
``…等单位配合``, ``A、B为…的牵头部门``, ``C、D作为成员单位``); names left over take the role of
their segment's label. Runs separated by ``，`` are groups; inside a group, a name without its
level (``文明办``) takes the level of the nearest name before it that has one (``市委宣传部`` →
``市委文明办``), else the plan's own level. A word that does not end like an agency's name
(``负责协调推动…``) is not a name; a count (``等12个部门``) is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from plankg.loaders.frozen import direct_init
from plankg.loaders.model import AgencyMention, Role, StatedCount
from plankg.loaders.patterns import alternation, finditer, regex, table, word_tuple
from plankg.loaders.programs import compile_pattern
from plankg.loaders.text import Reading

GROUP_SPLIT = compile_pattern(r"[,;。\n]")
NAME_SEPARATOR = "、"
OPENING, CLOSING = "(", ")"
ROLE_ORDER: tuple[Role, ...] = ("lead", "partner", "responsible")


@direct_init
@dataclass(frozen=True)
class Run:
    """Names sharing a role: ``start``/``end`` index the reading."""

    role: Role
    start: int
    end: int


@direct_init
@dataclass(frozen=True)
class ClauseRoles:
    leads: tuple[AgencyMention, ...] = ()
    partners: tuple[AgencyMention, ...] = ()
    responsible: tuple[AgencyMention, ...] = ()
    counts: tuple[StatedCount, ...] = ()

    @property
    def named(self) -> bool:
        return bool(self.leads or self.partners or self.responsible or self.counts)


def parse_clause(reading: Reading, start: int, end: int, level_prefix: str) -> ClauseRoles:
    """The agencies named by the clause at ``reading.text[start:end]``, by role."""
    found: dict[Role, list[AgencyMention]] = {role: [] for role in ROLE_ORDER}
    counts: list[StatedCount] = []
    for run in _runs(reading.norm, start, end):
        names, stated, _ = run_names(reading, run, level_prefix)
        found[run.role].extend(names)
        counts.extend(stated)
    leads = _unique(found["lead"])
    taken = {a.name for a in leads}
    partners = _unique([a for a in found["partner"] if a.name not in taken])
    taken |= {a.name for a in partners}
    responsible = _unique([a for a in found["responsible"] if a.name not in taken])
    return ClauseRoles(leads, partners, responsible, tuple(counts))


def names_an_agency(norm: str, start: int, end: int) -> bool:
    """Whether the clause at ``norm[start:end]`` names an agency or counts some: whether
    :func:`parse_clause` finds any (asked without placing them in the source)."""
    for run in _runs(norm, start, end):
        names, counted, _ = run_agency_names(norm, run, "")
        if names or counted:
            return True
    return False


def _runs(norm: str, start: int, end: int) -> Iterator[Run]:
    segments = list(_labelled_segments(norm, start, end))
    verb_runs = [list(_verb_runs(norm, s, e)) for _, s, e in segments]
    has_lead = any(label == "lead" for label, _, _ in segments) or any(
        run.role == "lead" for runs in verb_runs for run, _ in runs
    )
    for (label, seg_start, seg_end), runs in zip(segments, verb_runs, strict=True):
        cursor = seg_start
        for run, verb_end in runs:
            yield _settled(run, has_lead)
            cursor = verb_end
        default = _label_role(label, has_lead)
        rest = norm[cursor:seg_end].lstrip(",;。 \n")
        if has_lead and rest.startswith(word_tuple("assignment", "opening_verbs")):
            default = "partner"
        if default and rest.strip(",;。 \n"):
            yield Run(default, cursor, seg_end)


def _settled(run: Run, has_lead: bool) -> Run:
    """``responsible`` names in a clause that names leads are its partners."""
    if run.role == "responsible" and has_lead:
        return Run("partner", run.start, run.end)
    return run


def _label_role(label: str | None, has_lead: bool) -> Role | None:
    if label == "deadline":
        return None
    if label == "responsible":
        return "partner" if has_lead else "responsible"
    if label in ("lead", "partner"):
        return label  # type: ignore[return-value]
    return None if has_lead else "responsible"


def _labelled_segments(norm: str, start: int, end: int) -> Iterator[tuple[str | None, int, int]]:
    labels = table("assignment", "labels")
    found = list(_label_pattern().finditer(norm, start, end))
    if not found or found[0].start() > start + 1:
        yield None, start, found[0].start() if found else end
    for i, m in enumerate(found):
        seg_end = found[i + 1].start() if i + 1 < len(found) else end
        yield labels[m.group(1)], m.end(), seg_end


@cache
def _label_pattern() -> re.Pattern[str]:
    return compile_pattern(rf"({alternation('assignment', 'labels').pattern})\s*:")


@cache
def _verb_pattern() -> re.Pattern[str]:
    alternatives = (f"(?P<v{i}>{pattern})" for i, (pattern, _) in enumerate(_verbs()))
    return compile_pattern("|".join(alternatives))


@cache
def _verbs() -> tuple[tuple[str, Role], ...]:
    return tuple((verb["pattern"], verb["role"]) for verb in table("assignment", "verbs"))


def _verb_runs(norm: str, start: int, end: int) -> Iterator[tuple[Run, int]]:
    """Runs of names closed by a role verb, e.g. ``市教育局、市科协牵头``, with the end of the
    verb."""
    verbs = _verbs()
    cursor = start
    brackets = OpenBrackets(norm, cursor)
    for m in finditer(_verb_pattern(), norm, start, end):
        if brackets.inside(m.start()):
            continue
        role = verbs[int(m.lastgroup.removeprefix("v"))][1]  # type: ignore[union-attr]
        if m.start() > cursor:
            yield Run(role, cursor, m.start()), m.end()
        cursor = m.end()
        brackets.restart(cursor)


class OpenBrackets:
    """Whether a point lies inside brackets opened after a cursor (a verb or separator inside
    a name's own brackets, 各县(市、区)…, does not count). Points are asked for in order, and
    the brackets are counted on from the last point rather than from the cursor again, so a
    bracket left open before thousands of verbs or separators stays linear."""

    def __init__(self, norm: str, cursor: int) -> None:
        self.norm = norm
        self.restart(cursor)

    def restart(self, cursor: int) -> None:
        self.counted, self.depth = cursor, 0

    def inside(self, at: int) -> bool:
        norm, counted = self.norm, self.counted
        self.depth += norm.count(OPENING, counted, at) - norm.count(CLOSING, counted, at)
        self.counted = at
        return self.depth > 0


def opening_verb_run(norm: str, start: int, end: int) -> tuple[Run, int] | None:
    """The run of names from ``start`` to the first role verb of ``norm[start:end]``, and the
    verb's end; None when a verb stands at ``start`` or none follows (the first of
    :func:`_verb_runs` when it opens at ``start``, found without looking further)."""
    brackets = OpenBrackets(norm, start)
    for m in finditer(_verb_pattern(), norm, start, end):
        if brackets.inside(m.start()):
            continue
        if m.start() == start:
            return None
        role = _verbs()[int(m.lastgroup.removeprefix("v"))][1]  # type: ignore[union-attr]
        return Run(role, start, m.start()), m.end()
    return None


def run_names(
    reading: Reading, run: Run, level_prefix: str
) -> tuple[list[AgencyMention], list[StatedCount], int]:
    """The agencies and counts of a run, and how many of its words were not names."""
    words, dropped = _run_words(reading.norm[run.start : run.end], level_prefix)
    names: list[AgencyMention] = []
    counts: list[StatedCount] = []
    for word in words:
        start, end = run.start + word.start, run.start + word.end
        span = reading.span(start, end)
        if word.name is None:
            counts.append(StatedCount(span.text, run.role, span))
        else:
            names.append(AgencyMention(word.name, span.text, span))
    return names, counts, dropped


def run_agency_names(norm: str, run: Run, level_prefix: str) -> tuple[list[str], bool, int]:
    """What :func:`run_names` finds in a run without placing it in the source: the agencies'
    names, whether it states a count, and how many of its words were not names."""
    words, dropped = _run_words(norm[run.start : run.end], level_prefix)
    names = [w.name for w in words if w.name is not None]
    return names, len(names) < len(words), dropped


@dataclass(frozen=True)
class _Word:
    """A name (``name``, resolved) or a count (``name`` None) at ``start``/``end`` in a run."""

    start: int
    end: int
    name: str | None


RUN_CACHE = 1024
RUN_CACHE_CHARS = 400
"""Runs whose words are kept, and the longest kept: the same clause recurs measure after
measure and plan after plan (of the 3,000 names a reading of the samples trims, 300 are
distinct; the longest run of the corpus has 125 characters). Over 1,200 generated plans, 1,024
runs kept find every run seen before as 4,096 do (82,492 found, 4,148 read: each read its
first sight), and a worker holds 10 MiB less. At most 1,024 × 400 characters,
whatever the texts read."""


def _run_words(text: str, level_prefix: str) -> tuple[tuple[_Word, ...], int]:
    """The counts and names of the run ``text`` in order, offsets into it, and how many of its
    words were not names. Depends on the text alone (no pattern looks outside it)."""
    if len(text) > RUN_CACHE_CHARS:
        return _read_run_words(text, level_prefix)
    return _kept_run_words(text, level_prefix)


@lru_cache(maxsize=RUN_CACHE)
def _kept_run_words(text: str, level_prefix: str) -> tuple[tuple[_Word, ...], int]:
    return _read_run_words(text, level_prefix)


def _read_run_words(text: str, level_prefix: str) -> tuple[tuple[_Word, ...], int]:
    words: list[_Word] = []
    dropped = 0
    for g_start, g_end in _groups(text, 0, len(text)):
        inherited: str | None = None
        for n_start, n_end in _split_names(text, g_start, g_end):
            n_start, n_end, count = _trim(text, n_start, n_end)
            if count is not None:
                words.append(_Word(*count, None))
            if n_end <= n_start:
                continue
            if not is_agency_like(text[n_start:n_end]):
                dropped += 1
                continue
            name, prefix = resolve_name(text[n_start:n_end], inherited or level_prefix)
            inherited = prefix or inherited
            words.append(_Word(n_start, n_end, name))
    return tuple(words), dropped


def _groups(norm: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Stretches between group separators (``，`` ``；`` ``。``), brackets kept whole."""
    yield from _split_outside_brackets(norm, start, end, GROUP_SPLIT)


def _split_outside_brackets(
    norm: str, start: int, end: int, separator: re.Pattern[str]
) -> Iterator[tuple[int, int]]:
    """Stretches between separators that stand outside brackets."""
    cursor = start
    brackets = OpenBrackets(norm, cursor)
    for m in separator.finditer(norm, start, end):
        if brackets.inside(m.start()):
            continue
        yield cursor, m.start()
        cursor = m.end()
        brackets.restart(cursor)
    yield cursor, end


def _split_names(norm: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Names joined by ``、`` (or by 会同/和/及 between two names), brackets kept whole."""
    cursor = start
    brackets = OpenBrackets(norm, cursor)
    for m in _joiner_pattern().finditer(norm, start, end):
        if m.start() < cursor or brackets.inside(m.start()):
            continue
        if m.group() == NAME_SEPARATOR or _joins_two_names(norm, cursor, m.start(), m.end(), end):
            yield cursor, m.start()
            cursor = m.end()
            brackets.restart(cursor)
    yield cursor, end


@cache
def _joiner_pattern() -> re.Pattern[str]:
    return alternation("assignment", "joiners")


def _joins_two_names(norm: str, start: int, at: int, after: int, end: int) -> bool:
    left = _trim(norm, start, at)
    return at > start and is_agency_like(norm[left[0] : left[1]]) and after < end


def _trim(norm: str, start: int, end: int) -> tuple[int, int, tuple[int, int] | None]:
    """Strip fillers (``由``, ``等单位``), punctuation and a count (``等12个部门``) from a name;
    the count's extent is returned beside it."""
    count = None
    changed = True
    while changed and start < end:
        changed = False
        while start < end and norm[start] in " :()\n":
            start, changed = start + 1, True
        while start < end and norm[end - 1] in " :()\n":
            end, changed = end - 1, True
        m = regex("assignment", "count").search(norm, start, end)
        if m and count is None:
            count, end, changed = (m.start(), m.end()), m.start(), True
        by = norm.rfind("由", start + 1, end)
        if by > 0 and norm[by - 1] != "自" and is_agency_like(norm[by + 1 : end]):
            start, changed = by + 1, True
        head = _head_fillers().match(norm, start, end)
        if head and end - start > len(head.group()) + 1:
            start, changed = head.end(), True
        tail = _tail_fillers().search(norm, start, end)
        if tail:
            end, changed = tail.start(), True
    return start, end, count


@cache
def _head_fillers() -> re.Pattern[str]:
    return alternation("assignment", "head_fillers")


@cache
def _tail_fillers() -> re.Pattern[str]:
    words = [*table("assignment", "fillers"), *table("assignment", "tail_fillers")]
    ordered = sorted(words, key=len, reverse=True)
    return compile_pattern("(?:" + "|".join(re.escape(w) for w in ordered) + ")$")


def is_agency_like(name: str) -> bool:
    """A word that ends like an agency's name (局, 委, 中心, 人民政府…)."""
    return 1 < len(name) <= 40 and name.endswith(_name_suffixes())


@cache
def _name_suffixes() -> tuple[str, ...]:
    return word_tuple("agency", "name_suffixes")


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


def _party_organs() -> tuple[str, ...]:
    return word_tuple("agency", "party_organs")


def _level_for(name: str, inherited: str) -> str:
    """A committee prefix (市委) passes only to party organs; others get its plain level (市)."""
    levels: dict[str, str] = table("agency", "committee_levels")
    if inherited in levels and not name.endswith(word_tuple("agency", "party_organs")):
        return levels[inherited]
    return inherited


def is_bare(name: str) -> bool:
    """An organ named without its level: ``教育局``, ``妇联``; not ``团市委``, ``日报社``, nor a
    ministry (``教育部``, ``中宣部``; a party committee's 宣传部 is bare)."""
    if regex("agency", "self_standing").match(name):
        return False
    if regex("agency", "national").search(name) and not name.endswith(_party_organs()):
        return False
    return name.endswith(word_tuple("agency", "bare_suffixes"))


def _unique(mentions: list[AgencyMention]) -> tuple[AgencyMention, ...]:
    seen: set[str] = set()
    kept = []
    for m in mentions:
        if m.name not in seen:
            seen.add(m.name)
            kept.append(m)
    return tuple(kept)
