"""Nodes, legends and labels the views share: an agency, an action, a measure, the legend of
agency types and of roles."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from plankg.graph.views import style
from plankg.graph.views.facts import PlanGraph, bilingual, class_label
from plankg.graph.views.model import LegendEntry, ViewNode
from plankg.ontology import PK
from plankg.ontology.taxonomy import UNCLASSIFIED, family_list, type_families
from rdflib import URIRef

MEASURE_LABEL_CHARS = 16
ROLES = ("lead", "partner")
SIZE_NOTE = "节点大小 = 牵头举措数 node size = measures led"
COUNT_LABELS = ("牵头举措 measures led", "参与举措 measures partnered", "牵头行动 actions led")
"""What the numbers of :attr:`ViewNode.counts` are, as hover and details show them."""
Tasks = dict[str, dict[str, list[str]]]
"""Agency → role → the measures it has that role in."""


def facet_labels() -> dict[str, str]:
    return {
        "region": bilingual(PK.Region),
        "type": bilingual(PK.AgencyType),
        "role": bilingual(PK.Role),
        "action": bilingual(PK.CanonicalAction),
    }


def agency_node(g: PlanGraph, agency: str, tasks: dict[str, list[str]], **extra: Any) -> ViewNode:
    """An agency, coloured by its first type, with what it does where."""
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
            "role": tuple(g.role_label(r) for r in ROLES if tasks.get(r)),
        },
        counts={region: task_counts(g, tasks)},
        legend=g.type_label(types[0]) if types else None,
        **extra,
    )


def task_counts(g: PlanGraph, tasks: dict[str, list[str]]) -> tuple[int, int, int]:
    """(measures led, measures taken part in, actions led)."""
    led = set(tasks.get("lead", []))
    actions = {g.action_of(m) for m in led}
    return len(led), len(set(tasks.get("partner", []))), len(actions)


def type_legend(g: PlanGraph, nodes: Iterable[ViewNode]) -> list[LegendEntry]:
    """One entry per agency type drawn, by the colour of its nodes (an agency's first type),
    grouped by family in the taxonomy's order."""
    seen = {node.legend: node for node in nodes if node.legend}
    families = type_families()
    family_of = {label: families[URIRef(_first_type(g, node))] for label, node in seen.items()}
    rank = {f.code: i for i, f in enumerate(family_list())}
    ordered = sorted(seen, key=lambda label: (rank[family_of[label].code], label))
    return [
        LegendEntry(
            label,
            seen[label].color or style.UNCLASSIFIED_COLOR,
            "dot",
            family=f"{family_of[label].zh} {family_of[label].en}",
        )
        for label in ordered
    ]


def _first_type(g: PlanGraph, node: ViewNode) -> str:
    if node.kind == "type":
        return node.id
    types = g.agency_types(node.id)
    return types[0] if types else str(UNCLASSIFIED)


def role_labels(g: PlanGraph) -> dict[str, str]:
    return {role: g.role_label(role) for role in ROLES}


def role_edge_legend(g: PlanGraph) -> list[LegendEntry]:
    return [
        LegendEntry(g.role_label(role), style.EDGE_STYLES[role]["color"], mark)
        for role, mark in (("lead", "line"), ("partner", "dashed"))
    ]


def action_class(g: PlanGraph, action: str) -> URIRef:
    return PK.EnhancementAction if "EnhancementAction" in g.types(action) else PK.KeyProject


def action_node(g: PlanGraph, action: str, region: str) -> ViewNode:
    kind_class = action_class(g, action)
    population = g.one(action, "targetPopulation")
    label_en = f"{class_label(kind_class)[1]} {g.number(action)}"
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


def measure_node(g: PlanGraph, measure: str, region: str) -> ViewNode:
    ref = g.measure_ref(measure)
    label = ref if len(ref) <= MEASURE_LABEL_CHARS else ref[: MEASURE_LABEL_CHARS - 1] + "…"
    action = g.action_of(measure)
    number = f"{g.number(action)}.{g.number(measure)}"
    kind_en = class_label(action_class(g, action))[1]
    return ViewNode(
        measure,
        "measure",
        label,
        ref,
        f"{class_label(PK.Measure)[1]} {number} ({kind_en} {g.number(action)})",
        level=2,
        text=str(g.clause(measure) or "") or None,
        facets={"region": (region,)},
    )


def task_lines(
    g: PlanGraph, tasks: dict[str, list[str]], with_region: bool = False
) -> tuple[str, ...]:
    """An agency's tasks, role by role: ``牵头单位 lead · 提升行动1.2 …``."""
    lines = []
    for role in ROLES:
        for measure in tasks.get(role, []):
            where = f"{g.measure_region(measure)} " if with_region else ""
            lines.append(f"{g.role_label(role)} · {where}{g.measure_ref(measure)}")
    return tuple(lines)
