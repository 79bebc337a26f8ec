"""The ``plan`` view: one plan's tree, plan → actions → measures, with the agencies that lead or
take part in each measure, laid out in columns by level."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from plankg.graph.rdf.networkx_graph import Source
from plankg.graph.views import style
from plankg.graph.views.facts import PlanGraph, bilingual, class_label
from plankg.graph.views.model import LegendEntry, View, ViewEdge, ViewNode
from plankg.graph.views.nodes import (
    ROLES,
    Tasks,
    action_node,
    agency_node,
    measure_node,
    role_edge_legend,
    role_labels,
    task_lines,
    type_legend,
)
from plankg.ontology import PK


def plan_view(source: Source, plan: str | None = None) -> View:
    """One plan's tree with the agencies attached to its measures by lead and partner edges
    (drawn from measure to agency, so every edge points down the tree)."""
    g = PlanGraph(source)
    plan = g.find_plan(plan)
    tasks: Tasks = defaultdict(lambda: defaultdict(list))
    nodes, edges = _plan_tree(g, plan, tasks)
    nodes += _tree_agencies(g, tasks)
    legend = _plan_legend(g, nodes)
    options = style.merged(style.COMMON_OPTIONS, style.PLAN_OPTIONS)
    laid_out = tuple(_tree_layout(nodes, edges))
    return View(
        "plan",
        g.text(plan),
        laid_out,
        tuple(edges),
        legend,
        options,
        _edge_labels(g),
        roles=role_labels(g),
    )


def _plan_node(g: PlanGraph, plan: str) -> ViewNode:
    region = g.region(plan)
    period = f"{g.text(plan, 'periodStart')}–{g.text(plan, 'periodEnd')}".strip("–")
    return ViewNode(
        plan,
        "plan",
        f"{region}\n{period}",
        g.text(plan),
        f"{class_label(PK.Plan)[1]}: {region} {period}",
        level=0,
        facets={"region": (region,)},
    )


def _plan_tree(g: PlanGraph, plan: str, tasks: Tasks) -> tuple[list[ViewNode], list[ViewEdge]]:
    """The plan, its actions and measures, the edges between them and from each measure to
    its agencies; ``tasks`` collects what each agency does."""
    region = g.region(plan)
    nodes, edges = [_plan_node(g, plan)], []
    for action in g.actions(plan):
        nodes.append(action_node(g, action, region))
        edges.append(ViewEdge(plan, action, "hasAction"))
        for measure in g.measures(action):
            nodes.append(measure_node(g, measure, region))
            edges.append(ViewEdge(action, measure, "hasMeasure"))
            edges += _role_edges(g, measure, tasks)
    return nodes, edges


def _role_edges(g: PlanGraph, measure: str, tasks: Tasks) -> list[ViewEdge]:
    edges = []
    for role in ROLES:
        for agency in g.agencies_in(measure, role):
            tasks[agency][role].append(measure)
            clauses = "\n".join(g.assignment_clauses(agency, role, measure)) or None
            edges.append(ViewEdge(measure, agency, role, 1, g.role_label(role), clauses))
    return edges


def _tree_agencies(g: PlanGraph, tasks: Tasks) -> list[ViewNode]:
    return [
        agency_node(
            g,
            agency,
            tasks[agency],
            level=3,
            style="tree_agency",
            details=task_lines(g, tasks[agency]),
        )
        for agency in sorted(tasks)
    ]


def _plan_legend(g: PlanGraph, nodes: list[ViewNode]) -> tuple[LegendEntry, ...]:
    return (
        LegendEntry(bilingual(PK.Plan), style.NODE_STYLES["plan"]["color"], "box"),
        LegendEntry(bilingual(PK.Action), style.NODE_STYLES["action"]["color"], "box"),
        LegendEntry(bilingual(PK.Measure), style.NODE_STYLES["measure"]["color"], "box"),
        *role_edge_legend(g),
        *type_legend(g, nodes),
    )


def _edge_labels(g: PlanGraph) -> dict[str, str]:
    labels = {"hasAction": bilingual(PK.hasAction), "hasMeasure": bilingual(PK.hasMeasure)}
    return labels | role_labels(g)


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
