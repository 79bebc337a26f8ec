"""Cross-city analysis of the plans: who leads how much, how concentrated lead work is, which
agencies bridge others, who leads what in which city, and how ambitious the targets are.

Everything is read off the networkx graph of the RDF (:func:`plankg.graph.networkx.to_networkx`)
through :class:`~plankg.graph.analysis_facts.AnalysisFacts`; every function takes that graph, its
facts or the triples, and returns a :class:`~plankg.queries.Table`. :data:`TABLES` names each
table, the function that makes it and the named query (``queries/*.rq``) that gives the same
figures, where one exists.

A measure an agency leads counts once per agency; an action-level assignment counts for every
measure of its action (the ``pk:leads`` shortcut). A merged bureau (科工信局) counts for each
function type it has.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from plankg.graph.analysis_facts import (
    AgencyRole,
    AgencyType,
    AnalysisError,
    AnalysisFacts,
    Source,
    facts_of,
)
from plankg.graph.analysis_networks import (
    agency_networks,
    co_lead_network,
    co_lead_pairs,
    collaboration_network,
    partner_only,
)
from plankg.graph.analysis_targets import headline_targets, target_comparison
from plankg.tables import Table, render, render_json

DIGITS = 4
ALL = "all"
LOAD_COLUMNS = (
    "region",
    "plan",
    "agency",
    "agency_type",
    "measures_led",
    "actions_led",
    "measures_partnered",
    "measure_share",
    "lead_share",
)
CONCENTRATION_COLUMNS = (
    "region",
    "plan",
    "measures",
    "lead_assignments",
    "lead_agencies",
    "top_agency",
    "top_share",
    "hhi",
    "effective_leads",
    "gini",
)

__all__ = [
    "ALL",
    "SECTIONS",
    "TABLES",
    "AnalysisError",
    "AnalysisFacts",
    "TableSpec",
    "agency_networks",
    "analyze",
    "co_lead_network",
    "co_lead_pairs",
    "collaboration_network",
    "concentration",
    "gini",
    "headline_targets",
    "hhi",
    "lead_load",
    "partner_only",
    "render_analysis",
    "target_comparison",
    "type_load",
    "type_matrix",
    "type_presence",
]


def _grouped(roles: Iterable[AgencyRole], role: str, part: str) -> dict[str, set[str]]:
    """agency → the measures (``part="measure"``) or actions it holds ``role`` in."""
    found: dict[str, set[str]] = defaultdict(set)
    for r in roles:
        if r.role == role:
            found[r.agency].add(getattr(r, part))
    return found


def lead_load(source: Source) -> Table:
    """Per plan and lead agency: measures and actions led, measures taken part in,
    ``measure_share`` = measures led / the plan's measures, ``lead_share`` = measures led / all
    (agency, measure) lead assignments of the plan (the shares :func:`hhi` squares)."""
    facts = facts_of(source)
    rows = []
    for plan in facts.plans:
        roles = facts.roles(plan)
        led = _grouped(roles, "lead", "measure")
        actions = _grouped(roles, "lead", "action")
        partnered = _grouped(roles, "partner", "measure")
        measures, assignments = len(facts.measures(plan)), sum(map(len, led.values()))
        for agency, ms in led.items():
            rows.append(
                (
                    facts.region(plan),
                    facts.plan_key(plan),
                    facts.label(agency),
                    facts.type_names(agency),
                    len(ms),
                    len(actions[agency]),
                    len(partnered.get(agency, ())),
                    round(len(ms) / measures, DIGITS),
                    round(len(ms) / assignments, DIGITS),
                )
            )
    rows.sort(key=lambda r: (r[0], r[1], -r[4], -r[5], r[2]))
    return Table(LOAD_COLUMNS, tuple(rows))


def _type_leads(facts: AnalysisFacts) -> dict[AgencyType, list[AgencyRole]]:
    """agency type → the lead roles of its agencies, across every plan."""
    found: dict[AgencyType, list[AgencyRole]] = defaultdict(list)
    for plan in facts.plans:
        for r in facts.roles(plan):
            if r.role == "lead":
                for t in facts.agency_types(r.agency):
                    found[t].append(r)
    return found


def type_load(source: Source) -> Table:
    """Per agency type across all plans: plans and agencies where it leads, measures and
    actions led, and its share of all lead work (measures led by the type / the sum over
    types)."""
    facts = facts_of(source)
    leads = _type_leads(facts)
    measures = {t: len({r.measure for r in roles}) for t, roles in leads.items()}
    total = sum(measures.values())
    rows = [
        (
            t.zh,
            t.en,
            len({r.plan for r in roles}),
            len({r.agency for r in roles}),
            measures[t],
            len({r.action for r in roles}),
            round(measures[t] / total, DIGITS),
        )
        for t, roles in leads.items()
    ]
    rows.sort(key=lambda r: (-r[4], -r[3], r[0]))
    columns = ("type", "type_en", "plans", "agencies", "measures_led", "actions_led", "lead_share")
    return Table(columns, tuple(rows))


def hhi(counts: Iterable[int]) -> float:
    """Herfindahl–Hirschman index of lead work: HHI = Σᵢ sᵢ², with sᵢ = cᵢ / Σⱼ cⱼ the share
    of agency i in the plan's (agency, measure) lead assignments. 1/n when n agencies lead
    equally, 1 when one agency leads everything; 1/HHI is the effective number of leads."""
    values = list(counts)
    total = sum(values)
    return sum((c / total) ** 2 for c in values) if total else 0.0


def gini(counts: Iterable[int]) -> float:
    """Gini coefficient of lead work over the agencies that lead: G = Σᵢ Σⱼ |cᵢ − cⱼ| /
    (2 n² c̄), with c̄ the mean count. 0 when all lead equally; towards 1 when one leads
    nearly everything."""
    values = list(counts)
    n, total = len(values), sum(values)
    if not n or not total:
        return 0.0
    differences = sum(abs(a - b) for a in values for b in values)
    return differences / (2 * n * total)


def concentration(source: Source) -> Table:
    """Per plan: how concentrated lead work is — the top agency's share, ``hhi`` (see
    :func:`hhi`), ``effective_leads`` = 1/HHI and ``gini`` (see :func:`gini`)."""
    facts = facts_of(source)
    rows = []
    for plan in facts.plans:
        led = Counter(
            {a: len(ms) for a, ms in _grouped(facts.roles(plan), "lead", "measure").items()}
        )
        total, index = sum(led.values()), hhi(led.values())
        most = max(led.values(), default=0)
        top = "、".join(sorted(facts.label(a) for a, c in led.items() if c == most and c))
        rows.append(
            (
                facts.region(plan),
                facts.plan_key(plan),
                len(facts.measures(plan)),
                total,
                len(led),
                top,
                round(most / total, DIGITS) if total else None,
                round(index, DIGITS) if total else None,
                round(1 / index, 2) if total else None,
                round(gini(led.values()), DIGITS) if total else None,
            )
        )
    return Table(CONCENTRATION_COLUMNS, tuple(rows))


def _measures_by_type(facts: AnalysisFacts, plan: str, role: str) -> dict[AgencyType, set[str]]:
    found: dict[AgencyType, set[str]] = defaultdict(set)
    for r in facts.roles(plan):
        if role in (ALL, r.role):
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
    rows.sort(key=lambda r: (-r[-1], r[0]))
    header = ("type", "type_en", *(columns[p] for p in facts.plans), "total")
    return Table(header, tuple(rows))


def type_presence(source: Source) -> Table:
    """Agency types named in every plan versus only some: in how many plans an agency of the
    type is named (lead or partner) and leads, and the plans that name none."""
    facts = facts_of(source)
    columns = facts.column_names()
    named = {plan: _measures_by_type(facts, plan, ALL) for plan in facts.plans}
    leading = {plan: _measures_by_type(facts, plan, "lead") for plan in facts.plans}
    types = sorted({t for by_type in named.values() for t in by_type}, key=lambda t: t.zh)
    rows = []
    for t in types:
        present = [p for p in facts.plans if t in named[p]]
        absent = "、".join(columns[p] for p in facts.plans if t not in named[p])
        leads = sum(1 for p in facts.plans if t in leading[p])
        every = len(present) == len(facts.plans)
        rows.append((t.zh, t.en, len(present), leads, every, absent))
    rows.sort(key=lambda r: (-r[2], -r[3], r[0]))
    columns_out = (
        "type",
        "type_en",
        "plans_named",
        "plans_leading",
        "in_every_plan",
        "absent_from",
    )
    return Table(columns_out, tuple(rows))


@dataclass(frozen=True)
class TableSpec:
    """One analysis table: its name, section and title, the function that makes it, and the
    named query that gives the same figures, where one exists."""

    name: str
    section: str
    title: str
    build: Callable[[Source], Table]
    query: str | None = None

    @property
    def function(self) -> str:
        return f"{self.build.__module__}.{self.build.__qualname__}"


TABLES = (
    TableSpec("lead_load", "load", "Lead load per agency", lead_load, "top-lead"),
    TableSpec("type_load", "load", "Lead load per agency type", type_load, "top-lead-types"),
    TableSpec("concentration", "concentration", "Concentration of lead work", concentration),
    TableSpec("agency_networks", "networks", "Co-lead and collaboration networks", agency_networks),
    TableSpec("co_lead_pairs", "networks", "Co-lead pairs", co_lead_pairs, "co-lead"),
    TableSpec("partner_only", "networks", "Agencies that take part, never lead", partner_only),
    TableSpec("type_matrix", "matrix", "Region × agency type (measures led)", type_matrix),
    TableSpec("type_presence", "matrix", "Agency types in every plan or only some", type_presence),
    TableSpec("headline_targets", "targets", "Headline targets", headline_targets, "targets"),
    TableSpec(
        "target_comparison", "targets", "Targets of the same kind", target_comparison, "targets"
    ),
)
SECTIONS = ("load", "concentration", "networks", "matrix", "targets")


def analyze(source: Source, section: str = ALL) -> dict[str, Table]:
    """The tables of ``section`` (or of all sections), by name, in a stable order."""
    if section != ALL and section not in SECTIONS:
        raise AnalysisError(f"no section {section!r} (choose from {', '.join(SECTIONS)}, {ALL})")
    facts = facts_of(source)
    if not facts.plans:
        raise AnalysisError("the graph holds no plan")
    return {s.name: s.build(facts) for s in TABLES if section in (ALL, s.section)}


def render_analysis(tables: dict[str, Table], fmt: str = "table") -> str:
    """The tables for people (titled, with the function and query behind each), as one JSON
    object keyed by table name, or as CSV blocks each under a ``# name`` line."""
    specs = {spec.name: spec for spec in TABLES}
    if fmt == "json":
        records = {name: json.loads(render_json(table)) for name, table in tables.items()}
        return json.dumps(records, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return "\n\n".join(f"# {name}\n{render(table, 'csv')}" for name, table in tables.items())
    blocks = []
    for name, table in tables.items():
        spec = specs[name]
        query = f"; named query {spec.query}" if spec.query else ""
        blocks.append(f"== {spec.title} [{name}] ({spec.function}{query})\n{render(table)}")
    return "\n\n".join(blocks)
