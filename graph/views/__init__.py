"""Interactive views of the plans, each one self-contained HTML file that opens offline:
:data:`VIEWS` names them (``plan``, ``agencies``, ``types``, ``tasks``); a builder makes a
:class:`View` from the graph, :func:`render_html` draws it."""

from plankg.graph.views.facts import PlanGraph, ViewError
from plankg.graph.views.html import AssetError
from plankg.graph.views.matrix import TaskCell, TaskColumn, TaskGroup, TaskLead, TaskMatrix, TaskRow
from plankg.graph.views.model import LegendEntry, View, ViewEdge, ViewNode
from plankg.graph.views.networks import agency_view, types_view
from plankg.graph.views.plan import plan_view
from plankg.graph.views.registry import VIEWS, build_view, render_html, write_view
from plankg.graph.views.tasks import tasks_view

__all__ = [
    "VIEWS",
    "AssetError",
    "LegendEntry",
    "PlanGraph",
    "TaskCell",
    "TaskColumn",
    "TaskGroup",
    "TaskLead",
    "TaskMatrix",
    "TaskRow",
    "View",
    "ViewEdge",
    "ViewError",
    "ViewNode",
    "agency_view",
    "build_view",
    "plan_view",
    "render_html",
    "tasks_view",
    "types_view",
    "write_view",
]
