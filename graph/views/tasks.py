"""The ``tasks`` view: the same task of different cities side by side, drawn as a table. A row
per task family (grouped under its canonical action), a column per plan, and in each cell the
plan's measure of that family (``1.3`` and its title) with its lead agencies coloured by type;
an empty cell is a plan without such a measure. The view's nodes and edges (canonical action →
family → measure, and the regions) are kept for notebooks and counts; the page draws
:attr:`View.matrix`."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median_low

from plankg.graph.analysis.facts import facts_of
from plankg.graph.analysis.tasks import Family, Member, families_of
from plankg.graph.rdf.networkx_graph import ACTION_KINDS, Source
from plankg.graph.views import style
from plankg.graph.views.facts import PlanGraph, ViewError, bilingual, class_label
from plankg.graph.views.matrix import TaskColumn, TaskGroup, TaskMatrix, TaskRow
from plankg.graph.views.model import LegendEntry, View, ViewEdge, ViewNode
from plankg.graph.views.task_cells import task_cell, type_legend
from plankg.ontology import PK


def tasks_view(source: Source, plans: Sequence[str] | None = None) -> View:
    """Canonical actions → task families → the member measure of each plan, as a table."""
    g = PlanGraph(source)
    chosen = g.find_plans(plans)
    families = [f for f in families_of(facts_of(g.graph)) if _members(f, chosen)]
    if not families:
        raise ViewError("the graph holds no task family of the plans chosen")
    groups = [_group(g, canonical, families, chosen) for canonical in _canonicals(families, g)]
    matrix = TaskMatrix(tuple(_column(g, plan) for plan in chosen), tuple(groups))
    nodes = [_region_node(g, plan) for plan in chosen]
    edges: list[ViewEdge] = []
    for canonical in _canonicals(families, g):
        _add_group(g, [f for f in families if f.canonical == canonical], chosen, nodes, edges)
    title = f"{bilingual(PK.TaskFamily)} × {bilingual(PK.Region)}"
    legend = type_legend(g, matrix) + _legend()
    return View("tasks", title, tuple(nodes), tuple(edges), tuple(legend), {}, matrix=matrix)


def _canonicals(families: list[Family], g: PlanGraph) -> list[str]:
    """The canonical actions in the order the plans give them: by the median place of their
    members' actions (enhancement actions first, then key projects, by number)."""
    places: dict[str, list[tuple[bool, int]]] = {}
    for family in families:
        for member in family.members:
            action = g.action_of(member.measure)
            places.setdefault(family.canonical, []).append(
                (g.action_kind(action) != ACTION_KINDS[0], g.number(action))
            )
    return sorted(places, key=lambda c: (median_low(places[c]), c))


def _members(family: Family, plans: Sequence[str]) -> list[Member]:
    return [m for m in family.members if m.plan in plans]


def _family_id(family: Family) -> str:
    return f"family:{family.key}"


def _column(g: PlanGraph, plan: str) -> TaskColumn:
    return TaskColumn(plan, g.region(plan), g.plan_key(plan))


def _canonical_names(g: PlanGraph, family: Family) -> tuple[str, str]:
    node = g.one(family.members[0].measure, "memberOf")
    canonical = g.one(node, "familyAction") if node else None
    if canonical is None:
        return family.canonical, ""
    return g.text(canonical, "prefLabel"), g.text(canonical, "prefLabel_en")


def _group(g: PlanGraph, canonical: str, families: list[Family], plans: Sequence[str]) -> TaskGroup:
    group = [f for f in families if f.canonical == canonical]
    rows = sorted((_row(g, f, plans) for f in group), key=lambda r: (-r.plans, r.family))
    return TaskGroup(*_canonical_names(g, group[0]), tuple(rows))


def _row(g: PlanGraph, family: Family, plans: Sequence[str]) -> TaskRow:
    members = {m.plan: m for m in _members(family, plans)}
    cells = tuple(task_cell(g, members[p]) if p in members else None for p in plans)
    types = [frozenset(t for lead in c.leads for t in lead.types) for c in cells if c]
    different = len(types) > 1 and len(set(types)) > 1
    common = tuple(sorted(frozenset.intersection(*types)))
    return TaskRow(_family_id(family), family.title, len(types), cells, different, common)


def _add_group(
    g: PlanGraph,
    group: list[Family],
    plans: Sequence[str],
    nodes: list[ViewNode],
    edges: list[ViewEdge],
) -> None:
    zh, en = _canonical_names(g, group[0])
    action = ViewNode(
        f"canonical:{group[0].canonical}",
        "plan",
        zh,
        zh,
        f"{class_label(PK.CanonicalAction)[1]}: {en}".strip(": "),
        facets={"action": (zh,)},
    )
    nodes.append(action)
    for family in group:
        nodes.append(_family_node(g, family, plans, zh))
        edges.append(ViewEdge(action.id, _family_id(family), "hasAction"))
        for member in _members(family, plans):
            nodes.append(_member_node(g, member, zh))
            edges.append(ViewEdge(_family_id(family), member.measure, "hasMeasure"))


def _region_node(g: PlanGraph, plan: str) -> ViewNode:
    region = g.region(plan)
    label = f"{region}（{g.plan_key(plan)}）"
    en = class_label(PK.Region)[1]
    return ViewNode(plan, "region", region, label, en, facets={"region": (region,)})


def _family_node(g: PlanGraph, family: Family, plans: Sequence[str], action: str) -> ViewNode:
    members = _members(family, plans)
    regions = tuple(sorted({g.region(m.plan) for m in members}))
    return ViewNode(
        _family_id(family),
        "action",
        family.title,
        family.title,
        f"{class_label(PK.TaskFamily)[1]} ({len(members)}/{len(plans)})",
        facets={"region": regions, "action": (action,)},
    )


def _member_node(g: PlanGraph, member: Member, action: str) -> ViewNode:
    region = g.region(member.plan)
    leads = g.agencies_in(member.measure, "lead")
    types = sorted({g.type_label(t) for a in leads for t in g.agency_types(a)})
    title = g.text(member.measure, "title")
    return ViewNode(
        member.measure,
        "measure",
        title,
        title,
        f"{region} {member.position}",
        facets={"region": (region,), "type": tuple(types), "action": (action,)},
    )


def _legend() -> list[LegendEntry]:
    return [LegendEntry("无此任务 missing", style.MISSING_COLOR, "box")]
