"""The tasks view as one self-contained HTML page: a table of task families × plans, its data
as escaped JSON, the script and style from ``templates/tasks.*``. No vis-network: a table of
text is read by the browser's own text rendering, legible at any size, with sticky headers.
The same Content-Security-Policy as the network views (only the page's script, by hash; no
request)."""

from __future__ import annotations

import html
from dataclasses import asdict
from string import Template
from typing import Any

from plankg.graph.views.html import (
    app_script,
    content_policy,
    inline_script,
    inline_style,
    json_for_script,
    template_text,
)
from plankg.graph.views.matrix import TaskMatrix
from plankg.graph.views.model import View

TABLE_SCRIPTS = ("dom.js", "tasks.js")
"""The tasks page's script: these parts in order, in one scope."""


def table_payload(view: View, matrix: TaskMatrix, facet_labels: dict[str, str]) -> dict[str, Any]:
    """What the page script reads: the columns, the groups of rows with their cells, the
    legend and the filters' labels."""
    return {
        "name": view.name,
        "title": view.title,
        "columns": [asdict(column) for column in matrix.columns],
        "groups": [asdict(group) for group in matrix.groups],
        "legend": [asdict(entry) for entry in view.legend],
        "facets": {key: facet_labels[key] for key in ("region", "type", "action")},
    }


def render_table_page(view: View, matrix: TaskMatrix, facet_labels: dict[str, str]) -> str:
    script = inline_script(app_script(TABLE_SCRIPTS))
    page = Template(template_text("tasks.html"))
    return page.substitute(
        title=html.escape(view.title),
        policy=html.escape(content_policy([script])),
        app_css=inline_style(template_text("tasks.css")),
        data=json_for_script(table_payload(view, matrix, facet_labels)),
        app_js=script,
    )
