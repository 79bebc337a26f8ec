"""Task by task: which plans carry each task family (the coverage matrix, families × plans) and
the tasks whose lead differs from plan to plan (the same task, led by agencies of different
types). Read off the task families of the derived graph (:mod:`plankg.graph.rdf.tasks`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from plankg.graph.analysis.facts import AnalysisFacts, Source, facts_of
from plankg.tables import Table

FAMILY_MARK = "/id/family/"
SEPARATOR = "、"


@dataclass(frozen=True)
class Member:
    """A measure of a task family, where it stands."""

    plan: str
    measure: str
    position: str
    """``1.3``: the number of its action and its own."""


@dataclass(frozen=True)
class Family:
    key: str
    title: str
    canonical: str
    members: tuple[Member, ...]

    @cached_property
    def by_plan(self) -> dict[str, Member]:
        return {m.plan: m for m in self.members}


def families_of(facts: AnalysisFacts) -> list[Family]:
    """The task families of the graph, by canonical action and key."""
    where = {
        measure: (plan, f"{facts.number(action)}.{facts.number(measure)}")
        for plan in facts.plans
        for action, measure in facts.action_measures(plan)
    }
    found = []
    for node in facts.of_type("TaskFamily"):
        members = tuple(
            Member(where[m][0], m, where[m][1])
            for m in facts.sources(node, "memberOf")
            if m in where
        )
        canonical = facts.notation(node, "familyAction")
        key = node.split(FAMILY_MARK, 1)[-1]
        found.append(Family(key, facts.text(node, "title"), canonical, members))
    return sorted(found, key=lambda f: (f.canonical, f.key))


def _generation(notation: str) -> str:
    """``2021`` for ``2021-youth``: the outline a canonical action belongs to."""
    return notation.split("-", 1)[0]


def _generations(facts: AnalysisFacts, plan: str) -> set[str]:
    return {_generation(facts.notation(a, "implements")) for a in facts.actions(plan)}


def task_coverage(source: Source) -> Table:
    """Task families × plans: the position of the plan's measure of the family (``1.3``) in a
    column per plan, empty where the plan has no such measure, ``plans`` carrying it and the
    regions whose plans (of the same outline) leave it out."""
    facts = facts_of(source)
    columns = facts.column_names()
    generations = {plan: _generations(facts, plan) for plan in facts.plans}
    rows = []
    for family in families_of(facts):
        scope = [p for p in facts.plans if _generation(family.canonical) in generations[p]]
        cells = [family.by_plan[p].position if p in family.by_plan else None for p in facts.plans]
        missing = SEPARATOR.join(columns[p] for p in scope if p not in family.by_plan)
        rows.append((family.key, family.title, family.canonical, *cells, len(family.members)))
        rows[-1] += (missing,)
    header = (
        "family",
        "family_title",
        "canonical_action",
        *(columns[p] for p in facts.plans),
        "plans",
        "missing_from",
    )
    return Table(header, tuple(rows)).sorted_by("canonical_action", "-plans", "family")


DIFFERENT_LEAD_COLUMNS = (
    "family",
    "family_title",
    "canonical_action",
    "region",
    "plan",
    "measure",
    "leads",
    "lead_types",
    "types_in_every_plan",
)


def different_leads(source: Source) -> Table:
    """The same task, different lead: for every family carried by two plans or more whose lead
    agencies are not of the same types in every plan, a row per plan with its lead agencies,
    their types, and the types that lead the task in every plan (empty when none does)."""
    facts = facts_of(source)
    rows = []
    for family in families_of(facts):
        if len(family.members) < 2:
            continue
        types = {m.plan: _lead_types(facts, m.measure) for m in family.members}
        if len({frozenset(t) for t in types.values()}) == 1:
            continue
        common = set.intersection(*types.values())
        for member in family.members:
            leads = facts.agencies_in(member.measure, "lead")
            rows.append(
                (
                    family.key,
                    family.title,
                    family.canonical,
                    facts.region(member.plan),
                    facts.plan_key(member.plan),
                    member.position,
                    SEPARATOR.join(sorted(facts.label(a) for a in leads)),
                    ";".join(sorted(types[member.plan])),
                    ";".join(sorted(common)),
                )
            )
    order = ("canonical_action", "family", "region", "plan")
    return Table(DIFFERENT_LEAD_COLUMNS, tuple(rows)).sorted_by(*order)


def _lead_types(facts: AnalysisFacts, measure: str) -> set[str]:
    return {t.zh for a in facts.agencies_in(measure, "lead") for t in facts.agency_types(a)}
