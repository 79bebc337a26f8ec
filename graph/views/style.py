"""How the views look: node and edge styles, agency-type colours, vis-network options.

Presentation only; the facts come from :mod:`plankg.graph.views`.
"""

from __future__ import annotations

import colorsys
import math
from functools import cache
from typing import Any

from plankg.ontology.taxonomy import UNCLASSIFIED, type_code, type_labels

GOLDEN_ANGLE = 137.508
UNCLASSIFIED_COLOR = "#9e9e9e"

NODE_STYLES: dict[str, dict[str, Any]] = {
    "plan": {"shape": "box", "color": "#263238", "font": {"color": "#ffffff", "size": 18}},
    "action": {"shape": "box", "color": "#546e7a", "font": {"color": "#ffffff", "size": 15}},
    "measure": {"shape": "box", "color": "#eceff1", "font": {"size": 13}},
    "agency": {"shape": "dot", "size": 12, "font": {"size": 14}},
    "tree_agency": {"shape": "box", "borderWidth": 3, "colorAsBorder": True, "font": {"size": 14}},
    "region": {"shape": "box", "color": "#37474f", "font": {"color": "#ffffff", "size": 18}},
    "type": {"shape": "dot", "font": {"size": 14}},
}
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "hasAction": {"color": "#78909c", "width": 2},
    "hasMeasure": {"color": "#b0bec5", "width": 1.5},
    "lead": {"color": "#d84315", "width": 2.5},
    "partner": {"color": "#90a4ae", "width": 1, "dashes": [4, 4]},
    "shared": {"color": "#90a4ae", "width": 1},
}

TREE_COLUMN = 330
TREE_ROW = 34
PLAN_OPTIONS: dict[str, Any] = {
    "layout": {"hierarchical": {"enabled": False}},
    "physics": {"enabled": False},
    "edges": {"smooth": {"type": "cubicBezier", "forceDirection": "horizontal", "roundness": 0.4}},
}
NETWORK_PHYSICS: dict[str, Any] = {
    "enabled": True,
    "solver": "forceAtlas2Based",
    "forceAtlas2Based": {
        "gravitationalConstant": -80,
        "centralGravity": 0.012,
        "springLength": 120,
        "springConstant": 0.05,
        "damping": 0.5,
        "avoidOverlap": 0.2,
    },
    "minVelocity": 1.5,
    "stabilization": {"enabled": True, "updateInterval": 50, "fit": True},
}
STABILIZATION_ITERATIONS = ((200, 400), (600, 250), (10**9, 150))
"""(at most this many nodes, iterations): bigger views get fewer iterations, so a 1,000-node
view settles in seconds; physics is switched off once they are done."""

COMMON_OPTIONS: dict[str, Any] = {
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "nodes": {"font": {"face": "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"}},
    "edges": {"selectionWidth": 2},
}
LARGE_VIEW = 300
"""From this many nodes on, edges are straight and hidden while dragging, to keep it usable.
(Never vis' default "dynamic" smoothing: it adds a physics node per edge.)"""


@cache
def type_colors() -> dict[str, str]:
    """A colour per agency type code, stable across views: hues a golden angle apart."""
    codes = sorted(type_code(t) for t in type_labels() if t != UNCLASSIFIED)
    colors = {type_code(UNCLASSIFIED): UNCLASSIFIED_COLOR}
    for index, code in enumerate(codes):
        hue = (index * GOLDEN_ANGLE) % 360 / 360
        lightness = 0.45 if index % 2 else 0.58
        red, green, blue = colorsys.hls_to_rgb(hue, lightness, 0.62)
        colors[code] = f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"
    return colors


def agency_size(measures_led: int) -> float:
    """Node size growing with the square root of measures led, so area tracks the count."""
    return round(10 + 5 * math.sqrt(measures_led), 1)


def network_options(node_count: int) -> dict[str, Any]:
    """Physics options for the force-directed views, with stabilization bounded by size."""
    iterations = next(i for limit, i in STABILIZATION_ITERATIONS if node_count <= limit)
    physics = {**NETWORK_PHYSICS, "stabilization": {**NETWORK_PHYSICS["stabilization"]}}
    physics["stabilization"]["iterations"] = iterations
    options: dict[str, Any] = {
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": physics,
        "edges": {"smooth": {"type": "continuous"} if node_count < LARGE_VIEW else False},
    }
    if node_count >= LARGE_VIEW:
        options["interaction"] = {"hideEdgesOnDrag": True}
    return options


def merged(*layers: dict[str, Any]) -> dict[str, Any]:
    """Options merged key by key, later layers winning."""
    result: dict[str, Any] = {}
    for layer in layers:
        for key, value in layer.items():
            if isinstance(value, dict) and isinstance(result.get(key), dict):
                result[key] = merged(result[key], value)
            else:
                result[key] = value
    return result
