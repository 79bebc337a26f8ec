"""The report's charts as PNG bytes, drawn with matplotlib's Agg canvas (no pyplot, so no global
backend is set for the caller) from the analysis tables.

Chinese labels need a CJK font: the first installed family of :data:`CJK_FONTS` is used; with
none, a warning says how to install one and the labels fall back to boxes. PNGs carry no
software or date metadata, so the same tables give the same bytes.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from math import ceil

import matplotlib
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from plankg.tables import Table

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "AR PL UMing CN",
)
NO_CJK_FONT = (
    "no CJK font found for the report's charts; Chinese labels will show as boxes "
    "(install one, e.g. apt-get install fonts-noto-cjk)"
)
DPI = 100
BAR_COLOR = "#3b6ea5"
BASELINE_COLOR = "#c9c9c9"
TOP_PER_REGION = 8
TOP_TYPES = 15


class NoCJKFontWarning(UserWarning):
    """Charts are drawn without a font for Chinese."""


@cache
def cjk_font() -> str | None:
    """The first installed family of :data:`CJK_FONTS`, or None (warned once)."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = next((name for name in CJK_FONTS if name in installed), None)
    if found is None:
        warnings.warn(NO_CJK_FONT, NoCJKFontWarning, stacklevel=2)
    return found


@contextmanager
def chart_style() -> Iterator[None]:
    font = cjk_font()
    families = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    settings = {
        "font.family": "sans-serif",
        "font.sans-serif": families,
        "axes.unicode_minus": False,
        "svg.hashsalt": "plankg",
        "font.size": 9,
    }
    with matplotlib.rc_context(settings), warnings.catch_warnings():  # type: ignore[arg-type]
        if font is None:
            warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        yield


def png_bytes(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def _column(table: Table, name: str) -> int:
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


def top_leads_chart(lead_load: Table, top: int = TOP_PER_REGION) -> bytes:
    """Per region, the agencies that lead most measures (small multiples)."""
    region, agency, led = (_column(lead_load, c) for c in ("region", "agency", "measures_led"))
    regions = sorted({row[region] for row in lead_load.rows})
    columns = min(3, max(1, len(regions)))
    lines = ceil(len(regions) / columns) if regions else 1
    with chart_style():
        figure = Figure(figsize=(4.2 * columns, 0.32 * top * lines + 0.9 * lines))
        for i, name in enumerate(regions, start=1):
            rows = [r for r in lead_load.rows if r[region] == name][:top]
            axes = figure.add_subplot(lines, columns, i)
            _barh(axes, [r[agency] for r in rows], [r[led] for r in rows], name)
        figure.suptitle("牵头举措最多的单位 Top lead agencies by measures led")
        figure.tight_layout()
        return png_bytes(figure)


def type_load_chart(type_load: Table, top: int = TOP_TYPES) -> bytes:
    """Agency types by measures led across all plans."""
    kind, led = _column(type_load, "type"), _column(type_load, "measures_led")
    rows = type_load.rows[:top]
    with chart_style():
        figure = Figure(figsize=(7, 0.32 * len(rows) + 1.2))
        axes = figure.add_subplot()
        _barh(axes, [r[kind] for r in rows], [r[led] for r in rows], "")
        axes.set_xlabel("牵头举措数 measures led")
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


def headline_chart(headline_targets: Table) -> bytes:
    """The headline share of citizens with scientific literacy per region, with the stated
    baseline beside it where a plan gives one."""
    region, value, baseline = (
        _column(headline_targets, c) for c in ("region", "headline", "baseline")
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
    """A dashed line across the bar at each stated baseline, its percentage inside the bar."""
    for n, (i, level) in enumerate(baselines):
        axes.hlines(
            level,
            i - 0.3,
            i + 0.3,
            colors=BASELINE_COLOR,
            linestyles="dashed",
            linewidth=2,
            label="基线 baseline" if n == 0 else "_nolegend_",
        )
        axes.annotate(
            f"{level:g}%",
            (i, level),
            xytext=(0, -10),
            textcoords="offset points",
            ha="center",
            fontsize=8,
            color="white",
        )
