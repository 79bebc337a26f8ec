"""What a view is, apart from how it is drawn: nodes, edges, a legend and vis-network options.
Every view builder returns a :class:`View`; :mod:`plankg.graph.views.html` renders one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
