"""Agency networks of the plans, derived from the networkx graph of the RDF
(:func:`plankg.graph.networkx.to_networkx`), and their centrality measures.

- co-lead network (undirected): agencies joined when they lead the same measure, weight = the
  number of measures they co-lead; its nodes are the agencies that lead at least one measure.
- collaboration network (directed, lead → partner): weight = the number of measures the lead
  leads and the partner takes part in; its nodes are all agencies the plan names.

Centralities are per plan (agencies belong to one jurisdiction, so plans never share a node):
degree = distinct neighbours; weighted degree = sum of edge weights (in and out for the
collaboration network); betweenness = networkx's normalised betweenness on hop counts (edge
weights are tie strengths, not distances), for the collaboration network on its undirected view.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import TypeVar

import networkx as nx
from plankg.graph.analysis.facts import AgencyRole, AnalysisFacts, Source, facts_of
from plankg.tables import Table

DIGITS = 4
NETWORK_COLUMNS = (
    "region",
    "plan",
    "agency",
    "agency_type",
    "colead_degree",
    "colead_weight",
    "colead_betweenness",
    "collab_partners",
    "collab_leads",
    "collab_weight",
    "collab_betweenness",
)


def _by_measure(roles: list[AgencyRole], role: str) -> dict[str, list[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for r in roles:
        if r.role == role:
            found[r.measure].add(r.agency)
    return {m: sorted(agencies) for m, agencies in found.items()}


def _roles(facts: AnalysisFacts, plan: str | None) -> list[AgencyRole]:
    return [r for p in facts.select(plan) for r in facts.roles(p)]


def _add_agency(graph: nx.Graph[str], facts: AnalysisFacts, agency: str, region: str) -> None:
    graph.add_node(agency, label=facts.label(agency), region=region, types=facts.type_names(agency))


G = TypeVar("G", bound="nx.Graph[str]")


def _weighted(graph: G, weights: Counter[tuple[str, str]]) -> G:
    """``graph`` with an edge per pair, ``weight`` = its count, in a stable order."""
    for (a, b), weight in sorted(weights.items()):
        graph.add_edge(a, b, weight=weight)
    return graph


def co_lead_network(source: Source, plan: str | None = None) -> nx.Graph[str]:
    """Lead agencies of ``plan`` (all plans when None), joined with weight = measures co-led."""
    facts = facts_of(source)
    roles = _roles(facts, plan)
    graph: nx.Graph[str] = nx.Graph()
    for r in sorted(roles, key=lambda r: r.agency):
        if r.role == "lead":
            _add_agency(graph, facts, r.agency, r.region)
    weights: Counter[tuple[str, str]] = Counter()
    for leads in _by_measure(roles, "lead").values():
        weights.update(combinations(leads, 2))
    return _weighted(graph, weights)


def collaboration_network(source: Source, plan: str | None = None) -> nx.DiGraph[str]:
    """Every agency of ``plan`` (all plans when None); lead → partner, weight = measures shared."""
    facts = facts_of(source)
    roles = _roles(facts, plan)
    graph: nx.DiGraph[str] = nx.DiGraph()
    for r in sorted(roles, key=lambda r: r.agency):
        _add_agency(graph, facts, r.agency, r.region)
    partners = _by_measure(roles, "partner")
    weights: Counter[tuple[str, str]] = Counter()
    for measure, leads in _by_measure(roles, "lead").items():
        weights.update((a, b) for a in leads for b in partners.get(measure, []) if a != b)
    return _weighted(graph, weights)


def _betweenness(graph: nx.Graph[str]) -> dict[str, float]:
    return nx.betweenness_centrality(graph, normalized=True)


def agency_networks(source: Source) -> Table:
    """Per plan and agency: degree, weighted degree and betweenness in the co-lead and the
    collaboration network; co-lead cells are empty for agencies that never lead."""
    facts = facts_of(source)
    rows = []
    for plan in facts.plans:
        colead = co_lead_network(facts, plan)
        collab = collaboration_network(facts, plan)
        colead_between = _betweenness(colead)
        collab_between = _betweenness(collab.to_undirected(as_view=True))
        for agency in collab.nodes:
            leads = agency in colead
            rows.append(
                (
                    *facts.agency_cells(plan, agency),
                    colead.degree(agency) if leads else None,
                    colead.degree(agency, weight="weight") if leads else None,
                    round(colead_between[agency], DIGITS) if leads else None,
                    collab.out_degree(agency),
                    collab.in_degree(agency),
                    collab.degree(agency, weight="weight"),
                    round(collab_between[agency], DIGITS),
                )
            )
    order = ("-collab_betweenness", "-colead_betweenness", "-collab_weight", "agency")
    return Table(NETWORK_COLUMNS, tuple(rows)).sorted_by("region", "plan", *order)


def co_lead_pairs(source: Source) -> Table:
    """The co-lead network's edges: pairs of agencies and the measures they co-lead."""
    facts = facts_of(source)
    rows: list[tuple[str, str, str, str, int]] = []
    for plan in facts.plans:
        graph = co_lead_network(facts, plan)
        weight: int
        for a, b, weight in graph.edges(data="weight"):
            first, second = sorted((facts.label(a), facts.label(b)))
            rows.append((facts.region(plan), facts.plan_key(plan), first, second, weight))
    columns = ("region", "plan", "agency_a", "agency_b", "measures")
    order = ("region", "plan", "-measures", "agency_a", "agency_b")
    return Table(columns, tuple(rows)).sorted_by(*order)


def partner_only(source: Source) -> Table:
    """Agencies that take part in a plan's measures but lead none of them."""
    facts = facts_of(source)
    rows = []
    for plan in facts.plans:
        roles = facts.roles(plan)
        leaders = {r.agency for r in roles if r.role == "lead"}
        measures: dict[str, set[str]] = defaultdict(set)
        actions: dict[str, set[str]] = defaultdict(set)
        for r in roles:
            if r.role == "partner" and r.agency not in leaders:
                measures[r.agency].add(r.measure)
                actions[r.agency].add(r.action)
        for agency in measures:
            rows.append(
                (
                    *facts.agency_cells(plan, agency),
                    len(measures[agency]),
                    len(actions[agency]),
                )
            )
    columns = ("region", "plan", "agency", "agency_type", "measures_partnered", "actions_partnered")
    return Table(columns, tuple(rows)).sorted_by("region", "plan", "-measures_partnered", "agency")
