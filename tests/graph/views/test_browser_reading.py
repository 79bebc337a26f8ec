"""The agencies view reads at a glance (issue 13, points 2 to 5), in Debian's headless
Chromium: controls that thin the hairball out, labels that never overlap and name each region
once, numbers on hover and in the details panel, search by any part of a name, colours by
family and a legend and title that follow the filters."""

from __future__ import annotations

import colorsys
import json
import math
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest
from plankg.graph.views import agency_view, types_view
from plankg.graph.views.style import FAMILY_HUES

pytestmark = pytest.mark.browser

AGENCY = "https://w3id.org/plankg/id/agency/"
EXPECTED = Path(__file__).parents[2] / "loaders" / "expected"
REGIONS = ["忻州市", "泉州市", "新郑市", "周口市", "岳阳市南湖新区"]
"""The regions of the samples in the order of their keys (GB/T 2260 codes)."""
CODES = {"周口市": "411600", "新郑市": "410184"}


@pytest.fixture(scope="module")
def view(graph):
    return agency_view(graph)


def set_slider(seen, value: int) -> None:
    seen.evaluate(
        """value => {
            const slider = document.getElementById('min-shared');
            slider.value = String(value);
            slider.dispatchEvent(new Event('input'));
        }""",
        value,
    )


# -- 2. a way to see structure ---------------------------------------------------------------


def test_the_slider_keeps_pairs_that_share_at_least_that_many_measures(open_view, view):
    with open_view(view, "agencies-min-shared") as seen:
        set_slider(seen, 20)
        heavy = {i for i, e in enumerate(view.edges) if e.weights[0] >= 20}
        assert seen.shown_edges() == heavy
        assert 0 < len(heavy) < len(view.edges)
        assert seen.visible()[0] == len(view.nodes)
        seen.screenshot("agencies-min-shared")


def test_co_lead_only_keeps_pairs_that_lead_a_measure_together(open_view, view):
    with open_view(view, "agencies-co-lead") as seen:
        seen.page.check("#co-lead")
        assert seen.shown_edges() == {i for i, e in enumerate(view.edges) if e.weights[1] >= 1}
        set_slider(seen, 5)
        assert seen.shown_edges() == {i for i, e in enumerate(view.edges) if e.weights[1] >= 5}


def test_a_click_focuses_a_neighbourhood_and_dims_the_rest(open_view, view):
    target = f"{AGENCY}350500/市科协"
    near = {target} | {
        end for e in view.edges if target in (e.source, e.target) for end in (e.source, e.target)
    }
    with open_view(view, "agencies-focus") as seen:
        set_slider(seen, 3)
        near = {target} | {
            end
            for i in seen.shown_edges()
            for end in (view.edges[i].source, view.edges[i].target)
            if target in (view.edges[i].source, view.edges[i].target)
        }
        seen.click_node(target)
        opacity = dict(seen.evaluate("() => plankg.nodes.get().map(n => [n.id, n.opacity])"))
        assert {n for n, o in opacity.items() if o == 1} == near
        assert all(o < 0.2 for n, o in opacity.items() if n not in near)
        assert seen.page.text_content("#details-title") == "市科协（泉州市）"
        seen.screenshot("agencies-focus")
        seen.page.mouse.click(1390, 890)
        opacity = seen.evaluate("() => plankg.nodes.get().map(n => n.opacity)")
        assert set(opacity) == {1}


def labels(seen) -> list[dict]:
    seen.evaluate("() => plankg.network.redraw()")
    return seen.evaluate("() => plankg.labels")


def test_labels_never_overlap_are_readable_and_sized_by_measures_led(open_view, view):
    with open_view(view, "agencies-labels") as seen:
        drawn = labels(seen)
        assert len(drawn) >= 15
        overlapping = [
            (a["id"], b["id"])
            for a, b in combinations(drawn, 2)
            if a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]
        ]
        assert overlapping == []
        assert min(label["px"] for label in drawn) >= 10
        px = {label["id"]: label["px"] for label in drawn}
        assert px[f"{AGENCY}411600/市科协"] > px[f"{AGENCY}411600/市应急局"]
        assert all("\n" not in n.label and n.label_zh.startswith(n.label) for n in view.nodes)


def test_labels_hide_below_a_zoom_level_and_appear_when_zooming_in(open_view, view):
    with open_view(view, "agencies-zoom") as seen:
        default = len(labels(seen))
        seen.evaluate("() => plankg.network.moveTo({ scale: plankg.network.getScale() * 0.3 })")
        assert len(labels(seen)) < default / 3
        seen.evaluate("() => plankg.network.moveTo({ scale: 0.02 })")
        assert labels(seen) == []
        seen.evaluate("() => plankg.network.moveTo({ scale: 1.5 })")
        assert all(label["px"] <= 24 for label in labels(seen))


def test_each_region_is_named_once_above_its_island(open_view, view):
    with open_view(view, "agencies-islands") as seen:
        islands = seen.evaluate("() => plankg.islands")
        assert [i["region"] for i in islands] == sorted(REGIONS)
        seen.page.select_option("#filter-region", "泉州市")
        seen.evaluate("() => plankg.network.redraw()")
        assert [i["region"] for i in seen.evaluate("() => plankg.islands")] == ["泉州市"]


def test_edge_width_and_opacity_grow_with_measures_shared(open_view, view):
    with open_view(view, "agencies-widths") as seen:
        drawn = seen.evaluate("() => plankg.edges.get().map(e => [e.id, e.width, e.color.opacity])")
        by_weight = sorted((view.edges[i].weight, w, o) for i, w, o in drawn)
        assert [w for _, w, _ in by_weight] == sorted(w for _, w, _ in by_weight)
        assert [o for _, _, o in by_weight] == sorted(o for _, _, o in by_weight)
        assert by_weight[-1][1] >= 8 * by_weight[0][1]
        assert len({w for _, w, _ in by_weight}) == len({weight for weight, _, _ in by_weight})


# -- 3. numbers where the eye is -------------------------------------------------------------


def expected_numbers(region: str, agency: str) -> tuple[int, int, int]:
    """(measures led, measures taken part in, actions led) from the hand-checked expectations."""
    for path in sorted(EXPECTED.glob("*.json")):
        plan = json.loads(path.read_text(encoding="utf-8"))
        if plan["region"] != region:
            continue
        led, partnered, actions = 0, 0, set()
        for index, action in enumerate(plan["actions"]):
            stated = action.get("assignments") or [action] * len(action["measures"])
            for assignment in stated:
                if agency in assignment.get("lead", []):
                    led, actions = led + 1, actions | {index}
                partnered += agency in assignment.get("partner", [])
        return led, partnered, len(actions)
    raise LookupError(region)


@pytest.mark.parametrize(("region", "agency"), [("周口市", "市科协"), ("新郑市", "市科工信局")])
def test_hover_and_details_show_measures_led_partnered_and_actions_led(
    open_view, view, region, agency
):
    led, partnered, actions = expected_numbers(region, agency)
    line = f"牵头举措 measures led {led} · 参与举措 measures partnered {partnered} · 牵头行动 actions led {actions}"
    node = f"{AGENCY}{CODES[region]}/{agency}"
    with open_view(view, "agencies-numbers") as seen:
        assert line in seen.hover(node)
        seen.click_node(node)
        assert seen.page.text_content("#details-numbers") == line
    if (region, agency) == ("周口市", "市科协"):
        assert (led, actions) == (21, 7)


def test_an_edge_lists_the_measures_it_stands_for(open_view, view):
    quanzhou = [i for i, e in enumerate(view.edges) if e.source.startswith(f"{AGENCY}350500/")]
    heaviest = max(quanzhou, key=lambda i: view.edges[i].weight)
    edge = view.edges[heaviest]
    with open_view(view, "agencies-edge") as seen:
        seen.page.select_option("#filter-region", "泉州市")
        set_slider(seen, edge.weight)
        a, b = seen.screen_point(edge.source), seen.screen_point(edge.target)
        tip = seen.hover_at((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        assert f"共同承担的举措 shared measures {edge.weight}" in tip
        assert edge.measures[0][0] in tip
        assert "×" not in tip
        seen.page.mouse.click((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        items = seen.evaluate(
            "() => Array.from(document.querySelectorAll('#details-lines li'), li => li.textContent)"
        )
        assert [item.split(" · ")[0] for item in items] == [ref for ref, _, _ in edge.measures]


# -- 4. search as people search --------------------------------------------------------------


def results(seen, query: str) -> list[str]:
    seen.page.fill("#search", query)
    return seen.evaluate(
        "() => Array.from(document.querySelectorAll('#search-results button'), b => b.textContent)"
    )


def test_a_partial_name_lists_every_match_with_its_region(open_view, view):
    with open_view(view, "agencies-search-partial") as seen:
        assert sorted(results(seen, "科协")) == sorted(
            [
                "市科协（忻州市）",
                "市科协（泉州市）",
                "市科协（新郑市）",
                "市科协（周口市）",
                "区科协（岳阳市南湖新区）",
            ]
        )
        education = results(seen, "教育")
        assert sorted(education) == sorted(n.label_zh for n in view.nodes if "教育" in n.label_zh)
        assert len(education) == 4
        assert all(any(f"（{r}）" in name for r in REGIONS) for name in education)
        assert seen.page.text_content("#search-status") == f"{len(education)} 个匹配 matches"
        seen.screenshot("agencies-search-partial")


def test_enter_on_a_single_match_goes_there(open_view, view):
    target = f"{AGENCY}410184/市科工信局"
    with open_view(view, "agencies-search-enter") as seen:
        assert results(seen, "科工信") == ["市科工信局（新郑市）"]
        seen.page.press("#search", "Enter")
        assert seen.evaluate("() => plankg.network.getSelectedNodes()") == [target]
        assert seen.page.text_content("#details-title") == "市科工信局（新郑市）"


def test_no_match_says_so(open_view, view):
    with open_view(view, "agencies-search-none") as seen:
        assert results(seen, "海关") == []
        seen.page.press("#search", "Enter")
        assert seen.page.text_content("#search-status") == "没有匹配 no match: 海关"


def test_types_view_search_names_the_regions_of_a_type(open_view, graph):
    with open_view(types_view(graph), "types-search") as seen:
        assert results(seen, "科协") == ["科协（周口市、岳阳市南湖新区、忻州市、新郑市、泉州市）"]


# -- 5. colours and legend -------------------------------------------------------------------


def lab(color: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of a #rrggbb colour."""
    rgb = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def hue(color: str) -> float:
    rgb = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    return colorsys.rgb_to_hls(*rgb)[0] * 360


def test_types_are_coloured_by_family_with_shades_apart(open_view, view):
    family = {entry.label: entry.family for entry in view.legend if entry.family}
    with open_view(view, "agencies-colours") as seen:
        drawn = dict(seen.evaluate("() => plankg.nodes.get().map(n => [n.id, n.color])"))
    colour = {n.legend: drawn[n.id] for n in view.nodes}
    assert len(colour) >= 40
    families = set(family.values())
    assert 7 <= len(families) <= 9
    for name in families:
        hues = [hue(c) for t, c in colour.items() if family[t] == name]
        spread = max(min(abs(a - b), 360 - abs(a - b)) for a in hues for b in hues)
        assert spread <= 45, name
    closest = min(math.dist(lab(a), lab(b)) for a, b in combinations(set(colour.values()), 2))
    assert closest >= 10
    assert len(families) - 1 <= len(FAMILY_HUES)


def test_the_legend_lists_what_is_shown_with_counts(open_view, view):
    with open_view(view, "agencies-legend") as seen:
        assert seen.legend() == Counter(n.legend for n in view.nodes)
        seen.page.select_option("#filter-region", "泉州市")
        quanzhou = [n for n in view.nodes if n.facets["region"] == ("泉州市",)]
        assert seen.legend() == Counter(n.legend for n in quanzhou)
        assert sum(seen.legend().values()) == 35
        seen.screenshot("agencies-legend-quanzhou")


def test_the_title_follows_the_filters(open_view, view):
    with open_view(view, "agencies-title") as seen:
        assert seen.title() == "单位 Agency · 忻州市、泉州市、新郑市、周口市、岳阳市南湖新区"
        seen.page.select_option("#filter-region", "泉州市")
        seen.page.select_option("#filter-role", "牵头 lead")
        assert seen.title() == "单位 Agency · 泉州市 · 牵头 lead"
        assert seen.page.title() == seen.title()
