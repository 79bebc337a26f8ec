"""What a view is, apart from how it is drawn: nodes, edges, a legend and vis-network options.
Every view builder returns a :class:`View`; :mod:`plankg.graph.views.html` renders one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plankg.graph.views.matrix import TaskMatrix

Facets = dict[str, tuple[str, ...]]
Counts = dict[str, tuple[int, int, int]]
"""Region → (measures led, measures taken part in, actions led)."""
SharedMeasure = tuple[str, bool, bool]
"""A measure two agencies share: its reference, and whether the edge's source and target lead
it (else they take part in it)."""


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
    """A drawing style other than the kind's (see ``style.NODE_STYLES``)."""
    counts: Counts = field(default_factory=dict)
    """What the node does in each region, shown on hover and in the details panel; sizes
    follow it when a filter picks regions or a role."""
    legend: str | None = None
    """The legend entry the node is counted under (its colour's agency type)."""


@dataclass(frozen=True)
class ViewEdge:
    source: str
    target: str
    kind: str
    weight: int = 1
    role: str | None = None
    text: str | None = None
    """The source clauses behind a lead or partner edge, or what a weight counts."""
    weights: tuple[int, int, int] | None = None
    """For an edge between agencies: measures shared, measures both lead, measures both take
    part in (the weight the role filter picks)."""
    measures: tuple[SharedMeasure, ...] = ()


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str
    mark: str
    """``dot``, ``box``, ``line``, ``dashed`` or ``note``."""
    family: str | None = None
    """For an agency type: its family's label (the legend groups types by family)."""


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
    roles: dict[str, str] = field(default_factory=dict)
    """``lead`` and ``partner`` → their labels, as the role filter shows them."""
    scope: str = ""
    """The part of the title that names the plans drawn; the page puts the chosen region
    there when a filter picks one."""
    controls: tuple[str, ...] = ()
    """Controls beyond search and filters: ``min_shared`` (a slider on the weight of edges),
    ``co_lead`` (edges of measures both ends lead, only)."""
    edge_styles: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Edge styles of this view that differ from ``style.EDGE_STYLES``."""
    declutter: bool = False
    """Labels drawn by the page: sized by measures led, hidden when too small to read or when
    they would overlap a more important one, and each group's region named once."""
    matrix: TaskMatrix | None = None
    """For the tasks view: the table of task families × plans it is drawn as (the page is a
    table, not a network)."""

    def counts(self) -> tuple[int, int]:
        return len(self.nodes), len(self.edges)
