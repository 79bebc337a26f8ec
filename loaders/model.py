"""The plan model: what a parsed plan holds, before it becomes RDF.

Every fact carries a :class:`Span` so that it can be checked against the source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from plankg.loaders.frozen import compared, direct_init

ActionKind = Literal["提升行动", "重点工程"]
Role = Literal["lead", "partner", "responsible"]
"""``responsible``: named as 责任单位 / 负责 by a clause that names no lead: every one answers
for the task, none is said to lead it."""
StatedAt = Literal["action", "measure"]
RegionLevel = Literal["national", "province", "city", "county", "district"]


@direct_init
@compared
@dataclass(frozen=True, repr=False, eq=False)
class Span:
    """Where a fact stands in its source: character offsets into the decoded text (end
    exclusive), 1-based line numbers, and the text as the analyst reads it (page breaks
    joined, conversion placeholders removed)."""

    start: int
    end: int
    line: int
    end_line: int
    text: str


@direct_init
@compared
@dataclass(frozen=True, repr=False, eq=False)
class AgencyMention:
    """An agency named in a plan: the name it resolves to and the form written."""

    name: str
    """Resolved name, as the plan would write it in full (``市委文明办``), no city prepended."""
    surface: str
    """The form written at this place (``文明办``)."""
    span: Span


@compared
@dataclass(frozen=True, repr=False, eq=False)
class StatedCount:
    """Agencies counted instead of named (``等12个部门``, ``二十多个部门``), kept as written."""

    text: str
    role: Role
    span: Span


@direct_init
@compared
@dataclass(frozen=True, repr=False, eq=False)
class Assignment:
    """Who leads, partners in and answers for a task, as one clause of the plan states it."""

    leads: tuple[AgencyMention, ...]
    partners: tuple[AgencyMention, ...]
    stated_at: StatedAt
    span: Span
    responsible: tuple[AgencyMention, ...] = ()
    counts: tuple[StatedCount, ...] = ()

    @property
    def agencies(self) -> tuple[tuple[Role, AgencyMention], ...]:
        """Every agency named, with its role, leads first."""
        return (
            *(("lead", a) for a in self.leads),
            *(("partner", a) for a in self.partners),
            *(("responsible", a) for a in self.responsible),
        )


@direct_init
@compared
@dataclass(frozen=True, repr=False, eq=False)
class Target:
    """A quantity the plan commits to (or aims at): its value, unit, comparator and year."""

    text: str
    value: Decimal
    unit: str
    comparator: str
    year: int | None
    per_year: bool
    span: Span
    value_max: Decimal | None = None
    """The upper end of a range (``2—3部``: value 2, value_max 3)."""
    hedged: bool = False
    """Stated as an aim rather than a commitment: 力争, 有望, 左右, 约."""
    each: bool = False
    """The value holds for each of several (``各50个``)."""


DeadlineKind = Literal["by", "annual", "ongoing", "other"]


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Deadline:
    """When a task is due, as a task-division table states it: ``2025年底前`` (by 2025),
    ``每年`` (annual), ``长期坚持`` (ongoing)."""

    text: str
    kind: DeadlineKind
    year: int | None
    span: Span


@direct_init
@compared
@dataclass(frozen=True, repr=False, eq=False)
class Measure:
    """One numbered measure of an action: its title, its text and what is stated for it."""

    number: int
    title: str
    text: str
    span: Span
    assignment: Assignment | None = None
    """The assignment stated for this measure alone (``stated_at == "measure"``)."""
    targets: tuple[Target, ...] = ()
    deadline: Deadline | None = None


@direct_init
@compared
@dataclass(frozen=True, repr=False, eq=False)
class Action:
    """One of the plan's actions (提升行动) or key projects (重点工程), with its measures."""

    kind: ActionKind
    number: int
    title: str
    population: str | None
    span: Span
    measures: tuple[Measure, ...] = ()
    assignment: Assignment | None = None
    """The assignment stated once for the whole action (``stated_at == "action"``)."""

    def assignments_of(self, measure: Measure) -> tuple[Assignment, ...]:
        """The assignments that apply to ``measure``: its own and its action's."""
        found = (measure.assignment, self.assignment)
        return tuple(a for a in found if a is not None)


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Citation:
    """A document the plan cites, by its title (《…》), its 文号, or both."""

    title: str | None
    doc_number: str | None
    span: Span


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Phase:
    """A stage of the plan's period (启动阶段, 总结评估阶段…) and the years it spans."""

    name: str
    start_year: int
    end_year: int
    span: Span


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Region:
    """The administrative division a plan is for, at its level."""

    name: str
    level: RegionLevel
    province: str | None = None
    parent: str | None = None
    code: str | None = None
    """The GB/T 2260 code of the division, when the gazetteer knows it for certain."""


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Source:
    """The file a plan was read from: its name, the SHA-256 of its bytes, its decoded text."""

    name: str
    """The input file's name (no directory), as the CSV export reports it."""
    sha256: str
    text: str
    """The decoded text that all spans index into."""


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Finding:
    """A line of a plan that plankg did not read into the graph and that deserves a look."""

    line: int
    text: str


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Coverage:
    """What plankg did not read in a plan (see :mod:`plankg.loaders.coverage`)."""

    measures: int
    measures_with_lead: int
    unread_clauses: tuple[Finding, ...]
    """Sentences with a role word (牵头, 负责, 配合…) and an agency's name that no assignment
    of the plan was read from."""
    unread_targets: tuple[Finding, ...]
    """Quantities that read as targets outside the plan's measures and headline."""
    missing: tuple[str, ...]
    """Metadata fields not found."""

    @property
    def lead_share(self) -> float:
        return self.measures_with_lead / self.measures if self.measures else 1.0


@compared
@dataclass(frozen=True, repr=False, eq=False)
class Plan:
    """A plan as read: its metadata, its actions and measures, what it cites and targets."""

    source: Source
    title: str
    region: Region
    issuer: str | None = None
    doc_number: str | None = None
    issued: date | None = None
    period: tuple[int, int] | None = None
    draft: bool = False
    citations: tuple[Citation, ...] = ()
    headline: Target | None = None
    long_term: Target | None = None
    """A later literacy share than the headline's (the outline's 2035 goal)."""
    baseline: Target | None = None
    actions: tuple[Action, ...] = ()
    phases: tuple[Phase, ...] = ()
    coordinating_office: AgencyMention | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)
    coverage: Coverage | None = field(default=None, compare=False)
    """What was not read."""
