"""How the views look: node and edge styles, agency-type colours, vis-network options.

Presentation only; the facts come from :mod:`plankg.graph.views`.
"""

from __future__ import annotations

import colorsys
import math
from functools import cache
from typing import Any

from plankg.ontology.taxonomy import Family, family_list, type_code, type_families

UNCLASSIFIED_COLOR = "#9e9e9e"
MISSING_COLOR = "#fbe9e7"
"""The tasks view's empty cell: a plan without such a measure."""
FAMILY_HUES = {
    "party": 0,
    "science_education": 215,
    "economy": 30,
    "social_affairs": 125,
    "culture_media": 280,
    "resources_environment": 175,
    "safety": 52,
    "people_organizations": 320,
}
"""A hue per family of agency types (``ontology/agency-families.toml`` or the taxonomy's
``skos:broader`` groups); a family not named here takes a hue a golden angle from the last."""
GOLDEN_ANGLE = 137.508
SHADE_HUES = 20
"""Types of one family spread over ±this many degrees around the family's hue…"""
SHADE_LIGHTNESS = (0.30, 0.70)
"""…and over this range of lightness (HLS), darkest first."""
SHADE_SATURATION = 0.7

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
    "shared": {"color": "#78909c", "scaled": True},
}
"""How edges of each kind are drawn. ``scaled``: width and opacity grow with the edge's weight
(:data:`EDGE_SCALE`), so a pair sharing 20 measures stands out from one sharing 1."""
TYPE_EDGE_STYLES: dict[str, dict[str, Any]] = {
    "lead": {
        **EDGE_STYLES["lead"],
        "scaled": True,
        "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.2},
    },
    "partner": {
        **EDGE_STYLES["partner"],
        "scaled": True,
        "smooth": {"enabled": True, "type": "curvedCCW", "roundness": 0.2},
    },
}
"""The types view draws a type's lead and partner edges to one region bent to either side."""
EDGE_SCALE = {"width": (0.5, 10.0), "opacity": (0.12, 0.9)}
"""(lightest, heaviest) edge: width in pixels and opacity, linear in weight / heaviest weight."""
SIZE_RULE = {"base": 10, "step": 5}
"""Node size = base + step × √(count): area tracks measures led (or taken part in)."""
LABEL_RULE = {"base": 16, "step": 4, "min_px": 10, "max_px": 24, "island_px": 18}
"""Decluttered labels: font = base + step × √(measures led) in canvas units; a label is drawn
when it is at least ``min_px`` on screen (so labels appear as one zooms in), at most
``max_px``; region names above each island at ``island_px``."""

TREE_COLUMN = 330
TREE_ROW = 34
PLAN_OPTIONS: dict[str, Any] = {
    "layout": {"hierarchical": {"enabled": False}},
    "physics": {"enabled": False},
    "edges": {"smooth": {"type": "cubicBezier", "forceDirection": "horizontal", "roundness": 0.4}},
}
NETWORK_OPTIONS: dict[str, Any] = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "edges": {"smooth": False},
}
"""The network views are laid out by plankg (:mod:`plankg.graph.views.layout`): no physics,
so the page is ready at its first drawing and a filter moves nothing."""

COMMON_OPTIONS: dict[str, Any] = {
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "nodes": {"font": {"face": "Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"}},
    "edges": {"selectionWidth": 2},
}
LARGE_VIEW = 300
"""From this many nodes on, edges are hidden while dragging or zooming, to keep it usable."""


@cache
def type_colors() -> dict[str, str]:
    """A colour per agency type code, stable across views: a hue per family, a shade per type
    within it (types in code order)."""
    families = type_families()
    colors: dict[str, str] = {}
    for family in family_list():
        members = sorted(type_code(t) for t, f in families.items() if f == family)
        colors.update(zip(members, _shades(family, len(members)), strict=True))
    return colors


def _shades(family: Family, count: int) -> list[str]:
    hue = family_hue(family.code)
    if hue is None:
        return [UNCLASSIFIED_COLOR] * count
    low, high = SHADE_LIGHTNESS
    steps = [i / (count - 1) for i in range(count)] if count > 1 else [0.5]
    return [
        _hex(hue + SHADE_HUES * (2 * t - 1) * (count > 1), low + (high - low) * t) for t in steps
    ]


def family_hue(code: str) -> float | None:
    """The family's hue in degrees; None for "other" (grey)."""
    if code in FAMILY_HUES:
        return FAMILY_HUES[code]
    unnamed = [f.code for f in family_list() if f.code not in FAMILY_HUES and f.code != "other"]
    if code not in unnamed:
        return None
    return (max(FAMILY_HUES.values()) + GOLDEN_ANGLE * (unnamed.index(code) + 1)) % 360


def family_color(code: str) -> str:
    hue = family_hue(code)
    return UNCLASSIFIED_COLOR if hue is None else _hex(hue, sum(SHADE_LIGHTNESS) / 2)


def _hex(hue: float, lightness: float) -> str:
    red, green, blue = colorsys.hls_to_rgb(hue % 360 / 360, lightness, SHADE_SATURATION)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def agency_size(measures_led: int) -> float:
    """Node size growing with the square root of measures led, so area tracks the count."""
    return round(SIZE_RULE["base"] + SIZE_RULE["step"] * math.sqrt(measures_led), 1)


def network_options(node_count: int) -> dict[str, Any]:
    """Options for the laid-out network views; big ones hide edges while dragging."""
    options = merged(NETWORK_OPTIONS)
    if node_count >= LARGE_VIEW:
        options["interaction"] = {"hideEdgesOnDrag": True, "hideEdgesOnZoom": True}
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
