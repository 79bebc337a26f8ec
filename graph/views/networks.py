"""The network views across plans: ``agencies`` (agencies linked by the measures they share,
sized by measures led, coloured by type) and ``types`` (agency types × regions, edges weighted
by measures led and taken part in)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations

from plankg.graph.rdf.networkx_graph import Source
from plankg.graph.views import style
from plankg.graph.views.facts import PlanGraph, bilingual, class_label
from plankg.graph.views.model import LegendEntry, View, ViewEdge, ViewNode
from plankg.graph.views.nodes import (
    ROLES,
    SIZE_NOTE,
    Tasks,
    agency_node,
    role_edge_legend,
    role_labels,
    task_lines,
    type_legend,
)
from plankg.ontology import PK

TITLE_REGIONS = 5
SHARED_MEASURES = "共同承担的举措 shared measures"
Counted = dict[tuple[str, str, str], dict[str, set[str]]]
"""(agency type, region, role) → agency name → the measures it has that role in."""


def agency_view(source: Source, plans: Sequence[str] | None = None) -> View:
    """Agencies (per jurisdiction) of the plans, linked when they lead or take part in the same
    measures; edge weight = measures shared."""
    g = PlanGraph(source)
    chosen = g.find_plans(plans)
    tasks, shared = _agency_tasks(g, chosen)
    many = len({g.jurisdiction(a) for a in tasks}) > 1
    nodes = [_network_agency(g, agency, tasks[agency], many) for agency in sorted(tasks)]
    edges = [ViewEdge(a, b, "shared", weight=n) for (a, b), n in sorted(shared.items())]
    legend = [
        LegendEntry(SHARED_MEASURES, style.EDGE_STYLES["shared"]["color"], "line"),
        LegendEntry(SIZE_NOTE, "", "note"),
        *type_legend(g, nodes),
    ]
    options = style.merged(style.COMMON_OPTIONS, style.network_options(len(nodes)))
    title = f"{bilingual(PK.Agency)} · {_regions_named(g, chosen)}"
    labels = {"shared": SHARED_MEASURES}
    return View("agencies", title, tuple(nodes), tuple(edges), tuple(legend), options, labels)


def _agency_tasks(g: PlanGraph, plans: list[str]) -> tuple[Tasks, Counter[tuple[str, str]]]:
    """What each agency does, and how many measures each pair of agencies shares."""
    tasks: Tasks = defaultdict(lambda: defaultdict(list))
    shared: Counter[tuple[str, str]] = Counter()
    for measure in g.plan_measures(plans):
        involved = set()
        for role in ROLES:
            for agency in g.agencies_in(measure, role):
                tasks[agency][role].append(measure)
                involved.add(agency)
        shared.update(combinations(sorted(involved), 2))
    return tasks, shared


def _network_agency(g: PlanGraph, agency: str, tasks: dict[str, list[str]], many: bool) -> ViewNode:
    """An agency sized by measures led; named with its region where plans of several regions
    are drawn."""
    return agency_node(
        g,
        agency,
        tasks,
        label=f"{g.text(agency)}\n{g.jurisdiction(agency)}" if many else g.text(agency),
        size=style.agency_size(len(set(tasks.get("lead", [])))),
        details=task_lines(g, tasks, with_region=many),
    )


def _regions_named(g: PlanGraph, plans: list[str]) -> str:
    names = [g.region(p) for p in plans]
    if len(names) <= TITLE_REGIONS:
        return "、".join(names)
    return f"{'、'.join(names[:TITLE_REGIONS])}… {len(names)} 个方案 plans"


def types_view(source: Source, plans: Sequence[str] | None = None) -> View:
    """Agency types × regions: an edge per role, weighted by the measures that agencies of the
    type lead (or take part in) in the region. A merged bureau counts for each of its types."""
    g = PlanGraph(source)
    counted, regions = _type_region_counts(g, g.find_plans(plans))
    edges = [_type_region_edge(g, key, by_agency) for key, by_agency in sorted(counted.items())]
    nodes = [_region_node(g, region, label, edges) for region, label in sorted(regions.items())]
    types = sorted({e.source for e in edges})
    nodes += [_type_node(g, agency_type, edges, regions) for agency_type in types]
    legend = [
        LegendEntry(bilingual(PK.Region), style.NODE_STYLES["region"]["color"], "box"),
        *role_edge_legend(g),
        LegendEntry(SIZE_NOTE, "", "note"),
        *type_legend(g, nodes),
    ]
    options = style.merged(style.COMMON_OPTIONS, style.network_options(len(nodes)))
    title = f"{bilingual(PK.AgencyType)} × {bilingual(PK.Region)}"
    labels = role_labels(g)
    return View("types", title, tuple(nodes), tuple(edges), tuple(legend), options, labels)


def _type_region_counts(g: PlanGraph, plans: list[str]) -> tuple[Counted, dict[str, str]]:
    """The measures per agency type, region, role and agency; and region node → its name."""
    counted: Counted = defaultdict(lambda: defaultdict(set))
    regions: dict[str, str] = {}
    for plan in plans:
        region = g.one(plan, "region") or plan
        regions[region] = g.region(plan)
        for measure in g.plan_measures([plan]):
            for role in ROLES:
                for agency in g.agencies_in(measure, role):
                    for agency_type in g.agency_types(agency):
                        counted[(agency_type, region, role)][g.text(agency)].add(measure)
    return counted, regions


def _type_region_edge(
    g: PlanGraph, key: tuple[str, str, str], by_agency: dict[str, set[str]]
) -> ViewEdge:
    agency_type, region, role = key
    return ViewEdge(
        agency_type,
        region,
        role,
        weight=len(set[str]().union(*by_agency.values())),
        role=g.role_label(role),
        text="、".join(f"{a} {len(m)}" for a, m in sorted(by_agency.items())),
    )


def _region_node(g: PlanGraph, region: str, label: str, edges: list[ViewEdge]) -> ViewNode:
    mine = [e for e in edges if e.target == region]
    led = sorted((e for e in mine if e.kind == "lead"), key=lambda e: (-e.weight, e.source))
    return ViewNode(
        region,
        "region",
        label,
        label,
        f"{class_label(PK.Region)[1]} ({g.text(region, 'regionLevel')})",
        facets={
            "region": (label,),
            "type": tuple(sorted({g.type_label(e.source) for e in mine})),
            "role": tuple(g.role_label(r) for r in ROLES if any(e.kind == r for e in mine)),
        },
        details=tuple(f"{g.type_label(e.source)}: {g.role_label('lead')} {e.weight}" for e in led),
    )


def _type_node(
    g: PlanGraph, agency_type: str, edges: list[ViewEdge], regions: dict[str, str]
) -> ViewNode:
    mine = [e for e in edges if e.source == agency_type]
    led = sum(e.weight for e in mine if e.kind == "lead")
    code = agency_type.rsplit("/", 1)[1]
    return ViewNode(
        agency_type,
        "type",
        g.text(agency_type, "prefLabel"),
        g.text(agency_type, "prefLabel"),
        g.text(agency_type, "prefLabel_en"),
        color=style.type_colors().get(code, style.UNCLASSIFIED_COLOR),
        size=style.agency_size(led),
        facets={
            "region": tuple(sorted({regions[e.target] for e in mine})),
            "type": (g.type_label(agency_type),),
            "role": tuple(g.role_label(r) for r in ROLES if any(e.kind == r for e in mine)),
        },
        details=tuple(f"{regions[e.target]}: {e.role} {e.weight}" for e in mine),
    )
