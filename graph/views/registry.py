"""The views by name, and writing one as a self-contained HTML page.

- ``plan``: one plan's tree, plan → actions → measures, with the agencies that lead or take
  part in each measure (:func:`~plankg.graph.views.plan.plan_view`);
- ``agencies``: agencies linked by the measures they share, sized by measures led, coloured by
  agency type, across every plan given (:func:`~plankg.graph.views.networks.agency_view`);
- ``types``: agency types × regions, edges weighted by measures led (and taken part in)
  (:func:`~plankg.graph.views.networks.types_view`);
- ``tasks``: the same task of different cities side by side: a table of task families in rows
  under their canonical action, a column per plan, each cell the plan's measure and its lead
  agencies (:func:`~plankg.graph.views.tasks.tasks_view`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from plankg.files import write_texts
from plankg.graph.rdf.networkx_graph import Source
from plankg.graph.views.facts import ViewError
from plankg.graph.views.html import render_page
from plankg.graph.views.model import View
from plankg.graph.views.networks import agency_view, types_view
from plankg.graph.views.nodes import facet_labels
from plankg.graph.views.plan import plan_view
from plankg.graph.views.table_page import render_table_page
from plankg.graph.views.tasks import tasks_view

VIEWS: dict[str, Callable[[Source, Sequence[str] | None], View]] = {
    "plan": lambda source, plans: plan_view(source, _one_plan(plans)),
    "agencies": agency_view,
    "types": types_view,
    "tasks": tasks_view,
}
"""The views by name, each drawn from a graph and the plans asked for."""


def _one_plan(plans: Sequence[str] | None) -> str | None:
    if plans and len(plans) > 1:
        raise ViewError("the plan view shows one plan; name one with --plan")
    return plans[0] if plans else None


def build_view(source: Source, name: str, plans: Sequence[str] | None = None) -> View:
    """The view called ``name``; ``plans`` picks plans by region or key (the plan view takes
    one, default the first plan; the others default to all plans)."""
    if name not in VIEWS:
        raise ViewError(f"no view {name!r}; views: {', '.join(VIEWS)}")
    return VIEWS[name](source, plans)


def render_html(view: View) -> str:
    """The view as one self-contained HTML page: a network, or the tasks view's table."""
    if view.matrix is not None:
        return render_table_page(view, view.matrix, facet_labels())
    return render_page(view, facet_labels())


def write_view(source: Source, name: str, out: Path, plans: Sequence[str] | None = None) -> View:
    """Build the view, render it and write it to ``out`` (folders created)."""
    view = build_view(source, name, plans)
    write_texts({out: render_html(view)})
    return view
