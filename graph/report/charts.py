"""The report's charts as PNG bytes, drawn with matplotlib's Agg canvas (no pyplot, so no global
backend is set for the caller) from the analysis tables: bars, heat maps and the headline
targets (the co-lead networks are in :mod:`plankg.graph.report.network_chart`).

Chinese labels need a CJK font (:mod:`plankg.graph.report.fonts`). PNGs carry no software or
date metadata, so the same tables give the same bytes.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable, Sequence
from math import ceil
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from plankg.graph.report.fonts import chart_style
from plankg.tables import Table

DPI = 100
BAR_COLOR = "#3b6ea5"
LEAD_COLOR = "#d84315"
"""An agency that leads, in the co-lead chart (as lead edges in the views)."""
BASELINE_COLOR = "#e65100"
"""The stated baseline: a dark orange that stands out against the bars and the white page."""
TOP_PER_REGION = 8
TOP_TYPES = 15
TIE_ROOM = 2
"""A top-N chart keeps every row tied with its N-th when that shows at most N × this rows;
else it stops before the tied rows and says how many it left out."""
ChartRow = tuple[Any, ...]


def png_bytes(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def column(table: Table, name: str) -> int:
    return table.columns.index(name)


def _barh(axes: Axes, labels: Sequence[str], values: Sequence[float], title: str) -> None:
    positions = range(len(labels))
    axes.barh(positions, values, color=BAR_COLOR)
    axes.set_yticks(list(positions), labels=list(labels))
    axes.invert_yaxis()
    axes.set_title(title)
    for y, value in zip(positions, values, strict=True):
        axes.annotate(
            f"{value:g}",
            (value, y),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    axes.margins(x=0.15)


def top_rows(
    rows: Sequence[ChartRow], value: Callable[[ChartRow], float], top: int
) -> tuple[list[ChartRow], int]:
    """The first ``top`` of ``rows`` (sorted by ``value``, highest first), never cutting
    between rows of equal value: rows tied with the ``top``-th are kept while that shows at
    most ``top`` × :data:`TIE_ROOM` rows, else the chart stops before them. With the number of
    rows left out."""
    if len(rows) <= top:
        return list(rows), 0
    cut = value(rows[top - 1])
    end = top
    while end < len(rows) and value(rows[end]) == cut:
        end += 1
    if end > top * TIE_ROOM:
        start = top - 1
        while start > 0 and value(rows[start - 1]) == cut:
            start -= 1
        end = start or end
    return list(rows[:end]), len(rows) - end


def top_leads(lead_load: Table, top: int = TOP_PER_REGION) -> dict[str, tuple[list[ChartRow], int]]:
    """Per region, the agencies that lead most measures (ties kept, see :func:`top_rows`)."""
    region, led = column(lead_load, "region"), column(lead_load, "measures_led")
    by_region: dict[str, list[ChartRow]] = defaultdict(list)
    for row in lead_load.rows:
        if row[led]:
            by_region[row[region]].append(row)
    return {
        name: top_rows(sorted(rows, key=lambda r: -r[led]), lambda r: r[led], top)
        for name, rows in sorted(by_region.items())
    }


def _left_out_note(axes: Axes, left_out: int, unit: str) -> None:
    if left_out:
        axes.set_xlabel(f"另有 {left_out} 个{unit}未列出 {left_out} more not shown", fontsize=8)


def top_leads_chart(lead_load: Table, top: int = TOP_PER_REGION) -> bytes:
    """Per region, the agencies that lead most measures (small multiples); agencies tied at the
    cut-off are all shown."""
    agency, led = column(lead_load, "agency"), column(lead_load, "measures_led")
    chosen = top_leads(lead_load, top)
    columns = min(3, max(1, len(chosen)))
    lines = ceil(len(chosen) / columns) if chosen else 1
    tallest = max((len(rows) for rows, _ in chosen.values()), default=top)
    with chart_style():
        figure = Figure(figsize=(4.2 * columns, 0.32 * tallest * lines + 1.1 * lines))
        for i, (name, (rows, left_out)) in enumerate(chosen.items(), start=1):
            axes = figure.add_subplot(lines, columns, i)
            _barh(axes, [r[agency] for r in rows], [r[led] for r in rows], name)
            _left_out_note(axes, left_out, "单位")
        figure.suptitle("牵头举措最多的单位 Top lead agencies by measures led (ties kept)")
        figure.tight_layout()
        return png_bytes(figure)


def type_load_chart(type_load: Table, top: int = TOP_TYPES) -> bytes:
    """Agency types by measures led across all plans; types tied at the cut-off are all shown."""
    kind, led = column(type_load, "type"), column(type_load, "measures_led")
    ordered = sorted(type_load.rows, key=lambda r: -r[led])
    rows, left_out = top_rows(ordered, lambda r: r[led], top)
    with chart_style():
        figure = Figure(figsize=(7, 0.32 * len(rows) + 1.4))
        axes = figure.add_subplot()
        _barh(axes, [r[kind] for r in rows], [r[led] for r in rows], "")
        axes.set_xlabel("牵头举措数 measures led")
        if left_out:
            axes.set_xlabel(f"牵头举措数 measures led — 另有 {left_out} 类 {left_out} more types")
        figure.suptitle("按单位类型 Measures led by agency type, all plans")
        figure.tight_layout()
        return png_bytes(figure)


def type_matrix_heatmap(type_matrix: Table) -> bytes:
    """Region × agency type: measures led, as a heat map with the counts written in."""
    regions = list(type_matrix.columns[2:-1])
    labels = [row[0] for row in type_matrix.rows]
    values = [list(row[2:-1]) for row in type_matrix.rows]
    with chart_style():
        figure = Figure(figsize=(1.1 * len(regions) + 2.5, 0.32 * len(labels) + 1.6))
        axes = figure.add_subplot()
        image = axes.imshow(values or [[0]], cmap="Blues", aspect="auto")
        axes.set_xticks(range(len(regions)), labels=regions, rotation=30, ha="right")
        axes.set_yticks(range(len(labels)), labels=labels)
        peak = max((v for row in values for v in row), default=0)
        for y, row in enumerate(values):
            for x, value in enumerate(row):
                color = "white" if value > peak / 2 else "black"
                axes.text(x, y, str(value), ha="center", va="center", fontsize=8, color=color)
        figure.colorbar(image, ax=axes, label="牵头举措数 measures led")
        figure.suptitle("地区 × 单位类型 Region × agency type")
        figure.tight_layout()
        return png_bytes(figure)


def plan_measures(concentration: Table) -> dict[str, int]:
    """Measures per plan, by the plan's column name in the region × type matrix: its region,
    or its key where two plans share a region (as ``AnalysisFacts.column_names``)."""
    region, plan, measures = (column(concentration, c) for c in ("region", "plan", "measures"))
    regions = [row[region] for row in concentration.rows]
    return {
        (row[region] if regions.count(row[region]) == 1 else row[plan]): row[measures]
        for row in concentration.rows
    }


def type_shares(type_matrix: Table, concentration: Table) -> list[list[float]]:
    """The region × type matrix in % of each plan's measures (rows and columns as in the
    matrix)."""
    regions = list(type_matrix.columns[2:-1])
    totals = plan_measures(concentration)
    return [
        [
            100 * value / totals[name] if totals.get(name) else 0.0
            for name, value in zip(regions, row[2:-1], strict=True)
        ]
        for row in type_matrix.rows
    ]


def type_share_heatmap(type_matrix: Table, concentration: Table) -> bytes:
    """Region × agency type as a share: the measures agencies of the type lead, in % of the
    plan's measures, so plans of different length compare."""
    regions = list(type_matrix.columns[2:-1])
    labels = [row[0] for row in type_matrix.rows]
    shares = type_shares(type_matrix, concentration)
    with chart_style():
        figure = Figure(figsize=(1.1 * len(regions) + 2.5, 0.32 * len(labels) + 1.6))
        axes = figure.add_subplot()
        image = axes.imshow(shares or [[0.0]], cmap="Purples", aspect="auto", vmin=0, vmax=100)
        axes.set_xticks(range(len(regions)), labels=regions, rotation=30, ha="right")
        axes.set_yticks(range(len(labels)), labels=labels)
        for y, row in enumerate(shares):
            for x, share in enumerate(row):
                color = "white" if share > 50 else "black"
                axes.text(x, y, f"{share:.0f}%", ha="center", va="center", fontsize=8, color=color)
        figure.colorbar(image, ax=axes, label="占方案举措 % of the plan's measures")
        figure.suptitle("地区 × 单位类型（占比）Region × agency type, share of measures led")
        figure.tight_layout()
        return png_bytes(figure)


def headline_chart(headline_targets: Table) -> bytes:
    """The headline share of citizens with scientific literacy per region, with the stated
    baseline beside it where a plan gives one."""
    region, value, baseline = (
        column(headline_targets, c) for c in ("region", "headline", "baseline")
    )
    rows = headline_targets.rows
    with chart_style():
        figure = Figure(figsize=(1.3 * len(rows) + 2.5, 3.6))
        axes = figure.add_subplot()
        _target_bars(axes, [r[value] for r in rows])
        _baseline_marks(
            axes, [(i, r[baseline]) for i, r in enumerate(rows) if r[baseline] is not None]
        )
        axes.set_xticks(range(len(rows)), labels=[r[region] for r in rows], rotation=20, ha="right")
        axes.set_ylabel("具备科学素质的公民比例 %")
        axes.legend(loc="upper left", fontsize=8)
        axes.margins(y=0.15)
        figure.suptitle("总体目标 Headline literacy target by region")
        figure.tight_layout()
        return png_bytes(figure)


def _target_bars(axes: Axes, values: Sequence[float]) -> None:
    """A bar per region, its percentage written above it."""
    positions = list(range(len(values)))
    axes.bar(positions, values, width=0.6, color=BAR_COLOR, label="目标 target")
    for i, value in enumerate(values):
        axes.annotate(
            f"{value:g}%",
            (i, value),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )


def _baseline_marks(axes: Axes, baselines: Sequence[tuple[int, float]]) -> None:
    """A thick line across and beyond the bar at each stated baseline, its percentage above it
    on a white label, in a colour that stands out against the bar and the page."""
    for n, (i, level) in enumerate(baselines):
        axes.hlines(
            level,
            i - 0.42,
            i + 0.42,
            colors=BASELINE_COLOR,
            linewidth=3.5,
            zorder=3,
            label="基线 baseline" if n == 0 else "_nolegend_",
        )
        axes.annotate(
            f"基线 baseline {level:g}%",
            (i, level),
            xytext=(0, 5),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8,
            color=BASELINE_COLOR,
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": BASELINE_COLOR},
        )
