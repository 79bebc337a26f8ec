"""Interactive views of the plans: view models built from the networkx graph, rendered to one
self-contained HTML file (vis-network inlined, no network request; see :mod:`view_html`).

- ``plan``: one plan's tree, plan → actions → measures, with the agencies that lead or take
  part in each measure (hierarchical layout);
- ``agencies``: agencies linked by the measures they share, sized by measures led, coloured by
  agency type, across every plan given;
- ``types``: agency types × regions, edges weighted by measures led (and taken part in).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
from plankg.graph import view_style as style
from plankg.graph.build import Triple
from plankg.graph.view_facts import PlanGraph, ViewError, bilingual, class_label
from plankg.ontology import PK
from rdflib import URIRef

VIEWS = ("plan", "agencies", "types")
MEASURE_LABEL_CHARS = 16
TITLE_REGIONS = 5
ROLES = ("lead", "partner")
SHARED_MEASURES = "共同承担的举措 shared measures"
SIZE_NOTE = "节点大小 = 牵头举措数 node size = measures led"

__all__ = [
    "VIEWS",
    "LegendEntry",
    "View",
    "ViewEdge",
    "ViewError",
    "ViewNode",
    "agency_view",
    "build_view",
    "plan_view",
    "render_html",
    "types_view",
    "write_view",
]

Facets = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class ViewNode:
    id: str
    kind: str
    label: str
    """Drawn on the canvas (short)."""
    label_zh: str
    label_en: str
    color: str | None = None
    size: float | None = None
    level: int | None = None
    """Depth in the plan tree: plan 0, actions 1, measures 2, agencies 3."""
    x: float | None = None
    y: float | None = None
    text: str | None = None
    """The source sentence, for measures."""
    facets: Facets = field(default_factory=dict)
    """Values the filter menu selects on: ``region``, ``type``, ``role``."""
    details: tuple[str, ...] = ()
    """Lines for the details panel (an agency's tasks, a type's regions)."""
    style: str | None = None
    """A drawing style other than the kind's (see ``view_style.NODE_STYLES``)."""


@dataclass(frozen=True)
class ViewEdge:
    source: str
    target: str
    kind: str
    weight: int = 1
    role: str | None = None
    text: str | None = None
    """The source clauses behind a lead or partner edge, or what a weight counts."""


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str
    mark: str
    """``dot``, ``box``, ``line``, ``dashed`` or ``note``."""


@dataclass(frozen=True)
class View:
    name: str
    title: str
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    legend: tuple[LegendEntry, ...]
    options: dict[str, Any]
    edge_labels: dict[str, str] = field(default_factory=dict)
    """What each kind of edge means, for tooltips."""

    def counts(self) -> tuple[int, int]:
        return len(self.nodes), len(self.edges)


def facet_labels() -> dict[str, str]:
    return {
        "region": bilingual(PK.Region),
        "type": bilingual(PK.AgencyType),
        "role": bilingual(PK.Role),
    }


def _agency_node(g: PlanGraph, agency: str, roles: Iterable[str], **extra: Any) -> ViewNode:
    types = g.agency_types(agency)
    first = types[0].rsplit("/", 1)[1] if types else "unclassified"
    region = g.jurisdiction(agency)
    type_names = ", ".join(g.text(t, "prefLabel_en") for t in types)
    return ViewNode(
        id=agency,
        kind="agency",
        label=extra.pop("label", g.text(agency)),
        label_zh=f"{g.text(agency)}（{region}）",
        label_en=f"{class_label(PK.Agency)[1]} — {type_names}",
        color=style.type_colors().get(first, style.UNCLASSIFIED_COLOR),
        facets={
            "region": (region,),
            "type": tuple(g.type_label(t) for t in types),
            "role": tuple(g.role_label(r) for r in ROLES if r in roles),
        },
        **extra,
    )


def _type_legend(g: PlanGraph, nodes: Iterable[ViewNode]) -> list[LegendEntry]:
    """One entry per agency type drawn, by the colour of its nodes (an agency's first type)."""
    seen = {
        _first_type_label(g, node): node.color or style.UNCLASSIFIED_COLOR
        for node in nodes
        if node.kind in ("agency", "type")
    }
    return [LegendEntry(label, color, "dot") for label, color in sorted(seen.items())]


def _first_type_label(g: PlanGraph, node: ViewNode) -> str:
    if node.kind == "type":
        return g.type_label(node.id)
    types = g.agency_types(node.id)
    return g.type_label(types[0]) if types else ""


def _role_labels(g: PlanGraph) -> dict[str, str]:
    return {role: g.role_label(role) for role in ROLES}


def _role_edge_legend(g: PlanGraph) -> list[LegendEntry]:
    return [
        LegendEntry(g.role_label(role), style.EDGE_STYLES[role]["color"], mark)
        for role, mark in (("lead", "line"), ("partner", "dashed"))
    ]


def plan_view(source: Iterable[Triple] | nx.MultiDiGraph, plan: str | None = None) -> View:
    """One plan's tree with the agencies attached to its measures by lead and partner edges
    (drawn from measure to agency, so every edge points down the tree)."""
    g = PlanGraph(source)
    plan = g.find_plan(plan)
    region = g.plan_region(plan)
    period = f"{g.text(plan, 'periodStart')}–{g.text(plan, 'periodEnd')}".strip("–")
    nodes = [
        ViewNode(
            plan,
            "plan",
            f"{region}\n{period}",
            g.text(plan),
            f"{class_label(PK.Plan)[1]}: {region} {period}",
            level=0,
            facets={"region": (region,)},
        )
    ]
    edges: list[ViewEdge] = []
    tasks: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for action in g.actions(plan):
        nodes.append(_action_node(g, action, region))
        edges.append(ViewEdge(plan, action, "hasAction"))
        for measure in g.measures(action):
            nodes.append(_measure_node(g, measure, region))
            edges.append(ViewEdge(action, measure, "hasMeasure"))
            for role in ROLES:
                for agency in g.agencies_in(measure, role):
                    tasks[agency][role].append(measure)
                    clauses = "\n".join(g.assignment_clauses(agency, role, measure)) or None
                    edges.append(ViewEdge(measure, agency, role, 1, g.role_label(role), clauses))
    for agency in sorted(tasks):
        nodes.append(
            _agency_node(
                g,
                agency,
                tasks[agency],
                level=3,
                style="tree_agency",
                details=_task_lines(g, tasks[agency]),
            )
        )
    legend = [
        LegendEntry(bilingual(PK.Plan), style.NODE_STYLES["plan"]["color"], "box"),
        LegendEntry(bilingual(PK.Action), style.NODE_STYLES["action"]["color"], "box"),
        LegendEntry(bilingual(PK.Measure), style.NODE_STYLES["measure"]["color"], "box"),
        *_role_edge_legend(g),
        *_type_legend(g, nodes),
    ]
    nodes = _tree_layout(nodes, edges)
    options = style.merged(style.COMMON_OPTIONS, style.PLAN_OPTIONS)
    labels = {"hasAction": bilingual(PK.hasAction), "hasMeasure": bilingual(PK.hasMeasure)}
    labels |= _role_labels(g)
    return View("plan", g.text(plan), tuple(nodes), tuple(edges), tuple(legend), options, labels)


def _tree_layout(nodes: list[ViewNode], edges: list[ViewEdge]) -> list[ViewNode]:
    """Columns by tree level, left to right. Measures one per row in plan order; each action
    centred on its measures and the plan on its actions; agencies ordered by the mean row of the
    measures they lead (else take part in), spread over the measures' height."""
    row = style.TREE_ROW
    y: dict[str, float] = {}
    measures = [n.id for n in nodes if n.level == 2]
    y.update((m, i * row) for i, m in enumerate(measures))
    children: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        if edge.kind in ("hasAction", "hasMeasure"):
            children[edge.source].append(edge.target)
    for level in (1, 0):
        for node in (n for n in nodes if n.level == level):
            rows = [y[c] for c in children[node.id] if c in y]
            y[node.id] = sum(rows) / len(rows) if rows else 0.0
    agencies = [n.id for n in nodes if n.level == 3]
    order = sorted(agencies, key=lambda a: (_mean_row(a, edges, y), a))
    height = max(y[measures[-1]] if measures else 0.0, (len(order) - 1) * row)
    step = height / max(len(order) - 1, 1)
    top = (y[measures[-1]] - height) / 2 if measures else 0.0
    y.update((a, top + i * step) for i, a in enumerate(order))
    return [replace(n, x=(n.level or 0) * style.TREE_COLUMN, y=round(y[n.id], 1)) for n in nodes]


def _mean_row(agency: str, edges: list[ViewEdge], y: dict[str, float]) -> float:
    for kind in ROLES:
        rows = [y[e.source] for e in edges if e.target == agency and e.kind == kind]
        if rows:
            return sum(rows) / len(rows)
    return 0.0


def _action_class(g: PlanGraph, action: str) -> URIRef:
    return PK.EnhancementAction if "EnhancementAction" in g.types(action) else PK.KeyProject


def _action_node(g: PlanGraph, action: str, region: str) -> ViewNode:
    kind_class = _action_class(g, action)
    population = g.one(action, "targetPopulation")
    label_en = f"{class_label(kind_class)[1]} {g.attr(action, 'number')}"
    if population:
        label_en += f" — {g.text(population, 'prefLabel_en')}"
    return ViewNode(
        action,
        "action",
        f"{g.action_label(action)} {g.text(action, 'title')}",
        f"{g.action_label(action)}：{g.text(action, 'title')}",
        label_en,
        level=1,
        facets={"region": (region,)},
    )


def _measure_node(g: PlanGraph, measure: str, region: str) -> ViewNode:
    ref = g.measure_ref(measure)
    label = ref if len(ref) <= MEASURE_LABEL_CHARS else ref[: MEASURE_LABEL_CHARS - 1] + "…"
    action = g.action_of(measure)
    number = f"{g.attr(action, 'number')}.{g.attr(measure, 'number')}"
    kind_en = class_label(_action_class(g, action))[1]
    return ViewNode(
        measure,
        "measure",
        label,
        ref,
        f"{class_label(PK.Measure)[1]} {number} ({kind_en} {g.attr(action, 'number')})",
        level=2,
        text=g.text(measure, "sourceText") or None,
        facets={"region": (region,)},
    )


def _task_lines(g: PlanGraph, tasks: dict[str, list[str]], with_region: bool = False) -> tuple:
    lines = []
    for role in ROLES:
        for measure in tasks.get(role, []):
            where = f"{g.plan_region(_plan_of(g, measure))} " if with_region else ""
            lines.append(f"{g.role_label(role)} · {where}{g.measure_ref(measure)}")
    return tuple(lines)


def _plan_of(g: PlanGraph, measure: str) -> str:
    return g.sources(g.action_of(measure), "hasAction")[0]


def agency_view(
    source: Iterable[Triple] | nx.MultiDiGraph, plans: Sequence[str] | None = None
) -> View:
    """Agencies (per jurisdiction) of the plans, linked when they lead or take part in the same
    measures; edge weight = measures shared."""
    g = PlanGraph(source)
    chosen = g.find_plans(plans)
    tasks: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    shared: Counter[tuple[str, str]] = Counter()
    for measure in g.plan_measures(chosen):
        involved = set()
        for role in ROLES:
            for agency in g.agencies_in(measure, role):
                tasks[agency][role].append(measure)
                involved.add(agency)
        shared.update(combinations(sorted(involved), 2))
    many = len({g.jurisdiction(a) for a in tasks}) > 1
    nodes = [
        _agency_node(
            g,
            agency,
            tasks[agency],
            label=f"{g.text(agency)}\n{g.jurisdiction(agency)}" if many else g.text(agency),
            size=style.agency_size(len(set(tasks[agency].get("lead", [])))),
            details=_task_lines(g, tasks[agency], with_region=many),
        )
        for agency in sorted(tasks)
    ]
    edges = [ViewEdge(a, b, "shared", weight=n) for (a, b), n in sorted(shared.items())]
    legend = [
        LegendEntry(SHARED_MEASURES, style.EDGE_STYLES["shared"]["color"], "line"),
        LegendEntry(SIZE_NOTE, "", "note"),
        *_type_legend(g, nodes),
    ]
    options = style.merged(style.COMMON_OPTIONS, style.network_options(len(nodes)))
    title = f"{bilingual(PK.Agency)} · {_regions_named(g, chosen)}"
    labels = {"shared": SHARED_MEASURES}
    return View("agencies", title, tuple(nodes), tuple(edges), tuple(legend), options, labels)


def _regions_named(g: PlanGraph, plans: list[str]) -> str:
    names = [g.plan_region(p) for p in plans]
    if len(names) <= TITLE_REGIONS:
        return "、".join(names)
    return f"{'、'.join(names[:TITLE_REGIONS])}… {len(names)} 个方案 plans"


def types_view(
    source: Iterable[Triple] | nx.MultiDiGraph, plans: Sequence[str] | None = None
) -> View:
    """Agency types × regions: an edge per role, weighted by the measures that agencies of the
    type lead (or take part in) in the region. A merged bureau counts for each of its types."""
    g = PlanGraph(source)
    chosen = g.find_plans(plans)
    counted: dict[tuple[str, str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    regions: dict[str, str] = {}
    for plan in chosen:
        region = g.one(plan, "region") or plan
        regions[region] = g.plan_region(plan)
        for measure in g.plan_measures([plan]):
            for role in ROLES:
                for agency in g.agencies_in(measure, role):
                    for agency_type in g.agency_types(agency):
                        counted[(agency_type, region, role)][g.text(agency)].add(measure)
    edges = [
        ViewEdge(
            agency_type,
            region,
            role,
            weight=len(set().union(*by_agency.values())),
            role=g.role_label(role),
            text="、".join(f"{a} {len(m)}" for a, m in sorted(by_agency.items())),
        )
        for (agency_type, region, role), by_agency in sorted(counted.items())
    ]
    nodes = [_region_node(g, region, label, edges) for region, label in sorted(regions.items())]
    types = sorted({e.source for e in edges})
    nodes += [_type_node(g, agency_type, edges, regions) for agency_type in types]
    legend = [
        LegendEntry(bilingual(PK.Region), style.NODE_STYLES["region"]["color"], "box"),
        *_role_edge_legend(g),
        LegendEntry(SIZE_NOTE, "", "note"),
        *_type_legend(g, nodes),
    ]
    options = style.merged(style.COMMON_OPTIONS, style.network_options(len(nodes)))
    title = f"{bilingual(PK.AgencyType)} × {bilingual(PK.Region)}"
    labels = _role_labels(g)
    return View("types", title, tuple(nodes), tuple(edges), tuple(legend), options, labels)


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


def build_view(
    source: Iterable[Triple] | nx.MultiDiGraph,
    name: str,
    plans: Sequence[str] | None = None,
) -> View:
    """The view called ``name``; ``plans`` picks plans by region or key (the plan view takes
    one, default the first plan; the others default to all plans)."""
    if name == "plan":
        if plans and len(plans) > 1:
            raise ViewError("the plan view shows one plan; name one with --plan")
        return plan_view(source, plans[0] if plans else None)
    if name == "agencies":
        return agency_view(source, plans)
    if name == "types":
        return types_view(source, plans)
    raise ViewError(f"no view {name!r}; views: {', '.join(VIEWS)}")


def render_html(view: View) -> str:
    """The view as one self-contained HTML page."""
    from plankg.graph.view_html import render_page

    return render_page(view, facet_labels())


def write_view(
    source: Iterable[Triple] | nx.MultiDiGraph,
    name: str,
    out: Path,
    plans: Sequence[str] | None = None,
) -> View:
    """Build the view, render it and write it to ``out`` (folders created)."""
    view = build_view(source, name, plans)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(view), encoding="utf-8")
    return view
