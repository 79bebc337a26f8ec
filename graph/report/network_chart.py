"""The co-lead network of each plan as a chart: small multiples, one circle of lead agencies per
plan, a line for every pair that leads a measure together. It sums up what the analysis's
``agency_networks`` table lists row by row."""

from __future__ import annotations

import math
from collections import defaultdict
from math import ceil

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from plankg.graph.report.charts import BAR_COLOR, LEAD_COLOR, column, png_bytes
from plankg.graph.report.fonts import chart_style
from plankg.tables import Table

Leads = list[tuple[str, int]]
"""The agencies that lead in a plan, with their measures led, most first."""
Pairs = list[tuple[str, str, int]]
"""Two agencies and the measures they co-lead."""


def co_lead_chart(co_lead_pairs: Table, lead_load: Table) -> bytes:
    """Per plan, its co-lead network: the agencies that lead on a circle (the most measures led
    first, from the top, clockwise), dot area ∝ measures led, a line for every pair that leads
    a measure together, its width ∝ the measures they co-lead."""
    networks = co_lead_networks(co_lead_pairs, lead_load)
    columns = min(3, max(1, len(networks)))
    lines = ceil(len(networks) / columns) if networks else 1
    heaviest = max((w for _, pairs in networks.values() for *_, w in pairs), default=1)
    with chart_style():
        figure = Figure(figsize=(4.6 * columns, 4.6 * lines))
        for i, (title, (leads, pairs)) in enumerate(networks.items(), start=1):
            _draw_network(figure.add_subplot(lines, columns, i), title, leads, pairs, heaviest)
        figure.suptitle("共同牵头网络 Co-lead network per plan (line width = measures co-led)")
        figure.tight_layout()
        return png_bytes(figure)


def co_lead_networks(co_lead_pairs: Table, lead_load: Table) -> dict[str, tuple[Leads, Pairs]]:
    """Per plan (titled by its region), the agencies that lead with their measures led, and
    the co-lead pairs."""
    region, plan, agency, led = (
        column(lead_load, c) for c in ("region", "plan", "agency", "measures_led")
    )
    leads: dict[tuple[str, str], Leads] = defaultdict(list)
    for row in lead_load.rows:
        if row[led]:
            leads[(row[region], row[plan])].append((row[agency], row[led]))
    a, b, measures = (column(co_lead_pairs, c) for c in ("agency_a", "agency_b", "measures"))
    pairs: dict[tuple[str, str], Pairs] = defaultdict(list)
    for row in co_lead_pairs.rows:
        pairs[(row[0], row[1])].append((row[a], row[b], row[measures]))
    regions = [r for r, _ in leads]
    return {
        (r if regions.count(r) == 1 else p): (sorted(found, key=lambda x: -x[1]), pairs[(r, p)])
        for (r, p), found in sorted(leads.items())
    }


def _draw_network(axes: Axes, title: str, leads: Leads, pairs: Pairs, heaviest: int) -> None:
    turn = 2 * math.pi / max(len(leads), 1)
    at = {name: (math.sin(i * turn), math.cos(i * turn)) for i, (name, _) in enumerate(leads)}
    for first, second, weight in sorted(pairs, key=lambda p: p[2]):
        (x1, y1), (x2, y2) = at[first], at[second]
        axes.plot(
            [x1, x2],
            [y1, y2],
            color=BAR_COLOR,
            alpha=0.55,
            solid_capstyle="round",
            linewidth=0.6 + 6 * weight / heaviest,
            zorder=1,
        )
    for name, count in leads:
        x, y = at[name]
        axes.scatter([x], [y], s=30 + 14 * count, color=LEAD_COLOR, zorder=2)
        axes.annotate(
            f"{name} {count}",
            (x, y),
            xytext=(12 * x, 12 * y),
            textcoords="offset points",
            ha="left" if x > 0.01 else "right" if x < -0.01 else "center",
            va="bottom" if y > 0 else "top",
            fontsize=8,
        )
    axes.set_title(title)
    axes.set_xlim(-1.9, 1.9)
    axes.set_ylim(-1.5, 1.5)
    axes.set_aspect("equal")
    axes.axis("off")
