"""Where the nodes of the network views stand, computed once here rather than by the browser's
physics: the page opens laid out, a filter only hides and shows (nothing is laid out again),
and the same plans give the same page.

- :func:`island_layout`: one island per group (a region's agencies), each a force-directed
  layout of the group alone (networkx ``spring_layout``, seeded), the islands on a grid;
- :func:`ring_layout`: the anchors (regions) evenly on a circle wide enough for their labels,
  the other nodes (agency types) placed between the anchors they are linked to.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx

Position = tuple[float, float]
WeightedEdge = tuple[str, str, int]
SEED = 7
NODE_ROOM = 62.0
"""Island radius per √(nodes): room for each node and a label."""
NODE_GAP = 28.0
"""Room between two nodes of an island, for a label."""
PULL = 0.35
"""How much more a pair sharing many measures pulls together: weight relative to the island's
mean weight, to this power (0: not at all; 1: in proportion, which piles the core up)."""
ISLAND_GAP = 150.0
SCREEN_RATIO = 1.6
"""Islands are set in a grid about this much wider than tall (a screen)."""
ANCHOR_CHAR = 18.0
"""Width of one label character of an anchor box at its font size, with padding."""
RING_MIN_RADIUS = 420.0
RING_SPREAD = 0.42
"""How far the free nodes may spread between the anchors, as a share of the ring's radius."""


def island_layout(
    groups: Mapping[str, Sequence[str]],
    edges: Iterable[WeightedEdge],
    radii: Mapping[str, float],
) -> dict[str, Position]:
    """Positions for every node of ``groups``: an island per group, groups in name order; no
    two nodes closer than their radii and :data:`NODE_GAP`."""
    graph = _graph(edges)
    islands = []
    for _, members in sorted(groups.items()):
        positions, radius = _island(graph, sorted(members))
        islands.append((separated(positions, radii), radius))
    return _on_grid(islands)


def _graph(edges: Iterable[WeightedEdge]) -> nx.Graph[str]:
    graph: nx.Graph[str] = nx.Graph()
    graph.add_weighted_edges_from(sorted(edges))
    return graph


def _island(graph: nx.Graph[str], nodes: list[str]) -> tuple[dict[str, Position], float]:
    """A group laid out alone around (0, 0), and its radius."""
    radius = NODE_ROOM * math.sqrt(len(nodes))
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}, radius
    sub: nx.Graph[str] = nx.Graph()
    sub.add_nodes_from(nodes)
    links: list[tuple[str, str, int]] = sorted(graph.subgraph(nodes).edges(data="weight"))
    mean = sum(w for _, _, w in links) / len(links) if links else 1
    sub.add_weighted_edges_from((a, b, (w / mean) ** PULL) for a, b, w in links)
    found = nx.spring_layout(sub, seed=SEED, weight="weight", iterations=120, scale=radius)
    return {node: (float(x), float(y)) for node, (x, y) in found.items()}, radius


def separated(
    positions: Mapping[str, Position],
    radii: Mapping[str, float],
    fixed: frozenset[str] = frozenset(),
    rounds: int = 80,
) -> dict[str, Position]:
    """The positions with overlapping nodes pushed apart along the line between them, pair by
    pair, until none is closer than its radius, the other's and :data:`NODE_GAP`; ``fixed``
    nodes stay where they are and push the others away."""
    at = {node: list(xy) for node, xy in positions.items()}
    nodes = sorted(at)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                wanted = radii.get(a, 0) + radii.get(b, 0) + NODE_GAP
                moved |= _push_apart(at[a], at[b], wanted, (a in fixed, b in fixed))
        if not moved:
            break
    return {node: (xy[0], xy[1]) for node, xy in at.items()}


def _push_apart(a: list[float], b: list[float], wanted: float, still: tuple[bool, bool]) -> bool:
    dx, dy = b[0] - a[0], b[1] - a[1]
    distance = math.hypot(dx, dy)
    if distance >= wanted or all(still):
        return False
    if distance == 0:
        dx, dy, distance = 1.0, 0.0, 1.0
    share_a, share_b = (0.0, 1.0) if still[0] else (1.0, 0.0) if still[1] else (0.5, 0.5)
    step = (wanted - distance) / distance
    a[0], a[1] = a[0] - dx * step * share_a, a[1] - dy * step * share_a
    b[0], b[1] = b[0] + dx * step * share_b, b[1] + dy * step * share_b
    return True


def _on_grid(islands: list[tuple[dict[str, Position], float]]) -> dict[str, Position]:
    columns = max(1, math.ceil(math.sqrt(len(islands) * SCREEN_RATIO)))
    columns = min(columns, len(islands))
    cell = 2 * max((radius for _, radius in islands), default=0.0) + ISLAND_GAP
    placed: dict[str, Position] = {}
    for index, (positions, _) in enumerate(islands):
        row, column = divmod(index, columns)
        dx, dy = column * cell, row * cell
        placed.update((node, _rounded(x + dx, y + dy)) for node, (x, y) in positions.items())
    return placed


def ring_layout(
    anchors: Mapping[str, str],
    others: Sequence[str],
    edges: Iterable[WeightedEdge],
    radii: Mapping[str, float],
) -> dict[str, Position]:
    """``anchors`` (node → label) evenly on a circle in the given order, far enough apart that
    no two of their boxes meet; ``others`` placed by a force-directed layout with the anchors
    held still, pulled toward the anchors they are linked to, then pushed apart until no two
    nodes overlap (an anchor counts as a circle around its box)."""
    radius = ring_radius(list(anchors.values()))
    fixed = _on_circle(list(anchors))
    placed = _between(fixed, others, edges) if others else fixed
    scaled = {node: (x * radius, y * radius) for node, (x, y) in placed.items()}
    boxes = {node: len(label) * ANCHOR_CHAR / 2 for node, label in anchors.items()}
    spread = separated(scaled, {**radii, **boxes}, frozenset(anchors))
    return {node: _rounded(x, y) for node, (x, y) in spread.items()}


def _on_circle(nodes: list[str]) -> dict[str, Position]:
    """Evenly on the unit circle, the first at the top, clockwise."""
    turn = 2 * math.pi / max(len(nodes), 1)
    return {
        node: (math.cos(i * turn - math.pi / 2), math.sin(i * turn - math.pi / 2))
        for i, node in enumerate(nodes)
    }


def _between(
    fixed: dict[str, Position], others: Sequence[str], edges: Iterable[WeightedEdge]
) -> dict[str, Position]:
    """The free nodes by a force-directed layout around the held ones (unit scale)."""
    graph = _graph(edges)
    graph.add_nodes_from(sorted(others))
    graph.add_nodes_from(fixed)
    found = nx.spring_layout(
        graph, pos=fixed, fixed=list(fixed), k=RING_SPREAD, seed=SEED, weight="weight"
    )
    return {node: (float(x), float(y)) for node, (x, y) in found.items()}


def ring_radius(labels: Sequence[str]) -> float:
    """A circle on which boxes this wide, evenly spaced, leave a box's width between them."""
    widest = max((len(label) for label in labels), default=1) * ANCHOR_CHAR + 40
    return max(RING_MIN_RADIUS, 2 * widest * len(labels) / (2 * math.pi))


def _rounded(x: float, y: float) -> Position:
    """One decimal: enough for pixels, and the same page for the same plans."""
    return round(x, 1), round(y, 1)
