"""Filters hide and show, never lay out again (issue 13, points 1, 6 and 7): in Debian's
headless Chromium, every filter, control and the search leave every node where it was, the
types view keeps its regions apart and its two roles apart, and the role filter decides which
edges are drawn and how big the nodes are."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import combinations

import pytest
from plankg.graph.rdf.build import build_triples
from plankg.graph.rdf.networkx_graph import to_networkx
from plankg.graph.views import agency_view, types_view
from plankg.graph.views.style import agency_size

pytestmark = pytest.mark.browser

AGENCY = "https://w3id.org/plankg/id/agency/"
TYPE = "https://w3id.org/plankg/agency-type/"
SCIENCE = "科协 Science and technology association"


def choose(menu: str, value: str) -> Callable[..., None]:
    return lambda seen: seen.page.select_option(f"#filter-{menu}", value)


def slide(value: int) -> Callable[..., None]:
    return lambda seen: seen.evaluate(
        """value => {
            const slider = document.getElementById('min-shared');
            slider.value = String(value);
            slider.dispatchEvent(new Event('input'));
        }""",
        value,
    )


def tick(on: bool) -> Callable[..., None]:
    return lambda seen: seen.page.set_checked("#co-lead", on)


def search_for(name: str) -> Callable[..., None]:
    def go(seen) -> None:
        seen.page.fill("#search", name)
        seen.page.press("#search", "Enter")

    return go


ROUND_TRIPS = {
    "agencies-region": ("agencies", choose("region", "泉州市"), choose("region", "")),
    "agencies-type": ("agencies", choose("type", SCIENCE), choose("type", "")),
    "agencies-role": ("agencies", choose("role", "牵头 lead"), choose("role", "")),
    "agencies-min-shared": ("agencies", slide(12), slide(1)),
    "agencies-co-lead": ("agencies", tick(True), tick(False)),
    "agencies-search": ("agencies", choose("region", "泉州市"), search_for("市科技局（周口市）")),
    "types-region": ("types", choose("region", "周口市"), choose("region", "")),
    "types-type": ("types", choose("type", SCIENCE), choose("type", "")),
    "types-role": ("types", choose("role", "参与 partner"), choose("role", "")),
    "types-search": ("types", choose("region", "泉州市"), search_for("文联")),
}


@pytest.mark.parametrize("case", list(ROUND_TRIPS))
def test_a_filter_and_back_moves_no_node(open_view, graph, case):
    name, do, undo = ROUND_TRIPS[case]
    view = agency_view(graph) if name == "agencies" else types_view(graph)
    with open_view(view, f"round-trip-{case}") as seen:
        before = seen.positions()
        do(seen)
        during, shown = seen.positions(), seen.shown_nodes()
        assert seen.visible() != view.counts()
        assert {n: during[n] for n in shown} == {n: before[n] for n in shown}
        undo(seen)
        assert seen.positions() == before
        assert seen.errors == []


def test_the_search_brings_a_hidden_node_back_where_it_was(open_view, graph):
    view = agency_view(graph)
    target = f"{AGENCY}411600/市科技局"
    with open_view(view, "search-hidden") as seen:
        before = seen.positions()
        choose("region", "泉州市")(seen)
        assert target not in seen.shown_nodes()
        search_for("市科技局（周口市）")(seen)
        assert target in seen.shown_nodes()
        assert seen.visible() == view.counts()
        assert seen.positions() == before


def curve_points(seen, edge_ids: list[int]) -> dict[int, tuple[float, float]]:
    """Where each edge's curve passes half-way, on screen."""
    found = seen.evaluate(
        """ids => Object.fromEntries(ids.map(id => {
            const p = plankg.network.body.edges[id].edgeType.getPoint(0.5);
            const d = plankg.network.canvasToDOM(p);
            return [id, [d.x, d.y]];
        }))""",
        edge_ids,
    )
    return {int(k): tuple(v) for k, v in found.items()}


def test_types_view_draws_lead_and_partner_between_the_same_nodes_apart(open_view, graph):
    view = types_view(graph)
    index = {(e.source, e.target, e.kind): i for i, e in enumerate(view.edges)}
    pairs = [
        (i, index[(s, t, "partner")])
        for (s, t, kind), i in index.items()
        if kind == "lead" and (s, t, "partner") in index
    ]
    assert len(pairs) > 50
    with open_view(view, "types-roles-apart") as seen:
        points = curve_points(seen, [i for pair in pairs for i in pair])
        gaps = [
            ((points[a][0] - points[b][0]) ** 2 + (points[a][1] - points[b][1]) ** 2) ** 0.5
            for a, b in pairs
        ]
        assert min(gaps) > 8


def renamed(corpus, copies: int):
    """Copies under names of their own and without a code (regions are keyed by code)."""
    return [
        replace(plan, region=replace(plan.region, name=f"{plan.region.name}{copy}", code=None))
        for copy in range(1, copies + 1)
        for plan in corpus.plans
    ]


def boxes_meet(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


@pytest.mark.parametrize("copies", [1, 4])
def test_types_view_regions_never_overlap(open_view, corpus, copies):
    graph = to_networkx(build_triples(renamed(corpus, copies)))
    view = types_view(graph)
    regions = [n.id for n in view.nodes if n.kind == "region"]
    assert len(regions) == 5 * copies
    with open_view(view, f"types-regions-{copies}") as seen:
        boxes = seen.evaluate("ids => ids.map(id => plankg.network.getBoundingBox(id))", regions)
        assert not [pair for pair in combinations(boxes, 2) if boxes_meet(*pair)]


def test_types_view_sizes_follow_the_chosen_region(open_view, graph):
    view = types_view(graph)
    science = f"{TYPE}science_association"
    with open_view(view, "types-region-sizes") as seen:
        assert seen.node(science)["size"] == agency_size(102)
        choose("region", "周口市")(seen)
        assert seen.node(science)["size"] == agency_size(21)
        choose("role", "参与 partner")(seen)
        assert seen.node(science)["size"] == agency_size(9)


def edge_weights(view) -> list[tuple[int, int, int]]:
    return [e.weights or (e.weight, e.weight, e.weight) for e in view.edges]


@pytest.mark.parametrize(("role", "index", "count"), [("牵头 lead", 1, 0), ("参与 partner", 2, 1)])
def test_the_role_filter_picks_the_edges_and_the_sizes(open_view, graph, role, index, count):
    view = agency_view(graph)
    with open_view(view, f"agencies-role-{index}") as seen:
        choose("role", role)(seen)
        shown = seen.shown_nodes()
        assert shown == {n.id for n in view.nodes if role in n.facets["role"]}
        expected = {
            i
            for i, e in enumerate(view.edges)
            if e.weights[index] >= 1 and {e.source, e.target} <= shown
        }
        assert seen.shown_edges() == expected
        for node in view.nodes:
            if node.id in shown:
                (numbers,) = node.counts.values()
                assert seen.node(node.id)["size"] == agency_size(numbers[count]), node.label_zh
        widths = {i: seen.evaluate("i => plankg.edges.get(i).width", i) for i in expected}
        heaviest = max(expected, key=lambda i: view.edges[i].weights[index])
        assert widths[heaviest] == max(widths.values())
        seen.screenshot(f"agencies-role-{index}")


def test_types_view_role_filter_sizes_types_by_that_role(open_view, graph):
    view = types_view(graph)
    with open_view(view, "types-role-partner") as seen:
        choose("role", "参与 partner")(seen)
        for node in view.nodes:
            if node.kind == "type" and node.id in seen.shown_nodes():
                partnered = sum(numbers[1] for numbers in node.counts.values())
                assert seen.node(node.id)["size"] == agency_size(partnered), node.label
        kinds = {view.edges[i].kind for i in seen.shown_edges()}
        assert kinds == {"partner"}
