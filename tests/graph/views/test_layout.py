"""Where the network views put their nodes: an island per region with no two agencies on top
of each other, regions on a ring that keeps their boxes apart, and the same page for the same
plans whatever Python's hash seed."""

from __future__ import annotations

import hashlib
import math
import os
import subprocess
import sys
from collections import defaultdict
from itertools import combinations, pairwise

import pytest
from plankg.graph.views import agency_view, types_view
from plankg.graph.views.layout import ANCHOR_CHAR, ring_layout, ring_radius, separated


@pytest.fixture(scope="module")
def graph(triples):
    from plankg.graph.rdf.networkx_graph import to_networkx

    return to_networkx(triples)


def test_agencies_stand_on_an_island_per_region_without_overlapping(graph):
    view = agency_view(graph)
    islands = defaultdict(list)
    for node in view.nodes:
        islands[node.facets["region"][0]].append(node)
    assert len(islands) == 5
    for a, b in combinations(view.nodes, 2):
        assert math.dist((a.x, a.y), (b.x, b.y)) >= a.size + b.size, (a.label_zh, b.label_zh)
    boxes = {
        region: (
            min(n.x for n in nodes),
            max(n.x for n in nodes),
            min(n.y for n in nodes),
            max(n.y for n in nodes),
        )
        for region, nodes in islands.items()
    }
    for (r1, a), (r2, b) in combinations(boxes.items(), 2):
        apart = a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2]
        assert apart, (r1, r2)


def test_types_view_regions_stand_evenly_on_a_ring(graph):
    view = types_view(graph)
    regions = [n for n in view.nodes if n.kind == "region"]
    radius = ring_radius([n.label for n in regions])
    assert [round(math.hypot(n.x, n.y)) for n in regions] == [round(radius)] * 5
    assert [n.label for n in regions] == sorted(n.label for n in regions)
    chords = {round(math.dist((a.x, a.y), (b.x, b.y))) for a, b in pairwise(regions)}
    assert len(chords) == 1


def test_separation_pushes_nodes_apart_and_leaves_fixed_ones():
    positions = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 1.0)}
    spread = separated(positions, {"a": 10, "b": 10, "c": 10}, frozenset({"a"}))
    assert spread["a"] == (0.0, 0.0)
    for p, q in combinations(spread, 2):
        assert math.dist(spread[p], spread[q]) >= 20


def test_ring_layout_keeps_free_nodes_off_the_anchor_boxes():
    anchors = {"r1": "岳阳市南湖新区", "r2": "周口市", "r3": "泉州市"}
    edges = [("t1", "r1", 5), ("t1", "r2", 5), ("t2", "r3", 1), ("t3", "r1", 2)]
    placed = ring_layout(anchors, ["t1", "t2", "t3"], edges, {"t1": 30, "t2": 12, "t3": 12})
    for anchor, label in anchors.items():
        for free in ("t1", "t2", "t3"):
            assert math.dist(placed[anchor], placed[free]) >= len(label) * ANCHOR_CHAR / 2


def page_digest(tmp_path, view: str, seed: str) -> str:
    out = tmp_path / f"{view}-{seed}.html"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-m", "plankg.cli", "viz", "--view", view, "-o", str(out)],
        check=True,
        env=env,
        capture_output=True,
    )
    return hashlib.sha256(out.read_bytes()).hexdigest()


@pytest.mark.parametrize("view", ["agencies", "types", "tasks"])
def test_the_same_plans_give_the_same_page(tmp_path, view):
    assert page_digest(tmp_path, view, "1") == page_digest(tmp_path, view, "2")
