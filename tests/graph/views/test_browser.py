"""The views in a real browser: Debian's headless Chromium, driven by Playwright, opens each page
from a file URL with networking off. No console error, no request leaves the page, the vis
DataSets hold exactly the view's nodes and edges, and a plan full of markup shows its
characters and runs nothing. Screenshots go to test-output/views/.

Skipped when Chromium or Playwright is missing, except under CI=true, where that fails.
"""

from __future__ import annotations

import pytest
from plankg.graph.views import agency_view, plan_view, types_view

pytestmark = pytest.mark.browser

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def data_sets(seen) -> tuple[set[str], list[tuple[str, str]]]:
    nodes, edges = seen.evaluate(
        "() => [plankg.nodes.getIds(), plankg.edges.get().map(e => [e.from, e.to])]"
    )
    return set(nodes), sorted(tuple(e) for e in edges)


VIEWS = {
    "plan-quanzhou": lambda g: plan_view(g, "泉州市"),
    "plan-zhoukou": lambda g: plan_view(g, "周口市"),
    "agencies": agency_view,
    "types": types_view,
}
"""The network views (the tasks view is a table: test_browser_tasks.py)."""


@pytest.mark.parametrize("name", list(VIEWS))
def test_view_opens_offline_and_draws_exactly_the_view(open_view, graph, name):
    view = VIEWS[name](graph)
    with open_view(view, name) as seen:
        nodes, edges = data_sets(seen)
        assert seen.errors == []
        assert seen.requests == []
        assert nodes == {n.id for n in view.nodes}
        assert edges == sorted((e.source, e.target) for e in view.edges)
        assert seen.visible() == view.counts()
        assert seen.evaluate("() => document.querySelectorAll('canvas').length") == 1
        drawn = {entry.label for entry in view.legend if entry.family}
        assert set(seen.legend()) == drawn
        assert seen.screenshot(name).stat().st_size > 20_000


def test_role_filter_keeps_leads_and_the_tree(open_view, graph):
    view = plan_view(graph, "泉州市")
    kept = {n.id for n in view.nodes if n.kind != "agency" or "牵头 lead" in n.facets["role"]}
    edges = [e for e in view.edges if e.kind != "partner" and e.source in kept and e.target in kept]
    with open_view(view, "plan-leads") as seen:
        seen.page.select_option("#filter-role", "牵头 lead")
        assert seen.visible() == (len(kept), len(edges))
        seen.screenshot("plan-leads")


@pytest.mark.parametrize("name", ["plan", "agencies"])
def test_a_plan_full_of_markup_shows_it_and_runs_nothing(open_view, xss_graph, name):
    view = plan_view(xss_graph) if name == "plan" else agency_view(xss_graph)
    agency = next(n for n in view.nodes if SCRIPT in n.label)
    with open_view(view, f"xss-{name}") as seen:
        assert seen.errors == [] and seen.requests == []
        assert seen.evaluate("() => document.images.length") == 0
        assert seen.evaluate("() => document.scripts.length") == 3
        assert f"市{SCRIPT}局" in seen.hover(agency.id)
        if name == "plan":
            measure = next(n for n in view.nodes if n.kind == "measure" and SCRIPT in n.label_zh)
            text = seen.hover(measure.id)
            assert f"开展{SCRIPT}科普活动" in text and IMG in text
        seen.screenshot(f"xss-{name}-tooltip")
        seen.page.fill("#search", IMG)
        found = seen.evaluate(
            "() => Array.from(document.querySelectorAll('#search-results button'), b => b.textContent)"
        )
        assert found == [f"市{IMG}局（测试市）"]
        seen.page.press("#search", "Enter")
        assert seen.page.text_content("#details-title") == f"市{IMG}局（测试市）"
        assert seen.evaluate("() => document.images.length") == 0
        assert seen.dialogs == []
        assert seen.errors == []
