"""The ``tasks`` view: the same task of different cities side by side. A column per region, a
row per task family (grouped under its canonical action, at the left), and in each cell the
region's measure of that family with its lead agencies; an empty cell is a region whose plan
has no such measure. Filters by region, agency type (of the leads) and canonical action."""

from __future__ import annotations

from collections.abc import Sequence

from plankg.graph.analysis.facts import facts_of
from plankg.graph.analysis.tasks import Family, Member, families_of
from plankg.graph.rdf.networkx_graph import Source
from plankg.graph.views import style
from plankg.graph.views.facts import PlanGraph, ViewError, bilingual, class_label
from plankg.graph.views.model import LegendEntry, View, ViewEdge, ViewNode
from plankg.ontology import PK

COLUMN = 300
"""The width of a region's column."""
ROW = 60
"""The height of a family's row."""
LABEL_CHARS = 16
"""Characters of a title drawn on the canvas (the whole title is in the tooltip)."""


def tasks_view(source: Source, plans: Sequence[str] | None = None) -> View:
    """Canonical actions → task families → the member measure of each region, in a grid."""
    g = PlanGraph(source)
    chosen = g.find_plans(plans)
    families = [f for f in families_of(facts_of(g.graph)) if _members(f, chosen)]
    if not families:
        raise ViewError("the graph holds no task family of the plans chosen")
    columns = {plan: (i + 1) * COLUMN for i, plan in enumerate(chosen)}
    nodes = [_region_node(g, plan, x) for plan, x in columns.items()]
    edges: list[ViewEdge] = []
    row = 0
    for canonical in dict.fromkeys(f.canonical for f in families):
        group = [f for f in families if f.canonical == canonical]
        action = _canonical_node(g, group, (row + 1) * ROW)
        nodes.append(action)
        for family in group:
            row += 1
            nodes.append(_family_node(g, family, chosen, row * ROW, action.label_zh))
            edges.append(ViewEdge(action.id, _family_id(family), "hasAction"))
            for member in _members(family, chosen):
                x = columns[member.plan]
                nodes.append(_member_node(g, member, x, row * ROW, action.label_zh))
                edges.append(ViewEdge(_family_id(family), member.measure, "hasMeasure"))
        row += 1
    legend = _legend()
    options = style.merged(style.COMMON_OPTIONS, style.PLAN_OPTIONS)
    title = f"{bilingual(PK.TaskFamily)} × {bilingual(PK.Region)}"
    return View("tasks", title, tuple(nodes), tuple(edges), legend, options, _edge_labels())


def _members(family: Family, plans: Sequence[str]) -> list[Member]:
    return [m for m in family.members if m.plan in plans]


def _family_id(family: Family) -> str:
    return f"family:{family.key}"


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _region_node(g: PlanGraph, plan: str, x: float) -> ViewNode:
    region = g.region(plan)
    return ViewNode(
        plan,
        "region",
        region,
        f"{region}（{g.plan_key(plan)}）",
        class_label(PK.Region)[1],
        x=x,
        y=0,
        facets={"region": (region,)},
    )


def _canonical_node(g: PlanGraph, group: list[Family], y: float) -> ViewNode:
    family = g.one(group[0].members[0].measure, "memberOf")
    canonical = g.one(family, "familyAction") if family else None
    zh = g.text(canonical, "prefLabel") if canonical else group[0].canonical
    en = g.text(canonical, "prefLabel_en") if canonical else ""
    return ViewNode(
        f"canonical:{group[0].canonical}",
        "plan",
        _short(zh),
        zh,
        f"{class_label(PK.CanonicalAction)[1]}: {en}".strip(": "),
        x=-COLUMN,
        y=y,
        facets={"action": (zh,)},
        details=tuple(f.title for f in group),
    )


def _family_node(
    g: PlanGraph, family: Family, plans: Sequence[str], y: float, action: str
) -> ViewNode:
    members = _members(family, plans)
    regions = tuple(sorted({g.region(m.plan) for m in members}))
    missing = [g.region(p) for p in plans if p not in {m.plan for m in members}]
    lines = [f"{g.region(m.plan)} {m.position} {g.text(m.measure, 'title')}" for m in members]
    if missing:
        lines.append("无此任务 missing: " + "、".join(missing))
    return ViewNode(
        _family_id(family),
        "action",
        _short(family.title),
        family.title,
        f"{class_label(PK.TaskFamily)[1]} ({len(members)}/{len(plans)})",
        x=0,
        y=y,
        facets={"region": regions, "action": (action,)},
        details=tuple(lines),
    )


def _member_node(g: PlanGraph, member: Member, x: float, y: float, action: str) -> ViewNode:
    region = g.region(member.plan)
    leads = g.agencies_in(member.measure, "lead")
    types = sorted({g.text(t, "prefLabel") for a in leads for t in g.agency_types(a)})
    title = g.text(member.measure, "title")
    similarity = g.attr(member.measure, "similarity")
    return ViewNode(
        member.measure,
        "measure",
        _short(title),
        title,
        f"{region} {member.position} (similarity {similarity})",
        x=x,
        y=y,
        text=g.text(member.measure, "description") or None,
        facets={"region": (region,), "type": tuple(types), "action": (action,)},
        details=("牵头 lead: " + ("、".join(sorted(g.text(a) for a in leads)) or "—"),),
    )


def _legend() -> tuple[LegendEntry, ...]:
    return (
        LegendEntry(bilingual(PK.CanonicalAction), style.NODE_STYLES["plan"]["color"], "box"),
        LegendEntry(bilingual(PK.TaskFamily), style.NODE_STYLES["action"]["color"], "box"),
        LegendEntry(bilingual(PK.Measure), style.NODE_STYLES["measure"]["color"], "box"),
        LegendEntry(bilingual(PK.Region), style.NODE_STYLES["region"]["color"], "box"),
    )


def _edge_labels() -> dict[str, str]:
    return {
        "hasAction": bilingual(PK.familyAction),
        "hasMeasure": bilingual(PK.memberOf),
    }
