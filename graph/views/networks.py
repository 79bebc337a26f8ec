"""The network views across plans: ``agencies`` (agencies linked by the measures they share,
sized by measures led, coloured by type family, an island per region) and ``types`` (agency
types × regions, edges weighted by measures led and taken part in, regions on a ring)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from plankg.graph.rdf.networkx_graph import Source
from plankg.graph.views import style
from plankg.graph.views.facts import PlanGraph, bilingual, class_label
from plankg.graph.views.layout import Position, island_layout, ring_layout
from plankg.graph.views.model import Counts, LegendEntry, View, ViewEdge, ViewNode
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
Shared = dict[tuple[str, str], list[str]]
"""A pair of agencies → the measures both lead or take part in, in plan order."""


def agency_view(source: Source, plans: Sequence[str] | None = None) -> View:
    """Agencies (per jurisdiction) of the plans, linked when they lead or take part in the same
    measures; edge weight = measures shared. Each region's agencies form an island."""
    g = PlanGraph(source)
    chosen = g.find_plans(plans)
    tasks, shared = _agency_tasks(g, chosen)
    edges = [_shared_edge(g, pair, measures, tasks) for pair, measures in sorted(shared.items())]
    groups: dict[str, list[str]] = defaultdict(list)
    for agency in tasks:
        groups[g.jurisdiction(agency)].append(agency)
    sizes = {a: style.agency_size(len(set(tasks[a].get("lead", [])))) for a in tasks}
    where = island_layout(groups, [(e.source, e.target, e.weight) for e in edges], sizes)
    many = len(groups) > 1
    nodes = [_network_agency(g, a, tasks[a], many, where[a]) for a in sorted(tasks)]
    legend = [
        LegendEntry(SHARED_MEASURES, style.EDGE_STYLES["shared"]["color"], "line"),
        LegendEntry(SIZE_NOTE, "", "note"),
        *type_legend(g, nodes),
    ]
    options = style.merged(style.COMMON_OPTIONS, style.network_options(len(nodes)))
    scope = _regions_named(g, chosen)
    return View(
        "agencies",
        f"{bilingual(PK.Agency)} · {scope}",
        tuple(nodes),
        tuple(edges),
        tuple(legend),
        options,
        {"shared": SHARED_MEASURES},
        roles=role_labels(g),
        scope=scope,
        controls=("min_shared", "co_lead"),
        declutter=True,
    )


def _agency_tasks(g: PlanGraph, plans: list[str]) -> tuple[Tasks, Shared]:
    """What each agency does, and the measures each pair of agencies shares."""
    tasks: Tasks = defaultdict(lambda: defaultdict(list))
    shared: Shared = defaultdict(list)
    for measure in g.plan_measures(plans):
        involved = set()
        for role in ROLES:
            for agency in g.agencies_in(measure, role):
                tasks[agency][role].append(measure)
                involved.add(agency)
        for pair in combinations(sorted(involved), 2):
            shared[pair].append(measure)
    return tasks, shared


def _shared_edge(
    g: PlanGraph, pair: tuple[str, str], measures: list[str], tasks: Tasks
) -> ViewEdge:
    """An edge standing for the measures two agencies share, with how many both lead and how
    many both take part in."""
    source, target = pair
    leads = [(m in tasks[source]["lead"], m in tasks[target]["lead"]) for m in measures]
    both_lead = sum(1 for a, b in leads if a and b)
    both_partner = sum(1 for a, b in leads if not a and not b)
    return ViewEdge(
        source,
        target,
        "shared",
        weight=len(measures),
        weights=(len(measures), both_lead, both_partner),
        measures=tuple((g.measure_ref(m), a, b) for m, (a, b) in zip(measures, leads, strict=True)),
    )


def _network_agency(
    g: PlanGraph, agency: str, tasks: dict[str, list[str]], many: bool, where: Position
) -> ViewNode:
    """An agency sized by measures led, at its place in its region's island (the region is
    named once per island on the page, not under every agency)."""
    return agency_node(
        g,
        agency,
        tasks,
        size=style.agency_size(len(set(tasks.get("lead", [])))),
        details=task_lines(g, tasks, with_region=many),
        x=where[0],
        y=where[1],
    )


def _regions_named(g: PlanGraph, plans: list[str]) -> str:
    names = [g.region(p) for p in plans]
    if len(names) <= TITLE_REGIONS:
        return "、".join(names)
    return f"{'、'.join(names[:TITLE_REGIONS])}… {len(names)} 个方案 plans"


def types_view(source: Source, plans: Sequence[str] | None = None) -> View:
    """Agency types × regions: an edge per role, weighted by the measures that agencies of the
    type lead (or take part in) in the region. A merged bureau counts for each of its types.
    Regions stand on a ring; each type between the regions it works in."""
    g = PlanGraph(source)
    counted, regions = _type_region_counts(g, g.find_plans(plans))
    edges = [_type_region_edge(g, key, by_agency) for key, by_agency in sorted(counted.items())]
    types = sorted({e.source for e in edges})
    anchors = dict(sorted(regions.items(), key=lambda item: item[1]))
    led = {t: sum(e.weight for e in edges if e.source == t and e.kind == "lead") for t in types}
    sizes = {t: style.agency_size(n) for t, n in led.items()}
    where = ring_layout(anchors, types, [(e.source, e.target, e.weight) for e in edges], sizes)
    nodes = [
        _region_node(g, region, label, edges, where[region]) for region, label in anchors.items()
    ]
    nodes += [_type_node(g, t, counted, regions, where[t]) for t in types]
    legend = [
        LegendEntry(bilingual(PK.Region), style.NODE_STYLES["region"]["color"], "box"),
        *role_edge_legend(g),
        LegendEntry(SIZE_NOTE, "", "note"),
        *type_legend(g, nodes),
    ]
    options = style.merged(style.COMMON_OPTIONS, style.network_options(len(nodes)))
    title = f"{bilingual(PK.AgencyType)} × {bilingual(PK.Region)}"
    labels = role_labels(g)
    return View(
        "types",
        title,
        tuple(nodes),
        tuple(edges),
        tuple(legend),
        options,
        labels,
        roles=labels,
        edge_styles=style.TYPE_EDGE_STYLES,
    )


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


def _region_node(
    g: PlanGraph, region: str, label: str, edges: list[ViewEdge], where: Position
) -> ViewNode:
    mine = [e for e in edges if e.target == region]
    led = sorted((e for e in mine if e.kind == "lead"), key=lambda e: (-e.weight, e.source))
    return ViewNode(
        region,
        "region",
        label,
        label,
        f"{class_label(PK.Region)[1]} ({g.notation(region, 'regionLevel')})",
        x=where[0],
        y=where[1],
        facets={
            "region": (label,),
            "type": tuple(sorted({g.type_label(e.source) for e in mine})),
            "role": tuple(g.role_label(r) for r in ROLES if any(e.kind == r for e in mine)),
        },
        details=tuple(f"{g.type_label(e.source)}: {g.role_label('lead')} {e.weight}" for e in led),
    )


def _type_node(
    g: PlanGraph, agency_type: str, counted: Counted, regions: dict[str, str], where: Position
) -> ViewNode:
    counts = _type_counts(g, agency_type, counted, regions)
    code = agency_type.rsplit("/", 1)[1]
    return ViewNode(
        agency_type,
        "type",
        g.text(agency_type, "prefLabel"),
        g.text(agency_type, "prefLabel"),
        g.text(agency_type, "prefLabel_en"),
        color=style.type_colors().get(code, style.UNCLASSIFIED_COLOR),
        size=style.agency_size(sum(led for led, _, _ in counts.values())),
        x=where[0],
        y=where[1],
        facets={
            "region": tuple(sorted(counts)),
            "type": (g.type_label(agency_type),),
            "role": tuple(
                g.role_label(r)
                for i, r in enumerate(ROLES)
                if any(numbers[i] for numbers in counts.values())
            ),
        },
        counts=counts,
        legend=g.type_label(agency_type),
        details=_type_details(g, agency_type, counted, regions),
    )


def _type_counts(
    g: PlanGraph, agency_type: str, counted: Counted, regions: dict[str, str]
) -> Counts:
    """Per region: measures agencies of the type lead, take part in, and actions they lead."""
    measures: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (kind, region, role), by_agency in counted.items():
        if kind == agency_type:
            measures[regions[region]][role] = set[str]().union(*by_agency.values())
    return {
        region: (
            len(by_role["lead"]),
            len(by_role["partner"]),
            len({g.action_of(m) for m in by_role["lead"]}),
        )
        for region, by_role in sorted(measures.items())
    }


def _type_details(
    g: PlanGraph, agency_type: str, counted: Counted, regions: dict[str, str]
) -> tuple[str, ...]:
    """``周口市 · 牵头 lead: 市科协 21``: the agencies of the type, per region and role."""
    lines = []
    for (kind, region, role), by_agency in sorted(counted.items()):
        if kind == agency_type:
            agencies = "、".join(f"{a} {len(m)}" for a, m in sorted(by_agency.items()))
            lines.append(f"{regions[region]} · {g.role_label(role)}: {agencies}")
    return tuple(lines)
