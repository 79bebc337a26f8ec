"""A view as one self-contained HTML page: vis-network's JS and CSS inlined from the pyvis
package, the plankg script and style from ``templates/``, the data as escaped JSON.

pyvis' own template is not used: it fetches Bootstrap and vis files from CDNs whatever
``cdn_resources`` says (pyvis issue #229), and its filter/select menus hide nodes and list ids
(#193). A Content-Security-Policy allows only the page's own scripts (by hash) and no request,
so even a slip in escaping could neither run injected code nor reach the network.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import asdict
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from plankg.errors import OutputError
from plankg.graph.views.model import View, ViewEdge, ViewNode
from plankg.graph.views.nodes import COUNT_LABELS
from plankg.graph.views.style import (
    EDGE_SCALE,
    EDGE_STYLES,
    LABEL_RULE,
    NODE_STYLES,
    SIZE_RULE,
)

TEMPLATES = Path(__file__).with_name("templates")
APP_SCRIPTS = (
    "dom.js",
    "base.js",
    "tips.js",
    "filters.js",
    "legend.js",
    "labels.js",
    "search.js",
    "main.js",
)
"""The network pages' script: these parts in order, inside one function (they share its scope)."""
VIS_VERSION = "vis-9.1.2"
SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
JSON_ESCAPES: dict[str, str | int | None] = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


class AssetError(OutputError):
    """vis-network's files are missing from the pyvis package."""


@cache
def vis_asset(name: str) -> str:
    """A vis-network file shipped inside pyvis, without its source-map reference (a browser
    with developer tools open would try to fetch the map)."""
    path = resources.files("pyvis") / "lib" / VIS_VERSION / name
    if not path.is_file():
        raise AssetError(f"pyvis has no {VIS_VERSION}/{name}; reinstall pyvis>=0.3.2")
    return SOURCE_MAP.sub("", path.read_text(encoding="utf-8"))


def template_text(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def app_script(names: tuple[str, ...] = APP_SCRIPTS) -> str:
    """The page script made of the template scripts ``names``, in order, in one scope."""
    parts = "\n".join(template_text(name) for name in names)
    return f'(function () {{\n"use strict";\n{parts}\n}}());\n'


def inline_script(code: str) -> str:
    """Code safe inside <script>: no ``</script`` or ``<!--`` can end or bend the element."""
    return re.sub(r"<(/script|!--)", r"<\\\1", code, flags=re.IGNORECASE)


def inline_style(css: str) -> str:
    return re.sub(r"</style", r"<\\/style", css, flags=re.IGNORECASE)


def json_for_script(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` block: ``<``, ``>`` and ``&`` as
    ``\\u`` escapes, so no plan text can close the element or open another."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.translate(str.maketrans(JSON_ESCAPES))


def script_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_policy(scripts: list[str]) -> str:
    hashes = " ".join(script_hash(code) for code in scripts)
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )


def payload(view: View, facet_labels: dict[str, str]) -> dict[str, Any]:
    """What the page script reads: nodes, edges by node index, the measures edges stand for by
    index, legend, styles, options and the rules for sizes, widths and labels."""
    index = {node.id: i for i, node in enumerate(view.nodes)}
    used = {key for node in view.nodes for key in node.facets}
    measures = sorted({ref for edge in view.edges for ref, _, _ in edge.measures})
    return {
        "name": view.name,
        "title": view.title,
        "titleBase": view.title.removesuffix(view.scope).removesuffix(" · "),
        "scope": view.scope,
        "nodes": [_node_record(node) for node in view.nodes],
        "edges": [_edge_record(edge, index, measures) for edge in view.edges],
        "measures": measures,
        "legend": [asdict(entry) for entry in view.legend],
        "facets": [{"key": k, "label": v} for k, v in facet_labels.items() if k in used],
        "nodeStyles": NODE_STYLES,
        "edgeStyles": EDGE_STYLES | view.edge_styles,
        "edgeLabels": view.edge_labels,
        "edgeScale": EDGE_SCALE,
        "sizeRule": SIZE_RULE,
        "labelRule": LABEL_RULE,
        "countLabels": COUNT_LABELS,
        "roleLabels": view.roles,
        "controls": list(view.controls),
        "declutter": view.declutter,
        "options": view.options,
    }


def _node_record(node: ViewNode) -> dict[str, Any]:
    record = asdict(node)
    record["counts"] = {region: list(numbers) for region, numbers in node.counts.items()}
    return {k: v for k, v in record.items() if v not in (None, (), {}, [])}


def _edge_record(edge: ViewEdge, index: dict[str, int], measures: list[str]) -> dict[str, Any]:
    """An edge by the indexes of its ends, without the fields it leaves empty. A shared measure
    is ``4 × its index + 2 if the source leads it + 1 if the target leads it``."""
    number = {ref: i for i, ref in enumerate(measures)} if edge.measures else {}
    record = {
        "from": index[edge.source],
        "to": index[edge.target],
        "kind": edge.kind,
        "weight": edge.weight,
        "role": edge.role,
        "text": edge.text,
        "weights": list(edge.weights) if edge.weights else None,
        "measures": [4 * number[ref] + 2 * a + b for ref, a, b in edge.measures] or None,
    }
    return {k: v for k, v in record.items() if v is not None}


def render_page(view: View, facet_labels: dict[str, str]) -> str:
    vis_js = inline_script(vis_asset("vis-network.min.js"))
    app_js = inline_script(app_script())
    page = Template(template_text("view.html"))
    return page.substitute(
        title=html.escape(view.title),
        policy=html.escape(content_policy([vis_js, app_js])),
        vis_css=inline_style(vis_asset("vis-network.css")),
        app_css=inline_style(template_text("view.css")),
        data=json_for_script(payload(view, facet_labels)),
        vis_js=vis_js,
        app_js=app_js,
    )
