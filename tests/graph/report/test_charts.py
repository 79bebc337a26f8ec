"""The report's charts keep what an analyst needs to see: top-N lists that never cut between
agencies with the same count, the region × type matrix as a share of each plan's measures, and
a baseline marker that stands out from the bars and the page."""

from __future__ import annotations

import io
import math

import pytest
from matplotlib import image
from plankg.graph.analysis import analyze
from plankg.graph.report import charts
from plankg.graph.report.charts import TIE_ROOM, top_leads, top_rows, type_shares


@pytest.fixture(scope="module")
def tables(triples):
    return analyze(triples)


def value(row):
    return row[1]


@pytest.mark.parametrize(
    ("counts", "shown", "left_out"),
    [
        ([9, 7, 5], [9, 7, 5], 0),
        ([9, 7, 5, 5, 5, 1], [9, 7, 5, 5, 5], 1),
        ([9, 7, 5, 4, 1], [9, 7, 5], 2),
        ([9, 7, 3, 3, 3, 3, 3, 3, 3, 3, 3], [9, 7], 9),
        ([2, 2, 2, 2, 2, 2, 2, 2, 2], [2] * 9, 0),
    ],
    ids=["short", "ties-kept", "plain-cut", "too-many-ties", "all-tied"],
)
def test_top_rows_never_cut_between_equal_counts(counts, shown, left_out):
    rows = [(f"a{i}", count) for i, count in enumerate(counts)]
    found, missing = top_rows(rows, value, 3)
    assert [value(r) for r in found] == shown
    assert missing == left_out
    if missing and found:
        assert value(found[-1]) != value(rows[len(found)])


def test_top_leads_of_the_samples_keep_every_tie(tables):
    chosen = top_leads(tables["lead_load"], 8)
    led = tables["lead_load"].columns.index("measures_led")
    region = tables["lead_load"].columns.index("region")
    for name, (rows, left_out) in chosen.items():
        everyone = [r[led] for r in tables["lead_load"].rows if r[region] == name and r[led]]
        assert len(rows) + left_out == len(everyone)
        last = rows[-1][led]
        assert [r[led] for r in rows] == sorted(everyone, reverse=True)[: len(rows)]
        assert last not in sorted(everyone, reverse=True)[len(rows) :], name
        assert len(rows) <= 8 * TIE_ROOM
    assert len(chosen["周口市"][0]) == 13
    assert [r[led] for r in chosen["周口市"][0]][-5:] == [3] * 5


def test_the_heat_map_as_share_of_each_plans_measures(tables):
    matrix, concentration = tables["type_matrix"], tables["concentration"]
    shares = type_shares(matrix, concentration)
    types = [row[0] for row in matrix.rows]
    zhoukou = matrix.columns.index("周口市") - 2
    assert shares[types.index("科协")][zhoukou] == pytest.approx(70.0)
    assert shares[types.index("工业和信息化")][matrix.columns.index("新郑市") - 2] == pytest.approx(
        100 * 22 / 31
    )
    assert all(0 <= share <= 100 for row in shares for share in row)
    assert charts.type_share_heatmap(matrix, concentration).startswith(b"\x89PNG")


def luminance(color: str) -> float:
    rgb = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_baseline_marker_stands_out_from_page_and_bars(tables):
    assert contrast(charts.BASELINE_COLOR, "#ffffff") >= 3
    bar = [int(charts.BAR_COLOR[i : i + 2], 16) for i in (1, 3, 5)]
    mark = [int(charts.BASELINE_COLOR[i : i + 2], 16) for i in (1, 3, 5)]
    assert math.dist(bar, mark) > 200
    png = charts.headline_chart(tables["headline_targets"])
    pixels = image.imread(io.BytesIO(png))[:, :, :3] * 255
    marked = (abs(pixels - mark).sum(axis=2) < 40).nonzero()
    bars = (abs(pixels - bar).sum(axis=2) < 40).nonzero()
    assert len(marked[0]) > 300
    rows = set(marked[0].tolist())
    bar_columns = [c for r, c in zip(*bars, strict=True) if r in rows]
    assert marked[1].min() < min(bar_columns) or marked[1].max() > max(bar_columns)
