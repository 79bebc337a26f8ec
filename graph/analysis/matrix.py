"""Who leads what where: the region × agency-type matrix, and the agency types every plan
names versus those only some plans name."""

from __future__ import annotations

from collections import defaultdict

from plankg.graph.analysis.facts import AgencyType, AnalysisFacts, Source, facts_of
from plankg.tables import Table

ALL_ROLES = "all"


def _measures_by_type(facts: AnalysisFacts, plan: str, role: str) -> dict[AgencyType, set[str]]:
    found: dict[AgencyType, set[str]] = defaultdict(set)
    for r in facts.roles(plan):
        if role in (ALL_ROLES, r.role):
            for t in facts.agency_types(r.agency):
                found[t].add(r.measure)
    return found


def type_matrix(source: Source) -> Table:
    """Region × agency type: the measures led by agencies of each type in each plan (a column
    per plan, named by its region), with the row total; types that lead nowhere are left out."""
    facts = facts_of(source)
    columns = facts.column_names()
    cells = {plan: _measures_by_type(facts, plan, "lead") for plan in facts.plans}
    types = sorted({t for by_type in cells.values() for t in by_type}, key=lambda t: t.zh)
    rows = []
    for t in types:
        counts = [len(cells[plan].get(t, ())) for plan in facts.plans]
        rows.append((t.zh, t.en, *counts, sum(counts)))
    header = ("type", "type_en", *(columns[p] for p in facts.plans), "total")
    return Table(header, tuple(rows)).sorted_by("-total", "type")


def type_presence(source: Source) -> Table:
    """Agency types named in every plan versus only some: in how many plans an agency of the
    type is named (lead or partner) and leads, and the plans that name none."""
    facts = facts_of(source)
    columns = facts.column_names()
    named = {plan: _measures_by_type(facts, plan, ALL_ROLES) for plan in facts.plans}
    leading = {plan: _measures_by_type(facts, plan, "lead") for plan in facts.plans}
    types = sorted({t for by_type in named.values() for t in by_type}, key=lambda t: t.zh)
    rows = []
    for t in types:
        present = [p for p in facts.plans if t in named[p]]
        absent = "、".join(columns[p] for p in facts.plans if t not in named[p])
        leads = sum(1 for p in facts.plans if t in leading[p])
        every = len(present) == len(facts.plans)
        rows.append((t.zh, t.en, len(present), leads, every, absent))
    columns_out = (
        "type",
        "type_en",
        "plans_named",
        "plans_leading",
        "in_every_plan",
        "absent_from",
    )
    return Table(columns_out, tuple(rows)).sorted_by("-plans_named", "-plans_leading", "type")
